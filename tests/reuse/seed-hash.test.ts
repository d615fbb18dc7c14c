import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../src/text/vocabulary.ts';
import { firstStemPart, seedHash } from '../../src/reuse/seed-hash.ts';

const h = (a: string, b: string): number => seedHash(firstStemPart(fnv1a(a)), fnv1a(b));

describe('seedHash', () => {
  it('is an unsigned 32-bit hash of the ordered pair', () => {
    const x = h('environment', 'generation');
    expect(x).toBe(h('environment', 'generation'));
    expect(Number.isInteger(x) && x >= 0 && x <= 0xffffffff).toBe(true);
    expect(h('generation', 'environment')).not.toBe(x);
    expect(h('a', 'a')).not.toBe(0);
  });

  it('spreads neighbouring pairs over the whole range', () => {
    const seen = new Set<number>();
    let high = 0;
    for (let i = 0; i < 2000; i++) {
      const v = h(`w${i}`, `w${i + 1}`);
      seen.add(v);
      if (v >= 2 ** 31) high++;
    }
    expect(seen.size).toBe(2000);
    expect(high).toBeGreaterThan(850);
    expect(high).toBeLessThan(1150);
  });
});
