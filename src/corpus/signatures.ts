/**
 * What a file is by its first bytes, for the formats people drop by mistake
 * (a photo, an old Word file, an archive): a clearer refusal than "not text". Apart
 * from decode.ts so the page can name a refused file without bundling the
 * encoding detector.
 */

/** Magic numbers of formats people drop by mistake, for a clearer refusal. */
/** The names of the formats Refrain reads when they come as these bytes (document-kinds.ts, rtf.ts, table-file.ts). */
export const ZIP = 'a ZIP archive';
export const RTF = 'an RTF document';
export const PDF = 'a PDF';
export const COMPOUND = 'a Word 97–2003 document';

const SIGNATURES: ReadonlyArray<[string, number[]]> = [
  [PDF, [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  [ZIP, [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  [COMPOUND, [0xd0, 0xcf, 0x11, 0xe0]],
  [RTF, [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];

/** "a PNG image", "a ZIP archive"…, or null when the bytes start like none of them. */
export function formatOf(bytes: Uint8Array): string | null {
  for (const [kind, magic] of SIGNATURES) if (magic.every((b, i) => bytes[i] === b)) return kind;
  return null;
}

/** `bytes[from, to)` a character each (Latin-1), for looking at markup in a file's first bytes without decoding it. */
export function bytesAsText(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < Math.min(to, bytes.length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** The parts one after another, cut at `size` bytes when given (PDF streams, compound-file chains, key derivations). */
export function concatBytes(parts: readonly Uint8Array[], size = Infinity): Uint8Array {
  const out = new Uint8Array(Math.min(size, parts.reduce((n, p) => n + p.length, 0)));
  let at = 0;
  for (const p of parts) {
    if (at >= out.length) break;
    out.set(p.subarray(0, out.length - at), at);
    at += p.length;
  }
  return out;
}
