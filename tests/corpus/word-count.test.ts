import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/corpus/word-count.ts';

describe('countWords', () => {
  it('counts words as readers do: contractions and numbers as one, punctuation as none, each Han character as one', () => {
    expect(countWords("The council's plan won't cost 3000 euros — really?")).toBe(8);
    expect(countWords('构建网络空间命运共同体')).toBe(11);
    expect(countWords('  … — ')).toBe(0);
  });
});
