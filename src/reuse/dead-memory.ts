/**
 * Dead memory lent to the later stages of one call, for speed only. The
 * seeds' buckets (records in the kept-seed columns) are read no more once
 * the candidates are aligned, nor the content-word list once the stars
 * are; the later stages' larger typed columns are carved from those
 * buffers, zeroed, instead of being allocated.
 *
 * Why: a large typed array is fresh memory (glibc maps it, or grows the
 * heap it trimmed when earlier buffers were freed), and each 4 KB page of
 * it costs a page fault at its first write (≈ 8–10 µs on the bench's VM,
 * system time). At 8M words the later stages allocated ≈ 62 MB of such
 * columns (the members' columns five times over, radix orders, formula
 * occurrences, covered runs, sentence breaks), while ≈ 62 MB of written,
 * dead pages stayed mapped. The first 8M-word call after 1M-word calls
 * (as in the bench) faulted 56.9–63.3K pages before, 50.3–54.6K after
 * (seven processes each), with ≈ 60 ms less system time. A carved column
 * is zeroed by `fill`, over pages faulted already.
 *
 * Bump allocation: nothing is given back before the call ends, and a
 * column that does not fit is allocated as before. Only each lent view's
 * own bytes are used (pages the earlier stages wrote; a buffer's unused
 * tail was never faulted). Nothing is kept between calls: detectReuse
 * calls `endDeadMemory` when it returns or throws. A carved column must
 * not reach the result (it would hold the whole buffer alive).
 */

/** Columns under this many bytes are allocated as before: glibc serves them from memory freed earlier, seldom fresh. */
const MIN_BYTES = 1 << 16;

let buffers: ArrayBuffer[] = [];
/** Per lent range, its first free byte and its end. */
let free: number[] = [];
let end: number[] = [];
/** Where the last `take` found room. */
let takenBuffer: ArrayBuffer | null = null;
let takenAt = 0;

/**
 * Lends the memory under `views` (each view's own bytes: pages the earlier
 * stages wrote, so faulted already; a buffer's unused tail is not) for the
 * rest of this call: nothing may read those views again.
 */
export function lendDeadMemory(views: readonly ArrayBufferView[]): void {
  for (const v of views) {
    if (v.byteLength < MIN_BYTES) continue;
    buffers.push(v.buffer as ArrayBuffer);
    free.push((v.byteOffset + 7) & ~7);
    end.push(v.byteOffset + v.byteLength);
  }
}

/** Drops every lent buffer (at the end of each call). */
export function endDeadMemory(): void {
  buffers = [];
  free = [];
  end = [];
  takenBuffer = null;
}

/** Room for `bytes` in a lent range (first fit, 8-byte aligned) into takenBuffer / takenAt; false if none. */
function take(bytes: number): boolean {
  for (let i = 0; i < buffers.length; i++) {
    const at = free[i]!;
    if (end[i]! - at >= bytes) {
      free[i] = at + ((bytes + 7) & ~7);
      takenBuffer = buffers[i]!;
      takenAt = at;
      return true;
    }
  }
  return false;
}

/** A zeroed Int32Array of `n`, in dead memory when there is room. */
export function int32Column(n: number): Int32Array<ArrayBuffer> {
  if (4 * n >= MIN_BYTES && take(4 * n)) return new Int32Array(takenBuffer!, takenAt, n).fill(0);
  return new Int32Array(n);
}

/** A zeroed Uint32Array of `n`, in dead memory when there is room. */
export function uint32Column(n: number): Uint32Array<ArrayBuffer> {
  if (4 * n >= MIN_BYTES && take(4 * n)) return new Uint32Array(takenBuffer!, takenAt, n).fill(0);
  return new Uint32Array(n);
}
