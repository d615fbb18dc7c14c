/**
 * Keyword-in-context lines: left context | keyword | right context, cut to a
 * width in characters, whitespace collapsed, and sorted as a concordance is
 * read (by the words nearest the keyword on the left or the right).
 */
import { compareDocDates } from '../corpus/metadata.ts';
import { compareIds } from '../corpus/outlet-year.ts';
import type { KwicLine, Occurrence, SearchDoc } from './types.ts';

export const DEFAULT_KWIC_WIDTH = 60;

export type KwicSortKey = 'doc' | 'left' | 'right' | 'outlet' | 'date';

const flat = (s: string): string => s.replace(/\s+/g, ' ');

/** One line; `width` characters of context each side (after collapsing whitespace). */
export function kwicLine(doc: SearchDoc, occ: Occurrence, width: number): KwicLine {
  const w = Math.max(1, Math.floor(width));
  // Take extra raw text, since collapsing whitespace shortens it.
  const rawLeft = flat(doc.text.slice(Math.max(0, occ.start - w * 3), occ.start));
  const rawRight = flat(doc.text.slice(occ.end, occ.end + w * 3));
  let left = rawLeft.length > w ? rawLeft.slice(rawLeft.length - w) : rawLeft;
  let right = rawRight.length > w ? rawRight.slice(0, w) : rawRight;
  // Never leave half a surrogate pair at the cut.
  if (/^[\udc00-\udfff]/.test(left)) left = left.slice(1);
  if (/[\ud800-\udbff]$/.test(right)) right = right.slice(0, -1);
  return {
    doc: doc.id,
    title: doc.title,
    outlet: doc.outlet,
    date: doc.date,
    start: occ.start,
    end: occ.end,
    left,
    keyword: flat(doc.text.slice(occ.start, occ.end)),
    right,
  };
}

const WORD = /[\p{L}\p{N}\p{M}']+/gu;
/** Context words nearest the keyword first, case-folded: the sort key of a concordance. */
function leftKey(line: KwicLine): string {
  return (line.left.toLowerCase().match(WORD) ?? []).reverse().join(' ');
}
function rightKey(line: KwicLine): string {
  return (line.right.toLowerCase().match(WORD) ?? []).join(' ');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** A sorted copy. Ties fall back to document order (date, then id, then position), so sorting is stable and total. */
export function sortKwic(lines: readonly KwicLine[], key: KwicSortKey): KwicLine[] {
  const docOrder = (a: KwicLine, b: KwicLine): number =>
    compareDocDates(a.date, b.date) || compareIds(a.doc, b.doc) || a.start - b.start;
  const keyed = lines.map((line) => ({
    line,
    k: key === 'left' ? leftKey(line) : key === 'right' ? rightKey(line) : key === 'outlet' ? (line.outlet ?? '\uffff') : '',
  }));
  keyed.sort((a, b) => {
    if (key === 'left' || key === 'right' || key === 'outlet') return collator.compare(a.k, b.k) || docOrder(a.line, b.line);
    return docOrder(a.line, b.line);
  });
  return keyed.map((x) => x.line);
}
