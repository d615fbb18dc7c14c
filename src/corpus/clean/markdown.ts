/**
 * Rule `markdown`: the marks a text written in Markdown carries (a `.md`
 * file, an article clipped to Markdown, a page pasted from a Markdown
 * editor), taken off so that the reader, the search and the analysis read
 * its words, each removal recorded:
 * - a link keeps its text and loses its address (`[the report](https://…)`,
 *   `[the policy](SECURITY.md)`, `[the report][3]` → "the report"); an
 *   image is removed, a linked image too (`[![badge](…)](…)`), and so is a
 *   line of images only, a link reference definition (`[3]: https://…`), a
 *   thematic break (`***`, `---`) and a heading's `=====` underline;
 * - a heading, a block quote, bold and a footnote lose their marks (`## `,
 *   `> `, `**`, `__`, `[^1]`; a footnote's definition stays as text).
 * Left as written: code (fenced blocks, the caller's `inCode`, and inline
 * code spans), a single `*` or `_`, list markers, a bracket not followed by
 * an address ("[sic]", "[1]"), `**` or `__` against a word on its outer
 * side ("2**10", "snake__case__"), `>` without a space ("> 50%" is a quote,
 * ">50%" is not). What it misses: a link or bold broken across two lines
 * stays whole; autolinks (`<https://…>`) stay.
 *
 * Every pattern is bounded (a link's text, an address, a bold run), so a
 * line of thousands of `[` or `**` costs time linear in its length.
 */
import type { RawEdit, Removal } from './lines.ts';

const RULE = 'markdown';
/** An address: no space, one level of parentheses (`Harbour_(town)`), at most 2,000 characters; an optional "title". */
const ADDRESS = String.raw`(?:[^()\s]|\([^()\s]{0,200}\)){1,2000}(?:\s+"[^"\n]{0,300}")?`;
/** `![alt](address)`. */
const IMAGE_SOURCE = String.raw`!\[[^\]\n]{0,300}\]\(${ADDRESS}\)`;
const IMAGE = new RegExp(IMAGE_SOURCE, 'g');
/** `[![alt](image)](address)`: a linked image (a badge). */
const LINKED_IMAGE = new RegExp(String.raw`\[${IMAGE_SOURCE}\]\(${ADDRESS}\)`, 'g');
/** `[text](address)` (group 2 the address) or `[text][label]` (group 3 the label). */
const LINK = new RegExp(String.raw`\[([^\]\n]{1,300})\](?:\((${ADDRESS})\)|\[([^\]\n]{0,100})\])`, 'g');
/** Bold: `**words**` or `__words__`, the marks against the words and not against a word outside them. */
const STRONG = /(?<![\p{L}\p{N}*_])(\*\*|__)(?=[^\s*_])([^\n]{0,300}?[^\s*_])\1(?![\p{L}\p{N}*_])/gu;
const HEADING = /^#{1,6}[ \t]+/;
const QUOTE = /^(?:>[ \t]+)+|^>$/;
/** `` `code` `` (one to three backticks). */
const CODE_SPAN = /(`{1,3})[^`\n]{1,1000}?\1/g;
const IMAGES_ONLY = new RegExp(String.raw`^(?:(?:\[${IMAGE_SOURCE}\]\(${ADDRESS}\)|${IMAGE_SOURCE})\s*)+$`);
/** `[label]: address`, a link reference definition (a footnote's `[^1]: text` is text). */
const REFERENCE = /^\[[^\]^\n][^\]\n]{0,300}\]:[ \t]+<?(?:[a-z][a-z0-9+.-]*:|\/|#|\.{0,2}\/|[\w.-]+\.[a-z]{2,5}\b)/i;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** A heading's underline (`=====` under a title; `-----` is a thematic break's shape too). */
const UNDERLINE = /^={3,}$/;
/** A footnote's mark in the text (`[^1]`) or at the start of its definition (`[^1]: `). */
const FOOTNOTE = /\[\^[^\]\s]{1,100}\](?::[ \t]*)?/g;
/** A fence opening or closing a code block. */
const FENCE = /^(?:```|~~~)/;

/** Why a whole line (trimmed) goes: it is only Markdown's, not text. */
export function markdownLine(line: string): Removal | null {
  if (line.includes('](') && IMAGES_ONLY.test(line)) return { rule: RULE, reason: 'a Markdown image' };
  if (REFERENCE.test(line)) return { rule: RULE, reason: 'a Markdown link reference (an address, not text)' };
  if (THEMATIC_BREAK.test(line)) return { rule: RULE, reason: 'a Markdown thematic break' };
  if (UNDERLINE.test(line)) return { rule: RULE, reason: 'a Markdown heading underline' };
  return null;
}

/** Per line (trimmed texts, in order), whether it is a fence or inside a fenced code block, whose text is code. */
export function fencedLines(lines: readonly string[]): boolean[] {
  let open = false;
  return lines.map((l) => {
    if (FENCE.test(l)) {
      open = !open;
      return true;
    }
    return open;
  });
}

/** Markdown's marks inside `src[from, to)`, a trimmed line outside code blocks; sorted, none overlapping. */
export function markdownEdits(src: string, from: number, to: number): RawEdit[] {
  const line = src.slice(from, to);
  if (!/[#>*_[\]]/.test(line)) return [];
  const edits: RawEdit[] = [];
  // Ranges of the line already spoken for (code spans, linked images): nothing else is cut inside them.
  const taken: [number, number][] = [];
  const free = (start: number, end: number): boolean => taken.every(([s, e]) => end <= s || e <= start);
  const cut = (start: number, end: number, reason: string): void => {
    edits.push({ start: from + start, end: from + end, replacement: '', rule: RULE, reason });
  };
  if (line.includes('`')) for (const m of line.matchAll(CODE_SPAN)) taken.push([m.index, m.index + m[0].length]);
  const heading = HEADING.exec(line);
  if (heading) {
    cut(0, heading[0].length, 'Markdown heading mark removed');
    const closing = closingHashes(line);
    if (closing > heading[0].length) cut(closing, line.length, 'Markdown heading mark removed');
  }
  const quote = heading ? null : QUOTE.exec(line);
  if (quote) cut(0, quote[0].length, 'Markdown block-quote mark removed');
  if (line.includes('](') || line.includes('][')) linkEdits(line, free, taken, cut);
  if (line.includes('[^')) {
    for (const m of line.matchAll(FOOTNOTE)) if (free(m.index, m.index + m[0].length)) cut(m.index, m.index + m[0].length, 'Markdown footnote mark removed');
  }
  for (const m of line.matchAll(STRONG)) {
    const end = m.index + m[0].length;
    // Its marks must be outside code; what they enclose may be code ("**`npm`**").
    if (!free(m.index, m.index + 2) || !free(end - 2, end)) continue;
    cut(m.index, m.index + 2, 'Markdown bold mark removed');
    cut(end - 2, end, 'Markdown bold mark removed');
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** Linked images, images and links: each claims its range, so a badge's image and link are not cut twice. */
function linkEdits(line: string, free: (s: number, e: number) => boolean, taken: [number, number][], cut: (s: number, e: number, reason: string) => void): void {
  for (const [pattern, reason] of [[LINKED_IMAGE, 'Markdown linked image removed'], [IMAGE, 'Markdown image removed']] as const) {
    for (const m of line.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (!free(m.index, end)) continue;
      cut(m.index, end, reason);
      taken.push([m.index, end]);
    }
  }
  for (const m of line.matchAll(LINK)) {
    const end = m.index + m[0].length;
    const textEnd = m.index + 1 + m[1]!.length;
    // Its marks and address must be outside code; its text may be code ("[`INSTALL.md`](./INSTALL.md)").
    if (!free(m.index, m.index + 1) || !free(textEnd, end) || (m.index > 0 && line[m.index - 1] === '!')) continue;
    cut(m.index, m.index + 1, 'Markdown link mark removed');
    cut(textEnd, end, m[2] !== undefined ? `Markdown link: its address (${m[2].replace(/\s+".*$/, '')}) removed` : 'Markdown link: its reference mark removed');
  }
}

/** Where a heading's closing hashes (` ##` at the end) start, or -1: scanned back from the end, not by a regex from every space. */
function closingHashes(line: string): number {
  let i = line.length;
  while (i > 0 && line[i - 1] === '#') i--;
  if (i === line.length) return -1;
  let j = i;
  while (j > 0 && (line[j - 1] === ' ' || line[j - 1] === '\t')) j--;
  return j < i ? j : -1;
}
