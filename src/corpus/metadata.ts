/**
 * Document metadata: front matter in a text file, or a `<file>.meta.json`
 * sidecar beside an original that must stay byte-for-byte. Pure: no I/O.
 */
import { FIELD_LIMITS, MAX_CLEAN_LINE_CHARS, MAX_CLEAN_LINES, shorten, type LimitedField } from './limits.ts';
import { APPROXIMATE_PREFIX, readDate } from './dates.ts';
import type { CleanOverrides, DocDate, DocMeta } from './types.ts';

/** A problem with one file's metadata or content; the message names both. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    problem: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'CorpusError';
  }
}

/** Written in metadata to say the source does not give the field. */
export const NOT_GIVEN = new Set(['', 'not named', 'none', 'unknown', 'no headline', 'undated', 'null']);

/** The fields a document's metadata has; front matter may hold others, which are ignored. */
export const FIELDS = ['id', 'title', 'outlet', 'author', 'date', 'language', 'provenance', 'clean'] as const;
type Field = (typeof FIELDS)[number];
/** A sidecar is a complete record: every field must be present (null where unknown). */
const SIDECAR_REQUIRED: readonly Field[] = ['title', 'outlet', 'author', 'date', 'language', 'provenance'];

/** What a document id may be: safe in routes, storage keys and file names. */
export const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,127}$/u;
/** A language tag as metadata takes it: "en", "zh-Hant-TW". */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Parses a date as written in metadata: `2019-10-25`, `2019-10`, `2019`,
 * optionally prefixed `~` or `about` when the source only lets us estimate.
 * The precision is what was written: a day is never invented.
 */
export function parseDocDate(raw: string): DocDate {
  let text = raw.trim();
  const approximate = APPROXIMATE_PREFIX.test(text);
  if (approximate) text = text.replace(APPROXIMATE_PREFIX, '').trim();
  const m = DATE_PATTERN.exec(text);
  if (!m) throw new Error(`expected YYYY, YYYY-MM or YYYY-MM-DD (optionally "~" for approximate), got ${JSON.stringify(raw)}`);
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) throw new Error(`month ${mo} out of range in ${JSON.stringify(raw)}`);
  if (d !== undefined) {
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    if (Number(d) < 1 || Number(d) > days) throw new Error(`day ${d} out of range in ${JSON.stringify(raw)}`);
  }
  return { value: text, precision: d ? 'day' : mo ? 'month' : 'year', approximate };
}

/** A date a file's own metadata gives (a page's head, a book's package, a TEI header, a document's properties) as `YYYY[-MM[-DD]]`; null when unreadable. */
export function dateFromTimestamp(raw: string): string | null {
  return readDate(raw).date?.value ?? null;
}

/** The date as written when it parses, else null. */
export function validDate(value: string): string | null {
  try {
    parseDocDate(value);
    return value;
  } catch {
    return null;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "25 October 2019", "October 2019", "about 2020": precision shown honestly. */
export function formatDocDate(date: DocDate | null): string {
  if (!date) return 'undated';
  const [y, m, d] = date.value.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  const text = d ? `${Number(d)} ${month} ${y}` : month ? `${month} ${y}` : `${y}`;
  return date.approximate ? `about ${text}` : text;
}

/** The year a date falls in, or null when undated. */
export function yearOf(date: DocDate | null): string | null {
  return date ? date.value.slice(0, 4) : null;
}

/** Sorts undated last; earlier and coarser-but-equal first. */
export function compareDocDates(a: DocDate | null, b: DocDate | null): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** What a file contributes to its metadata: parsed front matter and/or a sidecar object. */
export interface MetaSource {
  file: string;
  /** Used when no id is given. */
  defaultId: string;
  /** Used when no title is given (e.g. the file name). */
  defaultTitle: string | null;
  /** Parsed front matter (src/corpus/front-matter.ts), metadata a page states, or what the reader typed. */
  frontMatter?: Record<string, unknown>;
  sidecar?: unknown;
  /** The provenance when none is given (where the file came from). */
  provenance?: string;
}

/** A date not read as written: kept to the `year` only, left out (`none`), or read in full on an assumption (`null`: a two-figure year's century); and the provenance's sentence saying so. */
export interface DateNote {
  lost: 'year' | 'none' | null;
  note: string;
}

/** A document's metadata, and what of its date was not read (null when it was read as written, or none was given). */
export interface ReadMeta {
  meta: DocMeta;
  dateNote: DateNote | null;
}

/** Builds a validated DocMeta, or throws a CorpusError naming the file and the field. */
export function buildMeta(source: MetaSource): DocMeta {
  return readMeta(source).meta;
}

/**
 * Builds a validated DocMeta, or throws a CorpusError naming the file and
 * the field. A date is read with src/corpus/dates.ts; one that cannot be
 * read in full costs only itself: it is left out (or kept to the year) and
 * the provenance says why.
 */
export function readMeta(source: MetaSource): ReadMeta {
  const { file } = source;
  const raw: Record<string, unknown> = Object.create(null);
  if (source.frontMatter) Object.assign(raw, source.frontMatter);
  if (source.sidecar !== undefined) {
    const sidecarFile = `${file}.meta.json`;
    if (typeof source.sidecar !== 'object' || source.sidecar === null || Array.isArray(source.sidecar)) {
      throw new CorpusError(sidecarFile, null, 'must be a JSON object');
    }
    for (const key of Object.keys(source.sidecar)) {
      if (!(FIELDS as readonly string[]).includes(key)) {
        throw new CorpusError(sidecarFile, key, `unknown field (expected one of ${FIELDS.join(', ')})`);
      }
    }
    for (const key of SIDECAR_REQUIRED) {
      if (!(key in source.sidecar)) throw new CorpusError(sidecarFile, key, 'missing (write null if the source does not give it)');
    }
    Object.assign(raw, source.sidecar);
  }
  const where = source.sidecar !== undefined ? `${file}.meta.json` : file;
  const text = (field: LimitedField): string | null => {
    const value = raw[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw new CorpusError(where, field, `must be a string or null, got ${typeof value}`);
    const trimmed = value.trim();
    if (trimmed.length > FIELD_LIMITS[field]) throw new CorpusError(where, field, tooLong(trimmed.length, FIELD_LIMITS[field]));
    return NOT_GIVEN.has(trimmed.toLowerCase()) ? null : trimmed;
  };

  const id = text('id') ?? source.defaultId;
  if (!ID_PATTERN.test(id)) throw new CorpusError(where, 'id', `${JSON.stringify(id)} must be letters, digits, "_", "." or "-" (at most 128)`);

  const language = text('language') ?? 'en';
  if (!LANGUAGE_PATTERN.test(language)) throw new CorpusError(where, 'language', `${JSON.stringify(language)} is not a language tag such as "en" or "zh"`);

  // A date that cannot be read costs only itself (dates.ts); a number (a JSON sidecar's 2019) is read as its figures.
  const given = typeof raw.date === 'number' ? String(raw.date) : raw.date;
  if (given !== undefined && given !== null && typeof given !== 'string') throw new CorpusError(where, 'date', `must be a string or null, got ${typeof given}`);
  const rawDate = given?.trim() ?? '';
  const read = rawDate && !NOT_GIVEN.has(rawDate.toLowerCase()) ? readDate(rawDate) : null;
  const date = read?.date ?? null;
  const provenance = text('provenance') ?? source.provenance ?? '';

  const meta: DocMeta = {
    id,
    title: 'title' in raw ? text('title') : source.defaultTitle === null ? null : shorten(source.defaultTitle, FIELD_LIMITS.title),
    outlet: text('outlet'),
    author: text('author'),
    date,
    language,
    provenance: read?.note ? withNote(provenance, read.note) : provenance,
    source: file,
  };
  const clean = parseOverrides(raw.clean, where);
  if (clean) meta.clean = clean;
  return { meta, dateNote: read?.note ? { lost: !date ? 'none' : read.why ? 'year' : null, note: read.note } : null };
}

/** The provenance with a sentence added, shortened so that both fit its limit. */
export function withNote(provenance: string, note: string): string {
  if (!provenance) return note;
  return `${shorten(provenance, FIELD_LIMITS.provenance - note.length - 1)} ${note}`;
}

function parseOverrides(value: unknown, where: string): CleanOverrides | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new CorpusError(where, 'clean', 'must be an object with removeLines and/or keepLines');
  const out: CleanOverrides = {};
  for (const [key, list] of Object.entries(value)) {
    if (key !== 'removeLines' && key !== 'keepLines') throw new CorpusError(where, `clean.${key}`, 'unknown field (expected removeLines or keepLines)');
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) throw new CorpusError(where, `clean.${key}`, 'must be a list of strings');
    if (list.length > MAX_CLEAN_LINES) throw new CorpusError(where, `clean.${key}`, `lists ${list.length.toLocaleString('en')} lines; the limit is ${MAX_CLEAN_LINES.toLocaleString('en')}`);
    const long = list.findIndex((line) => line.length > MAX_CLEAN_LINE_CHARS);
    if (long >= 0) throw new CorpusError(where, `clean.${key}[${long}]`, tooLong(list[long]!.length, MAX_CLEAN_LINE_CHARS));
    out[key] = list as string[];
  }
  return out;
}

/** The message for a field over its limit (src/corpus/limits.ts). */
export function tooLong(length: number, limit: number): string {
  return `is ${length.toLocaleString('en')} characters long; the limit is ${limit.toLocaleString('en')}`;
}

/** Title from a file name: `my-article_2020.txt` → "my article 2020". */
export function titleFromFileName(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() || name;
}

/** An id from a file name, safe for routes. */
export function idFromFileName(name: string): string {
  return idFrom(name.replace(/\.[^.]+$/, '')) || 'document';
}

/** Text made an id: letters, digits, "_", "." and "-" (others become "-"), starting with a letter or digit, at most 128; "" when nothing is left. */
export function idFrom(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .slice(0, 128);
}
