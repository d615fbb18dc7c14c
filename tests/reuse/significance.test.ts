/**
 * ChanceModel on hand-made token columns: the ways to spread a passage's
 * matches are counted from its first matched content word to its last, so
 * a substituted word the alignment carries at an edge changes nothing,
 * while one between the matches makes the passage likelier by chance.
 */
import { describe, expect, it } from 'vitest';
import { OP_MATCH, OP_SUB } from '../../src/reuse/align.ts';
import type { TokenPassage } from '../../src/reuse/formulas.ts';
import { TOK_BANAL, TOK_CONTENT } from '../../src/reuse/prepare.ts';
import { ChanceModel, coveredRuns, roundChance } from '../../src/reuse/significance.ts';

/** A chance model over the columns, with each stem's content words counted as stem-stats.ts counts them. */
function model(type: Int32Array, typeStem: Int32Array, flags: Uint8Array, tokens: number, stems: number, covered: Int32Array): ChanceModel {
  const occurrences = new Int32Array(stems);
  let n = 0;
  for (let t = 0; t < tokens; t++) {
    if ((flags[t]! & TOK_CONTENT) === 0) continue;
    occurrences[typeStem[type[t]!]!]!++;
    n++;
  }
  return new ChanceModel(type, typeStem, flags, tokens, occurrences, n, covered);
}

/** Two documents of the given stems, then filler stems (100 of each of 50 stems); every token a content word. */
function corpus(a: number[], b: number[]) {
  const filler = Array.from({ length: 5000 }, (_, i) => 100 + (i % 50));
  // Type t is stem t.
  const type = Int32Array.from([...a, ...b, ...filler]);
  const typeStem = Int32Array.from({ length: 200 }, (_, i) => i);
  const flags = new Uint8Array(type.length).fill(TOK_CONTENT);
  return { type, typeStem, flags, model: model(type, typeStem, flags, type.length, 200, new Int32Array(0)), ob: a.length };
}

/** E of a passage over tokens [0, n) of both documents with the given steps (op per token pair, in order); each document is padded to 4 tokens. */
function expected(a: number[], b: number[], ops: number[]) {
  const pad = (x: number[]) => [...x, ...Array<number>(4 - x.length).fill(9)];
  const { type, typeStem, flags, model: m, ob } = corpus(pad(a), pad(b));
  const path = { op: Uint8Array.from(ops), ai: Int32Array.from(ops.map((_, i) => i)), bj: Int32Array.from(ops.map((_, i) => i)) };
  const p: TokenPassage = { docA: 0, docB: 1, aFirst: 0, aLast: ops.length - 1, bFirst: 0, bLast: ops.length - 1, at: 0, steps: ops.length, frequent: false, copies: null };
  return m.expected(p, path, type, typeStem, flags, 0, ob, false);
}

describe('ChanceModel', () => {
  it('does not count a substituted word at an edge as room for the matches', () => {
    const bare = expected([1, 2, 3], [1, 2, 3], [OP_MATCH, OP_MATCH, OP_MATCH]);
    const edge = expected([1, 2, 3, 4], [1, 2, 3, 5], [OP_MATCH, OP_MATCH, OP_MATCH, OP_SUB]);
    expect(edge).toBeCloseTo(bare, 12);
  });

  it('counts a substituted word between the matches: C(L − 2, k − 2) ways', () => {
    const bare = expected([1, 2, 3], [1, 2, 3], [OP_MATCH, OP_MATCH, OP_MATCH]);
    const inside = expected([1, 4, 2, 3], [1, 5, 2, 3], [OP_MATCH, OP_SUB, OP_MATCH, OP_MATCH]);
    expect(inside / bare).toBeCloseTo(2, 9);
  });

  it('makes common words likelier by chance than rare ones', () => {
    const rare = expected([1, 2, 3], [1, 2, 3], [OP_MATCH, OP_MATCH, OP_MATCH]);
    const common = expected([100, 101, 102], [100, 101, 102], [OP_MATCH, OP_MATCH, OP_MATCH]);
    expect(common).toBeGreaterThan(rare * 1e4);
  });
});

describe('coveredRuns', () => {
  const side = (docA: number, aFirst: number, aLast: number, docB: number, bFirst: number, bLast: number, copies: number[] | null = null): TokenPassage => ({ docA, docB, aFirst, aLast, bFirst, bLast, at: 0, steps: 0, frequent: copies !== null, copies });
  // Documents of 100 tokens each.
  const offsets = Int32Array.from([0, 100, 200]);

  it('merges the sides and copies of all passages into ascending, disjoint runs', () => {
    const runs = coveredRuns(
      [side(2, 10, 19, 0, 5, 9), side(0, 8, 12, 1, 50, 50), side(1, 40, 49, 1, 60, 69, [0, 0, 30, 34, 2, 0, 15, 22])],
      offsets,
    );
    // [5, 13) from two overlapping sides; [140, 151) from touching ones; a copy overlapping side a in document 2.
    expect(Array.from(runs)).toEqual([5, 13, 30, 35, 140, 151, 160, 170, 210, 223]);
  });

  it('counts the words inside runs only towards the corpus size', () => {
    // Type 2 (stem 1) everywhere; tokens [0, 10) covered: 90 of 100 counted.
    const type = new Int32Array(100).fill(2);
    const typeStem = Int32Array.from([0, 0, 1]);
    const flags = new Uint8Array(100).fill(TOK_CONTENT);
    const p: TokenPassage = { docA: 0, docB: 0, aFirst: 0, aLast: 1, bFirst: 2, bLast: 3, at: 0, steps: 2, frequent: false, copies: null };
    const path = { op: Uint8Array.from([OP_MATCH, OP_MATCH]), ai: Int32Array.from([0, 1]), bj: Int32Array.from([2, 3]) };
    const covered = model(type, typeStem, flags, 100, 2, Int32Array.from([0, 10])).expected(p, path, type, typeStem, flags, 0, 0, false);
    const none = model(type, typeStem, flags, 100, 2, new Int32Array(0)).expected(p, path, type, typeStem, flags, 0, 0, false);
    // Two matched words of p(w) = (c + 1) / N each: (91 / 100)² against (101 / 100)².
    expect(covered / none).toBeCloseTo((91 / 101) ** 2, 9);
  });

  it('counts stock-phrase words outside the runs for a frequent phrase only', () => {
    // As above, with tokens [50, 70) in stock phrases: a frequent phrase's words are counted 70 times, others' 90.
    const type = new Int32Array(100).fill(2);
    const typeStem = Int32Array.from([0, 0, 1]);
    const flags = new Uint8Array(100).fill(TOK_CONTENT);
    for (let t = 50; t < 70; t++) flags[t] = TOK_CONTENT | TOK_BANAL;
    const p: TokenPassage = { docA: 0, docB: 0, aFirst: 0, aLast: 1, bFirst: 2, bLast: 3, at: 0, steps: 2, frequent: true, copies: null };
    const path = { op: Uint8Array.from([OP_MATCH, OP_MATCH]), ai: Int32Array.from([0, 1]), bj: Int32Array.from([2, 3]) };
    const m = model(type, typeStem, flags, 100, 2, Int32Array.from([0, 10]));
    const frequent = m.expected(p, path, type, typeStem, flags, 0, 0, true);
    const seeded = m.expected(p, path, type, typeStem, flags, 0, 0, false);
    expect(frequent / seeded).toBeCloseTo((71 / 91) ** 2, 9);
  });
});

describe('roundChance', () => {
  it('gives Number(e.toPrecision(3)) for any e, halves and powers of ten included', () => {
    // A fixed-seed generator (xorshift), so a failure can be replayed.
    let s = 0x2545f491;
    const next = (): number => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) / 2 ** 32;
    };
    const values = [0, 1, 0.5, 0.9995, 999.5, 2.5e-5, 0.123456, 1 / 3, 1e-18, 1e18, 1e-19, 5e-324, 1e-300, -1, Infinity, NaN];
    for (let i = 0; i < 20000; i++) values.push(10 ** (-24 + 48 * next()));
    for (let i = 0; i < 5000; i++) {
      const n = 100 + Math.floor(900 * next());
      const j = -21 + Math.floor(38 * next());
      const half = (n + 0.5) * 10 ** j;
      values.push(half, half * (1 + 1e-15), half * (1 - 1e-15), Number(`${n}5e${j - 1}`), Number(`${n}49999999e${j - 8}`), 10 ** j, 10 ** j * (1 - 1e-16));
    }
    const wrong = values.filter((e) => !Object.is(roundChance(e), Number.isFinite(e) && e !== 0 ? Number(e.toPrecision(3)) : e));
    expect(wrong).toEqual([]);
  });
});
