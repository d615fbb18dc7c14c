/**
 * Node side of reading passim's and TextPAIR's files: paths to re-openable
 * streams. A folder is read as Spark writes one (its part files, not
 * `_SUCCESS` or `.crc`); passim's whole output folder is read through its
 * `out.json` and `align.json`; `.gz` files are decompressed on the fly.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Source } from '../interop/lines.ts';
import { isResultFile } from '../interop/scan.ts';

/** passim's results inside its output folder (its `tmp/` holds intermediate Parquet, not results). */
const PASSIM_RESULT_DIRS = ['out.json', 'align.json'];

export class ResultPathError extends Error {}

function fileSource(path: string, size: number, shown: string): Source {
  if (/\.bz2$/i.test(path)) throw new ResultPathError(`${shown}: bzip2 files are not read; decompress it first (bunzip2 -k "${shown}")`);
  if (/\.parquet$/i.test(path) || /\.parquet$/i.test(basename(join(path, '..')))) {
    throw new ResultPathError(`${shown}: Parquet is not read; run passim with its default --output-format json`);
  }
  const gz = /\.gz$/i.test(path);
  return {
    name: shown.replace(/\.gz$/i, ''),
    size,
    open: () => (gz ? createReadStream(path).pipe(createGunzip()) : createReadStream(path)),
  };
}

/** Every file under `paths`, as sources named by the path given (folders: path/part-…). */
export async function sourcesFromPaths(paths: string[]): Promise<Source[]> {
  const out: Source[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new ResultPathError(`${path}: no such file or folder`);
    }
    if (info.isFile()) {
      out.push(fileSource(path, info.size, path));
      continue;
    }
    if (!info.isDirectory()) throw new ResultPathError(`${path}: is neither a file nor a folder`);
    const names = (await readdir(path)).sort();
    const inner = PASSIM_RESULT_DIRS.filter((d) => names.includes(d));
    const folders = inner.length ? inner.map((d) => join(path, d)) : [path];
    let found = 0;
    for (const folder of folders) {
      for (const name of (await readdir(folder)).sort()) {
        if (!isResultFile(name)) continue;
        const full = join(folder, name);
        const s = await stat(full);
        if (!s.isFile()) continue;
        out.push(fileSource(full, s.size, full));
        found++;
      }
    }
    if (found === 0) throw new ResultPathError(`${path}: has no result files (expected part-* files, or passim's out.json/ and align.json/)`);
  }
  return out;
}
