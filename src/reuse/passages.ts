/**
 * From an alignment path to passage pairs: split at blank lines and at long
 * unaligned stretches (alignments otherwise run on across neighbouring
 * parallel passages), trim to matched ends, let one substituted content word
 * on each flank join (a slogan's first or last word is often the one
 * swapped), then keep what passes the thresholds.
 */
import { GAP_LINE, GAP_PARAGRAPH, GAP_SENTENCE } from '../text/scan.ts';
import { keepShape } from '../text/shapes.ts';
import { grownCapacity, resized } from './buffers.ts';
import { AlignPath, OP_DEL, OP_INS, OP_MATCH, OP_SUB } from './align.ts';
import type { ReuseOptions } from './options.ts';
import { TOK_BANAL, TOK_CONTENT, type CorpusColumns, type PreparedDoc } from './prepare.ts';
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
  /** Its path steps are [at, at + steps) of the `RawPassages` columns. */
  at: number;
}

/**
 * Kept passages in token space, and their paths' steps back to back in
 * three growable columns (not three typed arrays per passage: fewer objects
 * for the young-generation GC to copy while candidates are aligned).
 */
export class RawPassages {
  readonly list: RawPassage[] = [];
  length = 0;
  op = new Uint8Array(4096);
  ai = new Int32Array(4096);
  bj = new Int32Array(4096);

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

// Its hidden class survives between calls (see text/shapes.ts).
keepShape(new RawPassages());

const FLANK_BREAK = GAP_LINE | GAP_PARAGRAPH | GAP_SENTENCE;

/**
 * Passages of one alignment of document `da` (tokens from `oa` in the
 * corpus-wide columns, `countA` of them) with `db` (from `ob`, `countB`).
 */
export function extractPassages(
  corpus: CorpusColumns,
  da: number,
  oa: number,
  countA: number,
  db: number,
  ob: number,
  countB: number,
  path: AlignPath,
  options: ReuseOptions,
  out: RawPassages,
): void {
  const n = path.length;
  const { op, ai, bj } = path;
  // Its low bits are the GAP_* bits.
  const gap = corpus.flags;
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
        emitSegment(corpus, da, oa, countA, db, ob, countB, path, segStart, p, options, out);
        segStart = e;
      }
      p = e;
      continue;
    }
    if (options.splitParagraphs && p > segStart && ((gap[oa + ai[p]!]! | gap[ob + bj[p]!]!) & GAP_PARAGRAPH) !== 0) {
      emitSegment(corpus, da, oa, countA, db, ob, countB, path, segStart, p, options, out);
      segStart = p;
    }
    p++;
  }
  emitSegment(corpus, da, oa, countA, db, ob, countB, path, segStart, n, options, out);
}

function emitSegment(
  corpus: CorpusColumns,
  da: number,
  oa: number,
  countA: number,
  db: number,
  ob: number,
  countB: number,
  path: AlignPath,
  s0: number,
  e0: number,
  options: ReuseOptions,
  out: RawPassages,
): void {
  const { op, ai, bj } = path;
  const { stem, flags } = corpus;
  // The GAP_* bits are the low bits of the flags.
  const gap = flags;
  let s = s0;
  let e = e0;
  while (s < e && op[s] !== OP_MATCH) s++;
  while (e > s && op[e - 1] !== OP_MATCH) e--;
  if (e - s < 1) return;

  let aFirst = ai[s]!;
  let bFirst = bj[s]!;
  let aLast = ai[e - 1]!;
  let bLast = bj[e - 1]!;
  const sameDoc = da === db;

  // One substituted content word on each flank, within the same sentence.
  let flankBefore = false;
  if (
    aFirst > 0 &&
    bFirst > 0 &&
    (!sameDoc || bFirst - 1 > aLast) &&
    (flags[oa + aFirst - 1]! & flags[ob + bFirst - 1]! & TOK_CONTENT) !== 0 &&
    stem[oa + aFirst - 1] !== stem[ob + bFirst - 1] &&
    ((gap[oa + aFirst]! | gap[ob + bFirst]!) & FLANK_BREAK) === 0
  ) {
    flankBefore = true;
    aFirst--;
    bFirst--;
  }
  let flankAfter = false;
  if (
    aLast + 1 < countA &&
    bLast + 1 < countB &&
    (!sameDoc || aLast + 1 < bFirst) &&
    (flags[oa + aLast + 1]! & flags[ob + bLast + 1]! & TOK_CONTENT) !== 0 &&
    stem[oa + aLast + 1] !== stem[ob + bLast + 1] &&
    ((gap[oa + aLast + 1]! | gap[ob + bLast + 1]!) & FLANK_BREAK) === 0
  ) {
    flankAfter = true;
    aLast++;
    bLast++;
  }
  if (sameDoc && aLast >= bFirst) return;

  let contentA = 0;
  for (let t = aFirst; t <= aLast; t++) contentA += (flags[oa + t]! >>> 3) & 1;
  let contentB = 0;
  for (let t = bFirst; t <= bLast; t++) contentB += (flags[ob + t]! >>> 3) & 1;
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
      const fa = flags[oa + ai[p]!]!;
      if ((fa & TOK_CONTENT) !== 0) {
        contentMatches++;
        if ((fa & flags[ob + bj[p]!]! & TOK_BANAL) === 0) freshMatches++;
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
    docA: da,
    docB: db,
    aFirst,
    aLast,
    bFirst,
    bLast,
    score,
    contentMatches,
    matched,
    steps,
    at,
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

/**
 * The `AlignOp` objects of one detection, one per distinct (op, word as
 * written in a, in b): passages share them (read-only), so a large corpus
 * makes tens of thousands of op objects instead of hundreds of thousands
 * (8M words: 46K instead of 399K), which the young-generation GC would
 * otherwise copy twice each. Built per call: nothing is kept across calls.
 */
export class OpCache {
  /** `match` of a type with itself, by type. */
  readonly #same: (AlignOp | undefined)[] = [];
  /** Other ops by (a's type, b's type), one map per op (keys stay small ints). */
  readonly #other = [new Map<number, AlignOp>(), new Map<number, AlignOp>(), new Map<number, AlignOp>(), new Map<number, AlignOp>()];
  readonly #types: number;
  constructor(readonly surface: readonly string[]) {
    this.#types = surface.length;
  }

  get(o: number, ta: number, tb: number): AlignOp {
    const surf = this.surface;
    if (o === OP_MATCH && ta === tb) {
      let op = this.#same[ta];
      if (op === undefined) {
        const w = surf[ta]!;
        op = { op: 'match', a: w, b: w };
        this.#same[ta] = op;
      }
      return op;
    }
    const key = o === OP_INS ? tb : o === OP_DEL ? ta : ta * this.#types + tb;
    const other = this.#other[o]!;
    let op = other.get(key);
    if (op === undefined) {
      // Each op is one literal with its final properties (adding them later
      // would allocate a property store).
      op = o === OP_INS ? { op: 'ins', b: surf[tb]! } : o === OP_DEL ? { op: 'del', a: surf[ta]! } : { op: OP_NAMES[o]!, a: surf[ta]!, b: surf[tb]! };
      other.set(key, op);
    }
    return op;
  }
}

// Its hidden class survives between calls (see text/shapes.ts).
keepShape(new OpCache([]));

export function toPassage(raw: RawPassage, store: RawPassages, A: PreparedDoc, B: PreparedDoc, opCache: OpCache): Passage {
  const ops: AlignOp[] = [];
  const surfA = A.surface;
  const surfB = B.surface;
  const typeA = A.type;
  const typeB = B.type;
  const { op, ai, bj } = store;
  for (let p = 0, x = raw.at; p < raw.steps; p++, x++) {
    const o = op[x]!;
    // A token's surface as written is its type's surface: no new string.
    ops.push(opCache.get(o, o === OP_INS ? -1 : typeA[ai[x]!]!, o === OP_DEL ? -1 : typeB[bj[x]!]!));
  }
  const wa = raw.aLast - raw.aFirst + 1;
  const wb = raw.bLast - raw.bFirst + 1;
  return {
    // A token ends where its surface (its text as written) ends.
    a: { doc: A.id, start: A.start[raw.aFirst]!, end: A.start[raw.aLast]! + surfA[typeA[raw.aLast]!]!.length },
    b: { doc: B.id, start: B.start[raw.bFirst]!, end: B.start[raw.bLast]! + surfB[typeB[raw.bLast]!]!.length },
    score: raw.score,
    tier: 'close',
    words: Math.max(wa, wb),
    contentMatches: raw.contentMatches,
    similarity: Math.round((raw.matched / raw.steps) * 1000) / 1000,
    ops,
  };
}
