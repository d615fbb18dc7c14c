/**
 * A member's span in its document's text: tokens [first, last] as code
 * units, with the quotation mark or bracket the tokens open or close and
 * leave unpaired taken in, so a member reads as a whole quotation or title
 * ("World Internet Conference (WIC)", not "… (WIC"; „Wir schaffen das“,
 * not „Wir schaffen das). Which mark opens and which closes what is
 * quote-marks.ts's; a French mark set off by a space (« Liberté ») is taken
 * with its space.
 */
import { tokenEnd, type PreparedDoc } from './prepare.ts';
import { CLOSE, MARK_CODES, OPEN, closes, markRole } from './quote-marks.ts';
import type { Span } from './types.ts';

/** A space between a French guillemet and its words (space, no-break space, narrow no-break space). */
const isGuillemetSpace = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x202f;
const isGuillemet = (c: number): boolean => c === 0xab || c === 0xbb;
/** The space at `i` is French typography's, before a guillemet or the punctuation spaced before one ("Vive la France ! »"). */
const spacedFrench = (text: string, i: number): boolean => i + 1 < text.length && /[«»!?;:]/.test(text.charAt(i + 1));
/** A mark that is part of the word it is glued to: a path's or URL's "/" or "~", "#", "@", "$", a leading "." (".bashrc"). */
const GLUED = /[/\\~#@$.]/;

/**
 * Tokens [first, last] of a document as a span of its text, taking the
 * closing mark right after it (or after the punctuation right after it)
 * when the span opens one it does not close ("World Internet Conference
 * (WIC)", not "… (WIC"; "<http://www.gnu.org/licenses/>", past the path's
 * "/"), and the opening mark right before it when the span closes one it
 * does not open; and a mark glued to its first word ("/usr/share").
 */
export function spanOf(d: PreparedDoc, first: number, last: number): Span {
  spanEdges(d, first, last);
  return { doc: d.id, start: edges.start, end: edges.end };
}

/**
 * Where `spanEdges` leaves a span's start and end: family-members.ts keeps
 * them in int columns, not as a Span per member (8M words: 109K members a
 * read; Spans were young objects stored into a large old-space array, a
 * remembered slot each, every read of the members).
 */
export const edges = { start: 0, end: 0 };

/** spanOf's start and end, left in `edges`. */
export function spanEdges(d: PreparedDoc, first: number, last: number): void {
  let start = d.start[first]!;
  let end = tokenEnd(d, last);
  const text = d.text;
  // Most spans end before a space or a full stop and start after a space:
  // one code unit read each. (No read past either end of the text: V8
  // compiles charCodeAt for indices inside it and throws the code away at
  // the first span that touches an end.)
  const next = end < text.length ? text.charCodeAt(end) : 0;
  if (next > 32 || (isGuillemetSpace(next) && spacedFrench(text, end))) {
    let at = end;
    while (at < end + 4 && (/[.,;:!?/]/.test(text.charAt(at)) || (isGuillemetSpace(text.charCodeAt(at)) && spacedFrench(text, at)))) at++;
    if (at < text.length && MARK_CODES.has(text.charCodeAt(at)) && markRole(text, at) === CLOSE && unclosed(text, start, end, text.charAt(at))) end = at + 1;
  }
  // A mark glued to the first word, with a space, the text's start or an opening mark before it ("/usr/share").
  if (start > 0 && GLUED.test(text.charAt(start - 1)) && (start === 1 || text.charCodeAt(start - 2) <= 32 || markRole(text, start - 2) === OPEN)) start--;
  let before = start - 1;
  if (before > 0 && isGuillemetSpace(text.charCodeAt(before)) && isGuillemet(text.charCodeAt(before - 1))) before--;
  const prev = before >= 0 ? text.charCodeAt(before) : 0;
  if (prev > 32 && MARK_CODES.has(prev) && markRole(text, before) === OPEN && unopened(text, start, end, text.charAt(before))) start = before;
  edges.start = start;
  edges.end = end;
}

/** `text[start, end)` holds an odd number of straight quotes. */
function oddQuotes(text: string, start: number, end: number): boolean {
  let n = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 34) n++;
  return n % 2 === 1;
}

/**
 * The marks `text[start, end)` leaves open at its end (OPEN, as a stack of
 * their characters) and the closing ones it holds with nothing open
 * before them that they close (CLOSE), each read by quote-marks.ts.
 */
function walk(text: string, start: number, end: number, visit: (role: number, mark: string, open: string[]) => void): string[] {
  const open: string[] = [];
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 || !MARK_CODES.has(code)) continue;
    const role = markRole(text, i);
    const c = text.charAt(i);
    if (role === OPEN) open.push(c);
    else if (role === CLOSE) {
      let k = open.length - 1;
      while (k >= 0 && !closes(open[k]!, c)) k--;
      if (k >= 0) open.splice(k, 1);
      else visit(CLOSE, c, open);
    }
  }
  return open;
}

/** `text[start, end)` closes a mark `opener` opens, with no opening one inside it. */
function unopened(text: string, start: number, end: number, opener: string): boolean {
  if (opener === '"') return oddQuotes(text, start, end);
  let found = false;
  walk(text, start, end, (_, c) => {
    if (closes(opener, c)) found = true;
  });
  return found;
}

/** `text[start, end)` opens a mark that `closer` closes, or has an odd number of straight quotes and `closer` is one. */
function unclosed(text: string, start: number, end: number, closer: string): boolean {
  if (closer === '"') return oddQuotes(text, start, end);
  return walk(text, start, end, () => {}).some((o) => closes(o, closer));
}
