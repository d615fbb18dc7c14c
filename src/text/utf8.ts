/**
 * The size of a string in UTF-8, counted without encoding it: what a text
 * weighs against the corpus's limits and in a file written for download.
 */

/** Bytes of `text` as UTF-8, as `TextEncoder` writes it (a lone surrogate as U+FFFD, three bytes). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
