/**
 * What a file's reader left out before cleaning (a web page's navigation,
 * footer, comments…: `LeftOut`, deletions on the original, each with its
 * reason). The cleaner reads the original without them, so its text is what
 * cleaning the article alone gives; its edits are then carried back onto
 * the original, with each left-out stretch a removal among them, so the
 * reader's Original shows both. An edit of the cleaner's that spans a
 * left-out stretch is cut in two around it (the replacement stays with the
 * first piece): edits on the original stay sorted and never overlap.
 */
import type { Edit, LeftOut } from '../types.ts';

/** The rule a left-out stretch is marked with. */
export const LEFT_OUT_RULE = 'outside-article';
/** The longest reason a stored or shared left-out stretch may give. */
export const MAX_LEFT_OUT_REASON = 300;

/** The original without the left-out stretches (sorted, non-overlapping). */
export function withoutLeftOut(original: string, leftOut: readonly LeftOut[]): string {
  let out = '';
  let pos = 0;
  for (const d of leftOut) {
    out += original.slice(pos, d.start);
    pos = d.end;
  }
  return out + original.slice(pos);
}

/**
 * The cleaner's edits on `withoutLeftOut(original, leftOut)` as edits on the
 * original, the left-out stretches among them. At a point where a stretch
 * was left out, an edit ending there comes before it and one starting there
 * after it.
 */
export function throughLeftOut(leftOut: readonly LeftOut[], edits: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  let j = 0;
  /** Characters left out before the next stretch: its offset in the cleaner's text is `start - shift`. */
  let shift = 0;
  const at = (k: number): number => leftOut[k]!.start - shift;
  const take = (): LeftOut => {
    const d = leftOut[j++]!;
    out.push({ start: d.start, end: d.end, replacement: '', rule: LEFT_OUT_RULE, reason: d.reason });
    shift += d.end - d.start;
    return d;
  };
  for (const e of edits) {
    // Stretches before the edit; one where it starts goes first unless the edit is an insertion.
    while (j < leftOut.length && (at(j) < e.start || (at(j) === e.start && e.end > e.start))) take();
    let start = e.start + shift;
    let replacement = e.replacement;
    while (j < leftOut.length && at(j) < e.end) {
      const cut = leftOut[j]!.start;
      out.push({ ...e, start, end: cut, replacement });
      replacement = '';
      start = take().end;
    }
    out.push({ ...e, start, end: e.end + shift, replacement });
  }
  while (j < leftOut.length) take();
  return out;
}

/** What is wrong with left-out stretches read from a file (null: nothing): they must be sorted, apart, inside the original, with a reason. */
export function leftOutProblem(original: string, leftOut: readonly LeftOut[]): string | null {
  let prev = 0;
  for (const [i, d] of leftOut.entries()) {
    if (!(d.start >= prev && d.end > d.start && d.end <= original.length)) return `[${i}] runs from ${d.start} to ${d.end}: stretches must be in order, apart and inside the original (${original.length} characters)`;
    if (!d.reason.trim() || d.reason.length > MAX_LEFT_OUT_REASON) return `[${i}].reason must be 1–${MAX_LEFT_OUT_REASON} characters`;
    prev = d.end;
  }
  return null;
}

/** The left-out stretches an edit list marks (what a document carries into a shared corpus file). */
export function leftOutOf(edits: readonly Edit[]): LeftOut[] {
  return edits.filter((e) => e.rule === LEFT_OUT_RULE && e.replacement === '').map((e) => ({ start: e.start, end: e.end, reason: e.reason }));
}
