/**
 * A Word 97–2003 document (`.doc`: what Word wrote before 2007, and still
 * does when asked, and what many school and office archives hold) to its
 * text and metadata ([MS-DOC]).
 *
 * - The text: the piece table (the `Clx` in the 0Table or 1Table stream)
 *   says where each run of characters lies in the WordDocument stream and
 *   whether it is stored as windows-1252 bytes or UTF-16; the main
 *   document is the first `ccpText` characters (footnotes, headers,
 *   comments and text boxes come after it, and are left out, as for
 *   .docx).
 * - Word's marks: a paragraph mark, page or column break ends a paragraph,
 *   a line break a line; a table cell is a space and a row a paragraph; a field's code
 *   (`HYPERLINK "…"`, `PAGE`) is left out and its result kept; pictures,
 *   note references, soft hyphens are left out.
 * - Metadata: title, author and date of creation from the
 *   SummaryInformation property set.
 *
 * What it misses: text Word 6 and Word 95 wrote (another format), a
 * document protected by a password (refused), tracked deletions (read as
 * text), list numbers Word draws (not in the text).
 */
import { CompoundFile } from './compound-file.ts';
import { windows1252FromLatin1 } from './cp1252.ts';
import { paragraphs } from './rtf.ts';

export interface Word97Reading {
  text: string;
  fields: Partial<Record<'title' | 'author' | 'date', string>>;
}

export const word97Provenance = (path: string) =>
  `Imported from the Word 97–2003 document “${path}”: the text of its body (footnotes, headers, footers, comments and field codes left out).`;

/** The text and metadata of a .doc file, or why it cannot be read. */
export function readWord97(bytes: Uint8Array): Word97Reading | { error: string } {
  let file: CompoundFile;
  try {
    file = new CompoundFile(bytes);
    const word = file.stream('WordDocument');
    if (!word || word.length < 0x200) return { error: 'is a compound file but not a Word document (an Excel, PowerPoint or Outlook file?); save it as .docx or .txt first' };
    const fib = new DataView(word.buffer, word.byteOffset, word.byteLength);
    if (fib.getUint16(0, true) !== 0xa5ec) return { error: 'is not a Word 97–2003 document (its header is not Word’s)' };
    // Word 97 and later write nFib 0xC1 and up; Word 6 (101) and Word 95 (104) another header.
    if (fib.getUint16(2, true) < 0xc0) return { error: 'was written by Word 6 or Word 95, which Refrain cannot read; save it as .docx or .txt first' };
    const flags = fib.getUint16(0x0a, true);
    if (flags & 0x0100) return { error: 'is a Word document protected by a password, which Refrain does not ask for; save an unprotected copy as .docx or .txt' };
    const table = file.stream(flags & 0x0200 ? '1Table' : '0Table');
    if (!table) return { error: 'is a damaged Word document (its table stream is missing)' };
    const text = mainText(word, fib, table);
    return { text: cleanMarks(text), fields: summaryFields(file.stream('\u0005SummaryInformation')) };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    return { error: message.startsWith('is ') ? message : 'is a damaged Word document' };
  }
}

/** The first ccpText characters of the document, in character order, from the piece table. */
function mainText(word: Uint8Array, fib: DataView, table: Uint8Array): string {
  // FibBase (32 bytes), then csw u16 and fibRgW, cslw u16 and fibRgLw, cbRgFcLcb u16 and fibRgFcLcb.
  const csw = fib.getUint16(32, true);
  const rgLw = 34 + csw * 2 + 2;
  const ccpText = fib.getInt32(rgLw + 3 * 4, true);
  const cslw = fib.getUint16(34 + csw * 2, true);
  const rgFcLcb = rgLw + cslw * 4 + 2;
  const fcClx = fib.getUint32(rgFcLcb + 33 * 8, true);
  const lcbClx = fib.getUint32(rgFcLcb + 33 * 8 + 4, true);
  if (fcClx + lcbClx > table.length || lcbClx === 0) throw new Error('is a damaged Word document (its piece table is missing)');
  const clx = new DataView(table.buffer, table.byteOffset + fcClx, lcbClx);
  let at = 0;
  // Prc entries (formatting) come first; the Pcdt (0x02) is the piece table.
  while (at < lcbClx && clx.getUint8(at) === 0x01) at += 3 + clx.getInt16(at + 1, true);
  if (clx.getUint8(at) !== 0x02) throw new Error('is a damaged Word document (its piece table is missing)');
  const lcb = clx.getUint32(at + 1, true);
  const plc = at + 5;
  const pieces = Math.floor((lcb - 4) / 12);
  const out: string[] = [];
  let length = 0;
  const latin1 = new TextDecoder('latin1');
  const utf16 = new TextDecoder('utf-16le');
  for (let i = 0; i < pieces && length < ccpText; i++) {
    const cpStart = clx.getUint32(plc + i * 4, true);
    const cpEnd = clx.getUint32(plc + (i + 1) * 4, true);
    const pcd = plc + (pieces + 1) * 4 + i * 8;
    const fcRaw = clx.getUint32(pcd + 2, true);
    const count = Math.min(cpEnd - cpStart, ccpText - length);
    if (count <= 0) continue;
    const compressed = (fcRaw & 0x40000000) !== 0;
    const fc = fcRaw & 0x3fffffff;
    const piece = compressed
      ? windows1252FromLatin1(latin1.decode(word.subarray(fc / 2, fc / 2 + count)))
      : utf16.decode(word.subarray(fc, fc + count * 2));
    out.push(piece);
    length += piece.length;
  }
  return out.join('').slice(0, ccpText);
}

/** Word's control characters as text: fields' codes out, their results kept; marks as line ends or spaces. */
export function cleanMarks(raw: string): string {
  let out = '';
  // Per open field: whether its code is still being read (before its separator).
  const fields: boolean[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x13) {
      fields.push(true);
      continue;
    }
    if (c === 0x14) {
      if (fields.length) fields[fields.length - 1] = false;
      continue;
    }
    if (c === 0x15) {
      fields.pop();
      continue;
    }
    if (fields.includes(true)) continue;
    if (c === 0x0d || c === 0x0c || c === 0x0e) out += '\n\n';
    else if (c === 0x0b) out += '\n';
    else if (c === 0x07) {
      // A cell's end mark; two in a row end a table row.
      if (raw.charCodeAt(i + 1) === 0x07) {
        out += '\n\n';
        i++;
      } else out += ' ';
    } else if (c === 0x1e) out += '-';
    else if (c === 0x09) out += '\t';
    else if (c < 0x20 || c === 0x1f) continue;
    else out += raw[i];
  }
  return paragraphs(out);
}

/** Title, author and date of creation from the SummaryInformation property set ([MS-OLEPS]). */
function summaryFields(stream: Uint8Array | null): Word97Reading['fields'] {
  const fields: Word97Reading['fields'] = {};
  if (!stream || stream.length < 48) return fields;
  try {
    const v = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
    const section = v.getUint32(44, true);
    const count = v.getUint32(section + 4, true);
    const props = new Map<number, number>();
    for (let i = 0; i < Math.min(count, 64); i++) props.set(v.getUint32(section + 8 + i * 8, true), section + v.getUint32(section + 12 + i * 8, true));
    const codePage = props.has(1) ? v.getUint16(props.get(1)! + 4, true) : 1252;
    const string = (pid: number): string => {
      const at = props.get(pid);
      if (at === undefined) return '';
      const type = v.getUint32(at, true);
      const size = v.getUint32(at + 4, true);
      if (type === 0x1e) {
        const bytes = stream.subarray(at + 8, at + 8 + size);
        const label = codePage === 65001 ? 'utf-8' : codePage === 1200 ? 'utf-16le' : `windows-${codePage}`;
        let decoded: string;
        try {
          // Node's windows-1252 is ISO-8859-1 (cp1252.ts): read it as that and repair.
          decoded = codePage === 1252 ? windows1252FromLatin1(new TextDecoder('latin1').decode(bytes)) : new TextDecoder(label).decode(bytes);
        } catch {
          decoded = windows1252FromLatin1(new TextDecoder('latin1').decode(bytes));
        }
        return decoded.replace(/\0.*$/s, '').trim();
      }
      if (type === 0x1f) return new TextDecoder('utf-16le').decode(stream.subarray(at + 8, at + 8 + size * 2)).replace(/\0.*$/s, '').trim();
      return '';
    };
    const title = string(2);
    if (title) fields.title = title;
    const author = string(4);
    if (author) fields.author = author;
    const created = props.get(12);
    if (created !== undefined && v.getUint32(created, true) === 0x40) {
      // FILETIME: 100-ns intervals since 1601.
      const ticks = v.getUint32(created + 4, true) + v.getUint32(created + 8, true) * 2 ** 32;
      const date = new Date(ticks / 10_000 - 11_644_473_600_000);
      if (date.getUTCFullYear() >= 1980 && date.getUTCFullYear() < 2200) fields.date = date.toISOString().slice(0, 10);
    }
  } catch {
    // A damaged property set: the text is still read.
  }
  return fields;
}
