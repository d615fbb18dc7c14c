/**
 * Interning of token surfaces into integer types, with each type's matching
 * form, stem and content flag computed once. Hot loops then compare ints.
 * Stem hashes are computed from the stem string, so they do not depend on the
 * order in which documents were seen.
 */
import { normalizeWord } from './normalize.ts';
import { isStopword } from './stopwords.ts';
import { stem } from './stem.ts';
import { TokenKind } from './scan.ts';

export class Vocabulary {
  readonly #types = new Map<string, number>();
  readonly #stems = new Map<string, number>();
  /** Per type. */
  readonly norm: string[] = [];
  readonly stemOf: number[] = [];
  readonly content: boolean[] = [];
  /** Per stem. */
  readonly stems: string[] = [];
  readonly stemHash: number[] = [];

  get size(): number {
    return this.norm.length;
  }

  /** The type id of a surface string (as written in the text). */
  typeOf(surface: string, kind: TokenKind): number {
    let id = this.#types.get(surface);
    if (id === undefined) {
      id = this.norm.length;
      this.#types.set(surface, id);
      const norm = normalizeWord(surface);
      const isHan = kind === TokenKind.Han;
      const key = isHan ? norm : stem(norm);
      let s = this.#stems.get(key);
      if (s === undefined) {
        s = this.stems.length;
        this.#stems.set(key, s);
        this.stems.push(key);
        this.stemHash.push(fnv1a(key));
      }
      this.norm.push(norm);
      this.stemOf.push(s);
      this.content.push(isHan || !isStopword(norm));
    }
    return id;
  }
}

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
