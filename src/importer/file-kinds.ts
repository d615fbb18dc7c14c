/**
 * Which files an import reads, and why another is refused, from its name
 * and first bytes. Apart from read.ts so the page can plan an import without
 * bundling what reads the files (that runs in the worker).
 */
import { documentKind, kindFromName, READABLE_FORMATS } from '../corpus/document-kinds.ts';
import { formatOf, ZIP } from '../corpus/signatures.ts';

export { SNIFF_BYTES } from '../corpus/document-kinds.ts';

/** A table of documents, one per row or record (table-file.ts): a spreadsheet, or a JSON dataset (not a `.meta.json` sidecar). */
export const TABLE_NAME = /\.(csv|tsv|xlsx|jsonl|ndjson)$|(?<!\.meta)\.json$/i;

/** The name alone says the file is a document Refrain reads. */
export function isImportable(name: string): boolean {
  return kindFromName(name) !== null;
}

/** A file whose name says nothing is still read when its first bytes show a kind (a page saved as `story.cms`, a text with no extension). */
export function isReadableByContent(name: string, head: Uint8Array): boolean {
  return documentKind(name, head) !== null;
}

/** What to do with a format Refrain does not read, by what formatOf calls it. */
const ADVICE: Readonly<Record<string, string>> = {
  [ZIP]: 'unzip it and drop its files (a Word or EPUB file keeps its .docx or .epub name)',
};

/** Why a file is refused, from its first bytes (so a PNG is called a PNG). */
export function unsupportedReason(_name: string, head: Uint8Array): string {
  const kind = formatOf(head);
  if (kind) return `is ${kind}, not text; ${ADVICE[kind] ?? 'save it as .txt, .md or .html first'}`;
  return `is not a ${READABLE_FORMATS} file (rename it if it is plain text)`;
}
