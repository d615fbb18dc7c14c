/**
 * "Why these matched", summarised: the pairs of versions the engine aligned,
 * strongest first (least likely by chance: the passage's `expectedByChance`;
 * the score where another tool's passages carry none), and repeats inside
 * one document (`scope: 'internal'`) apart.
 */
import type { Passage } from '../../reuse/types.ts';

/** Least likely by chance first; unmeasured after measured, then by score. */
export function strongestFirst(passages: readonly Passage[]): Passage[] {
  const chance = (p: Passage) => p.expectedByChance ?? Infinity;
  return [...passages].sort((x, y) => chance(x) - chance(y) || y.score - x.score || y.words - x.words);
}

export interface MatchSummary {
  between: Passage[];
  internal: Passage[];
}

export function summarizeMatches(passages: readonly Passage[]): MatchSummary {
  return {
    between: strongestFirst(passages.filter((p) => p.scope !== 'internal')),
    internal: strongestFirst(passages.filter((p) => p.scope === 'internal')),
  };
}
