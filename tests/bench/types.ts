/**
 * The shapes the bench speaks: the engine's input and spans, and the parts of
 * its passages and families the evaluator reads (so the naive stand-in
 * baseline can be scored by the same code).
 */
import type { ReuseInput, Span } from '../../src/reuse/types.ts';

export type { ReuseInput, Span };

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
