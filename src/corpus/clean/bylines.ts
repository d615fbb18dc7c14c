/**
 * Rule `byline`: byline, dateline and author e-mail lines. Author and date
 * are metadata, so such a line is removed when it stands at the head or the
 * tail of the page (see furniture.ts, removeOutsideBody), never inside it.
 */
import type { Line } from './lines.ts';
import { endsSentence, snippet } from './text-shape.ts';

/** A byline is short: "By Jane Doe and John Roe | Updated 09:23". */
const BYLINE_MAX_WORDS = 14;

const BYLINE = /^(?:by|written by|reporter|reporters|author|authors|source|text by)\b[\s:：]/iu;
const EMAIL_LINE = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/u;
const MONTHS = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_ONLY = new RegExp(
  `^(?:(?:updated|published|posted|date)\\s*:?\\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s*)?` +
    `(?:${MONTHS}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTHS},?\\s+\\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4})` +
    `(?:[,\\s|]+\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:am|pm)?(?:\\s*[a-z]{2,4})?)?$` +
    `|^\\d{1,2}:\\d{2}(?::\\d{2})?,?\\s+(?:${MONTHS}\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})$`,
  'iu',
);

/** Why the line is a byline, dateline or author e-mail; undefined when it is not. */
export function bylineReason(l: Line): string | undefined {
  const t = l.t;
  if (EMAIL_LINE.test(t)) return `author's contact e-mail "${t}"`;
  if (l.words <= BYLINE_MAX_WORDS && !endsSentence(t) && BYLINE.test(t)) return `byline "${snippet(t)}" (author and date are metadata)`;
  if (DATE_ONLY.test(t)) return `date stamp "${t}"`;
  return undefined;
}
