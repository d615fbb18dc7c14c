/**
 * Where a parsed query matches in a piece of text, as offsets computed with
 * the shared tokenizer: a token whose stem is a query term, or a run of
 * consecutive tokens whose stems are a phrase's. This is what every mark is
 * built from; FlexSearch only says which paragraphs to look in.
 */
import { BIGRAM_SCRIPT, tokenize, type Token } from '../text/index.ts';
import type { ParsedQuery, Range } from './types.ts';

export interface MatchResult {
  /** Sorted, non-overlapping (overlapping Han bigrams are merged). */
  ranges: Range[];
  /** Every term and phrase of the query occurs at least once. */
  complete: boolean;
}

/** Start indices of `stems` as a consecutive run in `tokens`. */
function phraseStarts(tokens: readonly Token[], stems: readonly string[]): number[] {
  const out: number[] = [];
  const n = stems.length;
  outer: for (let i = 0; i + n <= tokens.length; i++) {
    for (let k = 0; k < n; k++) if (tokens[i + k]!.stem !== stems[k]) continue outer;
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

/** Matches of `query` in `text` (offsets relative to `text`), from its tokens if already computed. */
export function findMatches(text: string, query: ParsedQuery, tokens: readonly Token[] = tokenize(text)): MatchResult {
  const ranges: Range[] = [];
  let complete = true;
  if (query.terms.length) {
    const wanted = new Set(query.terms);
    const seen = new Set<string>();
    for (const t of tokens) {
      if (wanted.has(t.stem) && (t.isContent || BIGRAM_SCRIPT.test(t.text[0]!))) {
        ranges.push({ start: t.start, end: t.end });
        seen.add(t.stem);
      }
    }
    if (seen.size < wanted.size) complete = false;
  }
  for (const phrase of query.phrases) {
    const starts = phraseStarts(tokens, phrase.stems);
    if (!starts.length) complete = false;
    for (const i of starts) ranges.push({ start: tokens[i]!.start, end: tokens[i + phrase.stems.length - 1]!.end });
  }
  return { ranges: mergeRanges(ranges), complete };
}

/**
 * Occurrences of a single term or phrase (a concordance query): each
 * occurrence separately, not merged, so overlapping phrase repeats all count.
 */
export function findOccurrences(text: string, query: ParsedQuery, tokens: readonly Token[] = tokenize(text)): Range[] {
  const out: Range[] = [];
  for (const term of query.terms) {
    for (const t of tokens) if (t.stem === term) out.push({ start: t.start, end: t.end });
  }
  for (const phrase of query.phrases) {
    for (const i of phraseStarts(tokens, phrase.stems)) out.push({ start: tokens[i]!.start, end: tokens[i + phrase.stems.length - 1]!.end });
  }
  return out.sort((a, b) => a.start - b.start);
}
