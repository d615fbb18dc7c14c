import { describe, expect, it } from 'vitest';
import { UnionFind } from '../../src/reuse/union-find.ts';

describe('UnionFind', () => {
  it('joins sets, each named by its smallest member whatever the order of the unions', () => {
    const a = new UnionFind(6);
    a.union(4, 5);
    a.union(5, 2);
    a.union(0, 1);
    const b = new UnionFind(6);
    b.union(2, 5);
    b.union(1, 0);
    b.union(5, 4);
    for (const u of [a, b]) expect([0, 1, 2, 3, 4, 5].map((x) => u.find(x))).toEqual([0, 0, 2, 3, 2, 2]);
  });

  it('keeps long chains short (path halving) and a union within one set changes nothing', () => {
    const u = new UnionFind(1000);
    for (let i = 999; i > 0; i--) u.union(i, i - 1);
    expect(u.find(999)).toBe(0);
    u.union(3, 7);
    expect(u.find(7)).toBe(0);
  });
});
