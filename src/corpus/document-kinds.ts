/**
 * Which kind of document a file is: by its name's extension, else, for a
 * name that says nothing (no extension, or one Refrain does not know), by
 * its first bytes: a saved page named `story.cms` or `article.php` is still
 * HTML, a file named `speech` with no extension is still text. The browser's
 * import, the build and the CLI all decide here, so a file is read alike
 * everywhere. Light on purpose (no readers imported): the page plans an
 * import with it before anything is read.
 */
import { bytesAsText, COMPOUND, formatOf, PDF, RTF, ZIP } from './signatures.ts';

export type DocumentKind = 'text' | 'html' | 'mhtml' | 'webarchive' | 'tei' | 'office' | 'word97' | 'rtf' | 'epub' | 'pdf';

const BY_EXTENSION: Readonly<Record<string, DocumentKind>> = {
  txt: 'text',
  text: 'text',
  md: 'text',
  markdown: 'text',
  mdown: 'text',
  mkd: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  shtml: 'html',
  mhtml: 'mhtml',
  mht: 'mhtml',
  webarchive: 'webarchive',
  xml: 'tei',
  docx: 'office',
  odt: 'office',
  doc: 'word97',
  rtf: 'rtf',
  epub: 'epub',
  pdf: 'pdf',
};

/** What the kinds are called in messages, in the order people look for them. */
export const READABLE_FORMATS = '.txt, .md, .html, .mhtml, .webarchive, .docx, .doc, .odt, .rtf, .pdf, .epub, .xml (TEI), .csv, .tsv, .xlsx or .json';

/** Bytes of a file's start that `kindFromBytes` needs (an EPUB's or ODT's mimetype entry ends before this). */
export const SNIFF_BYTES = 128;

/** The extension, lower-cased, without its dot; '' when the name has none (a dot followed by spaces is no extension). */
export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]{1,10})$/i.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** The kind a file's extension says, or null when it says none Refrain reads as a document. */
export function kindFromName(name: string): DocumentKind | null {
  return BY_EXTENSION[extensionOf(name)] ?? null;
}

/** The kinds whose first bytes are unmistakable (RTF, PDF, a compound file, an EPUB or OpenDocument archive): they win over the name. */
function signedKind(head: Uint8Array): DocumentKind | null {
  const format = formatOf(head);
  if (format === ZIP) {
    // A ZIP whose first entry is the uncompressed `mimetype` (EPUB, OpenDocument).
    const start = bytesAsText(head, 30, SNIFF_BYTES);
    if (start.startsWith('mimetypeapplication/epub+zip')) return 'epub';
    if (start.startsWith('mimetypeapplication/vnd.oasis.opendocument.text')) return 'office';
    return null;
  }
  return format === RTF ? 'rtf' : format === PDF ? 'pdf' : format === COMPOUND ? 'word97' : null;
}

/**
 * The kind a file's first bytes show, for a name that says none: an HTML
 * page, XML, or, when `plainText` (the name has no extension at all), text:
 * anything not starting like a binary format (decoding then refuses what is
 * binary after all). Null: not recognised.
 */
export function kindFromBytes(head: Uint8Array, plainText: boolean): DocumentKind | null {
  if (formatOf(head)) return null;
  // Text: skip a UTF-8 byte-order mark and blank space, then look at the markup.
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  const start = bytesAsText(head, i, i + 64).toLowerCase();
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|^<!--/.test(start)) return 'html';
  if (start.startsWith('<?xml') || start.startsWith('<tei')) return /<!doctype html|<html[\s>]/.test(bytesAsText(head, i, head.length).toLowerCase()) ? 'html' : 'tei';
  return plainText ? 'text' : null;
}

/**
 * A file's kind: RTF, PDF, EPUB and OpenDocument by their first bytes whatever
 * the name (Word saves RTF as `.doc`), else the extension's, else what the
 * first bytes show (`head`: at least SNIFF_BYTES of them, or the whole file).
 */
export function documentKind(name: string, head: Uint8Array): DocumentKind | null {
  return signedKind(head) ?? kindFromName(name) ?? kindFromBytes(head, extensionOf(name) === '');
}
