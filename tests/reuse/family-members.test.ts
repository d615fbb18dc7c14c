/**
 * readMembers: every occurrence of the formulas that are families, read in
 * document order, leaves in its formula's own slot what a member needs:
 * the readable extent and its span (as readableExtent and spanOf give
 * them), the core's start offsets, and one token class for members with
 * the very same tokens, across formulas and documents.
 */
import { describe, expect, it } from 'vitest';
import { readMembers, rereadMembers } from '../../src/reuse/family-members.ts';
import { spanOf } from '../../src/reuse/member-span.ts';
import { readableExtent } from '../../src/reuse/readable-extent.ts';
import type { PreparedDoc } from '../../src/reuse/prepare.ts';
import { prepared } from './fixtures.ts';
import { at, formulaOf } from './formula-fixtures.ts';
import type { Formula } from '../../src/reuse/formulas.ts';


describe('readMembers', () => {
  const { docs } = prepared([
    'Yes, abandon the old zero-sum game in the whole wide region.',
    'Critics, sadly, the old zero-sum game is not over in this region.',
    'So, abandon the old zero-sum game now in the whole wide region.',
  ]);
  // Formulas 0 and 2 are families (two occurrences each); formula 1 is not.
  // Formula 0's first occurrence ends inside "zero-sum".
  const formulas = [formulaOf([at(0, 3, 4), at(2, 3, 6)]), formulaOf([at(1, 0, 1)]), formulaOf([at(1, 3, 6), at(2, 1, 6)])];
  const m = readMembers(formulas, Uint8Array.from(formulas, (f) => (f.occurrences.length === 2 ? 1 : 0)), docs);

  it('gives each family its occurrences in its own order, and none to a formula that is no family', () => {
    expect(Array.from(m.base)).toEqual([0, 2, 2, 4]);
    expect(Array.from(m.doc)).toEqual([0, 2, 1, 2]);
    expect(Array.from(m.first)).toEqual([3, 3, 3, 1]);
  });

  it('reads each member as readableExtent and spanOf would, and its core start offsets', () => {
    formulas.forEach((f, i) => {
      if (i === 1) return;
      f.occurrences.forEach((o, k) => {
        const x = m.base[i]! + k;
        const d = docs[o.doc]!;
        const e = readableExtent(d, { first: o.first, last: o.last });
        expect([m.readFirst[x], m.readLast[x]]).toEqual([e.first, e.last]);
        expect({ doc: d.id, start: m.spanStart[x], end: m.spanEnd[x] }).toEqual(spanOf(d, e.first, e.last));
        expect([m.startFirst[x], m.startLast[x]]).toEqual([d.start[o.first], d.start[o.last]]);
      });
    });
    // "old zero" is read through the compound: "old zero-sum".
    expect(m.readLast[0]).toBe(5);
  });

  it('gives members with the very same tokens one class, across formulas and documents, and others their own', () => {
    // "old zero-sum game" in documents 1 and 2 (formulas 2 and 0): one class,
    // the first met in document order (document 1's); "old zero-sum" in
    // document 0 is another.
    expect(m.tokens[0]).toBe(0);
    expect(m.tokens[1]).toBe(2);
    expect(m.tokens[2]).toBe(2);
    // "abandon the old zero-sum game" in document 2: a class of its own.
    expect(m.tokens[3]).toBe(3);
  });
});

describe('members moved to their sentence start and clause end by their family', () => {
  /** The members' texts of formula f. */
  const texts = (docs: readonly PreparedDoc[], formulas: Formula[], f: number): string[] => {
    const m = readMembers(formulas, Uint8Array.from(formulas, () => 1), docs);
    const out: string[] = [];
    for (let x = m.base[f]!; x < m.base[f + 1]!; x++) out.push(docs[m.doc[x]!]!.text.slice(m.spanStart[x], m.spanEnd[x]));
    return out;
  };

  it('moves the starts back to the sentence start when most members are near theirs, and leaves a lone one', () => {
    const { docs } = prepared([
      'The minister spoke. We must never forget that freedom of the press matters, she said.',
      'Then: We must never forget that freedom of the press matters, he said.',
      'Later, as he put it quite plainly, we must never forget that freedom of the press matters.',
    ]);
    // "must … matters" in each: documents 0 and 1 one word after their sentence's start, 2 far from it.
    const f = formulaOf([at(0, 4, 12), at(1, 2, 10), at(2, 8, 16)]);
    expect(texts(docs, [f], 0)).toEqual(['We must never forget that freedom of the press matters', 'We must never forget that freedom of the press matters', 'must never forget that freedom of the press matters']);
    // With documents 0 and 2 only, one of two is near: no move.
    const g = formulaOf([at(0, 4, 12), at(2, 8, 16)]);
    expect(texts(docs, [g], 0)).toEqual(['must never forget that freedom of the press matters', 'must never forget that freedom of the press matters']);
  });

  it("moves the ends on over the words that fill the formula's slot, up to the clause end", () => {
    const { docs } = prepared([
      'Klimaschutz ist keine Frage des Geldes, sondern eine Frage des Überlebens. Deshalb handeln wir.',
      'Klimaschutz ist keine Frage des Geldes, sondern eine Frage der sozialen Gerechtigkeit. Die Reichen zahlen.',
      'Klimaschutz ist keine Frage des Geldes, sondern eine Frage des politischen Willens, sagte sie.',
    ]);
    const f = formulaOf([at(0, 0, 8), at(1, 0, 8), at(2, 0, 8)]);
    expect(texts(docs, [f], 0).map((t) => t.slice('Klimaschutz ist keine Frage des Geldes, sondern eine Frage '.length))).toEqual([
      'des Überlebens',
      'der sozialen Gerechtigkeit',
      'des politischen Willens',
    ]);
  });
});

describe('rereadMembers', () => {
  const { docs } = prepared([
    'Yes, abandon the old zero-sum game in the whole wide region.',
    'Critics, sadly, the old zero-sum game is not over in this region.',
    'So, abandon the old zero-sum game now in the whole wide region.',
  ]);
  const before = [formulaOf([at(0, 3, 4), at(2, 3, 6)]), formulaOf([at(1, 3, 6), at(2, 1, 6)])];
  const after = [before[0]!, formulaOf([at(1, 3, 6), at(2, 3, 6)])];
  const families = Uint8Array.from([1, 1]);
  const m = rereadMembers(readMembers(before, families, docs), after, Uint8Array.from([0, 1]), families, docs);
  const whole = readMembers(after, families, docs);

  it('reads the changed formulas again and copies the others: the same columns as a whole read', () => {
    for (const k of ['base', 'doc', 'first', 'last', 'startFirst', 'startLast', 'readFirst', 'readLast', 'spanStart', 'spanEnd'] as const) expect(Array.from(m[k])).toEqual(Array.from(whole[k]));
  });

  it('keeps one class per set of the very same tokens inside a family, each the index of one of its members', () => {
    // Formula 1's two members now read "old zero-sum game" in documents 1 and 2: one class.
    expect(m.tokens[2]).toBe(m.tokens[3]);
    expect([2, 3]).toContain(m.tokens[2]);
    expect(m.tokens[0]).not.toBe(m.tokens[1]);
  });
});
