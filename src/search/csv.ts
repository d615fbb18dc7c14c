/**
 * CSV for concordance export (RFC 4180), safe to open in a spreadsheet: a
 * cell that a spreadsheet would read as a formula (starting with = + - @, or
 * a tab or carriage return, per OWASP's CSV injection advice) gets a leading
 * apostrophe, so it is shown as text and never evaluated. A file to download
 * starts with the UTF-8 byte-order mark: without it Excel reads a CSV in the
 * system's code page, and "Süddeutsche" shows as "SÃ¼ddeutsche".
 */
import { formatDocDate } from '../corpus/metadata.ts';
import type { KwicLine } from './types.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const KWIC_CSV_HEADER = ['document', 'title', 'outlet', 'date', 'start', 'end', 'left', 'keyword', 'right'] as const;

export function kwicCsv(lines: readonly KwicLine[]): string {
  return toCsv([
    [...KWIC_CSV_HEADER],
    ...lines.map((l) => [l.doc, l.title ?? '', l.outlet ?? '', l.date ? formatDocDate(l.date) : 'undated', l.start, l.end, l.left, l.keyword, l.right]),
  ]);
}

/** The text of a CSV file to download: the byte-order mark, then the CSV (copied to the clipboard, the CSV alone: a pasted mark would start the first cell). */
export function csvFile(csv: string): string {
  return `\uFEFF${csv}`;
}
