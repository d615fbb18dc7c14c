/**
 * A light English stemmer: possessives, plurals, -ed, -ing, -ly, and a
 * few derivational endings. It only has to map variants of one word to one
 * key, consistently; it need not produce real words. Non-ASCII-letter words
 * (Chinese, Cyrillic, numbers) are returned unchanged.
 */

const ASCII_WORD = /^[a-z][a-z']*$/;
const VOWEL = /[aeiouy]/;
const DOUBLE_END = /([bdfgkmnprt])\1$/;

/** Suffix, replacement, minimum stem length left behind. Longest first. */
const DERIVATIONAL: readonly [string, string, number][] = [
  ['ization', 'ize', 3],
  ['isation', 'ize', 3],
  ['ational', 'ate', 3],
  ['fulness', 'ful', 3],
  ['iveness', 'ive', 3],
  ['ousness', 'ous', 3],
  ['ation', 'ate', 3],
  ['ement', '', 4],
  ['ment', '', 4],
  ['ness', '', 3],
  ['ity', '', 4],
];

export function stem(word: string): string {
  if (word.length <= 3 || !ASCII_WORD.test(word)) return word;
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length <= 3) return w;

  // Plurals and third person.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  // -ed, -ing: only when a vowel remains, so "need" and "sing" survive.
  if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);

  for (const [suffix, replacement, minLeft] of DERIVATIONAL) {
    if (w.endsWith(suffix) && w.length - suffix.length >= minLeft) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  // Final silent e, so "develop/developed" and "promote/promoted/promoting" meet.
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return DOUBLE_END.test(w) ? w.slice(0, -1) : w;
}
