/**
 * Whether bytes that chardet takes for a Western (or Central European)
 * code page are Mac OS Roman, the encoding of classic Mac OS text files.
 * chardet has no model of it: on 266 man pages in Danish, Dutch, French,
 * German, Italian, Polish, Portuguese, Spanish and Swedish, saved as
 * MacRoman with iconv, it named windows-1252, ISO-8859-1 or windows-1250
 * (once Shift_JIS), never MacRoman.
 *
 * The two encodings put letters in different places: MacRoman's é (0x8E)
 * is windows-1252's Ž, its ü (0x9F) is Ÿ, its ñ (0x96) is a dash, while
 * windows-1252's é (0xE9) is MacRoman's È. So the bytes beside a
 * lower-case ASCII letter are read both ways: a text is MacRoman when,
 * read as MacRoman, nearly all of them (MIN_SHARE) are what stands in a
 * word (a lower-case letter after one; a letter, either case, before one),
 * and read as windows-1252, at least MIN_IMPLAUSIBLE are not (a capital or
 * a symbol after a lower-case letter, a dash inside a word). Punctuation
 * and spaces beside a word decide nothing.
 *
 * Measured on those man pages (iconv to MACINTOSH, WINDOWS-1252,
 * ISO-8859-1, and WINDOWS-1250 for Czech, Hungarian and Polish), whole and
 * as a 400-byte window around the first accented letter: MacRoman found in
 * 248 of 266 whole files and 91 of 266 windows (the rest hold too few
 * accented letters inside words to tell), and in none of 532 windows-1252,
 * 532 ISO-8859-1 and 72 windows-1250 files and windows. A text it misses is
 * read as chardet says, as before, and can be read again as MacRoman by
 * choice.
 *
 * Misses: a short text, or one whose accented letters start words or follow
 * capitals ("Über", "Fähre"), where either reading could be right.
 */
import { windows1252FromLatin1 } from './cp1252.ts';

/** Of the deciding bytes, the share that must read as a word's letters in MacRoman… */
const MIN_SHARE = 0.9;
/** …at least this many of them… */
const MIN_DECIDING = 3;
/** …at least this many must read as no word's letters in windows-1252… */
const MIN_IMPLAUSIBLE = 3;
/** …and MacRoman's share must beat windows-1252's by this much. */
const MIN_MARGIN = 0.2;

const LOWER = (b: number | undefined) => b !== undefined && b >= 0x61 && b <= 0x7a;
let tables: { mac: string[]; cp: string[] } | null = null;

/** Each byte from 0x80 as MacRoman and as windows-1252 read it. */
function tablesOf(): { mac: string[]; cp: string[] } {
  if (tables) return tables;
  const high = Uint8Array.from({ length: 128 }, (_, k) => 0x80 + k);
  const mac = new TextDecoder('macintosh').decode(high);
  let latin1 = '';
  for (const b of high) latin1 += String.fromCharCode(b);
  tables = { mac: [...mac], cp: [...windows1252FromLatin1(latin1)] };
  return tables;
}

/** Of the high bytes beside a lower-case ASCII letter that decide something in `table`, how many, and how many read as a word's letters. */
function wordFit(bytes: Uint8Array, table: readonly string[]): { deciding: number; fit: number } {
  let deciding = 0;
  let fit = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const after = LOWER(bytes[i - 1]);
    const before = LOWER(bytes[i + 1]);
    if (!after && !before) continue;
    const c = table[b - 0x80]!;
    if (/[\p{P}\p{Z}]/u.test(c) && !(after && before && !/['’‘\-‐]/u.test(c))) continue;
    deciding++;
    if (after ? /\p{Ll}/u.test(c) : /\p{L}/u.test(c) && !/\p{Lm}/u.test(c)) fit++;
  }
  return { deciding, fit };
}

/** Whether `bytes` read as MacRoman are words, and as windows-1252 are not (see above). */
export function looksMacRoman(bytes: Uint8Array): boolean {
  const { mac, cp } = tablesOf();
  const m = wordFit(bytes, mac);
  if (m.deciding < MIN_DECIDING || m.fit < m.deciding * MIN_SHARE) return false;
  const w = wordFit(bytes, cp);
  return w.deciding - w.fit >= MIN_IMPLAUSIBLE && m.fit / m.deciding - (w.deciding ? w.fit / w.deciding : 0) >= MIN_MARGIN;
}
