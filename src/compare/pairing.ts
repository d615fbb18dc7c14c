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
  pairs: PairedPassage[];
  left: ColumnSegment[];
  right: ColumnSegment[];
  leftOverview: OverviewMark[];
  rightOverview: OverviewMark[];
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Orients and filters the engine's passages for a comparison of `leftId` with `rightId`. */
export function pairsBetween(passages: readonly Passage[], leftId: string, rightId: string, includeInternal: boolean): PairedPassage[] {
  const out: PairedPassage[] = [];
  passages.forEach((p, index) => {
    const base = { index, score: p.score, similarity: p.similarity };
    if (p.a.doc === leftId && p.b.doc === rightId) out.push({ ...base, left: p.a, right: p.b, internal: leftId === rightId });
    else if (p.a.doc === rightId && p.b.doc === leftId) out.push({ ...base, left: p.b, right: p.a, internal: false });
    else if (includeInternal && leftId !== rightId && p.a.doc === p.b.doc && (p.a.doc === leftId || p.a.doc === rightId)) {
      // An internal repeat pairs two stretches of one column; show it in that column only.
      const side = p.a.doc === leftId ? 'left' : 'right';
      out.push({ ...base, left: side === 'left' ? p.a : p.b, right: side === 'left' ? p.b : p.a, internal: true });
    }
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
  const spansIn = (doc: string) =>
    pairs.flatMap((p, i) => [p.left, p.right].filter((s) => s.doc === doc).map((span) => ({ span, pair: i })));
  const overview = (doc: { id: string; text: string }) =>
    spansIn(doc.id).map(({ span, pair }) => ({
      pair,
      from: span.start / Math.max(1, doc.text.length),
      to: span.end / Math.max(1, doc.text.length),
      similarity: pairs[pair]!.similarity,
    }));
  const same = left.id === right.id;
  return {
    pairs,
    left: segments(left.text.length, spansIn(left.id)),
    right: segments(right.text.length, same ? spansIn(right.id) : spansIn(right.id)),
    leftOverview: overview(left),
    rightOverview: overview(right),
  };
}
