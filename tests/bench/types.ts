/**
 * The shapes the bench speaks. They mirror the reuse engine's public API
 * (`src/reuse/index.ts`: ReuseInput, Span, Passage, Family) structurally, so
 * the bench type-checks whether or not the engine exists yet, and keeps
 * working if the engine adds fields.
 */
import type { DocDate } from '../../src/corpus/types.ts';

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

/** The part of an engine passage the evaluator reads. */
export interface PassageLike {
  a: Span;
  b: Span;
  score?: number;
  tier?: string;
}

/** The part of an engine family the evaluator reads. */
export interface FamilyLike {
  id: string;
  members: Span[];
}

export interface ReuseResultLike {
  passages: PassageLike[];
  families?: FamilyLike[];
}

export type DetectReuse = (docs: ReuseInput[], options?: unknown) => ReuseResultLike;

/**
 * One known shared passage and every place it occurs. Every pair of spans in
 * a group is one "planted pair" for recall. `level` is the rewording level
 * (synthetic) or the labeller's tag (real set).
 */
export interface TruthGroup {
  id: string;
  level: string;
  spans: Span[];
  /** Words in the source wording, for recall by length. */
  words?: number;
}
