/**
 * A member's span in its document's text: tokens [first, last] as code
 * units, with the quotation mark or bracket the tokens open or close and
 * leave unpaired taken in, so a member reads as a whole quotation or title
 * ("World Internet Conference (WIC)", not "… (WIC").
 */
import { tokenEnd, type PreparedDoc } from './prepare.ts';
import { CLOSER } from './readable-extent.ts';
import type { Span } from './types.ts';

const CLOSING = new Set([...Object.values(CLOSER), '"'].map((c) => c.charCodeAt(0)));

/**
 * Tokens [first, last] of a document as a span of its text, taking the
 * closing mark right after it (or after the punctuation right after it)
 * when the span opens one it does not close ("World Internet Conference
 * (WIC)", not "… (WIC"), and the opening mark right before it when the
 * span closes one it does not open.
 */
export function spanOf(d: PreparedDoc, first: number, last: number): Span {
  let start = d.start[first]!;
  let end = tokenEnd(d, last);
  const text = d.text;
  // Most spans end before a space or a full stop and start after a space:
  // one code unit read each. (No read past either end of the text: V8
  // compiles charCodeAt for indices inside it and throws the code away at
  // the first span that touches an end.)
  const next = end < text.length ? text.charCodeAt(end) : 0;
  if (next > 32) {
    let at = end;
    while (at < end + 3 && /[.,;:!?]/.test(text.charAt(at))) at++;
    if (at < text.length && CLOSING.has(text.charCodeAt(at)) && unclosed(text, start, end, text.charAt(at))) end = at + 1;
  }
  const prev = start > 0 ? text.charCodeAt(start - 1) : 0;
  if (prev > 32) {
    const opener = text.charAt(start - 1);
    const closer = opener === '"' ? '"' : CLOSER[opener];
    if (closer !== undefined && unopened(text, start, end, opener, closer)) start--;
  }
  return { doc: d.id, start, end };
}

/** `text[start, end)` holds an odd number of straight quotes. */
function oddQuotes(text: string, start: number, end: number): boolean {
  let n = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 34) n++;
  return n % 2 === 1;
}

/** `text[start, end)` closes a mark `opener` opens, with no opening one inside it. */
function unopened(text: string, start: number, end: number, opener: string, closer: string): boolean {
  if (opener === '"') return oddQuotes(text, start, end);
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charAt(i);
    if (c === opener) depth++;
    else if (c === closer) {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

/** `text[start, end)` opens the mark that `closer` closes, or has an odd number of straight quotes and `closer` is one. */
function unclosed(text: string, start: number, end: number, closer: string): boolean {
  if (closer === '"') return oddQuotes(text, start, end);
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charAt(i);
    if (CLOSER[c] === closer) depth++;
    else if (c === closer && depth > 0) depth--;
  }
  return depth > 0;
}
