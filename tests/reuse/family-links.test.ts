/**
 * Families checked at the extents a reader sees: a family that is another
 * again is folded into it (gaining its members in documents the other does
 * not reach), and a `contains` / `partOf` link stands only where the
 * members, as read, lie inside one another.
 */
import { describe, expect, it } from 'vitest';
import { cutAtBreaks, findInFrames, foldFamilies, mergeFolded, settleLinks } from '../../src/reuse/family-links.ts';
import { sentenceBreaks } from '../../src/reuse/sentence-breaks.ts';
import { readMembers } from '../../src/reuse/family-members.ts';
import type { Formula, Occurrence } from '../../src/reuse/formulas.ts';
import { prepared } from './fixtures.ts';
import { at, formulaOf } from './formula-fixtures.ts';


// Tokens:        0     1      2     3        4       5   6      7
const { docs } = prepared([
  'We must protect clean rivers for future generations now.',
  'They must protect clean rivers for future generations here.',
  'You must protect clean rivers for future generations today.',
  'All must guard clean rivers for future generations always.',
  'Voters said little. Budget talks resume in spring.',
]);
const offsets = Int32Array.from(docs, (d) => d.offset);
const all = (formulas: readonly Formula[]) => readMembers(formulas, new Uint8Array(formulas.length).fill(1), docs);

describe('foldFamilies and mergeFolded', () => {
  // Formula 0: the formula in documents 0, 1, 2. Formula 1: the same tokens
  // in document 1, and the reworded version in document 3, which formula 0
  // does not reach. Formula 2: document 2's and document 4's, neither one of
  // formula 0's members in document 2 (a longer stretch there).
  const formulas = [
    formulaOf([at(0, 2, 7), at(1, 2, 7), at(2, 2, 7)], [0, 1]),
    formulaOf([at(1, 2, 7), at(3, 2, 7)], [2]),
    formulaOf([at(2, 1, 7), at(4, 3, 5)], [3]),
  ];
  const m = all(formulas);
  const folded = foldFamilies(formulas.length, m, offsets);

  it('folds a family half of whose members are another one\'s, the rest in documents the other does not reach', () => {
    expect(Array.from(folded)).toEqual([-1, 0, -1]);
  });

  it('gives the family it folds into the other documents\' members and the passages', () => {
    const merged = mergeFolded(formulas, folded);
    expect(merged[0]!.occurrences.map((o) => [o.doc, o.first, o.last])).toEqual([[0, 2, 7], [1, 2, 7], [2, 2, 7], [3, 2, 7]]);
    expect(merged[0]!.passages).toEqual([0, 1, 2]);
    expect(merged[1]!.occurrences).toEqual([]);
    expect(merged[2]).toBe(formulas[2]);
    // The folded-in version's core mask comes with it.
    expect(merged[0]!.coreMask(3)).toEqual(formulas[1]!.coreMask(1));
  });
});

describe('settleLinks', () => {
  // Formula 0: "must protect … generations" in documents 0, 1, 2 (a frame
  // around formula 1 in all three); formula 1: "clean rivers for future
  // generations" in documents 0–3; formula 2: "Budget talks resume", said
  // by the formula stages to lie inside formula 0, which it does not touch.
  const formulas = [
    formulaOf([at(0, 1, 7), at(1, 1, 7), at(2, 1, 7)], [0], { contains: [1, 2] }),
    formulaOf([at(0, 3, 7), at(1, 3, 7), at(2, 3, 7), at(3, 3, 7)], [1], { partOf: [0] }),
    formulaOf([at(0, 8, 8), at(4, 3, 5)], [2], { partOf: [0] }),
  ];
  const m = all(formulas);
  const none = new Int32Array(formulas.length).fill(-1);

  it('keeps a link where the frame\'s members hold the formula\'s, drops one where they do not', () => {
    const { contains, partOf } = settleLinks(formulas, none, m, 0.5);
    expect(contains).toEqual([[1], [], []]);
    expect(partOf).toEqual([[], [0], []]);
  });

  it('keeps a link where most of the formula\'s members lie inside the frame\'s, though few of the frame\'s hold one', () => {
    // The frame in documents 0–3 and four more places; the formula only in documents 0 and 1.
    const wide = [
      formulaOf([at(0, 1, 7), at(1, 1, 7), at(2, 1, 7), at(3, 1, 7), at(4, 0, 2), at(4, 3, 5)], [0], { contains: [1] }),
      formulaOf([at(0, 3, 7), at(1, 3, 7)], [1], { partOf: [0] }),
    ];
    const { contains } = settleLinks(wide, new Int32Array(2).fill(-1), all(wide), 0.5);
    expect(contains).toEqual([[1], []]);
  });

  it('moves a folded formula\'s links to the family it folded into', () => {
    const { contains, partOf } = settleLinks(formulas, Int32Array.from([-1, -1, 1]), m, 0.5);
    // Formula 2 is folded into 1: its link to 0 becomes 1's, which holds.
    expect(contains[0]).toEqual([1]);
    expect(partOf[1]).toEqual([0]);
    expect(partOf[2]).toEqual([]);
  });
});

describe('cutAtBreaks', () => {
  // Documents 0–2 hold "must protect … generations" inside one sentence; in
  // document 4 the formula's occurrence also takes in the sentence before it.
  const { docs: more, vocab: v } = prepared([
    'We must protect clean rivers for future generations now.',
    'They must protect clean rivers for future generations here.',
    'You must protect clean rivers for future generations today.',
    'Budget talks resume. You must protect clean rivers for future generations today.',
  ]);
  const breaks = sentenceBreaks(more, v.surface, more[0]!.corpus.flags);
  const one = (occ: Occurrence[]) => [formulaOf(occ, [0])];
  const read = (formulas: readonly Formula[]) => readMembers(formulas, new Uint8Array(formulas.length).fill(1), more);

  it("cuts a version that alone runs across a sentence end to the piece its partners' words are in", () => {
    const formulas = one([at(0, 1, 7), at(1, 1, 7), at(2, 1, 7), at(3, 0, 10)]);
    const cut = cutAtBreaks(formulas, read(formulas), more, breaks);
    expect(cut[0]!.occurrences.map((o) => [o.doc, o.first, o.last])).toEqual([[0, 1, 7], [1, 1, 7], [2, 1, 7], [3, 4, 10]]);
    // Its core mask is cut with it.
    expect(cut[0]!.coreMask(3)).toHaveLength(7);
  });

  it('leaves a family alone where half or more of the versions cross (a quoted paragraph)', () => {
    const formulas = one([at(0, 1, 7), at(3, 0, 10)]);
    expect(cutAtBreaks(formulas, read(formulas), more, breaks)).toBe(formulas);
  });
});

describe('findInFrames', () => {
  // Formula 1, "clean rivers for future generations" (tokens 3–7), in
  // documents 1 and 2; formula 0, a frame around it, in documents 0 and 1;
  // formula 2, another frame, in document 0 (a token longer) and document 4.
  const formulas = [
    formulaOf([at(0, 1, 7), at(1, 1, 7)], [0], { contains: [1] }),
    formulaOf([at(1, 3, 7), at(2, 3, 7)], [1], { partOf: [0, 2] }),
    formulaOf([at(0, 1, 8), at(4, 3, 5)], [2], { contains: [1] }),
  ];
  const m = all(formulas);
  const partOf = [[], [0, 2], []];

  it("adds the formula's occurrence inside a frame's member where it had none, once though two frames hold it", () => {
    const found = findInFrames(formulas, partOf, m, docs);
    expect(found[1]!.occurrences.map((o) => [o.doc, o.first, o.last])).toEqual([[0, 3, 7], [1, 3, 7], [2, 3, 7]]);
    // The found occurrence's core is all of it; the others keep theirs.
    expect(Array.from(found[1]!.coreMask(0))).toEqual([1, 1, 1, 1, 1]);
    expect(found[1]!.coreMask(1)).toEqual(formulas[1]!.coreMask(0));
    expect(found[1]!.passages).toEqual([1]);
    expect(found[0]).toBe(formulas[0]);
    expect(found[2]).toBe(formulas[2]);
  });

  it('finds a wording by stems at its own extent, and nothing where the frame member does not hold it', () => {
    // Document 3 says "guard clean rivers for future generations": the formula's words stand there too.
    const withGuard = [formulas[0]!, formulas[1]!, formulaOf([at(3, 1, 7), at(4, 0, 5)], [2], { contains: [1] })];
    const found = findInFrames(withGuard, [[], [2], []], all(withGuard), docs);
    expect(found[1]!.occurrences.map((o) => [o.doc, o.first, o.last])).toEqual([[1, 3, 7], [2, 3, 7], [3, 3, 7]]);
  });

  it('returns the formulas themselves when every frame member already holds the formula', () => {
    const held = [formulas[0]!, formulaOf([at(0, 3, 7), at(1, 3, 7)], [1], { partOf: [0] })];
    expect(findInFrames(held, [[], [0]], all(held), docs)).toBe(held);
  });
});
