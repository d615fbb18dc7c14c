import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/corpus/assemble.ts';
import { readFileText } from '../../src/corpus/file-text.ts';
import { importItem } from '../../src/importer/read.ts';
import { lit, paragraphAt, simpleDocument } from './pdf/sample-pdf.ts';
import { epub } from './sample-epub.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const BODY = 'The river council met on Tuesday to discuss the new bridge.\n\nResidents asked about the cost and the timetable for the works.';

const docx = zipSync({
  'word/document.xml': strToU8(`<w:document xmlns:w="w"><w:body>${BODY.split('\n\n').map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`),
  'docProps/core.xml': strToU8('<cp:coreProperties xmlns:cp="x" xmlns:dc="d"><dc:title>Bridge</dc:title><dc:creator>Ann Lee</dc:creator></cp:coreProperties>'),
});

/** A PDF as producers draw one: a line at a time, a word at a time, its document information stating title and author. */
const pdf = simpleDocument(
  [paragraphAt(72, 700, ['The river council met on Tuesday to discuss', 'the new bridge.']) + paragraphAt(72, 670, ['Residents asked about the cost and the', 'timetable for the works.'])],
  { extra: [{ body: `<< /Title ${lit('Bridge')} /Author ${lit('Ann Lee')} >>` }], trailer: '/Info 6 0 R' },
);

/** One document of every kind, each stating title "Bridge" where its format can. */
const FILES: Array<[name: string, bytes: Uint8Array, kind: string]> = [
  ['bridge.txt', enc(BODY), 'text'],
  ['bridge.md', enc(`---\ntitle: Bridge\nauthor: Ann Lee\n---\n${BODY}`), 'text'],
  ['bridge.html', enc(`<!DOCTYPE html><html><head><title>Bridge</title><meta name="author" content="Ann Lee"></head><body><article><p>${BODY.replace('\n\n', '</p><p>')}</p></article></body></html>`), 'html'],
  ['bridge.xml', enc(`<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Bridge</title><author>Ann Lee</author></titleStmt></fileDesc></teiHeader><text><body><p>${BODY.replace('\n\n', '</p><p>')}</p></body></text></TEI>`), 'tei'],
  ['bridge.docx', docx, 'office'],
  ['bridge.rtf', enc(`{\\rtf1\\ansi{\\info{\\title Bridge}{\\author Ann Lee}}${BODY.replace('\n\n', '\\par\n')}}`), 'rtf'],
  ['bridge.pdf', pdf, 'pdf'],
  ['bridge', enc(BODY), 'text'],
  ['bridge.cms', enc(`<!DOCTYPE html><html><head><title>Bridge</title><meta name="author" content="Ann Lee"></head><body><article><p>${BODY.replace('\n\n', '</p><p>')}</p></article></body></html>`), 'html'],
];

describe('readFileText', () => {
  it.each(FILES)('reads %s as its kind, with the text and the metadata it states', (name, bytes, kind) => {
    const r = readFileText({ path: `in/${name}`, name, bytes });
    expect(r.kind).toBe(kind);
    expect(r.original.trim()).toBe(BODY);
    if (name !== 'bridge.txt' && name !== 'bridge') expect(r.fields).toMatchObject({ title: 'Bridge', author: 'Ann Lee' });
    expect(r.provenance).toContain(`in/${name}`);
  });

  it('reads XHTML saved as .xml as a page', () => {
    const r = readFileText({ path: 'p.xml', name: 'p.xml', bytes: enc(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Bridge</title></head><body><p>${BODY}</p></body></html>`) });
    expect([r.kind, r.fields['title']]).toEqual(['html', 'Bridge']);
  });

  it('reads an EPUB book as one document', () => {
    const r = readFileText({ path: 'book.epub', name: 'book.epub', bytes: epub() });
    expect(r).toMatchObject({ kind: 'epub', fields: { title: 'The River Papers' }, decoded: null });
  });

  it('refuses a name it does not read, and a file with no text, naming the file', () => {
    expect(() => readFileText({ path: 'a.json', name: 'a.json', bytes: enc('{"a": 1}') })).toThrow(/^a\.json: is not a \.txt, \.md, \.html/);
    expect(() => readFileText({ path: 'e.md', name: 'e.md', bytes: enc('---\ntitle: x\n---\n \n') })).toThrow('e.md: has front matter but no text after it');
    expect(() => readFileText({ path: 'e.html', name: 'e.html', bytes: enc('<html><body><img src=x></body></html>') })).toThrow('e.html: has no text (only blank space or markup)');
    expect(() => readFileText({ path: 'e.txt', name: 'e.txt', bytes: new Uint8Array(0) })).toThrow('e.txt: is empty (0 bytes)');
  });
});

describe('the build and the import read a file alike', () => {
  it.each(FILES)('%s', (name, bytes) => {
    const built = readDocument({ path: name, name, bytes }).doc;
    const imported = importItem({ kind: 'file', path: name, name, bytes }, new Set());
    if (!imported.ok) throw new Error(imported.reason);
    expect(imported.doc.original).toBe(built.original);
    expect(imported.doc.text).toBe(built.text);
    expect([imported.doc.meta.title, imported.doc.meta.author]).toEqual([built.meta.title, built.meta.author]);
  });
});
