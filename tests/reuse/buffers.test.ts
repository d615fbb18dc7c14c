import { describe, expect, it } from 'vitest';
import { grownCapacity, resized } from '../../src/reuse/buffers.ts';

describe('grownCapacity', () => {
  it('doubles until the need fits, from at least 16', () => {
    expect(grownCapacity(0, 1)).toBe(16);
    expect(grownCapacity(16, 17)).toBe(32);
    expect(grownCapacity(100, 1000)).toBe(1600);
    expect(grownCapacity(64, 10)).toBe(128);
  });
});

describe('resized', () => {
  it('copies the used part into a new array of the same type', () => {
    const a = Uint8Array.of(1, 2, 3, 4);
    const b = resized(a, 10, 3);
    expect(b).toBeInstanceOf(Uint8Array);
    expect([...b]).toEqual([1, 2, 3, 0, 0, 0, 0, 0, 0, 0]);
    const c = resized(Int32Array.of(-5, 7), 2, 2);
    expect(c).toBeInstanceOf(Int32Array);
    expect([...c]).toEqual([-5, 7]);
    expect(c).not.toBe(a);
  });
});
