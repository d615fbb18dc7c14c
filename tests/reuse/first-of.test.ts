import { describe, expect, it } from 'vitest';
import { FirstOf } from '../../src/reuse/first-of.ts';

describe('FirstOf', () => {
  it('gives the first value given with each key', () => {
    const t = new FirstOf();
    expect(t.of(7, 0)).toBe(0);
    expect(t.of(7, 5)).toBe(0);
    expect(t.of(-1, 3)).toBe(3);
    expect(t.of(0xffffffff, 9)).toBe(3); // the same 32 bits as -1
    expect(t.of(0, 4)).toBe(4);
    expect(t.of(0, 1)).toBe(4);
  });

  it('keeps every key through its growth, against a Map', () => {
    const t = new FirstOf();
    const m = new Map<number, number>();
    let x = 12345;
    for (let i = 0; i < 50_000; i++) {
      // Keys with many repeats and many sharing their top bits after the multiply.
      x = (Math.imul(x, 1103515245) + 12345) | 0;
      const key = i % 3 === 0 ? (x & 0xfff) << 20 : x % 20_000;
      if (!m.has(key)) m.set(key, i);
      expect(t.of(key, i)).toBe(m.get(key));
    }
  });
});
