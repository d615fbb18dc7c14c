/**
 * Records as typed columns: a hundred thousand result records cost a few
 * megabytes this way, not a hundred thousand objects.
 */
export class Columns<K extends string> {
  length = 0;
  #cols: Record<K, Int32Array>;
  readonly #names: readonly K[];

  constructor(names: readonly K[]) {
    this.#names = names;
    this.#cols = {} as Record<K, Int32Array>;
    for (const n of names) this.#cols[n] = new Int32Array(1024);
  }

  /** Appends one row; every column must be given (ints, or uint32 hashes stored as their int bits). */
  push(row: Record<K, number>): number {
    const cap = this.#cols[this.#names[0]!].length;
    if (this.length === cap) {
      for (const name of this.#names) {
        const bigger = new Int32Array(cap * 2);
        bigger.set(this.#cols[name]);
        this.#cols[name] = bigger;
      }
    }
    for (const name of this.#names) this.#cols[name][this.length] = row[name];
    return this.length++;
  }

  col(name: K): Int32Array {
    return this.#cols[name];
  }
}
