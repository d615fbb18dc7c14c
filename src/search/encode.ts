/**
 * The search index's encoder: the shared scanner (src/text) turned into index
 * terms, so the index, the query and the marks agree on what a word is.
 * Latin words become light stems with stopwords dropped; a run of Han
 * characters becomes its overlapping bigrams, so a word inside the run is
 * found ("空间" in "网络空间治理"). FlexSearch calls this for documents and
 * queries alike (its `encode` option), replacing its own tokenizer.
 */
import { normalizeWord, scanTokens, stem, isStopword, TokenKind } from '../text/index.ts';

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
