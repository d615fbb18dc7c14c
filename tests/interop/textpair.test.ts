import { describe, expect, it } from 'vitest';
import { OffsetMismatch, buildImport, scanFiles, type Source } from '../../src/interop/index.ts';
import { jsonl, memorySource } from './helpers.ts';
import { PHRASES, SLOGAN_DOCS, sloganSpan } from './fixture.ts';

const encoder = new TextEncoder();
const bytes = (s: string) => encoder.encode(s).length;
/** The files TextPAIR read: plain text, one with Windows line ends and a byte-order mark. */
const fileText = (id: string) => {
  const text = SLOGAN_DOCS.find((d) => d.id === id)!.text;
  return id === 'a' ? `\ufeff${text.replace(/\n/g, '\r\n')}` : text;
};

function alignment(x: string, y: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const byteSpan = (id: string) => {
    const t = fileText(id);
    const start = t.indexOf(PHRASES[id]!);
    return [bytes(t.slice(0, start)), bytes(t.slice(0, start + PHRASES[id]!.length))];
  };
  const [sa, ea] = byteSpan(x);
  const [sb, eb] = byteSpan(y);
  return {
    source_doc_id: `${x === 'a' ? 1 : x === 'b' ? 2 : 3}`,
    target_doc_id: `${y === 'a' ? 1 : y === 'b' ? 2 : 3}`,
    source_filename: `/var/lib/text-pair/source/${x}.txt`,
    target_filename: `/var/lib/text-pair/target/${y}.txt`,
    source_title: `Story ${x}`,
    target_title: `Story ${y}`,
    source_year: '2020',
    target_year: '2021',
    source_start_byte: sa,
    source_end_byte: ea,
    target_start_byte: sb,
    target_end_byte: eb,
    source_context_before: 'ignored',
    source_passage: PHRASES[x],
    source_context_after: 'ignored',
    target_context_before: 'ignored',
    target_passage: PHRASES[y]!.replace(/ /g, '  '),
    target_context_after: 'ignored',
    source_start_position: '10.00',
    source_end_position: '60.00',
    target_start_position: '10.00',
    target_end_position: '60.00',
    ...extra,
  };
}

const texts = () => ['a', 'b', 'c', 'd'].map((id) => memorySource(`texts/${id}.txt`, fileText(id), 5));

async function importFiles(sources: Source[]) {
  const scan = await scanFiles(sources);
  return { scan, imported: await buildImport(sources, scan, null) };
}

describe('TextPAIR alignments', () => {
  it('map byte offsets (multi-byte and astral characters, CRLF, a BOM) to UTF-16 and group passages into families', async () => {
    const { imported } = await importFiles([...texts(), memorySource('results/alignments.jsonl', jsonl([alignment('a', 'b'), alignment('c', 'b')]))]);
    expect(imported.report.problemCount).toBe(0);
    expect(imported.result.passages).toHaveLength(2);
    for (const p of imported.result.passages) {
      for (const s of [p.a, p.b]) expect(imported.documents.find((d) => d.meta.id === s.doc)!.text.slice(s.start, s.end)).toBe(PHRASES[s.doc]);
    }
    expect(imported.result.families.map((f) => f.members.map((m) => m.doc).sort())).toEqual([['a', 'b', 'c']]);
    expect(imported.computedBy).toMatchObject({ tool: 'textpair', offsets: 'UTF-8 bytes' });
    // Texts are kept as read, so TextPAIR's offsets stay true.
    expect(imported.documents.find((d) => d.meta.id === 'a')!.text.startsWith('\ufeff')).toBe(true);
    const b = imported.result.passages.find((p) => p.a.doc === 'a')!.b;
    expect([b.start, b.end]).toEqual([sloganSpan('b').start, sloganSpan('b').end]);
  });

  it("takes each text file's title, author and year from the alignments' source_/target_ fields", async () => {
    const records = [alignment('a', 'b', { source_author: 'A. Writer', target_year: 'n/a', target_pub_date: '2021-03' }), alignment('c', 'b', { source_year: 2019 })];
    const { imported } = await importFiles([...texts(), memorySource('alignments.jsonl', jsonl(records))]);
    const meta = (id: string) => imported.documents.find((d) => d.meta.id === id)!.meta;
    expect(meta('a')).toMatchObject({ title: 'Story a', author: 'A. Writer', date: { value: '2020', precision: 'year' } });
    // The first readable date wins: pub_date before year, a year that is not one skipped.
    expect(meta('b')).toMatchObject({ title: 'Story b', author: null, date: { value: '2021-03', precision: 'month' } });
    expect(meta('c').date).toMatchObject({ value: '2019' });
    // A text no alignment names says nothing of itself.
    expect(meta('d')).toMatchObject({ title: null, date: null });
  });

  it('refuses alignments whose offsets do not fall on the passages, naming the files TextPAIR read', async () => {
    const wrong = [alignment('a', 'b', { source_start_byte: 0, source_end_byte: 30 }), alignment('c', 'b', { target_start_byte: 2, target_end_byte: 40 })];
    const sources = [...texts(), memorySource('alignments.jsonl', jsonl(wrong))];
    const error = await buildImport(sources, await scanFiles(sources), null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OffsetMismatch);
    expect((error as Error).message).toMatch(/2 of 2 TextPAIR alignments do not match.*byte offsets index the files it read/);
  });

  it('reports a malformed line and a document it cannot find, and imports the rest', async () => {
    const lines = [JSON.stringify(alignment('a', 'b')), '{"source_doc_id": "1",', JSON.stringify(alignment('c', 'b', { target_doc_id: '99', target_filename: '/x/missing.txt' })), JSON.stringify(alignment('c', 'b'))].join('\n');
    const { scan, imported } = await importFiles([...texts(), memorySource('alignments.jsonl', lines)]);
    expect(scan.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(scan.problems[0]!.message).toMatch(/not valid JSON/);
    expect(scan.problems[1]!.message).toMatch(/document "99" is not in the documents read/);
    expect(imported.result.passages).toHaveLength(2);
  });
});
