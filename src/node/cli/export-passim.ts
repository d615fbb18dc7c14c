/**
 * `npm run --silent export-passim -- [PATH...] > corpus.jsonl`: the corpus
 * (the bundled seeds/ when no path is given; same paths as `analyze`) as
 * passim's input, one JSON document per line, cleaned texts.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { passimDocumentLines } from '../../interop/documents.ts';
import { CorpusError, loadCorpusFromPaths } from '../load-corpus.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const USAGE = 'usage: npm run --silent export-passim -- [PATH...] > corpus.jsonl';

export async function main(argv: string[]): Promise<number> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const bad = argv.find((a) => a.startsWith('-'));
  if (bad) {
    process.stderr.write(`export-passim: unknown option "${bad}" (${USAGE})\n`);
    return 2;
  }
  try {
    const corpus = await loadCorpusFromPaths(argv.length ? argv : [resolve(REPO_ROOT, 'seeds')]);
    for (const line of passimDocumentLines(corpus.documents)) {
      if (!process.stdout.write(line)) await once(process.stdout, 'drain');
    }
    process.stderr.write(`export-passim: ${corpus.documents.length} documents\n`);
    return 0;
  } catch (err) {
    const message = err instanceof CorpusError ? err.message : `export-passim: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`${message.split('\n')[0]}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
