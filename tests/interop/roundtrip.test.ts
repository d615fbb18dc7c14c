import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImport, passimDocumentLines, scanFiles } from '../../src/interop/index.ts';
import { loadCorpusFromPaths } from '../../src/node/load-corpus.ts';
import { detectReuse } from '../../src/reuse/index.ts';
import type { Family } from '../../src/reuse/types.ts';
import { clusterRecords, jsonl, memorySource, type FixtureDoc } from './helpers.ts';

const SEEDS = resolve(import.meta.dirname, '../../seeds');
// What an import can rebuild from spans alone: the core, kind, id and
// contains/partOf links come from the alignments' tokens (formulas.ts),
// which passim's clusters do not carry.
const comparable = (f: Family) => ({ label: f.label, members: f.members, variants: f.variants, spread: f.spread, documents: f.documents });

describe('round trip through passim formats', () => {
  it('exports the bundled corpus, imports its own families as passim clusters, and gets the same families', async () => {
    const corpus = await loadCorpusFromPaths([SEEDS]);
    const docs = corpus.documents;
    const exported = [...passimDocumentLines(docs)].join('');
    const own = detectReuse(docs.map((d) => ({ id: d.meta.id, text: d.text, date: d.meta.date, outlet: d.meta.outlet })));
    expect(own.families.length).toBeGreaterThan(5);
    const fixture: FixtureDoc[] = docs.map((d) => ({ id: d.meta.id, text: d.text, series: d.meta.outlet, date: d.meta.date?.value ?? null }));
    const sources = [memorySource('out.json/part-00000', jsonl(clusterRecords(own, fixture)), 4096), memorySource('corpus.jsonl', exported, 1000)];
    const scan = await scanFiles(sources);
    expect(scan.problems).toEqual([]);
    const imported = await buildImport(sources, scan, null, { parameters: 'passim corpus.jsonl out' });

    expect(imported.documents.map((d) => [d.meta.id, d.meta.title, d.meta.outlet, d.meta.date, d.text])).toEqual(docs.map((d) => [d.meta.id, d.meta.title, d.meta.outlet, d.meta.date, d.text]));
    // The same families (in another order where the engine ranks a family of names after framing: passim has no `kind`).
    const byLabel = (fs: Family[]) => fs.map(comparable).sort((x, y) => (x.label < y.label ? -1 : x.label > y.label ? 1 : x.members[0]!.start - y.members[0]!.start));
    expect(byLabel(imported.result.families)).toEqual(byLabel(own.families));
    expect(imported.computedBy).toMatchObject({ tool: 'passim', results: ['cluster'], parameters: 'passim corpus.jsonl out' });
    expect(imported.report.problemCount).toBe(0);
    // Every family's passages link its members, as Refrain's own do.
    for (const f of imported.result.families) {
      const linked = new Set(f.passages.flatMap((i) => [imported.result.passages[i]!.a, imported.result.passages[i]!.b]).map((s) => `${s.doc}:${s.start}`));
      for (const m of f.members) expect(linked.has(`${m.doc}:${m.start}`)).toBe(true);
    }
  }, 30_000);
});
