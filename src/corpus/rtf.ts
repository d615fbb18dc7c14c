/**
 * An RTF document (what TextEdit and WordPad save by default) to its text
 * and metadata, in one pass over its bytes.
 *
 * - Groups (`{…}`) keep their state: a destination Refrain does not read
 *   (font and colour tables, style sheets, pictures, objects, headers,
 *   footers, footnotes, annotations, field instructions, any `{\*…}`), and
 *   hidden (`\v`) or deleted (`\deleted`) text, are skipped with the group.
 * - `\par`, `\sect`, `\page` end a paragraph, `\line` a line; `\tab` and
 *   `\cell` are a space, `\row` ends a paragraph.
 * - Characters: `\'hh` bytes are decoded in the document's code page
 *   (`\ansicpg`, windows-1252 by default; a run of them at once, so a
 *   two-byte code page decodes); `\uN` is a UTF-16 code unit, followed by
 *   `\ucN` fallback characters that are skipped; the named symbols (quotes,
 *   dashes, bullet, no-break space) are their characters.
 * - Metadata: title, author and date of creation from `\info`.
 *
 * What it misses: a font's own charset (`\fcharset`) when it differs from
 * the document's code page (writers use `\uN` for such text today); tables
 * are read cell by cell; list numbers that Word writes as text are read.
 */
import { windows1252FromLatin1 } from './cp1252.ts';
import { formatOf, RTF } from './signatures.ts';

export interface RtfReading {
  text: string;
  fields: Partial<Record<'title' | 'author' | 'date', string>>;
}

/** Destinations whose text is not the document's. */
const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'listtable', 'listoverridetable', 'revtbl', 'rsidtbl', 'generator', 'xmlnstbl',
  'pict', 'object', 'shppict', 'nonshppict', 'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'mmathpr',
  'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'footnote', 'annotation',
  'atnid', 'atnauthor', 'fldinst', 'xe', 'tc', 'bkmkstart', 'bkmkend', 'template', 'filetbl', 'pgdsctbl', 'docvar',
]);
/** `\info`'s text fields read as metadata. */
const INFO_FIELDS: Readonly<Record<string, 'title' | 'author'>> = { title: 'title', author: 'author' };
const SYMBOLS: Readonly<Record<string, string>> = {
  emdash: '\u2014', endash: '\u2013', lquote: '\u2018', rquote: '\u2019', ldblquote: '\u201c', rdblquote: '\u201d',
  bullet: '\u2022', emspace: ' ', enspace: ' ', qmspace: ' ', tab: ' ', cell: ' ',
};
/** Code pages by `\ansicpg` number, as TextDecoder names them. */
const CODE_PAGES: Readonly<Record<number, string>> = { 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5', 10000: 'macintosh', 874: 'windows-874' };
/** Letters of a control word, and its parameter's largest value (the specification's limits). */
const MAX_WORD = 32;
const MAX_PARAM = 2 ** 31;
/** A group nested deeper than this is not RTF a writer made. */
const MAX_DEPTH = 1000;

interface Group {
  /** A destination whose text is not read. */
  skip: boolean;
  /** Hidden (`\v`) or deleted (`\deleted`) text. */
  hidden: boolean;
  /** Inside `\info`. */
  info: boolean;
  /** Fallback characters after `\uN`. */
  uc: number;
  /** The `\info` field this group's text goes to. */
  field: 'title' | 'author' | null;
}

const isLetter = (b: number) => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a);
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

/** True when the bytes start as RTF does (`{\rtf`). */
export function isRtf(bytes: Uint8Array): boolean {
  return formatOf(bytes) === RTF;
}

export const rtfProvenance = (path: string) => `Imported from the RTF file “${path}”: the text of its body (headers, footers, footnotes, comments and hidden text left out).`;

/** The text and metadata of an RTF file, or why it cannot be read. */
export function readRtf(bytes: Uint8Array): RtfReading | { error: string } {
  if (!isRtf(bytes)) return { error: 'is not an RTF document (it does not start with "{\\rtf")' };
  const reader = new RtfReader(bytes);
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b === 0x7b) {
      if (!reader.open()) return { error: `nests groups more than ${MAX_DEPTH} deep; it is not RTF a writer made` };
      i++;
    } else if (b === 0x7d) {
      reader.close();
      i++;
    } else if (b === 0x5c) {
      i = reader.control(i);
    } else {
      reader.character(b);
      i++;
    }
  }
  return reader.reading();
}

/** What a pass over an RTF file has read so far, and the state of its groups. */
class RtfReader {
  #decoder = new TextDecoder('windows-1252');
  readonly #out: string[] = [];
  readonly #info: Record<'title' | 'author', string> = { title: '', author: '' };
  /** Year, month, day of `\creatim`. */
  readonly #created: number[] = [];
  #inCreated = false;
  #group: Group = { skip: false, hidden: false, info: false, uc: 1, field: null };
  readonly #stack: Group[] = [];
  /** Code-page bytes (`\'hh`, or unescaped) not decoded yet: a run at once, for two-byte code pages. */
  #bytes: number[] = [];
  /** Fallback characters still to skip after a `\uN`. */
  #fallback = 0;
  /** The next control word is a group's first (a destination, `{\*\…}` or `{\fonttbl…`). */
  #groupStart = false;
  #starred = false;

  constructor(readonly bytes: Uint8Array) {}

  /** `{`: false when nested beyond MAX_DEPTH. */
  open(): boolean {
    this.#flush();
    if (this.#stack.length >= MAX_DEPTH) return false;
    this.#stack.push(this.#group);
    this.#group = { ...this.#group };
    this.#groupStart = true;
    this.#starred = false;
    this.#fallback = 0;
    return true;
  }

  /** `}` */
  close(): void {
    this.#flush();
    this.#group = this.#stack.pop() ?? this.#group;
    this.#inCreated = false;
    this.#groupStart = false;
    this.#fallback = 0;
  }

  /** A plain byte of text. */
  character(b: number): void {
    if (b === 0x0a || b === 0x0d) return;
    this.#groupStart = false;
    if (this.#fallback > 0) {
      this.#fallback--;
      return;
    }
    // Bytes a writer left unescaped are read in the code page, as `\'hh` would be.
    if (b >= 0x80) this.#bytes.push(b);
    else {
      this.#flush();
      this.#emit(String.fromCharCode(b));
    }
  }

  /** The control word, symbol or `\'hh` byte at `i` (a backslash); returns where the text goes on. */
  control(i: number): number {
    const bytes = this.bytes;
    const c = bytes[i + 1] ?? 0;
    if (c === 0x27) {
      const hex = parseInt(String.fromCharCode(bytes[i + 2] ?? 0, bytes[i + 3] ?? 0), 16);
      if (this.#fallback > 0) this.#fallback--;
      else if (!Number.isNaN(hex)) this.#bytes.push(hex);
      this.#groupStart = false;
      return i + 4;
    }
    this.#flush();
    if (!isLetter(c)) {
      this.#symbol(c);
      return i + 2;
    }
    const n = bytes.length;
    let j = i + 1;
    while (j < n && isLetter(bytes[j]!)) j++;
    // A control word has at most 32 letters (the specification's limit): a longer one is read as its first 32.
    let word = '';
    for (let x = i + 1; x < j && x <= i + MAX_WORD; x++) word += String.fromCharCode(bytes[x]! | 0x20);
    let k = j;
    const negative = bytes[k] === 0x2d;
    if (negative) k++;
    let param: number | null = null;
    for (; k < n && isDigit(bytes[k]!); k++) param = Math.min((param ?? 0) * 10 + bytes[k]! - 0x30, MAX_PARAM);
    // A `-` with no digit after it is not part of the word.
    if (negative && param === null) k = j;
    if (negative && param !== null) param = -param;
    if (bytes[k] === 0x20) k++;
    // `\binN`: N bytes of binary data follow, skipped whole.
    if (word === 'bin' && param !== null && param > 0) return k + param;
    this.#word(word, param);
    return k;
  }

  /** A control symbol: `\~`, `\_`, `\*`, an escaped brace or backslash, a line end (a paragraph). */
  #symbol(c: number): void {
    if (c !== 0x2a) this.#groupStart = false;
    if (this.#fallback > 0) {
      this.#fallback--;
      return;
    }
    if (c === 0x2a) this.#starred = true;
    else if (c === 0x7e) this.#emit('\u00a0');
    else if (c === 0x5f) this.#emit('\u2011');
    else if (c === 0x0a || c === 0x0d) this.#emit('\n\n');
    else if (c === 0x5c || c === 0x7b || c === 0x7d) this.#emit(String.fromCharCode(c));
    // `\-` (an optional hyphen) and `\:` (an index sub-entry) are nothing in the text.
  }

  #word(word: string, param: number | null): void {
    const opening = this.#groupStart;
    this.#groupStart = false;
    if (this.#fallback > 0 && word !== 'u') {
      this.#fallback--;
      return;
    }
    const group = this.#group;
    if (opening && (this.#starred || SKIPPED.has(word))) {
      group.skip = true;
      group.field = null;
      this.#starred = false;
      return;
    }
    this.#starred = false;
    switch (word) {
      case 'ansicpg':
        if (param !== null) this.#decoder = decoderFor(param) ?? this.#decoder;
        return;
      case 'uc':
        group.uc = param !== null && param >= 0 ? param : 1;
        return;
      case 'u':
        if (param === null) return;
        this.#emit(String.fromCharCode(param < 0 ? param + 65536 : param));
        this.#fallback = group.uc;
        return;
      case 'par':
      case 'sect':
      case 'page':
      case 'row':
        return this.#emit('\n\n');
      case 'line':
        return this.#emit('\n');
      case 'v':
      case 'deleted':
        group.hidden = param !== 0;
        return;
      case 'plain':
        group.hidden = false;
        return;
      case 'info':
        group.skip = true;
        group.info = true;
        return;
      case 'creatim':
        this.#inCreated = true;
        this.#created.length = 0;
        return;
      case 'yr':
      case 'mo':
      case 'dy':
        if (this.#inCreated && param !== null) this.#created.push(param);
        return;
      default:
        // A field of `\info` (whose other text is skipped).
        if (group.info && word in INFO_FIELDS) group.field = INFO_FIELDS[word]!;
        else if (word in SYMBOLS) this.#emit(SYMBOLS[word]!);
    }
  }

  #emit(s: string): void {
    const group = this.#group;
    if (group.field) this.#info[group.field] += s;
    else if (!group.skip && !group.hidden) this.#out.push(s);
  }

  #flush(): void {
    if (this.#bytes.length === 0) return;
    const text = this.#decoder.decode(Uint8Array.from(this.#bytes));
    this.#emit(this.#decoder.encoding === 'windows-1252' ? windows1252FromLatin1(text) : text);
    this.#bytes = [];
  }

  reading(): RtfReading {
    this.#flush();
    const fields: RtfReading['fields'] = {};
    const title = this.#info.title.trim();
    const author = this.#info.author.trim();
    if (title) fields.title = title;
    if (author) fields.author = author;
    const [y, m, d] = this.#created;
    if (this.#created.length === 3 && y! > 1900 && m! >= 1 && m! <= 12 && d! >= 1 && d! <= 31) {
      fields.date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
    return { text: paragraphs(this.#out.join('')), fields };
  }
}

function decoderFor(page: number): TextDecoder | null {
  const label = CODE_PAGES[page] ?? (page >= 1250 && page <= 1258 ? `windows-${page}` : null);
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** Lines trimmed, blank runs to one paragraph break (also word97.ts's last step). */
export function paragraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/, '').replace(/^[ \t]+/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
