/**
 * The tokenising loop of scan.ts fused with interning, for the reuse engine:
 * one pass over the code units finds each token, hashes it (FNV-1a) as it
 * goes and looks it up in the Vocabulary's table, so no substring is cut for
 * a token already seen. Token boundaries, kinds and gaps are exactly those of
 * `scanTokens` (tests/text/intern.test.ts checks that on random text).
 */
import * as scan from './scan.ts';
import { TokenKind } from './scan.ts';
import * as voc from './vocabulary.ts';
import type { Vocabulary } from './vocabulary.ts';

// Module-local copies: some loaders (tsx) compile imported bindings to
// getters, which would cost a call per character in the loops below.
const { APOS, HAN, WORD, bmpClass, classAt, elidedBefore, gapWith } = scan;
const { FNV_OFFSET, FNV_PRIME } = voc;
const KIND_WORD = TokenKind.Word;
const KIND_HAN = TokenKind.Han;

/**
 * Tokens of many documents as columns, appended to; grown by doubling. A
 * token ends at `start + surface.length` of its type (its surface is its
 * text as written), so no end column is kept.
 */
export class TokenColumns {
  length = 0;
  start: Int32Array;
  type: Int32Array;
  gap: Uint8Array;

  constructor(capacity = 4096) {
    const n = Math.max(16, capacity);
    this.start = new Int32Array(n);
    this.type = new Int32Array(n);
    this.gap = new Uint8Array(n);
  }

  /** Room for `extra` more tokens. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.start.length) return;
    let n = this.start.length * 2;
    while (n < need) n *= 2;
    this.resize(n);
  }

  /** Room for `capacity` tokens in all (never less than `length`). */
  resize(capacity: number): void {
    const n = Math.max(capacity, this.length, 16);
    const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a.subarray(0, this.length));
      return b;
    };
    this.start = grow(this.start, new Int32Array(n));
    this.type = grow(this.type, new Int32Array(n));
    this.gap = grow(this.gap, new Uint8Array(n));
  }
}

const encoder = new TextEncoder();
/** An ASCII text's code units (reused buffer). */
let asciiUnits = new Uint8Array(1 << 16);

// Start offsets of the characters of the current Han run (reused buffer).
let hanStarts = new Int32Array(256);

function classOf(text: string, i: number, c: number): number {
  if (c < 0xd800) {
    const k = bmpClass[c]!;
    if (k !== 0) return k;
  }
  return classAt(text, i);
}

/**
 * Appends the tokens of `text` to `out`, with their type ids in `vocab`.
 * One loop on purpose (≈ 80 lines): it is the engine's per-code-unit pass,
 * and the word branch keeps its running hash and position in locals.
 */
export function internTokens(text: string, vocab: Vocabulary, out: TokenColumns): void {
  const n = text.length;
  // A text of n code units has at most n tokens.
  out.reserve(n);
  if (n > asciiUnits.length) asciiUnits = new Uint8Array(Math.max(n, asciiUnits.length * 2));
  // Its UTF-8 bytes are its code units exactly when it is ASCII.
  const encoded = encoder.encodeInto(text, asciiUnits);
  if (encoded.read === n && encoded.written === n) {
    internAscii(text, asciiUnits, vocab, out);
    return;
  }
  const starts = out.start;
  const types = out.type;
  const gaps = out.gap;
  let t = out.length;
  let i = 0;
  let gap = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    const cls = classOf(text, i, c);
    if (cls === WORD) {
      const start = i;
      let h = FNV_OFFSET;
      for (;;) {
        // c = text[i] is a word character; a surrogate here is the first
        // of a valid pair, hashed with its second.
        if ((c & 0xfc00) === 0xd800) {
          h = Math.imul(h ^ c, FNV_PRIME);
          c = text.charCodeAt(++i);
        }
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
        // The common case, letters below the surrogates, without classOf's
        // other tests.
        while (i < n) {
          c = text.charCodeAt(i);
          if (c >= 0xd800 || bmpClass[c] !== WORD) break;
          h = Math.imul(h ^ c, FNV_PRIME);
          i++;
        }
        if (i >= n) break;
        const k = classOf(text, i, c);
        if (k === WORD) continue;
        if (k !== APOS || i + 1 >= n || classOf(text, i + 1, text.charCodeAt(i + 1)) !== WORD || elidedBefore(text, start, i)) break;
        // An apostrophe between word characters ("China's") is part of the word.
        h = Math.imul(h ^ c, FNV_PRIME);
        c = text.charCodeAt(++i);
      }
      starts[t] = start;
      let ty = vocab.lookup(text, start, i, h);
      if (ty < 0) ty = vocab.insert(text, start, i, KIND_WORD, h);
      types[t] = ty;
      gaps[t++] = gap;
      gap = 0;
    } else if (cls === HAN) {
      let count = 0;
      while (i < n && classAt(text, i) === HAN) {
        if (count + 1 >= hanStarts.length) {
          const bigger = new Int32Array(hanStarts.length * 2);
          bigger.set(hanStarts);
          hanStarts = bigger;
        }
        hanStarts[count++] = i;
        const d = text.charCodeAt(i);
        i += d >= 0xd800 && d <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      }
      hanStarts[count] = i;
      const pieces = count === 1 ? 1 : count - 1;
      for (let k = 0; k < pieces; k++) {
        const s = hanStarts[k]!;
        const e = count === 1 ? i : hanStarts[k + 2]!;
        let h = FNV_OFFSET;
        for (let x = s; x < e; x++) h = Math.imul(h ^ text.charCodeAt(x), FNV_PRIME);
        starts[t] = s;
        types[t] = vocab.intern(text, s, e, KIND_HAN, h);
        gaps[t++] = k === 0 ? gap : 0;
      }
      gap = 0;
    } else {
      gap = gapWith(gap, cls, text, i, c);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
  }
  out.length = t;
}

/**
 * `internTokens` for an ASCII text, its code units read from `units` (its
 * UTF-8 bytes, `TextEncoder.encodeInto`, ≈ 1 ms for the 7.6M code units of
 * the 1M-word bench corpus): a typed-array read per character instead of
 * `charCodeAt`, which tests the string's representation at every call, in
 * the scan and in the look-up's compare; and no surrogates, Han or
 * characters left to classify. The same loop as `internTokens`' otherwise.
 */
function internAscii(text: string, units: Uint8Array, vocab: Vocabulary, out: TokenColumns): void {
  const n = text.length;
  const starts = out.start;
  const types = out.type;
  const gaps = out.gap;
  let t = out.length;
  let i = 0;
  let gap = 0;
  while (i < n) {
    let c = units[i]!;
    const cls = bmpClass[c]!;
    if (cls === WORD) {
      const start = i;
      let h = FNV_OFFSET;
      for (;;) {
        // c = units[i] is a word character.
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
        while (i < n) {
          c = units[i]!;
          if (bmpClass[c] !== WORD) break;
          h = Math.imul(h ^ c, FNV_PRIME);
          i++;
        }
        if (i + 1 >= n || bmpClass[c] !== APOS || bmpClass[units[i + 1]!] !== WORD || elidedBefore(text, start, i)) break;
        // An apostrophe between word characters ("China's") is part of the word.
        h = Math.imul(h ^ c, FNV_PRIME);
        c = units[++i]!;
      }
      starts[t] = start;
      let ty = vocab.lookupAscii(units, start, i, h);
      if (ty < 0) ty = vocab.insert(text, start, i, KIND_WORD, h);
      types[t] = ty;
      gaps[t++] = gap;
      gap = 0;
    } else {
      gap = gapWith(gap, cls, text, i, c);
      i++;
    }
  }
  out.length = t;
}
