/**
 * Banded local alignment (Smith–Waterman–Gotoh, affine gaps) over the
 * tokens of two windows. Tokens match when their stems are equal; content
 * matches score above function-word matches, so "the ... of the" cannot pull
 * an alignment. Scratch buffers are reused across calls.
 */
import { keepShape } from '../text/shapes.ts';
import type { ReuseOptions } from './options.ts';
import { TOK_CONTENT, type CorpusColumns } from './prepare.ts';

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

// Its hidden class survives between calls (see text/shapes.ts). The score
// is read from a Float64Array, so the field holds doubles: the kept
// instance takes that (final) hidden class, not the first one (Smi).
keepShape(new AlignPath()).score = 0.5;

const NEG = -1e9;
// Two rolling rows of H (best score ending in a cell) and F (ending in a
// gap in b, i.e. a token only in a); E (a token only in b) runs along the
// row. Only the traceback bits are kept for every cell.
let H0 = new Float64Array(256);
let H1 = new Float64Array(256);
let F0 = new Float64Array(256);
let F1 = new Float64Array(256);
let TB = new Uint8Array(4096);

function ensure(width: number, cells: number): void {
  if (H0.length < width) {
    let n = H0.length;
    while (n < width) n *= 2;
    H0 = new Float64Array(n);
    H1 = new Float64Array(n);
    F0 = new Float64Array(n);
    F1 = new Float64Array(n);
  }
  if (TB.length < cells) {
    let n = TB.length;
    while (n < cells) n *= 2;
    TB = new Uint8Array(n);
  }
}

/**
 * Best local alignment of A[a0, a1) with B[b0, b1) whose cells keep
 * j - i within [dLo, dHi]. A and B are read from the corpus-wide columns
 * at their token offsets `oa` and `ob` (no document object is touched);
 * i and j, and the path, are token indices inside each document. Writes
 * the path; returns its score (0: none).
 */
export function alignBanded(
  corpus: CorpusColumns,
  oa: number,
  ob: number,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  dLo: number,
  dHi: number,
  options: ReuseOptions,
  path: AlignPath,
): number {
  path.length = 0;
  path.score = 0;
  const rows = a1 - a0;
  const W = dHi - dLo + 1;
  if (rows <= 0 || W <= 0 || b1 <= b0) return 0;
  ensure(W + 1, (rows + 1) * W);
  const mc = options.matchContent;
  const mf = options.matchFunction;
  const mm = options.mismatch;
  const open = options.gapOpen;
  const ext = options.gapExtend;
  const stem = corpus.stem;
  const flags = corpus.flags;
  const tbuf = TB;
  let hPrev = H0;
  let hCur = H1;
  let fPrev = F0;
  let fCur = F1;

  for (let k = 0; k <= W; k++) {
    hPrev[k] = 0;
    fPrev[k] = NEG;
  }
  // Sentinel column W: never a source (k + 1 < W is required for F).
  hCur[W] = 0;
  fCur[W] = NEG;
  let best = 0;
  let bestR = -1;
  let bestK = -1;
  for (let r = 1; r <= rows; r++) {
    const i = a0 + r - 1;
    const base = r * W;
    const sA = stem[oa + i]!;
    const matchScore = (flags[oa + i]! & TOK_CONTENT) !== 0 ? mc : mf;
    // Token j of B is at rowB + k in the corpus.
    const rowB = ob + i + dLo;
    // Cells with b0 <= j < b1, where j = i + dLo + k.
    const kLo = Math.max(0, b0 - i - dLo);
    const kHi = Math.min(W - 1, b1 - 1 - i - dLo);
    for (let k = 0; k < kLo && k < W; k++) {
      hCur[k] = 0;
      fCur[k] = NEG;
      tbuf[base + k] = 0;
    }
    let hLeft = kLo > 0 ? hCur[kLo - 1]! : 0;
    let eLeft = NEG;
    for (let k = kLo; k <= kHi; k++) {
      const hd = hPrev[k]! + (stem[rowB + k] === sA ? matchScore : mm);
      let e = NEG;
      let eb = 0;
      if (k > 0) {
        const ho = hLeft + open;
        const ee = eLeft + ext;
        if (ee > ho) {
          e = ee;
          eb = 4;
        } else e = ho;
      }
      let f = NEG;
      let fb = 0;
      if (k + 1 < W) {
        const ho = hPrev[k + 1]! + open;
        const ff = fPrev[k + 1]! + ext;
        if (ff > ho) {
          f = ff;
          fb = 8;
        } else f = ho;
      }
      let h = 0;
      let hb = 0;
      if (hd > h) {
        h = hd;
        hb = 1;
      }
      if (e > h) {
        h = e;
        hb = 2;
      }
      if (f > h) {
        h = f;
        hb = 3;
      }
      hCur[k] = h;
      fCur[k] = f;
      tbuf[base + k] = hb | eb | fb;
      hLeft = h;
      eLeft = e;
      if (h > best) {
        best = h;
        bestR = r;
        bestK = k;
      }
    }
    for (let k = Math.max(kLo, kHi + 1); k < W; k++) {
      hCur[k] = 0;
      fCur[k] = NEG;
      tbuf[base + k] = 0;
    }
    const th = hPrev;
    hPrev = hCur;
    hCur = th;
    const tf = fPrev;
    fPrev = fCur;
    fCur = tf;
  }
  if (bestR < 0) return 0;

  let r = bestR;
  let k = bestK;
  let state = 0;
  while (r > 0 && k >= 0 && k < W) {
    const idx = r * W + k;
    const i = a0 + r - 1;
    const j = i + dLo + k;
    const tb = tbuf[idx]!;
    if (state === 0) {
      const hb = tb & 3;
      if (hb === 0) break;
      if (hb === 1) {
        path.push(stem[oa + i] === stem[ob + j] ? OP_MATCH : OP_SUB, i, j);
        r--;
      } else state = hb === 2 ? 1 : 2;
    } else if (state === 1) {
      path.push(OP_INS, -1, j);
      state = tb & 4 ? 1 : 0;
      k--;
    } else {
      path.push(OP_DEL, i, -1);
      state = tb & 8 ? 2 : 0;
      r--;
      k++;
    }
  }
  path.reverse();
  path.score = best;
  return best;
}
