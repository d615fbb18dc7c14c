/**
 * Export and import of the reading state.
 *
 * The export is the corpus's records as stored (tombstones included, so a
 * deletion carries over) and the identities of the corpus's documents (id
 * and text hash, identity.ts): `{ format: 'refrain-state', version, corpus,
 * exportedAt, documents, records }`. An import is checked field by field
 * with the same hand-written validators the store loads with; any problem
 * rejects the whole file with a message naming the field and value, and
 * nothing is written. The file's documents are then matched to the open
 * corpus's by content (identity.ts), not by the corpus id, so notes follow
 * their texts into a fresh profile or a re-imported corpus; the file is
 * refused only when none of its documents is here.
 *
 * A valid import is merged record by record (newer `updatedAt` wins), except
 * that two different texts of one note are both kept: the imported one as a
 * separate note marked IMPORTED_MARKER. The merge is written in one
 * transaction: all of it or none. Notes as Markdown: notes-markdown.ts.
 */

import { describe, isPlainObject } from '../validate/fields.ts';
import { documentIdentities, documentsOf, matchDocuments, moveRecord, type DocIdentity, type DocText } from './identity.ts';
import { MAX_ID_LENGTH, MAX_NOTE_LENGTH, recordPath, validateRecord, type NoteRecord, type StateRecord } from './records.ts';
import type { ReadingStore } from './store.ts';

export const EXPORT_FORMAT = 'refrain-state';
/**
 * The file's version: 2, records only (corpus matched by id); 3, with the
 * documents' identities. Its records are of the store's SCHEMA_VERSION.
 */
export const EXPORT_VERSION = 3;
/** Exports began with schema version 2. */
export const FIRST_EXPORT_VERSION = 2;
export const MAX_IMPORT_CHARS = 20_000_000;
export const MAX_IMPORT_RECORDS = 100_000;
export const MAX_IMPORT_DOCUMENTS = 100_000;
export const IMPORTED_MARKER = '(imported) ';
/** The longest text hash accepted (a cyrb53 in base 36 has 11 characters). */
const MAX_HASH_CHARS = 32;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  corpus: string;
  exportedAt: number;
  documents: DocIdentity[];
  records: StateRecord[];
}

export type ImportResult =
  | {
      ok: true;
      added: number;
      replaced: number;
      keptLocal: number;
      copies: number;
      unchanged: number;
      /** Documents found here under another id: their notes moved to them. */
      moved: number;
      /** Records on documents that are not in this corpus (kept). */
      elsewhere: number;
    }
  | { ok: false; error: string };

export function exportState(store: ReadingStore, opts: { documents?: readonly DocText[]; now?: number } = {}): string {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    corpus: store.corpusId,
    exportedAt: opts.now ?? Date.now(),
    documents: documentIdentities(opts.documents ?? []),
    records: store.allRecords(),
  };
  return JSON.stringify(file, null, 1);
}

interface CheckedExport {
  corpus: string;
  /** null: a version 2 file, which does not list them. */
  documents: DocIdentity[] | null;
  records: StateRecord[];
}

function documentsOfFile(raw: unknown): DocIdentity[] | string {
  if (!Array.isArray(raw)) return `documents is ${describe(raw)}, expected a list`;
  if (raw.length > MAX_IMPORT_DOCUMENTS) return `documents holds ${raw.length} entries, the limit is ${MAX_IMPORT_DOCUMENTS}`;
  const out: DocIdentity[] = [];
  for (let i = 0; i < raw.length; i++) {
    const d: unknown = raw[i];
    const keys = isPlainObject(d) ? Object.keys(d) : [];
    if (!isPlainObject(d) || keys.length !== 2 || typeof d['id'] !== 'string' || typeof d['hash'] !== 'string') return `documents[${i}] is ${describe(d)}, expected { id, hash }`;
    if (d['id'] === '' || d['id'].length > MAX_ID_LENGTH || d['hash'].length > MAX_HASH_CHARS) return `documents[${i}] has an id or text hash of the wrong length`;
    out.push({ id: d['id'], hash: d['hash'] });
  }
  return out;
}

/** Checks a parsed export; returns its parts (fresh copies) or a message. */
export function validateExport(value: unknown): ({ ok: true } & CheckedExport) | { ok: false; error: string } {
  if (!isPlainObject(value)) return { ok: false, error: `the file holds ${describe(value)}, not a Refrain export` };
  if (value['format'] !== EXPORT_FORMAT) return { ok: false, error: `format is ${describe(value['format'])}, not "${EXPORT_FORMAT}": not a Refrain export` };
  const version = value['version'];
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, error: `version is ${describe(version)}, expected a whole number` };
  if (version > EXPORT_VERSION) {
    return { ok: false, error: `the file was written by a newer version of Refrain (format version ${version}; this one reads up to ${EXPORT_VERSION}). Open it with the newer version.` };
  }
  if (version < FIRST_EXPORT_VERSION) return { ok: false, error: `version ${version} is older than any Refrain export (${FIRST_EXPORT_VERSION})` };
  const allowed = ['format', 'version', 'corpus', 'exportedAt', 'records', ...(version >= 3 ? ['documents'] : [])];
  for (const k of Object.keys(value)) {
    if (!allowed.includes(k)) return { ok: false, error: `the file has an unexpected field "${k.slice(0, 40)}"` };
  }
  const corpus = value['corpus'];
  if (typeof corpus !== 'string') return { ok: false, error: `corpus is ${describe(corpus)}, expected the corpus id` };
  const exportedAt = value['exportedAt'];
  if (typeof exportedAt !== 'number' || !Number.isFinite(exportedAt)) return { ok: false, error: `exportedAt is ${describe(exportedAt)}, expected a time` };
  let documents: DocIdentity[] | null = null;
  if (version >= 3) {
    const listed = documentsOfFile(value['documents']);
    if (typeof listed === 'string') return { ok: false, error: listed };
    documents = listed;
  }
  const raw = value['records'];
  if (!Array.isArray(raw)) return { ok: false, error: `records is ${describe(raw)}, expected a list` };
  if (raw.length > MAX_IMPORT_RECORDS) return { ok: false, error: `records holds ${raw.length} entries, the limit is ${MAX_IMPORT_RECORDS}` };
  const records: StateRecord[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const checked = validateRecord(raw[i], `records[${i}]`);
    if (!checked.ok) return { ok: false, error: checked.error };
    const path = recordPath(checked.value);
    if (seen.has(path)) return { ok: false, error: `records[${i}] repeats an earlier record (${path.slice(0, 80)})` };
    seen.add(path);
    records.push(checked.value);
  }
  return { ok: true, corpus, documents, records };
}

/**
 * Whether the file's notes belong to this corpus, and where its documents
 * are here (identity.ts): a message when they belong elsewhere.
 */
function placeInCorpus(file: CheckedExport, corpusId: string, here: readonly DocIdentity[]): { ids: Map<string, string>; moved: number } | string {
  if (file.corpus === corpusId) return { ids: new Map(), moved: 0 };
  if (file.documents?.length) {
    const match = matchDocuments(file.documents, here);
    if (match.byText > 0 || match.byId === file.documents.length) return { ids: match.ids, moved: match.moved };
    return `these notes were written on other texts: none of the ${file.documents.length} documents they were written on is in this corpus (by its text, or by its name with every text changed). Open the corpus they were written on, or import its texts first.`;
  }
  // A version 2 file names no texts (nor does an export of an empty corpus): its documents must all be here by id.
  const hereIds = new Set(here.map((d) => d.id));
  const wanted = new Set(file.records.flatMap(documentsOf));
  if (wanted.size > 0 && [...wanted].every((id) => hereIds.has(id))) return { ids: new Map(), moved: 0 };
  return `the file belongs to another corpus ("${file.corpus.slice(0, 40)}") and this one lacks documents its notes are on. Notes are imported into a corpus holding the texts they were written on.`;
}

function sameContent(a: StateRecord, b: StateRecord): boolean {
  const strip = ({ rev: _r, updatedAt: _u, ...rest }: StateRecord): unknown => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** Parses, validates and merges an export into the store. Never throws. */
export async function importState(store: ReadingStore, json: string, documents: readonly DocText[] = []): Promise<ImportResult> {
  try {
    if (typeof json !== 'string') return { ok: false, error: 'the file is not text' };
    if (json.length > MAX_IMPORT_CHARS) return { ok: false, error: `the file is ${json.length} characters long, the limit is ${MAX_IMPORT_CHARS}` };
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (e) {
      return { ok: false, error: `the file is not valid JSON (is it truncated?): ${e instanceof Error ? e.message.slice(0, 120) : ''}` };
    }
    const checked = validateExport(parsed);
    if (!checked.ok) return checked;
    const here = documentIdentities(documents);
    const placed = placeInCorpus(checked, store.corpusId, here);
    if (typeof placed === 'string') return { ok: false, error: placed };
    const hereIds = new Set(here.map((d) => d.id));

    const writes: StateRecord[] = [];
    const result = { added: 0, replaced: 0, keptLocal: 0, copies: 0, unchanged: 0, moved: placed.moved, elsewhere: 0 };
    for (const record of checked.records) {
      const incoming = moveRecord(record, placed.ids);
      if (here.length && documentsOf(incoming).some((id) => !hereIds.has(id))) result.elsewhere++;
      const path = recordPath(incoming);
      const local = store.getRecord(path);
      if (!local) {
        writes.push(incoming);
        result.added++;
      } else if (sameContent(local, incoming)) {
        result.unchanged++;
      } else if (incoming.kind === 'note' && local.kind === 'note' && !incoming.deleted && !local.deleted) {
        // Both sides wrote this note: keep both texts.
        const copy: NoteRecord = { ...incoming, id: `imported-${incoming.id}-${incoming.updatedAt}`, text: IMPORTED_MARKER + incoming.text };
        const existing = store.getRecord(recordPath(copy));
        const already = store.notes(incoming.target).some((n) => n.text === copy.text);
        if (already || (existing && sameContent(existing, copy))) result.unchanged++;
        else if (copy.text.length > MAX_NOTE_LENGTH) result.keptLocal++;
        else {
          writes.push(copy);
          result.copies++;
        }
      } else if (incoming.updatedAt > local.updatedAt) {
        writes.push(incoming);
        result.replaced++;
      } else {
        result.keptLocal++;
      }
    }
    if (writes.length) {
      const error = await store.commitBatch(writes);
      if (error) return { ok: false, error };
    }
    return { ok: true, ...result };
  } catch (e) {
    // Defensive: a bug here must not surface as an unhandled rejection in the UI.
    return { ok: false, error: `import failed unexpectedly (${e instanceof Error ? e.message : String(e)})` };
  }
}
