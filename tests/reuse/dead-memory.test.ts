import { afterEach, describe, expect, it } from 'vitest';
import { endDeadMemory, int32Column, lendDeadMemory, uint32Column } from '../../src/reuse/dead-memory.ts';

afterEach(() => endDeadMemory());

describe('dead memory', () => {
  it('carves zeroed columns from the lent views only, first fit', () => {
    const a = new Int32Array(100_000).fill(7);
    const b = new Uint8Array(200_000).fill(9);
    // Only a's slots [1000, 61000) are lent: 240,000 bytes.
    lendDeadMemory([a.subarray(1000, 61_000), b]);
    const x = int32Column(40_000);
    expect(x.buffer).toBe(a.buffer);
    expect(x.byteOffset).toBe(4000);
    expect(x.every((v) => v === 0)).toBe(true);
    x.fill(3);
    // 80,000 bytes left in a: the next fits there, the one after goes to b.
    const y = uint32Column(20_000);
    expect(y.buffer).toBe(a.buffer);
    expect(y.byteOffset).toBe(4000 + 160_000);
    const z = int32Column(25_000);
    expect(z.buffer).toBe(b.buffer);
    expect(z.every((v) => v === 0)).toBe(true);
    // Outside the lent range, a is untouched; the columns do not overlap.
    expect(a[999]).toBe(7);
    expect(a[61_000]).toBe(7);
    expect(x.every((v) => v === 3)).toBe(true);
  });

  it('allocates small columns, columns that do not fit, and all columns once the call ends', () => {
    const a = new Int32Array(50_000);
    lendDeadMemory([a]);
    expect(int32Column(100).buffer).not.toBe(a.buffer);
    expect(int32Column(60_000).buffer).not.toBe(a.buffer);
    expect(int32Column(30_000).buffer).toBe(a.buffer);
    endDeadMemory();
    const after = int32Column(30_000);
    expect(after.buffer).not.toBe(a.buffer);
    expect(after.length).toBe(30_000);
  });
});
