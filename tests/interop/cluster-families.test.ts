import { describe, expect, it } from 'vitest';
import { ImportCancelled } from '../../src/interop/lines.ts';
import { OffsetMismatch, buildImport, scanFiles, type Source } from '../../src/interop/index.ts';
import { joinMembers, linkPairs } from '../../src/interop/cluster-families.ts';
import type { Family, Passage, Span } from '../../src/reuse/types.ts';
import { jsonl, memorySource } from './helpers.ts';
import { PHRASES, SLOGAN_DOCS, clusterRecord, documentsJsonl, sloganSpan } from './fixture.ts';

async function importFiles(sources: Source[], options = {}) {
  const scan = await scanFiles(sources);
  return { scan, imported: await buildImport(sources, scan, null, options) };
}

const docsSource = () => memorySource('corpus.jsonl', documentsJsonl());

describe('passim clusters', () => {
  it('makes one family per cluster with members on the right UTF-16 offsets after astral characters', async () => {
    const records = ['a', 'b', 'c'].map((id) => clusterRecord(id, 42));
    const { imported } = await importFiles([docsSource(), memorySource('out.json/part-00000', jsonl(records))]);
    const [family] = imported.result.families;
    expect(imported.result.families).toHaveLength(1);
    expect(family!.members.map((m) => [m.doc, m.start, m.end])).toEqual(['a', 'b', 'c'].map((id) => [id, sloganSpan(id).start, sloganSpan(id).end]));
    for (const m of family!.members) expect(imported.documents.find((d) => d.meta.id === m.doc)!.text.slice(m.start, m.end)).toBe(PHRASES[m.doc]);
    expect(family!.label).toBe('a community with a shared future in cyberspace');
    expect(family!.spread).toEqual({ first: { doc: 'a', date: '2019-10-20' }, outlets: ['Daily A', 'Post B'], years: ['2019', '2020', '2021'] });
    // Refrain computes the word alignment: the variant's substitutions are in the ops.
    const ops = family!.passages.flatMap((i) => imported.result.passages[i]!.ops);
    expect(ops).toContainEqual({ op: 'sub', a: 'with', b: 'of' });
    expect(imported.computedBy.offsets).toBe('code points');
    expect(imported.documents.map((d) => d.meta.outlet)).toEqual(['Daily A', 'Post B', 'Daily A', 'Herald C']);
  });

  it('reports malformed lines by number, skips them, and imports the rest', async () => {
    const text = [
      JSON.stringify(clusterRecord('a', 1)),
      '{"cluster": 1, "begin": ',
      JSON.stringify({ ...clusterRecord('b', 1), begin: undefined }),
      JSON.stringify(clusterRecord('b', 1, { id: 'nowhere' })),
      JSON.stringify(clusterRecord('b', 1, { begin: 30, end: 10 })),
      JSON.stringify(clusterRecord('c', 1)),
      JSON.stringify({ id: 'b', text: 'a document line among clusters' }),
    ].join('\n');
    const { scan, imported } = await importFiles([docsSource(), memorySource('part-00001', text)]);
    expect(scan.problems.map((p) => [p.file, p.line])).toEqual([
      ['part-00001', 2],
      ['part-00001', 3],
      ['part-00001', 4],
      ['part-00001', 5],
      ['part-00001', 7],
    ]);
    expect(scan.problems[0]!.message).toMatch(/not valid JSON/);
    expect(scan.problems[1]!.message).toMatch(/"begin" must be a whole number/);
    expect(scan.problems[4]!.message).toMatch(/"cluster" must be a number or a name/);
    expect(scan.problems[2]!.message).toMatch(/"nowhere" is not in the documents/);
    expect(scan.problems[3]!.message).toMatch(/"end" \(10\) is before "begin" \(30\)/);
    expect(imported.result.families[0]!.members.map((m) => m.doc)).toEqual(['a', 'c']);
  });

  it('drops a cluster left with one passage, or passages in one document, and says so', async () => {
    const records = [clusterRecord('a', 1), clusterRecord('b', 1), clusterRecord('c', 7), { ...clusterRecord('a', 9), begin: 0, end: 7, text: 'Leaders' }, clusterRecord('a', 9)];
    const { imported } = await importFiles([docsSource(), memorySource('part-0', jsonl(records))]);
    expect(imported.result.families).toHaveLength(1);
    expect(imported.report.clustersDropped).toEqual({ oneDocument: 2, outsideSelection: 0 });
  });

  it('refuses token offsets (passim before 2017) with a message saying so, and keeps nothing', async () => {
    const tokenSpan = (id: string) => {
      const doc = SLOGAN_DOCS.find((d) => d.id === id)!;
      const before = doc.text.slice(0, sloganSpan(id).start).split(/\s+/).filter(Boolean).length;
      return { begin: before, end: before + PHRASES[id]!.split(' ').length };
    };
    const records = ['a', 'b', 'c'].map((id) => clusterRecord(id, 3, tokenSpan(id)));
    const sources = [docsSource(), memorySource('part-0', jsonl(records))];
    const scan = await scanFiles(sources);
    const error = await buildImport(sources, scan, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OffsetMismatch);
    expect((error as Error).message).toMatch(/3 of 3 passim cluster records do not match.*count words \(tokens\), as passim did before May 2017/);
  });

  it('refuses records that do not fit the documents given (not the texts passim read)', async () => {
    const records = ['a', 'b', 'c'].map((id) => clusterRecord(id, 3));
    const changed = SLOGAN_DOCS.map((d) => JSON.stringify({ id: d.id, text: `Preface added later. ${d.text}` })).join('\n');
    const sources = [memorySource('corpus.jsonl', changed), memorySource('part-0', jsonl(records))];
    await expect(buildImport(sources, await scanFiles(sources), null)).rejects.toThrow(/not the texts passim read/);
  });

  it('reads UTF-16 offsets, as passim 1 (Scala) wrote them', async () => {
    const records = ['a', 'b', 'c'].map((id) => clusterRecord(id, 3, { begin: sloganSpan(id).start, end: sloganSpan(id).end }));
    const { imported } = await importFiles([docsSource(), memorySource('part-0', jsonl(records))]);
    expect(imported.result.families[0]!.members.map((m) => m.start)).toEqual(['a', 'b', 'c'].map((id) => sloganSpan(id).start));
    expect(imported.computedBy.offsets).toMatch(/UTF-16/);
  });

  it('marks a cluster passim found mostly within one series as boilerplate (pboiler, else its boiler marks)', async () => {
    const byPboiler = [clusterRecord('a', 5, { pboiler: 1 }), clusterRecord('c', 5, { pboiler: 1, boiler: true })];
    const { imported } = await importFiles([docsSource(), memorySource('part-0', jsonl(byPboiler))]);
    expect(imported.computedBy.boilerplate).toEqual([imported.result.families[0]!.id]);
    const byMarks = [clusterRecord('a', 5, { boiler: true }), clusterRecord('c', 5, { boiler: true }), clusterRecord('b', 5)];
    expect((await importFiles([docsSource(), memorySource('part-0', jsonl(byMarks))])).imported.computedBy.boilerplate).toHaveLength(1);
    const notBoiler = [clusterRecord('a', 5, { pboiler: 0 }), clusterRecord('b', 5, { pboiler: 0 })];
    expect((await importFiles([docsSource(), memorySource('part-0', jsonl(notBoiler))])).imported.computedBy.boilerplate).toEqual([]);
  });

  it("links a member to passim's inferred source (src) when it is in the cluster", async () => {
    const b = clusterRecord('b', 8);
    const records = [clusterRecord('a', 8), b, clusterRecord('c', 8, { src: [{ uid: b['uid'], begin: b['begin'], end: b['end'] }] })];
    const { imported } = await importFiles([docsSource(), memorySource('part-0', jsonl(records))]);
    const pairs = imported.result.passages.map((p) => `${p.a.doc}-${p.b.doc}`).sort();
    expect(pairs).toEqual(['a-b', 'b-c']);
  });

  it('stops when cancelled', async () => {
    const records = Array.from({ length: 3000 }, (_, i) => clusterRecord(['a', 'b', 'c'][i % 3]!, Math.floor(i / 3)));
    const sources = [docsSource(), memorySource('part-0', jsonl(records), 4096)];
    const scan = await scanFiles(sources);
    await expect(buildImport(sources, scan, null, { cancelled: () => true })).rejects.toBeInstanceOf(ImportCancelled);
    await expect(scanFiles(sources, { cancelled: () => true })).rejects.toBeInstanceOf(ImportCancelled);
  });
});

describe('joinMembers', () => {
  it('joins a document’s overlapping passages into one member, keeping each record', () => {
    const members = joinMembers([
      { doc: 0, start: 0, end: 10, record: 0 },
      { doc: 0, start: 5, end: 20, record: 1 },
      { doc: 0, start: 20, end: 30, record: 2 },
      { doc: 1, start: 0, end: 10, record: 3 },
    ]);
    expect(members).toEqual([
      { doc: 0, start: 0, end: 20, records: [0, 1] },
      { doc: 0, start: 20, end: 30, records: [2] },
      { doc: 1, start: 0, end: 10, records: [3] },
    ]);
  });
});

describe('linkPairs', () => {
  it('adds a pair passage to the family whose members both its spans overlap, and to no other', () => {
    const family = (id: string, members: Span[]) => ({ id, members, passages: [] as number[] }) as unknown as Family;
    const families = [family('f1', [{ doc: 'a', start: 0, end: 10 }, { doc: 'b', start: 0, end: 10 }]), family('f2', [{ doc: 'a', start: 50, end: 60 }, { doc: 'c', start: 0, end: 10 }])];
    const passage = (a: Span, b: Span) => ({ a, b }) as Passage;
    const passages = [passage({ doc: 'a', start: 0, end: 1 }, { doc: 'b', start: 0, end: 1 }), passage({ doc: 'a', start: 5, end: 8 }, { doc: 'b', start: 2, end: 9 }), passage({ doc: 'a', start: 5, end: 8 }, { doc: 'c', start: 2, end: 9 })];
    linkPairs(families, passages, 1);
    expect(families.map((f) => f.passages)).toEqual([[1], []]);
  });
});
