import { describe, expect, it } from 'vitest';
import { assembleCorpus, isDocumentFile, readDocument, type SourceFile } from '../../src/corpus/assemble.ts';
import { CorpusError } from '../../src/corpus/metadata.ts';

const enc = new TextEncoder();
const file = (name: string, text: string, sidecar?: unknown): SourceFile => ({ path: `corpus/${name}`, name, bytes: enc.encode(text), ...(sidecar === undefined ? {} : { sidecar }) });
const BODY = 'The river council met on Tuesday to discuss the new bridge and the cost of the works.';

describe('isDocumentFile', () => {
  it('knows the document extensions, whatever their case', () => {
    expect(['a.txt', 'b.MD', 'c.markdown', 'd.html', 'e.HTM'].every(isDocumentFile)).toBe(true);
    expect(['notes.json', 'a.meta.json', 'b.pages', 'txt'].some(isDocumentFile)).toBe(false);
  });
});

describe('readDocument', () => {
  it('reads front matter, then a sidecar over it, and counts the cleaned text’s words', () => {
    const sidecar = { title: 'The bridge, again', outlet: 'Post B', author: null, date: '2020-05', language: 'en', provenance: null };
    const { doc } = readDocument(file('bridge-story.md', `---\ntitle: The bridge\nauthor: Ann Lee\n---\n${BODY}\n`, sidecar));
    expect(doc.meta).toMatchObject({ id: 'bridge-story', title: 'The bridge, again', outlet: 'Post B', author: null });
    expect(readDocument(file('bridge-story.md', `---\ntitle: The bridge\nauthor: Ann Lee\n---\n${BODY}\n`)).doc.meta).toMatchObject({ title: 'The bridge', author: 'Ann Lee' });
    expect(doc.text).toBe(BODY);
    expect(doc.wordCount).toBe(17);
  });

  it('reads an HTML page’s own text and headline', () => {
    const { doc } = readDocument(file('page.html', `<html><head><title>Bridge costs</title></head><body><article><h1>Bridge costs</h1><p>${BODY}</p></article></body></html>`));
    expect(doc.meta.title).toBe('Bridge costs');
    expect(doc.text).toContain(BODY);
  });

  it('refuses an empty file, naming it', () => {
    expect(() => readDocument(file('empty.txt', '---\ntitle: Nothing\n---\n  \n'))).toThrow(CorpusError);
    expect(() => readDocument(file('empty.txt', '   '))).toThrow(/corpus\/empty\.txt: has no text/);
  });
});

describe('assembleCorpus', () => {
  it('sorts documents by id and names the corpus by its content', () => {
    const a = assembleCorpus('c', [file('b.txt', BODY), file('a.txt', `${BODY} Again.`)]);
    expect(a.documents.map((d) => d.meta.id)).toEqual(['a', 'b']);
    const same = assembleCorpus('other name', [file('a.txt', `${BODY} Again.`), file('b.txt', BODY)]);
    expect(same.id).toBe(a.id);
    expect(assembleCorpus('c', [file('a.txt', BODY), file('b.txt', BODY)]).id).not.toBe(a.id);
  });

  it('refuses two documents with one id, and a corpus without documents', () => {
    expect(() => assembleCorpus('c', [file('a.txt', BODY), file('b.txt', BODY, { id: 'a', title: null, outlet: null, author: null, date: null, language: 'en', provenance: null })])).toThrow(/duplicate id "a"/);
    expect(() => assembleCorpus('c', [])).toThrow(/has no \.txt, \.md, \.html, .* documents/);
  });
});
