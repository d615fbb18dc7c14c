/**
 * Files in, corpus out: decode, read metadata, clean, check ids, hash.
 * Pure (no I/O): the Node loader and the browser importer both feed it.
 */
import { cleanText } from './clean.ts';
import { corpusHash } from './corpus-hash.ts';
import { kindFromName, READABLE_FORMATS } from './document-kinds.ts';
import { readFileText } from './file-text.ts';
import { CorpusError, idFromFileName, readMeta, titleFromFileName, type DateNote } from './metadata.ts';
import { compareIds } from './outlet-year.ts';
import type { Corpus, CorpusDocument } from './types.ts';
import { countWords } from './word-count.ts';

export interface SourceFile {
  /** Path or name shown in messages. */
  path: string;
  /** File name, for the default id and title. */
  name: string;
  bytes: Uint8Array;
  /** Parsed `<name>.meta.json`, when there is one. */
  sidecar?: unknown;
}

/** A folder's file is a document when its extension names a kind Refrain reads (document-kinds.ts). */
export function isDocumentFile(name: string): boolean {
  return kindFromName(name) !== null;
}

/** One file to one cleaned document, and what of its date was not read; throws CorpusError naming the file. */
export function readDocument(file: SourceFile): { doc: CorpusDocument; dateNote: DateNote | null } {
  const { original, leftOut, fields } = readFileText(file);
  const { meta, dateNote } = readMeta({
    file: file.path,
    defaultId: idFromFileName(file.name),
    defaultTitle: titleFromFileName(file.name),
    // What the file states (front matter, a page's head, a TEI header, a document's properties); a sidecar wins.
    frontMatter: fields,
    sidecar: file.sidecar,
  });
  const { text, edits } = cleanText(original, meta.clean, { title: meta.title, leftOut });
  if (!text.trim()) throw new CorpusError(file.path, null, 'has no text left after cleaning; add clean.keepLines to its metadata');
  return { doc: { meta, original, text, edits, wordCount: countWords(text) }, dateNote };
}

/** The corpus of `files` and of documents read already (a table's rows); ids must be unique across both. */
export function assembleCorpus(name: string, files: SourceFile[], read: readonly CorpusDocument[] = []): Corpus {
  if (files.length + read.length === 0) throw new CorpusError(name, null, `has no ${READABLE_FORMATS} documents`);
  const documents = [...files.map((f) => readDocument(f).doc), ...read];
  const seen = new Map<string, string>();
  for (const doc of documents) {
    const other = seen.get(doc.meta.id);
    if (other) throw new CorpusError(doc.meta.source, 'id', `duplicate id ${JSON.stringify(doc.meta.id)} (also used by ${other})`);
    seen.set(doc.meta.id, doc.meta.source);
  }
  documents.sort((a, b) => compareIds(a.meta.id, b.meta.id));
  return { id: corpusHash(documents), name, documents };
}
