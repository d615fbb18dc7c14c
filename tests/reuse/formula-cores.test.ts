import { describe, expect, it } from 'vitest';
import { buildCores } from '../../src/reuse/formula-cores.ts';
import { OPTIONS, PassageBuilder, layoutOf } from './formula-fixtures.ts';

/** Each occurrence as [doc, coreFirst, coreLast] ([doc] when no core is left), in table order. */
function coresOf(b: PassageBuilder, layout: ReturnType<typeof layoutOf>) {
  const c = buildCores(b.passages, b.path, layout, OPTIONS);
  return Array.from({ length: c.count }, (_, o) => (c.coreFirst[o]! <= c.coreLast[o]! ? [c.doc[o], c.coreFirst[o], c.coreLast[o]] : [c.doc[o]]));
}

describe('buildCores', () => {
  it('trims function words off both ends of a core', () => {
    const b = new PassageBuilder().add(0, 0, 1, 0, 6);
    expect(coresOf(b, layoutOf('fwwwwf', 'fwwwwf'))).toEqual([[0, 1, 4], [1, 1, 4]]);
  });

  it('keeps the tokens most alignments of an occurrence match, and cuts partners at what their partner dropped', () => {
    // Document 0's formula is 8 words; one partner shares two more.
    const b = new PassageBuilder().add(0, 0, 1, 0, 10).add(0, 0, 2, 0, 8).add(0, 0, 3, 0, 8);
    const w = 'wwwwwwwwww';
    expect(coresOf(b, layoutOf(w, w, w, w))).toEqual([[0, 0, 7], [1, 0, 7], [2, 0, 7], [3, 0, 7]]);
  });

  it('cuts every core at a sentence end that not every occurrence crosses, keeping the piece with most matches', () => {
    const b = new PassageBuilder().add(0, 0, 1, 0, 9).add(0, 0, 2, 0, 9);
    expect(coresOf(b, layoutOf('wwww.wwwww', 'wwww.wwwww', 'wwwwwwwww'))).toEqual([[0, 4, 8], [1, 4, 8], [2, 4, 8]]);
  });

  it('cuts a partner at the place aligned with a sentence end its version was cut at, though another formula covers what was cut off', () => {
    // Documents 0 and 1 share nine words; document 0 has a sentence end
    // after the fourth ("… better benefit mankind. President Xi Jinping
    // pointed"), document 1 none ("… better benefit mankind, President Xi
    // Jinping said"). Document 0's first four words are also another
    // formula's, shared with document 2.
    const b = new PassageBuilder().add(0, 0, 1, 0, 9).add(0, 0, 2, 0, 4);
    expect(coresOf(b, layoutOf('wwww.wwwww', 'wwwwwwwww', 'wwww'))).toEqual([[0, 4, 8], [1, 4, 8], [0, 0, 3], [2, 0, 3]]);
  });

  it('keeps a core across a sentence end that every occurrence crosses (a quoted paragraph)', () => {
    const b = new PassageBuilder().add(0, 0, 1, 0, 9);
    expect(coresOf(b, layoutOf('wwww.wwwww', 'wwww.wwwww'))).toEqual([[0, 0, 8], [1, 0, 8]]);
  });

  it('drops a piece of fewer than minContentWordsShort content words off an end, at a sentence end', () => {
    const b = new PassageBuilder().add(0, 0, 1, 0, 7);
    expect(coresOf(b, layoutOf('ww.wwwww', 'ww.wwwww'))).toEqual([[0, 2, 6], [1, 2, 6]]);
  });

  it('leaves no core when fewer than minContentWordsShort content words remain', () => {
    const b = new PassageBuilder().add(0, 0, 1, 0, 4);
    expect(coresOf(b, layoutOf('fwwf', 'fwwf'))).toEqual([[0], [1]]);
  });

  it('counts a word substituted for a partner\'s core word as a varied word of the formula', () => {
    const b = new PassageBuilder().add(0, 0, 1, 0, 6, { subs: [0] }).add(0, 0, 2, 0, 6);
    const w = 'wwwwww';
    // Document 1's first word differs from document 0's, which is in document 0's core.
    expect(coresOf(b, layoutOf(w, w, w))).toEqual([[0, 0, 5], [1, 0, 5], [2, 0, 5]]);
  });

  it('gives each copy of a frequent phrase\'s run the core of its source, moved onto the run', () => {
    const b = new PassageBuilder().add(0, 0, 1, 0, 6, { frequent: true, copies: [2, 3, 3, 8] });
    expect(coresOf(b, layoutOf('fwwwww', 'fwwwww', 'wwwfwwwww'))).toEqual([[0, 1, 5], [1, 1, 5], [2, 4, 8]]);
  });
});
