/**
 * Snippets and marks as plain data: the text to show and the ranges to mark,
 * so components render text nodes and <mark> elements, never HTML strings.
 */
import type { MarkedSnippet, Range } from './types.ts';

/** Paragraphs longer than this are cut to a window around the first mark. */
export const SNIPPET_MAX_CHARS = 320;
/** Context kept before the first mark when a paragraph is cut. */
export const SNIPPET_LEAD_CHARS = 100;

/** Moves `i` back (dir -1) or forward (dir 1) to a whitespace boundary, at most 30 chars. */
function snap(text: string, i: number, dir: -1 | 1): number {
  const limit = 30;
  for (let k = 0; k < limit; k++) {
    const j = i + dir * k;
    if (j <= 0) return 0;
    if (j >= text.length) return text.length;
    if (isSpaceCode(text.charCodeAt(j - 1)) !== isSpaceCode(text.charCodeAt(j))) return j;
  }
  return i;
}

/** Never cut inside a surrogate pair. */
function safe(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && i < text.length && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/**
 * A snippet of `text` (a paragraph) with `marks` (offsets into `text`, sorted).
 * Whitespace runs become single spaces, and marks are moved to match.
 */
export function makeSnippet(text: string, marks: readonly Range[], maxChars = SNIPPET_MAX_CHARS, leadChars = SNIPPET_LEAD_CHARS): MarkedSnippet {
  let from = 0;
  let to = text.length;
  if (text.length > maxChars) {
    const first = marks[0]?.start ?? 0;
    from = first <= leadChars ? 0 : safe(text, snap(text, first - leadChars, -1));
    to = Math.min(text.length, from + maxChars);
    const lastInside = marks.filter((m) => m.start < to).at(-1);
    if (lastInside && lastInside.end > to) to = lastInside.end;
    to = safe(text, snap(text, to, 1));
  }
  const { text: shown, marks: moved } = collapseWhitespace(text, from, to, marks);
  const trimmedStart = shown.length - shown.trimStart().length;
  const out = shown.trim();
  return {
    text: out,
    marks: moved
      .map((m) => ({ start: m.start - trimmedStart, end: m.end - trimmedStart }))
      .filter((m) => m.start >= 0 && m.end <= out.length && m.start < m.end),
    clippedStart: from > 0,
    clippedEnd: to < text.length,
  };
}

/** What `/\s/` matches, for one UTF-16 code unit (without a regular expression per character). */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whitespace other than a lone space: what collapseWhitespace changes. */
const NEEDS_COLLAPSE = /[^\S ]|\s\s/;

/** collapseWhitespace's offset map, reused between calls (a typed array per snippet costs more than the snippet). */
let mapBuffer = new Int32Array(1024);

/** text[from, to) with whitespace runs as one space; marks clipped and shifted to the new offsets. */
export function collapseWhitespace(text: string, from: number, to: number, marks: readonly Range[]): { text: string; marks: Range[] } {
  const window = text.slice(from, to);
  // Usually nothing collapses (single spaces only): then offsets just shift, found by the
  // regex engine instead of a loop over every character.
  if (!NEEDS_COLLAPSE.test(window)) {
    const moved: Range[] = [];
    for (const m of marks) {
      const s = Math.max(m.start, from);
      const e = Math.min(m.end, to);
      if (s < e) moved.push({ start: s - from, end: e - from });
    }
    return { text: window, marks: moved };
  }
  // map[i] = offset in the output of text[from + i]
  let out = '';
  if (mapBuffer.length < to - from + 1) mapBuffer = new Int32Array(Math.max(mapBuffer.length * 2, to - from + 1));
  const map = mapBuffer;
  let i = from;
  while (i < to) {
    if (isSpaceCode(text.charCodeAt(i))) {
      // A run of whitespace becomes one space: its first character maps to the
      // space, the others to just after it.
      map[i++ - from] = out.length;
      out += ' ';
      while (i < to && isSpaceCode(text.charCodeAt(i))) map[i++ - from] = out.length;
    } else {
      const runStart = i;
      const at = out.length - runStart;
      while (i < to && !isSpaceCode(text.charCodeAt(i))) {
        map[i - from] = at + i;
        i++;
      }
      out += text.slice(runStart, i);
    }
  }
  map[to - from] = out.length;
  const moved: Range[] = [];
  for (const m of marks) {
    const s = Math.max(m.start, from);
    const e = Math.min(m.end, to);
    if (s < e) moved.push({ start: map[s - from]!, end: map[e - from]! });
  }
  return { text: out, marks: moved };
}

export interface Segment {
  text: string;
  marked: boolean;
}

/** Splits `text` into alternating unmarked / marked segments, for rendering as text nodes. */
export function segmentsOf(text: string, marks: readonly Range[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    const s = Math.max(m.start, at);
    const e = Math.min(m.end, text.length);
    if (s >= e) continue;
    if (s > at) out.push({ text: text.slice(at, s), marked: false });
    out.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}

/** Paragraphs of a text as the reader splits them (blank lines), with their offsets. */
export function paragraphsOf(text: string): Range[] {
  const out: Range[] = [];
  const re = /\n{2,}/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  out.push({ start: at, end: text.length });
  return out;
}
