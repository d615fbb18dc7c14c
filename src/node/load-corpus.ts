/**
 * Node side of corpus loading: paths to SourceFiles (files, folders, sidecars),
 * then the pure assembler. Used by the build plugin and the CLI.
 *
 * Only regular files are read: a named pipe, socket or device called
 * `*.txt` would block `readFile` forever, so each file is opened without
 * blocking and checked before it is read. Symbolic links are followed; a
 * dangling link, a link loop and a folder reached twice (a link back to
 * a parent) are named and passed over. The CLI
 * reads leniently (every readable file; a problem costs its file and is
 * reported), the build strictly (the first problem stops it).
 */
import { constants, type Stats } from 'node:fs';
import { open, readdir, readlink, stat, lstat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { assembleCorpus, isDocumentFile, readDocument, type SourceFile } from '../corpus/assemble.ts';
import { corpusHash } from '../corpus/corpus-hash.ts';
import { CorpusError, type DateNote } from '../corpus/metadata.ts';
import { compareIds } from '../corpus/outlet-year.ts';
import type { Corpus, CorpusDocument } from '../corpus/types.ts';
import { documentKind, READABLE_FORMATS, SNIFF_BYTES } from '../corpus/document-kinds.ts';
import { TABLE_NAME } from '../importer/file-kinds.ts';
import { importItem } from '../importer/read.ts';
import { readTable } from '../importer/table-file.ts';

export { CorpusError };

/** A document file, or a table of documents (a CSV or TSV file: one per row). */
const isReadable = (name: string) => isDocumentFile(name) || TABLE_NAME.test(name);
const NO_DOCUMENTS = `has no ${READABLE_FORMATS} files`;

/** Notes about a folder, not documents in it. */
const NOT_DOCUMENTS = /^(readme|sources|license|changelog)(\.[^.]+)?$/i;

/** A file that was not read, and why (one line). */
export interface Skipped {
  file: string;
  reason: string;
}

/** What a path is when it is not a regular file or a folder. */
function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Why `path` cannot be opened, in words, naming a link's target when it is the problem. */
async function whyNot(path: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  let target: string | null = null;
  try {
    if ((await lstat(path)).isSymbolicLink()) target = await readlink(path);
  } catch {
    // not there at all
  }
  if (code === 'ELOOP') return 'is a symbolic link loop';
  if (code === 'ENOENT') return target !== null ? `is a link to ${JSON.stringify(target)}, which does not exist` : 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

export interface Listing {
  files: string[];
  skipped: Skipped[];
}

/** The first bytes of a file (empty when it cannot be read: reading it later says why). */
async function head(path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    return new Uint8Array(0);
  } finally {
    await handle?.close();
  }
}

/** The document files under `path` (a file or a folder), and what was passed over with a reason. */
export async function listDocumentFiles(path: string): Promise<Listing> {
  const listing: Listing = { files: [], skipped: [] };
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    listing.skipped.push({ file: path, reason: await whyNot(path, error) });
    return listing;
  }
  if (info.isDirectory()) await walk(path, info, listing, new Set());
  else if (!info.isFile()) listing.skipped.push({ file: path, reason: `is ${kindOf(info)}, not a file or a folder` });
  // A file named directly is read whatever its name says, when its first bytes show a kind (document-kinds.ts).
  else if (!isReadable(path) && !documentKind(basename(path), await head(path))) listing.skipped.push({ file: path, reason: `is not a ${READABLE_FORMATS} file` });
  else listing.files.push(path);
  return listing;
}

async function walk(dir: string, info: Stats, listing: Listing, seen: Set<string>): Promise<void> {
  const id = `${info.dev}:${info.ino}`;
  if (seen.has(id)) {
    listing.skipped.push({ file: dir, reason: 'is a folder already read (a link leads to it again)' });
    return;
  }
  seen.add(id);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    listing.skipped.push({ file: dir, reason: await whyNot(dir, error) });
    return;
  }
  for (const name of names.filter((n) => !n.startsWith('.') && !n.startsWith('_')).sort()) {
    const full = join(dir, name);
    const document = isReadable(name) && !NOT_DOCUMENTS.test(name);
    let s: Stats;
    try {
      s = await stat(full);
    } catch (error) {
      // A broken entry matters when it would have been a document, or may have been a folder.
      if (document || !/\.[^.]+$/.test(name)) listing.skipped.push({ file: full, reason: await whyNot(full, error) });
      continue;
    }
    // A browser's `Title_files/` beside a saved page holds its images, styles and scripts, not documents.
    if (s.isDirectory()) {
      if (!name.endsWith('_files')) await walk(full, s, listing, seen);
    }
    else if (!document) continue;
    else if (s.isFile()) listing.files.push(full);
    else listing.skipped.push({ file: full, reason: `is ${kindOf(s)}, not a regular file` });
  }
}

/**
 * The bytes of a regular file. Opened with O_NONBLOCK, so a pipe or device
 * put where a file was listed cannot block; null when there is no such file.
 */
async function readRegularFile(path: string, shown: string): Promise<Uint8Array | null> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await isLink(path))) return null;
    throw new CorpusError(shown, null, await whyNot(path, error));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new CorpusError(shown, null, `is ${kindOf(info)}, not a regular file`);
    return await handle.readFile();
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    throw new CorpusError(shown, null, await whyNot(path, error));
  } finally {
    await handle.close();
  }
}

async function isLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}

async function readSourceFile(path: string, root: string): Promise<SourceFile> {
  const rel = relative(root, path);
  const shown = rel && !rel.startsWith('..') ? rel : path;
  const bytes = await readRegularFile(path, shown);
  if (bytes === null) throw new CorpusError(shown, null, 'no such file (was it removed while reading?)');
  const file: SourceFile = { path: shown, name: basename(path), bytes };
  // No sidecar: metadata comes from front matter or the file name.
  const sidecar = await readRegularFile(`${path}.meta.json`, `${shown}.meta.json`);
  if (sidecar !== null) {
    try {
      file.sidecar = JSON.parse(new TextDecoder().decode(sidecar));
    } catch (error) {
      throw new CorpusError(`${shown}.meta.json`, null, `is not valid JSON (${(error as Error).message})`);
    }
  }
  return file;
}

/** A document read, and what of its date was not. */
type ReadDoc = { doc: CorpusDocument; dateNote: DateNote | null };

/** A table's rows as documents, each through the importer's checks and cleaner (as in the browser); rows and tables not read, with why. */
function readTableDocuments(file: SourceFile): { documents: ReadDoc[]; skipped: Skipped[] } {
  const table = readTable(file.bytes, file.path);
  if (!table.ok) return { documents: [], skipped: [{ file: file.path, reason: table.reason }] };
  const skipped: Skipped[] = [...table.refused];
  const documents: ReadDoc[] = [];
  const taken = new Set<string>();
  for (const item of table.items) {
    const outcome = importItem(item, taken);
    if (outcome.ok) documents.push(outcome);
    else skipped.push({ file: outcome.file, reason: outcome.reason });
  }
  return { documents, skipped };
}

/** One file's documents (a table's rows, else the file), or a CorpusError. */
function readFileDocuments(file: SourceFile): { documents: ReadDoc[]; skipped: Skipped[] } {
  return TABLE_NAME.test(file.name) ? readTableDocuments(file) : { documents: [readDocument(file)], skipped: [] };
}

export interface LoadResult {
  /** Null when no document could be read. */
  corpus: Corpus | null;
  /** Every file not read, in path order, with why. */
  skipped: Skipped[];
  /** The documents whose date was not read in full, by where they came from, with why (also in their provenance). */
  dates: { file: string; date: DateNote }[];
}

/**
 * Reads every document it can under the given files and folders: a file
 * that cannot be read, decoded, or given valid metadata, or whose id another
 * file already has, is skipped with its reason; the rest form the corpus.
 */
export async function readCorpusFromPaths(paths: string[], name = 'Corpus', root = process.cwd()): Promise<LoadResult> {
  const skipped: Skipped[] = [];
  const documents: CorpusDocument[] = [];
  const dates: LoadResult['dates'] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    const listing = await listDocumentFiles(path);
    for (const s of listing.skipped) skipped.push(s);
    if (listing.files.length === 0 && listing.skipped.length === 0) skipped.push({ file: path, reason: NO_DOCUMENTS });
    for (const file of listing.files) {
      let read: ReturnType<typeof readFileDocuments>;
      try {
        read = readFileDocuments(await readSourceFile(file, root));
      } catch (error) {
        if (!(error instanceof CorpusError)) throw error;
        skipped.push({ file: error.file, reason: error.message.slice(error.file.length + 2) });
        continue;
      }
      for (const s of read.skipped) skipped.push(s);
      for (const { doc, dateNote } of read.documents) {
        const other = seen.get(doc.meta.id);
        if (other) {
          skipped.push({ file: doc.meta.source, reason: `id: duplicate id ${JSON.stringify(doc.meta.id)} (also used by ${other})` });
          continue;
        }
        seen.set(doc.meta.id, doc.meta.source);
        documents.push(doc);
        if (dateNote) dates.push({ file: doc.meta.source, date: dateNote });
      }
    }
  }
  if (documents.length === 0) return { corpus: null, skipped, dates };
  documents.sort((a, b) => compareIds(a.meta.id, b.meta.id));
  return { corpus: { id: corpusHash(documents), name, documents }, skipped, dates };
}

/** Loads every document under the given files and folders, validated and cleaned; the first problem is thrown (the build). */
export async function loadCorpusFromPaths(paths: string[], name = 'Corpus', root = process.cwd()): Promise<Corpus> {
  const files: string[] = [];
  for (const path of paths) {
    const listing = await listDocumentFiles(path);
    const problem = listing.skipped[0];
    if (problem) throw new CorpusError(problem.file, null, problem.reason);
    if (listing.files.length === 0) throw new CorpusError(path, null, NO_DOCUMENTS);
    for (const f of listing.files) files.push(f);
  }
  const sources: SourceFile[] = [];
  const rows: CorpusDocument[] = [];
  for (const f of files) {
    const source = await readSourceFile(f, root);
    if (!TABLE_NAME.test(source.name)) {
      sources.push(source);
      continue;
    }
    const table = readTableDocuments(source);
    const problem = table.skipped[0];
    if (problem) throw new CorpusError(problem.file, null, problem.reason);
    for (const { doc } of table.documents) rows.push(doc);
  }
  return assembleCorpus(name, sources, rows);
}

/** Every file the corpus was read from, sidecars included, for the dev server to watch. */
export async function corpusWatchFiles(paths: string[]): Promise<string[]> {
  const files = (await Promise.all(paths.map(listDocumentFiles))).flatMap((l) => l.files);
  return files.flatMap((f) => [f, `${f}.meta.json`]);
}
