/**
 * One brought file to one cleaned document, or a refusal naming the file and
 * why. The same reading as the build's (src/corpus/file-text.ts: the text
 * and stated metadata of any kind of file), sidecar and cleaner; plus what
 * an import adds: metadata inferred from the HTML head and the file name,
 * the user's own fields, limits, and ids made unique within the corpus.
 * Pure and total: it never throws.
 */
import { countWords } from '../corpus/word-count.ts';
import { cleanText } from '../corpus/clean.ts';
import { assertText, type EncodingSource } from '../corpus/decode.ts';
import { SNIFF_BYTES } from '../corpus/document-kinds.ts';
import { readFileText } from '../corpus/file-text.ts';
import { encodingLabel } from '../corpus/encodings.ts';
import { CorpusError, idFromFileName, readMeta, titleFromFileName, type DateNote, type ReadMeta } from '../corpus/metadata.ts';
import { leftOutProblem } from '../corpus/clean/left-out.ts';
import type { CorpusDocument, LeftOut } from '../corpus/types.ts';
import { utf8Length } from '../text/utf8.ts';
import { isPlainObject } from '../validate/fields.ts';
import { inferFields, type MetaFields } from './infer.ts';
import { MAX_FILE_BYTES, fileSizeProblem, formatBytes, isPacked } from './limits.ts';

/** A file the user dropped, picked or pasted. */
export interface ImportFile {
  kind: 'file';
  /** Shown in messages: the path inside a dropped folder, or the file name. */
  path: string;
  name: string;
  bytes: Uint8Array;
  /** The text of `<name>.meta.json` dropped beside it, if any. */
  sidecar?: string;
  /** What the user typed in the metadata form: wins over what the file says. */
  fields?: MetaFields;
  /** The encoding the reader chose to re-read the file as (a `TextDecoder` label); detected when absent. */
  encoding?: string;
  /** The id the document keeps when a file is read again. */
  keepId?: string;
}

/** A document from a shared corpus file: metadata in sidecar form and the text before cleaning. */
export interface PreparedFile {
  kind: 'prepared';
  path: string;
  meta: unknown;
  original: string;
  /** What of `original` its reader left out before cleaning (a web page's furniture), checked against it. */
  leftOut?: LeftOut[];
}

export type ImportItem = ImportFile | PreparedFile;

/** How a file's bytes were read, for the import summary. */
export interface ReadAs {
  encoding: string;
  how: EncodingSource;
  confidence: number | null;
}

export type ImportOutcome =
  | { ok: true; doc: CorpusDocument; bytes: number; renamedFrom: string | null; readAs: ReadAs | null; dateNote: DateNote | null }
  | { ok: false; file: string; reason: string };

/** Ids are unique within a corpus: a clash gets `-2`, `-3`… (at most this many tries). */
const MAX_ID_SUFFIX = 10_000;

function refuse(file: string, reason: string): ImportOutcome {
  return { ok: false, file, reason };
}

/** `taken` holds the ids already in the corpus; the new document's id is added to it. */
export function importItem(item: ImportItem, taken: Set<string>): ImportOutcome {
  const path = typeof item?.path === 'string' && item.path ? item.path.slice(0, 300) : 'a file';
  try {
    return item.kind === 'prepared' ? readPrepared(item, path, taken) : readFile(item, path, taken);
  } catch (error) {
    if (error instanceof CorpusError) return refuse(error.file, error.message.slice(error.file.length + 2) || 'cannot be read');
    // A bug or an exhausted engine must cost one file, not the import.
    return refuse(path, `could not be imported (${error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200)})`);
  }
}

function readFile(file: ImportFile, path: string, taken: Set<string>): ImportOutcome {
  const bytes = file.bytes;
  if (!(bytes instanceof Uint8Array)) return refuse(path, 'could not be read (no content)');
  if (bytes.length === 0) return refuse(path, 'is empty (0 bytes); nothing was added');
  const name = typeof file.name === 'string' && file.name ? file.name : path;
  const packed = isPacked(name, bytes.subarray(0, SNIFF_BYTES));
  const tooLarge = fileSizeProblem(bytes.length, packed);
  if (tooLarge) return refuse(path, tooLarge);
  const read = readFileText({ path, name, bytes }, typeof file.encoding === 'string' ? file.encoding : null);
  const { original, leftOut, decoded } = read;
  // A packed file counts its text, not its pictures; that text is held to the limit of one document.
  const textBytes = packed ? utf8Length(original) : bytes.length;
  if (textBytes > MAX_FILE_BYTES) return refuse(path, `has ${formatBytes(textBytes)} of text; the limit is ${formatBytes(MAX_FILE_BYTES)} per document`);
  const readAs: ReadAs | null = decoded && { encoding: decoded.encoding, how: decoded.how, confidence: decoded.confidence };

  const inferred = inferFields({ name, text: read.text, html: read.html });
  const user = file.fields ?? {};
  let sidecar: unknown;
  if (file.sidecar !== undefined) {
    try {
      sidecar = JSON.parse(file.sidecar);
    } catch (error) {
      return refuse(`${path}.meta.json`, `is not valid JSON (${(error as Error).message.slice(0, 120)})`);
    }
    if (isPlainObject(sidecar)) sidecar = { ...sidecar, ...definedOnly(user) };
  }
  const built = readMeta({
    file: path,
    defaultId: idFromFileName(name),
    defaultTitle: titleFromFileName(name),
    frontMatter: { ...inferred, ...read.fields, ...definedOnly(user) },
    sidecar,
    provenance: read.provenance + encodingNote(readAs),
  });
  if (typeof file.keepId === 'string' && file.keepId) {
    taken.delete(file.keepId);
    built.meta.id = file.keepId;
  }
  return finish(built, original, leftOut, textBytes, taken, path, readAs);
}

function readPrepared(item: PreparedFile, path: string, taken: Set<string>): ImportOutcome {
  if (typeof item.original !== 'string') return refuse(path, 'original is not text');
  if (item.original.length > MAX_FILE_BYTES) return refuse(path, `original is ${item.original.length.toLocaleString('en')} characters; the limit is ${formatBytes(MAX_FILE_BYTES)} per document`);
  assertText(item.original, path); // the same refusal as a file's (binary, control characters)
  if (!item.original.trim()) return refuse(path, 'is empty');
  const problem = item.leftOut ? leftOutProblem(item.original, item.leftOut) : null;
  if (problem) return refuse(path, `leftOut${problem}`);
  const built = readMeta({ file: path, defaultId: 'document', defaultTitle: null, sidecar: item.meta });
  built.meta.source = path;
  return finish(built, item.original, item.leftOut ?? [], utf8Length(item.original), taken, path, null);
}

/** A sentence for the provenance when the file was not plain UTF-8. */
function encodingNote(readAs: ReadAs | null): string {
  if (!readAs || readAs.how === 'UTF-8' || (readAs.how === 'byte-order mark' && readAs.encoding === 'utf-8')) return '';
  const why =
    readAs.how === 'chosen' ? 'as the reader chose' : readAs.how === 'detected' ? 'detected' : readAs.how === 'zero bytes' ? 'UTF-16 without a byte-order mark' : readAs.how;
  return ` Read as ${encodingLabel(readAs.encoding)} (${why}).`;
}

function finish({ meta, dateNote }: ReadMeta, original: string, leftOut: readonly LeftOut[], bytes: number, taken: Set<string>, path: string, readAs: ReadAs | null): ImportOutcome {
  const { text, edits } = cleanText(original, meta.clean, { title: meta.title, leftOut });
  if (!text.trim()) return refuse(path, 'has no text left after cleaning (everything looked like page furniture)');
  let renamedFrom: string | null = null;
  if (taken.has(meta.id)) {
    renamedFrom = meta.id;
    const base = meta.id.slice(0, 120);
    let n = 2;
    while (taken.has(`${base}-${n}`) && n < MAX_ID_SUFFIX) n++;
    if (taken.has(`${base}-${n}`)) return refuse(path, `id ${JSON.stringify(meta.id)} is already used too many times`);
    meta.id = `${base}-${n}`;
  }
  taken.add(meta.id);
  return { ok: true, doc: { meta, original, text, edits, wordCount: countWords(text) }, bytes, renamedFrom, readAs, dateNote };
}

function definedOnly(fields: MetaFields): MetaFields {
  const out: MetaFields = {};
  for (const [k, v] of Object.entries(fields)) if (typeof v === 'string') out[k as keyof MetaFields] = v;
  return out;
}

/** Runs the cleaner in this thread (the worker's handler does the same; tests use it as the `clean` of runImport). */
export function cleanHere(items: ImportItem[], taken: string[], onFile: (path: string) => void): Promise<ImportOutcome[]> {
  const ids = new Set(taken);
  return Promise.resolve(
    items.map((item) => {
      onFile(item.path);
      return importItem(item, ids);
    }),
  );
}
