/**
 * Word 97–2003 files built as Word writes them, for word97.ts's tests: a
 * compound file (version 3, 512-byte sectors) holding a WordDocument stream
 * with its FIB, a 0Table stream with the piece table, and a
 * SummaryInformation property set. Every stream is padded to the mini
 * stream cutoff, so all live in regular sectors.
 */

import { concatBytes } from '../../src/corpus/signatures.ts';

const CUTOFF = 4096;

/** A piece of text: stored as windows-1252 bytes ("compressed") or as UTF-16. */
export interface Piece {
  text: string;
  compressed: boolean;
}

function u16(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}
function padded(bytes: number[], size: number): Uint8Array {
  const out = new Uint8Array(Math.max(size, bytes.length));
  out.set(bytes);
  return out;
}

/** Windows-1252 bytes of text whose characters all have one (the test's own strings). */
function cp1252(text: string): number[] {
  const high: Record<string, number> = { '“': 0x93, '”': 0x94, '’': 0x92, '–': 0x96, '—': 0x97, '€': 0x80 };
  return [...text].map((c) => high[c] ?? c.charCodeAt(0));
}

/** A WordDocument stream and its 0Table: pieces in order, the first `mainLength` characters the main text. */
function wordStreams(pieces: Piece[], mainLength: number, flags = 0, nFib = 0x00c1): { word: Uint8Array; table: Uint8Array } {
  const word = new Array<number>(1024).fill(0);
  word.splice(0, 4, ...u16(0xa5ec), ...u16(nFib));
  word.splice(0x0a, 2, ...u16(flags));
  word.splice(32, 2, ...u16(14)); // csw: fibRgW is 14 words
  word.splice(62, 2, ...u16(22)); // cslw: fibRgLw is 22 longs
  word.splice(64 + 12, 4, ...u32(mainLength)); // ccpText
  word.splice(152, 2, ...u16(93)); // cbRgFcLcb (Word 97)
  const cps = [0];
  const fcs: number[] = [];
  for (const p of pieces) {
    const at = word.length;
    if (p.compressed) {
      word.push(...cp1252(p.text));
      fcs.push((at * 2) | 0x40000000);
    } else {
      for (const c of p.text) word.push(...u16(c.charCodeAt(0)));
      fcs.push(at);
    }
    cps.push(cps[cps.length - 1]! + p.text.length);
  }
  const plc = [...cps.flatMap(u32), ...fcs.flatMap((fc) => [0, 0, ...u32(fc), 0, 0])];
  // A Prc (formatting) before the piece table, as Word writes for fast-saved files.
  const clx = [0x01, ...u16(2), 0xaa, 0xbb, 0x02, ...u32(plc.length), ...plc];
  const table = [...new Array<number>(16).fill(0), ...clx];
  word.splice(154 + 33 * 8, 8, ...u32(16), ...u32(clx.length)); // fcClx, lcbClx
  return { word: padded(word, CUTOFF), table: padded(table, CUTOFF) };
}

/** A SummaryInformation property set with a code page, title, author and creation time. */
function summary(title: string, author: string, created: Date): Uint8Array {
  const str = (s: string) => {
    const bytes = [...cp1252(s), 0];
    while (bytes.length % 4) bytes.push(0);
    return [...u32(0x1e), ...u32(s.length + 1), ...bytes];
  };
  const ticks = BigInt(created.getTime() + 11_644_473_600_000) * 10_000n;
  const props: Array<[number, number[]]> = [
    [1, [...u32(2), ...u16(1252), 0, 0]],
    [2, str(title)],
    [4, str(author)],
    [12, [...u32(0x40), ...u32(Number(ticks & 0xffffffffn)), ...u32(Number(ticks >> 32n))]],
  ];
  let offset = 8 + props.length * 8;
  const index: number[] = [];
  const body: number[] = [];
  for (const [pid, value] of props) {
    index.push(...u32(pid), ...u32(offset));
    body.push(...value);
    offset += value.length;
  }
  const section = [...u32(offset), ...u32(props.length), ...index, ...body];
  const fmtid = [0xe0, 0x85, 0x9f, 0xf2, 0xf9, 0x4f, 0x68, 0x10, 0xab, 0x91, 0x08, 0x00, 0x2b, 0x27, 0xb3, 0xd9];
  return padded([...u16(0xfffe), ...u16(0), ...u32(0), ...new Array<number>(16).fill(0), ...u32(1), ...fmtid, ...u32(48), ...section], CUTOFF);
}

/** A compound file of `streams` (name → bytes, each a multiple of 512 bytes). */
export function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const names = Object.keys(streams);
  const sectorsOf = (b: Uint8Array) => Math.ceil(b.length / 512);
  const dataSectors = names.reduce((n, k) => n + sectorsOf(streams[k]!), 0);
  const fatSectors = Math.ceil((1 + 1 + dataSectors + 1) / 128);
  const dirSector = fatSectors;
  const fat: number[] = [];
  for (let i = 0; i < fatSectors; i++) fat.push(0xfffffffd);
  fat.push(0xfffffffe); // the directory: one sector
  const starts: number[] = [];
  for (const k of names) {
    const n = sectorsOf(streams[k]!);
    starts.push(fat.length);
    for (let i = 1; i < n; i++) fat.push(fat.length + 1);
    fat.push(0xfffffffe);
  }
  while (fat.length < fatSectors * 128) fat.push(0xffffffff);
  // The root's child is the first stream, each stream's right sibling the next (a tree as [MS-CFB] allows, all black).
  const entry = (name: string, type: number, start: number, size: number, child = 0xffffffff, right = 0xffffffff) => {
    const e = new Array<number>(128).fill(0);
    [...name].forEach((c, i) => e.splice(i * 2, 2, ...u16(c.charCodeAt(0))));
    e.splice(0x40, 2, ...u16((name.length + 1) * 2));
    e[0x42] = type;
    e.splice(0x44, 12, ...u32(0xffffffff), ...u32(right), ...u32(child));
    e.splice(0x74, 8, ...u32(start), ...u32(size));
    return e;
  };
  const dir = [
    ...entry('Root Entry', 5, 0xfffffffe, 0, 1),
    ...names.flatMap((k, i) => entry(k, 2, starts[i]!, streams[k]!.length, 0xffffffff, i + 1 < names.length ? i + 2 : 0xffffffff)),
  ];
  const header = new Array<number>(512).fill(0);
  header.splice(0, 8, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
  header.splice(0x18, 8, ...u16(0x3e), ...u16(3), ...u16(0xfffe), ...u16(9));
  header.splice(0x20, 2, ...u16(6));
  header.splice(0x2c, 8, ...u32(fatSectors), ...u32(dirSector));
  header.splice(0x38, 16, ...u32(CUTOFF), ...u32(0xfffffffe), ...u32(0), ...u32(0xfffffffe));
  for (let i = 0; i < 109; i++) header.splice(0x4c + i * 4, 4, ...u32(i < fatSectors ? i : 0xffffffff));
  const parts = [Uint8Array.from(header), Uint8Array.from(fat.flatMap(u32)), padded(dir, 512 * Math.ceil(dir.length / 512)), ...names.map((k) => streams[k]!)];
  return concatBytes(parts);
}

/** A .doc of `pieces` whose first `mainLength` characters are the main text, with its summary information. */
export function wordDocument(pieces: Piece[], mainLength: number, options: { flags?: number; nFib?: number; title?: string; author?: string; created?: Date } = {}): Uint8Array {
  const { word, table } = wordStreams(pieces, mainLength, options.flags, options.nFib);
  return compoundFile({
    WordDocument: word,
    '0Table': table,
    '\u0005SummaryInformation': summary(options.title ?? 'Ferry notes', options.author ?? 'Ann Lee', options.created ?? new Date(Date.UTC(2003, 4, 17, 9))),
  });
}
