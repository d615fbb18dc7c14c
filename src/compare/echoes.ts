/**
 * Notes echoed across a family: a note on a highlight in one document is
 * shown on the aligned counterpart passage of every other document, marked
 * as coming from where it was written.
 */
import type { Passage, Span } from '../reuse/types.ts';

export interface NotedHighlight {
  docId: string;
  highlightId: string;
  start: number;
  end: number;
  quote: string;
  note: string;
}

export interface Echo {
  /** Where the note was written. */
  from: NotedHighlight;
  /** The counterpart passage in this document. */
  span: Span;
}

/** Echoes in `docId` of notes written on other documents, at most one per note and counterpart. */
export function echoesFor(docId: string, passages: readonly Passage[], noted: readonly NotedHighlight[]): Echo[] {
  const out: Echo[] = [];
  const seen = new Set<string>();
  for (const h of noted) {
    if (h.docId === docId) continue;
    for (const p of passages) {
      const [there, here] = p.a.doc === h.docId && p.b.doc === docId ? [p.a, p.b] : p.b.doc === h.docId && p.a.doc === docId ? [p.b, p.a] : [null, null];
      if (!there || !here || !(h.start < there.end && h.end > there.start)) continue;
      const key = `${h.docId}\u0000${h.highlightId}\u0000${here.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ from: h, span: here });
    }
  }
  return out.sort((x, y) => x.span.start - y.span.start || x.from.docId.localeCompare(y.from.docId));
}
