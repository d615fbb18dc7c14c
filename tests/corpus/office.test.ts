import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readOffice } from '../../src/corpus/office.ts';

/** A minimal Word document as Word writes one: runs in paragraphs, a tab, a break, a tracked deletion, a field code, a footnote reference. */
function docx(body: string, core = ''): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    ...(core ? { 'docProps/core.xml': strToU8(`<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">${core}</cp:coreProperties>`) } : {}),
  });
}

const ESSAY =
  '<w:p><w:pPr><w:pStyle w:val="Title"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>My grandmother’s kitchen</w:t></w:r></w:p>' +
  '<w:p><w:r><w:t xml:space="preserve">The stove was </w:t></w:r><w:del w:id="1"><w:r><w:delText>very </w:delText></w:r></w:del><w:r><w:t>old</w:t></w:r>' +
  '<w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:tab/><w:t>and &amp; warm.</w:t><w:br/><w:t>A new line.</w:t></w:r></w:p>' +
  '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>Last paragraph.</w:t></w:r></w:p><w:p/>';

describe('readOffice: Word', () => {
  it('reads the body as paragraphs, leaving out tracked deletions and field codes', () => {
    const r = readOffice(docx(ESSAY), 'essay.docx');
    if ('error' in r) throw new Error(r.error);
    expect(r.text).toBe('My grandmother’s kitchen\n\nThe stove was old and & warm.\nA new line.\n\nLast paragraph.');
  });

  it('reads title, author, creation date and language from the core properties', () => {
    const r = readOffice(docx(ESSAY, '<dc:title>Kitchen essay</dc:title><dc:creator>Sam Student</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-09-30T10:12:00Z</dcterms:created><dc:language>en-GB</dc:language>'), 'essay.docx');
    if ('error' in r) throw new Error(r.error);
    expect(r.fields).toEqual({ title: 'Kitchen essay', author: 'Sam Student', date: '2024-09-30', language: 'en-GB' });
  });

  it('refuses a damaged archive and a ZIP that is not a document, saying why', () => {
    expect(readOffice(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'essay.docx')).toEqual({ error: expect.stringMatching(/^is not a Word document \(\.docx\) that can be read: the archive is damaged/) });
    expect(readOffice(zipSync({ 'a.txt': strToU8('hello') }), 'other.docx')).toEqual({ error: 'is not a Word document (.docx): it has no word/document.xml' });
  });
});

describe('readOffice: OpenDocument', () => {
  it('reads paragraphs and headings, spaces and line breaks, leaving out notes and comments', () => {
    const content =
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:text="t"><office:automatic-styles><style:style/></office:automatic-styles><office:body><office:text>\n' +
      '  <text:h text:outline-level="1">A heading</text:h>\n  <text:p>Two<text:s text:c="3"/>words<text:note><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note> and<text:line-break/>a line.</text:p>\n' +
      '  <text:p><office:annotation><text:p>A comment.</text:p></office:annotation>Last.</text:p></office:text></office:body></office:document-content>';
    const meta = '<?xml version="1.0"?><office:document-meta xmlns:office="o" xmlns:meta="m" xmlns:dc="d"><office:meta><dc:title>An ODT</dc:title><meta:initial-creator>Ana</meta:initial-creator><meta:creation-date>2023-01-02T03:04:05</meta:creation-date></office:meta></office:document-meta>';
    const r = readOffice(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8(content), 'meta.xml': strToU8(meta) }), 'essay.odt');
    if ('error' in r) throw new Error(r.error);
    expect(r.text).toBe('A heading\n\nTwo words and\na line.\n\nLast.');
    expect(r.fields).toEqual({ title: 'An ODT', author: 'Ana', date: '2023-01-02' });
  });
});
