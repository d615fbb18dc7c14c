/**
 * "Why these matched", summarised: the pairs of versions the engine aligned,
 * strongest first, repeats inside one document apart, and how likely each
 * is by chance in plain words when the engine says (a passage's
 * `significance`: the expected number of alignments at least as good by
 * chance in a corpus this size; older results have none, and the score
 * stands in).
 */
import type { Passage } from '../../reuse/types.ts';

/** The expected number of chance alignments this good, when the engine gives it. */
export function chanceOf(p: Passage): number | null {
  const s = (p as Passage & { significance?: unknown }).significance;
  if (typeof s === 'number' && Number.isFinite(s) && s >= 0) return s;
  if (s && typeof s === 'object') {
    for (const k of ['expected', 'evalue', 'eValue'] as const) {
      const v = (s as Record<string, unknown>)[k];
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
    }
  }
  return null;
}

/** Two significant digits, with thousands separated: 41,873 → "42,000". */
const round2 = (n: number) => Number(n.toPrecision(2)).toLocaleString('en');

/** "expected by chance: about 1 in 42,000", in words a student reads at once. */
export function chanceText(expected: number): string {
  if (expected < 1e-9) return 'expected by chance: less than 1 in a billion';
  if (expected < 1) return `expected by chance: about 1 in ${round2(1 / expected)}`;
  return `could be chance: about ${round2(expected)} such matches expected in a corpus this size`;
}

/** A repeat inside one document (the engine's `scope`, or both sides in one document). */
export function isInternal(p: Passage): boolean {
  const scope = (p as Passage & { scope?: unknown }).scope;
  return scope === 'internal' || (scope === undefined && p.a.doc === p.b.doc);
}

/** Strongest first: least likely by chance when the engine says, else highest score. */
export function strongestFirst(passages: readonly Passage[]): Passage[] {
  return [...passages].sort((x, y) => {
    const [cx, cy] = [chanceOf(x), chanceOf(y)];
    if (cx !== null && cy !== null && cx !== cy) return cx - cy;
    return y.score - x.score || y.words - x.words;
  });
}

export interface MatchSummary {
  between: Passage[];
  internal: Passage[];
}

export function summarizeMatches(passages: readonly Passage[]): MatchSummary {
  return { between: strongestFirst(passages.filter((p) => !isInternal(p))), internal: strongestFirst(passages.filter(isInternal)) };
}
