/**
 * Offsets between the original and the clean text, through the edits: the
 * reader shows the original with removals marked (`segmentsOf`) and maps a
 * highlight made on one onto the other. Binary search over an index built
 * once per edit list.
 */
import type { Edit } from '../types.ts';

export type Segment = {
  kind: 'kept' | 'removed' | 'replaced';
  original: string;
  replacement: string;
  rule?: string;
  reason?: string;
  start: number;
  end: number;
};

/** The original cut into kept stretches and edited ones, in order, covering it exactly. */
export function segmentsOf(original: string, edits: Edit[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const e of edits) {
    if (e.start > pos) out.push({ kind: 'kept', original: original.slice(pos, e.start), replacement: '', start: pos, end: e.start });
    out.push({
      kind: e.replacement === '' ? 'removed' : 'replaced',
      original: original.slice(e.start, e.end),
      replacement: e.replacement,
      rule: e.rule,
      reason: e.reason,
      start: e.start,
      end: e.end,
    });
    pos = Math.max(pos, e.end);
  }
  if (pos < original.length)
    out.push({ kind: 'kept', original: original.slice(pos), replacement: '', start: pos, end: original.length });
  return out;
}

interface OffsetIndex {
  /** Start of each edit in the original and in the clean text. */
  oStart: number[];
  cStart: number[];
}
const indexCache = new WeakMap<Edit[], OffsetIndex>();
function indexOf(edits: Edit[]): OffsetIndex {
  let idx = indexCache.get(edits);
  if (idx && idx.oStart.length === edits.length) return idx;
  const oStart: number[] = [];
  const cStart: number[] = [];
  let delta = 0;
  for (const e of edits) {
    oStart.push(e.start);
    cStart.push(e.start + delta);
    delta += e.replacement.length - (e.end - e.start);
  }
  idx = { oStart, cStart };
  indexCache.set(edits, idx);
  return idx;
}

/** Last k with arr[k] <= x (or arr[k] < x when strict), -1 if none. */
function lastAtMost(arr: number[], x: number, strict: boolean): number {
  let lo = 0;
  let hi = arr.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = arr[mid] ?? 0;
    if (strict ? v < x : v <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/**
 * Offset in the clean text → offset in the original.
 * At a point where material was removed, `affinity: 'after'` (default) gives
 * the original offset of the next clean character (use it for the start of a
 * range); `'before'` gives the offset just after the previous clean character
 * (use it for the end of a range). Inside a replacement, the offset maps into
 * the replaced original span (clamped).
 */
export function cleanOffsetToOriginal(edits: Edit[], cleanOffset: number, affinity: 'before' | 'after' = 'after'): number {
  const c = Math.max(0, cleanOffset);
  const { cStart } = indexOf(edits);
  const k = lastAtMost(cStart, c, false);
  const e = edits[k];
  if (k < 0 || !e) return c;
  const cs = cStart[k] ?? 0;
  const ce = cs + e.replacement.length;
  if (c < ce) return e.start + Math.min(c - cs, e.end - e.start);
  if (affinity === 'before' && e.replacement === '' && cs === c) {
    // Step back over every removal that sits at this clean offset.
    let m = k;
    while (m > 0 && edits[m - 1]?.replacement === '' && cStart[m - 1] === c) m--;
    return edits[m]?.start ?? e.start;
  }
  return e.end + (c - ce);
}

/** Offset in the original → offset in the clean text (a removed or replaced span maps into its replacement). */
export function originalOffsetToClean(edits: Edit[], originalOffset: number): number {
  const o = Math.max(0, originalOffset);
  const { oStart, cStart } = indexOf(edits);
  const k = lastAtMost(oStart, o, false);
  if (k < 0) return o;
  const e = edits[k];
  const cs = cStart[k] ?? 0;
  if (!e) return o;
  if (o < e.end) return cs + Math.min(o - e.start, e.replacement.length);
  return cs + e.replacement.length + (o - e.end);
}
