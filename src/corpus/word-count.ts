/**
 * How many words a text has, as readers count them. Its own module (not
 * assemble.ts) so the page and the search index can count words without
 * bundling what reads files.
 */

/**
 * A word as a word processor counts it: letters and digits, joined by an
 * apostrophe ("won't"), a hyphen ("well-known", "2016-17") or, between
 * digits, a thousands or decimal separator ("3,000", "2.5"); or one Han or
 * kana character (Chinese and Japanese count characters).
 */
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]|[\p{L}\p{N}]+(?:(?:['’\-‐]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;

/** Words as readers count them: Latin-script words, and each Han or kana character. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
