/**
 * Bytes to text, refusing what is not text. UTF-8 (with or without BOM) and
 * UTF-16 with a BOM are accepted; anything else gets a message naming why.
 */
import { CorpusError } from './metadata.ts';

/** Magic numbers of formats people drop by mistake, for a clearer refusal. */
const SIGNATURES: ReadonlyArray<[string, number[]]> = [
  ['a PDF', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or .docx/.epub)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
];

export function decodeText(bytes: Uint8Array, file: string): string {
  for (const [kind, magic] of SIGNATURES) {
    if (magic.every((b, i) => bytes[i] === b)) throw new CorpusError(file, null, `is ${kind}, not text; save it as .txt, .md or .html first`);
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = strictDecode('utf-16le', bytes.subarray(2), file);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = strictDecode('utf-16be', bytes.subarray(2), file);
  else {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    text = strictDecode('utf-8', bytes.subarray(bom), file);
  }
  // NUL and most C0 controls never occur in text files; they mean binary content.
  const control = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/.exec(text);
  if (control) {
    throw new CorpusError(file, null, `looks binary (control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} at character ${control.index}), not text`);
  }
  return text;
}

function strictDecode(encoding: string, bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new CorpusError(file, null, `is not valid ${encoding.toUpperCase()} text; re-save it as UTF-8`);
  }
}
