/**
 * ChanceModel on hand-made token columns: the ways to spread a passage's
 * matches are counted from its first matched content word to its last, so
 * a substituted word the alignment carries at an edge changes nothing,
 * while one between the matches makes the passage likelier by chance.
 */
import { describe, expect, it } from 'vitest';
import { OP_MATCH, OP_SUB } from '../../src/reuse/align.ts';
import type { TokenPassage } from '../../src/reuse/formulas.ts';
import { TOK_CONTENT } from '../../src/reuse/prepare.ts';
import { ChanceModel } from '../../src/reuse/significance.ts';

/** Two documents of the given stems, then filler stems (100 of each of 50 stems); every token a content word. */
function corpus(a: number[], b: number[]) {
  const filler = Array.from({ length: 5000 }, (_, i) => 100 + (i % 50));
  const stem = Int32Array.from([...a, ...b, ...filler]);
  const flags = new Uint8Array(stem.length).fill(TOK_CONTENT);
  const model = new ChanceModel(stem, flags, stem.length, 200, new Uint8Array(stem.length));
  return { stem, flags, model, ob: a.length };
}

/** E of a passage over tokens [0, n) of both documents with the given steps (op per token pair, in order); each document is padded to 4 tokens. */
function expected(a: number[], b: number[], ops: number[]) {
  const pad = (x: number[]) => [...x, ...Array<number>(4 - x.length).fill(9)];
  const { stem, flags, model, ob } = corpus(pad(a), pad(b));
  const path = { op: Uint8Array.from(ops), ai: Int32Array.from(ops.map((_, i) => i)), bj: Int32Array.from(ops.map((_, i) => i)) };
  const p: TokenPassage = { docA: 0, docB: 1, aFirst: 0, aLast: ops.length - 1, bFirst: 0, bLast: ops.length - 1, at: 0, steps: ops.length, frequent: false, copies: null };
  return model.expected(p, path, stem, flags, 0, ob, false);
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
