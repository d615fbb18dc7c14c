import { describe, expect, it } from 'vitest';
import { markBreaks, sentenceBreaks } from '../../src/reuse/sentence-breaks.ts';
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

describe('markBreaks', () => {
  // Document 1 starts at corpus-wide token 5 and has breaks before 7, 9 and 12; documents 0 and 2 have one each.
  const b = { breaks: Int32Array.from([3, 7, 9, 12, 20]), breakStart: Int32Array.from([0, 1, 4, 5]) };
  const marked = (first: number, last: number, at: number) => {
    const out = new Uint8Array(12).fill(1);
    markBreaks(b, 1, 5, first, last, out, at, 2);
    return Array.from(out, (v) => v >> 1).join('');
  };
  it('sets the bit at each break inside [first, last] of a document, in its own token indices moved by `at`', () => {
    expect(marked(0, 10, 0)).toBe('001010010000');
    expect(marked(3, 10, -3)).toBe('010010000000');
    expect(marked(4, 7, 0)).toBe('000010010000');
  });
  it('marks nothing outside [first, last] or in other documents, and keeps the other bits', () => {
    expect(marked(8, 12, 0)).toBe('000000000000');
    expect(marked(2, 2, 0)).toBe('001000000000');
    const out = new Uint8Array(4).fill(1);
    markBreaks(b, 1, 5, 0, 3, out, 0, 2);
    expect(Array.from(out)).toEqual([1, 1, 3, 1]);
  });
});

describe('sentenceBreaks and abbreviations', () => {
  it('takes a known abbreviation or an initial before a full stop for no sentence end; other short capitalised words end it', () => {
    const { docs, vocab } = prepared(['Dr. Who came. Prof. Who left. Ém. Un mot. Mme. Dupont vint. Über alles. X. Y went. Mrs. Z spoke to President Xi. The Patriot Act. Yes. Jan. Smith']);
    const b = sentenceBreaks(docs, vocab.surface, docs[0]!.corpus.flags);
    const after = Array.from(b.breaks, (t) => docs[0]!.surface[docs[0]!.type[t]!]);
    // None after Dr, Prof, Mme, X (an initial), Mrs or Jan; "Ém", "Xi", "Act" and "Yes" end their sentences.
    expect(after).toEqual(['Prof', 'Ém', 'Un', 'Mme', 'Über', 'X', 'Mrs', 'The', 'Yes', 'Jan']);
  });

  it('knows the common abbreviations of the other languages whose function words it reads', () => {
    const { docs, vocab } = prepared(['В 2019 г. конференция прошла в Учжэне. Она была большой. Przyszli np. goście z Krakowa. Potem wyszli. Byl to tzv. Pražský model. Konec.']);
    const b = sentenceBreaks(docs, vocab.surface, docs[0]!.corpus.flags);
    const after = Array.from(b.breaks, (t) => docs[0]!.surface[docs[0]!.type[t]!]);
    // None after Russian "г." (year), Polish "np." or Czech "tzv.".
    expect(after).toEqual(['Она', 'Przyszli', 'Potem', 'Byl', 'Konec']);
  });
});
