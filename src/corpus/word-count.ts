/**
 * How many words a text has, as readers count them. Its own module (not
 * assemble.ts) so the page and the search index can count words without
 * bundling what reads files.
 */

/** Words as readers count them: Latin-script words, and each Han character. */
export function countWords(text: string): number {
  return text.match(/\p{Script=Han}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}
