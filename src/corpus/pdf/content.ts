/**
 * A page's content stream to its lines of text, in the order the stream
 * draws them (the reading order of what word processors, browsers and
 * TeX write; a layout sorted by position breaks columns instead).
 *
 * Each glyph is placed as PDF places it (the text matrix, the current
 * transformation, font size, character and word spacing, horizontal
 * scaling, rise, and `TJ`'s adjustments), and the text is rebuilt from the
 * places: a glyph on another baseline starts a line; a gap wider than
 * WORD_GAP of the font size between glyphs on one line is a space (most
 * producers draw no space glyph between words, or draw each word on its
 * own). Text marked as an artifact (`/Artifact BMC … EMC`: the running
 * heads and page numbers of a tagged PDF) is left out, and Form XObjects
 * are read where they are drawn.
 */
import { PdfFont } from './fonts.ts';
import { Keyword, Lexer, Name, END, type Dict, type PdfFile, Stream, type Value } from './objects.ts';

/** One line of a page as drawn: its text, where its baseline starts, and its font size on the page. */
export interface Line {
  text: string;
  x: number;
  y: number;
  /** The end of its last glyph. */
  right: number;
  size: number;
}

/** A gap between glyphs, as a share of the font size, that is a space between words. */
export const WORD_GAP = 0.2;
/** Form XObjects nested deeper than this are not followed. */
const MAX_FORM_DEPTH = 8;
/** Operators a document may run, forms included, before it is refused (forms drawing forms many times over). */
export const MAX_OPERATORS = 20_000_000;

/** What a document's pages share: fonts read once, forms decoded once, one budget of operators. */
export interface DocumentState {
  fonts: Map<Dict, PdfFont>;
  forms: Map<Stream, Uint8Array | null>;
  operators: number;
}

export const newDocumentState = (): DocumentState => ({ fonts: new Map(), forms: new Map(), operators: 0 });

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

interface TextState {
  ctm: Matrix;
  font: PdfFont | null;
  size: number;
  charSpace: number;
  wordSpace: number;
  scale: number;
  leading: number;
  rise: number;
}

/** Counts of what a page's glyphs said: for refusing a file whose fonts give no text. */
export interface GlyphCounts {
  shown: number;
  unreadable: number;
}

export class PageReader {
  readonly lines: Line[] = [];
  readonly counts: GlyphCounts = { shown: 0, unreadable: 0 };
  #line: Line | null = null;
  /** Where the last glyph ended, on the page. */
  #endX = 0;
  #endY = 0;
  #textMatrix: Matrix = IDENTITY;
  #lineMatrix: Matrix = IDENTITY;

  /** Forms being drawn now: one is not entered again inside itself. */
  readonly #open = new Set<Stream>();

  /** `shared`: what the document's pages share (fonts, forms, the operator budget). */
  constructor(
    readonly pdf: PdfFile,
    readonly shared: DocumentState = newDocumentState(),
  ) {}

  /** Reads one content stream (a page's, or a form's) with its resources. */
  read(data: Uint8Array, resources: Dict | null, ctm: Matrix = IDENTITY, depth = 0): void {
    const lexer = new Lexer(data);
    const operands: Value[] = [];
    const stack: TextState[] = [];
    let state: TextState = { ctm, font: null, size: 0, charSpace: 0, wordSpace: 0, scale: 1, leading: 0, rise: 0 };
    /** Per open marked-content sequence: whether it is an artifact. */
    const marked: boolean[] = [];
    let artifact = 0;
    for (;;) {
      const v = lexer.value();
      if (v === END) {
        if (lexer.pos >= data.length) break;
        lexer.pos++;
        continue;
      }
      if (!(v instanceof Keyword)) {
        if (operands.length < 64) operands.push(v);
        continue;
      }
      if (++this.shared.operators > MAX_OPERATORS) throw new Error(`has more drawing operations than Refrain reads (over ${MAX_OPERATORS.toLocaleString('en')}); copy its text into "Paste a text"`);
      switch (v.word) {
        case 'q':
          stack.push({ ...state });
          break;
        case 'Q':
          state = stack.pop() ?? state;
          break;
        case 'cm':
          state.ctm = multiply(numbers(operands, 6) as Matrix, state.ctm);
          break;
        case 'BMC':
        case 'BDC': {
          const isArtifact = operands[0] instanceof Name && operands[0].name === 'Artifact';
          marked.push(isArtifact);
          if (isArtifact) artifact++;
          break;
        }
        case 'EMC':
          if (marked.pop()) artifact--;
          break;
        case 'BI':
          skipInlineImage(lexer);
          break;
        case 'Do':
          if (depth < MAX_FORM_DEPTH && operands[0] instanceof Name) this.#form(resources, operands[0].name, state.ctm, depth);
          break;
        default:
          this.#textOperator(v.word, operands, state, resources, artifact > 0);
      }
      operands.length = 0;
    }
  }

  /** The text operators: text state, positioning and showing. */
  #textOperator(op: string, operands: Value[], state: TextState, resources: Dict | null, artifact: boolean): void {
    const [a = 0, b = 0] = numbers(operands, 2);
    switch (op) {
      case 'BT':
        this.#textMatrix = this.#lineMatrix = IDENTITY;
        break;
      case 'Tf':
        state.font = this.#font(resources, operands[0]);
        state.size = b;
        break;
      case 'Tc':
        state.charSpace = a;
        break;
      case 'Tw':
        state.wordSpace = a;
        break;
      case 'Tz':
        state.scale = a / 100;
        break;
      case 'TL':
        state.leading = a;
        break;
      case 'Ts':
        state.rise = a;
        break;
      case 'TD':
        state.leading = -b;
        this.#moveLine(a, b);
        break;
      case 'Td':
        this.#moveLine(a, b);
        break;
      case 'Tm':
        this.#textMatrix = this.#lineMatrix = numbers(operands, 6) as Matrix;
        break;
      case 'T*':
        this.#moveLine(0, -state.leading);
        break;
      case 'Tj':
        if (operands[0] instanceof Uint8Array) this.#show(state, operands[0], artifact);
        break;
      case '"':
        state.wordSpace = a;
        state.charSpace = b;
        this.#moveLine(0, -state.leading);
        if (operands[2] instanceof Uint8Array) this.#show(state, operands[2], artifact);
        break;
      case "'":
        this.#moveLine(0, -state.leading);
        if (operands[0] instanceof Uint8Array) this.#show(state, operands[0], artifact);
        break;
      case 'TJ':
        if (!Array.isArray(operands[0])) break;
        for (const item of operands[0]) {
          if (item instanceof Uint8Array) this.#show(state, item, artifact);
          else if (typeof item === 'number') this.#advance((-item / 1000) * state.size * state.scale);
        }
        break;
    }
  }

  /** The page's text so far as lines, the last one closed. */
  finish(): Line[] {
    this.#closeLine();
    return this.lines;
  }

  #font(resources: Dict | null, name: Value | undefined): PdfFont | null {
    if (!(name instanceof Name)) return null;
    const fonts = this.pdf.dict(resources ?? undefined, 'Font');
    const font = this.pdf.dict(fonts ?? undefined, name.name);
    if (!font) return null;
    let f = this.shared.fonts.get(font);
    if (!f) {
      f = new PdfFont(this.pdf, font);
      this.shared.fonts.set(font, f);
    }
    return f;
  }

  #form(resources: Dict | null, name: string, ctm: Matrix, depth: number): void {
    const pdf = this.pdf;
    const xobject = pdf.field(pdf.dict(resources ?? undefined, 'XObject') ?? undefined, name);
    if (!(xobject instanceof Stream) || this.#open.has(xobject) || (pdf.get(xobject.dict.get('Subtype')) as Name | undefined)?.name !== 'Form') return;
    let data = this.shared.forms.get(xobject);
    if (data === undefined) {
      data = pdf.decode(xobject);
      this.shared.forms.set(xobject, data);
    }
    if (!data) return;
    const m = pdf.get(xobject.dict.get('Matrix'));
    const matrix = Array.isArray(m) && m.length === 6 && m.every((x) => typeof x === 'number') ? (m as Matrix) : IDENTITY;
    const saved = [this.#textMatrix, this.#lineMatrix];
    this.#open.add(xobject);
    try {
      this.read(data, pdf.dict(xobject, 'Resources') ?? resources, multiply(matrix, ctm), depth + 1);
    } finally {
      this.#open.delete(xobject);
    }
    [this.#textMatrix, this.#lineMatrix] = saved as [Matrix, Matrix];
  }

  #moveLine(tx: number, ty: number): void {
    this.#lineMatrix = multiply([1, 0, 0, 1, tx, ty], this.#lineMatrix);
    this.#textMatrix = this.#lineMatrix;
  }

  #advance(tx: number): void {
    this.#textMatrix = multiply([1, 0, 0, 1, tx, 0], this.#textMatrix);
  }

  #show(state: TextState, bytes: Uint8Array, artifact: boolean): void {
    const font = state.font;
    if (!font) return;
    for (const g of font.glyphs(bytes)) {
      const trm = multiply([state.size * state.scale, 0, 0, state.size, 0, state.rise], multiply(this.#textMatrix, state.ctm));
      const advance = (g.width * state.size + state.charSpace + (g.space ? state.wordSpace : 0)) * state.scale;
      this.#advance(advance);
      if (artifact) continue;
      this.counts.shown++;
      if (g.text === null) {
        this.counts.unreadable++;
        continue;
      }
      const size = Math.hypot(trm[2], trm[3]) || 1;
      const end = multiply(this.#textMatrix, state.ctm);
      this.#place(g.text, trm[4], trm[5], end[4], end[5], size);
    }
  }

  /** Adds a glyph's text that starts at (x, y) and ends at (endX, endY). */
  #place(text: string, x: number, y: number, endX: number, endY: number, size: number): void {
    let line = this.#line;
    // Another baseline, by more than half the line's size (a superscript or a footnote mark stays on its line).
    if (line && Math.abs(y - this.#endY) > Math.max(size, line.size) * 0.5) {
      this.#closeLine();
      line = null;
    }
    if (!line) {
      line = this.#line = { text: '', x, y, right: x, size };
    } else {
      const gap = x - this.#endX;
      // A gap, or a jump back along the line (a word drawn out of order, a new column at the same height).
      if ((gap > size * WORD_GAP || gap < -size) && !/\s$/.test(line.text) && !/^\s/.test(text)) line.text += ' ';
      line.size = Math.max(line.size, size);
    }
    line.text += text;
    line.right = Math.max(line.right, endX);
    this.#endX = endX;
    this.#endY = endY;
  }

  #closeLine(): void {
    const line = this.#line;
    this.#line = null;
    if (!line) return;
    line.text = composeAccents(line.text.replace(/\s+/g, ' ').trim());
    if (line.text) this.lines.push(line);
  }
}

/** Spacing accents as the combining marks they stand for. */
const ACCENT_MARKS: Readonly<Record<string, string>> = {
  '\u00a8': '\u0308', '\u00b4': '\u0301', '\u02c6': '\u0302', '\u02dc': '\u0303', '\u00b8': '\u0327', '\u02c7': '\u030c',
  '\u02d8': '\u0306', '\u00af': '\u0304', '\u02d9': '\u0307', '\u02da': '\u030a', '\u02dd': '\u030b', '\u02db': '\u0328',
};
const SPACING_ACCENT = /([\u00a8\u00b4\u02c6\u02dc\u00b8\u02c7\u02d8\u00af\u02d9\u02da\u02dd\u02db])(\p{L})/gu;

/**
 * A letter TeX drew as an accent glyph and then the letter under it
 * ("M¨oller") as the letter it is ("Möller").
 */
export function composeAccents(text: string): string {
  return text.replace(SPACING_ACCENT, (_, accent: string, letter: string) => (letter + ACCENT_MARKS[accent]).normalize('NFC'));
}

/** The first `n` operands as numbers (0 for one that is not). */
function numbers(operands: Value[], n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(typeof operands[i] === 'number' ? (operands[i] as number) : 0);
  return out;
}

/** Skips an inline image's dictionary and data (`BI … ID <bytes> EI`). */
function skipInlineImage(lexer: Lexer): void {
  const b = lexer.bytes;
  for (;;) {
    const v = lexer.value();
    if (v === END) return;
    if (v instanceof Keyword && v.word === 'ID') break;
  }
  lexer.pos++;
  for (let i = lexer.pos; i + 1 < lexer.end; i++) {
    const before = b[i - 1];
    if (b[i] === 0x45 && b[i + 1] === 0x49 && (before === 0x20 || before === 0x0a || before === 0x0d) && (i + 2 >= lexer.end || /[\s]/.test(String.fromCharCode(b[i + 2]!)))) {
      lexer.pos = i + 2;
      return;
    }
  }
  lexer.pos = lexer.end;
}
