import { describe, expect, it } from 'vitest';
import { collate, type CollationDoc } from '../../src/compare/collation.ts';
import { describeSide } from '../../src/compare/word-diff.ts';
import { parseDocDate } from '../../src/corpus/metadata.ts';
import { family } from './fixtures.ts';

const doc = (id: string, text: string, date: string | null): CollationDoc => ({ id, title: id, outlet: `${id} news`, date: date ? parseDocDate(date) : null, text });
const docs = new Map(
  [
    doc('late', 'We must safeguard the environment for coming generations.', '2021'),
    doc('early', 'Intro. We must protect the environment for future generations.', '2019-05'),
    doc('nodate', 'protect the environment for future generations', null),
  ].map((d) => [d.id, d]),
);
const span = (id: string, phrase: string) => {
  const text = docs.get(id)!.text;
  const start = text.indexOf(phrase);
  return { doc: id, start, end: start + phrase.length };
};
const fam = family('f1', [
  span('nodate', 'protect the environment for future generations'),
  span('late', 'safeguard the environment for coming generations'),
  span('early', 'protect the environment for future generations'),
]);

describe('collate', () => {
  it('orders members by date, undated last and flagged, with the earliest as base', () => {
    const c = collate(fam, docs);
    expect(c.rows.map((r) => r.doc.id)).toEqual(['early', 'late', 'nodate']);
    expect(c.rows.map((r) => r.undated)).toEqual([false, false, true]);
    expect(c.base.doc.id).toBe('early');
    expect(c.variantRows).toBe(1);
  });
  it('diffs each member against the base, marking the swapped words', () => {
    const late = collate(fam, docs).rows[1]!;
    if (!late.diff || late.diff.tooDifferent) throw new Error('expected a diff');
    expect(describeSide(late.doc.text, late.diff.b)).toBe('<ins>safeguard</ins> the environment for <ins>coming</ins> generations');
  });
  it('takes another base on request', () => {
    const c = collate(fam, docs, 'late');
    expect(c.base.doc.id).toBe('late');
    expect(c.rows.find((r) => r.doc.id === 'late')!.diff).toBeNull();
    expect(c.variantRows).toBe(2);
  });
  it('refuses a family none of whose documents is loaded', () => {
    expect(() => collate(family('gone', [{ doc: 'zzz', start: 0, end: 1 }]), docs)).toThrow(/family gone/);
  });
});
