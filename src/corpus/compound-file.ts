/**
 * The root storage's streams of a Compound File (Microsoft's "OLE2" container: Word
 * 97–2003 `.doc`, and `.xls`, `.ppt`, `.msg`), by name: the header's sector
 * size, the FAT (with its DIFAT chain), the directory, and the mini stream
 * for streams under the cutoff ([MS-CFB]). A chain that comes back to a
 * sector or leaves the file is refused, so a damaged file is never read
 * forever.
 */

import { concatBytes } from './signatures.ts';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

export class CompoundFile {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly #sectorSize: number;
  readonly #fat: Uint32Array;
  readonly #miniFat: Uint32Array;
  readonly #miniStream: Uint8Array;
  readonly #miniCutoff: number;
  readonly #miniSize: number;
  /** Stream name (as stored, case kept) → start sector and size. */
  readonly #streams = new Map<string, { start: number; size: number }>();

  /** Throws an Error whose message says what is wrong when the bytes are not a readable compound file. */
  constructor(bytes: Uint8Array) {
    if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('is not a Word 97–2003 document (not a compound file)');
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.#u16(0x1e);
    if (shift !== 9 && shift !== 12) throw new Error('is a damaged compound file (its sector size is wrong)');
    this.#sectorSize = 1 << shift;
    this.#miniCutoff = this.#u32(0x38) || 4096;
    this.#miniSize = 1 << (this.#u16(0x20) || 6);
    this.#fat = this.#readFat();
    const entries = this.#chain(this.#u32(0x30));
    const miniFatBytes = this.#u32(0x40) ? this.#chain(this.#u32(0x3c)) : new Uint8Array(0);
    this.#miniFat = new Uint32Array(miniFatBytes.buffer.slice(miniFatBytes.byteOffset, miniFatBytes.byteOffset + (miniFatBytes.length & ~3)));
    const dir = new DataView(entries.buffer, entries.byteOffset, entries.byteLength);
    const count = Math.floor(entries.length / 128);
    if (count === 0 || entries[0x42] !== 5) throw new Error('is a damaged compound file (no root entry)');
    this.#miniStream = this.#chain(dir.getUint32(0x74, true), dir.getUint32(0x78, true));
    // The root storage's own streams: its child and that child's siblings (a red-black tree), not the
    // streams of storages inside it (an embedded object has its own WordDocument and SummaryInformation).
    const seen = new Set<number>();
    const pending = [dir.getUint32(0x4c, true)];
    while (pending.length) {
      const entry = pending.pop()!;
      if (entry >= count || seen.has(entry)) continue;
      seen.add(entry);
      const at = entry * 128;
      pending.push(dir.getUint32(at + 0x44, true), dir.getUint32(at + 0x48, true));
      if (entries[at + 0x42] !== 2) continue;
      const nameLength = Math.min(64, dir.getUint16(at + 0x40, true));
      let name = '';
      for (let i = 0; i + 2 < nameLength; i += 2) name += String.fromCharCode(dir.getUint16(at + i, true));
      this.#streams.set(name, { start: dir.getUint32(at + 0x74, true), size: dir.getUint32(at + 0x78, true) });
    }
  }

  /** A stream's bytes, or null when there is none of that name. */
  stream(name: string): Uint8Array | null {
    const s = this.#streams.get(name);
    if (!s) return null;
    return s.size < this.#miniCutoff ? this.#miniChain(s.start, s.size) : this.#chain(s.start, s.size);
  }

  #u16(at: number): number {
    return this.#view.getUint16(at, true);
  }

  #u32(at: number): number {
    return this.#view.getUint32(at, true);
  }

  get #sectorCount(): number {
    return Math.ceil(this.#bytes.length / this.#sectorSize);
  }

  #sector(n: number): Uint8Array {
    const start = (n + 1) * this.#sectorSize;
    if (start >= this.#bytes.length) throw new Error('is a damaged compound file (a sector past its end)');
    return this.#bytes.subarray(start, Math.min(start + this.#sectorSize, this.#bytes.length));
  }

  /** The FAT, from the header's 109 DIFAT entries and the DIFAT sectors after them. */
  #readFat(): Uint32Array {
    const fatSectors: number[] = [];
    for (let i = 0; i < 109; i++) {
      const s = this.#u32(0x4c + i * 4);
      if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
    }
    let difat = this.#u32(0x44);
    for (let hops = 0; difat !== END_OF_CHAIN && difat !== FREE && hops < this.#sectorCount; hops++) {
      const sector = this.#sector(difat);
      const view = new DataView(sector.buffer, sector.byteOffset, sector.byteLength);
      const per = this.#sectorSize / 4 - 1;
      for (let i = 0; i < per; i++) {
        const s = view.getUint32(i * 4, true);
        if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
      }
      difat = view.getUint32(per * 4, true);
    }
    const fat = new Uint32Array((fatSectors.length * this.#sectorSize) / 4);
    fatSectors.forEach((s, k) => {
      const sector = this.#sector(s);
      const view = new DataView(sector.buffer, sector.byteOffset, sector.byteLength);
      for (let i = 0; i < sector.length / 4; i++) fat[k * (this.#sectorSize / 4) + i] = view.getUint32(i * 4, true);
    });
    return fat;
  }

  /** The bytes of a chain of sectors from `start`, cut to `size` when given. */
  #chain(start: number, size = Infinity): Uint8Array {
    return follow(start, size, this.#fat, (s) => this.#sector(s), 'sectors');
  }

  #miniChain(start: number, size: number): Uint8Array {
    return follow(start, size, this.#miniFat, (s) => this.#miniStream.subarray(s * this.#miniSize, (s + 1) * this.#miniSize), 'mini sectors');
  }
}

/**
 * A chain's bytes: from `start`, each sector's successor in `next` (the FAT
 * or the mini FAT), until the end mark or `size` bytes. A chain that comes
 * back to a sector or leaves the table is refused.
 */
function follow(start: number, size: number, next: Uint32Array, read: (sector: number) => Uint8Array, what: string): Uint8Array {
  const parts: Uint8Array[] = [];
  const seen = new Set<number>();
  let total = 0;
  for (let s = start; s !== END_OF_CHAIN && total < size; ) {
    if (seen.has(s) || s >= next.length) throw new Error(`is a damaged compound file (a broken chain of ${what})`);
    seen.add(s);
    const sector = read(s);
    parts.push(sector);
    total += sector.length;
    s = next[s]!;
  }
  return concatBytes(parts, size);
}
