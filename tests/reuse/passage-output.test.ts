import { describe, expect, it } from 'vitest';
import { OP_DEL, OP_INS, OP_MATCH, OP_SUB } from '../../src/reuse/align.ts';
import { OpCache, dedupePassages, toPassage } from '../../src/reuse/passage-output.ts';
import { RawPassages, type RawPassage } from '../../src/reuse/passages.ts';
import { prepared } from './fixtures.ts';

function raw(docA: number, docB: number, aFirst: number, aLast: number, bFirst: number, bLast: number, score: number, frequent = false): RawPassage {
  return { docA, docB, aFirst, aLast, bFirst, bLast, score, contentMatches: 0, matched: 0, steps: 0, at: 0, frequent, copies: null };
}

/** Pseudo-random integers in [0, n) from a linear congruential generator: the same sequence on every run. */
function integers(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
}

describe('dedupePassages', () => {
  it('keeps the best of passages of one pair overlapping by half on both sides, sorted by document A, position in A, then document B', () => {
    const kept = dedupePassages([
      raw(0, 1, 10, 19, 30, 39, 5),
      raw(0, 1, 12, 21, 32, 41, 9),
      // Overlaps on a only: kept.
      raw(0, 1, 10, 19, 60, 69, 4),
      // Another pair: kept.
      raw(0, 2, 10, 19, 30, 39, 1),
      raw(0, 1, 0, 3, 0, 3, 2),
    ]);
    expect(kept.map((p) => [p.docB, p.aFirst, p.bFirst, p.score])).toEqual([
      [1, 0, 0, 2],
      [1, 10, 60, 4],
      [2, 10, 30, 1],
      [1, 12, 32, 9],
    ]);
  });

  it("keeps a frequent phrase's star passage beside a better passage around it (they say different things)", () => {
    const kept = dedupePassages([raw(0, 1, 10, 30, 10, 30, 40), raw(0, 1, 14, 24, 14, 24, 20, true), raw(0, 1, 14, 25, 14, 25, 19, true)]);
    expect(kept.map((p) => [p.aFirst, p.aLast, p.frequent])).toEqual([
      [10, 30, false],
      [14, 24, true],
    ]);
  });

  it('drops the same passages when a pair has thousands (the block index) as when each is compared with all', () => {
    // The plain rule, every kept passage of the pair compared with each new one.
    const reference = (list: RawPassage[]): RawPassage[] => {
      const kept: RawPassage[] = [];
      for (const p of [...list].sort((x, y) => x.docA - y.docA || x.docB - y.docB || y.score - x.score || x.aFirst - y.aFirst || x.bFirst - y.bFirst || x.aLast - y.aLast || x.bLast - y.bLast)) {
        const dup = kept.some((q) => {
          if (q.docA !== p.docA || q.docB !== p.docB || q.frequent !== p.frequent) return false;
          const oa = Math.max(0, Math.min(p.aLast, q.aLast) - Math.max(p.aFirst, q.aFirst) + 1);
          const ob = Math.max(0, Math.min(p.bLast, q.bLast) - Math.max(p.bFirst, q.bFirst) + 1);
          return oa * 2 >= Math.min(p.aLast - p.aFirst, q.aLast - q.aFirst) + 1 && ob * 2 >= Math.min(p.bLast - p.bFirst, q.bLast - q.bFirst) + 1;
        });
        if (!dup) kept.push(p);
      }
      return kept;
    };
    const rnd = integers(7);
    const list: RawPassage[] = [];
    // One pair of two texts each holding one clause many times (a passage per copy × copy), long and short spans, and a small pair.
    for (let i = 0; i < 3_000; i++) {
      const a = rnd(4_000), b = rnd(4_000);
      list.push(raw(0, 1, a, a + 3 + rnd(i % 10 === 0 ? 200 : 30), b, b + 3 + rnd(30), rnd(50), rnd(8) === 0));
    }
    for (let i = 0; i < 20; i++) list.push(raw(1, 2, rnd(100), 100 + rnd(20), rnd(100), 100 + rnd(20), rnd(50)));
    const key = (p: RawPassage): string => [p.docA, p.docB, p.aFirst, p.aLast, p.bFirst, p.bLast, p.score, p.frequent].join();
    const got = dedupePassages([...list]).map(key).sort();
    const want = reference(list).map(key).sort();
    expect(want.length).toBeGreaterThan(500);
    expect(want.length).toBeLessThan(list.length);
    expect(got).toEqual(want);
  });

  it('orders as one stable sort by its keys would, ties in the order given', () => {
    // Passages of many document pairs, in no order, with equal keys (told apart by `at`) and long runs of one pair.
    const rnd = integers(11);
    const list: RawPassage[] = [];
    for (let i = 0; i < 4_000; i++) {
      // One pair of 1,000 (sorted by the builtin), then a few each for 600 pairs (by insertion).
      const docA = i < 1_000 ? 3 : rnd(200);
      const a = rnd(i < 1_000 ? 60 : 4) * 10;
      const b = rnd(i < 1_000 ? 60 : 4) * 10;
      list.push({ ...raw(docA, i < 1_000 ? 4 : docA + rnd(3), a, a + 2 + rnd(2), b, b + 2 + rnd(2), rnd(3), rnd(5) === 0), at: i });
    }
    const byPair = (x: RawPassage, y: RawPassage): number => x.docA - y.docA || x.docB - y.docB || y.score - x.score || x.aFirst - y.aFirst || x.bFirst - y.bFirst || x.aLast - y.aLast || x.bLast - y.bLast || Number(x.frequent) - Number(y.frequent);
    const byPosition = (x: RawPassage, y: RawPassage): number => x.docA - y.docA || x.aFirst - y.aFirst || x.docB - y.docB || x.bFirst - y.bFirst || x.aLast - y.aLast || x.bLast - y.bLast || Number(x.frequent) - Number(y.frequent);
    const kept: RawPassage[] = [];
    for (const p of [...list].sort(byPair)) {
      const overlap = (q: RawPassage): boolean =>
        q.docA === p.docA &&
        q.docB === p.docB &&
        q.frequent === p.frequent &&
        Math.max(0, Math.min(p.aLast, q.aLast) - Math.max(p.aFirst, q.aFirst) + 1) * 2 >= Math.min(p.aLast - p.aFirst, q.aLast - q.aFirst) + 1 &&
        Math.max(0, Math.min(p.bLast, q.bLast) - Math.max(p.bFirst, q.bFirst) + 1) * 2 >= Math.min(p.bLast - p.bFirst, q.bLast - q.bFirst) + 1;
      if (!kept.some(overlap)) kept.push(p);
    }
    const want = kept.sort(byPosition).map((p) => p.at);
    expect(want.length).toBeGreaterThan(1_000);
    expect(dedupePassages([...list]).map((p) => p.at)).toEqual(want);
  });
});

describe('OpCache', () => {
  it('makes one shared op per distinct step', () => {
    const cache = new OpCache(['protect', 'safeguard', 'the']);
    expect(cache.get(OP_MATCH, 2, 2)).toBe(cache.get(OP_MATCH, 2, 2));
    expect(cache.get(OP_MATCH, 2, 2)).toEqual({ op: 'match', a: 'the', b: 'the' });
    expect(cache.get(OP_SUB, 0, 1)).toEqual({ op: 'sub', a: 'protect', b: 'safeguard' });
    expect(cache.get(OP_SUB, 1, 0)).toEqual({ op: 'sub', a: 'safeguard', b: 'protect' });
    expect(cache.get(OP_INS, -1, 1)).toEqual({ op: 'ins', b: 'safeguard' });
    expect(cache.get(OP_DEL, 0, -1)).toBe(cache.get(OP_DEL, 0, -1));
    // Two spellings of one stem: a match of different types.
    expect(cache.get(OP_MATCH, 0, 1)).toEqual({ op: 'match', a: 'protect', b: 'safeguard' });
  });

  it('keeps ops of two types apart and shared in a large vocabulary', () => {
    // 40K types: a x types + b would pass 2^30; the ops are keyed by a, then b.
    const surface = Array.from({ length: 40_000 }, (_, i) => `w${i}`);
    const cache = new OpCache(surface);
    const sub = cache.get(OP_SUB, 39_999, 39_998);
    expect(sub).toEqual({ op: 'sub', a: 'w39999', b: 'w39998' });
    expect(cache.get(OP_SUB, 39_999, 39_998)).toBe(sub);
    expect(cache.get(OP_SUB, 39_998, 39_999)).toEqual({ op: 'sub', a: 'w39998', b: 'w39999' });
    expect(cache.get(OP_MATCH, 39_999, 39_998)).toEqual({ op: 'match', a: 'w39999', b: 'w39998' });
    expect(cache.get(OP_MATCH, 39_999, 39_998)).not.toBe(sub);
  });
});

describe('toPassage', () => {
  it('gives character spans, words as written, and similarity', () => {
    const { docs, vocab } = prepared(['Yes, we Protect forests.', 'They protect the forests.']);
    const store = new RawPassages();
    const steps: [number, number, number][] = [
      [OP_MATCH, 2, 1],
      [OP_INS, -1, 2],
      [OP_MATCH, 3, 3],
    ];
    steps.forEach(([o, a, b], i) => {
      store.op[i] = o;
      store.ai[i] = a;
      store.bj[i] = b;
    });
    store.length = 3;
    const p = toPassage({ ...raw(0, 1, 2, 3, 1, 3, 5), contentMatches: 2, matched: 2, steps: 3 }, store, docs[0]!, docs[1]!, new OpCache(vocab.surface), 2.5e-5);
    expect(p.a).toEqual({ doc: 'd000', start: 8, end: 23 });
    expect(p.b).toEqual({ doc: 'd001', start: 5, end: 24 });
    expect(p.ops).toEqual([{ op: 'match', a: 'Protect', b: 'protect' }, { op: 'ins', b: 'the' }, { op: 'match', a: 'forests', b: 'forests' }]);
    expect([p.words, p.similarity, p.tier, p.score]).toEqual([3, 0.667, 'close', 5]);
    expect([p.expectedByChance, p.scope]).toEqual([2.5e-5, 'between']);
    const internal = toPassage({ ...raw(0, 0, 0, 0, 2, 2, 1), steps: 1 }, store, docs[0]!, docs[0]!, new OpCache(vocab.surface), 0.123456);
    expect([internal.expectedByChance, internal.scope]).toEqual([0.123, 'internal']);
  });
});

describe('toPassage op sharing', () => {
  it('shares the ops of consecutive passages that take the same steps, never alters them', () => {
    const { docs, vocab } = prepared(['we protect forests', 'we protect forests', 'we guard forests']);
    const store = new RawPassages();
    const steps: [number, number, number][] = [[OP_MATCH, 1, 1], [OP_MATCH, 2, 2]];
    steps.forEach(([o, a, b], i) => { store.op[i] = o; store.ai[i] = a; store.bj[i] = b; });
    store.op[2] = OP_SUB; store.ai[2] = 1; store.bj[2] = 1;
    store.op[3] = OP_MATCH; store.ai[3] = 2; store.bj[3] = 2;
    store.length = 4;
    const cache = new OpCache(vocab.surface);
    const r = (at: number, docB: number) => ({ ...raw(0, docB, 1, 2, 1, 2, 5), steps: 2, at });
    const p1 = toPassage(r(0, 1), store, docs[0]!, docs[1]!, cache, 1e-6);
    const p2 = toPassage(r(0, 1), store, docs[0]!, docs[1]!, cache, 1e-6);
    const p3 = toPassage(r(2, 2), store, docs[0]!, docs[2]!, cache, 1e-6);
    expect(p2.ops).toBe(p1.ops);
    expect(p3.ops).not.toBe(p1.ops);
    expect(p1.ops.map((o) => o.op)).toEqual(['match', 'match']);
    expect(p3.ops).toEqual([{ op: 'sub', a: 'protect', b: 'guard' }, { op: 'match', a: 'forests', b: 'forests' }]);
  });

  it('gives a passage that leaves the previous steps part way its own array, of its own length', () => {
    const { docs, vocab } = prepared(['we protect forests', 'we protect forests']);
    const store = new RawPassages();
    const steps: [number, number, number][] = [[OP_MATCH, 1, 1], [OP_MATCH, 2, 2], [OP_MATCH, 1, 1], [OP_INS, -1, 2], [OP_MATCH, 1, 1]];
    steps.forEach(([o, a, b], i) => { store.op[i] = o; store.ai[i] = a; store.bj[i] = b; });
    store.length = steps.length;
    const cache = new OpCache(vocab.surface);
    const r = (at: number, n: number) => ({ ...raw(0, 1, 1, 2, 1, 2, 5), steps: n, at });
    const p1 = toPassage(r(0, 2), store, docs[0]!, docs[1]!, cache, 1e-6);
    const p2 = toPassage(r(2, 2), store, docs[0]!, docs[1]!, cache, 1e-6);
    const p3 = toPassage(r(4, 1), store, docs[0]!, docs[1]!, cache, 1e-6);
    expect(p1.ops).toEqual([{ op: 'match', a: 'protect', b: 'protect' }, { op: 'match', a: 'forests', b: 'forests' }]);
    expect(p2.ops).toEqual([{ op: 'match', a: 'protect', b: 'protect' }, { op: 'ins', b: 'forests' }]);
    expect(p2.ops[0]).toBe(p1.ops[0]);
    expect(p3.ops).toEqual([{ op: 'match', a: 'protect', b: 'protect' }]);
    expect(new Set([p1.ops, p2.ops, p3.ops]).size).toBe(3);
  });
});
