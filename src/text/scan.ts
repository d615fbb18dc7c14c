/**
 * The one tokenising loop every consumer shares, so the reader, the diff and
 * the reuse engine agree on where words are. It walks UTF-16 code units once
 * with a lazily filled class table, allocates nothing per token, and reports
 * each token's offsets to a sink.
 *
 * A gap holding sentence punctuation starts a sentence, except a Latin
 * mark (. ! ? ; :) with a word character right after it: the dots and
 * colons inside "6.5", "09:23", "v2.21.1" or "chinadaily.com.cn" end
 * nothing, nor does the colon of "https://" (`endsSentence`). A full stop
 * between a lower-case and a capital letter still does ("ended.Then": a
 * space lost in copying).
 *
 * Words are runs of letters, digits and marks (internal apostrophes kept:
 * "China's"), except after a French or Italian elided article, pronoun or
 * preposition ("l'Esprit", "qu'il", "dell'Europa": `elidedBefore`), which
 * is a word of its own, so "l'eau" and "eau" share a word. A run of
 * characters of a script written without spaces between words (Han, and
 * Japanese kana, Thai, Lao, Khmer and Myanmar: BIGRAM_SCRIPT) yields
 * overlapping bigrams, each with its own offsets ("网络空间" -> 网络, 络空,
 * 空间); a lone such character yields itself. Bigrams are what CJK search
 * engines index (Lucene's CJKBigramFilter does so for Han and kana): every
 * word of the run is inside some bigram, with no dictionary. We do not use
 * Intl.Segmenter: its dictionary differs between ICU versions, so a Node
 * build and a browser worker could disagree, and it slows to seconds on a
 * long run without spaces. (The class and the kind are still called `HAN`,
 * the script that needed them first.)
 */

export const enum TokenKind {
  Word = 0,
  Han = 1,
}

/** Bits describing the gap before a token. */
export const GAP_PARAGRAPH = 1; // a blank line: two or more newlines
export const GAP_SENTENCE = 2; // sentence punctuation: . ! ? ; : and CJK forms
export const GAP_LINE = 4; // any newline

export interface TokenSink {
  push(start: number, end: number, kind: TokenKind, gap: number): void;
}

/** Character classes (internal: shared with the interning scanner in intern.ts). */
export const OTHER = 1;
export const WORD = 2;
export const HAN = 3;
export const APOS = 4;
export const NEWLINE = 5;
export const SENTENCE = 6;

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
/** Scripts written without spaces between words, read as character bigrams (with Japanese's prolonged sound mark). */
export const BIGRAM_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\uff70\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const HAN_CHAR = new RegExp(`^${BIGRAM_SCRIPT.source}$`, 'u');
/** Sentence punctuation: Latin, CJK full-width (with the full-width and half-width full stops ．｡), Greek question mark, Arabic question mark and semicolon, Urdu full stop, Devanagari dandas, Armenian, Ethiopic, Myanmar and Khmer full stops. */
const SENTENCE_CHARS = '.!?;:\u3002\uff0e\uff61\uff01\uff1f\uff1b\uff1a\u2026\u037e\u061f\u061b\u06d4\u0964\u0965\u0589\u1362\u104b\u17d4';

// 0 = not classified yet. Filled on first sight, except the ranges below.
export const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, number>();

function classifyCodePoint(cp: number): number {
  if (cp === 0x0a) return NEWLINE;
  if (cp === 0x27 || cp === 0x2019) return APOS;
  const ch = String.fromCodePoint(cp);
  if (SENTENCE_CHARS.includes(ch)) return SENTENCE;
  if (HAN_CHAR.test(ch)) return HAN;
  if (WORD_CHAR.test(ch)) return WORD;
  return OTHER;
}

/**
 * Classified at load (≈ 600 code points, well under a millisecond): Basic
 * Latin, Latin-1, Latin Extended-A and General Punctuation. Text in those
 * ranges then never reaches the classifier from a scanning loop, so the
 * optimising compiler does not inline it there: inlined after the first
 * texts filled the table, it left intern.ts's loop ≈ 20% slower.
 */
const PRECLASSIFIED: readonly (readonly [number, number])[] = [
  [0x0000, 0x017f],
  [0x2000, 0x206f],
];
for (const [lo, hi] of PRECLASSIFIED) {
  for (let c = lo; c <= hi; c++) bmpClass[c] = classifyCodePoint(c);
}

export function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      let k = astralClass.get(cp);
      if (k === undefined) {
        k = classifyCodePoint(cp);
        astralClass.set(cp, k);
      }
      return k;
    }
  }
  let k = bmpClass[c]!;
  if (k === 0) {
    k = c >= 0xd800 && c <= 0xdfff ? OTHER : classifyCodePoint(c);
    bmpClass[c] = k;
  }
  return k;
}

/**
 * The gap bits before the next token once the separator `c` at `text[i]`
 * (class `cls`) is added to `gap`: a newline sets GAP_LINE, and a second
 * one since the last token (GAP_LINE already set) GAP_PARAGRAPH; sentence
 * punctuation that ends a sentence sets GAP_SENTENCE. The scanning loops
 * (here and intern.ts) share it.
 */
export function gapWith(gap: number, cls: number, text: string, i: number, c: number): number {
  if (cls === NEWLINE) return gap | ((gap & GAP_LINE) !== 0 ? GAP_LINE | GAP_PARAGRAPH : GAP_LINE);
  if (cls === SENTENCE && endsSentence(text, i, c)) return gap | GAP_SENTENCE;
  return gap;
}

/**
 * Whether the sentence punctuation `c` at `text[i]` ends a sentence: a
 * Latin mark does only when no word character follows it at once; the CJK
 * full stop and the other scripts' marks always do. Called only at sentence
 * punctuation, which is rare.
 */
export function endsSentence(text: string, i: number, c: number): boolean {
  if (c >= 0x80 || i + 1 >= text.length) return true;
  const next = text.charCodeAt(i + 1);
  if (c === COLON && next === SLASH) return false;
  if (classAt(text, i + 1) !== WORD) return true;
  // "ended.Then": a lower-case word, a full stop, a capital.
  return c === FULL_STOP && i > 0 && isLower(text.charAt(i - 1)) && isUpper(text.charAt(i + 1));
}

const COLON = 0x3a;
const SLASH = 0x2f;
const FULL_STOP = 0x2e;
const isLower = (ch: string): boolean => ch !== ch.toUpperCase();
const isUpper = (ch: string): boolean => ch !== ch.toLowerCase();

/** Width in code units of the character at i (2 for a surrogate pair). */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/**
 * Elided words of French ("l'", "d'", "qu'", "jusqu'") and Italian ("dell'",
 * "un'", "quest'"), lower case; a word is cut after one of them at an
 * apostrophe. Few English words start so ("d'Artagnan", "c'mon"), and
 * "don't", "it's", "O'Brien", "all's" are not cut.
 */
const ELIDED = new Set(['c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'dell', 'dall', 'nell', 'sull', 'un', 'quell', 'quest']);
/** Longest ELIDED entry. */
const ELIDED_MAX = 6;

/**
 * `text[start, end)`, a word's letters before an apostrophe, is an elided
 * word (ELIDED): the word ends there. Only called at an apostrophe inside a
 * word, which is rare.
 */
export function elidedBefore(text: string, start: number, end: number): boolean {
  return end - start <= ELIDED_MAX && ELIDED.has(text.slice(start, end).toLowerCase());
}

// Start offsets of the characters of the current Han run (reused buffer).
let hanStarts = new Int32Array(256);

export function scanTokens(text: string, sink: TokenSink): void {
  const n = text.length;
  let i = 0;
  let gap = 0;
  while (i < n) {
    const cls = classAt(text, i);
    if (cls === WORD) {
      const start = i;
      i += widthAt(text, i);
      while (i < n) {
        const k = classAt(text, i);
        if (k === WORD) i += widthAt(text, i);
        else if (k === APOS && i + 1 < n && classAt(text, i + 1) === WORD && !elidedBefore(text, start, i)) i += 1;
        else break;
      }
      sink.push(start, i, TokenKind.Word, gap);
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
        i += widthAt(text, i);
      }
      hanStarts[count] = i;
      if (count === 1) {
        sink.push(hanStarts[0]!, i, TokenKind.Han, gap);
      } else {
        for (let k = 0; k + 1 < count; k++) {
          sink.push(hanStarts[k]!, hanStarts[k + 2]!, TokenKind.Han, k === 0 ? gap : 0);
        }
      }
      gap = 0;
    } else {
      gap = gapWith(gap, cls, text, i, text.charCodeAt(i));
      i += widthAt(text, i);
    }
  }
}
