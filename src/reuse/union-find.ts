/** Disjoint sets over 0..n-1 (path halving). */
export class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(x: number, y: number): void {
    const rx = this.find(x);
    const ry = this.find(y);
    // Smaller root wins: the result does not depend on visiting order.
    if (rx < ry) this.parent[ry] = rx;
    else if (ry < rx) this.parent[rx] = ry;
  }
}

/**
 * Unions every two spans in one document that overlap by at least `share`
 * of the longer. Span o is [start[o], end[o]) in document doc[o]; `order`
 * holds the first `count` spans to compare, by document, then start.
 */
export function unionOverlapping(
  uf: UnionFind,
  order: ArrayLike<number>,
  count: number,
  spans: { readonly doc: Int32Array; readonly start: Int32Array; readonly end: Int32Array },
  share: number,
): void {
  const { doc, start, end } = spans;
  for (let x = 0; x < count; x++) {
    const ox = order[x]!;
    const dx = doc[ox]!;
    const sx = start[ox]!;
    const ex = end[ox]!;
    for (let y = x + 1; y < count; y++) {
      const oy = order[y]!;
      const sy = start[oy]!;
      if (doc[oy] !== dx || sy >= ex) break;
      const ey = end[oy]!;
      if (Math.min(ex, ey) - sy >= share * Math.max(ex - sx, ey - sy)) uf.union(ox, oy);
    }
  }
}
