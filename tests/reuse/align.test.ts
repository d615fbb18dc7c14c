import { describe, expect, it } from 'vitest';
import { AlignPath, AlignWindow, OP_DEL, OP_INS, OP_MATCH, OP_SUB, alignBanded } from '../../src/reuse/align.ts';
import { DEFAULT_REUSE_OPTIONS as opts, type ReuseOptions } from '../../src/reuse/options.ts';
import type { DocPair } from '../../src/reuse/pair.ts';
import { TOK_CONTENT, type PreparedDoc } from '../../src/reuse/prepare.ts';
import { pairOf, prepared, random, randomTexts } from './fixtures.ts';

function windowOf(a0: number, a1: number, b0: number, b1: number, dLo = b0 - (a1 - 1), dHi = b1 - 1 - a0): AlignWindow {
  return Object.assign(new AlignWindow(), { a0, a1, b0, b1, dLo, dHi });
}

/** Smith–Waterman–Gotoh over the whole window, by its definition: the best local score. */
function naiveBest(pair: DocPair, w: AlignWindow, o: ReuseOptions = opts): number {
  const { type, typeStem, flags } = pair.corpus;
  const stem = (t: number): number => typeStem[type[t]!]!;
  const rows = w.a1 - w.a0;
  const cols = w.b1 - w.b0;
  const NEG = -1e9;
  let best = 0;
  const H = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  const E = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(NEG));
  const F = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(NEG));
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) {
      const i = w.a0 + r - 1;
      const j = w.b0 + c - 1;
      if (j - i < w.dLo || j - i > w.dHi) continue;
      const ia = pair.offsetA + i;
      const s = stem(ia) === stem(pair.offsetB + j) ? ((flags[ia]! & TOK_CONTENT) !== 0 ? o.matchContent : o.matchFunction) : o.mismatch;
      E[r]![c] = Math.max(H[r]![c - 1]! + o.gapOpen, E[r]![c - 1]! + o.gapExtend);
      F[r]![c] = Math.max(H[r - 1]![c]! + o.gapOpen, F[r - 1]![c]! + o.gapExtend);
      H[r]![c] = Math.max(0, H[r - 1]![c - 1]! + s, E[r]![c]!, F[r]![c]!);
      best = Math.max(best, H[r]![c]!);
    }
  }
  return best;
}

/** The score of a path by the same scoring (a gap's first token costs gapOpen, the next ones gapExtend). */
function pathScore(pair: DocPair, path: AlignPath, o: ReuseOptions = opts): number {
  const { flags } = pair.corpus;
  let score = 0;
  for (let p = 0; p < path.length; p++) {
    const op = path.op[p]!;
    if (op === OP_MATCH) score += (flags[pair.offsetA + path.ai[p]!]! & TOK_CONTENT) !== 0 ? o.matchContent : o.matchFunction;
    else if (op === OP_SUB) score += o.mismatch;
    else score += p > 0 && path.op[p - 1] === op ? o.gapExtend : o.gapOpen;
  }
  return score;
}

describe('alignBanded', () => {
  // The defaults; a gap as dear to extend as to open; other weights.
  // A positive mismatch: rows without a match are filled too (see firstMatchRow).
  const scorings = [opts, { ...opts, gapOpen: -3, gapExtend: -3 }, { ...opts, matchContent: 5, matchFunction: 2, mismatch: -3, gapOpen: -4, gapExtend: -1 }, { ...opts, mismatch: 1 }];

  it.each(scorings.map((o, n) => [n, o] as const))('finds the best local score of the whole window when the band covers it, along a valid path (scoring %i)', (_, o) => {
    const texts = randomTexts(11, 24, 40, 12);
    const { docs } = prepared(texts);
    const next = random(5);
    for (let t = 0; t < 12; t++) {
      const pair = pairOf(docs, 2 * t, 2 * t + 1);
      const a0 = Math.floor(next() * 10);
      const b0 = Math.floor(next() * 10);
      const w = windowOf(a0, a0 + 20, b0, b0 + 25);
      const path = new AlignPath();
      const score = alignBanded(pair, w, o, path);
      expect(score).toBe(naiveBest(pair, w, o));
      expect(path.score).toBe(score);
      expect(pathScore(pair, path, o)).toBe(score);
      // Steps in reading order, each match or sub on equal or unequal stems.
      let i = path.ai[0]! - 1;
      let j = path.bj[0]! - 1;
      for (let p = 0; p < path.length; p++) {
        const o = path.op[p]!;
        if (o !== OP_INS) expect(path.ai[p]).toBe(++i);
        if (o !== OP_DEL) expect(path.bj[p]).toBe(++j);
        if (o === OP_MATCH || o === OP_SUB) {
          const { type, typeStem } = pair.corpus;
          expect(typeStem[type[pair.offsetA + i]!] === typeStem[type[pair.offsetB + j]!]).toBe(o === OP_MATCH);
        }
      }
    }
  });

  it('keeps the path inside the band and the window', () => {
    const { docs } = prepared(randomTexts(12, 2, 60, 10));
    const pair = pairOf(docs, 0, 1);
    const w = windowOf(5, 45, 10, 50, 3, 8);
    const path = new AlignPath();
    expect(alignBanded(pair, w, opts, path)).toBe(naiveBest(pair, w));
    for (let p = 0; p < path.length; p++) {
      if (path.op[p] === OP_MATCH || path.op[p] === OP_SUB) {
        const d = path.bj[p]! - path.ai[p]!;
        expect(d).toBeGreaterThanOrEqual(3);
        expect(d).toBeLessThanOrEqual(8);
        expect(path.ai[p]).toBeGreaterThanOrEqual(5);
        expect(path.bj[p]).toBeLessThan(50);
      }
    }
  });

  it('aligns a reworded slogan with substitutions, an insertion and a deletion', () => {
    const { docs, vocab } = prepared(['building a community with a shared future in cyberspace', 'building a peaceful community with shared future in cyberspace']);
    const pair = pairOf(docs, 0, 1);
    const path = new AlignPath();
    alignBanded(pair, windowOf(0, docs[0]!.count, 0, docs[1]!.count), opts, path);
    const word = (d: PreparedDoc, t: number): string => vocab.surface[d.type[t]!]!;
    const ops = Array.from({ length: path.length }, (_, p) => {
      const o = path.op[p]!;
      return o === OP_INS ? `+${word(docs[1]!, path.bj[p]!)}` : o === OP_DEL ? `-${word(docs[0]!, path.ai[p]!)}` : word(docs[0]!, path.ai[p]!);
    });
    expect(ops).toEqual(['building', 'a', '+peaceful', 'community', 'with', '-a', 'shared', 'future', 'in', 'cyberspace']);
  });

  it('carries a gap of several tokens when extending it costs what opening does', () => {
    const { docs, vocab } = prepared(['alpha bravo charlie delta echo foxtrot golf hotel', 'alpha bravo charlie delta xray yankee zulu echo foxtrot golf hotel']);
    const pair = pairOf(docs, 0, 1);
    const o = { ...opts, gapOpen: -3, gapExtend: -3 };
    const w = windowOf(0, docs[0]!.count, 0, docs[1]!.count);
    const path = new AlignPath();
    expect(alignBanded(pair, w, o, path)).toBe(8 * o.matchContent - 9);
    expect(naiveBest(pair, w, o)).toBe(8 * o.matchContent - 9);
    const inserted = Array.from({ length: path.length }, (_, p) => p).filter((p) => path.op[p] === OP_INS);
    expect(inserted.map((p) => vocab.surface[docs[1]!.type[path.bj[p]!]!])).toEqual(['xray', 'yankee', 'zulu']);
  });

  it('gives the path of the rows between the first and the last match when the window has rows without one around them', () => {
    const { docs } = prepared(['alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo', 'lima mike november delta echo xray golf hotel oscar papa quebec']);
    const pair = pairOf(docs, 0, 1);
    const whole = new AlignPath();
    const inner = new AlignPath();
    // Rows 0-2 and 8-10 of A match nothing in B.
    expect(alignBanded(pair, windowOf(0, 11, 0, 11, -3, 3), opts, whole)).toBe(naiveBest(pair, windowOf(0, 11, 0, 11, -3, 3)));
    expect(alignBanded(pair, windowOf(3, 8, 0, 11, -3, 3), opts, inner)).toBe(whole.score);
    expect(Array.from(whole.op.subarray(0, whole.length))).toEqual(Array.from(inner.op.subarray(0, inner.length)));
    expect(Array.from(whole.ai.subarray(0, whole.length))).toEqual([3, 4, 5, 6, 7]);
  });

  it('returns 0 and an empty path for an empty window or band', () => {
    const { docs } = prepared(['alpha beta', 'alpha beta']);
    const pair = pairOf(docs, 0, 1);
    const path = new AlignPath();
    expect(alignBanded(pair, windowOf(1, 1, 0, 2), opts, path)).toBe(0);
    expect(alignBanded(pair, windowOf(0, 2, 0, 2, 1, 0), opts, path)).toBe(0);
    expect(path.length).toBe(0);
  });
});

describe('AlignPath', () => {
  it('grows past its first capacity and reverses in place', () => {
    const path = new AlignPath();
    for (let i = 0; i < 300; i++) path.push(i % 4, i, -i);
    path.reverse();
    expect([path.length, path.op[0], path.ai[0], path.bj[0], path.ai[299]]).toEqual([300, 299 % 4, 299, -299, 0]);
  });
});
