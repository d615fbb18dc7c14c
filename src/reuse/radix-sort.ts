/**
 * Stable LSD radix sorts of unsigned 32-bit keys: linear time, no
 * comparator calls. Used for the seed buckets (hash order), the
 * stock-phrase count's fallback and the family nodes.
 */
import { uint32Column } from './dead-memory.ts';

/** `radixOrder` sorts by 8-bit digits: 256 counters stay in cache. */
const ORDER_DIGIT_BITS = 8;
export const ORDER_DIGITS = 1 << ORDER_DIGIT_BITS;
const ORDER_DIGIT_MASK = ORDER_DIGITS - 1;
/** `radixSortPairs` sorts by 11-bit digits: three passes over 32 bits. */
const PAIR_DIGIT_BITS = 11;
const PAIR_DIGITS = 1 << PAIR_DIGIT_BITS;
const PAIR_DIGIT_MASK = PAIR_DIGITS - 1;
const KEY_BITS = 32;

/**
 * Returns the permutation of 0..count-1 that orders `keys[0, count)`.
 * `order`, if given, is the starting permutation (for multi-key sorts, sort
 * by the minor key first). A pass whose digit never varies is skipped, and
 * digits above the keys' highest bit are not even counted: one read of the
 * keys in order finds it, where counting a digit reads them through the
 * permutation (the late stages' keys, token and document indices, use two
 * of the four digits).
 */
export function radixOrder(keys: Uint32Array | Int32Array, count: number, order?: Uint32Array): Uint32Array {
  let bits = 0;
  for (let i = 0; i < count; i++) bits |= keys[i]!;
  return radixPasses(keys, count, order ?? identity(count), uint32Column(count), new Uint32Array(ORDER_DIGITS), bits >>> 0);
}

/**
 * `radixOrder`'s passes in the caller's buffers: reorders the permutation
 * `order[0, count)` by `keys`, moving it between `order` and `scratch`
 * (each at least `count` long; `counts` ORDER_DIGITS long), and returns
 * the one that holds the result. Only the digits below `maxKey`'s highest
 * bit are passed over (all four by default).
 */
export function radixPasses(keys: Uint32Array | Int32Array, count: number, order: Uint32Array, scratch: Uint32Array, counts: Uint32Array, maxKey = 0xffffffff): Uint32Array {
  let src = order;
  let dst = scratch;
  for (let shift = 0; shift < KEY_BITS && maxKey >>> shift > 0; shift += ORDER_DIGIT_BITS) {
    counts.fill(0);
    for (let i = 0; i < count; i++) counts[(keys[src[i]!]! >>> shift) & ORDER_DIGIT_MASK]!++;
    if (!toOffsets(counts, count)) continue;
    for (let i = 0; i < count; i++) {
      const idx = src[i]!;
      dst[counts[(keys[idx]! >>> shift) & ORDER_DIGIT_MASK]!++] = idx;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

function identity(count: number): Uint32Array {
  const out = uint32Column(count);
  for (let i = 0; i < count; i++) out[i] = i;
  return out;
}

/**
 * Turns digit counts into each digit's first slot; false when one digit
 * holds all `count` keys (the pass would not move anything).
 */
export function toOffsets(counts: Uint32Array, count: number): boolean {
  let sum = 0;
  let varies = true;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b]!;
    if (c === count) varies = false;
    counts[b] = sum;
    sum += c;
  }
  return varies;
}

/**
 * Sorts `keys[0, n)` carrying `vals` along, in place: passes that read
 * sequentially (unlike `radixOrder`, which reads keys through the
 * permutation). `scratchKeys` and `scratchVals`, if given and at least `n`
 * long, are used (and overwritten) instead of two fresh arrays.
 */
export function radixSortPairs(keys: Uint32Array, vals: Int32Array, n: number, scratchKeys?: Uint32Array, scratchVals?: Int32Array): void {
  if (n < 2) return;
  let k0: Uint32Array = keys;
  let v0: Int32Array = vals;
  let k1: Uint32Array = scratchKeys && scratchKeys.length >= n ? scratchKeys : new Uint32Array(n);
  let v1: Int32Array = scratchVals && scratchVals.length >= n ? scratchVals : new Int32Array(n);
  const counts = new Uint32Array(PAIR_DIGITS);
  let inScratch = false;
  for (let shift = 0; shift < KEY_BITS; shift += PAIR_DIGIT_BITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(k0[i]! >>> shift) & PAIR_DIGIT_MASK]!++;
    if (!toOffsets(counts, n)) continue;
    for (let i = 0; i < n; i++) {
      const k = k0[i]!;
      const at = counts[(k >>> shift) & PAIR_DIGIT_MASK]!++;
      k1[at] = k;
      v1[at] = v0[i]!;
    }
    const tk = k0;
    k0 = k1;
    k1 = tk;
    const tv = v0;
    v0 = v1;
    v1 = tv;
    inScratch = !inScratch;
  }
  if (inScratch) {
    keys.set(k0.subarray(0, n));
    vals.set(v0.subarray(0, n));
  }
}
