/**
 * From an alignment path to passage pairs: split at blank lines and at long
 * unaligned stretches (alignments otherwise run on across neighbouring
 * parallel passages), trim to matched ends, let one substituted content word
 * on each flank join (a slogan's first or last word is often the one
 * swapped), then keep what passes the thresholds; a piece that fails only
 * the content-match ratio is cut again at shorter unaligned stretches and
 * its pieces judged alone.
 */
import { GAP_LINE, GAP_PARAGRAPH, GAP_SENTENCE } from '../text/scan.ts';
import { grownCapacity, resized } from './buffers.ts';
import { AlignPath, OP_DEL, OP_INS, OP_MATCH, OP_SUB } from './align.ts';
import type { ReuseOptions } from './options.ts';
import type { DocPair } from './pair.ts';
import { TOK_BANAL, TOK_CONTENT, TOK_CONTENT_BIT } from './prepare.ts';

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
  /** Its path steps are [at, at + steps) of the `RawPassages` columns. */
  at: number;
  /** Found by the frequent-phrase path (frequent.ts): its stock-phrase words count as evidence. */
  frequent: boolean;
  /**
   * Frequent path: runs elsewhere with the very tokens of this passage's
   * run on side b, so aligned the same way, as (document, shift, first
   * token, last token) quadruples (a copy's token t is side b's t - shift);
   * they are occurrences of the phrase without a passage of their own.
   */
  copies: number[] | null;
}

/**
 * Kept passages in token space, and their paths' steps back to back in
 * three growable columns (not three typed arrays per passage: fewer objects
 * for the young-generation GC to copy while candidates are aligned).
 */
export class RawPassages {
  readonly list: RawPassage[] = [];
  length = 0;
  op: Uint8Array;
  ai: Int32Array;
  bj: Int32Array;

  /** `capacity`: the steps the columns hold before they first grow. */
  constructor(capacity = 4096) {
    this.op = new Uint8Array(capacity);
    this.ai = new Int32Array(capacity);
    this.bj = new Int32Array(capacity);
  }

  /** Room for `extra` more steps. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.op.length) return;
    const n = grownCapacity(this.op.length, need);
    this.op = resized(this.op, n, this.length);
    this.ai = resized(this.ai, n, this.length);
    this.bj = resized(this.bj, n, this.length);
  }
}

/** Gaps a flank word may not cross: any line break or sentence end. */
const FLANK_BREAK = GAP_LINE | GAP_PARAGRAPH | GAP_SENTENCE;

/**
 * Passages of one alignment (`path`) of the pair's documents, appended to
 * `out`. `frequent`: the alignment is a frequent phrase's star (frequent.ts),
 * whose words all lie in stock phrases: they count as fresh matches.
 */
export function extractPassages(pair: DocPair, path: AlignPath, options: ReuseOptions, out: RawPassages, frequent = false): void {
  seg.frequent = frequent;
  const n = path.length;
  const { op, ai, bj } = path;
  const oa = pair.offsetA;
  const ob = pair.offsetB;
  // Its low bits are the GAP_* bits.
  const gap = pair.corpus.flags;
  let segStart = 0;
  let p = 0;
  while (p < n) {
    const o = op[p]!;
    if (o !== OP_MATCH) {
      const e = unalignedEnd(op, p, n, options.splitUnaligned);
      if (gapLong) {
        emitSegment(pair, path, segStart, p, options, out);
        segStart = e;
      }
      p = e;
      continue;
    }
    if (options.splitParagraphs && p > segStart && ((gap[oa + ai[p]!]! | gap[ob + bj[p]!]!) & GAP_PARAGRAPH) !== 0) {
      emitSegment(pair, path, segStart, p, options, out);
      segStart = p;
    }
    p++;
  }
  emitSegment(pair, path, segStart, n, options, out);
}

/** Set by `unalignedEnd`: the run holds its `min` tokens on either side. */
let gapLong = false;

/** The end of the unaligned run of path steps from `p` (before `e`); sets `gapLong`. */
function unalignedEnd(op: Uint8Array, p: number, e: number, min: number): number {
  let runA = 0;
  let runB = 0;
  let q = p;
  for (; q < e && op[q] !== OP_MATCH; q++) {
    if (op[q] !== OP_INS) runA++;
    if (op[q] !== OP_DEL) runB++;
  }
  gapLong = runA >= min || runB >= min;
  return q;
}

/** One piece of a path on its way to a passage (reused). */
class Segment {
  /** Path steps [s, e), matches at both ends. */
  s = 0;
  e = 0;
  /** Token spans, inclusive, with the flanks. */
  aFirst = 0;
  aLast = 0;
  bFirst = 0;
  bLast = 0;
  flankBefore = false;
  flankAfter = false;
  /** Content words on the longer side. */
  longer = 0;
  score = 0;
  contentMatches = 0;
  /** Content matches outside stock phrases: a passage must stand on these. */
  freshMatches = 0;
  matched = 0;
  /** The alignment is a frequent phrase's star: stock-phrase matches count as fresh. */
  frequent = false;
}

const seg = new Segment();

/** Path steps [s0, e0) as a passage, if it is one. */
function emitSegment(pair: DocPair, path: AlignPath, s0: number, e0: number, options: ReuseOptions, out: RawPassages, pieces = true): void {
  if (!trimToMatches(path, s0, e0)) return;
  widenFlanks(pair);
  if (pair.same && seg.aLast >= seg.bFirst) return;
  if (!enoughContentWords(pair, options)) return;
  scoreSegment(pair, path, options);
  if (seg.freshMatches < options.minContentMatches || seg.matched < options.minMatchedTokens) return;
  if (seg.contentMatches < options.minContentMatchRatio * seg.longer) {
    if (pieces) splitAtGaps(pair, path, options, out);
    return;
  }
  storePassage(pair, path, out);
}

/**
 * `seg`, which fails the content-match ratio as a whole, cut at its
 * unaligned stretches of `splitUnalignedWeak` tokens (either side), each
 * piece judged on its own: clauses in another order align as one clause,
 * the other's words unmatched, then what follows, and the unmatched words
 * sink the whole where a piece passes.
 */
function splitAtGaps(pair: DocPair, path: AlignPath, options: ReuseOptions, out: RawPassages): void {
  const { op } = path;
  const s = seg.s;
  const e = seg.e;
  let start = s;
  let p = s;
  while (p < e) {
    if (op[p] === OP_MATCH) {
      p++;
      continue;
    }
    const q = unalignedEnd(op, p, e, options.splitUnalignedWeak);
    if (gapLong) {
      emitSegment(pair, path, start, p, options, out, false);
      start = q;
    }
    p = q;
  }
  if (start > s) emitSegment(pair, path, start, e, options, out, false);
}

/** `seg` as steps [s0, e0) trimmed to matched ends; false if no match is left. */
function trimToMatches(path: AlignPath, s0: number, e0: number): boolean {
  const { op, ai, bj } = path;
  let s = s0;
  let e = e0;
  while (s < e && op[s] !== OP_MATCH) s++;
  while (e > s && op[e - 1] !== OP_MATCH) e--;
  if (e - s < 1) return false;
  seg.s = s;
  seg.e = e;
  seg.aFirst = ai[s]!;
  seg.bFirst = bj[s]!;
  seg.aLast = ai[e - 1]!;
  seg.bLast = bj[e - 1]!;
  return true;
}

/**
 * One substituted content word on each flank of `seg`, within the same
 * sentence; never a bigram of Han, kana, Thai… (half a word, which overlaps
 * the passage's first or last bigram by a character).
 */
function widenFlanks(pair: DocPair): void {
  const { typeStem, flags, type, typeBigram } = pair.corpus;
  // The GAP_* bits are the low bits of the flags.
  const gap = flags;
  const { offsetA: oa, offsetB: ob, same } = pair;
  const { aFirst, bFirst, aLast, bLast } = seg;
  seg.flankBefore =
    aFirst > 0 &&
    bFirst > 0 &&
    (!same || bFirst - 1 > aLast) &&
    (flags[oa + aFirst - 1]! & flags[ob + bFirst - 1]! & TOK_CONTENT) !== 0 &&
    typeStem[type[oa + aFirst - 1]!] !== typeStem[type[ob + bFirst - 1]!] &&
    ((gap[oa + aFirst]! | gap[ob + bFirst]!) & FLANK_BREAK) === 0 &&
    (typeBigram[type[oa + aFirst - 1]!]! | typeBigram[type[ob + bFirst - 1]!]!) === 0;
  if (seg.flankBefore) {
    seg.aFirst--;
    seg.bFirst--;
  }
  seg.flankAfter =
    aLast + 1 < pair.countA &&
    bLast + 1 < pair.countB &&
    (!same || aLast + 1 < seg.bFirst) &&
    (flags[oa + aLast + 1]! & flags[ob + bLast + 1]! & TOK_CONTENT) !== 0 &&
    typeStem[type[oa + aLast + 1]!] !== typeStem[type[ob + bLast + 1]!] &&
    ((gap[oa + aLast + 1]! | gap[ob + bLast + 1]!) & FLANK_BREAK) === 0 &&
    (typeBigram[type[oa + aLast + 1]!]! | typeBigram[type[ob + bLast + 1]!]!) === 0;
  if (seg.flankAfter) {
    seg.aLast++;
    seg.bLast++;
  }
}

/** At least `minContentWords` content words on the longer side and `minContentWordsShort` on the shorter. */
function enoughContentWords(pair: DocPair, options: ReuseOptions): boolean {
  const flags = pair.corpus.flags;
  const { offsetA: oa, offsetB: ob } = pair;
  let contentA = 0;
  for (let t = seg.aFirst; t <= seg.aLast; t++) contentA += (flags[oa + t]! >>> TOK_CONTENT_BIT) & 1;
  let contentB = 0;
  for (let t = seg.bFirst; t <= seg.bLast; t++) contentB += (flags[ob + t]! >>> TOK_CONTENT_BIT) & 1;
  seg.longer = Math.max(contentA, contentB);
  return seg.longer >= options.minContentWords && Math.min(contentA, contentB) >= options.minContentWordsShort;
}

/** The alignment score of `seg` (the flanks as substitutions) and its match counts. */
function scoreSegment(pair: DocPair, path: AlignPath, options: ReuseOptions): void {
  const { op, ai, bj } = path;
  const flags = pair.corpus.flags;
  const { offsetA: oa, offsetB: ob } = pair;
  let score = 0;
  let contentMatches = 0;
  let freshMatches = 0;
  let matched = 0;
  let prevOp = -1;
  for (let p = seg.s; p < seg.e; p++) {
    const o = op[p]!;
    if (o === OP_MATCH) {
      matched++;
      const fa = flags[oa + ai[p]!]!;
      if ((fa & TOK_CONTENT) !== 0) {
        contentMatches++;
        if (seg.frequent || (fa & flags[ob + bj[p]!]! & TOK_BANAL) === 0) freshMatches++;
        score += options.matchContent;
      } else score += options.matchFunction;
    } else if (o === OP_SUB) score += options.mismatch;
    else score += o === prevOp ? options.gapExtend : options.gapOpen;
    prevOp = o;
  }
  if (seg.flankBefore) score += options.mismatch;
  if (seg.flankAfter) score += options.mismatch;
  seg.score = score;
  seg.contentMatches = contentMatches;
  seg.freshMatches = freshMatches;
  seg.matched = matched;
}

/** `seg` as a raw passage: its steps (with the flanks) appended to `out`'s columns. */
function storePassage(pair: DocPair, path: AlignPath, out: RawPassages): void {
  const { op, ai, bj } = path;
  const { s, e, aFirst, aLast, bFirst, bLast, flankBefore, flankAfter } = seg;
  const steps = e - s + (flankBefore ? 1 : 0) + (flankAfter ? 1 : 0);
  out.reserve(steps);
  const at = out.length;
  const rop = out.op;
  const rai = out.ai;
  const rbj = out.bj;
  let w = at;
  if (flankBefore) {
    rop[w] = OP_SUB;
    rai[w] = aFirst;
    rbj[w++] = bFirst;
  }
  for (let p = s; p < e; p++, w++) {
    rop[w] = op[p]!;
    rai[w] = ai[p]!;
    rbj[w] = bj[p]!;
  }
  if (flankAfter) {
    rop[w] = OP_SUB;
    rai[w] = aLast;
    rbj[w] = bLast;
  }
  out.length = at + steps;
  out.list.push({
    docA: pair.docA,
    docB: pair.docB,
    aFirst,
    aLast,
    bFirst,
    bLast,
    score: seg.score,
    contentMatches: seg.contentMatches,
    matched: seg.matched,
    steps,
    frequent: seg.frequent,
    at,
    copies: null,
  });
}
