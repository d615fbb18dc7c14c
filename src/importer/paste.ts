/** Pasted text as a file to import, named after its title. */
import type { MetaFields } from './infer.ts';
import type { PickedFile } from './run.ts';

let pasteCount = 0;

export function pastedFile(text: string, fields: MetaFields, now: number = Date.now()): PickedFile {
  const bytes = new TextEncoder().encode(text);
  const stem = (fields.title ?? '').normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || `pasted-${now.toString(36)}-${++pasteCount}`;
  const name = `${stem}.txt`;
  return { path: name, name, size: bytes.length, load: async () => ({ kind: 'file', path: name, name, bytes, fields }) };
}
