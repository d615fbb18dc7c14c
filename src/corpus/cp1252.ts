/**
 * Windows-1252's characters for the bytes 0x80–0x9F, where it differs from
 * ISO-8859-1 (which has C1 control characters there). Used to repair
 * mojibake (clean/mojibake.ts) and to decode windows-1252 in Node 20, whose
 * `TextDecoder('windows-1252')` decodes those bytes as ISO-8859-1 does
 * (Chromium's follows the WHATWG table).
 */
export const CP1252_HIGH: ReadonlyArray<[codePoint: number, byte: number]> = [
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86],
  [0x2021, 0x87], [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c],
  [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95],
  [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b],
  [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
];

const BY_BYTE = new Map(CP1252_HIGH.map(([cp, byte]) => [byte, String.fromCharCode(cp)]));

/** Text decoded as ISO-8859-1 made windows-1252: C1 controls become the characters windows-1252 has there. */
export function windows1252FromLatin1(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => BY_BYTE.get(c.charCodeAt(0)) ?? c) : text;
}
