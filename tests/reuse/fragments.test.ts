/**
 * absorbFragments on hand-made formulas: a formula whose occurrences lie
 * inside a longer one's (all, or all but one standing where the longer one
 * is not found) joins it; one that stands alone beside it, or spreads
 * further than it, stays its own.
 */
import { describe, expect, it } from 'vitest';
import type { Formula } from '../../src/reuse/formulas.ts';
import { absorbFragments } from '../../src/reuse/fragments.ts';

/** A formula from [doc, first, last] occurrences (sorted here), with one passage per occurrence. */
function formula(occ: Array<[number, number, number]>, passages: number[] = [], links: { contains?: number[]; partOf?: number[] } = {}): Formula {
  const occurrences = occ.map(([doc, first, last]) => ({ doc, first, last, links: 1 })).sort((x, y) => x.doc - y.doc || x.first - y.first);
  return { occurrences, passages, coreMask: (k) => new Uint8Array(occurrences[k]!.last - occurrences[k]!.first + 1).fill(k + 1), contains: links.contains ?? [], partOf: links.partOf ?? [] };
}
const spans = (f: Formula) => f.occurrences.map((o) => [o.doc, o.first, o.last]);

describe('absorbFragments', () => {
  it('merges a formula whose occurrences all lie inside a longer one (one token over an edge allowed)', () => {
    const frame = formula([[0, 10, 25], [1, 40, 55], [2, 5, 20]], [0, 1]);
    const piece = formula([[0, 10, 18], [1, 39, 48], [2, 5, 14]], [2]);
    const out = absorbFragments([frame, piece], 0.8);
    expect(out).toHaveLength(1);
    expect(spans(out[0]!)).toEqual([[0, 10, 25], [1, 40, 55], [2, 5, 20]]);
    expect(out[0]!.passages).toEqual([0, 1, 2]);
  });

  it('merges a piece inside all but one of its occurrences when that one stands where the longer formula was not found; it becomes the longer one\'s', () => {
    const frame = formula([[0, 10, 25], [1, 40, 55], [2, 5, 20], [4, 0, 15]]);
    const piece = formula([[0, 10, 18], [1, 40, 48], [2, 5, 14], [3, 30, 38]]);
    const out = absorbFragments([frame, piece], 0.8);
    expect(out).toHaveLength(1);
    expect(spans(out[0]!)).toEqual([[0, 10, 25], [1, 40, 55], [2, 5, 20], [3, 30, 38], [4, 0, 15]]);
    // Each occurrence keeps its own core mask.
    expect(out[0]!.coreMask(3)).toEqual(new Uint8Array(9).fill(4));
  });

  it('merges a piece that lies inside a formula in one document and inside a frame around it in another into the formula', () => {
    // "make the Internet better benefit mankind" (1), inside the sentence (0);
    // "better benefit mankind" (2) lies inside 1 in document 1 and inside 0
    // (where 1 was not found) in document 0.
    const sentence = formula([[0, 0, 20], [2, 0, 20]], [], { contains: [1] });
    const inner = formula([[0, 50, 55], [1, 10, 15], [2, 15, 20]], [], { partOf: [0] });
    const piece = formula([[0, 18, 20], [1, 13, 15]]);
    const out = absorbFragments([sentence, inner, piece], 0.8);
    expect(out).toHaveLength(2);
    expect(spans(out[1]!)).toEqual([[0, 18, 20], [0, 50, 55], [1, 10, 15], [2, 15, 20]]);
    // Inside the frame alone, in both documents, it would be the frame's piece.
    const framed = absorbFragments([sentence, inner, formula([[0, 18, 20], [2, 13, 15]])], 0.8);
    expect(framed).toHaveLength(2);
    expect(spans(framed[0]!)).toEqual([[0, 0, 20], [2, 0, 20]]);
  });

  it('loses nothing when two formulas would each be the other\'s piece (one inside the other, that one inside its frame)', () => {
    const f = formula([[0, 5, 20], [1, 5, 20], [2, 50, 52]]);
    const g = formula([[0, 10, 15], [1, 10, 15], [2, 49, 53]], [], { partOf: [2] });
    const frame = formula([[0, 0, 30], [1, 0, 30]], [], { contains: [1] });
    const out = absorbFragments([f, g, frame], 0.5);
    expect(out.length).toBeGreaterThan(0);
    const docsHeld = new Set(out.flatMap((x) => x.occurrences.map((o) => o.doc)));
    expect([...docsHeld].sort()).toEqual([0, 1, 2]);
  });

  it('keeps a piece that also stands alone in a document of the longer formula (a formula in a frame)', () => {
    const frame = formula([[0, 10, 25], [1, 40, 55], [2, 5, 20]]);
    const piece = formula([[0, 10, 18], [1, 40, 48], [2, 5, 14], [2, 100, 108]], [], { partOf: [0] });
    const out = absorbFragments([{ ...frame, contains: [1] }, piece], 0.8);
    expect(out).toHaveLength(2);
    expect(out[1]!.partOf).toEqual([0]);
  });

  it('keeps a piece found in more documents than the longer formula: it spread, the longer one is its frame', () => {
    const frame = formula([[0, 10, 25], [1, 40, 55]]);
    const piece = formula([[0, 12, 18], [1, 42, 48], [2, 5, 11]]);
    expect(absorbFragments([frame, piece], 0.8)).toHaveLength(2);
  });

  it('renumbers contains / partOf and drops links that fall inside one formula', () => {
    const slogan = formula([[0, 14, 20], [1, 44, 50], [2, 9, 15], [3, 0, 6], [5, 0, 6]], [], { partOf: [1, 2] });
    const frame = formula([[0, 10, 25], [1, 40, 55], [2, 5, 20]], [], { contains: [0] });
    const piece = formula([[0, 10, 18], [1, 40, 48], [2, 5, 14]], [], { contains: [0] });
    const out = absorbFragments([slogan, frame, piece], 0.8);
    expect(out).toHaveLength(2);
    expect(out[0]!.partOf).toEqual([1]);
    expect(out[1]!.contains).toEqual([0]);
  });
});
