/**
 * From decisions on lines to `Edit`s on the original: each removed line
 * through the whitespace up to the next line, each in-line repair, and each
 * gap between kept lines made into its separator. `applyEdits` gives the
 * clean text, so text and edits agree by construction.
 */
import type { Edit } from '../types.ts';
import type { Line } from './lines.ts';
import type { Separator } from './paragraphs.ts';
import { wsReason } from './whitespace.ts';

const NO_SEPARATOR: Separator = { sep: '', rule: 'whitespace', reason: '' };
const PARAGRAPH_BREAK: Separator = { sep: '\n\n', rule: 'whitespace', reason: '' };

export function buildEdits(src: string, lines: Line[], seps: Map<number, Separator>): Edit[] {
  const edits: Edit[] = [];
  const kept = lines.filter((l) => !l.blank && !l.removed);
  const removedBetween = (from: number, to: number): Line[] => lines.slice(from, to).filter((l) => !l.blank && l.removed);

  const gap = (gapStart: number, gapEnd: number, sep: Separator, removed: Line[]): void => {
    const ws0End = removed[0]?.cs ?? gapEnd;
    const ws = src.slice(gapStart, ws0End);
    if (ws !== sep.sep)
      edits.push({
        start: gapStart,
        end: ws0End,
        replacement: sep.sep,
        rule: sep.rule,
        reason: sep.rule === 'whitespace' ? wsReason(ws, sep.sep) : sep.reason,
      });
    // Removed lines, each through the whitespace up to the next line; merge equal neighbours.
    removed.forEach((l, k) => {
      const end = removed[k + 1]?.cs ?? gapEnd;
      const r = l.removed;
      if (!r) return;
      const prev = edits[edits.length - 1];
      if (prev && prev.end === l.cs && prev.rule === r.rule && prev.reason === r.reason && prev.replacement === '' && k > 0) prev.end = end;
      else edits.push({ start: l.cs, end, replacement: '', rule: r.rule, reason: r.reason });
    });
  };

  let prevEnd = 0;
  let prevIdx = 0;
  for (const l of kept) {
    gap(prevEnd, l.cs, seps.get(l.i) ?? PARAGRAPH_BREAK, removedBetween(prevIdx, l.i));
    for (const e of l.inner) edits.push({ ...e });
    prevEnd = l.ce;
    prevIdx = l.i + 1;
  }
  gap(prevEnd, src.length, NO_SEPARATOR, removedBetween(prevIdx, lines.length));
  return edits.filter((e) => e.end > e.start || e.replacement !== '');
}

/** The original with the edits (sorted, non-overlapping) applied. */
export function applyEdits(src: string, edits: readonly Edit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += src.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return out + src.slice(pos);
}
