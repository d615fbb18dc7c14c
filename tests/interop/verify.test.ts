import { describe, expect, it } from 'vitest';
import { TextOffsets } from '../../src/interop/offsets.ts';
import { scanFiles } from '../../src/interop/scan.ts';
import { OffsetMismatch, locate, verifyAll, type Doc, type VerifyContext } from '../../src/interop/verify.ts';
import { codePoints, jsonl, memorySource } from './helpers.ts';
import { SLOGAN_DOCS, clusterRecord, documentsJsonl, sloganSpan } from './fixture.ts';

describe('locate', () => {
  const text = 'Leaders 🌍 agreed to build a shared future.';
  const doc = { text, offsets: new TextOffsets(text) };
  const start = text.indexOf('a shared future');
  const end = start + 'a shared future'.length;
  const fits = (s: string) => s === 'a shared future';

  it('reads passim 2’s code points and passim 1’s UTF-16 units, counting which it met', () => {
    const unit = { codePoints: 0, utf16: 0 };
    expect(locate(doc, codePoints(text, start), codePoints(text, end), 'passim', fits, unit)).toEqual({ start, end });
    expect(locate(doc, start, end, 'passim', fits, unit)).toEqual({ start, end });
    expect(unit).toEqual({ codePoints: 1, utf16: 1 });
  });

  it('reads TextPAIR’s UTF-8 bytes', () => {
    const bytes = (at: number) => new TextEncoder().encode(text.slice(0, at)).length;
    expect(locate(doc, bytes(start), bytes(end), 'textpair', fits, { codePoints: 0, utf16: 0 })).toEqual({ start, end });
  });

  it('is null where the text there is not the passage, and trusts offsets it has nothing to check against', () => {
    const unit = { codePoints: 0, utf16: 0 };
    expect(locate(doc, 0, 7, 'passim', fits, unit)).toBeNull();
    expect(locate(doc, 0, 7, 'passim', null, unit)).toEqual({ start: 0, end: 7 });
    expect(locate(doc, 9, 3, 'passim', null, unit)).toBeNull();
  });
});

describe('verifyAll', () => {
  async function context(records: Record<string, unknown>[]): Promise<VerifyContext & { problems: string[] }> {
    const scan = await scanFiles([memorySource('corpus.jsonl', documentsJsonl()), memorySource('part-0', jsonl(records))]);
    const docs: Doc[] = SLOGAN_DOCS.map((d, i) => ({ scanIndex: i, meta: { id: d.id } as Doc['meta'], text: d.text, offsets: new TextOffsets(d.text) }));
    const at = Int32Array.from(scan.ids, (id) => SLOGAN_DOCS.findIndex((d) => d.id === id));
    const problems: string[] = [];
    return { scan, docs, at, report: { checked: 0, unchecked: 0 }, unit: { codePoints: 0, utf16: 0 }, problem: (_f, line, m) => problems.push(`${line}: ${m}`), problems };
  }

  it('maps every cluster record that fits, and reports one that does not by line', async () => {
    const good = ['a', 'b', 'c', 'a', 'b', 'c'].map((id, i) => clusterRecord(id, i));
    const ctx = await context([...good, { ...clusterRecord('a', 9), begin: 0, end: 7 }]);
    const spans = verifyAll(ctx, 'cluster');
    expect(spans).toHaveLength(7);
    const b = SLOGAN_DOCS.findIndex((d) => d.id === 'b');
    expect(spans[1]).toEqual([{ doc: b, ...sloganSpan('b') }]);
    expect(spans[6]).toEqual([]);
    expect(ctx.report).toEqual({ checked: 7, unchecked: 0 });
    expect(ctx.problems).toEqual(['7: the passage at 0–7 does not match the text of "a"']);
  });

  it('refuses the file when a fifth or more of the checked records do not fit', async () => {
    const ctx = await context([clusterRecord('a', 1), clusterRecord('b', 1), clusterRecord('c', 1), { ...clusterRecord('a', 9), begin: 0, end: 7 }]);
    expect(() => verifyAll(ctx, 'cluster')).toThrow(OffsetMismatch);
  });
});
