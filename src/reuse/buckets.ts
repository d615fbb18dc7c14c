/**
 * Buckets: the kept seeds grouped by hash, so each seed meets the other
 * occurrences of its pair. Most kept seeds occur once and make no hit: a
 * bit set indexed by hash bits finds those that may recur (another seed
 * sets their bit); only they are compacted, given records and radix-sorted
 * by hash.
 * A seed pairs with the later occurrences in its bucket: all of them in a
 * small bucket, the next `seedPairFanout` in a large one.
 *
 * Memory: nothing corpus-sized is allocated here but two maps of a bit
 * per kept seed, when the kept-seed columns have their usual room. The
 * recurring seeds are compacted in place, their hashes and seed indices
 * move to the dead recurrence buffer, their records go to the dead
 * kept-seed hash column, the sort's scratch and the sorted records to the
 * dead position column. (Each burst of fresh ArrayBuffer memory costs V8 a
 * mark-compact at 8M words.)
 */
import type { ReuseOptions } from './options.ts';
import { radixSortPairs } from './radix-sort.ts';
import type { SeedColumns } from './seeds.ts';

/**
 * A recurring seed's record in generation order (document, then position),
 * four ints: the end of its partner range in `sorted` (the document, until
 * the buckets are filled), its content-word index, token index and sorted
 * position x. It pairs with the seeds at sorted positions [x + 1, end):
 * the same end as in its sorted record, here so that an empty range costs
 * no read of `sorted`.
 */
export const REC_END = 0;
export const REC_CONTENT = 1;
export const REC_TOKEN = 2;
export const REC_SORTED = 3;
export const REC_INTS = 4;
/**
 * A recurring seed's record in hash order, four ints: document,
 * content-word index, token index and the end of its partner range, so a
 * seed's range and its partners are one or two cache lines.
 */
export const SORTED_DOC = 0;
export const SORTED_CONTENT = 1;
export const SORTED_TOKEN = 2;
export const SORTED_END = 3;
export const SORTED_INTS = 4;

/** The recurring seeds' records and buckets. */
export interface Buckets {
  /** Records of the seeds that may recur, in generation order (REC_*): only these can make a hit. */
  recurring: Int32Array;
  /** Recurring seeds of document d: [recurringStart[d], recurringStart[d + 1]). */
  recurringStart: Int32Array;
  /**
   * Rarity class of each recurring seed: floor(log2 occ) of its first stem
   * plus that of its second. Expected chance occurrences of the pair in the
   * corpus are about maxDistance * 2^(rarity + 1) / contentWords.
   */
  rarity: Uint8Array;
  /** Records of the recurring seeds in hash order (SORTED_*), stably: documents ascend within a bucket. */
  sorted: Int32Array;
}

/**
 * The recurrence set: 8 bits per expected seed, a power of two from 2^16
 * to 2^30 bits. A seed may recur when another seed falls on its bit (the
 * same hash, or a false "again": two hashes on one bit, which only costs a
 * sort slot). The set is never held whole (`markRecurrence` counts it in
 * partitions); its buffer, twice its size, holds the partitions' records,
 * then the recurring seeds' hashes and indices (`recurringRecords`), and
 * is touched only as far as they reach.
 */
const BITS_PER_SEED = 8;
const MIN_BITS = 1 << 16;
const MAX_BITS = 1 << 30;
/** Bits per Int32 word, and the shift from a bit to its word. */
const WORD_SHIFT = 5;
const BIT_IN_WORD = 31;

/** The recurrence buffer for `seedCapacity` seeds (twice the set, see above). */
export function recurrenceBits(seedCapacity: number): Int32Array {
  let bits = MIN_BITS;
  while (bits < seedCapacity * BITS_PER_SEED && bits < MAX_BITS) bits *= 2;
  return new Int32Array(2 * (bits >>> WORD_SHIFT));
}

/**
 * Buckets of the kept seeds (`kept`; document d's are [docStart[d],
 * docStart[d + 1])); `bits` from `recurrenceBits`. Reuses the kept-seed
 * columns and the recurrence buffer: they are dead afterwards.
 */
export function bucketSeeds(docs: readonly { contentTok: Int32Array }[], kept: SeedColumns, docStart: Int32Array, bits: Int32Array, options: ReuseOptions): Buckets {
  const recurs = markRecurrence(kept.hash, kept.length, bits);
  const recurringStart = compactRecurring(kept, docStart, recurs);
  const r = recurringStart[docs.length]!;
  const { hash, rec, seedIndex, inPlace } = recurringRecords(docs, kept, recurringStart, bits, r);
  // The sort's scratch, then the sorted records: the position column (dead
  // once the records are written), or the kept-seed hashes past the r moved.
  const seedPos = kept.pos;
  if (inPlace) radixSortPairs(hash, seedIndex, r, new Uint32Array(seedPos.buffer, seedPos.byteOffset + Int32Array.BYTES_PER_ELEMENT * r, r), seedPos.subarray(0, r));
  else radixSortPairs(hash, seedIndex, r, kept.hash.subarray(r));
  // Every slot of the sorted records is written by fillBuckets.
  const sorted = inPlace ? seedPos.subarray(0, SORTED_INTS * r) : new Int32Array(SORTED_INTS * r);
  fillBuckets(hash, seedIndex, rec, sorted, r, options);
  return { recurring: rec, recurringStart, rarity: kept.rarity.subarray(0, r), sorted };
}

/**
 * Which seeds may recur: bit i of the result is set when another seed's
 * hash agrees with seed i's on the set's bits (the same hash, or a false
 * "again" that only costs a sort slot). `bits` is the buffer from
 * `recurrenceBits`: the set's size (its first half) fixes which hash bits
 * count; the buffer itself only holds the work.
 *
 * By partitions, not in one set read at random: at 8M words the set is
 * 8 MB and every seed's read missed the cache and the TLB (≈ 165 ms for
 * 4.73M seeds even with each block's words read ahead; at 1M the 1 MB set
 * shared the 1 MB L2). So each seed's set bits are first scattered by
 * their part above the low 16 into partitions (1,024 at 8M), a 16-bit
 * record each in the dead buffer, in seed order within a partition. Each
 * partition is then counted in a "seen" and an "again" set of 2^16 bits
 * side by side (16 KB, in L1), and its records' "again" bits go to a
 * bit map in partition order (n / 8 bytes, in L2), which a last pass in
 * seed order reads by one cursor per partition. (Reading back the 16-bit
 * records themselves by 1,024 cursors missed the cache at every line:
 * that pass alone took twice the scatter.)
 */
export function markRecurrence(hash: Uint32Array, n: number, bits: Int32Array): Int32Array {
  const setBits = (bits.length >>> 1) << WORD_SHIFT;
  const mask = setBits - 1;
  const parts = Math.max(1, setBits >>> PART_SHIFT);
  const rec = 2 * n <= bits.byteLength ? new Uint16Array(bits.buffer, bits.byteOffset, n) : new Uint16Array(n);
  const start = new Int32Array(parts + 1);
  for (let i = 0; i < n; i++) start[((hash[i]! & mask) >>> PART_SHIFT) + 1]!++;
  for (let p = 0; p < parts; p++) start[p + 1] = start[p + 1]! + start[p]!;
  const cursor = start.slice(0, parts);
  for (let i = 0; i < n; i++) {
    const v = hash[i]! & mask;
    rec[cursor[v >>> PART_SHIFT]!++] = v & PART_MASK;
  }
  const words = (n + BIT_IN_WORD) >>> WORD_SHIFT;
  const again = new Int32Array(words);
  // A partition's "seen" and "again" words, interleaved (one cache line holds both).
  const seenAgain = new Int32Array(2 << (PART_SHIFT - WORD_SHIFT));
  for (let p = 0; p < parts; p++) {
    const x0 = start[p]!;
    const x1 = start[p + 1]!;
    if (x1 - x0 < 2) continue;
    // Without branches on the bits read: they are random.
    for (let x = x0; x < x1; x++) {
      const v = rec[x]!;
      const w = (v >>> WORD_SHIFT) << 1;
      const bit = 1 << (v & BIT_IN_WORD);
      const seen = seenAgain[w]!;
      seenAgain[w + 1] = seenAgain[w + 1]! | (seen & bit);
      seenAgain[w] = seen | bit;
    }
    for (let x = x0; x < x1; x++) {
      const v = rec[x]!;
      const a = (seenAgain[((v >>> WORD_SHIFT) << 1) + 1]! >>> (v & BIT_IN_WORD)) & 1;
      again[x >>> WORD_SHIFT] = again[x >>> WORD_SHIFT]! | (a << (x & BIT_IN_WORD));
    }
    seenAgain.fill(0);
  }
  const recurs = new Int32Array(words);
  for (let p = 0; p < parts; p++) cursor[p] = start[p]!;
  for (let i0 = 0; i0 < n; i0 += BIT_IN_WORD + 1) {
    const i1 = Math.min(n, i0 + BIT_IN_WORD + 1);
    let word = 0;
    for (let i = i0; i < i1; i++) {
      const x = cursor[(hash[i]! & mask) >>> PART_SHIFT]!++;
      word |= ((again[x >>> WORD_SHIFT]! >>> (x & BIT_IN_WORD)) & 1) << (i - i0);
    }
    recurs[i0 >>> WORD_SHIFT] = word;
  }
  return recurs;
}

/** A partition of the recurrence set: 2^16 bits, its values' low 16 bits a record. */
const PART_SHIFT = 16;
const PART_MASK = (1 << PART_SHIFT) - 1;

/** Seeds per block whose records are read ahead (prefetch.ts's idea). */
const TOUCH_BLOCK = 256;
const sink = new Int32Array(1);

/**
 * Moves the seeds that may recur (bit i of `recurs`) to the front of the
 * kept-seed columns, in generation order (the r-th recurring seed is at
 * most the r-th kept seed, whose slots are read first). Returns where each
 * document's recurring seeds start (and, last, how many there are).
 * By the set bits of each word, not a branch per seed: a quarter of the
 * seeds recur, at random, so that branch went the wrong way about once in
 * four seeds.
 */
function compactRecurring(kept: SeedColumns, docStart: Int32Array, recurs: Int32Array): Int32Array {
  const docCount = docStart.length - 1;
  const { hash, pos, rarity } = kept;
  const recurringStart = new Int32Array(docCount + 1);
  let r = 0;
  let d = 0;
  let docEnd = docCount > 0 ? docStart[1]! : 0;
  for (let w = 0; w < recurs.length; w++) {
    for (let x = recurs[w]!; x !== 0; x &= x - 1) {
      const i = (w << WORD_SHIFT) + BIT_IN_WORD - Math.clz32(x & -x);
      // Documents before seed i's (a seed lies below docStart[docCount], so d + 1 stays in range).
      while (i >= docEnd) {
        recurringStart[++d] = r;
        docEnd = docStart[d + 1]!;
      }
      hash[r] = hash[i]!;
      pos[r] = pos[i]!;
      rarity[r++] = rarity[i]!;
    }
  }
  while (d < docCount) recurringStart[++d] = r;
  return recurringStart;
}

/**
 * The `r` recurring seeds' hashes and seed indices (0..r-1), to be sorted,
 * and their generation-order records with the document, content-word and
 * token index filled in. In place (views of dead memory, see the module
 * comment) when four ints per recurring seed fit the kept-seed columns.
 */
function recurringRecords(
  docs: readonly { contentTok: Int32Array }[],
  kept: SeedColumns,
  recurringStart: Int32Array,
  bits: Int32Array,
  r: number,
): { hash: Uint32Array; rec: Int32Array; seedIndex: Int32Array; inPlace: boolean } {
  const seedHash = kept.hash;
  const seedPos = kept.pos;
  const inPlace = REC_INTS * r <= seedHash.length && REC_INTS * r <= seedPos.length && r <= bits.length;
  let hash = seedHash.subarray(0, r);
  if (inPlace) {
    // The hashes move to the dead recurrence buffer before the records overwrite them.
    const moved = new Uint32Array(bits.buffer, bits.byteOffset, r);
    moved.set(hash);
    hash = moved;
  }
  const rec = inPlace ? new Int32Array(seedHash.buffer, seedHash.byteOffset, REC_INTS * r) : new Int32Array(REC_INTS * r);
  for (let d = 0; d < docs.length; d++) {
    const ct = docs[d]!.contentTok;
    const y1 = recurringStart[d + 1]!;
    for (let y = recurringStart[d]!; y < y1; y++) {
      const pos = seedPos[y]!;
      const at = REC_INTS * y;
      rec[at + REC_END] = d;
      rec[at + REC_CONTENT] = pos;
      rec[at + REC_TOKEN] = ct[pos]!;
    }
  }
  const seedIndex = inPlace && 2 * r <= bits.length ? bits.subarray(r, 2 * r) : new Int32Array(r);
  for (let x = 0; x < r; x++) seedIndex[x] = x;
  return { hash, rec, seedIndex, inPlace };
}

/**
 * Bucket members in sorted order (`hash` sorted, `seedIndex` carried), and
 * for each recurring seed the sorted range of the later occurrences it
 * pairs with: empty for the last of a bucket, and for a lone seed that
 * only seemed to recur. The generation-order records are read at random
 * (by seed index), each block's first in a tight loop (as in markRecurrence).
 */
function fillBuckets(hash: Uint32Array, seedIndex: Int32Array, rec: Int32Array, sorted: Int32Array, r: number, options: ReuseOptions): void {
  const allPairsMax = options.seedAllPairsMax;
  const fanout = options.seedPairFanout;
  let touched = 0;
  for (let g0 = 0; g0 < r; ) {
    if (g0 >= touched) {
      touched = Math.min(r, g0 + TOUCH_BLOCK);
      touchRecords(seedIndex, rec, g0, touched);
    }
    const h = hash[g0]!;
    let g1 = g0 + 1;
    while (g1 < r && hash[g1] === h) g1++;
    const size = g1 - g0;
    for (let x = g0; x < g1; x++) {
      const at = REC_INTS * seedIndex[x]!;
      const end = size > allPairsMax ? Math.min(g1, x + 1 + fanout) : g1;
      const to = SORTED_INTS * x;
      // The record's first slot holds the document until here, then the end of its range.
      sorted[to + SORTED_DOC] = rec[at + REC_END]!;
      sorted[to + SORTED_CONTENT] = rec[at + REC_CONTENT]!;
      sorted[to + SORTED_TOKEN] = rec[at + REC_TOKEN]!;
      sorted[to + SORTED_END] = end;
      rec[at + REC_END] = end;
      rec[at + REC_SORTED] = x;
    }
    g0 = g1;
  }
}

/** Reads the generation-order records of sorted seeds [x0, x1), so that their cache misses overlap. */
function touchRecords(seedIndex: Int32Array, rec: Int32Array, x0: number, x1: number): void {
  let v = 0;
  for (let x = x0; x < x1; x++) v ^= rec[REC_INTS * seedIndex[x]!]!;
  sink[0] = v;
}
