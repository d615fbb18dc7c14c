/**
 * A PDF file's objects: the lexer and parser of PDF's object syntax (also
 * used for content streams and CMaps), the table of numbered objects, and
 * stream filters.
 *
 * The table is built by scanning the file for `N G obj` rather than by
 * trusting the cross-reference table: files people have were often cut,
 * edited or resaved by tools that leave a wrong `xref`, and a scan reads
 * them all the same (as pdf.js falls back to doing). Later definitions of
 * an object (incremental updates) replace earlier ones; objects packed in
 * object streams (PDF 1.5) fill in the rest.
 */
import { Inflate, inflateSync, Unzlib, unzlibSync } from 'fflate';
import { concatBytes } from '../signatures.ts';
import { standardDecryptor, type Decryptor } from './decrypt.ts';

export class Name {
  constructor(readonly name: string) {}
}
export class Ref {
  constructor(readonly num: number, readonly gen: number) {}
}
/** An operator of a content stream or CMap (`Tj`, `beginbfchar`), or a keyword (`obj`, `stream`). */
export class Keyword {
  constructor(readonly word: string) {}
}
export class Stream {
  /** The number and generation of the object it is (for decryption); -1 when not known. */
  num = -1;
  gen = 0;
  constructor(
    readonly dict: Dict,
    readonly raw: Uint8Array,
  ) {}
}
export type Dict = Map<string, Value>;
export type Value = number | boolean | null | Name | Ref | Uint8Array | Value[] | Dict | Stream;

/** Decoded stream bytes past which a stream is refused (a decompression bomb). */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;

const WHITE = new Uint8Array(256);
for (const b of [0, 9, 10, 12, 13, 32]) WHITE[b] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;
const isRegular = (b: number) => !WHITE[b] && !DELIMITER[b];

/** The end of the input, or a `>>`, `]` or `}` where a value was expected. */
export const END = Symbol('end');

/** Reads PDF tokens and values from bytes. */
export class Lexer {
  pos: number;
  constructor(readonly bytes: Uint8Array, start = 0, readonly end = bytes.length) {
    this.pos = start;
  }

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos]!;
      if (WHITE[c]) this.pos++;
      else if (c === 0x25) while (this.pos < this.end && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      else break;
    }
  }

  /** The next value; a keyword is returned as such (the caller decides what it means). */
  value(depth = 0): Value | Keyword | typeof END {
    this.skipSpace();
    if (this.pos >= this.end || depth > 100) return END;
    const b = this.bytes;
    const c = b[this.pos]!;
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literal();
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) {
        this.pos += 2;
        return this.dict(depth);
      }
      return this.hex();
    }
    if (c === 0x5b) {
      this.pos++;
      const out: Value[] = [];
      for (;;) {
        const v = this.value(depth + 1);
        if (v === END) {
          if (b[this.pos] === 0x5d) this.pos++;
          return out;
        }
        if (!(v instanceof Keyword)) out.push(v);
      }
    }
    if (c === 0x5d || c === 0x3e || c === 0x7d || c === 0x29) {
      // A closing delimiter ends the enclosing array or dictionary; a stray one is skipped.
      if (depth === 0) this.pos++;
      return END;
    }
    if (c === 0x7b) {
      this.pos++;
      return new Keyword('{');
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      const n = this.#number();
      if (n !== null) return n;
    }
    const start = this.pos;
    while (this.pos < this.end && isRegular(b[this.pos]!)) this.pos++;
    let word = '';
    for (let i = start; i < Math.min(this.pos, start + 64); i++) word += String.fromCharCode(b[i]!);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return new Keyword(word);
  }

  /** A number (or `num gen R`, a reference) at the position; null, position kept, when the token is not a number. */
  #number(): number | Ref | null {
    const b = this.bytes;
    const start = this.pos;
    let i = start;
    let sign = 1;
    if (b[i] === 0x2b || b[i] === 0x2d) sign = b[i++] === 0x2d ? -1 : 1;
    let n = 0;
    let digits = 0;
    while (i < this.end && b[i]! >= 0x30 && b[i]! <= 0x39) {
      n = n * 10 + b[i++]! - 0x30;
      digits++;
    }
    let integer = true;
    if (b[i] === 0x2e) {
      integer = false;
      i++;
      for (let scale = 0.1; i < this.end && b[i]! >= 0x30 && b[i]! <= 0x39; scale /= 10) {
        n += (b[i++]! - 0x30) * scale;
        digits++;
      }
    }
    if (digits === 0 || (i < this.end && isRegular(b[i]!))) return null;
    this.pos = i;
    // `num gen R` is a reference.
    if (integer && sign === 1 && b[start] !== 0x2b) {
      this.skipSpace();
      const g = this.pos;
      let gen = 0;
      while (this.pos < this.end && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x39) gen = gen * 10 + b[this.pos++]! - 0x30;
      if (this.pos > g && this.pos < this.end && !isRegular(b[this.pos]!)) {
        this.skipSpace();
        if (b[this.pos] === 0x52 && (this.pos + 1 >= this.end || !isRegular(b[this.pos + 1]!))) {
          this.pos++;
          return new Ref(n, gen);
        }
      }
      this.pos = i;
    }
    return sign * n;
  }

  private name(): Name {
    const b = this.bytes;
    this.pos++;
    let s = '';
    while (this.pos < this.end && isRegular(b[this.pos]!)) {
      const c = b[this.pos++]!;
      if (c === 0x23 && this.pos + 1 < this.end) {
        const high = hexDigit(b[this.pos]!);
        const low = hexDigit(b[this.pos + 1]!);
        if (high >= 0 && low >= 0) {
          s += String.fromCharCode((high << 4) | low);
          this.pos += 2;
          continue;
        }
      }
      s += String.fromCharCode(c);
    }
    return new Name(s);
  }

  private literal(): Uint8Array {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let nest = 0;
    while (this.pos < this.end) {
      const c = b[this.pos++]!;
      if (c === 0x28) nest++;
      else if (c === 0x29) {
        if (nest === 0) break;
        nest--;
      } else if (c === 0x5c) {
        const e = b[this.pos++]!;
        const simple = ({ 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 } as Record<number, number>)[e];
        if (simple !== undefined) out.push(simple);
        else if (e >= 0x30 && e <= 0x37) {
          let code = e - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) code = code * 8 + b[this.pos++]! - 0x30;
          out.push(code & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(e);
        continue;
      }
      out.push(c);
    }
    return Uint8Array.from(out);
  }

  private hex(): Uint8Array {
    const b = this.bytes;
    this.pos++;
    const digits: number[] = [];
    while (this.pos < this.end && b[this.pos] !== 0x3e) {
      const d = hexDigit(b[this.pos++]!);
      if (d >= 0) digits.push(d);
    }
    this.pos++;
    if (digits.length % 2) digits.push(0);
    const out = new Uint8Array(digits.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = (digits[2 * i]! << 4) | digits[2 * i + 1]!;
    return out;
  }

  private dict(depth: number): Dict {
    const d: Dict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) return d;
      if (this.bytes[this.pos] === 0x3e) {
        this.pos += this.bytes[this.pos + 1] === 0x3e ? 2 : 1;
        return d;
      }
      const key = this.value(depth + 1);
      if (key === END) return d;
      if (!(key instanceof Name)) continue;
      const v = this.value(depth + 1);
      if (v === END) return d;
      if (!(v instanceof Keyword)) d.set(key.name, v);
    }
  }
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** The numbered objects of a PDF file and what its trailer says. */
export class PdfFile {
  readonly #objects = new Map<number, Value>();
  /** Where each object's definition in use stands in the file (an object stream's own offset for its objects). */
  readonly #offsets = new Map<number, number>();
  /** The trailer's dictionary (the last one, with /Root), merged over earlier ones. */
  readonly trailer: Dict = new Map();
  /** Why an encrypted file cannot be opened (it needs a password); null when it can. */
  readonly locked: string | null = null;
  #decryptor: Decryptor | null = null;

  constructor(readonly bytes: Uint8Array) {
    const text = latin1(bytes);
    // At most 10 and 5 digits, and only from a run's first digit: a long run of digits is scanned once, not once per digit.
    const header = /(?<![0-9])(\d{1,10})[ \t\r\n\f\0]+(\d{1,5})[ \t\r\n\f\0]+obj\b/g;
    const streams: Array<[stream: Stream, offset: number]> = [];
    /** Each object's generation as last read directly (for decryption, once per object). */
    const direct = new Map<number, number>();
    let m: RegExpExecArray | null;
    while ((m = header.exec(text))) {
      if (m.index > 0 && isRegular(bytes[m.index - 1]!)) continue;
      const lexer = new Lexer(bytes, m.index + m[0].length);
      const v = lexer.value();
      if (v === END || v instanceof Keyword) continue;
      let value: Value = v;
      const after = lexer.pos;
      lexer.skipSpace();
      if (v instanceof Map && text.startsWith('stream', lexer.pos)) {
        const stream = readStream(bytes, text, lexer.pos + 6, v);
        value = stream.stream;
        stream.stream.num = Number(m[1]);
        stream.stream.gen = Number(m[2]);
        if (stream.stream.dict.get('Type') instanceof Name && (stream.stream.dict.get('Type') as Name).name === 'ObjStm') streams.push([stream.stream, m.index]);
        if ((stream.stream.dict.get('Type') as Name | undefined)?.name === 'XRef') mergeTrailer(this.trailer, v);
        header.lastIndex = stream.end;
      } else header.lastIndex = Math.max(after, header.lastIndex);
      this.#objects.set(Number(m[1]), value);
      this.#offsets.set(Number(m[1]), m.index);
      direct.set(Number(m[1]), Number(m[2]));
    }
    for (const t of text.matchAll(/trailer[\s\0]*<</g)) {
      const v = new Lexer(bytes, t.index + t[0].length - 2).value();
      if (v instanceof Map) mergeTrailer(this.trailer, v);
    }
    if (this.trailer.has('Encrypt')) {
      const decryptor = this.#openEncryption();
      if ('error' in decryptor) this.locked = decryptor.error;
      else {
        this.#decryptor = decryptor;
        const own = this.trailer.get('Encrypt');
        for (const [num, gen] of direct) {
          if (own instanceof Ref && own.num === num) continue;
          this.#objects.set(num, this.#decryptStrings(this.#objects.get(num)!, num, gen));
        }
      }
    }
    for (const [s, offset] of streams) this.#unpack(s, offset);
  }

  /** The file's decryptor from its /Encrypt dictionary and /ID. */
  #openEncryption(): Decryptor | { error: string } {
    const e = this.get(this.trailer.get('Encrypt'));
    if (!(e instanceof Map)) return { error: 'is encrypted, and its encryption dictionary is damaged' };
    const num = (key: string, fallback: number) => {
      const v = this.get(e.get(key));
      return typeof v === 'number' ? v : fallback;
    };
    const str = (key: string) => {
      const v = this.get(e.get(key));
      return v instanceof Uint8Array ? v : null;
    };
    const name = (v: Value | undefined) => (v instanceof Name ? v.name : null);
    const filters = this.dict(e, 'CF');
    const method = (key: string) => {
      const f = name(this.get(e.get(key))) ?? 'Identity';
      return f === 'Identity' ? 'None' : (name(this.field(this.dict(filters ?? undefined, f) ?? undefined, 'CFM')) ?? 'None');
    };
    const ids = this.get(this.trailer.get('ID'));
    const id = Array.isArray(ids) ? this.get(ids[0]) : undefined;
    return standardDecryptor({
      filter: name(this.get(e.get('Filter'))) ?? '',
      v: num('V', 0),
      r: num('R', 2),
      // /Length is optional from V 4 on: the crypt filter's (in bytes when under 40), else 128 bits.
      length: num('Length', 0) || cryptFilterBits(this.field(this.dict(filters ?? undefined, 'StdCF') ?? undefined, 'Length'), num('V', 0)),
      o: str('O') ?? new Uint8Array(0),
      u: str('U') ?? new Uint8Array(0),
      ue: str('UE'),
      p: num('P', 0) | 0,
      encryptMetadata: this.get(e.get('EncryptMetadata')) !== false,
      streamMethod: method('StmF'),
      stringMethod: method('StrF'),
      id: id instanceof Uint8Array ? id : new Uint8Array(0),
    });
  }

  /** A directly read object's strings decrypted (a stream's bytes are decrypted when decoded). */
  #decryptStrings(v: Value, num: number, gen: number): Value {
    const d = this.#decryptor!;
    if (v instanceof Uint8Array) return d.decrypt(v, num, gen, false);
    if (Array.isArray(v)) return v.map((x) => this.#decryptStrings(x, num, gen));
    if (v instanceof Map) {
      for (const [k, x] of v) v.set(k, this.#decryptStrings(x, num, gen));
      return v;
    }
    if (v instanceof Stream) this.#decryptStrings(v.dict, num, gen);
    return v;
  }

  /** A value with references followed (a missing object is null). */
  get(v: Value | undefined): Value | undefined {
    for (let hops = 0; v instanceof Ref && hops < 32; hops++) v = this.#objects.get(v.num);
    return v instanceof Ref ? undefined : v;
  }

  /** The value under `key` of a dictionary or a stream's dictionary, references followed. */
  field(d: Value | undefined, key: string): Value | undefined {
    const dict = d instanceof Stream ? d.dict : d;
    return dict instanceof Map ? this.get(dict.get(key)) : undefined;
  }

  dict(d: Value | undefined, key: string): Dict | null {
    const v = this.field(d, key);
    return v instanceof Map ? v : v instanceof Stream ? v.dict : null;
  }

  /** Every object, for a search when the catalogue is missing. */
  values(): IterableIterator<Value> {
    return this.#objects.values();
  }

  /** A stream's decoded bytes, or null when its filter is one Refrain does not decode (images) or it is damaged beyond reading. */
  decode(stream: Stream): Uint8Array | null {
    let data: Uint8Array | null = stream.raw;
    const type = (this.get(stream.dict.get('Type')) as Name | undefined)?.name;
    if (this.#decryptor && stream.num >= 0 && type !== 'XRef' && !(type === 'Metadata' && this.#decryptor.metadataInClear)) {
      data = this.#decryptor.decrypt(data, stream.num, stream.gen, true);
    }
    const f = this.get(stream.dict.get('Filter'));
    const filters = Array.isArray(f) ? f.map((x) => this.get(x)) : f === undefined || f === null ? [] : [f];
    for (const filter of filters) {
      if (!(filter instanceof Name) || data === null) return null;
      data = decodeFilter(filter.name, data);
    }
    return data;
  }

  /** Objects packed in an object stream found at offset `at`; an object defined later in the file stays as it is. */
  #unpack(s: Stream, at: number): void {
    const data = this.decode(s);
    const n = this.get(s.dict.get('N'));
    const first = this.get(s.dict.get('First'));
    if (!data || typeof n !== 'number' || typeof first !== 'number') return;
    const head = new Lexer(data, 0, Math.min(first, data.length));
    for (let i = 0; i < n; i++) {
      const num = head.value();
      const offset = head.value();
      if (typeof num !== 'number' || typeof offset !== 'number') return;
      // An incremental update may define an object again, directly or in a later object stream: the later definition wins.
      if ((this.#offsets.get(num) ?? -1) > at) continue;
      const v = new Lexer(data, first + offset).value();
      if (v !== END && !(v instanceof Keyword)) {
        this.#objects.set(num, v);
        this.#offsets.set(num, at);
      }
    }
  }
}

function cryptFilterBits(length: Value | undefined, v: number): number {
  if (typeof length === 'number' && length > 0) return length < 40 ? length * 8 : length;
  return v >= 4 ? 128 : 40;
}

function mergeTrailer(into: Dict, d: Dict): void {
  for (const [k, v] of d) into.set(k, v);
}

/** A stream's bytes: by /Length when it ends there, else up to `endstream`. */
function readStream(bytes: Uint8Array, text: string, at: number, dict: Dict): { stream: Stream; end: number } {
  let start = at;
  if (bytes[start] === 0x0d) start++;
  if (bytes[start] === 0x0a) start++;
  const length = dict.get('Length');
  if (typeof length === 'number' && length >= 0 && start + length <= bytes.length) {
    const tail = text.slice(start + length, start + length + 12);
    if (/^[\s\0]*endstream/.test(tail)) return { stream: new Stream(dict, bytes.subarray(start, start + length)), end: start + length };
  }
  const found = text.indexOf('endstream', start);
  let end = found < 0 ? bytes.length : found;
  const stop = end;
  if (bytes[end - 1] === 0x0a) end--;
  if (bytes[end - 1] === 0x0d) end--;
  return { stream: new Stream(dict, bytes.subarray(start, Math.max(start, end))), end: stop };
}

/** Bytes a character each (Latin-1), so regular expressions can find the syntax. */
export function latin1(bytes: Uint8Array): string {
  // windows-1252 in browsers, ISO-8859-1 in Node: a character per byte either way, and ASCII as ASCII.
  return new TextDecoder('latin1').decode(bytes);
}

class TooLarge extends Error {}

function decodeFilter(name: string, data: Uint8Array): Uint8Array | null {
  switch (name) {
    case 'FlateDecode':
    case 'Fl':
      return inflate(data);
    case 'ASCIIHexDecode':
    case 'AHx':
      return asciiHex(data);
    case 'ASCII85Decode':
    case 'A85':
      return ascii85(data);
    case 'LZWDecode':
    case 'LZW':
      return lzw(data);
    case 'RunLengthDecode':
    case 'RL':
      return runLength(data);
    default:
      return null;
  }
}

/** Deflate's largest ratio: a stream this much smaller than the limit cannot unpack past it. */
const MAX_RATIO = 1032;

/** Zlib (or bare deflate) data; a damaged stream gives what came out before the damage. */
function inflate(data: Uint8Array): Uint8Array | null {
  const zlib = (data[0]! & 0x0f) === 8 && ((data[0]! << 8) | data[1]!) % 31 === 0;
  if (data.length * MAX_RATIO <= MAX_STREAM_BYTES) {
    try {
      return zlib ? unzlibSync(data) : inflateSync(data);
    } catch {
      // Damaged: read it again a piece at a time, below.
    }
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const take = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > MAX_STREAM_BYTES) throw new TooLarge();
    chunks.push(chunk);
  };
  try {
    // Pushed as not final first, so a damaged stream's output up to the damage comes out before the error.
    const inflater = zlib ? new Unzlib(take) : new Inflate(take);
    inflater.push(data, false);
    inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof TooLarge) throw new Error(`has a compressed part that would unpack to more than ${MAX_STREAM_BYTES / 1024 / 1024} MB`);
  }
  return total === 0 && chunks.length === 0 ? null : concatBytes(chunks);
}

/** Bytes written one at a time into a growing buffer; past MAX_STREAM_BYTES the stream is refused. */
class ByteSink {
  #buffer = new Uint8Array(4096);
  length = 0;

  push(byte: number): void {
    if (this.length === this.#buffer.length) {
      if (this.length >= MAX_STREAM_BYTES) throw new Error(`has a compressed part that would unpack to more than ${MAX_STREAM_BYTES / 1024 / 1024} MB`);
      const bigger = new Uint8Array(Math.min(this.length * 2, MAX_STREAM_BYTES));
      bigger.set(this.#buffer);
      this.#buffer = bigger;
    }
    this.#buffer[this.length++] = byte;
  }

  bytes(): Uint8Array {
    return this.#buffer.subarray(0, this.length);
  }
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out = new ByteSink();
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const d = hexDigit(c);
    if (d < 0) continue;
    if (high < 0) high = d;
    else {
      out.push((high << 4) | d);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return out.bytes();
}

function ascii85(data: Uint8Array): Uint8Array {
  const out = new ByteSink();
  let group = 0;
  let count = 0;
  let i = data[0] === 0x3c && data[1] === 0x7e ? 2 : 0;
  for (; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x7e) break;
    if (WHITE[c]) continue;
    if (c === 0x7a && count === 0) {
      for (let k = 0; k < 4; k++) out.push(0);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group = group * 85 + (c - 0x21);
    if (++count === 5) {
      out.push(group >>> 24);
      out.push((group >>> 16) & 0xff);
      out.push((group >>> 8) & 0xff);
      out.push(group & 0xff);
      group = 0;
      count = 0;
    }
  }
  if (count > 1) {
    for (let k = count; k < 5; k++) group = group * 85 + 84;
    const bytes = [group >>> 24, (group >>> 16) & 0xff, (group >>> 8) & 0xff, group & 0xff];
    for (const byte of bytes.slice(0, count - 1)) out.push(byte);
  }
  return out.bytes();
}

/** LZW with PDF's early change; the table stops growing at 4,096 codes, as the format's 12-bit codes allow. */
function lzw(data: Uint8Array): Uint8Array {
  const out = new ByteSink();
  let table: number[][] = [];
  const reset = () => {
    table = [];
    for (let i = 0; i < 256; i++) table.push([i]);
    table.push([], []);
  };
  reset();
  let width = 9;
  let bits = 0;
  let buffer = 0;
  let prev: number[] | null = null;
  for (let i = 0; i < data.length; i++) {
    buffer = ((buffer << 8) | data[i]!) & 0xffffff;
    bits += 8;
    while (bits >= width) {
      const code = (buffer >>> (bits - width)) & ((1 << width) - 1);
      bits -= width;
      if (code === 256) {
        reset();
        width = 9;
        prev = null;
        continue;
      }
      if (code === 257) return out.bytes();
      let entry = table[code];
      if (!entry) {
        if (!prev || code !== table.length) return out.bytes();
        entry = [...prev, prev[0]!];
      }
      for (const byte of entry) out.push(byte);
      if (prev && table.length < 4096) table.push([...prev, entry[0]!]);
      prev = entry;
      if (table.length + 1 >= 1 << width && width < 12) width++;
    }
  }
  return out.bytes();
}

function runLength(data: Uint8Array): Uint8Array {
  const out = new ByteSink();
  for (let i = 0; i < data.length; ) {
    const n = data[i++]!;
    if (n === 128) break;
    if (n < 128) {
      for (const byte of data.subarray(i, i + n + 1)) out.push(byte);
      i += n + 1;
    } else {
      const byte = data[i++]!;
      for (let k = 0; k < 257 - n; k++) out.push(byte);
    }
  }
  return out.bytes();
}
