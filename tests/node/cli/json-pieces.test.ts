import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readCorpusFromPaths } from '../../../src/node/load-corpus.ts';
import { jsonPieces } from '../../../src/node/cli/json-pieces.ts';
import { detectReuse } from '../../../src/reuse/index.ts';

describe('jsonPieces', () => {
  it('joins to exactly JSON.stringify of the whole result, with and without computedBy', async () => {
    const { corpus } = await readCorpusFromPaths([resolve(import.meta.dirname, '../../../seeds')]);
    const result = detectReuse(corpus!.documents.map((d) => ({ id: d.meta.id, text: d.text, date: d.meta.date, outlet: d.meta.outlet })));
    const documents = corpus!.documents.map((d) => ({ id: d.meta.id, title: d.meta.title, outlet: d.meta.outlet, date: d.meta.date?.value ?? null, text: d.text }));
    expect([...jsonPieces(corpus!, result)].join('')).toBe(JSON.stringify({ documents, passages: result.passages, families: result.families }));
    const computedBy = { tool: 'passim', note: 'x' } as never;
    expect([...jsonPieces(corpus!, result, computedBy)].join('')).toBe(JSON.stringify({ documents, passages: result.passages, families: result.families, computedBy }));
  });

  it('writes an empty result as empty lists', async () => {
    const { corpus } = await readCorpusFromPaths([resolve(import.meta.dirname, '../../../seeds')]);
    const pieces = [...jsonPieces({ ...corpus!, documents: [] }, { passages: [], families: [] })];
    expect(JSON.parse(pieces.join(''))).toEqual({ documents: [], passages: [], families: [] });
  });
});
