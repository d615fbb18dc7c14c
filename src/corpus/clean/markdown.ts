/**
 * Rule `markdown`: the marks a text written in Markdown carries (a `.md`
 * file, an article clipped to Markdown, a page pasted from a Markdown
 * editor), taken off so that the reader, the search and the analysis read
 * its words, each removal recorded:
 * - a link keeps its text and loses its address (`[the report](https://…)`
 *   → "the report"); an inline image is removed, and so is a line of images
 *   only, a link reference definition (`[1]: https://…`) and a thematic
 *   break (`***`, `---`);
 * - a heading, a block quote and bold lose their marks (`## `, `> `, `**`,
 *   `__`), and so does a footnote (`[^1]`; its definition stays as text).
 * Only marks prose does not write: a single `*` or `_`, backticks and list
 * markers stay ("5 * 3", "file_name", "- item" read as written), and a
 * bracket not followed by an address stays ("[sic]", "[1]").
 */
import type { RawEdit, Removal } from './lines.ts';

const RULE = 'markdown';
/** `![alt](address "title")`. */
const IMAGE = /!\[[^\]\n]*\]\([^()\s]*(?:\s+"[^"\n]*")?\)/g;
/** `[text](address "title")`, with an address that is one: a scheme, a path or a fragment. */
const LINK = /\[([^\]\n]+)\]\(((?:[a-z][a-z0-9+.-]*:|\/|#|\.{1,2}\/)[^()\s]*)(?:\s+"[^"\n]*")?\)/gi;
/** Bold: `**words**` or `__words__`, the marks against the words. */
const STRONG = /(\*\*|__)(?=[^\s*_])([^\n]*?[^\s*_])\1/g;
const HEADING = /^#{1,6}[ \t]+/;
const CLOSING_HASHES = /[ \t]+#+$/;
const QUOTE = /^(?:>[ \t]?)+/;
const IMAGES_ONLY = new RegExp(`^(?:${IMAGE.source}\\s*)+$`);
/** `[label]: address`, a link reference definition (a footnote's `[^1]: text` is text). */
const REFERENCE = /^\[[^\]^\n][^\]\n]*\]:[ \t]+<?(?:[a-z][a-z0-9+.-]*:|\/|#|\.{1,2}\/)\S*/i;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** A heading's underline (`=====` under a title; `-----` is a thematic break's shape too). */
const UNDERLINE = /^={3,}$/;
/** A footnote's mark in the text (`[^1]`) or at the start of its definition (`[^1]: `). */
const FOOTNOTE = /\[\^[^\]\s]+\](?::[ \t]*)?/g;

/** Why a whole line (trimmed) goes: it is only Markdown's, not text. */
export function markdownLine(line: string): Removal | null {
  if (IMAGES_ONLY.test(line)) return { rule: RULE, reason: 'a Markdown image' };
  if (REFERENCE.test(line)) return { rule: RULE, reason: 'a Markdown link reference (an address, not text)' };
  if (THEMATIC_BREAK.test(line)) return { rule: RULE, reason: 'a Markdown thematic break' };
  if (UNDERLINE.test(line)) return { rule: RULE, reason: 'a Markdown heading underline' };
  return null;
}

/** Markdown's marks inside `src[from, to)`, a trimmed line. */
export function markdownEdits(src: string, from: number, to: number): RawEdit[] {
  const line = src.slice(from, to);
  if (!/[#>*_[\]]/.test(line)) return [];
  const edits: RawEdit[] = [];
  const cut = (start: number, end: number, reason: string): void => {
    edits.push({ start: from + start, end: from + end, replacement: '', rule: RULE, reason });
  };
  const heading = HEADING.exec(line);
  if (heading) {
    cut(0, heading[0].length, 'Markdown heading mark removed');
    const closing = CLOSING_HASHES.exec(line);
    if (closing && closing.index > heading[0].length) cut(closing.index, line.length, 'Markdown heading mark removed');
  }
  const quote = heading ? null : QUOTE.exec(line);
  if (quote) cut(0, quote[0].length, 'Markdown block-quote mark removed');
  for (const m of line.matchAll(IMAGE)) cut(m.index, m.index + m[0].length, 'Markdown image removed');
  for (const m of line.matchAll(LINK)) {
    if (m.index > 0 && line[m.index - 1] === '!') continue;
    const textEnd = m.index + 1 + m[1]!.length;
    cut(m.index, m.index + 1, 'Markdown link mark removed');
    cut(textEnd, m.index + m[0].length, `Markdown link: its address (${m[2]}) removed`);
  }
  for (const m of line.matchAll(FOOTNOTE)) cut(m.index, m.index + m[0].length, 'Markdown footnote mark removed');
  for (const m of line.matchAll(STRONG)) {
    cut(m.index, m.index + 2, 'Markdown bold mark removed');
    cut(m.index + m[0].length - 2, m.index + m[0].length, 'Markdown bold mark removed');
  }
  return edits;
}
