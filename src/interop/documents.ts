/**
 * Documents as passim reads them: JSON Lines, one document per line, with
 * `id`, `text` and `series` (passim's README, "Structuring the Input"); any
 * other field is passed through to its output. Refrain writes `series`
 * (the outlet), `date` (ISO, at the precision the source gives), `title`,
 * `author` and `text` (the cleaned text), and `date_approximate: true` for
 * an estimated date. A document with no outlet is its own series: the
 * `passim` command compares only documents of different series (it runs
 * `--fields 'xxhash64(series) as gid' --filterpairs 'gid < gid2'`), and a
 * missing series hashes like every other missing one, so documents without
 * an outlet would never be compared with each other. Reading turns a series
 * equal to the document's id back into "no outlet".
 *
 * Reading accepts any passim input: ids that Refrain's
 * routes cannot carry are made safe (the original is kept for matching
 * passim's records), dates are read as every document's is
 * (corpus/dates.ts: ISO, `5 March 1865`, `05.03.1865`, a timestamp to the
 * day…; one it cannot read costs only itself, and the note saying why goes
 * to the document's provenance), fields Refrain does not know are ignored.
 */
import { readDate } from '../corpus/dates.ts';
import { ID_PATTERN, NOT_GIVEN } from '../corpus/metadata.ts';
import type { DocDate } from '../corpus/types.ts';

/** What a document record needs of a Refrain document. */
export interface ExportableDoc {
  meta: { id: string; title: string | null; outlet: string | null; author: string | null; date: DocDate | null };
  text: string;
}

/** One line of passim input for `doc` (no newline). */
export function passimDocumentLine(doc: ExportableDoc): string {
  const { meta } = doc;
  const record: Record<string, unknown> = { id: meta.id };
  record['series'] = meta.outlet ?? meta.id;
  if (meta.date) {
    record['date'] = meta.date.value;
    if (meta.date.approximate) record['date_approximate'] = true;
  }
  if (meta.title) record['title'] = meta.title;
  if (meta.author) record['author'] = meta.author;
  record['text'] = doc.text;
  // JSON.stringify escapes every newline inside a string: one record, one line.
  return JSON.stringify(record);
}

/** The whole corpus as passim input: one line per document, each ending in a newline. */
export function* passimDocumentLines(docs: Iterable<ExportableDoc>): Generator<string> {
  for (const doc of docs) yield `${passimDocumentLine(doc)}\n`;
}

/** A document as read from passim input. */
export interface ReadDocument {
  /** Refrain's id: the record's, or a safe form of it. */
  id: string;
  /** The id as the file gives it (passim's records name documents by it). */
  sourceId: string;
  text: string;
  series: string | null;
  date: DocDate | null;
  /** Why the date was not read as written (a sentence for the provenance); null when it was, or none was given. */
  dateNote: string | null;
  title: string | null;
  author: string | null;
  /** BCP 47 tag from `language` or `lang`; null when neither gives one. */
  language: string | null;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function optionalString(record: Record<string, unknown>, field: string): string | null {
  const v = record[field];
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return NOT_GIVEN.has(t.toLowerCase()) ? null : t;
}

/**
 * What another record says of a document, each field read as a document
 * record's would be, `prefix` before its name (TextPAIR's `source_title`,
 * `source_author`, `source_date`/`source_pub_date`/`source_year`). A field
 * that is absent or unreadable is null: this only fills what the texts
 * themselves do not say.
 */
export function prefixedMeta(record: Record<string, unknown>, prefix: string): { title: string | null; author: string | null; date: DocDate | null; dateNote: string | null } {
  let read: { date: DocDate | null; dateNote: string | null } = { date: null, dateNote: null };
  for (const field of ['date', 'pub_date', 'year']) {
    read = dateOf(record, prefix + field, false);
    // Not a date Refrain reads (a month 13, "n/a"): try the next field.
    if (read.date) break;
  }
  return { title: optionalString(record, `${prefix}title`), author: optionalString(record, `${prefix}author`), ...(read.date ? read : { date: null, dateNote: null }) };
}

/** The date a record's `field` gives, at its own precision, and why it was not read as written (corpus/dates.ts). */
function dateOf(record: Record<string, unknown>, field: string, approximate: boolean): { date: DocDate | null; dateNote: string | null } {
  const raw = optionalString(record, field);
  if (raw === null) return { date: null, dateNote: null };
  const { date, note } = readDate(raw);
  return { date: date && approximate ? { ...date, approximate: true } : date, dateNote: note };
}

/** The outlet a record's series names: none when it is the document's own id (see above). */
function seriesOf(record: Record<string, unknown>, sourceId: string): string | null {
  const series = optionalString(record, 'series');
  return series === sourceId ? null : series;
}

/** A Refrain id for `raw`: itself when safe, else its letters, digits, "_", "." and "-" with runs of others as "-". */
export function safeId(raw: string): string {
  if (ID_PATTERN.test(raw)) return raw;
  const id = raw
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .slice(0, 128);
  return id || 'document';
}

/**
 * One passim input record as a document, or the reason it is not one.
 * `taken` holds the Refrain ids given so far: a made-safe id that collides
 * gets a numeric suffix. (The caller refuses a repeated `sourceId`.)
 */
export function readDocumentRecord(record: Record<string, unknown>, taken: Set<string>): ReadDocument | string {
  const rawId = record['id'];
  if (typeof rawId !== 'string' && typeof rawId !== 'number') return 'no "id" (a string)';
  const sourceId = String(rawId);
  if (sourceId.trim() === '') return '"id" is empty';
  const text = record['text'];
  if (typeof text !== 'string') return `document ${JSON.stringify(sourceId)} has no "text" (a string)`;
  const { date, dateNote } = dateOf(record, 'date', record['date_approximate'] === true);
  let id = safeId(sourceId);
  if (taken.has(id)) {
    let n = 2;
    while (taken.has(`${id.slice(0, 120)}-${n}`)) n++;
    id = `${id.slice(0, 120)}-${n}`;
  }
  return {
    id,
    sourceId,
    text,
    series: seriesOf(record, sourceId),
    date,
    dateNote,
    title: optionalString(record, 'title'),
    author: optionalString(record, 'author'),
    language: [record['language'], record['lang']].find((l): l is string => typeof l === 'string' && LANGUAGE_TAG.test(l)) ?? null,
  };
}
