import { describe, expect, it } from 'vitest';
import { isImportable, unsupportedReason } from '../../src/importer/file-kinds.ts';
import { enc } from './helpers.ts';

describe('isImportable', () => {
  it('takes .txt, .md, .markdown, .html, .htm, .xml, .docx and .odt, in any case', () => {
    for (const name of ['a.txt', 'b.MD', 'c.markdown', 'd.html', 'e.HTM', 'f.xml', 'g.DOCX', 'h.odt']) expect(isImportable(name)).toBe(true);
    for (const name of ['a.pdf', 'b.doc', 'c.txt.bak', 'README', 'd.epub']) expect(isImportable(name)).toBe(false);
  });
});

describe('unsupportedReason', () => {
  it('names what an unsupported file is', () => {
    expect(unsupportedReason('a.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toMatch(/is a PNG image, not text/);
    expect(unsupportedReason('a.pdf', enc('%PDF-1.4'))).toMatch(/is a PDF/);
    expect(unsupportedReason('a.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toMatch(/is a ZIP archive \(or \.docx\/\.epub\)/);
    expect(unsupportedReason('a.json', enc('{"a": 1}'))).toContain('not a .txt, .md, .html, .xml (TEI), .docx, .odt, .csv or .tsv file');
  });
});
