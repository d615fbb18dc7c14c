/**
 * Export and import of the reading state.
 *
 * The export is the corpus's records as stored (tombstones included, so a
 * deletion carries over): `{ format: 'refrain-state', version, corpus,
 * exportedAt, records }`. An import is checked field by field with the same
 * hand-written validators the store loads with; any problem rejects the whole
 * file with a message naming the field and value, and nothing is written.
 * A valid import is merged record by record (newer `updatedAt` wins), except
 * that two different texts of one note are both kept: the imported one as a
 * separate note marked IMPORTED_MARKER. The merge is written in one
 * transaction: all of it or none. Notes as Markdown: notes-markdown.ts.
 */

import { describe, isPlainObject } from '../validate/fields.ts';
import {
  MAX_NOTE_LENGTH,
  SCHEMA_VERSION,
  recordPath,
  validateRecord,
  type NoteRecord,
  type StateRecord,
} from './records.ts';
import type { ReadingStore } from './store.ts';

export const EXPORT_FORMAT = 'refrain-state';
/** Exports began with schema version 2. */
export const FIRST_EXPORT_VERSION = 2;
export const MAX_IMPORT_CHARS = 20_000_000;
export const MAX_IMPORT_RECORDS = 100_000;
export const IMPORTED_MARKER = '(imported) ';

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  corpus: string;
  exportedAt: number;
  records: StateRecord[];
}

export type ImportResult =
  | { ok: true; added: number; replaced: number; keptLocal: number; copies: number; unchanged: number }
  | { ok: false; error: string };

export function exportState(store: ReadingStore, now: number = Date.now()): string {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: SCHEMA_VERSION,
    corpus: store.corpusId,
    exportedAt: now,
    records: store.allRecords(),
  };
  return JSON.stringify(file, null, 1);
}

/** Checks a parsed export; returns its records (fresh copies) or a message. */
export function validateExport(value: unknown, corpusId: string): { ok: true; records: StateRecord[] } | { ok: false; error: string } {
  if (!isPlainObject(value)) return { ok: false, error: `the file holds ${describe(value)}, not a Refrain export` };
  const allowed = ['format', 'version', 'corpus', 'exportedAt', 'records'];
  for (const k of Object.keys(value)) {
    if (!allowed.includes(k)) return { ok: false, error: `the file has an unexpected field "${k.slice(0, 40)}"` };
  }
  if (value['format'] !== EXPORT_FORMAT) return { ok: false, error: `format is ${describe(value['format'])}, not "${EXPORT_FORMAT}": not a Refrain export` };
  const version = value['version'];
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, error: `version is ${describe(version)}, expected a whole number` };
  if (version > SCHEMA_VERSION) {
    return { ok: false, error: `the file was written by a newer version of Refrain (format version ${version}; this one reads up to ${SCHEMA_VERSION}). Open it with the newer version.` };
  }
  if (version < FIRST_EXPORT_VERSION) return { ok: false, error: `version ${version} is older than any Refrain export (${FIRST_EXPORT_VERSION})` };
  const corpus = value['corpus'];
  if (typeof corpus !== 'string') return { ok: false, error: `corpus is ${describe(corpus)}, expected the corpus id` };
  if (corpus !== corpusId) {
    return { ok: false, error: `the file belongs to another corpus ("${corpus.slice(0, 40)}"); this one is "${corpusId}". Notes are only imported into the collection they were written on.` };
  }
  const exportedAt = value['exportedAt'];
  if (typeof exportedAt !== 'number' || !Number.isFinite(exportedAt)) return { ok: false, error: `exportedAt is ${describe(exportedAt)}, expected a time` };
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
  return { ok: true, records };
}

function sameContent(a: StateRecord, b: StateRecord): boolean {
  const strip = ({ rev: _r, updatedAt: _u, ...rest }: StateRecord): unknown => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** Parses, validates and merges an export into the store. Never throws. */
export async function importState(store: ReadingStore, json: string): Promise<ImportResult> {
  try {
    if (typeof json !== 'string') return { ok: false, error: 'the file is not text' };
    if (json.length > MAX_IMPORT_CHARS) return { ok: false, error: `the file is ${json.length} characters long, the limit is ${MAX_IMPORT_CHARS}` };
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (e) {
      return { ok: false, error: `the file is not valid JSON (is it truncated?): ${e instanceof Error ? e.message.slice(0, 120) : ''}` };
    }
    const checked = validateExport(parsed, store.corpusId);
    if (!checked.ok) return checked;

    const writes: StateRecord[] = [];
    const result = { added: 0, replaced: 0, keptLocal: 0, copies: 0, unchanged: 0 };
    for (const incoming of checked.records) {
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
