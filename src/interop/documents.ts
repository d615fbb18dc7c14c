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
 * passim's records), dates longer than a day (timestamps) are cut to the
 * day, fields Refrain does not know are ignored.
 */
import { ID_PATTERN, NOT_GIVEN, parseDocDate } from '../corpus/metadata.ts';
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
  title: string | null;
  author: string | null;
  /** BCP 47 tag from `language` or `lang`; null when neither gives one. */
  language: string | null;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const ISO_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])/;

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
export function prefixedMeta(record: Record<string, unknown>, prefix: string): { title: string | null; author: string | null; date: DocDate | null } {
  let date: DocDate | null = null;
  for (const field of ['date', 'pub_date', 'year']) {
    const raw = optionalString(record, prefix + field);
    const m = raw === null ? null : ISO_PREFIX.exec(raw);
    if (!m) continue;
    try {
      date = parseDocDate(m[0].replace(/[T ]$/, ''));
      break;
    } catch {
      // Not a date Refrain reads (a month 13): try the next field.
    }
  }
  return { title: optionalString(record, `${prefix}title`), author: optionalString(record, `${prefix}author`), date };
}

/** The date a record gives, at its own precision; throws with the reason when it is not ISO. */
function readDate(record: Record<string, unknown>): DocDate | null {
  const raw = optionalString(record, 'date');
  if (raw === null) return null;
  const m = ISO_PREFIX.exec(raw);
  if (!m) throw new Error(`date: expected an ISO date (YYYY, YYYY-MM, YYYY-MM-DD), got ${JSON.stringify(raw.slice(0, 40))}`);
  const value = m[0].replace(/[T ]$/, '');
  const date = parseDocDate(value);
  return record['date_approximate'] === true ? { ...date, approximate: true } : date;
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
  let date: DocDate | null;
  try {
    date = readDate(record);
  } catch (e) {
    return `document ${JSON.stringify(sourceId)}: ${(e as Error).message}`;
  }
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
    title: optionalString(record, 'title'),
    author: optionalString(record, 'author'),
    language: [record['language'], record['lang']].find((l): l is string => typeof l === 'string' && LANGUAGE_TAG.test(l)) ?? null,
  };
}
