/**
 * A corpus as one file to share: `{ format: 'refrain-corpus', version, name,
 * exportedAt, documents: [{ source, meta, original, leftOut? }] }`. `meta` is
 * written as a sidecar (`date` as `~2020-11`), `original` is the text before
 * cleaning, so the receiver re-cleans it with its own cleaner and checks
 * every field again: nothing in the file is trusted, and the cleaned text
 * and provenance never come from it. `leftOut` (format 2): the stretches of
 * a web page's whole text that its reading left out (`[{ start, end,
 * reason }]`, clean/left-out.ts), so the receiver cleans the article alone
 * and still shows the rest struck through. A file is written as format 1
 * when no document has them, so an older Refrain still reads it.
 *
 * Reading is field by field like src/state/transfer.ts: the envelope must be
 * exactly right or the whole file is refused with a message naming the
 * field; each document's metadata is then checked as it is imported
 * (src/importer/read.ts), so one bad document is reported by name and the
 * rest still arrive.
 */
import { leftOutOf } from '../corpus/clean/left-out.ts';
import type { CorpusDocument, DocDate, LeftOut } from '../corpus/types.ts';
import { describe, isPlainObject } from '../validate/fields.ts';
import { MAX_CORPUS_DOCUMENTS, MAX_CORPUS_FILE_BYTES, MAX_FILE_BYTES, formatBytes } from './limits.ts';
import type { PreparedFile } from './read.ts';

export const CORPUS_FORMAT = 'refrain-corpus';
export const CORPUS_FORMAT_VERSION = 2;
export const MAX_CORPUS_NAME = 200;
const MAX_SOURCE = 300;

export interface CorpusFileDocument {
  source: string;
  meta: Record<string, unknown>;
  original: string;
  leftOut?: LeftOut[];
}

export interface CorpusFile {
  format: typeof CORPUS_FORMAT;
  version: number;
  name: string;
  exportedAt: number;
  documents: CorpusFileDocument[];
}

function dateText(date: DocDate | null): string | null {
  return date ? `${date.approximate ? '~' : ''}${date.value}` : null;
}

export function exportCorpus(name: string, documents: readonly CorpusDocument[], now: number = Date.now()): string {
  const docs = documents.map(({ meta, original, edits }): CorpusFileDocument => {
    const leftOut = leftOutOf(edits);
    return {
      source: meta.source,
      meta: {
        id: meta.id,
        title: meta.title,
        outlet: meta.outlet,
        author: meta.author,
        date: dateText(meta.date),
        language: meta.language,
        provenance: meta.provenance,
        ...(meta.clean ? { clean: meta.clean } : {}),
      },
      original,
      ...(leftOut.length ? { leftOut } : {}),
    };
  });
  const file: CorpusFile = {
    format: CORPUS_FORMAT,
    version: docs.some((d) => d.leftOut) ? CORPUS_FORMAT_VERSION : 1,
    name,
    exportedAt: now,
    documents: docs,
  };
  return JSON.stringify(file);
}

/** A file name for the export: the corpus name, safe on every disk. */
export function exportFileName(name: string): string {
  const base = name.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `${base || 'corpus'}.refrain-corpus.json`;
}

/** A document's left-out stretches as written, or what is wrong with them (after `leftOut`); their fit to the original is checked on import. */
function leftOutList(v: unknown): LeftOut[] | string {
  if (!Array.isArray(v)) return ` is ${describe(v)}, expected a list`;
  const out: LeftOut[] = [];
  for (const [i, d] of v.entries()) {
    if (!isPlainObject(d) || Object.keys(d).some((k) => !['start', 'end', 'reason'].includes(k))) return `[${i}] is ${describe(d)}, expected { start, end, reason }`;
    const { start, end, reason } = d;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || typeof reason !== 'string') return `[${i}] needs whole numbers start and end and a reason`;
    out.push({ start: start as number, end: end as number, reason });
  }
  return out;
}

export type ParsedCorpusFile = { ok: true; name: string; items: PreparedFile[] } | { ok: false; error: string };

/** Checks a shared corpus file's envelope; never throws. */
export function parseCorpusFile(text: unknown, fileName = 'the file'): ParsedCorpusFile {
  const fail = (error: string): ParsedCorpusFile => ({ ok: false, error: `${fileName}: ${error}` });
  try {
    if (typeof text !== 'string') return fail('is not text');
    if (text.length > MAX_CORPUS_FILE_BYTES) return fail(`is ${formatBytes(text.length)}; a corpus file may be at most ${formatBytes(MAX_CORPUS_FILE_BYTES)}`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return fail(`is not valid JSON (is it truncated?): ${e instanceof Error ? e.message.slice(0, 120) : ''}`);
    }
    if (!isPlainObject(value)) return fail(`holds ${describe(value)}, not a Refrain corpus`);
    const allowed = ['format', 'version', 'name', 'exportedAt', 'documents'];
    for (const k of Object.keys(value)) if (!allowed.includes(k)) return fail(`has an unexpected field "${k.slice(0, 40)}"`);
    if (value['format'] !== CORPUS_FORMAT) return fail(`format is ${describe(value['format'])}, not "${CORPUS_FORMAT}": not a Refrain corpus`);
    const version = value['version'];
    if (typeof version !== 'number' || !Number.isInteger(version)) return fail(`version is ${describe(version)}, expected a whole number`);
    if (version > CORPUS_FORMAT_VERSION) return fail(`was written by a newer Refrain (corpus format ${version}; this one reads up to ${CORPUS_FORMAT_VERSION})`);
    if (version < 1) return fail(`version ${version} is not a corpus format version`);
    const name = value['name'];
    if (typeof name !== 'string' || !name.trim()) return fail(`name is ${describe(name)}, expected the corpus name`);
    if (name.length > MAX_CORPUS_NAME) return fail(`name is ${name.length} characters long, the limit is ${MAX_CORPUS_NAME}`);
    const exportedAt = value['exportedAt'];
    if (typeof exportedAt !== 'number' || !Number.isFinite(exportedAt)) return fail(`exportedAt is ${describe(exportedAt)}, expected a time`);
    const docs = value['documents'];
    if (!Array.isArray(docs)) return fail(`documents is ${describe(docs)}, expected a list`);
    if (docs.length === 0) return fail('documents is empty: there is nothing to import');
    if (docs.length > MAX_CORPUS_DOCUMENTS) return fail(`documents holds ${docs.length} entries; a corpus holds at most ${MAX_CORPUS_DOCUMENTS}`);
    const items: PreparedFile[] = [];
    for (let i = 0; i < docs.length; i++) {
      const d: unknown = docs[i];
      const at = `documents[${i}]`;
      if (!isPlainObject(d)) return fail(`${at} is ${describe(d)}, expected an object`);
      for (const k of Object.keys(d)) if (!['source', 'meta', 'original', ...(version >= 2 ? ['leftOut'] : [])].includes(k)) return fail(`${at} has an unexpected field "${k.slice(0, 40)}"`);
      const source = d['source'];
      if (typeof source !== 'string' || !source || source.length > MAX_SOURCE) return fail(`${at}.source is ${describe(source)}, expected a file name (1–${MAX_SOURCE} characters)`);
      if (!isPlainObject(d['meta'])) return fail(`${at}.meta is ${describe(d['meta'])}, expected an object`);
      const original = d['original'];
      if (typeof original !== 'string') return fail(`${at}.original is ${describe(original)}, expected the text`);
      if (original.length > MAX_FILE_BYTES) return fail(`${at}.original is ${original.length.toLocaleString('en')} characters; the limit is ${formatBytes(MAX_FILE_BYTES)} per document`);
      const leftOut = d['leftOut'] === undefined ? undefined : leftOutList(d['leftOut']);
      if (typeof leftOut === 'string') return fail(`${at}.leftOut${leftOut}`);
      items.push({ kind: 'prepared', path: source, meta: d['meta'], original, ...(leftOut ? { leftOut } : {}) });
    }
    return { ok: true, name: name.trim(), items };
  } catch (e) {
    return fail(`could not be read (${e instanceof Error ? e.message.slice(0, 120) : String(e)})`);
  }
}
