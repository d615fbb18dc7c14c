/**
 * The search index's encoder: the shared scanner (src/text) turned into index
 * terms, so the index, the query and the marks agree on what a word is.
 * Latin words become their keys in the document's language
 * (src/text/stem-language.ts: stems, or exact forms in a language without a
 * stemmer), its function words dropped (function-words.ts); a run of Han
 * characters becomes its overlapping bigrams, so a word inside the run is
 * found ("空间" in "网络空间治理"). The engine hands FlexSearch the terms of
 * paragraphs and queries already encoded.
 */
import { type Language, LanguageCounter, isFunctionWord, wordLanguages } from '../text/function-words.ts';
import { normalizeWord, scanTokens, isStopword, TokenKind, Vocabulary } from '../text/index.ts';
import { internTokens, TokenColumns } from '../text/intern.ts';
import { classAt, HAN } from '../text/scan.ts';
import { foldCase } from '../text/normalize.ts';
import { wordKeyIn } from '../text/stem-language.ts';
import { documentLanguage } from '../text/language.ts';
import type { Range } from './types.ts';

/** Per language, surface → key, and surface → index term ('' for a function word). Bounded so a huge vocabulary cannot grow them forever. */
const keyCaches = new Map<Language | null, Map<string, string>>();
const termCaches = new Map<Language | null, Map<string, string>>();
const CACHE_LIMIT = 200_000;

function cached(caches: Map<Language | null, Map<string, string>>, language: Language | null, surface: string, make: (surface: string, language: Language | null) => string): string {
  let cache = caches.get(language);
  if (!cache) caches.set(language, (cache = new Map()));
  let value = cache.get(surface);
  if (value === undefined) {
    value = make(surface, language);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(surface, value);
  }
  return value;
}

/** A word's key in a language (Han: its bigram), function word or not: what phrases compare. */
export function wordKey(surface: string, kind: TokenKind, language: Language | null): string {
  if (kind === TokenKind.Han) return normalizeWord(surface);
  return cached(keyCaches, language, surface, wordKeyIn);
}

/** Whether a word is indexed in a language: Han bigrams always, other words unless a function word of it. */
export function isIndexed(norm: string, kind: TokenKind, language: Language | null): boolean {
  if (kind === TokenKind.Han || language === null) return true;
  return language === 'en' ? !isStopword(norm) : !isFunctionWord(norm, language);
}

/** The kind the scanner gives a token with this surface. */
export const kindOf = (surface: string): TokenKind => (classAt(surface, 0) === HAN ? TokenKind.Han : TokenKind.Word);

/** A word's index term ('' for a function word), uncached. */
const wordTerm = (surface: string, language: Language | null): string =>
  isIndexed(normalizeWord(surface), TokenKind.Word, language) ? wordKey(surface, TokenKind.Word, language) : '';

/** The index term for one token as written in a text in `language`, or '' when it is not indexed (a function word). */
export function termOf(surface: string, kind: TokenKind, language: Language | null = 'en'): string {
  if (kind === TokenKind.Han) return normalizeWord(surface);
  return cached(termCaches, language, surface, wordTerm);
}

/** Index terms of a text in `language`, in order of first occurrence, each once. */
export function encodeForIndex(text: string, language: Language | null = 'en'): string[] {
  const seen = new Set<string>();
  scanTokens(text, {
    push(start, end, kind) {
      const term = termOf(text.slice(start, end), kind, language);
      if (term !== '') seen.add(term);
    },
  });
  return [...seen];
}

/** `a` in an array at least `n` long (doubled), zero-filled past its end. */
function atLeast<T extends Int32Array>(a: T, n: number): T {
  if (a.length >= n) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(a.length * 2, n));
  b.set(a);
  return b;
}

/**
 * Index terms of a whole corpus, a paragraph at a time, for the index build:
 * one interning scan per document (src/text/intern.ts: each token hashed as
 * it is walked, a string cut only for a surface not seen before), the
 * document's language from its words' function words (src/text/language.ts), each distinct
 * surface's function-word test and key computed once per language, and a
 * paragraph's terms deduplicated by stamping term ids instead of a Set.
 * The terms are exactly encodeForIndex's for the same paragraph in the same
 * language, in the same order (the order FlexSearch scores positions by), so
 * an English corpus is indexed as it always was.
 */
export class UnitEncoder {
  readonly #vocab = new Vocabulary();
  readonly #tokens = new TokenColumns();
  readonly #counter = new LanguageCounter();
  /** Per type, its function-word bits (function-words.ts); the first `#marked` types are filled. */
  #counted = new Int32Array(4096);
  #marked = 0;
  /** Per language, per type: its term id + 1, -1 when not indexed, 0 not keyed yet. */
  readonly #typeTerm = new Map<Language | null, Int32Array>();
  /** Terms by id, ids by term, and 1 + the last unit each was listed for. */
  readonly #terms: string[] = [];
  readonly #termIds = new Map<string, number>();
  #termStamp = new Int32Array(4096);
  /** Per stemmed language other than English: an accentless form → the key of the form with accents it stands for. */
  readonly #accented = new Map<Language, Map<string, string>>();
  #unit = 0;

  /**
   * Calls `add` with the terms of each non-empty range of `text` (sorted,
   * non-overlapping, no token across a boundary: paragraphsOf's ranges), and
   * the range itself. Units are numbered across calls. `declared` is the
   * document's declared language (metadata), if any. Returns the language
   * the document was encoded in (src/text/language.ts).
   */
  encodeUnits(text: string, ranges: readonly Range[], add: (terms: string[], start: number, end: number) => void, declared: string | null = null): Language | null {
    const vocab = this.#vocab;
    const cols = this.#tokens;
    cols.length = 0;
    internTokens(text, vocab, cols);
    const types = cols.type;
    const length = cols.length;
    const language = this.#language(types, length, declared);
    this.#encodeIn(language, ranges, add);
    return language;
  }

  /**
   * Per language, the keys that accentless forms stand for in its documents,
   * where they differ from the key of the form as typed: a query "presentee"
   * finds "présentée" (key "present", where "presentee" alone would be
   * "presente"). The engine keeps this and lets the encoder go.
   */
  get accented(): ReadonlyMap<Language, ReadonlyMap<string, string>> {
    return this.#accented;
  }

  #language(types: Int32Array, length: number, declared: string | null): Language | null {
    const vocab = this.#vocab;
    if (this.#marked < vocab.size) {
      this.#counted = atLeast(this.#counted, vocab.size);
      for (let ty = this.#marked; ty < vocab.size; ty++) this.#counted[ty] = wordLanguages(vocab.norm[ty]!).function;
      this.#marked = vocab.size;
    }
    const marker = this.#counted;
    const counter = this.#counter;
    counter.reset();
    for (let t = 0; t < length; t++) {
      const m = marker[types[t]!]!;
      if (m !== 0) counter.add(m);
    }
    return documentLanguage(counter, length, declared);
  }

  #encodeIn(language: Language | null, ranges: readonly Range[], add: (terms: string[], start: number, end: number) => void): void {
    const vocab = this.#vocab;
    const cols = this.#tokens;
    let table = this.#typeTerm.get(language) ?? new Int32Array(4096);
    table = atLeast(table, vocab.size);
    this.#typeTerm.set(language, table);
    const starts = cols.start;
    const types = cols.type;
    const length = cols.length;
    const termList = this.#terms;
    let t = 0;
    for (const r of ranges) {
      if (r.end <= r.start) continue;
      const mark = ++this.#unit;
      const terms: string[] = [];
      for (; t < length && starts[t]! < r.end; t++) {
        const ty = types[t]!;
        let id = table[ty]!;
        if (id === 0) id = table[ty] = this.#keyType(ty, language);
        if (id < 0) continue;
        const stamp = this.#termStamp;
        if (stamp[id - 1] === mark) continue;
        stamp[id - 1] = mark;
        terms.push(termList[id - 1]!);
      }
      add(terms, r.start, r.end);
    }
  }

  /**
   * Type `ty`'s term id + 1 in `language`, or -1 when it is not indexed
   * there. English takes the Vocabulary's stem and stopword flag (the same
   * stemmer and list: no second stemming); the rest are keyed here, not
   * through the module caches, which would keep a corpus's vocabulary after
   * the build.
   */
  #keyType(ty: number, language: Language | null): number {
    const vocab = this.#vocab;
    let term: string;
    if (language === 'en') {
      if (!vocab.content[ty]) return -1;
      term = vocab.stems[vocab.stemOf[ty]!]!;
    } else {
      const surface = vocab.surface[ty]!;
      const kind = kindOf(surface);
      const norm = vocab.norm[ty]!;
      if (!isIndexed(norm, kind, language)) return -1;
      term = kind === TokenKind.Han ? norm : wordKeyIn(surface, language);
      if (language !== null && kind === TokenKind.Word && foldCase(surface) !== norm) this.#noteAccented(norm, term, language);
    }
    let id = this.#termIds.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      this.#terms.push(term);
      this.#termIds.set(term, id);
      this.#termStamp = atLeast(this.#termStamp, id + 1);
    }
    return id + 1;
  }

  /** A word written with accents: what its accentless form `norm` stands for, where their keys differ. */
  #noteAccented(norm: string, term: string, language: Language): void {
    let accented = this.#accented.get(language);
    if (!accented) this.#accented.set(language, (accented = new Map()));
    if (!accented.has(norm) && wordKeyIn(norm, language) !== term) accented.set(norm, term);
  }
}
