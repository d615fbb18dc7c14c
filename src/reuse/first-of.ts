/**
 * The first value given with each int key: an open-addressing table of
 * the keys (any 32 bits) and their first values + 1 (0: empty), at most
 * half full, grown by doubling. For keys met again and again (a frequent
 * phrase's pair hashes, a family member's token hash) it stays small and
 * in the cache, where a Map of as many keys grows in the heap and a sort
 * of every key writes back at random. A slot's key and value sit side by
 * side in one array (slot s at 2s, 2s + 1), so a probe reads one cache
 * line: in two arrays, a probe of a large table (8M words: 109K family
 * members' token hashes) missed the cache twice.
 */
import { int32Column } from './dead-memory.ts';
export class FirstOf {
  #slots = new Int32Array(2 * FIRST_OF_SLOTS);
  /** 32 - log2(slots): a key's slot is the top bits of its multiplicative hash. */
  #shift = 32 - Math.log2(FIRST_OF_SLOTS);
  #size = 0;

  /** The first value given with `key`: `value` (a non-negative int) if none was. */
  of(key: number, value: number): number {
    const slots = this.#slots;
    const mask = slots.length - 2;
    let at = (Math.imul(key, 0x9e3779b1) >>> this.#shift) << 1;
    for (;;) {
      const v = slots[at + 1]!;
      if (v === 0) break;
      if (slots[at] === (key | 0)) return v - 1;
      at = (at + 2) & mask;
    }
    slots[at] = key;
    slots[at + 1] = value + 1;
    if (++this.#size * 4 > slots.length) this.#grow();
    return value;
  }

  /** The first value given with `key`, or -1 if none was. */
  get(key: number): number {
    const slots = this.#slots;
    const mask = slots.length - 2;
    let at = (Math.imul(key, 0x9e3779b1) >>> this.#shift) << 1;
    for (;;) {
      const v = slots[at + 1]!;
      if (v === 0 || slots[at] === (key | 0)) return v - 1;
      at = (at + 2) & mask;
    }
  }

  #grow(): void {
    const old = this.#slots;
    const slots = int32Column(old.length * 2);
    const mask = slots.length - 2;
    this.#shift--;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let at = (Math.imul(old[s]!, 0x9e3779b1) >>> this.#shift) << 1;
      while (slots[at + 1] !== 0) at = (at + 2) & mask;
      slots[at] = old[s]!;
      slots[at + 1] = old[s + 1]!;
    }
    this.#slots = slots;
  }
}

/** Slots of a new table. */
const FIRST_OF_SLOTS = 4096;
