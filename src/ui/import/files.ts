/**
 * The browser's files as the importer's `PickedFile`s: from a file input
 * (with `webkitRelativePath` for a folder) or a drop (walking dropped
 * folders). The only DOM-dependent part of importing; the rest is in
 * src/importer and tested in Node.
 */
import { SNIFF_BYTES, type PickedFile } from '../../importer/index.ts';

export function fromFile(file: File, path = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name): PickedFile {
  return {
    path,
    name: file.name,
    // A getter: Chromium may answer File.size with a synchronous file-system call, and a
    // thousand of them at once block the page; read it when the file's batch comes up.
    get size() {
      return file.size;
    },
    load: async () => ({ kind: 'file', path, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }),
    head: async () => new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()),
  };
}

export function fromFileList(list: FileList | readonly File[] | null): PickedFile[] {
  return list ? Array.from(list, (f) => fromFile(f)) : [];
}

/** Dropped files and folders (folders walked with the entries API where the browser has it). */
export async function fromDataTransfer(dt: DataTransfer): Promise<PickedFile[]> {
  return (await droppedFiles(dt)).map(({ file, path }) => fromFile(file, path));
}

/** Every file dropped, with its path inside the dropped folders. */
export async function droppedFiles(dt: DataTransfer): Promise<{ file: File; path: string }[]> {
  const entries = Array.from(dt.items)
    .map((item) => (item.kind === 'file' && 'webkitGetAsEntry' in item ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return Array.from(dt.files, (file) => ({ file, path: file.name }));
  const out: { file: File; path: string }[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
      out.push({ file, path: prefix + file.name });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries answers in chunks (100 in Chromium) until it returns none.
      for (;;) {
        const chunk = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (chunk.length === 0) break;
        for (const child of chunk) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}
