/**
 * Families that are pieces of one formula in another order are joined: a
 * cycle in the order the documents put them in, each piece beside another
 * of its cycle (a few function words between, no sentence end) in almost
 * every one of its documents; not pieces that always stand in one order,
 * nor ones a sentence end parts, nor frame and formula.
 */
import { describe, expect, it } from 'vitest';
import { detectReuse } from '../../src/reuse/index.ts';
import { readMembers } from '../../src/reuse/family-members.ts';
import type { Formula, TokenLayout } from '../../src/reuse/formulas.ts';
import { sentenceBreaks } from '../../src/reuse/sentence-breaks.ts';
import { findTransposed, mergeTransposed } from '../../src/reuse/transposed.ts';
import { FILLER, prepared } from './fixtures.ts';
import { at, formulaOf } from './formula-fixtures.ts';


// Tokens:  0        1        2     3      4   5      6           7   8          9     10  11      12
const { docs, vocab } = prepared([
  'Leaders promised clean rivers for future generations and affordable homes for working families.',
  'Leaders promised affordable homes for working families and clean rivers for future generations.',
  'Leaders promised clean rivers for future generations and affordable homes for working families.',
  // 0: Affordable … 4: families. 5: Clean … 9: generations
  'Affordable homes for working families. Clean rivers for future generations came later.',
  'Affordable homes for working families, clean rivers for future generations came later.',
  // 0: Clean … 4: generations 5: were 6: promised … 12: families
  'Clean rivers for future generations were promised with affordable homes for working families.',
  'Leaders promised clean rivers for future generations and affordable homes for working families.',
]);
const layout: TokenLayout = { ...sentenceBreaks(docs, vocab.surface, docs[0]!.corpus.flags), flags: docs[0]!.corpus.flags, offset: Int32Array.from(docs, (d) => d.offset) };
const find = (formulas: readonly Formula[]) => {
  const m = readMembers(formulas, new Uint8Array(formulas.length).fill(1), docs);
  return { m, t: findTransposed(formulas, m, docs, layout, 0.8, 0.5) };
};
const rivers = (...placed: [number, number][]) => formulaOf(placed.map(([d, first]) => at(d, first, first + 4)), [0]);
const homes = (...placed: [number, number][]) => formulaOf(placed.map(([d, first]) => at(d, first, first + 4)), [1]);

describe('findTransposed and mergeTransposed', () => {
  it('joins two pieces that stand side by side in every document, in one order in some and the other in another', () => {
    const formulas = [rivers([0, 2], [1, 8], [2, 2]), homes([0, 8], [1, 2], [2, 8])];
    const { m, t } = find(formulas);
    expect(Array.from(t.into)).toEqual([-1, 0]);
    const merged = mergeTransposed(formulas, t, m);
    // Each document's two pieces are one occurrence, the "and" between them a varied word.
    expect(merged[0]!.occurrences.map((o) => [o.doc, o.first, o.last])).toEqual([[0, 2, 12], [1, 2, 12], [2, 2, 12]]);
    expect(Array.from(merged[0]!.coreMask(1))).toEqual([1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1]);
    expect(merged[0]!.passages).toEqual([0, 1]);
    expect(merged[1]!.occurrences).toEqual([]);
  });

  it('leaves alone two pieces that always stand in one order', () => {
    const { t } = find([rivers([0, 2], [2, 2]), homes([0, 8], [2, 8])]);
    expect(Array.from(t.into)).toEqual([-1, -1]);
  });

  it('does not join pieces a sentence end parts', () => {
    // In document 3 the other order, but in two sentences; in document 4 a comma.
    expect(Array.from(find([rivers([0, 2], [3, 5]), homes([0, 8], [3, 0])]).t.into)).toEqual([-1, -1]);
    expect(Array.from(find([rivers([0, 2], [4, 5]), homes([0, 8], [4, 0])]).t.into)).toEqual([-1, 0]);
  });

  it('does not join pieces a sentence end parts though a third family runs across it', () => {
    // Document 3: "… working families. Clean rivers for …" is a member of its own.
    const across = formulaOf([at(3, 3, 7), at(4, 3, 7)], [2]);
    expect(Array.from(find([rivers([0, 2], [3, 5]), homes([0, 8], [3, 0]), across]).t.into)).toEqual([-1, -1, -1]);
  });

  it('does not join pieces with a content word between them', () => {
    // Document 5: "… generations were promised with affordable …".
    expect(Array.from(find([rivers([0, 2], [5, 0]), homes([0, 8], [5, 8])]).t.into)).toEqual([-1, -1]);
  });

  it('does not join pieces that stand together in too few of their documents', () => {
    // Both orders, but the homes piece also in documents 3, 4 and 5 far from the other.
    const { t } = find([rivers([0, 2], [1, 8]), homes([0, 8], [1, 2], [3, 0], [5, 8], [2, 8])].map((f) => ({ ...f, occurrences: f.occurrences.sort((a, b) => a.doc - b.doc) })));
    expect(Array.from(t.into)).toEqual([-1, -1]);
  });

  it('does not join a frame and the formula it holds', () => {
    // Formula 0 is the whole sentence in documents 0 and 2 (around formula
    // 1), and its "clean rivers …" part beside formula 1 in documents 1 and
    // 6, in both orders: still a frame, as half of its members hold the other.
    const frame = formulaOf([at(0, 2, 12), at(1, 8, 12), at(2, 2, 12), at(6, 2, 6)], [0], { contains: [1] });
    const inner = formulaOf([at(0, 8, 12), at(1, 2, 6), at(2, 8, 12), at(6, 8, 12)], [1], { partOf: [0] });
    expect(Array.from(find([frame, inner]).t.into)).toEqual([-1, -1]);
    // Unlinked, the same members are one formula transposed.
    expect(Array.from(find([formulaOf(frame.occurrences, [0]), formulaOf(inner.occurrences, [1])]).t.into)).toEqual([-1, 0]);
  });

  it('joins three pieces whose order the documents turn round (no two in both orders)', () => {
    // "A B" in one document, "B C" in another, "C A" in a third.
    const { docs: three, vocab: v } = prepared([
      'Clean rivers for future generations and affordable homes for working families.',
      'Affordable homes for working families and safe streets for every child.',
      'Safe streets for every child and clean rivers for future generations.',
    ]);
    const lay: TokenLayout = { ...sentenceBreaks(three, v.surface, three[0]!.corpus.flags), flags: three[0]!.corpus.flags, offset: Int32Array.from(three, (d) => d.offset) };
    const formulas = [
      formulaOf([at(0, 0, 4), at(2, 6, 10)], [0]),
      formulaOf([at(0, 6, 10), at(1, 0, 4)], [1]),
      formulaOf([at(1, 6, 10), at(2, 0, 4)], [2]),
    ];
    const m = readMembers(formulas, new Uint8Array(3).fill(1), three);
    expect(Array.from(findTransposed(formulas, m, three, lay, 0.8, 0.5).into)).toEqual([-1, 0, 0]);
  });
});

describe('detectReuse on a formula whose two clauses swap', () => {
  const A = 'the council pledged to protect clean rivers for future generations and to build affordable homes for working families';
  const B = 'the council pledged to build affordable homes for working families and to protect clean rivers for future generations';
  const input = [
    { id: 'a', text: `${FILLER[0]} In its statement ${A}. ${FILLER[1]}` },
    { id: 'b', text: `${FILLER[2]} Last week ${B}. ${FILLER[3]}` },
    { id: 'c', text: `${FILLER[1]} Officials said ${A}. ${FILLER[0]}` },
    { id: 'd', text: `${FILLER[3]} On Friday ${B}. ${FILLER[2]}` },
  ];
  const result = detectReuse(input);

  it('gives one family holding both clauses in every document, in either order', () => {
    const both = result.families.filter((f) => f.documents === 4);
    expect(both).toHaveLength(1);
    const texts = both[0]!.members.map((s) => input.find((d) => d.id === s.doc)!.text.slice(s.start, s.end));
    for (const t of texts) {
      expect(t).toContain('clean rivers for future generations');
      expect(t).toContain('affordable homes for working families');
    }
    expect(both[0]!.variants).toHaveLength(2);
    // Neither clause is a family of its own any more.
    expect(result.families.some((f) => f.label === 'protect clean rivers for future generations')).toBe(false);
  });

  it('does not depend on the order the documents are given in', () => {
    expect(detectReuse([input[3]!, input[1]!, input[0]!, input[2]!])).toEqual(result);
  });
});
