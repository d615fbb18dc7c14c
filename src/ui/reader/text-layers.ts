/**
 * Cuts a text into paragraphs, and each paragraph into segments by the
 * ranges laid over it (highlights, the teacher's highlights, a search hit,
 * notes echoed from another document), so the reader renders text nodes with the right marks. Ranges
 * may overlap; each segment lists every range that covers it.
 */

export interface Layer {
  id: string;
  /** 'teacher': a highlight from the teacher's edition, read-only. */
  kind: 'highlight' | 'hit' | 'echo' | 'teacher';
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  color?: string;
}

export interface LayerSegment {
  start: number;
  end: number;
  layers: Layer[];
}

export interface LayeredParagraph {
  start: number;
  end: number;
  segments: LayerSegment[];
}

const PARAGRAPH_BREAK = /\n{2,}/g;

export function layeredParagraphs(text: string, layers: readonly Layer[]): LayeredParagraph[] {
  const paragraphs: { start: number; end: number }[] = [];
  let at = 0;
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    paragraphs.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  paragraphs.push({ start: at, end: text.length });

  const sorted = layers.filter((l) => l.end > l.start).sort((a, b) => a.start - b.start);
  return paragraphs.map(({ start, end }) => {
    const inside = sorted.filter((l) => l.start < end && l.end > start);
    const cuts = new Set([start, end]);
    for (const l of inside) {
      cuts.add(Math.max(start, l.start));
      cuts.add(Math.min(end, l.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: LayerSegment[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i]!;
      const e = points[i + 1]!;
      segments.push({ start: s, end: e, layers: inside.filter((l) => l.start < e && l.end > s) });
    }
    return { start, end, segments };
  });
}
