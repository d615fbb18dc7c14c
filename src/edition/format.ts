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
import { validateRecord, type HighlightRecord, type NoteRecord } from '../state/records.ts';
import { describe, isPlainObject } from '../validate/fields.ts';
import { MAX_HASH_LENGTH, parseHash } from '../state/url.ts';

export const EDITION_FORMAT = 'refrain-edition';
export const EDITION_VERSION = 1;
/** The ids of the two data blocks. */
export const EDITION_BLOCK_ID = 'refrain-edition';
export const ANALYSIS_BLOCK_ID = 'refrain-edition-analysis';
export const MAX_TITLE_LENGTH = 200;
export const MAX_INTRODUCTION_LENGTH = 5000;
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
}

export type CheckedEdition = { ok: true; edition: Edition } | { ok: false; error: string };

class Invalid extends Error {}

function need(cond: boolean, message: () => string): asserts cond {
  if (!cond) throw new Invalid(message());
}

function fields(v: unknown, path: string, allowed: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  need(isPlainObject(v), () => `${path} is ${describe(v)}, expected an object`);
  for (const k of Object.keys(v)) need(allowed.includes(k) || optional.includes(k), () => `${path} has an unknown field "${k.slice(0, 40)}"`);
  for (const k of allowed) need(Object.prototype.hasOwnProperty.call(v, k), () => `${path}.${k} is missing`);
  return v;
}

function str(v: unknown, path: string, max: number, empty = true): string {
  need(typeof v === 'string', () => `${path} is ${describe(v)}, expected a string`);
  need(v.length <= max, () => `${path} is ${v.length} characters long, the limit is ${max}`);
  need(empty || v.length > 0, () => `${path} is empty`);
  return v;
}

const strOrNull = (v: unknown, path: string, max: number): string | null => (v === null ? null : str(v, path, max));

function int(v: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  need(typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max, () => `${path} is ${describe(v)}, expected a whole number from ${min} to ${max}`);
  return v;
}

function dateOf(v: unknown, path: string): DocDate | null {
  if (v === null) return null;
  const f = fields(v, path, ['value', 'precision', 'approximate']);
  const precision = f['precision'];
  need(precision === 'day' || precision === 'month' || precision === 'year', () => `${path}.precision is ${describe(precision)}, expected day, month or year`);
  need(typeof f['approximate'] === 'boolean', () => `${path}.approximate is ${describe(f['approximate'])}, expected true or false`);
  const value = str(f['value'], `${path}.value`, 10, false);
  need(/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value), () => `${path}.value is ${describe(value)}, expected YYYY, YYYY-MM or YYYY-MM-DD`);
  return { value, precision, approximate: f['approximate'] };
}

function linesOf(v: unknown, path: string): string[] {
  need(Array.isArray(v), () => `${path} is ${describe(v)}, expected a list`);
  return v.map((x, i) => str(x, `${path}[${i}]`, MAX_META_STRING));
}

function documentOf(v: unknown, path: string): EditionDocument {
  const f = fields(v, path, ['meta', 'text', 'edits', 'wordCount'], ['original']);
  const m = fields(f['meta'], `${path}.meta`, ['id', 'title', 'outlet', 'author', 'date', 'language', 'provenance', 'source'], ['clean']);
  const text = str(f['text'], `${path}.text`, Number.MAX_SAFE_INTEGER, false);
  const original = f['original'] === undefined ? text : str(f['original'], `${path}.original`, Number.MAX_SAFE_INTEGER);
  need(Array.isArray(f['edits']), () => `${path}.edits is ${describe(f['edits'])}, expected a list`);
  const edits = f['edits'].map((e, i): Edit => {
    const p = `${path}.edits[${i}]`;
    const g = fields(e, p, ['start', 'end', 'replacement', 'rule', 'reason']);
    const start = int(g['start'], `${p}.start`, 0, original.length);
    const end = int(g['end'], `${p}.end`, start, original.length);
    return { start, end, replacement: str(g['replacement'], `${p}.replacement`, MAX_META_STRING * 50), rule: str(g['rule'], `${p}.rule`, 100), reason: str(g['reason'], `${p}.reason`, MAX_META_STRING) };
  });
  const meta: EditionDocument['meta'] = {
    id: str(m['id'], `${path}.meta.id`, 256, false),
    title: strOrNull(m['title'], `${path}.meta.title`, MAX_META_STRING),
    outlet: strOrNull(m['outlet'], `${path}.meta.outlet`, MAX_META_STRING),
    author: strOrNull(m['author'], `${path}.meta.author`, MAX_META_STRING),
    date: dateOf(m['date'], `${path}.meta.date`),
    language: str(m['language'], `${path}.meta.language`, 100, false),
    provenance: str(m['provenance'], `${path}.meta.provenance`, MAX_META_STRING),
    source: str(m['source'], `${path}.meta.source`, MAX_META_STRING),
  };
  if (m['clean'] !== undefined) {
    const c = fields(m['clean'], `${path}.meta.clean`, [], ['removeLines', 'keepLines']);
    meta.clean = {};
    if (c['removeLines'] !== undefined) meta.clean.removeLines = linesOf(c['removeLines'], `${path}.meta.clean.removeLines`);
    if (c['keepLines'] !== undefined) meta.clean.keepLines = linesOf(c['keepLines'], `${path}.meta.clean.keepLines`);
  }
  const doc: EditionDocument = { meta, text, edits, wordCount: int(f['wordCount'], `${path}.wordCount`) };
  if (f['original'] !== undefined) doc.original = original;
  return doc;
}

function teacherOf(v: unknown, path: string): TeacherNotes | null {
  if (v === null) return null;
  const f = fields(v, path, ['records', 'formulas']);
  need(Array.isArray(f['records']), () => `${path}.records is ${describe(f['records'])}, expected a list`);
  const records = f['records'].map((r, i) => {
    const checked = validateRecord(r, `${path}.records[${i}]`);
    if (!checked.ok) throw new Invalid(checked.error);
    const record = checked.value;
    need(record.kind === 'highlight' || record.kind === 'note', () => `${path}.records[${i}].kind is "${record.kind}", expected highlight or note`);
    return record;
  });
  const g = f['formulas'];
  need(isPlainObject(g), () => `${path}.formulas is ${describe(g)}, expected an object`);
  const formulas: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [id, label] of Object.entries(g)) formulas[str(id, `${path}.formulas key`, 256, false)] = str(label, `${path}.formulas["${id.slice(0, 40)}"]`, MAX_META_STRING);
  return { records, formulas };
}

/** A `#/…` route the app can open, or a message. */
export function openingProblem(route: string): string | null {
  if (!route.startsWith('#/')) return `does not start with "#/"`;
  if (route.length > MAX_HASH_LENGTH) return `is ${route.length} characters long, the limit is ${MAX_HASH_LENGTH}`;
  const { warning } = parseHash(route);
  return warning ? `is not a view this app understands (${warning})` : null;
}

/**
 * Checks a parsed data block field by field and returns a fresh copy (nothing
 * of the input object survives), or a message naming the first problem.
 */
export function checkEdition(value: unknown): CheckedEdition {
  try {
    need(isPlainObject(value) && value['format'] === EDITION_FORMAT, () => `the data block is not a Refrain edition (format is ${describe(isPlainObject(value) ? value['format'] : value)})`);
    const version = int(value['version'], 'version', 1);
    need(version <= EDITION_VERSION, () => `the file was made by a newer Refrain (edition format ${version}; this one reads up to ${EDITION_VERSION}): open it with a newer Refrain`);
    const f = fields(value, 'edition', ['format', 'version', 'title', 'introduction', 'opening', 'madeAt', 'corpus', 'analysis', 'teacher']);
    const opening = strOrNull(f['opening'], 'opening', MAX_HASH_LENGTH);
    if (opening !== null) {
      const problem = openingProblem(opening);
      need(problem === null, () => `opening ${problem}`);
    }
    const c = fields(f['corpus'], 'corpus', ['name', 'documents']);
    const list = c['documents'];
    need(Array.isArray(list), () => `corpus.documents is ${describe(list)}, expected a list`);
    need(list.length > 0, () => 'corpus.documents is empty');
    need(list.length <= MAX_CORPUS_DOCUMENTS, () => `corpus.documents holds ${list.length} documents, the limit is ${MAX_CORPUS_DOCUMENTS}`);
    const documents = list.map((d, i) => documentOf(d, `corpus.documents[${i}]`));
    const ids = new Set<string>();
    for (const d of documents) {
      need(!ids.has(d.meta.id), () => `corpus.documents has the id "${d.meta.id.slice(0, 40)}" twice`);
      ids.add(d.meta.id);
    }
    let analysis: Edition['analysis'] = null;
    if (f['analysis'] !== null) {
      const a = fields(f['analysis'], 'analysis', ['engine', 'corpus']);
      analysis = { engine: int(a['engine'], 'analysis.engine'), corpus: str(a['corpus'], 'analysis.corpus', 100, false) };
    }
    return {
      ok: true,
      edition: {
        format: EDITION_FORMAT,
        version,
        title: str(f['title'], 'title', MAX_TITLE_LENGTH, false),
        introduction: str(f['introduction'], 'introduction', MAX_INTRODUCTION_LENGTH),
        opening,
        madeAt: int(f['madeAt'], 'madeAt'),
        corpus: { name: str(c['name'], 'corpus.name', MAX_NAME, false), documents },
        analysis,
        teacher: teacherOf(f['teacher'], 'teacher'),
      },
    };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
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
