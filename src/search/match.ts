/**
 * Where a parsed query matches in a piece of text, as offsets computed with
 * the shared tokenizer: a token whose key in the text's language is a query
 * term, or a run of consecutive tokens whose keys are a phrase's. This is
 * what every mark is built from; FlexSearch only says which paragraphs to
 * look in. Keys and function words are the index's (encode.ts), so a mark is
 * on every word the index found the paragraph by.
 */
import type { Language } from '../text/function-words.ts';
import { tokenize, type Token } from '../text/index.ts';
import { isIndexed, kindOf, wordKey } from './encode.ts';
import type { ParsedQuery, QueryForms, Range } from './types.ts';

/** Tokens' keys in `language`, and whether each is indexed there (English: the tokenizer's own stems and stopwords). */
function keysIn(tokens: readonly Token[], language: Language | null): { keys: string[]; indexed: boolean[] } {
  if (language === 'en') return { keys: tokens.map((t) => t.stem), indexed: tokens.map((t) => t.isContent) };
  const keys: string[] = [];
  const indexed: boolean[] = [];
  for (const t of tokens) {
    const kind = kindOf(t.text);
    keys.push(wordKey(t.text, kind, language));
    indexed.push(isIndexed(t.norm, kind, language));
  }
  return { keys, indexed };
}

/** The query in `language`'s keys; none when the query was not read in it. */
const formsIn = (query: ParsedQuery, language: Language | null): QueryForms | undefined => query.forms.find((f) => f.language === language);

export interface MatchResult {
  /** Sorted, non-overlapping (overlapping Han bigrams are merged). */
  ranges: Range[];
  /** Every term and phrase of the query occurs at least once. */
  complete: boolean;
}

/** Start indices of `phrase` as a consecutive run in `keys`. */
function phraseStarts(keys: readonly string[], phrase: readonly string[]): number[] {
  const out: number[] = [];
  const n = phrase.length;
  outer: for (let i = 0; i + n <= keys.length; i++) {
    for (let k = 0; k < n; k++) if (keys[i + k] !== phrase[k]) continue outer;
    out.push(i);
  }
  return out;
}

/** Merges overlapping or touching-by-overlap ranges (sorted input not required). */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** Matches of `query` in `text`, a text in `language` (offsets relative to `text`), from its tokens if already computed. */
export function findMatches(text: string, query: ParsedQuery, language: Language | null = 'en', tokens: readonly Token[] = tokenize(text)): MatchResult {
  const forms = formsIn(query, language);
  if (!forms) return { ranges: [], complete: false };
  const { keys, indexed } = keysIn(tokens, language);
  const ranges: Range[] = [];
  let complete = true;
  if (forms.terms.length) {
    const wanted = new Set(forms.terms);
    const seen = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const key = keys[i]!;
      if (indexed[i] && wanted.has(key)) {
        ranges.push({ start: tokens[i]!.start, end: tokens[i]!.end });
        seen.add(key);
      }
    }
    if (seen.size < wanted.size) complete = false;
  }
  for (const phrase of forms.phrases) {
    if (!phrase.length) continue; // only function words in this language: not searched here
    const starts = phraseStarts(keys, phrase);
    if (!starts.length) complete = false;
    for (const i of starts) ranges.push({ start: tokens[i]!.start, end: tokens[i + phrase.length - 1]!.end });
  }
  return { ranges: mergeRanges(ranges), complete };
}

/**
 * Occurrences of a single term or phrase (a concordance query) in a text in
 * `language`: each occurrence separately, not merged, so overlapping phrase
 * repeats all count.
 */
export function findOccurrences(text: string, query: ParsedQuery, language: Language | null = 'en', tokens: readonly Token[] = tokenize(text)): Range[] {
  const forms = formsIn(query, language);
  if (!forms) return [];
  const { keys } = keysIn(tokens, language);
  const out: Range[] = [];
  for (const term of forms.terms) {
    for (let i = 0; i < tokens.length; i++) if (keys[i] === term) out.push({ start: tokens[i]!.start, end: tokens[i]!.end });
  }
  for (const phrase of forms.phrases) {
    if (!phrase.length) continue;
    for (const i of phraseStarts(keys, phrase)) out.push({ start: tokens[i]!.start, end: tokens[i + phrase.length - 1]!.end });
  }
  return out.sort((a, b) => a.start - b.start);
}
