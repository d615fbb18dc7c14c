/**
 * Kept passages as the engine returns them: of passages of one document
 * pair that overlap by half on both sides the best-scoring is kept, and
 * each becomes a `Passage` with character offsets and shared `AlignOp`s.
 */
import { OP_DEL, OP_INS, OP_MATCH } from './align.ts';
import type { RawPassage, RawPassages } from './passages.ts';
import type { PreparedDoc } from './prepare.ts';
import { roundChance } from './significance.ts';
import type { AlignOp, Passage } from './types.ts';

/**
 * The fields dedupePassages compares, one column each, indexed by a
 * passage's place in the list it was given, read from the passages once,
 * in list order. The sorts and the overlap tests then read these columns,
 * not the objects: at 8M words (65K raw passages, ≈ 9 MB of objects in
 * creation order) each comparison and each test read two passages at
 * random, a cache miss each, and dedupePassages took 28 ms of CPU against
 * 1.1 ms at 1M words (25× for 8.4× the passages).
 */
export class PassageKeys {
  readonly docA: Int32Array;
  readonly docB: Int32Array;
  readonly score: Float64Array;
  readonly aFirst: Int32Array;
  readonly aLast: Int32Array;
  readonly bFirst: Int32Array;
  readonly bLast: Int32Array;
  readonly frequent: Uint8Array;
  /** Documents: one more than the largest document index. */
  readonly docs: number;
  constructor(list: readonly RawPassage[]) {
    const n = list.length;
    this.docA = new Int32Array(n);
    this.docB = new Int32Array(n);
    this.score = new Float64Array(n);
    this.aFirst = new Int32Array(n);
    this.aLast = new Int32Array(n);
    this.bFirst = new Int32Array(n);
    this.bLast = new Int32Array(n);
    this.frequent = new Uint8Array(n);
    let docs = 0;
    for (let i = 0; i < n; i++) {
      const p = list[i]!;
      this.docA[i] = p.docA;
      this.docB[i] = p.docB;
      this.score[i] = p.score;
      this.aFirst[i] = p.aFirst;
      this.aLast[i] = p.aLast;
      this.bFirst[i] = p.bFirst;
      this.bLast[i] = p.bLast;
      this.frequent[i] = p.frequent ? 1 : 0;
      docs = Math.max(docs, p.docA + 1, p.docB + 1);
    }
    this.docs = docs;
  }

  /** True when passage `p` repeats `q`: both sides overlap by at least half of the shorter span, and both are (or neither is) star passages. */
  repeats(p: number, q: number): boolean {
    const oa = overlap(this.aFirst[p]!, this.aLast[p]!, this.aFirst[q]!, this.aLast[q]!);
    const ob = overlap(this.bFirst[p]!, this.bLast[p]!, this.bFirst[q]!, this.bLast[q]!);
    const la = Math.min(this.aLast[p]! - this.aFirst[p]!, this.aLast[q]! - this.aFirst[q]!) + 1;
    const lb = Math.min(this.bLast[p]! - this.bFirst[p]!, this.bLast[q]! - this.bFirst[q]!) + 1;
    return this.frequent[q] === this.frequent[p] && oa * 2 >= la && ob * 2 >= lb;
  }

  /** Dedupe order: document pair, best score first, then position. */
  byPairScore(x: number, y: number): number {
    return (
      this.docA[x]! - this.docA[y]! ||
      this.docB[x]! - this.docB[y]! ||
      this.score[y]! - this.score[x]! ||
      this.aFirst[x]! - this.aFirst[y]! ||
      this.bFirst[x]! - this.bFirst[y]! ||
      this.aLast[x]! - this.aLast[y]! ||
      this.bLast[x]! - this.bLast[y]! ||
      this.frequent[x]! - this.frequent[y]!
    );
  }

  /** byPairScore if `pairs`, else byPosition. */
  compare(pairs: boolean, x: number, y: number): number {
    return pairs ? this.byPairScore(x, y) : this.byPosition(x, y);
  }

  /** Output order: document A, position in A, then document B and position in B. */
  byPosition(x: number, y: number): number {
    return (
      this.docA[x]! - this.docA[y]! ||
      this.aFirst[x]! - this.aFirst[y]! ||
      this.docB[x]! - this.docB[y]! ||
      this.bFirst[x]! - this.bFirst[y]! ||
      this.aLast[x]! - this.aLast[y]! ||
      this.bLast[x]! - this.bLast[y]! ||
      this.frequent[x]! - this.frequent[y]!
    );
  }
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0) + 1);
}

/**
 * A document pair's kept passages are compared one by one up to this many;
 * past it, only those whose side a shares a block of tokens with the new
 * passage's (a repeat overlaps it there). Two texts that each hold a licence
 * or a slogan many times (a copyright file with 200 copies of one clause)
 * make a pair of tens of thousands of passages: compared all with all, that
 * pair alone took minutes.
 */
const SCAN_MAX = 32;
/** Blocks of 2^5 = 32 tokens of side a. */
const BLOCK_SHIFT = 5;

function enter(grid: Map<number, number[]>, k: number, keys: PassageKeys, q: number): void {
  for (let b = keys.aFirst[q]! >> BLOCK_SHIFT; b <= keys.aLast[q]! >> BLOCK_SHIFT; b++) {
    const ks = grid.get(b);
    if (ks) ks.push(k);
    else grid.set(b, [k]);
  }
}

/** Runs of equal documents at most this long are sorted by insertion. */
const INSERTION_MAX = 16;

/**
 * `items` (passage indices into `keys`) sorted stably by byPairScore if
 * `pairs`, else by byPosition (the first key docA, and byPairScore's
 * second docB): counting passes order the indices by those (stable), then
 * each run of equal documents is sorted alone, by insertion when short.
 * The same order as a stable `sort`, which at 8M words (65K raw
 * passages) made ≈ 17 comparisons a passage.
 */
function sortByDocs(items: Int32Array, keys: PassageKeys, pairs: boolean): Int32Array {
  const { docA, docB } = keys;
  const counts = new Int32Array(keys.docs + 1);
  let order = items;
  if (pairs) order = countingPass(order, docB, counts);
  order = countingPass(order, docA, counts);
  const n = order.length;
  for (let s = 0; s < n; ) {
    const a = docA[order[s]!]!;
    const b = docB[order[s]!]!;
    let e = s + 1;
    while (e < n && docA[order[e]!] === a && (!pairs || docB[order[e]!] === b)) e++;
    if (e - s <= INSERTION_MAX) {
      for (let i = s + 1; i < e; i++) {
        const x = order[i]!;
        let j = i - 1;
        while (j >= s && keys.compare(pairs, order[j]!, x) > 0) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = x;
      }
    } else {
      const run = Array.from(order.subarray(s, e)).sort((x, y) => keys.compare(pairs, x, y));
      for (let i = s; i < e; i++) order[i] = run[i - s]!;
    }
    s = e;
  }
  return order;
}

/** `from` (indices) reordered by `key`, stably; `counts` has a slot per key value and one more. */
function countingPass(from: Int32Array, key: Int32Array, counts: Int32Array): Int32Array {
  const n = from.length;
  const to = new Int32Array(n);
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[key[from[i]!]! + 1]!++;
  for (let d = 1; d < counts.length; d++) counts[d] = counts[d]! + counts[d - 1]!;
  for (let i = 0; i < n; i++) {
    const x = from[i]!;
    to[counts[key[x]!]!++] = x;
  }
  return to;
}

/**
 * Drops passages that repeat a better one of the same path: same document
 * pair, and both sides overlapping it by at least half of the shorter span.
 * (A frequent phrase's star passage stays beside a longer passage around
 * it: they say different things.) Sorted result.
 */
export function dedupePassages(raw: readonly RawPassage[]): RawPassage[] {
  const keys = new PassageKeys(raw);
  const all = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) all[i] = i;
  const order = sortByDocs(all, keys, true);
  const { docA, docB, aFirst, aLast } = keys;
  // The kept passages' indices, in dedupe order.
  const kept = new Int32Array(raw.length);
  let nKept = 0;
  let pairStart = 0;
  // The current pair's kept passages (places in `kept`) by block of side a, once there are more than SCAN_MAX.
  let grid: Map<number, number[]> | null = null;
  // Per kept passage: the place in `order` it was last compared at (a passage sits in several blocks).
  let seen: Int32Array | null = null;
  for (let x = 0; x < order.length; x++) {
    const p = order[x]!;
    if (nKept > pairStart) {
      const k0 = kept[pairStart]!;
      if (docA[k0] !== docA[p] || docB[k0] !== docB[p]) {
        pairStart = nKept;
        grid = null;
      }
    }
    let dup = false;
    if (grid === null) {
      for (let k = pairStart; k < nKept && !dup; k++) dup = keys.repeats(p, kept[k]!);
    } else {
      seen ??= new Int32Array(raw.length).fill(-1);
      for (let b = aFirst[p]! >> BLOCK_SHIFT; b <= aLast[p]! >> BLOCK_SHIFT && !dup; b++) {
        const ks = grid.get(b);
        if (ks === undefined) continue;
        for (let j = 0; j < ks.length && !dup; j++) {
          const k = ks[j]!;
          if (seen[k] === x) continue;
          seen[k] = x;
          dup = keys.repeats(p, kept[k]!);
        }
      }
    }
    if (dup) continue;
    kept[nKept++] = p;
    if (grid !== null) enter(grid, nKept - 1, keys, p);
    else if (nKept - pairStart > SCAN_MAX) {
      grid = new Map();
      for (let k = pairStart; k < nKept; k++) enter(grid, k, keys, kept[k]!);
    }
  }
  const sorted = sortByDocs(kept.slice(0, nKept), keys, false);
  // Filled in a loop, not by `map` (see hidden-classes.ts).
  const out = new Array<RawPassage>(nKept);
  for (let i = 0; i < nKept; i++) out[i] = raw[sorted[i]!]!;
  return out;
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
  /**
   * `match` of a type with itself, by type: sized for every type, since
   * an array grown by storing at a far index turns into a hash table (V8's
   * dictionary elements), and this is looked up at most steps.
   */
  readonly #same: (AlignOp | undefined)[];
  /**
   * Other ops, one map per op: an insertion by b's type, a deletion by a's
   * type, a match of two types (same stem) or a substitution by a's type,
   * then b's. Two levels, not one key a × types + b: past 2^30 (a
   * vocabulary of 33K types) such a key is a boxed heap number, slow to
   * hash and garbage each look-up (8M words: a fifth of toPassage's time).
   */
  readonly #other = [new Map<number, Map<number, AlignOp>>(), new Map<number, Map<number, AlignOp>>(), new Map<number, AlignOp>(), new Map<number, AlignOp>()];
  /** The ops of the last passage made (see toPassage). */
  lastOps: AlignOp[] = [];
  /** The ops of the passage being made (reused; see toPassage). */
  readonly opBuf: AlignOp[] = [];
  constructor(readonly surface: readonly string[]) {
    this.#same = new Array<AlignOp | undefined>(surface.length);
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
    // Each op is one literal with its final properties (adding them later
    // would allocate a property store).
    if (o === OP_INS || o === OP_DEL) {
      const byType = this.#other[o] as Map<number, AlignOp>;
      const key = o === OP_INS ? tb : ta;
      let op = byType.get(key);
      if (op === undefined) {
        op = o === OP_INS ? { op: 'ins', b: surf[tb]! } : { op: 'del', a: surf[ta]! };
        byType.set(key, op);
      }
      return op;
    }
    const byA = this.#other[o] as Map<number, Map<number, AlignOp>>;
    let byB = byA.get(ta);
    if (byB === undefined) byA.set(ta, (byB = new Map()));
    let op = byB.get(tb);
    if (op === undefined) {
      op = { op: OP_NAMES[o]!, a: surf[ta]!, b: surf[tb]! };
      byB.set(tb, op);
    }
    return op;
  }
}

/** Passages read ahead at a time (see touchPassages). */
export const TOUCH_PASSAGES = 128;

/** Where touchPassages leaves the sum of what it read, so the reads are not optimised away. */
const sink = new Int32Array(1);

/**
 * A touch loop (as prefetch.ts's): reads, for passages [from, to) of
 * `list` (sorted by document a), the first place of each that the chance
 * model and toPassage then read at random: its steps, and side b's flags,
 * types and starts (side a is read in document order). The reads are
 * independent, so their cache misses overlap, and the passages' own loops
 * find those lines in the cache (8M words: 65K passages, side b anywhere
 * in 100 MB of token columns). Side b is read in the corpus-wide columns
 * at its document's offset: through the document's own views, each read
 * waited for two more misses (the document, then the view), 13K documents'
 * objects being scattered over the heap at 8M words.
 */
export function touchPassages(list: readonly RawPassage[], from: number, to: number, store: RawPassages, docs: readonly PreparedDoc[], flags: Uint8Array): void {
  let sum = 0;
  const { type, start } = docs[0]!.corpus;
  for (let i = from; i < to; i++) {
    const r = list[i]!;
    const t = docs[r.docB]!.offset + r.bFirst;
    sum = (sum + store.op[r.at]! + flags[t]! + type[t]! + start[t]!) | 0;
  }
  sink[0] = sum;
}

/**
 * `raw` as the engine returns it, with its expected number of chance
 * alignments (significance.ts). Tokens are read in the corpus-wide columns
 * at the documents' offsets, not through each document's views (see
 * touchPassages), and a token's end from `typeLength`, not its surface
 * string's header (28K strings scattered over the heap).
 */
export function toPassage(raw: RawPassage, store: RawPassages, A: PreparedDoc, B: PreparedDoc, opCache: OpCache, expectedByChance: number): Passage {
  const { type, start, typeLength } = A.corpus;
  const oa = A.offset;
  const ob = B.offset;
  const { op, ai, bj } = store;
  // The occurrences of a frequent phrase around one representative mostly
  // take the same steps: they share the previous passage's ops (read-only,
  // as the ops themselves).
  const prev = opCache.lastOps;
  let same = prev.length === raw.steps;
  // A new passage's ops go to a reused buffer, then to one array of their
  // exact length: an array grown by push leaves its smaller copies as
  // garbage and keeps up to half again its length as slack, which every
  // young-generation collection copies while the passages live.
  const buf = opCache.opBuf;
  for (let p = 0, x = raw.at; p < raw.steps; p++, x++) {
    const o = op[x]!;
    // A token's surface as written is its type's surface: no new string.
    const step = opCache.get(o, o === OP_INS ? -1 : type[oa + ai[x]!]!, o === OP_DEL ? -1 : type[ob + bj[x]!]!);
    if (same && prev[p] === step) continue;
    if (same) {
      for (let q = 0; q < p; q++) buf[q] = prev[q]!;
      same = false;
    }
    buf[p] = step;
  }
  const ops = same ? prev : buf.slice(0, raw.steps);
  opCache.lastOps = ops;
  const wa = raw.aLast - raw.aFirst + 1;
  const wb = raw.bLast - raw.bFirst + 1;
  return {
    // A token ends where its surface (its text as written) ends.
    a: { doc: A.id, start: start[oa + raw.aFirst]!, end: start[oa + raw.aLast]! + typeLength[type[oa + raw.aLast]!]! },
    b: { doc: B.id, start: start[ob + raw.bFirst]!, end: start[ob + raw.bLast]! + typeLength[type[ob + raw.bLast]!]! },
    score: raw.score,
    expectedByChance: roundChance(expectedByChance),
    scope: raw.docA === raw.docB ? 'internal' : 'between',
    tier: 'close',
    words: Math.max(wa, wb),
    contentMatches: raw.contentMatches,
    similarity: Math.round((raw.matched / raw.steps) * 1000) / 1000,
    ops,
  };
}
