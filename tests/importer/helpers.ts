import type { PickedFile } from '../../src/importer/run.ts';
import { SNIFF_BYTES } from '../../src/importer/file-kinds.ts';

export const enc = (s: string) => new TextEncoder().encode(s);

export function picked(path: string, content: string | Uint8Array): PickedFile {
  const bytes = typeof content === 'string' ? enc(content) : content;
  const name = path.split('/').pop()!;
  return { path, name, size: bytes.length, load: async () => ({ kind: 'file', path, name, bytes }), head: async () => bytes.subarray(0, SNIFF_BYTES) };
}

export const PROSE = 'The river council met on Tuesday to discuss the new bridge. Residents asked about the cost and the timetable for the works.\n\nEngineers said the first stage would begin next spring and last about a year.';
