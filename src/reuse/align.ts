/**
 * Banded local alignment (Smith–Waterman–Gotoh, affine gaps) over the
 * tokens of two windows. Tokens match when their stems are equal; content
 * matches score above function-word matches, so "the ... of the" cannot pull
 * an alignment. Scratch buffers are reused across calls; the windows'
 * stems are copied into two of them first (the corpus keeps types only).
 */
import type { ReuseOptions } from './options.ts';
import type { DocPair } from './pair.ts';
import { TOK_BANAL, TOK_CONTENT } from './prepare.ts';

export const OP_MATCH = 0;
export const OP_SUB = 1;
/** A token only in b. */
export const OP_INS = 2;
/** A token only in a. */
export const OP_DEL = 3;

/** An alignment path in reading order. `ai`/`bj` are token indices, -1 for a gap. */
export class AlignPath {
  length = 0;
  score = 0;
  op = new Uint8Array(256);
  ai = new Int32Array(256);
  bj = new Int32Array(256);

  push(op: number, ai: number, bj: number): void {
    if (this.length === this.op.length) {
      const n = this.length * 2;
      const op2 = new Uint8Array(n);
      const ai2 = new Int32Array(n);
      const bj2 = new Int32Array(n);
      op2.set(this.op);
      ai2.set(this.ai);
      bj2.set(this.bj);
      this.op = op2;
      this.ai = ai2;
      this.bj = bj2;
    }
    this.op[this.length] = op;
    this.ai[this.length] = ai;
    this.bj[this.length] = bj;
    this.length++;
  }

  reverse(): void {
    for (let x = 0, y = this.length - 1; x < y; x++, y--) {
      const o = this.op[x]!;
      this.op[x] = this.op[y]!;
      this.op[y] = o;
      const a = this.ai[x]!;
      this.ai[x] = this.ai[y]!;
      this.ai[y] = a;
      const b = this.bj[x]!;
      this.bj[x] = this.bj[y]!;
      this.bj[y] = b;
    }
  }
}

/**
 * The region to align: A's tokens [a0, a1), B's [b0, b1), and the band of
 * token diagonals j - i within [dLo, dHi]. Token indices are inside each
 * document.
 */
export class AlignWindow {
  a0 = 0;
  a1 = 0;
  b0 = 0;
  b1 = 0;
  dLo = 0;
  dHi = 0;
}

/** Minus infinity for a score: a cell or gap that cannot be entered. */
const NEG = -1e9;
// Two rolling rows of H (best score ending in a cell) and F (ending in a
// gap in b, i.e. a token only in a); E (a token only in b) runs along the
// row. Only the traceback bits are kept for every cell (row r, column k:
// TB[r * W + k], W the band's width).
let H0 = new Int32Array(256);
let H1 = new Int32Array(256);
let F0 = new Int32Array(256);
let F1 = new Int32Array(256);
let TB = new Uint8Array(4096);
/** The stems of A's window [a0, a1) and B's [b0, b1), from index 0. */
let SA = new Int32Array(256);
let SB = new Int32Array(256);

/**
 * Traceback bits of a cell, each the outcome of one comparison (fillBand
 * makes no choice by a branch): the diagonal's score is positive; E beats
 * it; F beats both; E and F extend a gap rather than open one. H came from
 * F if F beats, else from E if E beats, else from the diagonal if positive.
 */
const TB_DIAGONAL = 1;
const TB_E_WINS = 2;
const TB_F_WINS = 4;
const TB_E_EXTENDS = 8;
const TB_F_EXTENDS = 16;

function ensure(width: number, cells: number, stems: number): void {
  if (SA.length < stems) {
    let n = SA.length;
    while (n < stems) n *= 2;
    SA = new Int32Array(n);
    SB = new Int32Array(n);
  }
  if (H0.length < width) {
    let n = H0.length;
    while (n < width) n *= 2;
    H0 = new Int32Array(n);
    H1 = new Int32Array(n);
    F0 = new Int32Array(n);
    F1 = new Int32Array(n);
  }
  if (TB.length < cells) {
    let n = TB.length;
    while (n < cells) n *= 2;
    TB = new Uint8Array(n);
  }
}

/**
 * Best local alignment of the pair's documents within `win`. Writes the
 * path (token indices inside each document); returns its score (0: none).
 * `needPassage`: return 0 without aligning when no passage could come of
 * it (`mayHoldPassage`).
 */
export function alignBanded(pair: DocPair, win: AlignWindow, options: ReuseOptions, path: AlignPath, needPassage = false): number {
  path.length = 0;
  path.score = 0;
  const rows = win.a1 - win.a0;
  const W = win.dHi - win.dLo + 1;
  if (rows <= 0 || W <= 0 || win.b1 <= win.b0) return 0;
  ensure(W + 1, (rows + 1) * W, Math.max(rows, win.b1 - win.b0));
  windowStems(pair, win);
  if (needPassage && !mayHoldPassage(pair, win, options)) return 0;
  let first = 1;
  let last = rows;
  if (options.mismatch <= 0 && options.gapOpen <= 0 && options.gapExtend <= 0) {
    first = firstMatchRow(win);
    if (first > rows) return 0;
    last = lastMatchRow(win);
  }
  const best = fillBand(pair, win, options, first, last);
  if (best < 0) return 0;
  traceBack(win, best, path, first);
  path.score = bestScore;
  return bestScore;
}

/** The best cell's score (set by fillBand). */
let bestScore = 0;

/** The stems of the window's tokens into SA and SB. */
function windowStems(pair: DocPair, win: AlignWindow): void {
  const { type, typeStem } = pair.corpus;
  const sa = SA;
  const sb = SB;
  for (let t = pair.offsetA + win.a0, x = 0, end = pair.offsetA + win.a1; t < end; t++, x++) sa[x] = typeStem[type[t]!]!;
  for (let t = pair.offsetB + win.b0, x = 0, end = pair.offsetB + win.b1; t < end; t++, x++) sb[x] = typeStem[type[t]!]!;
}

/**
 * The band's first row (from 1, as fillBand counts them; rows + 1 if none)
 * and last row holding a token pair with equal stems. With no score above
 * zero but a match's, a row without one leaves every cell at 0 before the
 * first (the rolling rows as fillBand starts them) and below the best
 * score after the last: fillBand fills only the rows between, with the same
 * best cell and path. The rows the alignment margin adds lie outside
 * most passages (1M words: of 123.6K rows in the windows filled, 18.0K
 * before the first such row and 21.6K after the last; stars 8.7K and 9.4K
 * of 77.1K).
 */
function firstMatchRow(win: AlignWindow): number {
  const rows = win.a1 - win.a0;
  let r = 1;
  while (r <= rows && !rowMatches(win, r)) r++;
  return r;
}

function lastMatchRow(win: AlignWindow): number {
  let r = win.a1 - win.a0;
  while (r > 0 && !rowMatches(win, r)) r--;
  return r;
}

/** Row r (from 1) of the band holds a token pair with equal stems. */
function rowMatches(win: AlignWindow, r: number): boolean {
  const { a0, b0, b1, dLo, dHi } = win;
  const i = a0 + r - 1;
  const sA = SA[r - 1]!;
  const rowB = i + dLo - b0;
  const kLo = Math.max(0, b0 - i - dLo);
  const kHi = Math.min(dHi - dLo, b1 - 1 - i - dLo);
  const sb = SB;
  for (let k = kLo; k <= kHi; k++) if (sb[rowB + k] === sA) return true;
  return false;
}

/**
 * Whether the band holds `minMatchedTokens` rows with a match and
 * `minContentMatches` rows with a fresh content match (a content word of
 * A, the pair not both in stock phrases), as a passage needs
 * (passages.ts): a path matches each row at most once, so these counts
 * bound any passage cut from it. Most windows yield no passage (1M words:
 * 4,875 of 7,817, 55% of the cells; 8M: 47,326 of 73,914, 58%), many for
 * want of fresh matches; comparing stems costs far less than a cell.
 */
function mayHoldPassage(pair: DocPair, win: AlignWindow, options: ReuseOptions): boolean {
  const { a0, a1, b0, b1, dLo, dHi } = win;
  const { offsetA: oa, offsetB: ob } = pair;
  const flags = pair.corpus.flags;
  const W = dHi - dLo + 1;
  const minFresh = options.minContentMatches;
  const minMatched = options.minMatchedTokens;
  const sa = SA;
  const sb = SB;
  let fresh = 0;
  let matched = 0;
  for (let i = a0; i < a1; i++) {
    const sA = sa[i - a0]!;
    const fa = flags[oa + i]!;
    const content = (fa & TOK_CONTENT) !== 0;
    const rowB = i + dLo - b0;
    const kLo = Math.max(0, b0 - i - dLo);
    const kHi = Math.min(W - 1, b1 - 1 - i - dLo);
    let hit = 0;
    for (let k = kLo; k <= kHi; k++) {
      if (sb[rowB + k] !== sA) continue;
      hit = 1;
      if (content && (fa & flags[ob + i + dLo + k]! & TOK_BANAL) === 0) {
        fresh++;
        break;
      }
    }
    matched += hit;
    if (fresh >= minFresh && matched >= minMatched) return true;
  }
  return false;
}

/**
 * Fills the band's traceback bits row by row, rows `first` to `last` (from
 * 1; see firstMatchRow); returns the best cell
 * (r * W + k), or -1, and leaves its score in `bestScore`. One function on
 * purpose: its inner loop is the engine's hottest.
 *
 * No choice in the inner loop is a branch: each is a comparison turned into
 * a 0/1 int, a maximum taken by a mask (`x ^ ((x ^ y) & -c)`). The choices
 * are unpredictable (1M words: 3.06M cells, H from nowhere 43%, the
 * diagonal 24%, E 16%, F 16%; a gap extended in 22%), and with branches a
 * cell cost ≈ 15–20 ns; alone over the 14K windows of a 1M call, this loop
 * takes 0.70 of that time. (Math.max of int32 compiles to a branch; a
 * float max too.)
 *
 * E runs along the row, a serial chain; it is taken from H before E (h0 =
 * max(0, diagonal, F)), not from H: where H is E, a gap opened there
 * scores E + gapOpen, which the gap extended (E + gapExtend) already
 * matches or beats (gapExtend >= gapOpen, options.ts). Same values, and the
 * chain is one add and one masked maximum a cell, not the whole cell. "E
 * extends" is that maximum's comparison, unless gapExtend === gapOpen
 * (H >= E, so extending never beats opening from H).
 */
function fillBand(pair: DocPair, win: AlignWindow, options: ReuseOptions, first: number, last: number): number {
  const { a0, b0, b1, dLo, dHi } = win;
  const oa = pair.offsetA;
  const W = dHi - dLo + 1;
  const mc = options.matchContent;
  const mf = options.matchFunction;
  const mm = options.mismatch;
  const open = options.gapOpen;
  const ext = options.gapExtend;
  const flags = pair.corpus.flags;
  const sa = SA;
  const sb = SB;
  const tbuf = TB;
  let hPrev = H0;
  let hCur = H1;
  let fPrev = F0;
  let fCur = F1;

  for (let k = 0; k <= W; k++) {
    hPrev[k] = 0;
    fPrev[k] = NEG;
  }
  // Sentinel column W: F at column W - 1 reads it, no score comes from it.
  hPrev[W] = NEG;
  hCur[W] = NEG;
  fCur[W] = NEG;
  const extendGain = +(ext > open);
  let best = 0;
  let bestCell = -1;
  for (let r = first; r <= last; r++) {
    const i = a0 + r - 1;
    const base = r * W;
    const sA = sa[r - 1]!;
    const matchScore = (flags[oa + i]! & TOK_CONTENT) !== 0 ? mc : mf;
    const rowB = i + dLo - b0;
    const kLo = Math.max(0, b0 - i - dLo);
    const kHi = Math.min(W - 1, b1 - 1 - i - dLo);
    clearCells(hCur, fCur, tbuf, base, 0, Math.min(kLo, W));
    // E at kLo: a gap opened from the cleared cell before it, if any.
    let e = kLo > 0 ? open : NEG;
    let eb = 0;
    for (let k = kLo; k <= kHi; k++) {
      const hd = hPrev[k]! + (sb[rowB + k] === sA ? matchScore : mm);
      const ho = hPrev[k + 1]! + open;
      const ff = fPrev[k + 1]! + ext;
      const fb = +(ff > ho);
      const f = ho ^ ((ho ^ ff) & (0 - fb));
      const cD = +(hd > 0);
      const h1 = hd & (0 - cD);
      const cE = +(e > h1);
      const h2 = h1 ^ ((h1 ^ e) & (0 - cE));
      const cF = +(f > h2);
      const h = h2 ^ ((h2 ^ f) & (0 - cF));
      hCur[k] = h;
      fCur[k] = f;
      tbuf[base + k] = cD | (cE << 1) | (cF << 2) | (eb << 3) | (fb << 4);
      if (h > best) {
        best = h;
        bestCell = base + k;
      }
      const h0 = h1 ^ ((h1 ^ f) & (0 - +(f > h1)));
      const eo = h0 + open;
      const ee = e + ext;
      const ce = +(ee > eo);
      e = eo ^ ((eo ^ ee) & (0 - ce));
      eb = ce & extendGain;
    }
    clearCells(hCur, fCur, tbuf, base, Math.max(kLo, kHi + 1), W);
    const th = hPrev;
    hPrev = hCur;
    hCur = th;
    const tf = fPrev;
    fPrev = fCur;
    fCur = tf;
  }
  bestScore = best;
  return bestCell;
}

/** Cells [from, to) of a row outside B's window: no score, no way in. */
function clearCells(h: Int32Array, f: Int32Array, tbuf: Uint8Array, base: number, from: number, to: number): void {
  for (let k = from; k < to; k++) {
    h[k] = 0;
    f[k] = NEG;
    tbuf[base + k] = 0;
  }
}

/** Traceback states: in H (a match or substitution), in E (a token only in b), in F (only in a). */
const IN_H = 0;
const IN_E = 1;
const IN_F = 2;

/** The path from the best cell back to where its score started (at most to row `first`), in reading order. */
function traceBack(win: AlignWindow, bestCell: number, path: AlignPath, first: number): void {
  const { a0, b0, dLo } = win;
  const W = win.dHi - dLo + 1;
  const sa = SA;
  const sb = SB;
  const tbuf = TB;
  let r = Math.floor(bestCell / W);
  let k = bestCell - r * W;
  let state = IN_H;
  while (r >= first && k >= 0 && k < W) {
    const i = a0 + r - 1;
    const j = i + dLo + k;
    const tb = tbuf[r * W + k]!;
    if (state === IN_H) {
      if (tb & TB_F_WINS) state = IN_F;
      else if (tb & TB_E_WINS) state = IN_E;
      else if (tb & TB_DIAGONAL) {
        path.push(sa[i - a0] === sb[j - b0] ? OP_MATCH : OP_SUB, i, j);
        r--;
      } else break;
    } else if (state === IN_E) {
      path.push(OP_INS, -1, j);
      state = tb & TB_E_EXTENDS ? IN_E : IN_H;
      k--;
    } else {
      path.push(OP_DEL, i, -1);
      state = tb & TB_F_EXTENDS ? IN_F : IN_H;
      r--;
      k++;
    }
  }
  path.reverse();
}
