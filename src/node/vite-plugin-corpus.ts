/**
 * Bundles a corpus folder into the app as `virtual:refrain-corpus`: read,
 * validated and cleaned at build time, so a bad file fails the build with a
 * message naming the file and the field.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:refrain-corpus';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export interface CorpusPluginOptions {
  /** Folder of documents, relative to the project root. */
  dir: string;
  name: string;
}

export function corpusPlugin({ dir, name }: CorpusPluginOptions): Plugin {
  let root = process.cwd();
  return {
    name: 'refrain-corpus',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const folder = resolve(root, dir);
      // Loaded on demand so that reading vite.config.ts (vitest, svelte-check) does not pull in the corpus code.
      const { CorpusError, corpusWatchFiles, loadCorpusFromPaths } = await import('./load-corpus.ts');
      try {
        const corpus = await loadCorpusFromPaths([folder], name, root);
        for (const file of await corpusWatchFiles([folder])) this.addWatchFile(file);
        // JSON.parse of a string literal starts faster than an object literal this size.
        // "<" is escaped so a text containing "</script>" cannot end the inline script.
        const literal = JSON.stringify(JSON.stringify(corpus)).replace(/</g, '\\u003c');
        return `export default JSON.parse(${literal});`;
      } catch (error) {
        if (error instanceof CorpusError) this.error(`Corpus error in ${error.message}`);
        throw error;
      }
    },
  };
}
