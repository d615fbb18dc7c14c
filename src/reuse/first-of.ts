/**
 * The first value given with each int key: an open-addressing table of
 * the keys (any 32 bits) and their first values + 1 (0: empty), at most
 * half full, grown by doubling. For keys met again and again (a frequent
 * phrase's pair hashes, a family member's token hash) it stays small and
 * in the cache, where a Map of as many keys grows in the heap and a sort
 * of every key writes back at random.
 */
export class FirstOf {
  #key = new Int32Array(FIRST_OF_SLOTS);
  #value = new Int32Array(FIRST_OF_SLOTS);
  /** 32 - log2(slots): a key's slot is the top bits of its multiplicative hash. */
  #shift = 32 - Math.log2(FIRST_OF_SLOTS);
  #size = 0;

  /** The first value given with `key`: `value` (a non-negative int) if none was. */
  of(key: number, value: number): number {
    const mask = this.#value.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.#shift;
    for (;;) {
      const at = this.#value[slot]!;
      if (at === 0) break;
      if (this.#key[slot] === (key | 0)) return at - 1;
      slot = (slot + 1) & mask;
    }
    this.#key[slot] = key;
    this.#value[slot] = value + 1;
    if (++this.#size * 2 > this.#value.length) this.#grow();
    return value;
  }

  /** The first value given with `key`, or -1 if none was. */
  get(key: number): number {
    const mask = this.#value.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.#shift;
    for (;;) {
      const at = this.#value[slot]!;
      if (at === 0 || this.#key[slot] === (key | 0)) return at - 1;
      slot = (slot + 1) & mask;
    }
  }

  #grow(): void {
    const key = this.#key;
    const value = this.#value;
    const mask = value.length * 2 - 1;
    this.#key = new Int32Array(value.length * 2);
    this.#value = new Int32Array(value.length * 2);
    this.#shift--;
    for (let s = 0; s < value.length; s++) {
      if (value[s] === 0) continue;
      let slot = Math.imul(key[s]!, 0x9e3779b1) >>> this.#shift;
      while (this.#value[slot] !== 0) slot = (slot + 1) & mask;
      this.#key[slot] = key[s]!;
      this.#value[slot] = value[s]!;
    }
  }
}

/** Slots of a new table. */
const FIRST_OF_SLOTS = 4096;
