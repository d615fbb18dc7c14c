/**
 * What an import accepts, as named constants: shown in the import panel and
 * the README, and enforced before a file is read and again before it is added.
 */

/** One file, as read from disk (a pasted text counts its UTF-8 bytes). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
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

export const LIMITS_SENTENCE = `Up to ${formatBytes(MAX_FILE_BYTES)} per file, ${MAX_CORPUS_DOCUMENTS.toLocaleString('en')} documents and ${formatBytes(MAX_CORPUS_BYTES)} per corpus.`;

/** Why one more file of `bytes` cannot join a corpus that has `documents` documents of `total` bytes; null when it can. */
export function limitProblem(bytes: number, corpus: { documents: number; bytes: number }): string | null {
  if (bytes > MAX_FILE_BYTES) return `is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_FILE_BYTES)} per file`;
  if (corpus.documents + 1 > MAX_CORPUS_DOCUMENTS) return `would be document ${(corpus.documents + 1).toLocaleString('en')}; a corpus holds at most ${MAX_CORPUS_DOCUMENTS.toLocaleString('en')}`;
  if (corpus.bytes + bytes > MAX_CORPUS_BYTES) return `would take the corpus to ${formatBytes(corpus.bytes + bytes)}; the limit is ${formatBytes(MAX_CORPUS_BYTES)} per corpus`;
  return null;
}
