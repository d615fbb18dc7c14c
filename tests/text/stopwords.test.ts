import { describe, expect, it } from 'vitest';
import { isStopword } from '../../src/text/stopwords.ts';

describe('isStopword', () => {
  it('knows function words', () => {
    for (const w of ['the', 'of', 'and', 'with', "it's"]) expect(isStopword(w)).toBe(true);
  });
  it('keeps content words', () => {
    for (const w of ['community', 'future', 'said', 'people']) expect(isStopword(w)).toBe(false);
  });
});
