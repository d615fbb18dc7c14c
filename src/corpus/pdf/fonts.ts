/**
 * What a PDF font's codes say: each shown code's text and width.
 *
 * - A font's ToUnicode CMap, when it has one (what Word, LibreOffice,
 *   Chrome and pdfTeX with `\pdfgentounicode` write), says each code's text.
 * - Else a simple font's encoding does: WinAnsi, MacRoman or Standard, with
 *   its `/Differences` read as glyph names (`eacute`, `fi`, `uni00E9`,
 *   `aogonek` composed as a + ogonek, Greek `alpha`, Cyrillic
 *   `afii10017`). A composite font whose CMap is a Unicode one (UCS2,
 *   UTF16) shows Unicode codes.
 * - A code with none of these (a composite font of bare glyph ids and no
 *   ToUnicode) has no text; the reader counts such codes and refuses a
 *   file made mostly of them rather than show invented text.
 *
 * Widths come from `/Widths` (simple fonts) and `/W`, `/DW` (composite
 * fonts), so the layout can see the gaps between words.
 */
import { CP1252_HIGH } from '../cp1252.ts';
import { Keyword, Lexer, Name, END, type Dict, type PdfFile, Stream, type Value } from './objects.ts';

export interface Glyph {
  /** The code's text; null when the font does not say it. */
  text: string | null;
  /** The advance in text space units (thousandths of an em already divided out). */
  width: number;
  /** A single-byte code 32: word spacing (`Tw`) applies to it. */
  space: boolean;
}

/** WinAnsiEncoding's glyph names for the codes 0x20–0xFF ('' where it has none). */
const WIN_ANSI_NAMES = (
  'space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus comma hyphen period slash ' +
  'zero one two three four five six seven eight nine colon semicolon less equal greater question ' +
  'at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright asciicircum underscore ' +
  'grave a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright asciitilde bullet ' +
  'Euro - quotesinglbase florin quotedblbase ellipsis dagger daggerdbl circumflex perthousand Scaron guilsinglleft OE - Zcaron - ' +
  '- quoteleft quoteright quotedblleft quotedblright bullet endash emdash tilde trademark scaron guilsinglright oe - zcaron Ydieresis ' +
  'space exclamdown cent sterling currency yen brokenbar section dieresis copyright ordfeminine guillemotleft logicalnot hyphen registered macron ' +
  'degree plusminus twosuperior threesuperior acute mu paragraph periodcentered cedilla onesuperior ordmasculine guillemotright onequarter onehalf threequarters questiondown ' +
  'Agrave Aacute Acircumflex Atilde Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave Iacute Icircumflex Idieresis ' +
  'Eth Ntilde Ograve Oacute Ocircumflex Otilde Odieresis multiply Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn germandbls ' +
  'agrave aacute acircumflex atilde adieresis aring ae ccedilla egrave eacute ecircumflex edieresis igrave iacute icircumflex idieresis ' +
  'eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash ugrave uacute ucircumflex udieresis yacute thorn ydieresis'
).split(' ');

/** StandardEncoding where it differs from WinAnsi (code, glyph name); its other high codes are empty. */
const STANDARD_DIFFERENCES =
  '39 quoteright 96 quoteleft 161 exclamdown 162 cent 163 sterling 164 fraction 165 yen 166 florin 167 section 168 currency 169 quotesingle ' +
  '170 quotedblleft 171 guillemotleft 172 guilsinglleft 173 guilsinglright 174 fi 175 fl 177 endash 178 dagger 179 daggerdbl 180 periodcentered ' +
  '182 paragraph 183 bullet 184 quotesinglbase 185 quotedblbase 186 quotedblright 187 guillemotright 188 ellipsis 189 perthousand 191 questiondown ' +
  '193 grave 194 acute 195 circumflex 196 tilde 197 macron 198 breve 199 dotaccent 200 dieresis 202 ring 203 cedilla 205 hungarumlaut 206 ogonek ' +
  '207 caron 208 emdash 225 AE 227 ordfeminine 232 Lslash 233 Oslash 234 OE 235 ordmasculine 241 ae 245 dotlessi 248 lslash 249 oslash 250 oe 251 germandbls';

/** Glyph names beyond WinAnsi's that text fonts use. */
const MORE_NAMES: Readonly<Record<string, string>> = {
  fi: 'fi', fl: 'fl', ff: 'ff', ffi: 'ffi', ffl: 'ffl', dotlessi: 'ı', dotlessj: 'ȷ', Lslash: 'Ł', lslash: 'ł', fraction: '⁄',
  minus: '−', nbspace: '\u00a0', sfthyphen: '\u00ad', quotereversed: '‛', periodcentered: '·', Dcroat: 'Đ', dcroat: 'đ',
  Eng: 'Ŋ', eng: 'ŋ', IJ: 'Ĳ', ij: 'ĳ', napostrophe: 'ŉ', breve: '˘', dotaccent: '˙', ring: '˚', ogonek: '˛', caron: 'ˇ', hungarumlaut: '˝',
  emspace: ' ', enspace: ' ', visiblespace: '␣', figuredash: '‒', horizontalbar: '―', bullet: '•', openbullet: '◦',
};

/** Accent names, as combining marks, for composed glyph names (`aogonek`, `Ccaron`, `edotaccent`). */
const ACCENTS: ReadonlyArray<[string, string]> = [
  ['acute', '\u0301'], ['grave', '\u0300'], ['circumflex', '\u0302'], ['dieresis', '\u0308'], ['tilde', '\u0303'], ['ring', '\u030a'],
  ['cedilla', '\u0327'], ['caron', '\u030c'], ['ogonek', '\u0328'], ['macron', '\u0304'], ['breve', '\u0306'], ['dotaccent', '\u0307'],
  ['hungarumlaut', '\u030b'], ['commaaccent', '\u0326'],
];

/**
 * Ligatures a font's map gives as one character, as their letters: the
 * presentation forms, and the private-use code points of the Mac fonts'
 * fi and fl (which some producers write), so "ﬁnale" is searched as "finale".
 */
const LIGATURES: Readonly<Record<string, string>> = {
  '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl', '\ufb05': 'st', '\ufb06': 'st', '\uf001': 'fi', '\uf002': 'fl',
};
const LIGATURE = /[\ufb00-\ufb06\uf001\uf002]/g;

/** Greek letters by their glyph names (Alpha…Omega, alpha…omega; sigma1 the final sigma). */
const GREEK = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho - Sigma Tau Upsilon Phi Chi Psi Omega'.split(' ');

/**
 * The Adobe Glyph List's `afii` names of Cyrillic letters, as older Type 1
 * fonts name them: afii10017–10049 are А–Я with Ё at 10023, afii10065–10097
 * а–я with ё at 10071, and Ukrainian's own letters.
 */
function cyrillic(n: number): string | null {
  const upper = n >= 10017 && n <= 10049;
  const lower = n >= 10065 && n <= 10097;
  if (upper || lower) {
    const k = n - (upper ? 10017 : 10065);
    if (k === 6) return upper ? 'Ё' : 'ё';
    return String.fromCharCode((upper ? 0x410 : 0x430) + (k > 6 ? k - 1 : k));
  }
  const other: Record<number, string> = { 10050: 'Ґ', 10053: 'Є', 10055: 'І', 10056: 'Ї', 10098: 'ґ', 10101: 'є', 10103: 'і', 10104: 'ї' };
  return other[n] ?? null;
}

let winAnsi: string[] | null = null;
let byName: Map<string, string> | null = null;

/** WinAnsi's text for each code 0–255. */
function winAnsiTable(): string[] {
  if (winAnsi) return winAnsi;
  const high = new Map(CP1252_HIGH.map(([cp, byte]) => [byte, String.fromCharCode(cp)]));
  winAnsi = [];
  for (let c = 0; c < 256; c++) winAnsi.push(c < 0x20 ? '' : WIN_ANSI_NAMES[c - 0x20] === '-' ? '' : (high.get(c) ?? String.fromCharCode(c)));
  winAnsi[0x7f] = '•';
  winAnsi[0xa0] = ' ';
  winAnsi[0xad] = '-';
  return winAnsi;
}

/** The text a glyph name stands for, or null (`g123`, `cid42`: a bare glyph). */
export function glyphText(name: string): string | null {
  if (!byName) {
    byName = new Map();
    const table = winAnsiTable();
    WIN_ANSI_NAMES.forEach((n, i) => {
      if (n !== '-' && !byName!.has(n)) byName!.set(n, table[i + 0x20]!);
    });
    for (const [n, t] of Object.entries(MORE_NAMES)) byName.set(n, t);
    GREEK.forEach((n, i) => {
      if (n === '-') return;
      byName!.set(n, String.fromCharCode(0x391 + i));
      // 'mu' stays WinAnsi's micro sign (its name in that encoding).
      if (n !== 'Mu') byName!.set(n.toLowerCase(), String.fromCharCode(0x3b1 + i));
    });
    byName.set('sigma1', 'ς');
  }
  const known = byName.get(name);
  if (known !== undefined) return known;
  const dot = name.indexOf('.');
  if (dot > 0) return glyphText(name.slice(0, dot));
  if (name.includes('_')) {
    const parts = name.split('_').map(glyphText);
    return parts.every((p) => p !== null) ? parts.join('') : null;
  }
  let m = /^uni((?:[0-9A-F]{4})+)$/.exec(name);
  if (m) return m[1]!.match(/.{4}/g)!.map((h) => String.fromCharCode(parseInt(h, 16))).join('');
  m = /^u([0-9A-F]{4,6})$/.exec(name);
  if (m) return codePointText(parseInt(m[1]!, 16));
  m = /^afii(\d{5})$/.exec(name);
  if (m) return cyrillic(Number(m[1]));
  for (const [accent, mark] of ACCENTS) {
    if (name.length === accent.length + 1 && name.endsWith(accent) && /[A-Za-z]/.test(name[0]!)) return (name[0]! + mark).normalize('NFC');
  }
  return null;
}

function codePointText(cp: number): string | null {
  return cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : null;
}

/** A simple font's base encoding as text per code. */
function baseEncoding(name: string | undefined, symbolic: boolean): Array<string | null> {
  if (name === 'MacRomanEncoding') {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    try {
      return [...new TextDecoder('macintosh').decode(bytes)].map((c, i) => (i < 0x20 ? null : c));
    } catch {
      return winAnsiTable().slice();
    }
  }
  const table: Array<string | null> = winAnsiTable().map((t) => t || null);
  if (name === 'WinAnsiEncoding' || name === 'MacExpertEncoding' || symbolic) return table;
  // StandardEncoding (the default of a Type 1 font without one): ASCII with curly quotes and its own high codes.
  for (let c = 0x80; c < 256; c++) table[c] = null;
  const pairs = STANDARD_DIFFERENCES.split(' ');
  for (let i = 0; i < pairs.length; i += 2) table[Number(pairs[i])] = glyphText(pairs[i + 1]!);
  return table;
}

/** A code space range of a CMap: codes of `bytes` bytes between low and high. */
interface CodeSpace {
  bytes: number;
  low: number;
  high: number;
}

/** A ToUnicode CMap: code spaces and code → text. */
export interface ToUnicode {
  spaces: CodeSpace[];
  map: Map<number, string>;
}

function code(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  return n;
}

function utf16(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  if (bytes.length % 2) s += String.fromCharCode(bytes[bytes.length - 1]!);
  return s;
}

/** Codes a ToUnicode map may give text for (four bytes' worth of codes would be 4 billion). */
const MAX_MAPPINGS = 1 << 20;

/** Reads a CMap stream's code spaces and its bfchar/bfrange mappings. */
export function parseToUnicode(data: Uint8Array): ToUnicode {
  const lexer = new Lexer(data);
  const spaces: CodeSpace[] = [];
  const map = new Map<number, string>();
  const operands: Value[] = [];
  for (;;) {
    const v = lexer.value();
    if (v === END) {
      if (lexer.pos >= data.length) break;
      continue;
    }
    if (!(v instanceof Keyword)) {
      operands.push(v);
      if (operands.length > 3) operands.shift();
      continue;
    }
    const op = v.word;
    operands.length = 0;
    if (op === 'begincodespacerange') {
      for (;;) {
        const lo = lexer.value();
        if (!(lo instanceof Uint8Array)) break;
        const hi = lexer.value();
        if (!(hi instanceof Uint8Array)) break;
        spaces.push({ bytes: lo.length, low: code(lo), high: code(hi) });
      }
    } else if (op === 'beginbfchar') {
      for (;;) {
        const src = lexer.value();
        if (!(src instanceof Uint8Array)) break;
        const dst = lexer.value();
        if (dst instanceof Uint8Array) map.set(code(src), utf16(dst));
        else if (dst instanceof Name) {
          const t = glyphText(dst.name);
          if (t !== null) map.set(code(src), t);
        }
      }
    } else if (op === 'beginbfrange') {
      for (;;) {
        const lo = lexer.value();
        if (!(lo instanceof Uint8Array)) break;
        const hi = lexer.value();
        const dst = lexer.value();
        if (!(hi instanceof Uint8Array)) break;
        const a = code(lo);
        // A range is at most 65,536 codes, and a map at most MAX_MAPPINGS in all.
        const b = Math.min(code(hi), a + 0xffff, a + MAX_MAPPINGS - map.size);
        if (Array.isArray(dst)) {
          dst.forEach((d, i) => {
            if (d instanceof Uint8Array && a + i <= b) map.set(a + i, utf16(d));
          });
        } else if (dst instanceof Uint8Array && dst.length >= 2) {
          const head = utf16(dst.subarray(0, dst.length - 2));
          const last = (dst[dst.length - 2]! << 8) | dst[dst.length - 1]!;
          for (let c = a; c <= b; c++) map.set(c, head + String.fromCharCode(last + c - a));
        }
      }
    }
  }
  return { spaces, map };
}

/** A font as the layout uses it: codes out of a string's bytes, each with its text and width. */
export class PdfFont {
  readonly #composite: boolean;
  readonly #spaces: CodeSpace[];
  readonly #unicode: Map<number, string> | null;
  readonly #simple: Array<string | null> | null;
  readonly #ucs2: boolean;
  readonly #widths = new Map<number, number>();
  readonly #defaultWidth: number;
  /** Text space units per glyph-space unit (1/1000, or a Type 3 font's matrix). */
  readonly #scale: number;

  constructor(pdf: PdfFile, font: Dict) {
    const subtype = (pdf.get(font.get('Subtype')) as Name | undefined)?.name;
    this.#composite = subtype === 'Type0';
    const toUnicode = pdf.get(font.get('ToUnicode'));
    const data = toUnicode instanceof Stream ? pdf.decode(toUnicode) : null;
    const cmap = data ? parseToUnicode(data) : null;
    this.#unicode = cmap && cmap.map.size ? cmap.map : null;
    const encoding = pdf.get(font.get('Encoding'));
    const encodingName = encoding instanceof Name ? encoding.name : '';
    this.#ucs2 = this.#composite && /UCS2|UTF16/.test(encodingName);
    // A composite font's codes are split by its encoding: Identity-H/V and the Unicode CMaps are two bytes
    // (whatever code spaces its ToUnicode map states); an embedded CMap's spaces come from its ToUnicode map.
    const twoBytes = /^Identity-[HV]$|UCS2|UTF16/.test(encodingName);
    this.#spaces = this.#composite ? (!twoBytes && cmap?.spaces.length ? cmap.spaces : [{ bytes: 2, low: 0, high: 0xffff }]) : [{ bytes: 1, low: 0, high: 0xff }];
    const matrix = pdf.get(font.get('FontMatrix'));
    this.#scale = subtype === 'Type3' && Array.isArray(matrix) && typeof pdf.get(matrix[0]) === 'number' ? (pdf.get(matrix[0]) as number) : 0.001;
    if (this.#composite) {
      const kids = pdf.get(font.get('DescendantFonts'));
      const kid = Array.isArray(kids) ? pdf.get(kids[0]) : undefined;
      const descendant = kid instanceof Map ? kid : new Map<string, Value>();
      const dw = pdf.get(descendant.get('DW'));
      this.#defaultWidth = typeof dw === 'number' ? dw : 1000;
      this.#readW(pdf, pdf.get(descendant.get('W')));
      this.#simple = null;
    } else {
      const descriptor = pdf.dict(font, 'FontDescriptor');
      const flags = pdf.field(descriptor ?? undefined, 'Flags');
      const symbolic = typeof flags === 'number' && (flags & 4) !== 0 && (flags & 32) === 0;
      const missing = pdf.field(descriptor ?? undefined, 'MissingWidth');
      this.#defaultWidth = typeof missing === 'number' && missing > 0 ? missing : 500;
      const first = pdf.get(font.get('FirstChar'));
      const widths = pdf.get(font.get('Widths'));
      if (typeof first === 'number' && Array.isArray(widths)) {
        widths.forEach((w, i) => {
          const n = pdf.get(w);
          if (typeof n === 'number') this.#widths.set(first + i, n);
        });
      }
      const base = encoding instanceof Map ? (pdf.get(encoding.get('BaseEncoding')) as Name | undefined)?.name : encodingName;
      const table = baseEncoding(base, symbolic && !(encoding instanceof Map));
      const differences = encoding instanceof Map ? pdf.get(encoding.get('Differences')) : undefined;
      if (Array.isArray(differences)) {
        let at = 0;
        for (const d of differences) {
          const v = pdf.get(d);
          if (typeof v === 'number') at = v;
          else if (v instanceof Name && at < 256) table[at++] = glyphText(v.name);
        }
      }
      this.#simple = table;
    }
  }

  #readW(pdf: PdfFile, w: Value | undefined): void {
    if (!Array.isArray(w)) return;
    for (let i = 0; i < w.length; ) {
      const first = pdf.get(w[i]);
      const next = pdf.get(w[i + 1]);
      if (typeof first !== 'number') return;
      if (Array.isArray(next)) {
        next.forEach((x, k) => {
          const n = pdf.get(x);
          if (typeof n === 'number') this.#widths.set(first + k, n);
        });
        i += 2;
      } else {
        const width = pdf.get(w[i + 2]);
        if (typeof next !== 'number' || typeof width !== 'number') return;
        for (let c = first; c <= next && c - first < 0x10000; c++) this.#widths.set(c, width);
        i += 3;
      }
    }
  }

  /** The glyphs a shown string's bytes stand for. */
  glyphs(bytes: Uint8Array): Glyph[] {
    const out: Glyph[] = [];
    for (let i = 0; i < bytes.length; ) {
      const n = this.#codeLength(bytes, i);
      let c = 0;
      for (let k = 0; k < n; k++) c = c * 256 + (bytes[i + k] ?? 0);
      i += n;
      out.push({ text: this.#text(c), width: (this.#widths.get(c) ?? this.#defaultWidth) * this.#scale, space: n === 1 && c === 32 });
    }
    return out;
  }

  #codeLength(bytes: Uint8Array, at: number): number {
    if (this.#spaces.length === 1) return this.#spaces[0]!.bytes;
    let c = 0;
    for (let n = 1; n <= 4; n++) {
      c = c * 256 + (bytes[at + n - 1] ?? 0);
      if (this.#spaces.some((s) => s.bytes === n && c >= s.low && c <= s.high)) return n;
    }
    return this.#spaces[0]!.bytes;
  }

  #text(c: number): string | null {
    const mapped = this.#unicode?.get(c);
    if (mapped !== undefined) return mapped.replace(LIGATURE, (l) => LIGATURES[l] ?? l);
    if (this.#ucs2) return codePointText(c);
    if (this.#simple) return this.#simple[c] ?? null;
    return null;
  }
}
