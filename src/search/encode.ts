/**
 * The search index's encoder: the shared scanner (src/text) turned into index
 * terms, so the index, the query and the marks agree on what a word is.
 * Latin words become light stems with stopwords dropped; a run of Han
 * characters becomes its overlapping bigrams, so a word inside the run is
 * found ("空间" in "网络空间治理"). FlexSearch calls this for documents and
 * queries alike (its `encode` option), replacing its own tokenizer.
 */
import { normalizeWord, scanTokens, stem, isStopword, TokenKind, Vocabulary } from '../text/index.ts';
import { internTokens, TokenColumns } from '../text/intern.ts';
import type { Range } from './types.ts';

/** Surface → index term ('' for a stopword). Bounded so a huge vocabulary cannot grow it forever. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The index term for one token as written, or '' when it is not indexed (a stopword). */
export function termOf(surface: string, kind: TokenKind): string {
  if (kind === TokenKind.Han) return normalizeWord(surface);
  let term = cache.get(surface);
  if (term === undefined) {
    const norm = normalizeWord(surface);
    term = isStopword(norm) ? '' : stem(norm);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(surface, term);
  }
  return term;
}

/** Index terms of a text, in order of first occurrence, each once. */
export function encodeForIndex(text: string): string[] {
  const seen = new Set<string>();
  scanTokens(text, {
    push(start, end, kind) {
      const term = termOf(text.slice(start, end), kind);
      if (term !== '') seen.add(term);
    },
  });
  return [...seen];
}

/**
 * Index terms of a whole corpus, a paragraph at a time, for the index build:
 * one interning scan per document (src/text/intern.ts: each token hashed as
 * it is walked, a string cut only for a surface not seen before), each
 * distinct surface's stopword test and stem computed once (the Vocabulary),
 * and a paragraph's terms deduplicated by stamping term ids instead of a Set.
 * The terms are exactly encodeForIndex's for the same paragraph, in the same
 * order (the order FlexSearch scores positions by).
 */
export class UnitEncoder {
  readonly #vocab = new Vocabulary();
  readonly #tokens = new TokenColumns();
  /** Per term (stem id): 1 + the last unit it was listed for. */
  #stamp = new Int32Array(4096);
  #unit = 0;

  /**
   * Calls `add` with the terms of each non-empty range of `text` (sorted,
   * non-overlapping, no token across a boundary: paragraphsOf's ranges), and
   * the range itself. Units are numbered across calls.
   */
  encodeUnits(text: string, ranges: readonly Range[], add: (terms: string[], start: number, end: number) => void): void {
    const vocab = this.#vocab;
    const cols = this.#tokens;
    cols.length = 0;
    internTokens(text, vocab, cols);
    if (this.#stamp.length < vocab.stems.length) {
      const bigger = new Int32Array(Math.max(this.#stamp.length * 2, vocab.stems.length));
      bigger.set(this.#stamp);
      this.#stamp = bigger;
    }
    const stamp = this.#stamp;
    const starts = cols.start;
    const types = cols.type;
    const length = cols.length;
    const { content, stemOf, stems } = vocab;
    let t = 0;
    for (const r of ranges) {
      if (r.end <= r.start) continue;
      const mark = ++this.#unit;
      const terms: string[] = [];
      for (; t < length && starts[t]! < r.end; t++) {
        const ty = types[t]!;
        if (!content[ty]) continue;
        const s = stemOf[ty]!;
        if (stamp[s] === mark) continue;
        stamp[s] = mark;
        terms.push(stems[s]!);
      }
      add(terms, r.start, r.end);
    }
  }
}
