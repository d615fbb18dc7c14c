/**
 * Text anchors for highlights, after Hypothesis: a selection is remembered as
 * its quote, some context either side and its old position, so that it can be
 * found again when the cleaned text changes (a cleaner fix, a re-captured
 * article). What cannot be found with confidence is reported as orphaned and
 * kept with its quote: it is never placed on the wrong text.
 *
 * Strategy, cheapest first:
 *  1. every exact occurrence of the quote, scored by how much of the prefix and
 *     suffix still surrounds it, ties broken by nearness to the old position
 *     (the old position itself is just the nearest candidate);
 *  2. for quotes of MIN_FUZZY_QUOTE to MAX_FUZZY_QUOTE characters, an approximate search
 *     (Sellers' edit-distance search with Ukkonen's cut-off, so O(k·n) on
 *     average) allowing MAX_ERROR_RATE edits, accepted only when similarity
 *     and context together reach FUZZY_MIN_CONFIDENCE.
 * Offsets are UTF-16 indices into the cleaned text, as everywhere else.
 */

export interface Anchor {
  quote: string;
  prefix: string;
  suffix: string;
  /** Where the quote was when the anchor was made. */
  start: number;
  end: number;
}

export type Anchored = { start: number; end: number; confidence: number } | { orphaned: true };

/** Characters of context kept either side of a quote. */
export const CONTEXT_LENGTH = 32;
/** Longer quotes are only found exactly (the fuzzy search is O(quote · text)). */
export const MAX_FUZZY_QUOTE = 256;
/**
 * Shorter quotes are only found exactly: one edit in "cat sat" is another
 * statement ("car sat"), not a re-worded one.
 */
export const MIN_FUZZY_QUOTE = 16;
/** Most edits tolerated in a fuzzy match, as a fraction of the quote's length. */
export const MAX_ERROR_RATE = 0.2;
/** Below this an exact but context-less repeated quote is orphaned. */
export const MIN_CONFIDENCE = 0.5;
/** A fuzzy match needs similarity × context support at least this high. */
export const FUZZY_MIN_CONFIDENCE = 0.65;
/** Stop collecting exact occurrences after this many (a highlighted "the"). */
const MAX_CANDIDATES = 10_000;

export function describeRange(text: string, start: number, end: number): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describeRange: invalid range ${start}-${end} in a text of length ${text.length}`);
  }
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/** Fraction (0–1) of the stored context that still surrounds [start, end). */
function contextScore(text: string, start: number, end: number, a: Anchor): number {
  let p = 0;
  while (p < a.prefix.length && start - 1 - p >= 0 && text[start - 1 - p] === a.prefix[a.prefix.length - 1 - p]) p++;
  let s = 0;
  while (s < a.suffix.length && end + s < text.length && text[end + s] === a.suffix[s]) s++;
  const total = a.prefix.length + a.suffix.length;
  // No stored context (the quote was the whole text): context is no evidence either way.
  if (total === 0) return 1;
  // A side that was at the text's edge and still is counts as matching.
  const pScore = a.prefix.length === 0 ? (start === 0 ? 1 : 0) : p / a.prefix.length;
  const sScore = a.suffix.length === 0 ? (end === text.length ? 1 : 0) : s / a.suffix.length;
  return (pScore + sScore) / 2;
}

interface Candidate {
  start: number;
  end: number;
  context: number;
  distance: number;
}

/** Best by context, then by nearness to the old position. */
function best(cands: Candidate[]): { top: Candidate; runnerUp: Candidate | undefined } | undefined {
  const sorted = [...cands].sort((x, y) => y.context - x.context || x.distance - y.distance);
  const top = sorted[0];
  return top ? { top, runnerUp: sorted[1] } : undefined;
}

function exactCandidates(text: string, a: Anchor): Candidate[] {
  const out: Candidate[] = [];
  let i = text.indexOf(a.quote);
  while (i !== -1 && out.length < MAX_CANDIDATES) {
    const end = i + a.quote.length;
    out.push({ start: i, end, context: contextScore(text, i, end, a), distance: Math.abs(i - a.start) });
    i = text.indexOf(a.quote, i + 1);
  }
  return out;
}

/**
 * Approximate search: every end position in `text` where some substring is
 * within `k` edits of `pattern`, with the substring's start and the distance.
 * Keeps only the matches of least distance.
 */
function fuzzySearch(text: string, pattern: string, k: number): { start: number; end: number; errors: number }[] {
  const m = pattern.length;
  // cost[i]: edits to match pattern[0..i) ending at the current text position; from[i]: where that match starts.
  let cost = new Int32Array(m + 1);
  let from = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextFrom = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) cost[i] = i;
  let lastActive = Math.min(k, m); // deepest row whose cost can still be ≤ k
  let bestErrors = k + 1;
  let found: { start: number; end: number; errors: number }[] = [];
  for (let j = 0; j < text.length; j++) {
    const c = text[j];
    nextCost[0] = 0;
    nextFrom[0] = j + 1;
    const limit = Math.min(m, lastActive + 1);
    for (let i = 1; i <= limit; i++) {
      // Diagonal: match or substitute; up: skip a pattern char; left: skip a text char.
      let v = cost[i - 1]! + (pattern[i - 1] === c ? 0 : 1);
      let f = i - 1 === 0 ? j : from[i - 1]!;
      const up = nextCost[i - 1]! + 1;
      if (up < v) {
        v = up;
        f = nextFrom[i - 1]!;
      }
      const left = i <= lastActive ? cost[i]! + 1 : k + 1;
      if (left < v) {
        v = left;
        f = from[i]!;
      }
      nextCost[i] = v;
      nextFrom[i] = f;
    }
    for (let i = limit + 1; i <= m; i++) nextCost[i] = k + 1;
    lastActive = limit;
    while (lastActive > 0 && nextCost[lastActive]! > k) lastActive--;
    if (lastActive === m) {
      const e = nextCost[m]!;
      if (e < bestErrors) {
        bestErrors = e;
        found = [];
      }
      if (e === bestErrors) found.push({ start: nextFrom[m]!, end: j + 1, errors: e });
    }
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
  }
  return found;
}

export function anchor(text: string, a: Anchor): Anchored {
  if (a.quote.length === 0) return { orphaned: true };

  const exact = best(exactCandidates(text, a));
  if (exact) {
    const { top, runnerUp } = exact;
    // Unique, or clearly better supported by context than any other copy.
    const distinct = !runnerUp || top.context - runnerUp.context >= 0.1;
    const confidence = distinct ? 0.7 + 0.3 * top.context : 0.4 + 0.6 * top.context;
    if (confidence >= MIN_CONFIDENCE) return { start: top.start, end: top.end, confidence: round(confidence) };
    return { orphaned: true };
  }

  if (a.quote.length > MAX_FUZZY_QUOTE || a.quote.length < MIN_FUZZY_QUOTE) return { orphaned: true };
  const k = Math.floor(a.quote.length * MAX_ERROR_RATE);
  if (k === 0) return { orphaned: true };
  const matches = fuzzySearch(text, a.quote, k);
  const first = matches[0];
  if (!first) return { orphaned: true };
  const similarity = 1 - first.errors / a.quote.length;
  const fuzzy = best(
    matches.map((m) => ({ start: m.start, end: m.end, context: contextScore(text, m.start, m.end, a), distance: Math.abs(m.start - a.start) })),
  );
  if (!fuzzy) return { orphaned: true };
  const { top, runnerUp } = fuzzy;
  const distinct = !runnerUp || top.context - runnerUp.context >= 0.1;
  const confidence = similarity * (0.5 + 0.5 * top.context) * (distinct ? 1 : 0.9);
  if (confidence >= FUZZY_MIN_CONFIDENCE) return { start: top.start, end: top.end, confidence: round(confidence) };
  return { orphaned: true };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
