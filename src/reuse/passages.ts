/**
 * From an alignment path to passage pairs: split at blank lines and at long
 * unaligned stretches (alignments otherwise run on across neighbouring
 * parallel passages), trim to matched ends, let one substituted content word
 * on each flank join (a slogan's first or last word is often the one
 * swapped), then keep what passes the thresholds.
 */
import { GAP_LINE, GAP_PARAGRAPH, GAP_SENTENCE } from '../text/scan.ts';
import { AlignPath, OP_DEL, OP_INS, OP_MATCH, OP_SUB } from './align.ts';
import type { ReuseOptions } from './options.ts';
import type { PreparedDoc } from './prepare.ts';
import type { AlignOp, Passage } from './types.ts';

/** A kept passage in token space, before it becomes a `Passage`. */
export interface RawPassage {
  docA: number;
  docB: number;
  /** Token indices, inclusive. */
  aFirst: number;
  aLast: number;
  bFirst: number;
  bLast: number;
  score: number;
  contentMatches: number;
  matched: number;
  steps: number;
  op: Uint8Array;
  ai: Int32Array;
  bj: Int32Array;
}

const FLANK_BREAK = GAP_LINE | GAP_PARAGRAPH | GAP_SENTENCE;

export function extractPassages(
  A: PreparedDoc,
  B: PreparedDoc,
  path: AlignPath,
  options: ReuseOptions,
  out: RawPassage[],
): void {
  const n = path.length;
  const { op, ai, bj } = path;
  let segStart = 0;
  let p = 0;
  while (p < n) {
    const o = op[p]!;
    if (o !== OP_MATCH) {
      let e = p;
      let runA = 0;
      let runB = 0;
      while (e < n && op[e] !== OP_MATCH) {
        if (op[e] !== OP_INS) runA++;
        if (op[e] !== OP_DEL) runB++;
        e++;
      }
      if (runA >= options.splitUnaligned || runB >= options.splitUnaligned) {
        emitSegment(A, B, path, segStart, p, options, out);
        segStart = e;
      }
      p = e;
      continue;
    }
    if (options.splitParagraphs && p > segStart && ((A.gap[ai[p]!]! | B.gap[bj[p]!]!) & GAP_PARAGRAPH) !== 0) {
      emitSegment(A, B, path, segStart, p, options, out);
      segStart = p;
    }
    p++;
  }
  emitSegment(A, B, path, segStart, n, options, out);
}

function emitSegment(
  A: PreparedDoc,
  B: PreparedDoc,
  path: AlignPath,
  s0: number,
  e0: number,
  options: ReuseOptions,
  out: RawPassage[],
): void {
  const { op, ai, bj } = path;
  let s = s0;
  let e = e0;
  while (s < e && op[s] !== OP_MATCH) s++;
  while (e > s && op[e - 1] !== OP_MATCH) e--;
  if (e - s < 1) return;

  let aFirst = ai[s]!;
  let bFirst = bj[s]!;
  let aLast = ai[e - 1]!;
  let bLast = bj[e - 1]!;
  const sameDoc = A.index === B.index;

  // One substituted content word on each flank, within the same sentence.
  let flankBefore = false;
  if (
    aFirst > 0 &&
    bFirst > 0 &&
    (!sameDoc || bFirst - 1 > aLast) &&
    A.content[aFirst - 1] &&
    B.content[bFirst - 1] &&
    A.stem[aFirst - 1] !== B.stem[bFirst - 1] &&
    ((A.gap[aFirst]! | B.gap[bFirst]!) & FLANK_BREAK) === 0
  ) {
    flankBefore = true;
    aFirst--;
    bFirst--;
  }
  let flankAfter = false;
  if (
    aLast + 1 < A.count &&
    bLast + 1 < B.count &&
    (!sameDoc || aLast + 1 < bFirst) &&
    A.content[aLast + 1] &&
    B.content[bLast + 1] &&
    A.stem[aLast + 1] !== B.stem[bLast + 1] &&
    ((A.gap[aLast + 1]! | B.gap[bLast + 1]!) & FLANK_BREAK) === 0
  ) {
    flankAfter = true;
    aLast++;
    bLast++;
  }
  if (sameDoc && aLast >= bFirst) return;

  let contentA = 0;
  for (let t = aFirst; t <= aLast; t++) contentA += A.content[t]!;
  let contentB = 0;
  for (let t = bFirst; t <= bLast; t++) contentB += B.content[t]!;
  const longer = Math.max(contentA, contentB);
  if (longer < options.minContentWords || Math.min(contentA, contentB) < options.minContentWordsShort) return;

  let score = 0;
  let contentMatches = 0;
  // Content matches outside stock phrases: a passage must stand on these.
  let freshMatches = 0;
  let matched = 0;
  let prevOp = -1;
  for (let p = s; p < e; p++) {
    const o = op[p]!;
    if (o === OP_MATCH) {
      matched++;
      if (A.content[ai[p]!]) {
        contentMatches++;
        if (!A.banal[ai[p]!] || !B.banal[bj[p]!]) freshMatches++;
        score += options.matchContent;
      } else score += options.matchFunction;
    } else if (o === OP_SUB) score += options.mismatch;
    else score += o === prevOp ? options.gapExtend : options.gapOpen;
    prevOp = o;
  }
  if (flankBefore) score += options.mismatch;
  if (flankAfter) score += options.mismatch;
  if (
    freshMatches < options.minContentMatches ||
    matched < options.minMatchedTokens ||
    contentMatches < options.minContentMatchRatio * longer
  ) {
    return;
  }

  const steps = e - s + (flankBefore ? 1 : 0) + (flankAfter ? 1 : 0);
  const rop = new Uint8Array(steps);
  const rai = new Int32Array(steps);
  const rbj = new Int32Array(steps);
  let w = 0;
  if (flankBefore) {
    rop[w] = OP_SUB;
    rai[w] = aFirst;
    rbj[w++] = bFirst;
  }
  rop.set(op.subarray(s, e), w);
  rai.set(ai.subarray(s, e), w);
  rbj.set(bj.subarray(s, e), w);
  w += e - s;
  if (flankAfter) {
    rop[w] = OP_SUB;
    rai[w] = aLast;
    rbj[w] = bLast;
  }
  out.push({
    docA: A.index,
    docB: B.index,
    aFirst,
    aLast,
    bFirst,
    bLast,
    score,
    contentMatches,
    matched,
    steps,
    op: rop,
    ai: rai,
    bj: rbj,
  });
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0) + 1);
}

/**
 * Drops passages that repeat a better one: same document pair, and both
 * sides overlapping it by at least half of the shorter span. Sorted result.
 */
export function dedupePassages(raw: RawPassage[]): RawPassage[] {
  raw.sort(
    (x, y) =>
      x.docA - y.docA ||
      x.docB - y.docB ||
      y.score - x.score ||
      x.aFirst - y.aFirst ||
      x.bFirst - y.bFirst ||
      x.aLast - y.aLast ||
      x.bLast - y.bLast,
  );
  const kept: RawPassage[] = [];
  let pairStart = 0;
  for (const p of raw) {
    if (kept.length > pairStart) {
      const k0 = kept[pairStart]!;
      if (k0.docA !== p.docA || k0.docB !== p.docB) pairStart = kept.length;
    }
    let dup = false;
    for (let k = pairStart; k < kept.length && !dup; k++) {
      const q = kept[k]!;
      const oa = overlap(p.aFirst, p.aLast, q.aFirst, q.aLast);
      const ob = overlap(p.bFirst, p.bLast, q.bFirst, q.bLast);
      const la = Math.min(p.aLast - p.aFirst, q.aLast - q.aFirst) + 1;
      const lb = Math.min(p.bLast - p.bFirst, q.bLast - q.bFirst) + 1;
      dup = oa * 2 >= la && ob * 2 >= lb;
    }
    if (!dup) kept.push(p);
  }
  kept.sort((x, y) => x.docA - y.docA || x.aFirst - y.aFirst || x.docB - y.docB || x.bFirst - y.bFirst || x.aLast - y.aLast || x.bLast - y.bLast);
  return kept;
}

const OP_NAMES = ['match', 'sub', 'ins', 'del'] as const;

export function toPassage(raw: RawPassage, A: PreparedDoc, B: PreparedDoc): Passage {
  const ops: AlignOp[] = [];
  const surfA = A.surface;
  const surfB = B.surface;
  const typeA = A.type;
  const typeB = B.type;
  for (let p = 0; p < raw.steps; p++) {
    const o = raw.op[p]!;
    // A token's surface as written is its type's surface: no new string.
    // Each step is one literal with its final properties (adding them later
    // would allocate a property store per step).
    ops.push(
      o === OP_INS
        ? { op: 'ins', b: surfB[typeB[raw.bj[p]!]!]! }
        : o === OP_DEL
          ? { op: 'del', a: surfA[typeA[raw.ai[p]!]!]! }
          : { op: OP_NAMES[o]!, a: surfA[typeA[raw.ai[p]!]!]!, b: surfB[typeB[raw.bj[p]!]!]! },
    );
  }
  const wa = raw.aLast - raw.aFirst + 1;
  const wb = raw.bLast - raw.bFirst + 1;
  return {
    a: { doc: A.id, start: A.start[raw.aFirst]!, end: A.end[raw.aLast]! },
    b: { doc: B.id, start: B.start[raw.bFirst]!, end: B.end[raw.bLast]! },
    score: raw.score,
    tier: 'close',
    words: Math.max(wa, wb),
    contentMatches: raw.contentMatches,
    similarity: Math.round((raw.matched / raw.steps) * 1000) / 1000,
    ops,
  };
}
