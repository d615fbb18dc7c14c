import { describe, expect, it } from 'vitest';
import { UnionFind, unionOverlapping } from '../../src/reuse/union-find.ts';

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

describe('unionOverlapping', () => {
  // Spans [start, end) by document, then start: 0 [0,10) and 1 [4,10) share 6 of 10;
  // 2 [8,20) shares 2 of 12 with 0; 3 is in another document; 4 [9,20) shares 11 of 12 with 2.
  const spans = {
    doc: Int32Array.from([0, 0, 0, 1, 0]),
    start: Int32Array.from([0, 4, 8, 0, 9]),
    end: Int32Array.from([10, 10, 20, 10, 20]),
  };
  const order = [0, 1, 2, 4, 3];
  const roots = (share: number, count = order.length) => {
    const uf = new UnionFind(5);
    unionOverlapping(uf, order, count, spans, share);
    return [0, 1, 2, 3, 4].map((x) => uf.find(x));
  };

  it('joins spans of one document that overlap by the share of the longer, never across documents', () => {
    expect(roots(0.6)).toEqual([0, 0, 2, 3, 2]);
    expect(roots(0.61)).toEqual([0, 1, 2, 3, 2]);
    expect(roots(0.1)).toEqual([0, 0, 0, 3, 0]);
  });

  it('compares only the first `count` spans of the order', () => {
    expect(roots(0.6, 3)).toEqual([0, 0, 2, 3, 4]);
  });
});
