import { describe, expect, it } from 'vitest';
import { breakIn, lastBreakIn, sentenceBreaks } from '../../src/reuse/sentence-breaks.ts';
import { prepared } from './fixtures.ts';

describe('sentenceBreaks', () => {
  const { docs, vocab } = prepared(['Mr. Speaker spoke. Then we left.\n\nA new day', 'It rained. Two more', 'No break here']);
  const b = sentenceBreaks(docs, vocab.surface, docs[0]!.corpus.flags);

  it('lists the tokens after a sentence end or paragraph break, corpus-wide, but not after an abbreviation', () => {
    const word = (t: number) => {
      const d = docs.find((x) => t >= x.offset && t < x.offset + x.count)!;
      return d.surface[d.type[t - d.offset]!];
    };
    expect(Array.from(b.breaks, word)).toEqual(['Then', 'A', 'Two']);
    expect(Array.from(b.breaks)).toEqual([...b.breaks].sort((x, y) => x - y));
  });

  it('says where each document\'s breaks start', () => {
    expect(Array.from(b.breakStart)).toEqual([0, 2, 3, 3]);
  });
});

describe('breakIn / lastBreakIn', () => {
  // Document 1 starts at corpus-wide token 5 and has breaks before 7, 9 and 12; documents 0 and 2 have one each.
  const b = { breaks: Int32Array.from([3, 7, 9, 12, 20]), breakStart: Int32Array.from([0, 1, 4, 5]) };
  it('find the first and last break inside (first, last] of a document, in its own token indices', () => {
    expect(breakIn(b, 1, 5, 0, 10)).toBe(2);
    expect(lastBreakIn(b, 1, 5, 0, 10)).toBe(7);
    expect(breakIn(b, 1, 5, 3, 10)).toBe(4);
    expect(lastBreakIn(b, 1, 5, 0, 6)).toBe(4);
  });
  it('do not count a break before the first token, and say -1 when there is none', () => {
    expect(breakIn(b, 1, 5, 2, 3)).toBe(-1);
    expect(lastBreakIn(b, 1, 5, 2, 3)).toBe(-1);
    expect(breakIn(b, 1, 5, 8, 12)).toBe(-1);
    expect(lastBreakIn(b, 1, 5, 8, 12)).toBe(-1);
  });
});

describe('sentenceBreaks and abbreviations', () => {
  it('takes a capital and at most two small letters before a full stop for an abbreviation, in any script', () => {
    const { docs, vocab } = prepared(['Dr. Who came. Prof. Who left. Ém. Un mot. Éva. Über alles. X. Y went. Mrs. Z spoke']);
    const b = sentenceBreaks(docs, vocab.surface, docs[0]!.corpus.flags);
    const after = Array.from(b.breaks, (t) => docs[0]!.surface[docs[0]!.type[t]!]);
    // The tokens after a break: none after Dr, Ém, Éva, X or Mrs (a capital and up to two small letters); Prof is four letters.
    expect(after).toEqual(['Prof', 'Who', 'Ém', 'Éva', 'X', 'Mrs']);
  });
});
