import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.ts';

describe('tokenize', () => {
  it('gives UTF-16 offsets that slice back to the token', () => {
    const text = 'China’s “Café”  policy — 2020!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['China’s', 'Café', 'policy', '2020']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('normalises case, quotes, width and diacritics for matching', () => {
    const [a, b, c] = tokenize('China’s CAFÉ ＡＢＣ');
    expect(a!.norm).toBe("china's");
    expect(a!.stem).toBe('china');
    expect(b!.norm).toBe('cafe');
    expect(c!.norm).toBe('abc');
  });

  it('marks stopwords as function words', () => {
    const tokens = tokenize('the environment for future generations');
    expect(tokens.map((t) => t.isContent)).toEqual([false, true, false, true, true]);
  });

  it('segments a run of Han characters into overlapping bigrams with offsets', () => {
    const text = '构建网络空间。好';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['构建', '建网', '网络', '络空', '空间', '好']);
    expect(tokens[2]).toMatchObject({ start: 2, end: 4, isContent: true });
    expect(tokens[5]!.sentenceStart).toBe(true);
  });

  it('counts astral Han characters as one character each', () => {
    const text = 'a 𠀀𠀁x';
    const tokens = tokenize(text);
    expect(tokens.map((t) => [t.text, t.start, t.end])).toEqual([
      ['a', 0, 1],
      ['𠀀𠀁', 2, 6],
      ['x', 6, 7],
    ]);
  });

  it('splits Han from Latin letters in one run', () => {
    expect(tokenize('WIC大会').map((t) => t.text)).toEqual(['WIC', '大会']);
  });

  it('flags a blank line before a paragraph', () => {
    const tokens = tokenize('one two.\n\nthree\nfour');
    expect(tokens.map((t) => t.paragraphStart)).toEqual([false, false, true, false]);
  });

  it('returns nothing for text without words', () => {
    expect(tokenize('  —  !! ')).toEqual([]);
  });
});
