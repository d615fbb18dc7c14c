/**
 * A PDF file to its text and metadata: the pages in the document's order,
 * each page's lines (content.ts) joined into paragraphs, and the title,
 * author and date of its document information.
 *
 * - Metadata: the title (unless it is a producer's file name), the author,
 *   and the date of creation unless a browser made the file (a page
 *   printed to PDF: its date is the day of printing).
 * - Paragraphs: a line joins the one before it unless the gap between them
 *   is wider than PARAGRAPH_GAP times the page's line gap (its most common,
 *   in multiples of the font size), its font
 *   size differs (a heading), it is indented, or the line before ends a
 *   sentence well short of the page's usual line length. A word hyphenated
 *   at a line's end is joined when the next line goes on in lower case,
 *   unless the document writes it with its hyphen elsewhere (rejoinHyphens).
 * - Running heads and page numbers: a page's first or last line that is
 *   only a number, or that recurs (digits aside) at the top or bottom of
 *   other pages, is left out. The provenance says so.
 * - Encrypted files open when they need no password to open (decrypt.ts);
 *   one that needs a password is refused, saying so.
 * - Refused with a reason: a file with no text (a scan:
 *   only images), and one whose fonts give no text for most of what they
 *   show (glyphs without a Unicode map): inventing text would be worse.
 *
 * Why our own reader rather than pdf.js: pdf.js renders pages, and its
 * build (≈ 1.3 MB minified with its worker) would more than double the
 * single file for what is, for reading text, a few hundred lines over the
 * fflate already bundled.
 *
 * What it misses: text in a layout that a content stream draws out of reading order
 * (some multi-column magazine pages), right-to-left runs drawn in visual
 * order, Type 3 and bare-glyph fonts without a Unicode map, tables
 * (read cell by cell, a line each).
 */
import { BIGRAM_SCRIPT } from '../../text/scan.ts';
import { newDocumentState, PageReader, type Line } from './content.ts';
import { Name, PdfFile, Stream, type Dict, type Value } from './objects.ts';

export interface PdfReading {
  text: string;
  fields: Partial<Record<'title' | 'author' | 'date', string>>;
  pages: number;
  /** Running heads, footers and page numbers left out. */
  furniture: number;
}

/** A gap between lines, as a multiple of the page's usual one, that separates paragraphs. */
export const PARAGRAPH_GAP = 1.4;
/** Pages past this are not read (a document, not an archive). */
export const MAX_PAGES = 5000;
/** A share of shown glyphs with no text past which the file is refused. */
const MAX_UNREADABLE = 0.25;

export const pdfProvenance = (path: string, reading: PdfReading) =>
  `Imported from the PDF “${path}”: the text of its ${reading.pages} page${reading.pages === 1 ? '' : 's'}` +
  (reading.furniture ? `, ${reading.furniture} running head${reading.furniture === 1 ? '' : 's'} and page number${reading.furniture === 1 ? '' : 's'} left out` : '') +
  ' (lines joined into paragraphs by their spacing).';

/** The text and metadata of a PDF, or why it cannot be read. */
export function readPdf(bytes: Uint8Array): PdfReading | { error: string } {
  let pdf: PdfFile;
  try {
    pdf = new PdfFile(bytes);
  } catch (error) {
    return { error: error instanceof Error && error.message.startsWith('has ') ? error.message : 'is a PDF that cannot be read: its structure is damaged' };
  }
  if (pdf.locked) return { error: pdf.locked };
  const pages = pageList(pdf);
  if (!pages.length) return { error: 'is a PDF without pages that can be read (its structure is damaged)' };
  const perPage: Line[][] = [];
  let shown = 0;
  let unreadable = 0;
  const shared = newDocumentState();
  try {
    for (const page of pages) {
      const reader = new PageReader(pdf, shared);
      const resources = inherited(pdf, page, 'Resources');
      for (const data of contents(pdf, page)) reader.read(data, resources instanceof Map ? resources : null);
      perPage.push(reader.finish());
      shown += reader.counts.shown;
      unreadable += reader.counts.unreadable;
    }
  } catch (error) {
    return { error: error instanceof Error && error.message.startsWith('has ') ? error.message : 'is a PDF that cannot be read: a page is damaged' };
  }
  if (shown === 0) return { error: 'has no text layer (a scanned PDF holds only images of its pages); run it through text recognition (OCR) first, or copy its text into "Paste a text"' };
  if (unreadable > shown * MAX_UNREADABLE) {
    return { error: `uses fonts that do not say which letters they draw (${Math.round((100 * unreadable) / shown)}% of its characters), so its text cannot be read; copy its text from a PDF viewer into "Paste a text"` };
  }
  const furniture = dropFurniture(perPage);
  return { text: rejoinHyphens(paragraphs(perPage)), fields: infoFields(pdf), pages: pages.length, furniture };
}

/** The page dictionaries in order, from the catalogue's page tree (or every /Page object when the tree is broken). */
function pageList(pdf: PdfFile): Dict[] {
  const out: Dict[] = [];
  const seen = new Set<Dict>();
  const walk = (node: Value | undefined, depth: number) => {
    const d = pdf.get(node);
    if (!(d instanceof Map) || seen.has(d) || depth > 64 || out.length >= MAX_PAGES) return;
    seen.add(d);
    const kids = pdf.get(d.get('Kids'));
    if (Array.isArray(kids)) for (const k of kids) walk(k, depth + 1);
    else if (typeOf(pdf, d) === 'Page' || d.has('Contents')) out.push(d);
  };
  const root = pdf.get(pdf.trailer.get('Root'));
  if (root instanceof Map) walk(root.get('Pages'), 0);
  if (!out.length) {
    for (const v of pdf.values()) if (v instanceof Map && typeOf(pdf, v) === 'Catalog') walk(v.get('Pages'), 0);
  }
  if (!out.length) for (const v of pdf.values()) if (v instanceof Map && typeOf(pdf, v) === 'Page' && out.length < MAX_PAGES) out.push(v);
  return out;
}

function typeOf(pdf: PdfFile, d: Dict): string | undefined {
  const t = pdf.get(d.get('Type'));
  return t instanceof Name ? t.name : undefined;
}

/** A page attribute, inherited from the page tree when the page lacks it. */
function inherited(pdf: PdfFile, page: Dict, key: string): Value | undefined {
  let d: Dict | null = page;
  for (let i = 0; d && i < 64; i++) {
    const v = pdf.get(d.get(key));
    if (v !== undefined) return v;
    const parent = pdf.get(d.get('Parent'));
    d = parent instanceof Map ? parent : null;
  }
  return undefined;
}

/** A page's content streams, decoded (an array of streams is one stream cut in pieces: joined with a space). */
function contents(pdf: PdfFile, page: Dict): Uint8Array[] {
  const c = pdf.get(page.get('Contents'));
  const streams = (Array.isArray(c) ? c.map((x) => pdf.get(x)) : [c]).filter((s): s is Stream => s instanceof Stream);
  const parts = streams.map((s) => pdf.decode(s)).filter((d): d is Uint8Array => d !== null);
  if (parts.length <= 1) return parts;
  const total = parts.reduce((n, p) => n + p.length + 1, 0);
  const joined = new Uint8Array(total).fill(0x0a);
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length + 1;
  }
  return [joined];
}

/**
 * A line with its digits folded and its size, for recognising a running head
 * that carries the page number (and not taking a title for the running head
 * that repeats it in small type).
 */
const furnitureKey = (line: Line) => `${Math.round(line.size)}:${line.text.replace(/\d+/g, '#').toLowerCase()}`;

/**
 * Leaves out each page's running heads and page numbers: its first and last
 * two lines when they are only a page number ("12", "- 12 -", "Page 3 of 9")
 * or recur, digits aside, at the top or bottom of at least a third of the
 * pages (and of two or more). Returns how many lines it left out.
 */
function dropFurniture(pages: Line[][]): number {
  const edges = (lines: Line[]) => [...new Set([...lines.slice(0, 2), ...lines.slice(-2)])];
  const counts = new Map<string, number>();
  for (const lines of pages) for (const key of new Set(edges(lines).map(furnitureKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const recurs = (key: string) => pages.length >= 3 && (counts.get(key) ?? 0) >= Math.max(2, pages.length / 3);
  const pageNumber = /^(?:page\s+)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
  let dropped = 0;
  pages.forEach((lines, p) => {
    const drop = new Set(edges(lines).filter((l) => pageNumber.test(l.text) || recurs(furnitureKey(l))));
    if (drop.size) {
      pages[p] = lines.filter((l) => !drop.has(l));
      dropped += drop.size;
    }
  });
  return dropped;
}

const SENTENCE_END = /[.!?。！？:;…"”’»)]$/;
/** Single line spacing, in multiples of the font size (what word processors and browsers use, give or take). */
const SINGLE_SPACING = 1.25;

/** A line that starts a list item. */
const LIST_ITEM = /^[•◦▪‣·∙●○■□–—-]\s/;

/** The pages' lines joined into paragraphs, separated by blank lines. */
function paragraphs(pages: Line[][]): string {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    if (current) out.push(current);
    current = '';
  };
  for (const lines of pages) {
    // Gaps as multiples of the font size, so a heading's lines are measured like the body's.
    const gaps: number[] = [];
    const widths: number[] = [];
    for (let i = 1; i < lines.length; i++) {
      const gap = (lines[i - 1]!.y - lines[i]!.y) / lines[i]!.size;
      if (gap > 0.5 && Math.abs(lines[i]!.size - lines[i - 1]!.size) < 0.5) gaps.push(gap);
    }
    for (const l of lines) widths.push(l.right - l.x);
    const usualGap = lineGap(gaps);
    const usualWidth = median(widths);
    lines.forEach((line, i) => {
      const prev = lines[i - 1];
      let joins: boolean;
      const prevGap = prev ? (prev.y - line.y) / line.size : 0;
      if (!prev || prevGap <= 0) {
        // A page's first line, or a new column's (a jump up the page), goes on from the paragraph before it when that one was cut mid-sentence.
        joins = current !== '' && !SENTENCE_END.test(current) && /^[\p{Ll}\p{Lo}]/u.test(line.text);
      } else {
        const sameSize = Math.abs(line.size - prev.size) < Math.max(0.5, prev.size * 0.1);
        const indented = line.x - prev.x > prev.size * 1.5 && line.x - prev.x < usualWidth / 2;
        const shortEnd = SENTENCE_END.test(prev.text) && prev.right - prev.x < usualWidth * 0.8;
        joins = prevGap <= usualGap * PARAGRAPH_GAP && sameSize && !indented && !shortEnd && !LIST_ITEM.test(line.text);
      }
      if (!joins) {
        flush();
        current = line.text;
      } else current = join(current, line.text);
    });
  }
  flush();
  return out.join('\n\n');
}

/** Marks a hyphen that ended a line, until rejoinHyphens decides whether it stays (a private-use character). */
const LINE_END_HYPHEN = '\ue000';

/**
 * A word hyphenated at a line's end, as the document writes it elsewhere:
 * "long-\nterm" stays "long-term" when the text has "long-term" more often
 * than "longterm" on one line; "develop-\nment" becomes "development" (the
 * usual case, and the choice when neither form occurs elsewhere).
 */
export function rejoinHyphens(text: string): string {
  if (!text.includes(LINE_END_HYPHEN)) return text;
  const words = new Map<string, number>();
  for (const w of text.replace(new RegExp(`[\\p{L}-]+${LINE_END_HYPHEN}[\\p{L}-]+`, 'gu'), ' ').toLowerCase().match(/[\p{L}-]+/gu) ?? []) words.set(w, (words.get(w) ?? 0) + 1);
  return text.replace(new RegExp(`([\\p{L}-]+)${LINE_END_HYPHEN}([\\p{L}-]+)`, 'gu'), (_, a: string, b: string) => {
    const hyphenated = `${a}-${b}`.toLowerCase();
    const joined = `${a}${b}`.toLowerCase();
    return (words.get(hyphenated) ?? 0) > (words.get(joined) ?? 0) ? `${a}-${b}` : `${a}${b}`;
  });
}

/** Two lines of one paragraph: a hyphenated word rejoined, no space between lines of Chinese or Japanese. */
function join(before: string, after: string): string {
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + after;
  // Hyphen or break? Decided once the whole text is known (rejoinHyphens).
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + LINE_END_HYPHEN + after;
  if (BIGRAM_SCRIPT.test(before.at(-1)!) && BIGRAM_SCRIPT.test(after[0]!)) return before + after;
  return `${before} ${after}`;
}

/**
 * The gap between lines of one paragraph on a page: the smallest gap that
 * is common (as many gaps within 10% of it as half the most common gap
 * has, and at least two); with none, the smallest up to single spacing. Not the median, which on a page of short
 * paragraphs is the gap between paragraphs; not the smallest, which TeX's
 * uneven baselines make too small. Infinity when no gap is known.
 */
function lineGap(gaps: number[]): number {
  const sorted = [...gaps].sort((a, b) => a - b);
  const near: number[] = [];
  let most = 0;
  for (let i = 0, hi = 0; i < sorted.length; i++) {
    while (hi < sorted.length && sorted[hi]! <= sorted[i]! * 1.1) hi++;
    near.push(hi - i);
    most = Math.max(most, hi - i);
  }
  const enough = Math.max(2, most / 2);
  const i = near.findIndex((n) => n >= enough);
  // No gap recurs (a page of two or three lines): the smallest, but no wider than single spacing.
  return i >= 0 ? sorted[i]! * 1.05 : sorted.length ? Math.min(sorted[0]!, SINGLE_SPACING) * 1.05 : Infinity;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** What browsers write as a PDF's producer or creator when they print a page. */
const BROWSER_PRODUCER = /Skia\/PDF|Mozilla|Chrome|Safari|Firefox|WebKit|cairo/i;

/** Title, author and date from the document information, a producer's placeholder title left out. */
function infoFields(pdf: PdfFile): PdfReading['fields'] {
  const info = pdf.get(pdf.trailer.get('Info'));
  const fields: PdfReading['fields'] = {};
  if (!(info instanceof Map)) return fields;
  const str = (key: string) => {
    const v = pdf.get(info.get(key));
    return v instanceof Uint8Array ? textString(v).replace(/\s+/g, ' ').trim() : '';
  };
  const title = str('Title');
  if (title && !/^(untitled|microsoft (word|powerpoint) - .*|.*\.(docx?|odt|rtf|tex|dvi|pdf|txt|html?))$/i.test(title)) fields.title = title;
  const author = str('Author');
  if (author) fields.author = author;
  // A browser's PDF is a page printed: its creation date is the day it was printed, not the article's.
  const printed = BROWSER_PRODUCER.test(`${str('Producer')} ${str('Creator')}`);
  const date = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(str('CreationDate'));
  if (date && Number(date[1]) >= 1900 && !printed) fields.date = [date[1], date[2], date[3]].filter(Boolean).join('-');
  return fields;
}

/** PDFDocEncoding's characters for 0x80–0xA0 where they are not Latin-1's. */
const PDF_DOC_HIGH = '\u2022\u2020\u2021\u2026\u2014\u2013\u0192\u2044\u2039\u203a\u2212\u2030\u201e\u201c\u201d\u2018\u2019\u201a\u2122\ufb01\ufb02\u0141\u0152\u0160\u0178\u017d\u0131\u0142\u0153\u0161\u017e\ufffd\u20ac';

/** A PDF text string: UTF-16 with its byte-order mark, UTF-8 with one, else PDFDocEncoding. */
export function textString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  let s = '';
  for (const b of bytes) s += b >= 0x80 && b <= 0xa0 ? PDF_DOC_HIGH[b - 0x80] : String.fromCharCode(b);
  return s;
}
