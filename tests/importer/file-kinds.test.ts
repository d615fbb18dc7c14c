import { describe, expect, it } from 'vitest';
import { isImportable, isReadableByContent, unsupportedReason } from '../../src/importer/file-kinds.ts';
import { enc } from './helpers.ts';

describe('isImportable', () => {
  it('takes the document kinds Refrain reads by their extension, in any case', () => {
    for (const name of ['a.txt', 'b.MD', 'c.markdown', 'd.html', 'e.HTM', 'e.xhtml', 'f.xml', 'g.DOCX', 'h.odt', 'i.rtf', 'j.epub', 'k.text', 'l.PDF']) expect(isImportable(name)).toBe(true);
    for (const name of ['b.pages', 'c.txt.bak', 'README', 'd.json', 'e.csv']) expect(isImportable(name)).toBe(false);
  });
});

describe('isReadableByContent', () => {
  it('reads a page saved under another extension, a text with none, and RTF saved as .doc', () => {
    expect(isReadableByContent('story.cms', enc('\n<!DOCTYPE html><html><body><p>Hi</p>'))).toBe(true);
    expect(isReadableByContent('speech', enc('Friends, we meet today.'))).toBe(true);
    expect(isReadableByContent('Mr. Smith speech', enc('Friends, we meet today.'))).toBe(true);
    expect(isReadableByContent('letter.doc', enc('{\\rtf1\\ansi Dear friend}'))).toBe(true);
    expect(isReadableByContent('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe(true);
  });

  it('does not take plain text under an extension Refrain does not know, nor binary data', () => {
    expect(isReadableByContent('data.json', enc('{"a": 1}'))).toBe(false);
    expect(isReadableByContent('photo', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
  });
});

describe('unsupportedReason', () => {
  it('names what an unsupported file is, and what to do', () => {
    expect(unsupportedReason('a.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toMatch(/is a PNG image, not text/);
    expect(unsupportedReason('a.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toMatch(/is a ZIP archive, not text; unzip it/);
    expect(unsupportedReason('a.json', enc('{"a": 1}'))).toContain('not a .txt, .md, .html, .mhtml, .webarchive, .docx, .doc, .odt, .rtf, .pdf, .epub, .xml (TEI), .csv, .tsv, .xlsx or .json file');
  });
});
