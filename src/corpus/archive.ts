/**
 * The parts of a ZIP archive that a reader asks for, as text: Word and
 * OpenDocument files (office.ts), EPUB books (epub.ts) and Excel workbooks
 * (importer/workbook.ts) are all ZIPs of XML. fflate unzips only the parts
 * `wanted` names, synchronously (the same in the worker and in Node), and
 * refuses an archive whose wanted parts would unpack to more than
 * MAX_UNPACKED_BYTES in all (a ZIP bomb) or that is damaged, saying which.
 */
import { unzipSync } from 'fflate';

/** Far above any real document's or book's text, far below memory trouble. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

export interface ArchiveParts {
  /** Names of the parts unpacked. */
  names: string[];
  /** A part's text (UTF-8), or null when the archive has no such part. */
  text(name: string): string | null;
}

/** The parts `wanted` names; `what` names the format in a refusal ("a Word document (.docx)"). */
export function unpackParts(bytes: Uint8Array, wanted: (name: string) => boolean, what: string): ArchiveParts | { error: string } {
  let parts: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        unpacked += f.originalSize;
        return unpacked <= MAX_UNPACKED_BYTES;
      },
    });
  } catch (error) {
    return { error: `is not ${what} that can be read: the archive is damaged (${error instanceof Error ? error.message.slice(0, 80) : String(error)})` };
  }
  if (unpacked > MAX_UNPACKED_BYTES) return { error: `would unpack to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB of text; it is refused` };
  const decoder = new TextDecoder('utf-8');
  return { names: Object.keys(parts), text: (name) => (parts[name] ? decoder.decode(parts[name]) : null) };
}
