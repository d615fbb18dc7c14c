import { describe, expect, it } from 'vitest';
import { documentKind, extensionOf, kindFromBytes, kindFromName } from '../../src/corpus/document-kinds.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('kindFromName', () => {
  it('names each kind by its extension, in any case', () => {
    expect(['a.txt', 'a.TEXT', 'a.md', 'a.markdown', 'a.html', 'a.HTM', 'a.xhtml', 'a.xml', 'a.docx', 'a.odt', 'a.rtf', 'a.epub', 'a.PDF', 'a.mhtml', 'a.MHT'].map(kindFromName)).toEqual(['text', 'text', 'text', 'text', 'html', 'html', 'html', 'tei', 'office', 'office', 'rtf', 'epub', 'pdf', 'mhtml', 'mhtml']);
    expect(['a.pages', 'a.csv', 'a.txt.bak', 'README', 'Mr. Smith'].map(kindFromName)).toEqual([null, null, null, null, null]);
    expect(kindFromName('old.DOC')).toBe('word97');
  });

  it('takes an extension as letters and digits after the last dot, nothing else', () => {
    expect(['speech', 'Mr. Smith speech', 'a.b.TXT', '2019.10.25 speech', 'x.md5'].map(extensionOf)).toEqual(['', '', 'txt', '', 'md5']);
  });
});

describe('kindFromBytes', () => {
  it('finds a page or XML whatever the name, after a byte-order mark and blank lines', () => {
    expect(kindFromBytes(enc('\ufeff\n\n<!DOCTYPE html>\n<html>'), false)).toBe('html');
    expect(kindFromBytes(enc('<html lang="fr"><head>'), false)).toBe('html');
    expect(kindFromBytes(enc('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">'), false)).toBe('tei');
    expect(kindFromBytes(enc('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'), false)).toBe('html');
    const xhtml = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html>';
    expect(kindFromBytes(enc(xhtml).subarray(0, 128), false)).toBe('html');
  });

  it('takes other text only for a name without an extension, and never a binary format', () => {
    expect(kindFromBytes(enc('Friends, we meet today.'), true)).toBe('text');
    expect(kindFromBytes(enc('Friends, we meet today.'), false)).toBeNull();
    expect(kindFromBytes(enc('%PDF-1.7'), true)).toBeNull();
    expect(kindFromBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), true)).toBeNull();
  });
});

describe('documentKind', () => {
  it('lets RTF and OpenDocument bytes win over the name (Word saves RTF as .doc)', () => {
    expect(documentKind('letter.doc', enc('{\\rtf1\\ansi Dear'))).toBe('rtf');
    expect(documentKind('letter.txt', enc('{\\rtf1\\ansi Dear'))).toBe('rtf');
    expect(documentKind('download.php', enc('%PDF-1.7\n'))).toBe('pdf');
    const odt = new Uint8Array(100);
    odt.set([0x50, 0x4b, 0x03, 0x04]);
    odt.set(enc('mimetypeapplication/vnd.oasis.opendocument.text'), 30);
    expect(documentKind('essay', odt)).toBe('office');
  });

  it('keeps the name\'s kind otherwise, and sniffs only what the name leaves open', () => {
    expect(documentKind('page.txt', enc('<!DOCTYPE html><html>'))).toBe('text');
    expect(documentKind('story.cms', enc('<!DOCTYPE html><html>'))).toBe('html');
    expect(documentKind('notes.json', enc('{"a": 1}'))).toBeNull();
    expect(documentKind('pg1342', enc('The Project Gutenberg eBook of Pride and Prejudice'))).toBe('text');
  });
});
