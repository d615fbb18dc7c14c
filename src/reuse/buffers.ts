/** A growable Int32Array, so hot loops append without allocating per item. */
export class IntBuffer {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.#grow();
    this.data[this.length++] = value;
  }

  /** A copy trimmed to length. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }

  #grow(): void {
    const bigger = new Int32Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }
}

type Column = Int32Array | Uint32Array | Uint8Array;

/** `current` doubled until it holds `need`. */
export function grownCapacity(current: number, need: number): number {
  let n = Math.max(16, current * 2);
  while (n < need) n *= 2;
  return n;
}

/** A new array of the same type with `n` slots, holding a copy of `a[0, length)`. */
export function resized<T extends Column>(a: T, n: number, length: number): T {
  const b = new (a.constructor as new (size: number) => T)(n);
  (b as Column).set(a.subarray(0, length));
  return b;
}

/**
 * Stable LSD radix sort of `count` unsigned 32-bit keys: returns the
 * permutation of 0..count-1 that orders them. Linear time; `order`, if
 * given, is the starting permutation (for multi-key sorts, sort by the
 * minor key first).
 */
export function radixOrder(keys: Uint32Array | Int32Array, count: number, order?: Uint32Array): Uint32Array {
  let src: Uint32Array = order ?? identity(count);
  let dst: Uint32Array = new Uint32Array(count);
  // 8-bit digits: 256 buckets stay in cache; a pass whose digit never varies is skipped.
  const counts = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < count; i++) counts[(keys[src[i]!]! >>> shift) & 0xff]!++;
    let sum = 0;
    let skip = false;
    for (let b = 0; b < 256; b++) {
      const c = counts[b]!;
      if (c === count) skip = true;
      counts[b] = sum;
      sum += c;
    }
    if (skip) continue;
    for (let i = 0; i < count; i++) {
      const idx = src[i]!;
      dst[counts[(keys[idx]! >>> shift) & 0xff]!++] = idx;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

function identity(count: number): Uint32Array {
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = i;
  return out;
}

/**
 * Stable LSD radix sort of `keys[0, n)` (unsigned 32-bit) carrying `vals`
 * along, in place: three passes of 11 bits that read sequentially (unlike
 * `radixOrder`, which reads keys through the permutation). `scratchKeys`
 * and `scratchVals`, if given and at least `n` long, are used (and
 * overwritten) instead of two fresh arrays.
 */
export function radixSortPairs(keys: Uint32Array, vals: Int32Array, n: number, scratchKeys?: Uint32Array, scratchVals?: Int32Array): void {
  if (n < 2) return;
  let k0: Uint32Array = keys;
  let v0: Int32Array = vals;
  let k1: Uint32Array = scratchKeys && scratchKeys.length >= n ? scratchKeys : new Uint32Array(n);
  let v1: Int32Array = scratchVals && scratchVals.length >= n ? scratchVals : new Int32Array(n);
  const counts = new Uint32Array(2048);
  let inScratch = false;
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(k0[i]! >>> shift) & 0x7ff]!++;
    let sum = 0;
    let skip = false;
    for (let b = 0; b < 2048; b++) {
      const c = counts[b]!;
      if (c === n) skip = true;
      counts[b] = sum;
      sum += c;
    }
    if (skip) continue;
    for (let i = 0; i < n; i++) {
      const k = k0[i]!;
      const at = counts[(k >>> shift) & 0x7ff]!++;
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
