/**
 * What a line of text looks like, as the cleaner's rules ask it: how many
 * words it has, whether it ends a sentence, whether it reads as prose, and
 * keys to compare lines by. No rule decisions here, only measurements.
 */

/** Horizontal whitespace and invisible characters, trimmed from lines. */
const WS = ' \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff';
export const isWs = (ch: string): boolean => WS.includes(ch);
export const ZERO_WIDTH = '\u200b\ufeff';

const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Scripts written without spaces between words. */
const UNSPACED_RE = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;
/** Characters of an unspaced script that make about one word. */
const UNSPACED_CHARS_PER_WORD = 3;
/** CJK characters that make about one word. */
const CJK_CHARS_PER_WORD = 2;
export const CJK_TEST = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu;
const CLOSERS = new Set([...' \t\u00a0"\'’”»)]}）」』】']);
const TERMINAL = /[.!?…。！？]$/u;

/** A sentence of at least this many words is prose. */
const PROSE_MIN_SENTENCE_WORDS = 2;
/** A line ending in a colon (introducing a quotation or list) is prose from this many words. */
const PROSE_MIN_COLON_WORDS = 6;
/** A line this long is running text whatever its ending. */
const PROSE_MIN_WORDS = 25;
/** Length of a quoted line in a reason. */
const SNIPPET_CHARS = 60;

/** Words as the rules count them: Latin-script words, half a word per CJK character, a third per Thai-like character. */
export function countWords(t: string): number {
  let cjk = 0;
  const rest = t.replace(CJK_RE, () => {
    cjk++;
    return ' ';
  });
  let unspaced = 0;
  const rest2 = rest.replace(UNSPACED_RE, (m) => {
    unspaced += Math.ceil(m.length / UNSPACED_CHARS_PER_WORD);
    return ' ';
  });
  const latin = rest2.match(WORD_RE)?.length ?? 0;
  return latin + Math.ceil(cjk / CJK_CHARS_PER_WORD) + unspaced;
}

/** The text without closing quotes, brackets and spaces at its end. */
export function stripClosers(t: string): string {
  let end = t.length;
  while (end > 0 && CLOSERS.has(t.charAt(end - 1))) end--;
  return end === t.length ? t : t.slice(0, end);
}

/** Ends like a sentence: ".", "?", "!", "…" (optionally inside quotes/brackets). */
export function endsSentence(t: string): boolean {
  return TERMINAL.test(stripClosers(t));
}

/** A line that reads as running text rather than a label. */
export function isProse(t: string, words: number): boolean {
  return (endsSentence(t) && words >= PROSE_MIN_SENTENCE_WORDS) || (/[:：]$/u.test(t) && words >= PROSE_MIN_COLON_WORDS) || words >= PROSE_MIN_WORDS;
}

/** Lower-case, letters and digits only, single spaces: for comparing lines. */
export function normKey(t: string): string {
  return t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lower-case, `&`→and, outer punctuation gone: for matching furniture phrases. */
export function normPhrase(t: string): string {
  return t
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}>»›]+/gu, ' ')
    .trim();
}

/** A line shortened for a reason shown to the reader. */
export function snippet(t: string, n = SNIPPET_CHARS): string {
  const s = t.replace(/\s+/g, ' ').trim();
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Every letter is a capital (and there are at least two). */
export function isAllCaps(t: string): boolean {
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** A document is Latin-script when its Latin letters outnumber its CJK characters this many times. */
const LATIN_DOCUMENT_RATIO = 2;

/** Mostly Latin script (so a CJK-only line at its edges is page chrome). */
export function isLatinDocument(texts: Iterable<string>): boolean {
  let latin = 0;
  let cjk = 0;
  for (const t of texts) {
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k);
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
      else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)) cjk++;
    }
  }
  return latin > cjk * LATIN_DOCUMENT_RATIO;
}
