import { describe, expect, it } from 'vitest';
import { collapseWhitespace, isSpaceCode, makeSnippet, paragraphsOf, segmentsOf } from '../../src/search/snippets.ts';
import type { Range } from '../../src/search/types.ts';

describe('makeSnippet', () => {
  it('keeps a short paragraph whole with its marks', () => {
    const s = makeSnippet('A  short\nparagraph.', [{ start: 3, end: 8 }]);
    expect(s.text).toBe('A short paragraph.');
    expect(s.text.slice(s.marks[0]!.start, s.marks[0]!.end)).toBe('short');
    expect(s.clippedStart || s.clippedEnd).toBe(false);
  });

  it('cuts a long paragraph around the first mark, at word boundaries', () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const i = words.indexOf('w150');
    const s = makeSnippet(words, [{ start: i, end: i + 4 }], 120, 40);
    expect(s.clippedStart).toBe(true);
    expect(s.clippedEnd).toBe(true);
    expect(s.text.slice(s.marks[0]!.start, s.marks[0]!.end)).toBe('w150');
    expect(s.text).toMatch(/^w\d+ /);
    expect(s.text.length).toBeLessThanOrEqual(150);
  });
});

describe('collapseWhitespace', () => {
  it('moves marks with the text', () => {
    const r = collapseWhitespace('a \n\n b c', 0, 8, [{ start: 5, end: 6 }]);
    expect(r.text).toBe('a b c');
    expect(r.text.slice(r.marks[0]!.start, r.marks[0]!.end)).toBe('b');
  });
});

describe('segmentsOf', () => {
  it('renders text with markup characters as plain segments', () => {
    const text = 'x <img src=x onerror=alert(1)> y';
    const segs = segmentsOf(text, [{ start: 2, end: 30 }]);
    expect(segs).toEqual([
      { text: 'x ', marked: false },
      { text: '<img src=x onerror=alert(1)>', marked: true },
      { text: ' y', marked: false },
    ]);
  });
  it('clips marks beyond the text and skips overlaps', () => {
    expect(segmentsOf('abc', [{ start: 1, end: 9 }, { start: 0, end: 2 }])).toEqual([
      { text: 'ab', marked: true },
      { text: 'c', marked: true },
    ]);
  });
});

describe('paragraphsOf', () => {
  it('splits at blank lines as the reader does', () => {
    const text = 'one\n\ntwo\nstill two\n\n\nthree';
    const ps = paragraphsOf(text).map((p) => text.slice(p.start, p.end));
    expect(ps).toEqual(text.split(/\n{2,}/));
  });
});

describe('isSpaceCode', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });
});

describe('collapseWhitespace', () => {
  /** The plain definition: one regex test and one append per character. */
  function reference(text: string, from: number, to: number, marks: Range[]): { text: string; marks: Range[] } {
    let out = '';
    const map: number[] = [];
    let prevSpace = false;
    for (let i = from; i < to; i++) {
      map[i - from] = out.length;
      if (/\s/.test(text[i]!)) {
        if (!prevSpace) out += ' ';
        prevSpace = true;
      } else {
        out += text[i];
        prevSpace = false;
      }
    }
    map[to - from] = out.length;
    const moved = marks.flatMap((m) => {
      const s = Math.max(m.start, from);
      const e = Math.min(m.end, to);
      return s < e ? [{ start: map[s - from]!, end: map[e - from]! }] : [];
    });
    return { text: out, marks: moved };
  }

  it('matches the per-character definition on random text', () => {
    const alphabet = ['a', 'b', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', '网', '😀', '.', '\u2028'];
    let seed = 5;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: rnd(40) }, () => alphabet[rnd(alphabet.length)]).join('');
      const from = rnd(text.length + 1);
      const to = from + rnd(text.length - from + 1);
      const marks = Array.from({ length: rnd(4) }, () => {
        const s = rnd(text.length + 1);
        return { start: s, end: s + rnd(text.length - s + 1) };
      });
      expect(collapseWhitespace(text, from, to, marks), JSON.stringify({ text, from, to, marks })).toEqual(reference(text, from, to, marks));
    }
  });
});
