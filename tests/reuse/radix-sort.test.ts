import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixOrder, radixSortPairs } from '../../src/reuse/radix-sort.ts';

const u32 = fc.integer({ min: 0, max: 0xffffffff });

describe('radixOrder', () => {
  it('is the stable order of the keys', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(u32, fc.integer({ min: 0, max: 5 })), { maxLength: 300 }), (xs) => {
        const keys = Uint32Array.from(xs);
        const expected = xs.map((_, i) => i).sort((i, j) => xs[i]! - xs[j]! || i - j);
        expect([...radixOrder(keys, keys.length)]).toEqual(expected);
      }),
    );
  });

  it('sorts by several keys when the minor key goes first', () => {
    const major = Int32Array.of(2, 1, 2, 1, 0);
    const minor = Int32Array.of(5, 9, 1, 3, 7);
    const order = radixOrder(major, 5, radixOrder(minor, 5));
    expect([...order]).toEqual([4, 3, 1, 2, 0]);
  });
});

describe('radixSortPairs', () => {
  it('sorts keys in place, carrying values stably, with or without scratch', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(u32, fc.integer({ min: 0, max: 3 })), { maxLength: 300 }), fc.boolean(), (xs, scratch) => {
        const keys = Uint32Array.from(xs);
        const vals = Int32Array.from(xs.map((_, i) => i));
        const n = xs.length;
        if (scratch) radixSortPairs(keys, vals, n, new Uint32Array(n), new Int32Array(n));
        else radixSortPairs(keys, vals, n);
        const expected = xs.map((_, i) => i).sort((i, j) => xs[i]! - xs[j]! || i - j);
        expect([...vals]).toEqual(expected);
        expect([...keys]).toEqual(expected.map((i) => xs[i]));
      }),
    );
  });

  it('leaves the slots past n alone', () => {
    const keys = Uint32Array.of(3, 1, 2, 0);
    const vals = Int32Array.of(0, 1, 2, 99);
    radixSortPairs(keys, vals, 3);
    expect([...keys]).toEqual([1, 2, 3, 0]);
    expect([...vals]).toEqual([1, 2, 0, 99]);
  });
});
