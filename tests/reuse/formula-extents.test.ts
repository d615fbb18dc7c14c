import { describe, expect, it } from 'vitest';
import { chooseMerges, mergeExtents } from '../../src/reuse/formula-extents.ts';
import type { Cores } from '../../src/reuse/formula-occurrences.ts';
import { OPTIONS } from './formula-fixtures.ts';

/** A table of occurrences [group, doc, coreFirst, coreLast] (a group's rows consecutive), each with a passage of its own and every token matched. */
function coresOf(rows: Array<[number, number, number, number]>): Cores {
  const n = rows.length;
  const col = (k: number) => Int32Array.from(rows, (r) => r[k]!);
  const countAt = new Int32Array(n + 1);
  rows.forEach((r, o) => (countAt[o + 1] = countAt[o]! + r[3] - r[2] + 1));
  return {
    count: n, group: col(0), doc: col(1), first: col(2), last: col(3), coreFirst: col(2), coreLast: col(3),
    links: new Int32Array(n).fill(1), countAt, counts: new Int32Array(countAt[n]!).fill(1),
    passageStart: Int32Array.from({ length: n + 1 }, (_, o) => o), passageList: Int32Array.from({ length: n }, (_, o) => o),
  };
}

const occurrencesOf = (c: Cores) => mergeExtents(c, OPTIONS).map((f) => f.occurrences.map((h) => [h.doc, h.first, h.last]));

describe('mergeExtents', () => {
  it('merges groups whose cores are one formula at different extents; the larger group\'s cores stand', () => {
    const c = coresOf([[0, 0, 0, 9], [0, 1, 0, 9], [0, 2, 0, 9], [5, 0, 1, 9], [5, 1, 1, 9]]);
    expect(occurrencesOf(c)).toEqual([[[0, 0, 9], [1, 0, 9], [2, 0, 9]]]);
    expect(mergeExtents(c, OPTIONS)[0]!.passages).toEqual([0, 1, 2, 3, 4]);
  });

  it('merges a fragment into the formula it lies inside', () => {
    const c = coresOf([[0, 0, 0, 9], [0, 1, 0, 9], [5, 0, 2, 4], [5, 1, 2, 4]]);
    expect(occurrencesOf(c)).toEqual([[[0, 0, 9], [1, 0, 9]]]);
  });

  it('keeps a formula that stands alone elsewhere apart from a frame around it, linked by contains / partOf', () => {
    // Group 0 is a frame around group 5 in documents 0 and 1; group 5 stands alone in 2 and 3.
    const c = coresOf([[0, 0, 0, 9], [0, 1, 0, 9], [5, 0, 2, 5], [5, 1, 2, 5], [5, 2, 0, 3], [5, 3, 0, 3]]);
    const formulas = mergeExtents(c, OPTIONS);
    expect(formulas.map((f) => f.occurrences.length)).toEqual([2, 4]);
    expect(formulas[0]!.contains).toEqual([1]);
    expect(formulas[1]!.partOf).toEqual([0]);
  });

  it('keeps cores that merely overlap apart', () => {
    const c = coresOf([[0, 0, 0, 9], [0, 1, 0, 9], [5, 0, 6, 15], [5, 1, 6, 15]]);
    expect(occurrencesOf(c)).toEqual([[[0, 0, 9], [1, 0, 9]], [[0, 6, 15], [1, 6, 15]]]);
  });

  it('numbers formulas by their first core and gives each its cores in document order, where formulas interleave', () => {
    const c = coresOf([[0, 0, 0, 4], [0, 2, 0, 4], [1, 0, 10, 14], [1, 1, 10, 14], [2, 1, 20, 24], [2, 2, 20, 24]]);
    expect(occurrencesOf(c)).toEqual([[[0, 0, 4], [2, 0, 4]], [[0, 10, 14], [1, 10, 14]], [[1, 20, 24], [2, 20, 24]]]);
    expect(mergeExtents(c, OPTIONS).map((f) => f.passages)).toEqual([[0, 1], [2, 3], [4, 5]]);
  });

  it('leaves out occurrences without a core, and marks a copy (no links) as all core', () => {
    const c = coresOf([[0, 0, 0, 4], [0, 1, 0, 4], [0, 2, 3, 2]]);
    c.links[1] = 0;
    c.counts.fill(0, 5, 10);
    const [f] = mergeExtents(c, OPTIONS);
    expect(f!.occurrences.map((h) => h.doc)).toEqual([0, 1]);
    expect(Array.from(f!.coreMask(1))).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('chooseMerges', () => {
  it('lets each group join at most one other: the one with most votes', () => {
    const votes = { same: new Map([[0 * 3 + 2, 3], [1 * 3 + 2, 4]]), inside: new Map<number, number>() };
    const { parent, fragment } = chooseMerges(votes, [5, 5, 4], OPTIONS.formulaFragmentShare, OPTIONS.formulaContainsShare);
    expect(Array.from(parent)).toEqual([-1, -1, 1]);
    expect(Array.from(fragment)).toEqual([0, 0, 0]);
  });

  it('needs same-extent votes from half of the smaller group', () => {
    const votes = { same: new Map([[0 * 2 + 1, 1]]), inside: new Map<number, number>() };
    expect(Array.from(chooseMerges(votes, [5, 3], 0.8, 0.5).parent)).toEqual([-1, -1]);
  });
});
