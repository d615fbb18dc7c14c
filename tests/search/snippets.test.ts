import { describe, expect, it } from 'vitest';
import { collapseWhitespace, makeSnippet, paragraphsOf, segmentsOf } from '../../src/search/snippets.ts';

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
