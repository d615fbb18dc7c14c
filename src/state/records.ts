/**
 * The stored records: their types, their keys, hand-written validators (used
 * both when loading from IndexedDB and when importing a file) and the schema
 * migrations.
 *
 * Records are fine-grained, one key per note, highlight, document state…, so
 * that two tabs editing different notes never overwrite each other. Every
 * record carries `rev` (incremented on every write, compared-and-set inside
 * one readwrite transaction) and `updatedAt` (ms since epoch, used to merge
 * imports). A deletion is a tombstone (`deleted: true`) so that neither a stale
 * tab nor an older export can bring the record back.
 *
 * Keys are strings `<corpus>/<path>`; every path component is
 * percent-encoded, so `/` only ever separates components. Per corpus, the
 * record at path `schema` holds `{ version }`.
 *
 * Schema history (each version's shapes are documented by its migration):
 *  v1  no rev/updatedAt; a highlight's note lived inside the highlight; family
 *      and comparison notes were single `{text}` records.
 *  v2  `rev` + `updatedAt` on every record, `kind` tag, tombstones; notes split
 *      into their own records (`note/...`), several per target.
 */

import { checked, describe, Fields, Invalid, isPlainObject, type Checked } from '../validate/fields.ts';
import type { Anchor } from './anchor.ts';
import { MAX_HASH_LENGTH, parseHash, type View } from './url.ts';

export const SCHEMA_VERSION = 2;

// Limits on stored and imported values, generous for real use, small enough
// that a hostile file cannot exhaust memory or quota through one field.
export const MAX_ID_LENGTH = 256;
export const MAX_NOTE_LENGTH = 100_000;
export const MAX_QUOTE_LENGTH = 20_000;
export const MAX_CONTEXT_LENGTH = 256;
export const MAX_LABEL_LENGTH = 200;
export const MAX_COLOR_LENGTH = 32;
export const MAX_ROUTE_LENGTH = MAX_HASH_LENGTH;
export const MAX_OFFSET = 1e9;
/** Latest timestamp accepted (year 2200): a far-future `updatedAt` would win every merge. */
export const MAX_TIMESTAMP = 7_258_118_400_000;

export interface RecordMeta {
  rev: number;
  updatedAt: number;
  deleted?: true;
}

export interface DocRecord extends RecordMeta {
  kind: 'doc';
  docId: string;
  /** Reading position: UTF-16 offset into the cleaned text. */
  position: number | null;
  read: boolean;
}

export interface HighlightRecord extends RecordMeta {
  kind: 'highlight';
  docId: string;
  id: string;
  anchor: Anchor;
  color: string;
  label: string | null;
  createdAt: number;
}

export type NoteTarget =
  | { type: 'highlight'; docId: string; highlightId: string }
  | { type: 'family'; familyId: string }
  /** A two-document comparison; `a` < `b` (see `pairTarget`). */
  | { type: 'pair'; a: string; b: string };

export interface NoteRecord extends RecordMeta {
  kind: 'note';
  target: NoteTarget;
  id: string;
  text: string;
  createdAt: number;
}

export interface ComparisonRecord extends RecordMeta {
  kind: 'comparison';
  id: string;
  a: string;
  b: string;
  label: string;
  /** The compare view's hash, so opening it restores its settings. */
  route: string | null;
  createdAt: number;
}

export interface LastViewRecord extends RecordMeta {
  kind: 'last-view';
  route: string;
}

export type StateRecord = DocRecord | HighlightRecord | NoteRecord | ComparisonRecord | LastViewRecord;

/** The id of the note the UI edits by default; other ids come from conflicts and imports. */
export const MAIN_NOTE_ID = 'main';
/** Starts the id of a note kept from a losing concurrent edit (its text is the writer's, unmarked). */
export const CONFLICT_COPY_PREFIX = 'conflict-';
/** Starts the text of conflict copies made before they were marked by id (kept as they are). */
export const LEGACY_CONFLICT_MARKER = '(conflict copy) ';

/** A note kept beside the one it lost to: another tab saved that one first. */
export function isConflictCopy(n: Pick<NoteRecord, 'id' | 'text'>): boolean {
  return n.id.startsWith(CONFLICT_COPY_PREFIX) || n.text.startsWith(LEGACY_CONFLICT_MARKER);
}

export function pairTarget(x: string, y: string): NoteTarget {
  return x <= y ? { type: 'pair', a: x, b: y } : { type: 'pair', a: y, b: x };
}

const enc = encodeURIComponent;

export function corpusPrefix(corpusId: string): string {
  return `${enc(corpusId)}/`;
}

export const SCHEMA_PATH = 'schema';

export function targetPath(t: NoteTarget): string {
  switch (t.type) {
    case 'highlight':
      return `note/hl/${enc(t.docId)}/${enc(t.highlightId)}/`;
    case 'family':
      return `note/family/${enc(t.familyId)}/`;
    case 'pair':
      return `note/pair/${enc(t.a)}/${enc(t.b)}/`;
  }
}

/** The path (key without corpus prefix) a record is stored under. */
export function recordPath(r: StateRecord): string {
  switch (r.kind) {
    case 'doc':
      return `doc/${enc(r.docId)}`;
    case 'highlight':
      return `hl/${enc(r.docId)}/${enc(r.id)}`;
    case 'note':
      return targetPath(r.target) + enc(r.id);
    case 'comparison':
      return `cmp/${enc(r.id)}`;
    case 'last-view':
      return 'last-view';
  }
}

// ---------------------------------------------------------------------------
// Validation

/**
 * The compare view a saved comparison's route names, if it is the app's own
 * fragment (`#/compare/…`, read by the router without complaint) for the
 * documents `a` and `b` in either order; else null. Links are made from the
 * view this returns, never from the stored string.
 */
export function comparisonView(route: string, a: string, b: string): Extract<View, { name: 'compare' }> | null {
  if (!route.startsWith('#/')) return null;
  const { view, warning } = parseHash(route);
  if (warning || view.name !== 'compare') return null;
  return (view.a === a && view.b === b) || (view.a === b && view.b === a) ? view : null;
}

const META = ['rev', 'updatedAt', 'deleted'] as const;

function meta(f: Fields): RecordMeta {
  const m: RecordMeta = { rev: f.int('rev', 1, Number.MAX_SAFE_INTEGER), updatedAt: f.int('updatedAt', 0, MAX_TIMESTAMP) };
  const d = f.raw('deleted');
  if (d !== undefined) {
    if (d !== true) throw new Invalid(`deleted is ${describe(d)}, expected true or absent`);
    m.deleted = true;
  }
  return m;
}

function anchorOf(v: unknown, path: string): Anchor {
  const f = new Fields(v, path, ['quote', 'prefix', 'suffix', 'start', 'end']);
  const start = f.int('start', 0, MAX_OFFSET);
  const end = f.int('end', 0, MAX_OFFSET);
  if (end <= start) throw new Invalid(`${path}.end (${end}) is not after start (${start})`);
  return {
    quote: f.str('quote', MAX_QUOTE_LENGTH),
    prefix: f.str('prefix', MAX_CONTEXT_LENGTH, { empty: true }),
    suffix: f.str('suffix', MAX_CONTEXT_LENGTH, { empty: true }),
    start,
    end,
  };
}

function targetOf(v: unknown, path: string): NoteTarget {
  if (!isPlainObject(v)) throw new Invalid(`${path} is ${describe(v)}, expected an object`);
  const type = v['type'];
  if (type === 'highlight') {
    const f = new Fields(v, path, ['type', 'docId', 'highlightId']);
    return { type, docId: f.str('docId', MAX_ID_LENGTH), highlightId: f.str('highlightId', MAX_ID_LENGTH) };
  }
  if (type === 'family') {
    const f = new Fields(v, path, ['type', 'familyId']);
    return { type, familyId: f.str('familyId', MAX_ID_LENGTH) };
  }
  if (type === 'pair') {
    const f = new Fields(v, path, ['type', 'a', 'b']);
    const a = f.str('a', MAX_ID_LENGTH);
    const b = f.str('b', MAX_ID_LENGTH);
    if (!(a <= b)) throw new Invalid(`${path}: a ("${a.slice(0, 30)}") must sort before b`);
    return { type, a, b };
  }
  throw new Invalid(`${path}.type is ${describe(type)}, expected highlight, family or pair`);
}

function recordOf(v: unknown, path: string): StateRecord {
  if (!isPlainObject(v)) throw new Invalid(`${path} is ${describe(v)}, expected an object`);
  const kind = v['kind'];
  switch (kind) {
    case 'doc': {
      const f = new Fields(v, path, ['kind', 'docId', 'position', 'read', ...META]);
      return { kind, docId: f.str('docId', MAX_ID_LENGTH), position: f.intOrNull('position', 0, MAX_OFFSET), read: f.bool('read'), ...meta(f) };
    }
    case 'highlight': {
      const f = new Fields(v, path, ['kind', 'docId', 'id', 'anchor', 'color', 'label', 'createdAt', ...META]);
      return {
        kind,
        docId: f.str('docId', MAX_ID_LENGTH),
        id: f.str('id', MAX_ID_LENGTH),
        anchor: anchorOf(f.raw('anchor'), `${path}.anchor`),
        color: f.str('color', MAX_COLOR_LENGTH),
        label: f.strOrNull('label', MAX_LABEL_LENGTH),
        createdAt: f.int('createdAt', 0, MAX_TIMESTAMP),
        ...meta(f),
      };
    }
    case 'note': {
      const f = new Fields(v, path, ['kind', 'target', 'id', 'text', 'createdAt', ...META]);
      return {
        kind,
        target: targetOf(f.raw('target'), `${path}.target`),
        id: f.str('id', MAX_ID_LENGTH),
        text: f.str('text', MAX_NOTE_LENGTH, { empty: true }),
        createdAt: f.int('createdAt', 0, MAX_TIMESTAMP),
        ...meta(f),
      };
    }
    case 'comparison': {
      const f = new Fields(v, path, ['kind', 'id', 'a', 'b', 'label', 'route', 'createdAt', ...META]);
      const a = f.str('a', MAX_ID_LENGTH);
      const b = f.str('b', MAX_ID_LENGTH);
      const route = f.strOrNull('route', MAX_ROUTE_LENGTH);
      // The route becomes a link: only the app's own view of this very comparison.
      if (route !== null && !comparisonView(route, a, b)) {
        throw new Invalid(`${path}.route is ${describe(route)}, expected this app's own link to comparing ${a.slice(0, 40)} and ${b.slice(0, 40)} (#/compare/…)`);
      }
      return {
        kind,
        id: f.str('id', MAX_ID_LENGTH),
        a,
        b,
        label: f.str('label', MAX_LABEL_LENGTH, { empty: true }),
        route,
        createdAt: f.int('createdAt', 0, MAX_TIMESTAMP),
        ...meta(f),
      };
    }
    case 'last-view': {
      const f = new Fields(v, path, ['kind', 'route', ...META]);
      return { kind, route: f.str('route', MAX_ROUTE_LENGTH, { empty: true }), ...meta(f) };
    }
    default:
      throw new Invalid(`${path}.kind is ${describe(kind)}, expected doc, highlight, note, comparison or last-view`);
  }
}

/**
 * Checks a value field by field and returns a fresh copy holding only the
 * known fields (nothing of the input object survives), or a message naming the
 * first problem: `records[3].anchor.start is -1, expected an integer from 0 to …`.
 */
export function validateRecord(v: unknown, path = 'record'): Checked<StateRecord> {
  return checked(() => recordOf(v, path));
}

// ---------------------------------------------------------------------------
// Migrations

export interface MigrationPlan {
  /** Paths (corpus-relative) and the values to store there. */
  put: [string, unknown][];
  del: string[];
}

/**
 * Migrations from each earlier version to the next, over one corpus's raw
 * entries (path → stored value). A value a migration cannot understand is left
 * where it is, untouched: it is never destroyed, only ignored by the loader.
 */
export const MIGRATIONS: Record<number, (entries: [string, unknown][]) => MigrationPlan> = {
  1: migrateV1toV2,
};

/** Runs every migration from `from` to SCHEMA_VERSION, returning the final entries. */
export function migrateEntries(from: number, entries: [string, unknown][]): { entries: Map<string, unknown>; plan: MigrationPlan } {
  const state = new Map(entries);
  const put = new Map<string, unknown>();
  const del = new Set<string>();
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`records: no migration from schema version ${v}`);
    const plan = step([...state]);
    for (const p of plan.del) {
      state.delete(p);
      put.delete(p);
      del.add(p);
    }
    for (const [p, value] of plan.put) {
      state.set(p, value);
      put.set(p, value);
      del.delete(p);
    }
  }
  state.set(SCHEMA_PATH, { version: SCHEMA_VERSION });
  put.set(SCHEMA_PATH, { version: SCHEMA_VERSION });
  return { entries: state, plan: { put: [...put], del: [...del] } };
}

function decodePath(path: string): string[] | null {
  try {
    return path.split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
}

/**
 * v1 shapes (paths corpus-relative):
 *  doc/<docId>                    { position: number, read: boolean }
 *  hl/<docId>/<hlId>              { start, end, quote, prefix, suffix, color, note?: string }
 *  family-note/<familyId>         { text }
 *  compare-note/<docA>/<docB>     { text }
 *  saved/<id>                     { a, b, label }
 *  last-view                      { route }
 * v1 records had no time; migrated ones get `updatedAt: 0` ("before
 * tracking"), so any dated import or edit is newer.
 */
function migrateV1toV2(entries: [string, unknown][]): MigrationPlan {
  const put: [string, unknown][] = [];
  const del: string[] = [];
  const base = { rev: 1, updatedAt: 0 };
  const add = (r: StateRecord): boolean => {
    const checked = validateRecord(r);
    if (checked.ok) put.push([recordPath(checked.value), checked.value]);
    return checked.ok;
  };
  for (const [path, v] of entries) {
    const parts = decodePath(path);
    if (!parts || !isPlainObject(v)) continue;
    const [kind, x, y] = parts;
    const text = typeof v['text'] === 'string' ? v['text'] : null;
    if (kind === 'doc' && x && parts.length === 2) {
      const position = typeof v['position'] === 'number' ? Math.max(0, Math.round(v['position'])) : null;
      add({ kind: 'doc', docId: x, position, read: v['read'] === true, ...base });
    } else if (kind === 'hl' && x && y && parts.length === 3) {
      const { start, end, quote, prefix, suffix, color, note } = v;
      if (typeof start !== 'number' || typeof end !== 'number' || typeof quote !== 'string') continue;
      add({
        kind: 'highlight',
        docId: x,
        id: y,
        anchor: { quote, prefix: typeof prefix === 'string' ? prefix : '', suffix: typeof suffix === 'string' ? suffix : '', start, end },
        color: typeof color === 'string' && color !== '' ? color : 'yellow',
        label: null,
        createdAt: 0,
        ...base,
      });
      if (typeof note === 'string' && note !== '') {
        add({ kind: 'note', target: { type: 'highlight', docId: x, highlightId: y }, id: MAIN_NOTE_ID, text: note, createdAt: 0, ...base });
      }
    } else if (kind === 'family-note' && x && text !== null) {
      // The old record is deleted only once its replacement is valid: never lose a note.
      if (add({ kind: 'note', target: { type: 'family', familyId: x }, id: MAIN_NOTE_ID, text, createdAt: 0, ...base })) del.push(path);
    } else if (kind === 'compare-note' && x && y && text !== null) {
      if (add({ kind: 'note', target: pairTarget(x, y), id: MAIN_NOTE_ID, text, createdAt: 0, ...base })) del.push(path);
    } else if (kind === 'saved' && x) {
      const { a, b, label } = v;
      if (typeof a !== 'string' || typeof b !== 'string') continue;
      if (add({ kind: 'comparison', id: x, a, b, label: typeof label === 'string' ? label : '', route: null, createdAt: 0, ...base })) del.push(path);
    } else if (kind === 'last-view' && typeof v['route'] === 'string') {
      add({ kind: 'last-view', route: v['route'], ...base });
    }
  }
  return { put, del };
}
