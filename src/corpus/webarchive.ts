/**
 * A page Safari saved (`.webarchive`, what "Save As… Web Archive", Safari's
 * default, writes): a binary property list whose WebMainResource holds the
 * page's HTML bytes, their encoding's name and the address it came from.
 * file-text.ts reads the bytes as any saved page. The property list reader
 * is the part of Apple's `bplist00` format a web archive uses: integers,
 * strings, data, arrays and dictionaries, every reference checked against
 * the object table so a damaged file is refused, not misread.
 */

export interface WebArchivePage {
  html: Uint8Array;
  /** The http(s) address the page was saved from, if the archive says. */
  location: string | null;
  /** The text encoding Safari recorded for the page (`WebResourceTextEncodingName`, `UTF-8`, `shift_jis`); null when none. */
  charset: string | null;
}

type PlistValue = number | string | boolean | null | Uint8Array | PlistValue[] | Map<string, PlistValue>;

class BinaryPlist {
  readonly #view: DataView;
  readonly #offsets: number[] = [];
  readonly #refSize: number;
  /** Objects read so far: an object referred to many times is read once (shared references would otherwise multiply). */
  readonly #read = new Map<number, PlistValue>();
  readonly top: number;

  constructor(readonly bytes: Uint8Array) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const t = bytes.length - 32;
    if (t < 8) throw new Error('is a damaged web archive (too short)');
    const offsetSize = bytes[t + 6]!;
    this.#refSize = bytes[t + 7]!;
    const count = this.#uint(t + 8, 8);
    this.top = this.#uint(t + 16, 8);
    const table = this.#uint(t + 24, 8);
    if (count > bytes.length || table + count * offsetSize > t || this.top >= count) throw new Error('is a damaged web archive (its object table is wrong)');
    for (let i = 0; i < count; i++) {
      const offset = this.#uint(table + i * offsetSize, offsetSize);
      if (offset < 8 || offset >= table) throw new Error('is a damaged web archive (an object outside its objects)');
      this.#offsets.push(offset);
    }
  }

  #uint(at: number, size: number): number {
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + this.bytes[at + i]!;
    return n;
  }

  /** Object `ref`, containers read to `depth` levels (a web archive nests three or four). */
  object(ref: number, depth = 0): PlistValue {
    let value = this.#read.get(ref);
    if (value === undefined) {
      value = this.#object(ref, depth);
      this.#read.set(ref, value);
    }
    return value;
  }

  #object(ref: number, depth: number): PlistValue {
    const at = this.#offsets[ref];
    if (at === undefined || depth > 32) throw new Error('is a damaged web archive (a reference past its objects)');
    const marker = this.bytes[at]!;
    const type = marker >> 4;
    let size = marker & 0x0f;
    let start = at + 1;
    if (type === 0) return size === 8 ? false : size === 9 ? true : null;
    if (type === 1) return this.#uint(start, 1 << size);
    if (type === 2) return size === 3 ? this.#view.getFloat64(start) : this.#view.getFloat32(start);
    if (size === 0x0f && type !== 3) {
      const intMarker = this.bytes[start]!;
      size = this.#uint(start + 1, 1 << (intMarker & 0x0f));
      start += 1 + (1 << (intMarker & 0x0f));
    }
    switch (type) {
      case 4:
        return this.bytes.subarray(start, start + size);
      case 5:
        return new TextDecoder('latin1').decode(this.bytes.subarray(start, start + size));
      case 6:
        return new TextDecoder('utf-16be').decode(this.bytes.subarray(start, start + size * 2));
      case 0xa: {
        const out: PlistValue[] = [];
        for (let i = 0; i < size; i++) out.push(this.object(this.#uint(start + i * this.#refSize, this.#refSize), depth + 1));
        return out;
      }
      case 0xd: {
        const out = new Map<string, PlistValue>();
        for (let i = 0; i < size; i++) {
          const key = this.object(this.#uint(start + i * this.#refSize, this.#refSize), depth + 1);
          const value = this.object(this.#uint(start + (size + i) * this.#refSize, this.#refSize), depth + 1);
          if (typeof key === 'string') out.set(key, value);
        }
        return out;
      }
      default:
        return null;
    }
  }
}

/** The page of a Safari web archive, or why it is not one. */
export function readWebArchive(bytes: Uint8Array): WebArchivePage | { error: string } {
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 8)) !== 'bplist00') {
    return { error: 'is not a Safari web archive (it is not a binary property list); save the page again as "Page Source" or a single HTML file' };
  }
  try {
    const plist = new BinaryPlist(bytes);
    const root = plist.object(plist.top);
    const main = root instanceof Map ? root.get('WebMainResource') : undefined;
    const data = main instanceof Map ? main.get('WebResourceData') : undefined;
    if (!(data instanceof Uint8Array)) return { error: 'is a property list but not a web archive (no main resource)' };
    const url = main instanceof Map ? main.get('WebResourceURL') : undefined;
    const charset = main instanceof Map ? main.get('WebResourceTextEncodingName') : undefined;
    return { html: data, location: typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null, charset: typeof charset === 'string' ? charset : null };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    return { error: message.startsWith('is ') ? message : 'is a damaged web archive' };
  }
}
