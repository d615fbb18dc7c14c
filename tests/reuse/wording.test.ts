import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordingOf, wordingOfSpan } from '../../src/reuse/families.ts';

const PIECES = ['a', 'Z', 'Ab', '3', "'", '`', ' ', '  ', '\n', '\t', '.', ',', '-', '—', 'é', 'É', '\u2019', 'ﬁ', 'the', 'The', 'X-ray', '_', '~', '\u00a0'];

describe('wordingOfSpan', () => {
  it('equals wordingOf of the slice', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.nat(), fc.nat(), (xs, p, q) => {
        const text = xs.join('');
        const a = text.length === 0 ? 0 : p % (text.length + 1);
        const b = text.length === 0 ? 0 : q % (text.length + 1);
        const [s, e] = a <= b ? [a, b] : [b, a];
        expect(wordingOfSpan(text, s, e)).toBe(wordingOf(text.slice(s, e)));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles long spans', () => {
    const text = 'Alpha, beta; `gamma` ... '.repeat(500);
    expect(wordingOfSpan(text, 3, text.length - 2)).toBe(wordingOf(text.slice(3, text.length - 2)));
  });
});
