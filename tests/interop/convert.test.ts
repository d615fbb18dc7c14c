import { describe, expect, it } from 'vitest';
import { ImportCancelled } from '../../src/interop/lines.ts';
import { buildImport } from '../../src/interop/convert.ts';
import { scanFiles } from '../../src/interop/scan.ts';
import { jsonl, memorySource } from './helpers.ts';
import { SLOGAN_DOCS, clusterRecord, documentsJsonl } from './fixture.ts';

const docs = () => memorySource('corpus.jsonl', documentsJsonl());
const clusters = () => memorySource('out.json/part-0', jsonl(['c', 'a', 'b'].map((id) => clusterRecord(id, 1))));

async function build(sources = [docs(), clusters()], keep: Uint8Array | null = null, options = {}) {
  return buildImport(sources, await scanFiles(sources), keep, options);
}

describe('buildImport', () => {
  it('returns the kept documents sorted by id, as Refrain’s own, with where the analysis came from', async () => {
    const imported = await build(undefined, null, { parameters: '  seriatim --all-pairs  ' });
    expect(imported.documents.map((d) => d.meta.id)).toEqual(SLOGAN_DOCS.map((d) => d.id));
    expect(imported.documents[0]).toMatchObject({ text: SLOGAN_DOCS[0]!.text, original: SLOGAN_DOCS[0]!.text, edits: [] });
    expect(imported.documents[0]!.meta.provenance).toMatch(/^Read from corpus\.jsonl/);
    expect(imported.computedBy).toEqual({ tool: 'passim', results: ['cluster'], parameters: 'seriatim --all-pairs', offsets: 'code points', boilerplate: [] });
    expect(imported.report).toMatchObject({ problemCount: 0, checked: 3, unchecked: 0 });
  });

  it('reads dates as any document\'s, and a date it cannot read costs only the date, with the reason in the provenance', async () => {
    const dates: Record<string, string> = { a: '20 October 2019', b: '1865-13', c: '3/5/21' };
    const lines = SLOGAN_DOCS.map((d) => JSON.stringify({ id: d.id, series: d.series, date: dates[d.id] ?? d.date, text: d.text })).join('\n');
    const imported = await build([memorySource('corpus.jsonl', lines), clusters()]);
    const meta = (id: string) => imported.documents.find((d) => d.meta.id === id)!.meta;
    expect(meta('a').date).toMatchObject({ value: '2019-10-20', precision: 'day' });
    expect(meta('b')).toMatchObject({ date: null, provenance: 'Read from corpus.jsonl, as the text passim or TextPAIR analysed. Its date “1865-13” was not read (there is no month 13).' });
    expect(meta('c').date).toMatchObject({ value: '2021', precision: 'year' });
    expect(meta('c').provenance).toMatch(/Its date “3\/5\/21” was read as the year 2021 only/);
  });

  it('keeps only the selected documents, and says how many clusters the selection cut to one document', async () => {
    const keep = Uint8Array.from(SLOGAN_DOCS, (d) => (d.id === 'a' || d.id === 'd' ? 1 : 0));
    const imported = await build(undefined, keep);
    expect(imported.documents.map((d) => d.meta.id)).toEqual(['a', 'd']);
    expect(imported.result.families).toEqual([]);
    expect(imported.report.clustersDropped).toEqual({ oneDocument: 0, outsideSelection: 1 });
  });

  it('refuses, with a reason, files without results, a selection keeping nothing, and a cancelled import', async () => {
    await expect(build([docs()])).rejects.toThrow('no passim or TextPAIR result records were read (only documents)');
    await expect(build(undefined, new Uint8Array(SLOGAN_DOCS.length))).rejects.toThrow('the selection keeps no documents');
    await expect(build(undefined, null, { cancelled: () => true })).rejects.toBeInstanceOf(ImportCancelled);
  });
});
