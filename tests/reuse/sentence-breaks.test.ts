import { describe, expect, it } from 'vitest';
import { breakIn, lastBreakIn, sentenceBreaks } from '../../src/reuse/sentence-breaks.ts';
import { prepared } from './fixtures.ts';

describe('sentenceBreaks', () => {
  it('lists the tokens after a sentence end or paragraph break, corpus-wide, but not after an abbreviation', () => {
    const { docs, vocab } = prepared(['Mr. Speaker spoke. Then we left.\n\nA new day', 'It rained. Two more']);
    const breaks = sentenceBreaks(docs, vocab.surface, docs[0]!.corpus.flags);
    const word = (t: number) => {
      const d = docs.find((x) => t >= x.offset && t < x.offset + x.count)!;
      return d.surface[d.type[t - d.offset]!];
    };
    expect(Array.from(breaks, word)).toEqual(['Then', 'A', 'Two']);
    expect(Array.from(breaks)).toEqual([...breaks].sort((a, b) => a - b));
  });
});

describe('breakIn / lastBreakIn', () => {
  // Breaks before corpus-wide tokens 3, 7 and 12; the document starts at 5.
  const breaks = Int32Array.from([3, 7, 12]);
  it('find the first and last break inside (first, last] of a document, in its own token indices', () => {
    expect(breakIn(breaks, 5, 0, 10)).toBe(2);
    expect(lastBreakIn(breaks, 5, 0, 10)).toBe(7);
    expect(breakIn(breaks, 5, 3, 10)).toBe(7);
    expect(lastBreakIn(breaks, 5, 0, 6)).toBe(2);
  });
  it('do not count a break before the first token, and say -1 when there is none', () => {
    expect(breakIn(breaks, 5, 2, 6)).toBe(-1);
    expect(lastBreakIn(breaks, 5, 2, 6)).toBe(-1);
    expect(breakIn(breaks, 5, 8, 20)).toBe(-1);
  });
});
