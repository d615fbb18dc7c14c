/**
 * The cleaner: plain text captured from a news web page in, reading text out,
 * with every removal and repair recorded as an `Edit` on the original.
 *
 * Pure: no DOM, no Node. Runs in Node, in the browser and in a Web Worker.
 * Each rule lives in its own module under `clean/`; this one runs them in
 * order, in one pass over the lines of the capture:
 *  1. Split into lines (`\n`, `\r\n`, `\r`); trim each (spaces, tabs, NBSP,
 *     EM SPACE, zero-width characters...). Within a line, repair mojibake
 *     (clean/mojibake.ts), stray backslash escapes (clean/stray-escape.ts),
 *     Markdown's marks (clean/markdown.ts) and odd whitespace runs
 *     (clean/whitespace.ts).
 *  2. Decide for every line whether it is kept or removed, by rules that are
 *     general heuristics (see `CLEANING_RULES`), not strings of known pages:
 *     - the metadata's overrides (`clean.keepLines`, `clean.removeLines`);
 *     - lines that are only Markdown (images, link references, thematic
 *       breaks: clean/markdown.ts);
 *     - headlines at the head of the page (clean/titles.ts);
 *     - anywhere: "See also" links, photo captions and credits, editor
 *       credits, rows of social-network links, whole-line furniture phrases
 *       from a small generic lexicon (clean/furniture.ts, `anywhereRule`),
 *       except on a line whose sentence goes on from the line above it or
 *       into the line below (hard-wrapped text: clean/paragraphs.ts
 *       `wrapsInto`);
 *     - at the head (before the first prose paragraph) and the tail (after
 *       the last one): anything that is not prose (headlines, navigation,
 *       bylines, date stamps, labels), cookie/spam/copyright notices
 *       (clean/furniture.ts `removeOutsideBody`, clean/bylines.ts). The
 *       body's edges are whole sentences: a wrapped line whose sentence
 *       goes on into the body is body, and so are a greeting opening it
 *       ("Hi all,") and a last sentence missing its full stop.
 *     A line never decided on is kept: sidebars, lists and quotations inside
 *     the article stay.
 *  3. Group kept lines into paragraphs (clean/paragraphs.ts): a sentence
 *     broken across a line or paragraph break is rejoined with a space; an
 *     attribution line starting with a dash stays under its quotation
 *     (single `\n`); everything else is separated by exactly one blank line.
 *  4. Remove the second copy of a run of paragraphs repeated consecutively
 *     (clean/duplicates.ts).
 *  5. Emit edits for everything that differs (clean/edits.ts); `text` is the
 *     original with the edits applied, so the invariant holds by construction.
 * What the file's reader left out before (a web page's navigation, footer…)
 * is not read, but marked among the edits: clean/left-out.ts.
 * Offsets between the original and the clean text: clean/offsets.ts.
 */
import { bylineReason } from './clean/bylines.ts';
import { markDuplicates, paragraphsOf } from './clean/duplicates.ts';
import { applyEdits, buildEdits } from './clean/edits.ts';
import { anywhereRule, removeOutsideBody } from './clean/furniture.ts';
import { applyInner, blocksOf, resolveOverlaps, splitLines, type Line } from './clean/lines.ts';
import { fencedLines, markdownEdits, markdownLine } from './clean/markdown.ts';
import { mojibakeEdits, thaiRepairAllowed } from './clean/mojibake.ts';
import { hardWrapped, separators, wrapsInto } from './clean/paragraphs.ts';
import { strayEscapeEdits } from './clean/stray-escape.ts';
import { countWords, isLatinDocument, isProse } from './clean/text-shape.ts';
import { detectTitles } from './clean/titles.ts';
import { innerWhitespaceEdits } from './clean/whitespace.ts';
import { LEFT_OUT_RULE, throughLeftOut, withoutLeftOut } from './clean/left-out.ts';
import type { CleanOverrides, CleanResult, LeftOut } from './types.ts';

export { cleanOffsetToOriginal, originalOffsetToClean, segmentsOf, type Segment } from './clean/offsets.ts';

/** Each rule: its id (an edit's `rule`), what a reader calls what it removes or repairs, and what it does. */
export const CLEANING_RULES: ReadonlyArray<{ id: string; name: string; description: string }> = [
  { id: 'whitespace', name: 'spacing', description: 'Line endings, trailing spaces, NBSP/EM SPACE runs, zero-width characters and blank lines normalised: paragraphs are separated by exactly one blank line, with no leading or trailing whitespace.' },
  { id: 'mojibake', name: 'encoding repaired', description: 'Text that was UTF-8 but decoded as Windows-1252/Latin-1 (e.g. "â€™" → "’", "Ã©" → "é") or as Windows-874/TIS-620 Thai (e.g. "ยท" → "·") is decoded again. Only byte runs that form valid multi-byte UTF-8 and decode to plausible characters are repaired; Thai is repaired only when no other Thai text in the document would be disturbed.' },
  { id: 'stray-escape', name: 'stray backslash', description: 'A backslash left before $, %, &, #, _ or * by a Markdown/LaTeX export ("\\$14" → "$14").' },
  { id: 'markdown', name: 'Markdown marks', description: 'Markdown\u2019s marks: a link keeps its text and loses its address ("[the report](https://…)" → "the report"); images, link reference definitions, thematic breaks ("***") and heading underlines are removed; headings, block quotes, bold and footnotes lose their marks ("## ", "> ", "**", "[^1]"). A single * or _, backticks and list markers stay.' },
  { id: 'title', name: 'headline repeated', description: 'The headline at the head of the page: lines repeated at the head (also with a breadcrumb or " - Outlet" suffix), or equal to the known title. The title is metadata, not body.' },
  { id: 'byline', name: 'byline or dateline', description: 'Byline, dateline and author e-mail lines at the head or tail ("By X", "by admin", "09:23, October 25, 2019", "name@outlet.com"). Author and date are metadata; bylines are removed consistently, including "By X" lines.' },
  { id: 'furniture', name: 'site furniture', description: 'Site furniture: non-prose lines before the first or after the last paragraph (navigation, section headers, headlines, standfirsts, labels, foreign-script page chrome, capture date stamps; never a line whose sentence runs on into the next line, as in hard-wrapped text, a short greeting ending in a comma just before the body ("Hi all,", "Dear colleagues,"), or a sentence-case line of six words or more just after it, the body\u2019s last sentence without its full stop, when no other such line follows), rows of social-network links, cookie/spam/copyright/follow-us notices, editor credits, and short lines that are exactly a generic furniture phrase ("Share", "Related reading", "Most Read", "Leave a Comment", "Privacy & Cookies Policy", "English>>"...).' },
  { id: 'see-also', name: 'link to another story', description: 'Links to other stories injected between paragraphs: lines starting "See also", "Read more:", "Related:", "Also read"...' },
  { id: 'caption', name: 'photo caption', description: 'Photo captions: short paragraphs starting "Photo shows", "Photo:", "Photo taken ..." or ending with a "(Photo by ...)"/"[Photo/...]" credit.' },
  { id: 'credit', name: 'photo credit', description: 'Photo credits from print pages: short all-capital lines naming a photographer or outlet ("WU HEPING / FOR CHINA DAILY", "CHINA DAILY", "XINHUA").' },
  { id: 'rejoin', name: 'broken sentence rejoined', description: 'A sentence broken across a line or paragraph break (the first part has no sentence-final punctuation and the second starts in lower case, or the first ends in a word like "and", "the", "of") is rejoined with one space; hard-wrapped blocks are unwrapped.' },
  { id: 'duplicate-body', name: 'duplicated body', description: 'The second copy of a run of paragraphs that repeats consecutively (two or more paragraphs, or one long paragraph), verbatim up to case, punctuation and spacing. A short sentence repeated on purpose is kept.' },
  { id: LEFT_OUT_RULE, name: 'outside the article', description: 'A web page\u2019s text that is not its article, left out when the page was read, before cleaning: navigation, the page\u2019s header and footer, asides, comments, share buttons, related stories, cookie notices, forms, hidden text, lists of links, the byline and date lines (read as metadata), photo captions, and text elsewhere on the page. The reason names which the reader of the page took it for.' },
  { id: 'override', name: 'listed in the metadata', description: 'Lines listed in the document metadata (clean.removeLines) are removed; lines in clean.keepLines are kept whatever the rules say.' },
];

/**
 * `hints.leftOut`: stretches of `original` its file's reader left out (a web
 * page's furniture): the rest is cleaned, and they are marked among the
 * edits (clean/left-out.ts).
 */
export function cleanText(original: string, overrides?: CleanOverrides, hints?: { title?: string | null; leftOut?: readonly LeftOut[] }): CleanResult {
  if (hints?.leftOut?.length) {
    const { text, edits } = cleanText(withoutLeftOut(original, hints.leftOut), overrides, { title: hints.title });
    return { text, edits: throughLeftOut(hints.leftOut, edits) };
  }
  const src = original;
  const lines = splitLines(src);
  const nonBlank = lines.filter((l) => !l.blank);
  // Lines of a fenced code block are left as written (their "**" and "#" are code's).
  const code = fencedLines(nonBlank.map((l) => src.slice(l.cs, l.ce)));
  repairInside(src, lines, nonBlank, code);
  applyOverrides(src, nonBlank, overrides);
  nonBlank.forEach((l, k) => {
    const markup = l.removed || l.forceKeep || code[k] ? null : markdownLine(src.slice(l.cs, l.ce));
    if (markup) l.removed = markup;
  });
  detectTitles(lines, hints?.title);
  for (const [k, l] of nonBlank.entries()) {
    if (l.removed || l.forceKeep) continue;
    // A line of a sentence wrapped over lines is not a line of its own ("…renaming a file that is" / "open.").
    const prev = nonBlank[k - 1];
    const next = nonBlank[k + 1];
    if ((prev && !prev.removed && wrapsInto(prev, l)) || (next && wrapsInto(l, next))) continue;
    const r = anywhereRule(l);
    if (r) l.removed = r;
  }
  removeOutsideBody(nonBlank, isLatinDocument(nonBlank.map((l) => l.t)));

  let seps = separators(lines);
  if (markDuplicates(paragraphsOf(lines, seps))) seps = separators(lines);
  const edits = buildEdits(src, lines, seps);
  return { text: applyEdits(src, edits), edits };
}

/** Step 1: repairs inside each line (no Markdown repair in `code`, per non-blank line), then what each line is (words, prose). */
function repairInside(src: string, lines: Line[], nonBlank: Line[], code: readonly boolean[]): void {
  const thaiOk = thaiRepairAllowed(src);
  for (const [k, l] of nonBlank.entries()) {
    const markdown = code[k] ? [] : markdownEdits(src, l.cs, l.ce);
    l.inner = resolveOverlaps([mojibakeEdits(src, l.cs, l.ce, thaiOk), strayEscapeEdits(src, l.cs, l.ce), markdown, innerWhitespaceEdits(src, l.cs, l.ce)]);
    l.t = applyInner(src, l);
    l.words = countWords(l.t);
    l.prose = isProse(l.t, l.words);
  }
  // A hard-wrapped block is prose as a whole, although its lines are not; so is a sentence wrapped over lines of any block.
  const joinedProse = (run: Line[]): boolean => {
    const joined = run.map((l) => l.t).join(' ');
    return isProse(joined, countWords(joined));
  };
  for (const block of blocksOf(lines)) {
    if (hardWrapped(block)) {
      const prose = joinedProse(block);
      for (const l of block) l.prose = prose;
      continue;
    }
    let from = 0;
    for (let k = 1; k <= block.length; k++) {
      if (k < block.length && wrapsInto(block[k - 1]!, block[k]!)) continue;
      const run = block.slice(from, k);
      if (run.length > 1 && joinedProse(run)) for (const l of run) l.prose = true;
      from = k;
    }
  }
}

/** Step 2: lines the document's metadata says to keep or to remove. */
function applyOverrides(src: string, nonBlank: Line[], overrides: CleanOverrides | undefined): void {
  const keep = new Set((overrides?.keepLines ?? []).map((s) => s.trim()));
  const drop = new Set((overrides?.removeLines ?? []).map((s) => s.trim()));
  for (const l of nonBlank) {
    const raw = src.slice(l.cs, l.ce);
    if (keep.has(raw) || keep.has(l.t)) l.forceKeep = true;
    else if (drop.has(raw) || drop.has(l.t)) l.removed = { rule: 'override', reason: 'listed in this document\u2019s clean.removeLines' };
  }
}
