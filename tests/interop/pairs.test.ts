import { describe, expect, it } from 'vitest';
import { OffsetMismatch, buildImport, scanFiles, type Source } from '../../src/interop/index.ts';
import { codePoints, jsonl, memorySource } from './helpers.ts';
import { PHRASES, SLOGAN_DOCS, clusterRecord, documentsJsonl, sloganSpan } from './fixture.ts';

const docsSource = () => memorySource('corpus.jsonl', documentsJsonl());
const docText = (id: string) => SLOGAN_DOCS.find((d) => d.id === id)!.text;

/** passim 2's --pairwise record for the slogan in x and y: code-point offsets, aligned strings with "-" gaps. */
function pairRecord(x: string, y: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const sx = sloganSpan(x);
  const sy = sloganSpan(y);
  const s1 = PHRASES[x]!;
  const s2 = PHRASES[y]!;
  const pad = (s: string, n: number) => s + '-'.repeat(n - s.length);
  const n = Math.max(s1.length, s2.length);
  return { uid: 1, uid2: 2, begin: codePoints(docText(x), sx.start), end: codePoints(docText(x), sx.end), begin2: codePoints(docText(y), sy.start), end2: codePoints(docText(y), sy.end), id: x, id2: y, series: 's', series2: 's', s1: pad(s1, n), s2: pad(s2, n), matches: 40, ...extra };
}

async function importFiles(sources: Source[]) {
  const scan = await scanFiles(sources);
  return { scan, imported: await buildImport(sources, scan, null) };
}

describe('passim pairwise alignments', () => {
  it('become passages with Refrain word ops, grouped into families by Refrain', async () => {
    const { imported } = await importFiles([docsSource(), memorySource('align.json/part-00000', jsonl([pairRecord('a', 'b'), pairRecord('b', 'c')]))]);
    expect(imported.result.passages).toHaveLength(2);
    const p = imported.result.passages.find((q) => q.b.doc === 'c')!;
    expect([p.a.doc, p.a.start, p.a.end]).toEqual(['b', sloganSpan('b').start, sloganSpan('b').end]);
    expect(p.ops.filter((o) => o.op !== 'match')).toEqual([
      { op: 'sub', a: 'with', b: 'of' },
      { op: 'del', a: 'a' },
      { op: 'ins', b: 'the' },
    ]);
    // The engine's weights: six matches (four content words) 14, a substitution −1, two gaps −2 each.
    expect([p.score, p.contentMatches, p.similarity, p.words]).toEqual([9, 4, 0.667, 8]);
    expect(imported.result.families).toHaveLength(1);
    expect(imported.result.families[0]!.members.map((m) => m.doc)).toEqual(['a', 'b', 'c']);
    expect(imported.computedBy).toMatchObject({ tool: 'passim', results: ['pair'] });
  });

  it("reads passim 1's suffixed names (id1, begin1, end1)", async () => {
    const r = pairRecord('a', 'b');
    const v1 = { id1: r['id'], id2: r['id2'], begin1: r['begin'], end1: r['end'], begin2: r['begin2'], end2: r['end2'], uid1: 1, uid2: 2, s1: r['s1'], s2: r['s2'], matches: 1, score: 9 };
    const { imported } = await importFiles([docsSource(), memorySource('align.json', jsonl([v1]))]);
    expect(imported.result.passages.map((p) => [p.a.doc, p.a.start, p.b.doc, p.b.start])).toEqual([['a', sloganSpan('a').start, 'b', sloganSpan('b').start]]);
  });

  it('checks the aligned strings against the texts (real hyphens as U+2010 in passim)', async () => {
    const hyphenated = [
      { id: 'x', text: 'Before 🌍 the well-known slogan about a shared future in cyber-space.' },
      { id: 'y', text: 'After the well-known slogan about a common future in cyber-space.' },
    ];
    const p = (t: string) => t.slice(t.indexOf('the well'));
    const rec = { uid: 1, uid2: 2, id: 'x', id2: 'y', begin: codePoints(hyphenated[0]!.text, hyphenated[0]!.text.indexOf('the well')), end: [...hyphenated[0]!.text].length, begin2: 6, end2: hyphenated[1]!.text.length, s1: p(hyphenated[0]!.text).replace(/-/g, '\u2010').replace('shared', 'shared-'), s2: p(hyphenated[1]!.text).replace(/-/g, '\u2010').replace('common', '-common'), matches: 1 };
    const { imported } = await importFiles([memorySource('docs.jsonl', jsonl(hyphenated)), memorySource('align.json', jsonl([rec]))]);
    expect(imported.report).toMatchObject({ checked: 1, problemCount: 0 });
    expect(imported.result.passages[0]!.ops).toContainEqual({ op: 'sub', a: 'shared', b: 'common' });
  });

  it('joins pair passages to the cluster families they fall in', async () => {
    const clusters = ['a', 'b', 'c'].map((id) => clusterRecord(id, 4));
    const { imported } = await importFiles([docsSource(), memorySource('out.json/part-0', jsonl(clusters)), memorySource('align.json/part-0', jsonl([pairRecord('a', 'c')]))]);
    const [f] = imported.result.families;
    const pairs = f!.passages.map((i) => imported.result.passages[i]!).map((p) => `${p.a.doc}-${p.b.doc}`);
    expect(pairs).toContain('a-c');
    expect(imported.computedBy.results).toEqual(['cluster', 'pair']);
  });

  it('refuses pairs whose offsets do not fit the texts', async () => {
    const shifted = [pairRecord('a', 'b', { begin: 3, end: 50 }), pairRecord('a', 'b', { begin: 5, end: 60 })];
    const sources = [docsSource(), memorySource('align.json', jsonl(shifted))];
    await expect(buildImport(sources, await scanFiles(sources), null)).rejects.toBeInstanceOf(OffsetMismatch);
  });
});
