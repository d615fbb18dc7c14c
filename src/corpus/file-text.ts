/**
 * One file's text before cleaning and the metadata it carries, whatever its
 * kind (document-kinds.ts): decoded text with its front matter, a web
 * page's article (saved as .html, or as one .mhtml or .webarchive file), a TEI file's `<text>`, a word processor's, an RTF
 * file's, a PDF's or an EPUB book's body. The build (assemble.ts) and the browser's
 * import (importer/read.ts) both read files here, so a file reads alike in
 * both; what each adds (the importer's inferred fields and the user's own)
 * stays with it. Throws a CorpusError naming the file.
 */
import { decodeFile, type DecodedText } from './decode.ts';
import { documentKind, READABLE_FORMATS, SNIFF_BYTES, type DocumentKind } from './document-kinds.ts';
import { epubProvenance, readEpub } from './epub.ts';
import { parseFrontMatter } from './front-matter.ts';
import { htmlFields, htmlProvenance, readHtml, type HtmlMeta } from './html/index.ts';
import { CorpusError } from './metadata.ts';
import { readMhtml } from './mhtml.ts';
import { readWebArchive } from './webarchive.ts';
import { officeProvenance, readOffice } from './office.ts';
import { pdfProvenance, readPdf } from './pdf/index.ts';
import { readRtf, rtfProvenance } from './rtf.ts';
import { readWord97, word97Provenance } from './word97.ts';
import { isTei, notTei, readTei, rootName, teiFields, teiProvenance } from './tei.ts';
import type { LeftOut } from './types.ts';

export interface FileText {
  kind: DocumentKind;
  /** The text as read (a text file's after its front matter; a web page's whole text), what the reader's Original shows. */
  original: string;
  /** Stretches of `original` left out before cleaning, with why (a web page's navigation, footer…); empty for other kinds. */
  leftOut: LeftOut[];
  /** The text to clean: `original` without `leftOut` (a web page's article). */
  text: string;
  /** The metadata the file states: front matter, a page's head, a TEI header, a document's properties. */
  fields: Record<string, unknown>;
  /** A web page's metadata (for what an import infers from it). */
  html: HtmlMeta | null;
  /** How the bytes were decoded; null for a kind read from an archive or from RTF's own escapes. */
  decoded: DecodedText | null;
  /** Where the text came from, as a provenance sentence (without the encoding). */
  provenance: string;
}

/** The text and stated metadata of one file; `encoding` re-reads a text file in the encoding the reader chose. */
export function readFileText(file: { path: string; name: string; bytes: Uint8Array }, encoding?: string | null): FileText {
  const { path, name, bytes } = file;
  // Said as the browser's import says it, whatever the file's kind.
  if (bytes.length === 0) throw new CorpusError(path, null, 'is empty (0 bytes)');
  const kind = documentKind(name, bytes.subarray(0, SNIFF_BYTES));
  if (!kind) throw new CorpusError(path, null, `is not a ${READABLE_FORMATS} file`);
  const fail = (reading: { error: string } | object): reading is { error: string } => 'error' in reading;
  // A web page says what it left out; every other kind's text is cleaned as read.
  let out: Omit<FileText, 'leftOut' | 'text'> & { leftOut?: LeftOut[]; text?: string };
  if (kind === 'office' || kind === 'epub' || kind === 'rtf' || kind === 'word97') {
    // Archives, compound files, and RTF (whose characters are escapes in its own code page) are read from their bytes, not decoded.
    const reading = kind === 'office' ? readOffice(bytes, name) : kind === 'epub' ? readEpub(bytes) : kind === 'rtf' ? readRtf(bytes) : readWord97(bytes);
    if (fail(reading)) throw new CorpusError(path, null, reading.error);
    const provenance = kind === 'office' ? officeProvenance(path) : kind === 'epub' ? epubProvenance(path) : kind === 'rtf' ? rtfProvenance(path) : word97Provenance(path);
    out = { kind, original: reading.text, fields: reading.fields, html: null, decoded: null, provenance };
  } else if (kind === 'pdf') {
    const reading = readPdf(bytes);
    if (fail(reading)) throw new CorpusError(path, null, reading.error);
    out = { kind, original: reading.text, fields: reading.fields, html: null, decoded: null, provenance: pdfProvenance(path, reading) };
  } else if (kind === 'mhtml' || kind === 'webarchive') {
    // A page saved as one file with its images: its HTML part, read as any saved page.
    const page = kind === 'mhtml' ? readMhtml(bytes) : readWebArchive(bytes);
    if (fail(page)) throw new CorpusError(path, null, page.error);
    const decoded = decodeFile(page.html, path, encoding, true, page.charset);
    const reading = readHtml(decoded.text);
    out = { kind: 'html', original: reading.page, leftOut: reading.leftOut, text: reading.text, fields: htmlFields(reading.meta), html: reading.meta, decoded, provenance: htmlProvenance(path, reading, page.location) };
  } else {
    const decoded = decodeFile(bytes, path, encoding, kind === 'html' || kind === 'tei');
    const raw = decoded.text;
    // XHTML saved as .xml is a page.
    const page = kind === 'html' || (kind === 'tei' && !isTei(raw) && rootName(raw)?.toLowerCase() === 'html');
    if (kind === 'tei' && !page) {
      if (!isTei(raw)) throw new CorpusError(path, null, notTei(raw));
      const tei = readTei(raw);
      out = { kind, original: tei.text, fields: teiFields(tei), html: null, decoded, provenance: teiProvenance(path) };
    } else if (page) {
      const reading = readHtml(raw);
      out = { kind: 'html', original: reading.page, leftOut: reading.leftOut, text: reading.text, fields: htmlFields(reading.meta), html: reading.meta, decoded, provenance: htmlProvenance(path, reading) };
    } else {
      const front = parseFrontMatter(raw, path);
      const original = front ? raw.slice(front.bodyStart) : raw;
      if (front && !original.trim()) throw new CorpusError(path, null, 'has front matter but no text after it');
      out = { kind, original, fields: front?.fields ?? {}, html: null, decoded, provenance: `Imported by the reader from “${path}”.` };
    }
  }
  const text = out.text ?? out.original;
  if (!text.trim()) throw new CorpusError(path, null, 'has no text (only blank space or markup)');
  return { ...out, leftOut: out.leftOut ?? [], text };
}
