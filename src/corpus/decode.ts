/**
 * Bytes to text, in whatever encoding people's files are in, refusing only
 * what is not text. In order:
 *  1. Signatures of formats people drop by mistake (PDF, images, archives)
 *     are refused by name.
 *  2. An encoding the user chose ("re-read as…") is used as it is.
 *  3. A byte-order mark says UTF-8 or UTF-16.
 *  4. UTF-16 without a mark is recognised by its zero bytes: text in a Latin
 *     script has a zero in every other byte (chardet alone takes it for
 *     ISO-8859-1).
 *  5. Valid UTF-8 is UTF-8. A file that is UTF-8 but for a few stray bytes
 *     (one pasted character from elsewhere) stays UTF-8, the stray bytes
 *     replaced, rather than being decoded as a legacy encoding whole.
 *  6. Anything else is detected with chardet (statistics of byte pairs per
 *     language: windows-1252, GB18030, Big5, Shift_JIS, EUC-KR, the
 *     ISO-8859 and windows code pages, KOI8-R…) and decoded with the
 *     browser's or Node's `TextDecoder`; what it takes for a Western or
 *     Central European code page is MacRoman when its letters say so
 *     (macroman.ts).
 * What decodes to NUL or other control characters is binary and refused.
 */
import { analyse } from 'chardet';
import { windows1252FromLatin1 } from './cp1252.ts';
import { looksMacRoman } from './macroman.ts';
import { CorpusError } from './metadata.ts';
import { bytesAsText, formatOf } from './signatures.ts';

/** Why a file was read in the encoding it was. */
export type EncodingSource = 'chosen' | 'byte-order mark' | 'UTF-8' | 'UTF-8, stray bytes replaced' | 'zero bytes' | 'declared in the file' | 'detected';

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used (`utf-8`, `windows-1252`, `gb18030`, `utf-16le`…). */
  encoding: string;
  how: EncodingSource;
  /** chardet's confidence (0–100) when detected. */
  confidence: number | null;
}

/** What chardet names MacRoman text as (macroman.ts): the Western and Central European code pages. */
const LATIN_CODE_PAGES: ReadonlySet<string> = new Set(['windows-1252', 'iso-8859-15', 'windows-1250', 'iso-8859-2']);
/** Bytes looked at to recognise UTF-16 by its zero bytes. */
const UTF16_SAMPLE_BYTES = 4096;
/** At least this many byte pairs (an even number of bytes)… */
const UTF16_MIN_PAIRS = 4;
/** …of which at least this share has a zero on one side… */
const UTF16_MIN_ZERO_SHARE = 0.3;
/** …and at most this share on the other. */
const UTF16_MAX_OTHER_ZERO_SHARE = 0.05;
/** A file stays UTF-8 when its valid multi-byte sequences outnumber its invalid bytes this many times. */
const UTF8_STRAY_RATIO = 8;
/** …and it has at least this many multi-byte sequences (so a Latin-1 file with one "é" is not taken for UTF-8). */
const UTF8_MIN_SEQUENCES = 8;

/**
 * Decodes a file's bytes; throws a CorpusError naming the file when they are
 * not text. `markup`: an HTML or XML file, whose own declaration of its
 * encoding (`<meta charset>`, `<?xml encoding?>`) is believed before
 * detection, though not over a byte-order mark or valid UTF-8. `stated`: the
 * charset the page's container gives (a saved page's MIME headers, a web
 * archive's record), believed when the page declares none (e-mail programs
 * label parts "us-ascii" or "iso-8859-1" whatever they hold, while the page
 * was written with its own declaration).
 */
export function decodeFile(bytes: Uint8Array, file: string, chosen?: string | null, markup = false, stated: string | null = null): DecodedText {
  const kind = formatOf(bytes);
  if (kind) throw new CorpusError(file, null, `is ${kind}, not text; save it as .txt, .md or .html first`);
  const declared = (markup ? declaredEncoding(bytes) : null) ?? (stated ? usableDeclaration(whatwgName(stated)) : null);
  const decoded = chosen ? decodeAs(chosen, bytes, file, 'chosen', null) : detect(bytes, file, declared);
  assertText(decoded.text, file, decoded.encoding);
  return decoded;
}

/** The text alone (see decodeFile). */
export function decodeText(bytes: Uint8Array, file: string): string {
  return decodeFile(bytes, file).text;
}

/** NUL and most C0 controls never occur in text files; they mean binary content (or a wrong encoding). */
export function assertText(text: string, file: string, encoding = 'utf-8'): void {
  const control = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/.exec(text);
  if (!control) return;
  const code = control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
  const as = encoding === 'utf-8' ? '' : ` when read as ${encoding}`;
  throw new CorpusError(file, null, `looks binary (control character U+${code} at character ${control.index}${as}), not text`);
}

/** Bytes of an HTML or XML file searched for its declared encoding (as browsers do: the first 1024). */
const DECLARATION_BYTES = 1024;
const DECLARED = /<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)|<meta[^>]*?charset\s*=\s*["']?([\w.:-]+)/i;

/**
 * The encoding an HTML or XML file declares in its first 1024 bytes, as a
 * WHATWG name; null when none, or one that cannot be what the bytes are (a
 * UTF-16 declaration in bytes read as ASCII means UTF-8, as browsers read it).
 */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const m = DECLARED.exec(bytesAsText(bytes, 0, DECLARATION_BYTES));
  return usableDeclaration(m ? whatwgName(m[1] ?? m[2]!) : null);
}

/**
 * A declared encoding as it can be used: null for none; UTF-16 or
 * x-user-defined declared in bytes that are read as ASCII means UTF-8, as
 * browsers read it (real UTF-16 is recognised from the bytes themselves).
 */
function usableDeclaration(name: string | null): string | null {
  if (!name) return null;
  return name.startsWith('utf-16') || name === 'x-user-defined' ? 'utf-8' : name;
}

function detect(bytes: Uint8Array, file: string, declared: string | null): DecodedText {
  // TextDecoder drops the byte-order mark itself.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs('utf-8', bytes, file, 'byte-order mark', null, true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs('utf-16le', bytes, file, 'byte-order mark', null, true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs('utf-16be', bytes, file, 'byte-order mark', null, true);
  const utf16 = utf16ByZeros(bytes);
  if (utf16) {
    const decoded = decodeAs(utf16, bytes, file, 'zero bytes', null);
    // Binary data can have zeros in every other byte too; UTF-16 text decodes to no C1 controls and nothing unpaired.
    if (!/[\u0080-\u009f\ufffd]/.test(decoded.text)) return decoded;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', how: 'UTF-8', confidence: null };
  } catch {
    // not valid UTF-8: mostly UTF-8, or another encoding
  }
  const { sequences, invalid } = utf8Shape(bytes);
  if (sequences >= UTF8_MIN_SEQUENCES && sequences >= invalid * UTF8_STRAY_RATIO) return decodeAs('utf-8', bytes, file, 'UTF-8, stray bytes replaced', null);
  if (bytes.includes(0)) throw new CorpusError(file, null, 'looks binary (it holds zero bytes and is not UTF-16), not text');
  if (declared && declared !== 'utf-8') return decodeAs(declared, bytes, file, 'declared in the file', null);
  for (const match of analyse(bytes)) {
    const name = whatwgName(match.name);
    if (!name || name === 'utf-8') continue;
    // chardet has no model of MacRoman: what it takes for a Western or Central European code page may be it.
    if (LATIN_CODE_PAGES.has(name) && looksMacRoman(bytes)) return decodeAs('macintosh', bytes, file, 'detected', null);
    return decodeAs(westernIfSame(name, bytes), bytes, file, 'detected', match.confidence);
  }
  throw new CorpusError(file, null, 'is in an encoding that could not be recognised; re-save it as UTF-8');
}

/** `utf-16le`/`utf-16be` when the sample has zeros in one byte of each pair and hardly any in the other. */
function utf16ByZeros(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, UTF16_SAMPLE_BYTES);
  const pairs = n / 2;
  if (pairs < UTF16_MIN_PAIRS) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * UTF16_MIN_ZERO_SHARE && evenZeros <= pairs * UTF16_MAX_OTHER_ZERO_SHARE) return 'utf-16le';
  if (evenZeros >= pairs * UTF16_MIN_ZERO_SHARE && oddZeros <= pairs * UTF16_MAX_OTHER_ZERO_SHARE) return 'utf-16be';
  return null;
}

/** Valid multi-byte UTF-8 sequences and bytes that belong to none, in one pass. */
export function utf8Shape(bytes: Uint8Array): { sequences: number; invalid: number } {
  let sequences = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { sequences, invalid };
}

/** Single-byte code pages that read most bytes as windows-1252 does (their letters differ in a few places). */
const WESTERN_LOOKALIKES: ReadonlySet<string> = new Set(['windows-1250', 'windows-1254', 'windows-1257', 'windows-1258', 'iso-8859-2', 'iso-8859-3', 'iso-8859-4', 'iso-8859-9', 'iso-8859-10', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'iso-8859-16']);

/**
 * windows-1252 when it reads `bytes` to the very text `name` does, else
 * `name`. On a short text chardet may take Western letters for a code page
 * that has them at the same bytes: a French "Café crème, naïve élève." in
 * Latin-1 was "Turkish (windows-1254)". The text is the same either way; the
 * name the reader sees (and re-reads with) is the commonest one.
 */
function westernIfSame(name: string, bytes: Uint8Array): string {
  if (!WESTERN_LOOKALIKES.has(name)) return name;
  // As decodeAs reads windows-1252 (Node's TextDecoder gives C1 controls at 0x80–0x9F, a browser's gives “ ” €).
  return new TextDecoder(name).decode(bytes) === windows1252FromLatin1(new TextDecoder('windows-1252').decode(bytes)) ? 'windows-1252' : name;
}

/** chardet's name as a `TextDecoder` knows it, or null when it cannot decode it (UTF-32, ISO-2022-CN/KR). */
function whatwgName(name: string): string | null {
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return null;
  }
}

function decodeAs(label: string, bytes: Uint8Array, file: string, how: EncodingSource, confidence: number | null, fatal = false): DecodedText {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal });
  } catch {
    throw new CorpusError(file, null, `cannot be read as ${JSON.stringify(label)}: not an encoding this browser knows`);
  }
  try {
    const text = decoder.decode(bytes);
    return { text: decoder.encoding === 'windows-1252' ? windows1252FromLatin1(text) : text, encoding: decoder.encoding, how, confidence };
  } catch {
    throw new CorpusError(file, null, `is not valid ${decoder.encoding.toUpperCase()} text although it starts with its byte-order mark`);
  }
}
