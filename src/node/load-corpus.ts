/**
 * Node side of corpus loading: paths to SourceFiles (files, folders, sidecars),
 * then the pure assembler. Used by the build plugin and the CLI.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { assembleCorpus, isDocumentFile, type SourceFile } from '../corpus/assemble.ts';
import { CorpusError } from '../corpus/metadata.ts';
import type { Corpus } from '../corpus/types.ts';

export { CorpusError };

/** Notes about a folder, not documents in it. */
const NOT_DOCUMENTS = /^(readme|sources|license|changelog)(\.[^.]+)?$/i;

export async function listDocumentFiles(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new CorpusError(path, null, 'no such file or folder');
  }
  if (info.isFile()) {
    if (!isDocumentFile(path)) throw new CorpusError(path, null, 'is not a .txt, .md or .html file');
    return [path];
  }
  if (!info.isDirectory()) throw new CorpusError(path, null, 'is neither a file nor a folder');
  const names = (await readdir(path)).filter((n) => !n.startsWith('.') && !n.startsWith('_')).sort();
  const files: string[] = [];
  for (const name of names) {
    const full = join(path, name);
    const s = await stat(full);
    if (s.isDirectory()) for (const f of await listDocumentFiles(full)) files.push(f);
    else if (isDocumentFile(name) && !NOT_DOCUMENTS.test(name)) files.push(full);
  }
  return files;
}

async function readSourceFile(path: string, root: string): Promise<SourceFile> {
  const rel = relative(root, path);
  const shown = rel && !rel.startsWith('..') ? rel : path;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CorpusError(shown, null, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const file: SourceFile = { path: shown, name: basename(path), bytes };
  const sidecarPath = `${path}.meta.json`;
  let sidecarText: string | null = null;
  try {
    sidecarText = await readFile(sidecarPath, 'utf8');
  } catch {
    // no sidecar: metadata comes from front matter or the file name
  }
  if (sidecarText !== null) {
    try {
      file.sidecar = JSON.parse(sidecarText);
    } catch (error) {
      throw new CorpusError(`${shown}.meta.json`, null, `is not valid JSON (${(error as Error).message})`);
    }
  }
  return file;
}

/** Loads every document under the given files and folders, validated and cleaned. */
export async function loadCorpusFromPaths(paths: string[], name = 'Corpus', root = process.cwd()): Promise<Corpus> {
  const files: string[] = [];
  for (const path of paths) {
    const found = await listDocumentFiles(path);
    if (found.length === 0) throw new CorpusError(path, null, 'has no .txt, .md or .html files');
    for (const f of found) files.push(f);
  }
  return assembleCorpus(name, await Promise.all(files.map((f) => readSourceFile(f, root))));
}

/** Every file the corpus was read from, sidecars included, for the dev server to watch. */
export async function corpusWatchFiles(paths: string[]): Promise<string[]> {
  const files = (await Promise.all(paths.map(listDocumentFiles))).flat();
  return files.flatMap((f) => [f, `${f}.meta.json`]);
}
