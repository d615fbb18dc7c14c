import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { corpusPlugin } from './src/node/vite-plugin-corpus.ts';
import { cspPlugin } from './src/node/vite-plugin-csp.ts';
import { inlinePublicPlugin } from './src/node/vite-plugin-inline-public.ts';

// The folder bundled into the app; REFRAIN_SEEDS lets a teacher build from another folder.
const seeds = process.env.REFRAIN_SEEDS ?? 'seeds';
const corpusName = process.env.REFRAIN_CORPUS_NAME ?? 'World Internet Conference, 2019–2022';

export default defineConfig({
  // './' so the one built file works from any sub-path and from file://.
  base: './',
  plugins: [svelte(), corpusPlugin({ dir: seeds, name: corpusName }), inlinePublicPlugin(), viteSingleFile(), cspPlugin()],
  // public/ holds what index.html links (the icon); it is inlined into the one file, not copied beside it.
  build: { target: 'es2022', reportCompressedSize: false, copyPublicDir: false },
  test: {
    // Every temporary folder a test file makes (tests/temp-dirs.ts) is removed after it.
    setupFiles: ['tests/setup-temp-dirs.ts'],
    projects: [
      {
        extends: true,
        // A guard against hangs, not a speed target: a few tests read thousands of records or
        // 200,000 lines and must not fail on a shared, loaded machine (speed lives in `npm run bench`).
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
