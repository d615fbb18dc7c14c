/**
 * Sentence ends and paragraph breaks as the formula stages read them: a
 * sorted column of the corpus-wide tokens that follow a real break, and
 * binary-search look-ups of the breaks inside a stretch of one document.
 */
import { GAP_PARAGRAPH, GAP_SENTENCE } from '../text/scan.ts';
import type { PreparedDoc } from './prepare.ts';

const BREAK = GAP_SENTENCE | GAP_PARAGRAPH;
/** Title-like abbreviations ("Mr", "Dr", "St"): a capital and at most two small letters. */
const ABBREVIATION = /^\p{Lu}\p{Ll}{0,2}$/u;

/**
 * `TokenLayout.breaks`: the corpus-wide indices of the tokens after a
 * sentence end or paragraph break, except sentence punctuation that ends an
 * abbreviation ("Mr. Speaker").
 */
export function sentenceBreaks(prepared: readonly PreparedDoc[], surface: readonly string[], flags: Uint8Array): Int32Array {
  const abbrev = new Uint8Array(surface.length);
  for (let t = 0; t < surface.length; t++) abbrev[t] = ABBREVIATION.test(surface[t]!) ? 1 : 0;
  const out: number[] = [];
  for (const d of prepared) {
    const n = d.type.length;
    for (let t = 1; t < n; t++) {
      const f = flags[d.offset + t]!;
      if ((f & BREAK) === 0) continue;
      if (abbrev[d.type[t - 1]!] === 1) continue;
      out.push(d.offset + t);
    }
  }
  return Int32Array.from(out);
}

/** Index in `breaks` of the first break at or after corpus-wide token `pos`. */
function lowerBound(breaks: Int32Array, pos: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first token in (first, last] (inside its document, at `off`) with a break before it, or -1. */
export function breakIn(breaks: Int32Array, off: number, first: number, last: number): number {
  const k = lowerBound(breaks, off + first + 1);
  return k < breaks.length && breaks[k]! <= off + last ? breaks[k]! - off : -1;
}

/** The last token in (first, last] with a break before it, or -1. */
export function lastBreakIn(breaks: Int32Array, off: number, first: number, last: number): number {
  const k = lowerBound(breaks, off + last + 1) - 1;
  return k >= 0 && breaks[k]! > off + first ? breaks[k]! - off : -1;
}
