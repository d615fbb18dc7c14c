/**
 * Files in, corpus out: decode, read metadata, clean, check ids, hash.
 * Pure (no I/O): the Node loader and the browser importer both feed it.
 */
import { cleanText } from './clean.ts';
import { corpusHash } from './corpus-hash.ts';
import { decodeText } from './decode.ts';
import { htmlFields, readHtml } from './html/index.ts';
import { parseFrontMatter } from './front-matter.ts';
import { isTei, notTei, readTei, teiFields } from './tei.ts';
import { OFFICE_NAME, readOffice } from './office.ts';
import { buildMeta, CorpusError, idFromFileName, titleFromFileName } from './metadata.ts';
import { compareIds } from './outlet-year.ts';
import type { Corpus, CorpusDocument } from './types.ts';
import { countWords } from './word-count.ts';

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.xml', '.docx', '.odt'] as const;

export interface SourceFile {
  /** Path or name shown in messages. */
  path: string;
  /** File name, for the default id and title. */
  name: string;
  bytes: Uint8Array;
  /** Parsed `<name>.meta.json`, when there is one. */
  sidecar?: unknown;
}

export function isDocumentFile(name: string): boolean {
  const lower = name.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** One file to one cleaned document; throws CorpusError naming the file. */
export function readDocument(file: SourceFile): CorpusDocument {
  // A Word or OpenDocument file is an archive: its text is read from its parts, not decoded.
  const office = OFFICE_NAME.test(file.name) ? readOffice(file.bytes, file.name) : null;
  if (office && 'error' in office) throw new CorpusError(file.path, null, office.error);
  const raw = office ? office.text : decodeText(file.bytes, file.path);
  const xml = /\.xml$/i.test(file.name);
  if (xml && !isTei(raw)) throw new CorpusError(file.path, null, notTei(raw));
  const tei = xml ? readTei(raw) : null;
  const html = /\.html?$/i.test(file.name) ? readHtml(raw) : null;
  const front = html || tei || office ? null : parseFrontMatter(raw, file.path);
  const original = tei ? tei.text : html ? html.text : front ? raw.slice(front.bodyStart) : raw;
  const meta = buildMeta({
    file: file.path,
    defaultId: idFromFileName(file.name),
    defaultTitle: titleFromFileName(file.name),
    // A page's own metadata (headline, site, byline, date), or a TEI header's, stands in for front matter; a sidecar wins.
    frontMatter: office ? office.fields : tei ? teiFields(tei) : html ? htmlFields(html.meta) : front?.fields,
    sidecar: file.sidecar,
  });
  if (!original.trim()) throw new CorpusError(file.path, null, 'is empty (no text after the metadata)');
  const { text, edits } = cleanText(original, meta.clean, { title: meta.title });
  if (!text.trim()) throw new CorpusError(file.path, null, 'has no text left after cleaning; add clean.keepLines to its metadata');
  return { meta, original, text, edits, wordCount: countWords(text) };
}

/** The corpus of `files` and of documents read already (a table's rows); ids must be unique across both. */
export function assembleCorpus(name: string, files: SourceFile[], read: readonly CorpusDocument[] = []): Corpus {
  if (files.length + read.length === 0) throw new CorpusError(name, null, 'has no .txt, .md or .html documents');
  const documents = [...files.map(readDocument), ...read];
  const seen = new Map<string, string>();
  for (const doc of documents) {
    const other = seen.get(doc.meta.id);
    if (other) throw new CorpusError(doc.meta.source, 'id', `duplicate id ${JSON.stringify(doc.meta.id)} (also used by ${other})`);
    seen.set(doc.meta.id, doc.meta.source);
  }
  documents.sort((a, b) => compareIds(a.meta.id, b.meta.id));
  return { id: corpusHash(documents), name, documents };
}
