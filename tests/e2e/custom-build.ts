/**
 * Builds Refrain with a corpus made for one test: writes the files to a
 * temporary folder (removed after the test file) and runs the real build with REFRAIN_SEEDS pointing at it,
 * into test-results/builds/<name>/index.html. The production build in dist/
 * is left alone.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { makeTempDir, ROOT } from './harness.ts';

export async function buildWithCorpus(name: string, files: Record<string, string>, corpusName = `Test corpus: ${name}`): Promise<string> {
  const seeds = makeTempDir(`refrain-corpus-${name}-`);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(seeds, file), text);
  const outDir = join(ROOT, 'test-results', 'builds', name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const saved = { seeds: process.env.REFRAIN_SEEDS, name: process.env.REFRAIN_CORPUS_NAME };
  process.env.REFRAIN_SEEDS = seeds;
  process.env.REFRAIN_CORPUS_NAME = corpusName;
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    if (saved.seeds === undefined) delete process.env.REFRAIN_SEEDS;
    else process.env.REFRAIN_SEEDS = saved.seeds;
    if (saved.name === undefined) delete process.env.REFRAIN_CORPUS_NAME;
    else process.env.REFRAIN_CORPUS_NAME = saved.name;
  }
  return join(outDir, 'index.html');
}

/** Deterministic filler prose of made-up words, sharing nothing with other seeds' filler. */
export function filler(seed: number, sentences: number): string {
  let state = seed * 2654435761 || 1;
  const rand = () => ((state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  const syllables = ['ka', 'lo', 'mi', 'ner', 'tu', 'sha', 'vel', 'dro', 'pim', 'zor', 'qua', 'bex', 'ruh', 'fen', 'gal', 'wix'];
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => syllables[Math.floor(rand() * syllables.length)]).join('');
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const words = Array.from({ length: 8 + Math.floor(rand() * 10) }, word);
    out.push(`${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`);
  }
  return out.join(' ');
}
