import type { DocDate } from '../corpus/types.ts';

export interface ReuseInput {
  id: string;
  text: string;
  date?: DocDate | null;
  outlet?: string | null;
  /**
   * The language the document declares (a BCP 47 tag, "fr" or "de-AT"),
   * read only where its words do not tell (text/language.ts).
   */
  language?: string | null;
}

/** UTF-16 offsets into a document's text, end exclusive. */
export interface Span {
  doc: string;
  start: number;
  end: number;
}

/**
 * One step of a passage alignment, in reading order. `a` and `b` are the
 * words as written. `match` may join two spellings of one stem
 * ("generation" / "generations"). One detection makes one object per
 * distinct step, shared by the passages that take it: read-only.
 */
export interface AlignOp {
  op: 'match' | 'sub' | 'ins' | 'del';
  a?: string;
  b?: string;
}

export interface Passage {
  /** Canonical order: `a.doc` <= `b.doc` by id; for an internal repeat, `a` comes first. */
  a: Span;
  b: Span;
  /** Alignment score (see README: content match +3, function match +1, ...). */
  score: number;
  /**
   * Expected number of alignments at least this good, by chance, in a
   * corpus of this size (an e-value, see significance.ts): 2.5e-5 reads
   * "expected by chance: 1 in 40,000" (`describeChance`). Passages expected
   * more than `maxExpectedByChance` times are not reported. Null when not
   * measured (a passage imported from another tool).
   */
  expectedByChance: number | null;
  /** 'internal': both sides in one document (a repeat inside it); 'between': two documents. */
  scope: 'between' | 'internal';
  /** 'close': ordered alignment. 'loose': order-free overlap of rare stems (not produced yet). */
  tier: 'close' | 'loose';
  /** Tokens in the longer side. */
  words: number;
  /** Content words matched. */
  contentMatches: number;
  /** Matched tokens / aligned positions, 0..1. */
  similarity: number;
  ops: AlignOp[];
}

export interface FamilyVariant {
  /** Normalised wording (matching forms joined by spaces). */
  wording: string;
  /** That wording as it stands in its earliest member's text (white space runs read as one space). */
  text: string;
  count: number;
}

export interface FamilySpread {
  /** Earliest dated member; undated members come last, so this is null only when none is dated. */
  first: { doc: string; date: string | null } | null;
  outlets: string[];
  years: string[];
}

export interface Family {
  id: string;
  /**
   * The most common wording as it stands in a member's text (its case and
   * punctuation; runs of white space read as one space); ties go to the
   * earliest dated member.
   */
  label: string;
  /**
   * The words the versions share, normalised for matching (case-folded,
   * punctuation dropped), in the order of the label's first member (the
   * earliest member with the commonest wording); "…" where its versions
   * differ.
   */
  core: string;
  /**
   * 'names': mostly proper names, dates or numbers (an event, a dateline);
   * 'framing': everything else (slogans, framing, set phrases). Framing
   * ranks first.
   */
  kind: 'framing' | 'names';
  /**
   * Repeated across one outlet's documents and hardly anywhere else (a
   * footer, a byline, navigation): kept, ranked last, left out of the
   * default list.
   */
  boilerplate: boolean;
  /** Ids of families inside this one (a frame around a slogan contains the slogan) ... */
  contains: string[];
  /** ... and of the families this one lies inside. */
  partOf: string[];
  /**
   * The occurrences: each one's core (the stretch its versions share, with
   * the varied words inside it; trimmed of function words at both ends).
   * Sorted by document order (date, then id), then start.
   */
  members: Span[];
  variants: FamilyVariant[];
  spread: FamilySpread;
  /** Distinct documents among members. */
  documents: number;
  /** Indices into the returned `passages` that link this family's members. */
  passages: number[];
}

export interface ReuseResult {
  passages: Passage[];
  families: Family[];
}
