import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/corpus/word-count.ts';

describe('countWords', () => {
  it('counts words as readers do: contractions and numbers as one, punctuation as none, each Han character as one', () => {
    expect(countWords("The council's plan won't cost 3000 euros — really?")).toBe(8);
    expect(countWords('构建网络空间命运共同体')).toBe(11);
    expect(countWords('  … — ')).toBe(0);
  });

  it('counts a number with separators, and a hyphenated compound, as one word', () => {
    expect(countWords('It cost 3,000 yuan, or 2.5% more, in 2016-17.')).toBe(9);
    expect(countWords('A well-known, long‐standing plan.')).toBe(4);
    // A separator that joins no digits ends the word: "1990, 2000" is two.
    expect(countWords('In 1990, 2000 and 2010.')).toBe(5);
    // A hyphen or dash between spaces is no word.
    expect(countWords('Peace - and development')).toBe(3);
  });
});
