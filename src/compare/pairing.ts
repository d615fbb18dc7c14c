/**
 * Two documents side by side: which of their passages pair up, laid out as
 * segments of each column so the UI can render text nodes, plus the overview
 * bar. Overlapping passages are resolved greedily by score so each column is
 * a clean sequence of shared and unshared stretches.
 */
import type { Passage, Span } from '../reuse/types.ts';

export interface PairedPassage {
  /** Index into the engine's passages. */
  index: number;
  /** Oriented to the comparison: `left` is in the left document. */
  left: Span;
  right: Span;
  score: number;
  similarity: number;
  /** Both sides in one document (shown only when internal repeats are on). */
  internal: boolean;
}

export interface ColumnSegment {
  start: number;
  end: number;
  /** Position in `pairs` of the passage this stretch belongs to, or null for unshared text. */
  pair: number | null;
}

export interface OverviewMark {
  pair: number;
  /** Fractions of the document length, 0..1. */
  from: number;
  to: number;
  similarity: number;
}

export interface Pairing {
  /** Shared passages first, in reading order of the left column; then repeats inside a document, when shown. */
  pairs: PairedPassage[];
  /** Passages shared between the two documents (the first `shared` of `pairs`). */
  shared: number;
  /** Repeats inside either document: shown in `pairs` when asked for, otherwise counted here only. */
  repeats: number;
  left: ColumnSegment[];
  right: ColumnSegment[];
  leftOverview: OverviewMark[];
  rightOverview: OverviewMark[];
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * A repeat inside one document rather than a passage shared by two. The
 * engine is to mark this itself (`scope`, issue #12); until it does, a
 * passage is internal when both its spans lie in one document.
 */
export function isInternal(p: Pick<Passage, 'a' | 'b'>): boolean {
  return p.a.doc === p.b.doc;
}

/** Orients and filters the engine's passages for a comparison of `leftId` with `rightId`. */
export function pairsBetween(passages: readonly Passage[], leftId: string, rightId: string, includeInternal: boolean): PairedPassage[] {
  const out: PairedPassage[] = [];
  passages.forEach((p, index) => {
    const base = { index, score: p.score, similarity: p.similarity };
    if (isInternal(p)) {
      if (!includeInternal || (p.a.doc !== leftId && p.a.doc !== rightId)) return;
      // A document compared with itself: each repeat faces its first occurrence across the columns.
      if (leftId === rightId) out.push({ ...base, left: p.a, right: p.b, internal: true });
      // Otherwise a repeat pairs two stretches of one column; it is shown in that column only.
      else if (p.a.doc === leftId) out.push({ ...base, left: p.a, right: p.b, internal: true });
      else out.push({ ...base, left: p.b, right: p.a, internal: true });
    } else if (p.a.doc === leftId && p.b.doc === rightId) out.push({ ...base, left: p.a, right: p.b, internal: false });
    else if (p.a.doc === rightId && p.b.doc === leftId) out.push({ ...base, left: p.b, right: p.a, internal: false });
  });
  // Highest score first wins any overlap, so each stretch belongs to one pair.
  const ranked = [...out].sort((x, y) => y.score - x.score || x.index - y.index);
  const kept: PairedPassage[] = [];
  for (const p of ranked) {
    const clash = kept.some((k) =>
      p.internal || k.internal
        ? [p.left, p.right].some((s) => [k.left, k.right].some((t) => s.doc === t.doc && overlaps(s, t)))
        : overlaps(p.left, k.left) || overlaps(p.right, k.right),
    );
    if (!clash) kept.push(p);
  }
  return kept.sort((x, y) => (x.internal === y.internal ? 0 : x.internal ? 1 : -1) || x.left.start - y.left.start || x.right.start - y.right.start);
}

function segments(length: number, spans: { span: Span; pair: number }[]): ColumnSegment[] {
  const sorted = [...spans].sort((a, b) => a.span.start - b.span.start);
  const out: ColumnSegment[] = [];
  let cursor = 0;
  for (const { span, pair } of sorted) {
    if (span.start < cursor) continue; // overlapping internal repeat: already covered
    if (span.start > cursor) out.push({ start: cursor, end: span.start, pair: null });
    out.push({ start: span.start, end: span.end, pair });
    cursor = span.end;
  }
  if (cursor < length) out.push({ start: cursor, end: length, pair: null });
  return out;
}

export function pairDocuments(
  passages: readonly Passage[],
  left: { id: string; text: string },
  right: { id: string; text: string },
  includeInternal: boolean,
): Pairing {
  const pairs = pairsBetween(passages, left.id, right.id, includeInternal);
  const same = left.id === right.id;
  const shared = pairs.filter((p) => !p.internal).length;
  const repeats = includeInternal ? pairs.length - shared : pairsBetween(passages, left.id, right.id, true).filter((p) => p.internal).length;
  // A document compared with itself: the left column shows first occurrences, the right their repeats.
  const spansIn = (doc: string, side: 'left' | 'right') =>
    pairs.flatMap((p, i) => (same ? [p[side]] : [p.left, p.right].filter((s) => s.doc === doc)).map((span) => ({ span, pair: i })));
  const overview = (doc: { id: string; text: string }, side: 'left' | 'right') =>
    spansIn(doc.id, side).map(({ span, pair }) => ({
      pair,
      from: span.start / Math.max(1, doc.text.length),
      to: span.end / Math.max(1, doc.text.length),
      similarity: pairs[pair]!.similarity,
    }));
  return {
    pairs,
    shared,
    repeats,
    left: segments(left.text.length, spansIn(left.id, 'left')),
    right: segments(right.text.length, spansIn(right.id, 'right')),
    leftOverview: overview(left, 'left'),
    rightOverview: overview(right, 'right'),
  };
}
