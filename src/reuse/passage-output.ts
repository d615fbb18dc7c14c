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

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0) + 1);
}

/** True when `p` repeats `q`: both sides overlap by at least half of the shorter span, and both are (or neither is) star passages. */
function repeats(p: RawPassage, q: RawPassage): boolean {
  const oa = overlap(p.aFirst, p.aLast, q.aFirst, q.aLast);
  const ob = overlap(p.bFirst, p.bLast, q.bFirst, q.bLast);
  const la = Math.min(p.aLast - p.aFirst, q.aLast - q.aFirst) + 1;
  const lb = Math.min(p.bLast - p.bFirst, q.bLast - q.bFirst) + 1;
  return q.frequent === p.frequent && oa * 2 >= la && ob * 2 >= lb;
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

function enter(grid: Map<number, number[]>, k: number, q: RawPassage): void {
  for (let b = q.aFirst >> BLOCK_SHIFT; b <= q.aLast >> BLOCK_SHIFT; b++) {
    const ks = grid.get(b);
    if (ks) ks.push(k);
    else grid.set(b, [k]);
  }
}

/** Dedupe order: document pair, best score first, then position. */
function byPairScore(x: RawPassage, y: RawPassage): number {
  return (
    x.docA - y.docA ||
    x.docB - y.docB ||
    y.score - x.score ||
    x.aFirst - y.aFirst ||
    x.bFirst - y.bFirst ||
    x.aLast - y.aLast ||
    x.bLast - y.bLast ||
    Number(x.frequent) - Number(y.frequent)
  );
}

/** Output order: document A, position in A, then document B and position in B. */
function byPosition(x: RawPassage, y: RawPassage): number {
  return x.docA - y.docA || x.aFirst - y.aFirst || x.docB - y.docB || x.bFirst - y.bFirst || x.aLast - y.aLast || x.bLast - y.bLast || Number(x.frequent) - Number(y.frequent);
}

/** Runs of equal documents at most this long are sorted by insertion. */
const INSERTION_MAX = 16;

/**
 * Sorts `list` in place by `cmp`, stably, `cmp`'s first key being docA and,
 * if `pairs`, its second docB: counting passes order the passages by those
 * (stable), then each run of equal documents is sorted alone, by insertion
 * when short. The same order as `list.sort(cmp)`, which at 8M words (65K
 * raw passages, objects spread over the heap) made ≈ 17 comparisons a
 * passage, each reading two of them: dedupePassages alone took 14–17× its
 * 1M time for 8.4× the passages. The counting passes move indices over
 * the documents copied into two int columns (each passage read once, in
 * list order): passed as objects, the second pass read each passage at
 * random (in docB order), a cache miss each at 8M words.
 */
function sortByDocs(list: RawPassage[], pairs: boolean, cmp: (x: RawPassage, y: RawPassage) => number): void {
  const n = list.length;
  const docA = new Int32Array(n);
  const docB = new Int32Array(n);
  let docs = 0;
  for (let i = 0; i < n; i++) {
    const p = list[i]!;
    docA[i] = p.docA;
    docB[i] = p.docB;
    docs = Math.max(docs, p.docA + 1, p.docB + 1);
  }
  const counts = new Int32Array(docs + 1);
  let order: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (pairs) order = countingPass(order, docB, counts);
  order = countingPass(order, docA, counts);
  const copy = list.slice();
  for (let i = 0; i < n; i++) list[i] = copy[order[i]!]!;
  for (let s = 0; s < n; ) {
    const a = docA[order[s]!]!;
    const b = docB[order[s]!]!;
    let e = s + 1;
    while (e < n && docA[order[e]!] === a && (!pairs || docB[order[e]!] === b)) e++;
    if (e - s <= INSERTION_MAX) {
      for (let i = s + 1; i < e; i++) {
        const x = list[i]!;
        let j = i - 1;
        while (j >= s && cmp(list[j]!, x) > 0) {
          list[j + 1] = list[j]!;
          j--;
        }
        list[j + 1] = x;
      }
    } else {
      const run = list.slice(s, e).sort(cmp);
      for (let i = s; i < e; i++) list[i] = run[i - s]!;
    }
    s = e;
  }
}

/** `from` (indices) reordered by `key`, stably; `counts` has a slot per key value and one more. */
function countingPass(from: Int32Array, key: Int32Array, counts: Int32Array): Int32Array {
  const n = from.length;
  const to = new Int32Array(n);
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[key[i]! + 1]!++;
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
export function dedupePassages(raw: RawPassage[]): RawPassage[] {
  sortByDocs(raw, true, byPairScore);
  const kept: RawPassage[] = [];
  let pairStart = 0;
  // The current pair's kept passages by block of side a, once there are more than SCAN_MAX.
  let grid: Map<number, number[]> | null = null;
  // Per kept passage: the raw index it was last compared with (a passage sits in several blocks).
  let seen: Int32Array | null = null;
  // By index, not for…of: this loop runs once a call, often before it is
  // optimised, where an iterator allocates a result per passage.
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i]!;
    if (kept.length > pairStart) {
      const k0 = kept[pairStart]!;
      if (k0.docA !== p.docA || k0.docB !== p.docB) {
        pairStart = kept.length;
        grid = null;
      }
    }
    let dup = false;
    if (grid === null) {
      for (let k = pairStart; k < kept.length && !dup; k++) dup = repeats(p, kept[k]!);
    } else {
      seen ??= new Int32Array(raw.length).fill(-1);
      for (let b = p.aFirst >> BLOCK_SHIFT; b <= p.aLast >> BLOCK_SHIFT && !dup; b++) {
        const ks = grid.get(b);
        if (ks === undefined) continue;
        for (let j = 0; j < ks.length && !dup; j++) {
          const k = ks[j]!;
          if (seen[k] === i) continue;
          seen[k] = i;
          dup = repeats(p, kept[k]!);
        }
      }
    }
    if (dup) continue;
    kept.push(p);
    if (grid !== null) enter(grid, kept.length - 1, p);
    else if (kept.length - pairStart > SCAN_MAX) {
      grid = new Map();
      for (let k = pairStart; k < kept.length; k++) enter(grid, k, kept[k]!);
    }
  }
  sortByDocs(kept, false, byPosition);
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
