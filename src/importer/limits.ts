/**
 * What an import accepts, as named constants: shown in the import panel and
 * the README: a file's size before it is read, the corpus's once its document is
 * known to be new.
 */
import { documentKind, type DocumentKind } from '../corpus/document-kinds.ts';

/** One file, as read from disk (a pasted text counts its UTF-8 bytes); and the text of any one document. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/**
 * A file whose bytes are mostly not its text (a PDF, a Word, OpenDocument,
 * RTF or EPUB file, a page saved with its images): a 20 MB report is ordinary.
 * Its text is still held to MAX_FILE_BYTES, and the corpus counts its text,
 * not its pictures.
 */
export const MAX_PACKED_FILE_BYTES = 50 * 1024 * 1024;
const PACKED: ReadonlySet<DocumentKind> = new Set(['pdf', 'office', 'word97', 'rtf', 'epub', 'mhtml', 'webarchive']);
const NO_BYTES = new Uint8Array(0);

/**
 * Whether a file packs its text among images and fonts (its bytes are
 * limited by MAX_PACKED_FILE_BYTES), by what it is: its first bytes
 * (`head`, SNIFF_BYTES of them: a PDF saved as `download` is one), else its name.
 */
export function isPacked(name: string, head: Uint8Array = NO_BYTES): boolean {
  const kind = documentKind(name, head);
  return kind !== null && PACKED.has(kind);
}
/** Documents in one corpus (the reuse engine stays interactive up to about this many). */
export const MAX_CORPUS_DOCUMENTS = 2000;
/** Total size of the files a corpus was imported from. */
export const MAX_CORPUS_BYTES = 50 * 1024 * 1024;
/** A shared corpus file: its documents plus JSON overhead. */
export const MAX_CORPUS_FILE_BYTES = MAX_CORPUS_BYTES + 10 * 1024 * 1024;

/** "5 MB", "50 MB", "2,000 documents": the limits as the UI and README state them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export const LIMITS_SENTENCE = `Up to ${formatBytes(MAX_FILE_BYTES)} per file (${formatBytes(MAX_PACKED_FILE_BYTES)} for a PDF, Word, EPUB or saved page, whose bytes are mostly pictures), ${MAX_CORPUS_DOCUMENTS.toLocaleString('en')} documents and ${formatBytes(MAX_CORPUS_BYTES)} per corpus.`;

/**
 * Why a file of `bytes` is too large to read, whatever the corpus holds;
 * null when it is not. A `packed` file (before it is read, `bytes` is its
 * size) has the larger limit.
 */
export function fileSizeProblem(bytes: number, packed = false): string | null {
  const max = packed ? MAX_PACKED_FILE_BYTES : MAX_FILE_BYTES;
  return bytes > max ? `is ${formatBytes(bytes)}; the limit is ${formatBytes(max)} per file${packed ? ' of this kind' : ''}` : null;
}

/**
 * Why a document of `bytes` of text cannot join a corpus that has
 * `documents` documents of `total` bytes; null when it can. Asked only once
 * the document is known to be new (corpus/same-document.ts): a file the
 * corpus already holds adds nothing, so a full corpus still takes it back
 * as a repeat, not a refusal.
 */
export function limitProblem(bytes: number, corpus: { documents: number; bytes: number }): string | null {
  const tooLarge = fileSizeProblem(bytes);
  if (tooLarge) return tooLarge;
  if (corpus.documents + 1 > MAX_CORPUS_DOCUMENTS) return `would be document ${(corpus.documents + 1).toLocaleString('en')}; a corpus holds at most ${MAX_CORPUS_DOCUMENTS.toLocaleString('en')}`;
  if (corpus.bytes + bytes > MAX_CORPUS_BYTES) return `would take the corpus to ${formatBytes(corpus.bytes + bytes)}; the limit is ${formatBytes(MAX_CORPUS_BYTES)} per corpus`;
  return null;
}
