/**
 * Which files an import reads, and why another is refused, from its name
 * and first bytes. Apart from read.ts so the page can plan an import without
 * bundling what reads the files (that runs in the worker).
 */
import { formatOf } from '../corpus/signatures.ts';

const DOCUMENT_NAME = /\.(txt|md|markdown|html?|xml|docx|odt)$/i;

/** A table of documents, one per row (table-file.ts). */
export const TABLE_NAME = /\.(csv|tsv)$/i;

export function isImportable(name: string): boolean {
  return DOCUMENT_NAME.test(name);
}

/** Why a file with another extension is refused, from its first bytes (so a PNG is called a PNG). */
export function unsupportedReason(_name: string, head: Uint8Array): string {
  const kind = formatOf(head);
  if (kind) return `is ${kind}, not text; save it as .txt, .md or .html first`;
  return 'is not a .txt, .md, .html, .xml (TEI), .docx, .odt, .csv or .tsv file (rename it if it is plain text)';
}
