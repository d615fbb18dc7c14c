/**
 * What the corpora database (corpora.ts) holds, record by record: its key
 * layout, the shapes of a corpus record and a stored document with their
 * checks, and the rules for adding documents to a corpus record. Pure: no
 * IndexedDB here.
 *
 * Keys: `c/<key>` (a corpus record), `d/<key>/<docId>` (its documents),
 * `a/<hash>` (a cached analysis), `m/<hash>` (when it was last used),
 * `k/<key>` (the cache key of a corpus's last analysis), `x/<key>` (an
 * analysis imported with the corpus), `current`. Keys and ids are
 * URI-encoded, so a `/` in an id cannot reach another record.
 */
import type { CorpusDocument } from '../corpus/types.ts';
import { isPlainObject } from '../validate/fields.ts';

export const MAX_NAME_LENGTH = 200;

export interface CorpusInfo {
  /** Storage key, stable across edits (the content hash changes with every document). */
  key: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Ids of its documents, in the order they were added. */
  docIds: string[];
  /** Bytes of the files its documents came from, for the size limit. */
  bytes: number;
  deleted: boolean;
}

export interface StoredDoc {
  doc: CorpusDocument;
  bytes: number;
}

export const enc = encodeURIComponent;
export const CURRENT_KEY = 'current';
export const infoKey = (key: string) => `c/${enc(key)}`;
export const docPrefix = (key: string) => `d/${enc(key)}/`;
export const docKey = (key: string, id: string) => `${docPrefix(key)}${enc(id)}`;
export const analysisKey = (hash: string) => `a/${enc(hash)}`;
export const analysisUsedKey = (hash: string) => `m/${enc(hash)}`;
/** The cache key of a corpus's last analysis. */
export const lastAnalysisKey = (key: string) => `k/${enc(key)}`;
/** An analysis imported with the corpus (passim, TextPAIR). */
export const importedKey = (key: string) => `x/${enc(key)}`;
/** Every key starting with `prefix`. */
export const prefixRange = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

/** A stored corpus record, copied, or null when it is not one. */
export function validInfo(v: unknown): CorpusInfo | null {
  if (!isPlainObject(v)) return null;
  const { key, name, createdAt, updatedAt, docIds, bytes, deleted } = v;
  if (typeof key !== 'string' || typeof name !== 'string' || typeof createdAt !== 'number' || typeof updatedAt !== 'number') return null;
  if (!Array.isArray(docIds) || !docIds.every((d) => typeof d === 'string') || typeof bytes !== 'number' || typeof deleted !== 'boolean') return null;
  return { key, name, createdAt, updatedAt, docIds: [...docIds], bytes, deleted };
}

/** A stored document, or null when it is not one. */
export function validDoc(v: unknown): StoredDoc | null {
  if (!isPlainObject(v) || typeof v['bytes'] !== 'number' || !isPlainObject(v['doc'])) return null;
  const doc = v['doc'];
  if (!isPlainObject(doc['meta']) || typeof doc['text'] !== 'string' || typeof doc['original'] !== 'string' || !Array.isArray(doc['edits'])) return null;
  return v as unknown as StoredDoc;
}

/** Adds documents to a corpus record: new ids at the end, bytes counted once (`before`: a replaced document's bytes). */
export function addDocuments(info: CorpusInfo, docs: readonly StoredDoc[], before: (id: string) => number | undefined): void {
  const ids = new Set(info.docIds);
  for (const d of docs) {
    const id = d.doc.meta.id;
    info.bytes += d.bytes - (before(id) ?? 0);
    if (!ids.has(id)) {
      ids.add(id);
      info.docIds.push(id);
    }
  }
}

/** `id-2`, `id-3`… : the first not in `taken`. */
export function freeId(id: string, taken: ReadonlySet<string>): string {
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

/** A corpus name as stored: one line, spaces collapsed, at most MAX_NAME_LENGTH, never empty. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH) || 'Untitled corpus';
}
