import { describe, expect, it } from 'vitest';
import { Columns } from '../../src/interop/columns.ts';

describe('Columns', () => {
  it('appends rows past its first capacity, keeping every value, hashes by their int bits', () => {
    const t = new Columns(['doc', 'hash'] as const);
    for (let i = 0; i < 3000; i++) expect(t.push({ doc: i, hash: 0xfffffff0 + (i % 16) })).toBe(i);
    expect(t.length).toBe(3000);
    expect(t.col('doc')[2999]).toBe(2999);
    expect(t.col('hash')[17]! >>> 0).toBe(0xfffffff1);
  });
});
