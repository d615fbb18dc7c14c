/**
 * A teacher's edition: what the data block of an edition file holds, and the
 * check it passes before the app believes any of it.
 *
 * An edition is the app's own HTML with two non-executable blocks before
 * `</body>` (see writer.ts): `<script type="application/json"
 * id="refrain-edition">` holds this `Edition` (the corpus, the teacher's
 * notes, the opening view, a title and an introduction), and
 * `id="refrain-edition-analysis"`, when present, the engine's result for that
 * corpus as the worker serialises it, handed to the worker as bytes without
 * the page parsing it. The analysis is used only when `analysis.engine` is
 * this app's ANALYSIS_ENGINE_VERSION and `analysis.corpus` the content hash
 * of the documents read: a newer app recomputes.
 *
 * The corpus is a snapshot of what the teacher read: cleaned texts as they
 * were, not re-cleaned on opening, so the corpus's content identity (its hash,
 * which keys every student's own notes) does not change when the file is
 * opened by a newer app.
 */
import type { CorpusDocument, DocDate, Edit } from '../corpus/types.ts';
import { MAX_CORPUS_DOCUMENTS } from '../importer/limits.ts';
import { MAX_ID_LENGTH, validateRecord, type HighlightRecord, type NoteRecord } from '../state/records.ts';
import { MAX_HASH_LENGTH, parseHash } from '../state/url.ts';
import { checked, describe, Fields, Invalid, isPlainObject } from '../validate/fields.ts';

export const EDITION_FORMAT = 'refrain-edition';
export const EDITION_VERSION = 1;
/** The ids of the two data blocks. */
export const EDITION_BLOCK_ID = 'refrain-edition';
export const ANALYSIS_BLOCK_ID = 'refrain-edition-analysis';
export const MAX_TITLE_LENGTH = 200;
export const MAX_INTRODUCTION_LENGTH = 5000;
/** The longest series id a file may carry. */
export const MAX_SERIES_LENGTH = 100;
const MAX_NAME = 200;
const MAX_META_STRING = 2000;

/** A document as stored in an edition: `original` is left out when it is the cleaned text itself. */
export type EditionDocument = Omit<CorpusDocument, 'original'> & { original?: string };

/** The teacher's highlights and notes, shown read-only beside the reader's own. */
export interface TeacherNotes {
  records: (HighlightRecord | NoteRecord)[];
  /** Each noted formula's label when the edition was made, so a note still names its formula if a newer engine finds it no longer. */
  formulas: Record<string, string>;
}

export interface Edition {
  format: typeof EDITION_FORMAT;
  version: number;
  title: string;
  introduction: string;
  /** The `#/…` view the file opens at when opened without one; null: the first screen. */
  opening: string | null;
  /** When the edition was made (ms since 1970). */
  madeAt: number;
  corpus: { name: string; documents: EditionDocument[] };
  /** Which engine computed the analysis block, for which corpus content; null: no analysis block. */
  analysis: { engine: number; corpus: string } | null;
  teacher: TeacherNotes | null;
  /** The same in every file made from one corpus of the teacher's, so a student's notes follow a corrected file (series.ts); null: none. */
  series: string | null;
}

export type CheckedEdition = { ok: true; edition: Edition } | { ok: false; error: string };

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function need(cond: boolean, message: () => string): asserts cond {
  if (!cond) throw new Invalid(message());
}

function listOf(v: unknown, path: string): unknown[] {
  need(Array.isArray(v), () => `${path} is ${describe(v)}, expected a list`);
  return v;
}

function lineOf(v: unknown, path: string): string {
  need(typeof v === 'string' && v.length <= MAX_META_STRING, () => `${path} is ${describe(v)}, expected a line of at most ${MAX_META_STRING} characters`);
  return v;
}

function dateOf(v: unknown, path: string): DocDate | null {
  if (v === null) return null;
  const f = new Fields(v, path, ['value', 'precision', 'approximate']);
  const value = f.str('value', 10);
  need(/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value), () => `${path}.value is ${describe(value)}, expected YYYY, YYYY-MM or YYYY-MM-DD`);
  return { value, precision: f.literal('precision', ['day', 'month', 'year'] as const), approximate: f.bool('approximate') };
}

function documentOf(v: unknown, path: string): EditionDocument {
  const f = new Fields(v, path, ['meta', 'text', 'original', 'edits', 'wordCount']);
  const m = new Fields(f.raw('meta'), `${path}.meta`, ['id', 'title', 'outlet', 'author', 'date', 'language', 'provenance', 'source', 'clean']);
  const text = f.str('text', MAX_SAFE);
  const original = f.raw('original') === undefined ? text : f.str('original', MAX_SAFE, { empty: true });
  const edits = listOf(f.raw('edits'), `${path}.edits`).map((e, i): Edit => {
    const g = new Fields(e, `${path}.edits[${i}]`, ['start', 'end', 'replacement', 'rule', 'reason']);
    const start = g.int('start', 0, original.length);
    return { start, end: g.int('end', start, original.length), replacement: g.str('replacement', MAX_SAFE, { empty: true }), rule: g.str('rule', 100), reason: g.str('reason', MAX_META_STRING, { empty: true }) };
  });
  const meta: EditionDocument['meta'] = {
    id: m.str('id', MAX_ID_LENGTH),
    title: m.strOrNull('title', MAX_META_STRING),
    outlet: m.strOrNull('outlet', MAX_META_STRING),
    author: m.strOrNull('author', MAX_META_STRING),
    date: dateOf(m.raw('date'), `${path}.meta.date`),
    language: m.str('language', 100),
    provenance: m.str('provenance', MAX_META_STRING, { empty: true }),
    source: m.str('source', MAX_META_STRING, { empty: true }),
  };
  if (m.raw('clean') !== undefined) {
    const c = new Fields(m.raw('clean'), `${path}.meta.clean`, ['removeLines', 'keepLines']);
    meta.clean = {};
    for (const k of ['removeLines', 'keepLines'] as const) {
      if (c.raw(k) !== undefined) meta.clean[k] = listOf(c.raw(k), `${path}.meta.clean.${k}`).map((x, i) => lineOf(x, `${path}.meta.clean.${k}[${i}]`));
    }
  }
  const doc: EditionDocument = { meta, text, edits, wordCount: f.int('wordCount', 0, MAX_SAFE) };
  if (f.raw('original') !== undefined) doc.original = original;
  return doc;
}

function teacherOf(v: unknown, path: string): TeacherNotes | null {
  if (v === null) return null;
  const f = new Fields(v, path, ['records', 'formulas']);
  const records = listOf(f.raw('records'), `${path}.records`).map((r, i) => {
    const checked = validateRecord(r, `${path}.records[${i}]`);
    if (!checked.ok) throw new Invalid(checked.error);
    const record = checked.value;
    need(record.kind === 'highlight' || record.kind === 'note', () => `${path}.records[${i}].kind is "${record.kind}", expected highlight or note`);
    return record;
  });
  const g = f.raw('formulas');
  need(isPlainObject(g), () => `${path}.formulas is ${describe(g)}, expected an object`);
  const labels = new Fields(g, `${path}.formulas`, Object.keys(g));
  const formulas: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const id of Object.keys(g)) formulas[id] = labels.str(id, MAX_META_STRING);
  return { records, formulas };
}

/** A `#/…` route the app can open, or a message. */
export function openingProblem(route: string): string | null {
  if (!route.startsWith('#/')) return `does not start with "#/"`;
  if (route.length > MAX_HASH_LENGTH) return `is ${route.length} characters long, the limit is ${MAX_HASH_LENGTH}`;
  const { warning } = parseHash(route);
  return warning ? `is not a view this app understands (${warning})` : null;
}

function editionOf(value: unknown): Edition {
  const format = isPlainObject(value) ? value['format'] : value;
  need(format === EDITION_FORMAT, () => `the data block is not a Refrain edition (format is ${describe(format)})`);
  const f = new Fields(value, 'edition', ['format', 'version', 'title', 'introduction', 'opening', 'madeAt', 'corpus', 'analysis', 'teacher', 'series']);
  const version = f.int('version', 1, MAX_SAFE);
  need(version <= EDITION_VERSION, () => `the file was made by a newer Refrain (edition format ${version}; this one reads up to ${EDITION_VERSION}): open it with a newer Refrain`);
  const opening = f.strOrNull('opening', MAX_HASH_LENGTH);
  const problem = opening === null ? null : openingProblem(opening);
  need(problem === null, () => `edition.opening ${problem}`);
  const c = new Fields(f.raw('corpus'), 'edition.corpus', ['name', 'documents']);
  const list = listOf(c.raw('documents'), 'edition.corpus.documents');
  need(list.length > 0, () => 'edition.corpus.documents is empty');
  need(list.length <= MAX_CORPUS_DOCUMENTS, () => `edition.corpus.documents holds ${list.length} documents, the limit is ${MAX_CORPUS_DOCUMENTS}`);
  const documents = list.map((d, i) => documentOf(d, `edition.corpus.documents[${i}]`));
  const ids = new Set<string>();
  for (const d of documents) {
    need(!ids.has(d.meta.id), () => `edition.corpus.documents has the id "${d.meta.id.slice(0, 40)}" twice`);
    ids.add(d.meta.id);
  }
  const a = f.raw('analysis') === null ? null : new Fields(f.raw('analysis'), 'edition.analysis', ['engine', 'corpus']);
  return {
    format: EDITION_FORMAT,
    version,
    title: f.str('title', MAX_TITLE_LENGTH),
    introduction: f.str('introduction', MAX_INTRODUCTION_LENGTH, { empty: true }),
    opening,
    madeAt: f.int('madeAt', 0, MAX_SAFE),
    corpus: { name: c.str('name', MAX_NAME), documents },
    analysis: a && { engine: a.int('engine', 0, MAX_SAFE), corpus: a.str('corpus', 100) },
    teacher: teacherOf(f.raw('teacher'), 'edition.teacher'),
    // Absent from the first files made (the field came later in format 1).
    series: f.raw('series') === undefined ? null : f.strOrNull('series', MAX_SERIES_LENGTH),
  };
}

/**
 * Checks a parsed data block field by field and returns a fresh copy (nothing
 * of the input object survives), or a message naming the first problem.
 */
export function checkEdition(value: unknown): CheckedEdition {
  const result = checked(() => editionOf(value));
  return result.ok ? { ok: true, edition: result.value } : result;
}

/** Parses and checks a data block's text; never throws. */
export function parseEdition(text: string): CheckedEdition {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `the data block is not valid JSON (was the file cut short?): ${e instanceof Error ? e.message.slice(0, 120) : ''}` };
  }
  return checkEdition(value);
}

/** The documents as the app holds them: the original restored where the edition left it out. */
export function corpusDocuments(edition: Edition): CorpusDocument[] {
  return edition.corpus.documents.map((d) => ({ ...d, original: d.original ?? d.text }));
}

/** The documents as an edition stores them: the original left out where it is the cleaned text itself. */
export function editionDocuments(documents: readonly CorpusDocument[]): EditionDocument[] {
  return documents.map(({ original, ...rest }) => (original === rest.text ? rest : { ...rest, original }));
}
