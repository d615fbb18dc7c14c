/**
 * A word processor's document, Word (`.docx`) or OpenDocument (`.odt`), to
 * its text and metadata. Both are ZIP archives of XML: fflate unzips only
 * the two parts read (the body, and the core or meta properties), and
 * their XML is read in one pass (xml-walk.ts).
 *
 * - The text is the body's paragraphs and headings, one paragraph each;
 *   a tab is a space, a line break a line. Left out: tracked deletions,
 *   field codes, footnotes and endnotes, comments, and headers and footers
 *   (they are other parts of the archive, not read).
 * - Metadata: title, author (creator), date (created, to the day) and
 *   language from the document's properties; a field the properties leave
 *   empty comes from the file name or is left out, as for a text file.
 * - An archive that is not such a document, is broken, or would unpack to
 *   more than archive.ts's limit (a ZIP bomb) is refused with the reason.
 *
 * What it misses: text boxes and shapes' text is read where Word keeps it
 * in the body (inside the paragraph it is anchored to); tables are read
 * cell by cell as paragraphs; an old binary `.doc` is not read (save it as
 * `.docx`).
 */
import { unpackParts } from './archive.ts';
import { FIELD_LIMITS, shorten } from './limits.ts';
import { LANGUAGE_PATTERN, dateFromTimestamp } from './metadata.ts';
import { walkXml } from './xml-walk.ts';

export interface OfficeReading {
  text: string;
  fields: Partial<Record<'title' | 'author' | 'date' | 'language', string>>;
}

interface Format {
  body: string;
  properties: string;
  /** Paragraph elements, each ends a paragraph. */
  paragraphs: Set<string>;
  /** Text runs' elements whose text is read (all text, when null). */
  textElements: Set<string> | null;
  /** Elements whose text is never read. */
  skipped: Set<string>;
  spaces: Set<string>;
  lineBreaks: Set<string>;
  /** Property element → field. */
  properties_: Record<string, 'title' | 'author' | 'date' | 'language'>;
}

const DOCX: Format = {
  body: 'word/document.xml',
  properties: 'docProps/core.xml',
  paragraphs: new Set(['w:p']),
  textElements: new Set(['w:t']),
  skipped: new Set(['w:del', 'w:deltext', 'w:instrtext', 'w:footnotereference', 'w:endnotereference', 'w:commentreference']),
  spaces: new Set(['w:tab']),
  lineBreaks: new Set(['w:br', 'w:cr']),
  properties_: { 'dc:title': 'title', 'dc:creator': 'author', 'dcterms:created': 'date', 'dc:language': 'language' },
};

const ODT: Format = {
  body: 'content.xml',
  properties: 'meta.xml',
  paragraphs: new Set(['text:p', 'text:h']),
  textElements: null,
  skipped: new Set(['text:note', 'office:annotation', 'text:tracked-changes', 'office:automatic-styles', 'office:font-face-decls', 'office:scripts']),
  spaces: new Set(['text:s', 'text:tab']),
  lineBreaks: new Set(['text:line-break']),
  properties_: { 'dc:title': 'title', 'meta:initial-creator': 'author', 'dc:creator': 'author', 'meta:creation-date': 'date', 'dc:language': 'language' },
};

/** The provenance sentence of a document read from a word processor's file. */
export const officeProvenance = (path: string) => `Imported from the word processor's file “${path}”: the text of its body (tracked deletions, comments, footnotes, headers and footers left out).`;

/** The text and metadata of a `.docx` or `.odt` file, or why it cannot be read. */
export function readOffice(bytes: Uint8Array, name: string): OfficeReading | { error: string } {
  // The name says which it should be; the parts found say which it is.
  const named = /\.odt$/i.test(name) ? ODT : DOCX;
  const wanted = new Set([DOCX.body, DOCX.properties, ODT.body, ODT.properties]);
  const parts = unpackParts(bytes, (part) => wanted.has(part), kindOf(named));
  if ('error' in parts) return parts;
  const has = (part: string) => parts.names.includes(part);
  const format = has(named.body) ? named : has(DOCX.body) ? DOCX : has(ODT.body) ? ODT : named;
  const body = parts.text(format.body);
  if (body === null) return { error: `is not ${kindOf(named)}: it has no ${format.body}` };
  const props = parts.text(format.properties);
  return { text: readXml(body, format), fields: props !== null ? propertyFields(props, format) : {} };
}

const kindOf = (format: Format) => (format === ODT ? 'an OpenDocument text (.odt)' : 'a Word document (.docx)');

/** The body's paragraphs, joined by blank lines. */
function readXml(xml: string, format: Format): string {
  const paragraphs: string[] = [];
  let current = '';
  let skipping = 0;
  let reading = 0;
  const stack: string[] = [];
  // Open elements by name, so a stray close tag costs a lookup, not a search of the stack.
  const openCount = new Map<string, number>();
  const open = (name: string, selfClosing: boolean) => {
    if (!skipping) {
      if (format.spaces.has(name)) current += ' ';
      else if (format.lineBreaks.has(name)) current += '\n';
    }
    if (selfClosing) return;
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (format.skipped.has(name)) skipping++;
    if (format.textElements?.has(name)) reading++;
  };
  const close = (name: string) => {
    if (!openCount.get(name)) return;
    for (;;) {
      const top = stack.pop()!;
      openCount.set(top, openCount.get(top)! - 1);
      if (format.skipped.has(top)) skipping--;
      if (format.textElements?.has(top)) reading--;
      if (format.paragraphs.has(top) && !skipping) {
        const p = current.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/ {2,}/g, ' ').trim();
        if (p) paragraphs.push(p);
        current = '';
      }
      if (top === name) break;
    }
  };
  const text = (s: string) => {
    if (skipping || (format.textElements && !reading)) return;
    // In ODT, layout whitespace between elements is not text; runs of spaces are <text:s/>.
    current += format.textElements ? s : s.replace(/[\r\n\t]+/g, '');
  };
  walkXml(xml, {
    open: (name, _attrs, selfClosing) => open(name.toLowerCase(), selfClosing),
    close: (name) => close(name.toLowerCase()),
    text,
  }, false);
  if (current.trim()) paragraphs.push(current.trim());
  return paragraphs.join('\n\n');
}

/** Title, author, date and language from the properties part, as front-matter fields. */
function propertyFields(xml: string, format: Format): OfficeReading['fields'] {
  const out: OfficeReading['fields'] = {};
  let field: string | null = null;
  let value = '';
  walkXml(xml, {
    open: (name, _attrs, selfClosing) => {
      if (selfClosing) return;
      field = format.properties_[name.toLowerCase()] ?? null;
      value = '';
    },
    close: () => {
      const v = value.replace(/\s+/g, ' ').trim();
      const f = field as keyof OfficeReading['fields'] | null;
      if (f && v && out[f] === undefined) {
        if (f === 'date') {
          const d = dateFromTimestamp(v);
          if (d) out.date = d;
        } else if (f === 'language') {
          if (LANGUAGE_PATTERN.test(v)) out.language = v;
        } else out[f] = shorten(v, FIELD_LIMITS[f]);
      }
      field = null;
    },
    text: (t) => void (field && (value += t)),
  }, false);
  return out;
}
