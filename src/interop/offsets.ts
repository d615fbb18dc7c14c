/**
 * Other tools' offsets to Refrain's. Refrain indexes texts in UTF-16 code
 * units (JavaScript strings). passim (Python, Spark SQL) counts code points,
 * so every character outside the Basic Multilingual Plane (an emoji, a rare
 * Han character) is one position there and two here; its Scala releases
 * counted UTF-16 units, as we do. TextPAIR counts UTF-8 bytes of the file it
 * read. Each map is built once per document, only as far as the text needs:
 * a text without astral characters (or without non-ASCII, for bytes) maps
 * by identity.
 */

/** UTF-16 units between byte checkpoints of the UTF-8 map. */
const CHECKPOINT = 256;

export class TextOffsets {
  readonly text: string;
  /** Code-point indices of astral characters, ascending; null until needed. */
  #astral: Int32Array | null = null;
  /** Length in code points. */
  #codePoints = -1;
  /** UTF-8 byte offset of UTF-16 index k·CHECKPOINT; null for pure ASCII. */
  #bytesAt: Float64Array | null | undefined = undefined;
  #byteLength = -1;

  constructor(text: string) {
    this.text = text;
  }

  get codePointLength(): number {
    this.#scanAstral();
    return this.#codePoints;
  }

  get byteLength(): number {
    this.#scanBytes();
    return this.#byteLength;
  }

  #scanAstral(): void {
    if (this.#codePoints >= 0) return;
    const t = this.text;
    const found: number[] = [];
    let cp = 0;
    for (let i = 0; i < t.length; i++, cp++) {
      const c = t.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
        const d = t.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          found.push(cp);
          i++;
        }
      }
    }
    this.#astral = Int32Array.from(found);
    this.#codePoints = cp;
  }

  /** UTF-16 index of code point `cp` (0..length), or -1 when it lies past the end. */
  fromCodePoint(cp: number): number {
    this.#scanAstral();
    if (!Number.isInteger(cp) || cp < 0 || cp > this.#codePoints) return -1;
    const astral = this.#astral!;
    // Astral characters before position cp: each adds one code unit.
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid]! < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /** The astral count is known: does any character take two units? */
  get hasAstral(): boolean {
    this.#scanAstral();
    return this.#astral!.length > 0;
  }

  #scanBytes(): void {
    if (this.#bytesAt !== undefined) return;
    const t = this.text;
    let bytes = 0;
    let ascii = true;
    const marks = new Float64Array(Math.floor(t.length / CHECKPOINT) + 1);
    for (let i = 0; i < t.length; i++) {
      if (i % CHECKPOINT === 0) marks[i / CHECKPOINT] = bytes;
      const c = t.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else {
        ascii = false;
        if (c < 0x800) bytes += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          // A surrogate pair is one 4-byte character; its second unit is
          // never a checkpoint's start (checkpoints fall on the first).
          bytes += 4;
          i++;
          if (i % CHECKPOINT === 0) marks[i / CHECKPOINT] = bytes;
        } else bytes += 3;
      }
    }
    this.#byteLength = bytes;
    this.#bytesAt = ascii ? null : marks;
  }

  /**
   * UTF-16 index of UTF-8 byte `b` (0..byteLength), or -1 past the end. A
   * byte inside a multi-byte character maps to that character's start
   * (`round` 'down') or to the next character's ('up').
   */
  fromUtf8(b: number, round: 'down' | 'up' = 'down'): number {
    this.#scanBytes();
    if (!Number.isInteger(b) || b < 0 || b > this.#byteLength) return -1;
    const marks = this.#bytesAt as Float64Array | null;
    if (marks === null) return b;
    const t = this.text;
    // Last checkpoint at or before b.
    let lo = 0;
    let hi = marks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (marks[mid]! <= b) lo = mid;
      else hi = mid - 1;
    }
    let i = lo * CHECKPOINT;
    let at = marks[lo]!;
    // A checkpoint may fall on a pair's second unit: step back onto its first.
    if (i > 0 && i < t.length && (t.charCodeAt(i) & 0xfc00) === 0xdc00 && (t.charCodeAt(i - 1) & 0xfc00) === 0xd800) {
      i--;
      at -= 4;
    }
    while (i < t.length) {
      const c = t.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      const width = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
      if (at === b) return i;
      if (at + width > b) return round === 'down' ? i : i + (pair ? 2 : 1);
      at += width;
      i += pair ? 2 : 1;
    }
    return t.length;
  }
}
