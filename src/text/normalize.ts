/**
 * Matching forms of words: case-folded, NFKC, typographic quotes folded,
 * diacritics removed. Only for matching; the reader always shows the text.
 */

const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** Normalise one token for matching. Pure and cheap for ASCII words. */
export function normalizeWord(word: string): string {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  const folded = word.normalize('NFKC').toLowerCase().replace(QUOTES, "'");
  // NFD splits "é" into "e" + U+0301; dropping marks gives "e". Han and most
  // other scripts have no combining marks, so they pass through unchanged.
  return folded.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}
