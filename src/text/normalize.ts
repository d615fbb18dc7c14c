/**
 * Matching forms of words: case-folded, NFKC, typographic quotes folded,
 * diacritics removed. Only for matching; the reader always shows the text.
 *
 * "Diacritics" are the accents NFD splits off Latin, Greek and Cyrillic
 * letters ("é" -> "e"), and the optional vowel points of Arabic and Hebrew
 * (with Arabic's hamza: "أ" -> "ا"). Other combining marks are letters of
 * their script and stay: the vowel signs of Devanagari, Thai and the other
 * Brahmic scripts ("छात्र" is not "छतर"), Japanese's voiced-sound marks
 * ("で" is not "て"). What it misses: Vietnamese tones are Latin
 * diacritics, so "mà" and "ma" match.
 */

const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4]/g;
/** Combining Diacritical Marks (and their supplements, for symbols, half marks), Hebrew points, Arabic harakat and hamza. */
const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670]+/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Normalise one token for matching. Pure and cheap for ASCII words. */
export function normalizeWord(word: string): string {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  // NFD splits "é" into "e" + U+0301; dropping the mark gives "e".
  return foldCase(word).normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/** A word case-folded, NFKC, quotes folded, its diacritics kept (what a stemmer reads: "présentée"). */
export function foldCase(word: string): string {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKC').toLowerCase().replace(QUOTES, "'");
}
