/**
 * The cleaner works on lines: each knows where it sits in the original, its
 * trimmed content with in-line repairs applied, and the decision taken on it.
 */
import { isWs } from './text-shape.ts';

/** A repair inside a line, on original offsets. */
export interface RawEdit {
  start: number;
  end: number;
  replacement: string;
  rule: string;
  reason: string;
}

/** Why a line was removed. */
export interface Removal {
  rule: string;
  reason: string;
}

export interface Line {
  /** Index in the line array. */
  i: number;
  /** Line content, without the line break: [start, end). */
  start: number;
  end: number;
  /** Trimmed content [cs, ce); cs === ce for a blank line. */
  cs: number;
  ce: number;
  blank: boolean;
  /** Repairs inside [cs, ce), sorted. */
  inner: RawEdit[];
  /** The trimmed content with inner repairs applied. */
  t: string;
  words: number;
  prose: boolean;
  /** undefined: kept. */
  removed?: Removal;
  forceKeep?: boolean;
}

/** Lines split at `\n`, `\r\n` and `\r`, trimmed of whitespace and invisible characters. */
export function splitLines(src: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = src.length;
  const push = (end: number): void => {
    let cs = start;
    let ce = end;
    while (cs < ce && isWs(src.charAt(cs))) cs++;
    while (ce > cs && isWs(src.charAt(ce - 1))) ce--;
    lines.push({ i: lines.length, start, end, cs, ce, blank: cs === ce, inner: [], t: '', words: 0, prose: false });
  };
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || c === 13) {
      push(i);
      if (c === 13 && src.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  push(n);
  return lines;
}

/** Blocks: maximal runs of adjacent non-blank lines. */
export function blocksOf(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let cur: Line[] = [];
  for (const l of lines) {
    if (l.blank) {
      if (cur.length) blocks.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

/** Keep the first of overlapping edits (input in priority order), sorted by start. */
export function resolveOverlaps(groups: RawEdit[][]): RawEdit[] {
  let taken: RawEdit[] = [];
  for (const group of groups) {
    if (group.length === 0) continue;
    // One merge per group, in order of start: linear in the edits (a line of a million marks stays fast).
    const g = group.length > 1 ? group.slice().sort((a, b) => a.start - b.start) : group;
    const merged: RawEdit[] = [];
    let t = 0;
    let lastEnd = -1;
    for (const e of g) {
      while (t < taken.length && taken[t]!.end <= e.start) merged.push(taken[t++]!);
      let clash = lastEnd > e.start;
      for (let k = t; !clash && k < taken.length && taken[k]!.start < e.end; k++) clash = e.start < taken[k]!.end;
      if (clash) continue;
      merged.push(e);
      lastEnd = Math.max(lastEnd, e.end);
    }
    while (t < taken.length) merged.push(taken[t++]!);
    taken = merged;
  }
  return taken;
}

/** The line's trimmed content with its inner repairs applied. */
export function applyInner(src: string, line: Line): string {
  let out = '';
  let pos = line.cs;
  for (const e of line.inner) {
    out += src.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return out + src.slice(pos, line.ce);
}
