/**
 * Writes an edition file: the app's own HTML, unchanged, with the edition's
 * two data blocks put just before `</body>` (an earlier edition's blocks are
 * taken out first, so an edition made from an edition holds one set).
 *
 * Why the CSP still holds: a `<script type="application/json">` is a data
 * block, never run, so `script-src` and its hashes do not apply to it; the
 * app's script and style elements are left byte for byte as they were, so
 * their hashes in the policy still match.
 *
 * Why a text cannot break out of a block: inside a <script> element the HTML
 * parser looks only for `</script` (and `<!--` with `<script`, which can hide
 * a later `</script`). JSON has `<` only inside strings, so writing every `<`
 * as `\u003c` (and `>`, `&`, U+2028, U+2029 likewise) leaves nothing for the
 * parser to see, and JSON.parse reads back the same strings.
 *
 * Pure string work: the page gets the app's HTML from page.ts, the analysis
 * from the worker.
 */
import type { Corpus } from '../corpus/types.ts';
import { utf8Length } from '../text/utf8.ts';
import {
  ANALYSIS_BLOCK_ID,
  EDITION_BLOCK_ID,
  EDITION_FORMAT,
  EDITION_VERSION,
  MAX_INTRODUCTION_LENGTH,
  MAX_TITLE_LENGTH,
  editionDocuments,
  openingProblem,
  type Edition,
  type TeacherNotes,
} from './format.ts';

const openTag = (id: string) => `<script type="application/json" id="${id}">`;
const CLOSE_TAG = '</script>';
/** The end every serialised HTML document has (the parser puts anything after `</body>` inside the body). */
const DOCUMENT_END = /<\/body>\s*<\/html>\s*$/i;

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON text made safe as the raw text of a <script> element (its meaning unchanged). */
export function scriptSafeJson(json: string): string {
  return json.replace(SCRIPT_UNSAFE, escapeChar);
}

/** Takes out any edition blocks that end the document; the rest is left as it was. */
export function stripEdition(html: string): string {
  const end = DOCUMENT_END.exec(html);
  if (!end) return html;
  let body = html.slice(0, end.index);
  // Blocks and the whitespace after them go; the whitespace before the first stays, as it was before it.
  for (;;) {
    const trimmed = body.trimEnd();
    if (!trimmed.endsWith(CLOSE_TAG)) break;
    const start = trimmed.lastIndexOf('<script', trimmed.length - CLOSE_TAG.length);
    if (start < 0) break;
    const tag = trimmed.slice(start, trimmed.indexOf('>', start) + 1);
    if (tag !== openTag(EDITION_BLOCK_ID) && tag !== openTag(ANALYSIS_BLOCK_ID)) break;
    // A block's own text never holds "<" (see scriptSafeJson): the tag found is its own.
    body = trimmed.slice(0, start);
  }
  return body + html.slice(end.index);
}

/**
 * The edition file: `appHtml` (any earlier edition taken out) with the data
 * block and, when given, the analysis block (`analysisJson`: the engine's
 * result as JSON text) before `</body>`.
 */
export function writeEdition(appHtml: string, edition: Edition, analysisJson: string | null = null): string {
  const base = stripEdition(appHtml);
  const end = DOCUMENT_END.exec(base);
  if (!end) throw new Error('edition: the app page does not end with </body></html>; cannot add the data block');
  const blocks =
    openTag(EDITION_BLOCK_ID) + scriptSafeJson(JSON.stringify(edition)) + CLOSE_TAG +
    (analysisJson === null ? '' : openTag(ANALYSIS_BLOCK_ID) + scriptSafeJson(analysisJson) + CLOSE_TAG);
  return base.slice(0, end.index) + blocks + base.slice(end.index);
}

export interface EditionInput {
  title: string;
  introduction: string;
  /** A `#/…` view, or null for the first screen. */
  opening: string | null;
  corpus: Corpus;
  teacher: TeacherNotes | null;
  /** The engine's result for `corpus` (JSON text) and the engine version that made it. */
  analysis: { engine: number; json: string } | null;
  madeAt: number;
  /** The reading set this file continues (format.ts), or null. */
  series?: string | null;
}

/** The edition a teacher asked for; throws with a message naming the field when a value cannot be used. */
export function makeEdition(input: EditionInput): { edition: Edition; analysisJson: string | null } {
  const title = input.title.replace(/\s+/g, ' ').trim();
  if (title === '') throw new Error('edition: the title is empty');
  if (title.length > MAX_TITLE_LENGTH) throw new Error(`edition: the title is ${title.length} characters long, the limit is ${MAX_TITLE_LENGTH}`);
  const introduction = input.introduction.trim();
  if (introduction.length > MAX_INTRODUCTION_LENGTH) throw new Error(`edition: the introduction is ${introduction.length} characters long, the limit is ${MAX_INTRODUCTION_LENGTH}`);
  const problem = input.opening === null ? null : openingProblem(input.opening);
  if (problem) throw new Error(`edition: the opening view ${JSON.stringify(input.opening!.slice(0, 60))} ${problem}`);
  if (input.corpus.documents.length === 0) throw new Error('edition: the corpus has no documents');
  const edition: Edition = {
    format: EDITION_FORMAT,
    version: EDITION_VERSION,
    title,
    introduction,
    opening: input.opening,
    madeAt: input.madeAt,
    corpus: { name: input.corpus.name, documents: editionDocuments(input.corpus.documents) },
    analysis: input.analysis ? { engine: input.analysis.engine, corpus: input.corpus.id } : null,
    teacher: input.teacher && input.teacher.records.length ? input.teacher : null,
    series: input.series ?? null,
  };
  return { edition, analysisJson: input.analysis?.json ?? null };
}

/** A file name for the edition: its title, safe on every disk. */
export function editionFileName(title: string): string {
  const base = title.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `${base || 'reading-set'}.refrain.html`;
}
