/**
 * Shapes the search, concordance and trends modules speak, across the worker
 * boundary (plain data: structured-clone safe). Offsets are UTF-16 indices into
 * a document's cleaned text, end exclusive, unless a field says otherwise.
 */
import type { DocDate } from '../corpus/types.ts';
import type { Language } from '../text/function-words.ts';

export interface Range {
  start: number;
  end: number;
}

/** What the search modules need of a document (a structural subset of AnalysisDoc). */
export interface SearchDoc {
  id: string;
  title: string | null;
  outlet: string | null;
  date: DocDate | null;
  /** The language its metadata declares ("de", "pt-BR"), if any: a hint when its words do not tell (src/text/language.ts). */
  language?: string | null;
  text: string;
}

/** A phrase: consecutive tokens (function words included, so "rule of law" ≠ "rule and law"). */
export interface Phrase {
  /** As the user wrote it (for messages). */
  text: string;
}

/**
 * The query in the word keys of one language (src/text/stem-language.ts):
 * a document is matched with the query in its own language, so a corpus in
 * several languages is searched in each of them.
 */
export interface QueryForms {
  /** null: a language without a stemmer or function words here (exact forms). */
  language: Language | null;
  /** Single content words' keys, each required. */
  terms: string[];
  /** Per phrase of ParsedQuery.phrases, its tokens' keys; a phrase whose words are all function words here is left out ([]). */
  phrases: string[][];
  /** What FlexSearch is asked: the indexed words' keys (empty: nothing to look up in this language). */
  indexTerms: string[];
}

export interface ParsedQuery {
  /** Phrases, each required. A run of Han characters is a phrase of its bigrams. */
  phrases: Phrase[];
  /** Per language of the corpus, the query in its keys (one entry for a corpus in one language). */
  forms: QueryForms[];
  /** Things the reader should know (an unclosed quote, ignored common words). */
  notices: string[];
  /** Set when nothing can be searched; the message says why and what to do. */
  error: string | null;
}

/** A piece of text to show, with the ranges to mark, relative to `text`. */
export interface MarkedSnippet {
  text: string;
  marks: Range[];
  /** Text was cut before / after. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface SearchHit {
  /** Doc offsets of the paragraph the hit is in. */
  unit: Range;
  /** Doc offsets of the first run of marked words, for the reader link. */
  first: Range;
  /** Marks in this paragraph. */
  count: number;
  snippet: MarkedSnippet;
}

export interface SearchDocResult {
  id: string;
  title: string | null;
  outlet: string | null;
  date: DocDate | null;
  hits: SearchHit[];
  /** Total marked matches in the document's matching paragraphs. */
  matches: number;
}

export interface SearchFilters {
  outlet?: string;
  /** A year, or 'undated'. */
  year?: string;
}

export interface SearchResponse {
  query: ParsedQuery;
  docs: SearchDocResult[];
  /** Matching paragraphs in all (the page may show fewer). */
  totalHits: number;
  totalDocs: number;
  /** Some results are not shown because of the display limit. */
  truncated: boolean;
  ms: number;
}

/** One occurrence of a term or phrase in a document. */
export interface Occurrence {
  doc: string;
  start: number;
  end: number;
}

export interface KwicLine {
  doc: string;
  title: string | null;
  outlet: string | null;
  date: DocDate | null;
  start: number;
  end: number;
  left: string;
  keyword: string;
  right: string;
}

export interface KwicResponse {
  query: ParsedQuery;
  lines: KwicLine[];
  /** Occurrences found in all (lines may be capped). */
  total: number;
  truncated: boolean;
}
