/**
 * Files in, corpus out: decode, read metadata, clean, check ids, hash.
 * Pure (no I/O): the Node loader and the browser importer both feed it.
 */
import { cleanText } from './clean.ts';
import { decodeText } from './decode.ts';
import { htmlFields, readHtml } from './html/index.ts';
import { buildMeta, CorpusError, idFromFileName, parseFrontMatter, titleFromFileName } from './metadata.ts';
import { compareIds } from './outlet-year.ts';
import type { Corpus, CorpusDocument } from './types.ts';

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

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
  const raw = decodeText(file.bytes, file.path);
  const html = /\.html?$/i.test(file.name) ? readHtml(raw) : null;
  const front = html ? null : parseFrontMatter(raw, file.path);
  const original = html ? html.text : front ? raw.slice(front.bodyStart) : raw;
  const meta = buildMeta({
    file: file.path,
    defaultId: idFromFileName(file.name),
    defaultTitle: titleFromFileName(file.name),
    // A page's own metadata (headline, site, byline, date) stands in for front matter; a sidecar wins.
    frontMatter: html ? htmlFields(html.meta) : front?.fields,
    sidecar: file.sidecar,
  });
  if (!original.trim()) throw new CorpusError(file.path, null, 'is empty (no text after the metadata)');
  const { text, edits } = cleanText(original, meta.clean, { title: meta.title });
  if (!text.trim()) throw new CorpusError(file.path, null, 'has no text left after cleaning; add clean.keepLines to its metadata');
  return { meta, original, text, edits, wordCount: countWords(text) };
}

/** Words as readers count them: Latin-script words, and each Han character. */
export function countWords(text: string): number {
  return text.match(/\p{Script=Han}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}

export function assembleCorpus(name: string, files: SourceFile[]): Corpus {
  if (files.length === 0) throw new CorpusError(name, null, 'has no .txt, .md or .html documents');
  const documents = files.map(readDocument);
  const seen = new Map<string, string>();
  for (const doc of documents) {
    const other = seen.get(doc.meta.id);
    if (other) throw new CorpusError(doc.meta.source, 'id', `duplicate id ${JSON.stringify(doc.meta.id)} (also used by ${other})`);
    seen.set(doc.meta.id, doc.meta.source);
  }
  documents.sort((a, b) => compareIds(a.meta.id, b.meta.id));
  return { id: corpusHash(documents), name, documents };
}

/** A short, stable hash of what the reader sees: keys stored reading state. */
export function corpusHash(documents: CorpusDocument[]): string {
  // cyrb53: fast, well-distributed, no crypto API needed (works in Node and workers alike).
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  };
  for (const doc of documents) {
    feed(doc.meta.id);
    feed('\u0000');
    feed(doc.text);
    feed('\u0001');
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
