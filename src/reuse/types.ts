import type { DocDate } from '../corpus/types.ts';

export interface ReuseInput {
  id: string;
  text: string;
  date?: DocDate | null;
  outlet?: string | null;
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
  /** Most common wording. */
  label: string;
  /** Sorted by document order (date, then id), then start. */
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
