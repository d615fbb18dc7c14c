/**
 * The shapes every other module speaks. Offsets are UTF-16 indices; `text`
 * offsets index the cleaned reading text, `original` offsets the file as read.
 */

/** How much of a date the source actually gives. Never invent a finer one. */
export type DatePrecision = 'day' | 'month' | 'year';

export interface DocDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, matching `precision`. */
  value: string;
  precision: DatePrecision;
  /** The source only lets us estimate it ("about 2020"). */
  approximate: boolean;
}

/** Per-document instructions for the cleaner, where its heuristics cannot decide. */
export interface CleanOverrides {
  /** Exact lines (trimmed) to remove as furniture although no rule caught them. */
  removeLines?: string[];
  /** Exact lines (trimmed) to keep although a rule would remove them. */
  keepLines?: string[];
}

export interface DocMeta {
  id: string;
  /** null: the capture has no headline. */
  title: string | null;
  /** null: the outlet is not named. */
  outlet: string | null;
  /** null: no author is named. */
  author: string | null;
  /** null: undated. */
  date: DocDate | null;
  /** BCP 47 tag, e.g. `en`, `zh`. */
  language: string;
  /** Where the text came from and what can be trusted of it. */
  provenance: string;
  /** The file it was read from, for messages. */
  source: string;
  clean?: CleanOverrides;
}

/** One removal or repair made by the cleaner, kept so the reader can inspect it. */
export interface Edit {
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** What stands in the cleaned text instead ('' for a removal). */
  replacement: string;
  /** Machine name of the rule, e.g. `furniture`, `duplicate-body`. */
  rule: string;
  /** Human explanation shown in the reader. */
  reason: string;
}

/**
 * A stretch of the original that its file's reader left out before
 * cleaning, with why (a web page's navigation, footer, comments…): the
 * cleaner reads the original without it, the reader's Original shows it
 * struck through.
 */
export interface LeftOut {
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  reason: string;
}

export interface CleanResult {
  text: string;
  /** Sorted by `start`, non-overlapping. */
  edits: Edit[];
}

export interface CorpusDocument {
  meta: DocMeta;
  original: string;
  text: string;
  edits: Edit[];
  wordCount: number;
}

export interface Corpus {
  /** Stable hash of the documents' ids, metadata and texts: keys stored state. */
  id: string;
  name: string;
  documents: CorpusDocument[];
}
