/**
 * Buckets: the kept seeds grouped by hash, so each seed meets the other
 * occurrences of its pair. Most kept seeds occur once and make no hit: a
 * bit set indexed by hash bits finds those that may recur (another seed
 * sets their bit); only they are compacted, given records and radix-sorted
 * by hash.
 * A seed pairs with the later occurrences in its bucket: all of them in a
 * small bucket, the next `seedPairFanout` in a large one.
 *
 * Memory: nothing corpus-sized is allocated here when the kept-seed
 * columns have their usual room. The recurring seeds are compacted in
 * place, their hashes and seed indices move to the dead bit sets, their
 * records go to the dead kept-seed hash column, the sort's scratch and the
 * sorted records to the dead position column. (Each burst of fresh
 * ArrayBuffer memory costs V8 a mark-compact at 8M words.)
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
 * The "seen" bit set: 8 bits per expected seed, a power of two from 2^16
 * to 2^30 bits. A seed may recur when another seed sets its bit (the same
 * hash, or a false "again": two hashes on one bit, which only costs a sort
 * slot). Its buffer is twice the set: the recurring seeds' hashes and
 * indices move into it afterwards (`recurringRecords`), and its second
 * half is touched only then.
 */
const BITS_PER_SEED = 8;
const MIN_BITS = 1 << 16;
const MAX_BITS = 1 << 30;
/** Bits per Int32 word, and the shift from a bit to its word. */
const WORD_SHIFT = 5;
const BIT_IN_WORD = 31;
/** A seed that may recur: bit 7 of its rarity class (at most 2 × 31) while the seeds are compacted. */
const RECURS = 0x80;

/** The bit set for `seedCapacity` seeds (the first half of the buffer, see above), zeroed. */
export function recurrenceBits(seedCapacity: number): Int32Array {
  let bits = MIN_BITS;
  while (bits < seedCapacity * BITS_PER_SEED && bits < MAX_BITS) bits *= 2;
  return new Int32Array(2 * (bits >>> WORD_SHIFT));
}

/**
 * Buckets of the kept seeds (`kept`; document d's are [docStart[d],
 * docStart[d + 1])); `bits` from `recurrenceBits`. Reuses the kept-seed
 * columns and the bit sets: they are dead afterwards.
 */
export function bucketSeeds(docs: readonly { contentTok: Int32Array }[], kept: SeedColumns, docStart: Int32Array, bits: Int32Array, options: ReuseOptions): Buckets {
  markRecurrence(kept.hash, kept.rarity, kept.length, bits.subarray(0, bits.length >>> 1));
  const recurringStart = compactRecurring(kept, docStart);
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
 * Marks RECURS in `rarity` for each seed whose bit another seed sets: a
 * seed whose bit an earlier seed set (forward pass), or a later one (the
 * same pass backward, on a cleared set). These are exactly the seeds an
 * "again" bit set beside "seen" would find (two seeds on one bit), with one
 * bit set instead of two: half the memory read at random (at 8M words
 * 8 MB instead of 16 MB, which left the cache: 4.73M seeds marked and
 * read back in ≈ 320 → 85 ms in a micro-benchmark), and the flags land in
 * seed order, so the compaction reads them in order instead of at random.
 * Without branches on the bits read: a branch on a cache miss that goes
 * the wrong way stalls the next seeds' reads until the miss is served.
 * Each block of TOUCH_BLOCK seeds first reads its words in a tight loop
 * (prefetch.ts's idea): at 8M words the set (8 MB) misses the cache and
 * the TLB, and the short loop keeps more misses in flight.
 */
export function markRecurrence(hash: Uint32Array, rarity: Uint8Array, n: number, bits: Int32Array): void {
  const bitMask = (bits.length << WORD_SHIFT) - 1;
  for (let i0 = 0; i0 < n; i0 += TOUCH_BLOCK) {
    const i1 = Math.min(n, i0 + TOUCH_BLOCK);
    touchBits(hash, bits, bitMask, i0, i1);
    markBlock(hash, rarity, bits, bitMask, i0, i1, 1);
  }
  bits.fill(0);
  for (let i1 = n; i1 > 0; i1 -= TOUCH_BLOCK) {
    const i0 = Math.max(0, i1 - TOUCH_BLOCK);
    touchBits(hash, bits, bitMask, i0, i1);
    markBlock(hash, rarity, bits, bitMask, i1 - 1, i0 - 1, -1);
  }
}

/** Marks RECURS on seeds `from` … `to` (exclusive), stepping by `step`, whose hash's bit is already set; sets each one's bit. */
function markBlock(hash: Uint32Array, rarity: Uint8Array, bits: Int32Array, bitMask: number, from: number, to: number, step: 1 | -1): void {
  for (let i = from; i !== to; i += step) {
    const b = hash[i]! & bitMask;
    const w = b >>> WORD_SHIFT;
    const sh = b & BIT_IN_WORD;
    const sw = bits[w]!;
    rarity[i] = rarity[i]! | (((sw >>> sh) & 1) * RECURS);
    bits[w] = sw | (1 << sh);
  }
}

/** Seeds per block whose bit-set words (or records) are read ahead (prefetch.ts's idea). */
const TOUCH_BLOCK = 256;
const sink = new Int32Array(1);

/** Reads the bit-set words of seeds [i0, i1), so that their cache misses overlap. */
function touchBits(hash: Uint32Array, bits: Int32Array, bitMask: number, i0: number, i1: number): void {
  // Xor, not a sum: a sum of bit-set words overflows int32 (and V8 then deoptimises).
  let x = 0;
  for (let i = i0; i < i1; i++) x ^= bits[(hash[i]! & bitMask) >>> WORD_SHIFT]!;
  sink[0] = x;
}

/**
 * Moves the seeds marked RECURS to the front of the kept-seed columns, in
 * generation order (the r-th recurring seed is at most the r-th kept seed,
 * whose slots are read first), their rarity without the mark. Returns
 * where each document's recurring seeds start (and, last, how many there
 * are).
 */
function compactRecurring(kept: SeedColumns, docStart: Int32Array): Int32Array {
  const docCount = docStart.length - 1;
  const { hash, pos, rarity } = kept;
  const recurringStart = new Int32Array(docCount + 1);
  let r = 0;
  for (let d = 0; d < docCount; d++) {
    const i1 = docStart[d + 1]!;
    for (let i = docStart[d]!; i < i1; i++) {
      const ra = rarity[i]!;
      if ((ra & RECURS) !== 0) {
        hash[r] = hash[i]!;
        pos[r] = pos[i]!;
        rarity[r++] = ra & ~RECURS;
      }
    }
    recurringStart[d + 1] = r;
  }
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
    // The hashes move to the dead bit sets before the records overwrite them.
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
