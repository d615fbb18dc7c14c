/**
 * Interning of token surfaces into integer types, with each type's matching
 * form, stem and content flag computed once (in a batch, when first read).
 * Hot loops then compare ints.
 * Stem hashes are computed from the stem string, so they do not depend on the
 * order in which documents were seen.
 *
 * Surfaces live in an open-addressing table keyed by their FNV-1a hash over
 * UTF-16 code units, so a scanner that hashes as it walks (intern.ts) can
 * look a token up without cutting a substring: a string is made only for
 * each distinct surface. Stems are found by the same hash (which they need
 * anyway): a Map keyed by the new stem string hashed it again on get and on
 * set, and its entries missed the cache between two new types.
 */
import type { Language } from './function-words.ts';
import { normalizeWord } from './normalize.ts';
import { isStopword } from './stopwords.ts';
import { stem } from './stem.ts';
import { classAt, HAN, TokenKind } from './scan.ts';

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * A slot of the surface table, two ints side by side: the surface hash and
 * the type id + 1 (0: empty slot). Slot s starts at s << SLOT_SHIFT. The
 * surface's place and length in the pool are the type's (`#poolStart`), not
 * the slot's: a type's code units are compared only when its hash matches,
 * and 8-byte slots halve the table the look-ups read at random (1M words:
 * 512 KB, not 1 MB; prepareDocs alone ≈ 0.95 of its time at 8M, alike at 1M).
 */
const SLOT_HASH = 0;
const SLOT_TYPE = 1;
const SLOT_SHIFT = 1;
const INITIAL_SLOTS = 4096;

/**
 * An empty array whose elements are already of the kind that holds
 * strings. A new `[]` holds small integers, so the first push of a
 * string changed its elements kind, and the optimised code of `#add` (made
 * for the other kind by the previous call's arrays) was thrown away at the
 * first word of every call ("not a Smi" in --trace-deopt).
 */
function emptyObjectArray<T>(): T[] {
  const a: unknown[] = [null];
  a.length = 0;
  return a as T[];
}

export class Vocabulary {
  /** Stems by their FNV-1a hash: (hash, stem id + 1) per slot, open addressing, at most half full. */
  #stemSlots = new Int32Array(INITIAL_SLOTS * 2);
  #stemMask = INITIAL_SLOTS - 1;
  #mask = INITIAL_SLOTS - 1;
  /** The surface table (SLOT_*), at most half full. */
  #slots = new Int32Array(INITIAL_SLOTS << SLOT_SHIFT);
  /**
   * Code units of every type's surface, back to back (compared without
   * strings): a byte each while every surface is Latin-1 (below U+0100),
   * widened to 16 bits at the first that is not. Half the bytes: a look-up's
   * compare misses the cache less (1M words, 25.7K types: a 200 KB pool, not
   * 400 KB; prepareDocs alone ≈ 0.96 of its time at 1M, ≈ 0.90 at 8M).
   */
  #pool: Uint8Array | Uint16Array = new Uint8Array(1 << 16);
  #poolLength = 0;
  /** Per type t, where its code units start in the pool; they end where type t + 1's start (an entry more than the types). */
  #poolStart = new Int32Array(INITIAL_SLOTS);
  /** Per type. */
  readonly surface: string[] = emptyObjectArray<string>();
  /** Per type, its TokenKind (read when the type is settled: `#settle`). */
  #kind = new Uint8Array(INITIAL_SLOTS);
  /** Per settled type, its matching form (the types settled are `#norm.length`). */
  readonly #norm: string[] = emptyObjectArray<string>();
  /**
   * Per type, its stem id and content flag, in typed columns grown by
   * doubling. Plain arrays grown by push past 16K elements reallocate in
   * V8's large-object space, on fresh pages each time (13–20 µs a page
   * fault on this machine); typed arrays come back from the allocator call
   * after call. Tokenising the 1M-word bench corpus: 502 → 274 faults.
   */
  #stemOf = new Int32Array(INITIAL_SLOTS);
  #content = new Uint8Array(INITIAL_SLOTS);
  /** Per stem. */
  readonly #stems: string[] = emptyObjectArray<string>();
  /**
   * Per stem, its FNV-1a hash as a signed int, in a typed array grown by
   * doubling: a plain array of 32-bit hashes turned from small-integer to
   * double elements at the first hash above 2^30, which threw away the
   * optimised code of `#add` at the first word of every call.
   */
  #stemHash = new Int32Array(INITIAL_SLOTS);

  /** Per language, per type: its key in a text in that language (`keyIn`), once computed. */
  readonly #keys = new Map<Language | null, string[]>();

  /** Per type, its matching form (`normalizeWord`). */
  get norm(): readonly string[] {
    this.#settle();
    return this.#norm;
  }

  /** Per stem, its key. */
  get stems(): readonly string[] {
    this.#settle();
    return this.#stems;
  }

  /** Per stem, its FNV-1a hash (as a signed int). */
  get stemHash(): Int32Array {
    this.#settle();
    return this.#stemHash.subarray(0, this.#stems.length);
  }

  /** Per type, its stem id: a view of the types interned so far (take it after interning). */
  get stemOf(): Int32Array {
    this.#settle();
    return this.#stemOf.subarray(0, this.#norm.length);
  }

  /** Per type, 1 for a content word (not a stopword; every Han type), else 0: a view as `stemOf`. */
  get content(): Uint8Array {
    this.#settle();
    return this.#content.subarray(0, this.#norm.length);
  }

  get size(): number {
    return this.surface.length;
  }

  /** The type id of a surface string (as written in the text). */
  typeOf(surface: string, kind: TokenKind): number {
    return this.intern(surface, 0, surface.length, kind, fnv1aRange(surface, 0, surface.length));
  }

  /**
   * The type id of `text[start, end)` if it has been interned, else -1 (the
   * small, inlinable probe of the hot loop; `hash` as for `intern`).
   */
  lookup(text: string, start: number, end: number, hash: number): number {
    const h = hash | 0;
    const len = end - start;
    const mask = this.#mask;
    const slots = this.#slots;
    let slot = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const at = slot << SLOT_SHIFT;
      const t = slots[at + SLOT_TYPE]!;
      if (t === 0) return -1;
      if (slots[at + SLOT_HASH] === h && this.#poolStart[t]! - this.#poolStart[t - 1]! === len) {
        const pool = this.#pool;
        const off = this.#poolStart[t - 1]! - start;
        let k = start;
        while (k < end && pool[off + k] === text.charCodeAt(k)) k++;
        if (k === end) return t - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** `lookup` of a word of an ASCII text, whose code units are `units` (intern.ts). */
  lookupAscii(units: Uint8Array, start: number, end: number, hash: number): number {
    const h = hash | 0;
    const len = end - start;
    const mask = this.#mask;
    const slots = this.#slots;
    let slot = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const at = slot << SLOT_SHIFT;
      const t = slots[at + SLOT_TYPE]!;
      if (t === 0) return -1;
      if (slots[at + SLOT_HASH] === h && this.#poolStart[t]! - this.#poolStart[t - 1]! === len) {
        const pool = this.#pool;
        const off = this.#poolStart[t - 1]! - start;
        let k = start;
        while (k < end && pool[off + k] === units[k]) k++;
        if (k === end) return t - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * The type id of `text[start, end)`, whose FNV-1a hash (`fnv1aRange`, as a
   * signed or unsigned 32-bit int) the caller has computed.
   */
  intern(text: string, start: number, end: number, kind: TokenKind, hash: number): number {
    const found = this.lookup(text, start, end, hash);
    return found >= 0 ? found : this.insert(text, start, end, kind, hash);
  }

  /** Adds `text[start, end)`, known not to be interned yet (`lookup` gave -1); returns its type id. */
  insert(text: string, start: number, end: number, kind: TokenKind, hash: number): number {
    // It goes in the first empty slot of its probe sequence.
    const h = hash | 0;
    const mask = this.#mask;
    const slots = this.#slots;
    let slot = (h ^ (h >>> 16)) & mask;
    while (slots[(slot << SLOT_SHIFT) + SLOT_TYPE] !== 0) slot = (slot + 1) & mask;
    const id = this.#add(text.slice(start, end), kind);
    this.#store(id, text, start, end);
    const at = slot << SLOT_SHIFT;
    slots[at + SLOT_HASH] = h;
    slots[at + SLOT_TYPE] = id + 1;
    if ((id + 1) * 2 > mask) this.#rehash();
    return id;
  }

  /**
   * Type `t`'s key in a text in `language` as `keyOf` gives it (stem-language.ts's
   * `wordKeyIn`: English's light stemmer, a Snowball stemmer, or the matching
   * form; passed in, so that what only interns does not bundle the
   * stemmers), a Han bigram's its matching form in every language; computed
   * once per (language, type).
   */
  keyIn(t: number, language: Language | null, keyOf: (surface: string, language: Language | null) => string): string {
    let keys = this.#keys.get(language);
    if (!keys) this.#keys.set(language, (keys = []));
    let key = keys[t];
    if (key === undefined) {
      const surface = this.surface[t]!;
      keys[t] = key = classAt(surface, 0) === HAN ? this.norm[t]! : keyOf(surface, language);
    }
    return key;
  }

  /**
   * Makes `keys[t]` the stem of every type t, the stem ids given anew in
   * type order (how the engine keys words by their documents' languages:
   * reuse/stem-classes.ts). Types interned afterwards are stemmed as English.
   */
  rekey(keys: readonly string[]): void {
    this.#settle();
    this.#stems.length = 0;
    this.#stemSlots.fill(0);
    for (let t = 0; t < this.#norm.length; t++) this.#stemOf[t] = this.#stemId(keys[t]!);
  }

  #add(surface: string, kind: TokenKind): number {
    const id = this.surface.length;
    if (id === this.#kind.length) this.#kind = doubled(this.#kind);
    this.#kind[id] = kind;
    this.surface.push(surface);
    return id;
  }

  /**
   * Works out the matching form, stem and content flag of every type
   * interned since the last call, in type order (so stem ids come out as if
   * each type were stemmed when met). Called by the readers of per-type
   * facts, so the scan only records surfaces: stemming each new type in the
   * scan cost ≈ 30 ms of a 1M-word call's interning (25.7K types), as the
   * scan's surface table and the stem table evicted each other's cache lines
   * (the stem look-ups alone ≈ 13 ms there, ≈ 3 ms in a batch); prepareDocs
   * alone 0.87 of its time at 1M.
   */
  #settle(): void {
    const types = this.surface.length;
    if (this.#norm.length === types) return;
    if (this.#stemOf.length < types) {
      this.#stemOf = grown(this.#stemOf, types);
      this.#content = grown(this.#content, types);
    }
    for (let t = this.#norm.length; t < types; t++) {
      const norm = normalizeWord(this.surface[t]!);
      const isHan = this.#kind[t] === TokenKind.Han;
      this.#stemOf[t] = this.#stemId(isHan ? norm : stem(norm));
      this.#content[t] = isHan || !isStopword(norm) ? 1 : 0;
      this.#norm.push(norm);
    }
  }

  /** The id of stem `key`, added if new. */
  #stemId(key: string): number {
    const h = fnv1a(key) | 0;
    const mask = this.#stemMask;
    const slots = this.#stemSlots;
    let slot = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const id = slots[2 * slot + 1]! - 1;
      if (id < 0) break;
      if (slots[2 * slot] === h && this.#stems[id] === key) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.#stems.length;
    this.#stems.push(key);
    if (id === this.#stemHash.length) this.#stemHash = doubled(this.#stemHash);
    this.#stemHash[id] = h;
    slots[2 * slot] = h;
    slots[2 * slot + 1] = id + 1;
    if ((id + 1) * 2 > mask) this.#growStems();
    return id;
  }

  #growStems(): void {
    const mask = this.#stemMask * 2 + 1;
    const slots = new Int32Array((mask + 1) * 2);
    const old = this.#stemSlots;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      const h = old[at]!;
      let slot = (h ^ (h >>> 16)) & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = h;
      slots[2 * slot + 1] = old[at + 1]!;
    }
    this.#stemMask = mask;
    this.#stemSlots = slots;
  }

  /** Copies type `id`'s surface's code units to the pool, after those of type id - 1. */
  #store(id: number, text: string, start: number, end: number): void {
    const len = end - start;
    if (this.#pool instanceof Uint8Array && !isLatin1(text, start, end)) this.#pool = Uint16Array.from(this.#pool);
    if (this.#poolLength + len > this.#pool.length) {
      const size = Math.max(this.#pool.length * 2, this.#poolLength + len);
      const bigger = this.#pool instanceof Uint8Array ? new Uint8Array(size) : new Uint16Array(size);
      bigger.set(this.#pool);
      this.#pool = bigger;
    }
    const pool = this.#pool;
    const off = this.#poolLength;
    let w = off;
    for (let i = start; i < end; i++) pool[w++] = text.charCodeAt(i);
    this.#poolLength = w;
    if (id + 1 === this.#poolStart.length) this.#poolStart = doubled(this.#poolStart);
    this.#poolStart[id + 1] = w;
  }

  #rehash(): void {
    const size = (this.#mask + 1) * 2;
    const mask = size - 1;
    const slots = new Int32Array(size << SLOT_SHIFT);
    const old = this.#slots;
    for (let at = 0; at < old.length; at += 1 << SLOT_SHIFT) {
      if (old[at + SLOT_TYPE] === 0) continue;
      const h = old[at + SLOT_HASH]!;
      let slot = (h ^ (h >>> 16)) & mask;
      while (slots[(slot << SLOT_SHIFT) + SLOT_TYPE] !== 0) slot = (slot + 1) & mask;
      const to = slot << SLOT_SHIFT;
      slots[to + SLOT_HASH] = h;
      slots[to + SLOT_TYPE] = old[at + SLOT_TYPE]!;
    }
    this.#mask = mask;
    this.#slots = slots;
  }
}

/** A copy of `a` in an array twice its length. */
function doubled<T extends Int32Array | Uint8Array>(a: T): T {
  return grown(a, a.length + 1);
}

/** A copy of `a` in an array of at least `n` elements, doubled until it holds them. */
function grown<T extends Int32Array | Uint8Array>(a: T, n: number): T {
  let size = 2 * a.length;
  while (size < n) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** Whether every code unit of `s[start, end)` is below U+0100. */
function isLatin1(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

/** 32-bit FNV-1a over the UTF-16 code units of `s[start, end)`, unsigned. */
export function fnv1aRange(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a(s: string): number {
  return fnv1aRange(s, 0, s.length);
}
