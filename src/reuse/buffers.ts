/** Growable typed columns: the engine's hot loops append without allocating per item. */

type Column = Int32Array | Uint32Array | Uint8Array | Float64Array;

/** Fewest slots a grown column gets. */
const MIN_CAPACITY = 16;

/** `current` doubled until it holds `need`. */
export function grownCapacity(current: number, need: number): number {
  let n = Math.max(MIN_CAPACITY, current * 2);
  while (n < need) n *= 2;
  return n;
}

/** A new array of the same type with `n` slots, holding a copy of `a[0, length)`. */
export function resized<T extends Column>(a: T, n: number, length: number): T {
  const b = new (a.constructor as new (size: number) => T)(n);
  (b as Column).set(a.subarray(0, length));
  return b;
}
