import { describe, expect, it } from 'vitest';
import { SeenDocuments, sameDocument } from '../../src/corpus/same-document.ts';
import type { CorpusDocument, DocMeta } from '../../src/corpus/types.ts';

const doc = (id: string, text: string, meta: Partial<DocMeta> = {}): CorpusDocument => ({
  meta: { id, title: null, outlet: null, author: null, date: null, language: 'en', provenance: '', source: `${id}.txt`, ...meta },
  original: text,
  text,
  edits: [],
  wordCount: 0,
});
const may = { value: '2021-05-04', precision: 'day', approximate: false } as const;

describe('sameDocument', () => {
  it('is the same cleaned text, however it is spaced, from the same outlet on the same date', () => {
    expect(sameDocument(doc('a', 'The river rose.\n\nThe town waited.'), doc('b', '  The river rose. The\ttown\u00a0waited. '))).toBe(true);
    expect(sameDocument(doc('a', 'Energiewende jetzt', { outlet: 'Süddeutsche', date: may }), doc('b', 'Energiewende jetzt', { outlet: 'süddeutsche ', date: { ...may } }))).toBe(true);
  });

  it('is not another text, nor the same words run together or apart', () => {
    expect(sameDocument(doc('a', 'The river rose.'), doc('b', 'The river rose!'))).toBe(false);
    expect(sameDocument(doc('a', 'the rapist'), doc('b', 'therapist'))).toBe(false);
  });

  it('is not the same story from another outlet or another day: that is reuse, not a copy', () => {
    const wire = 'The central bank raised rates by a quarter point on Thursday.';
    expect(sameDocument(doc('a', wire, { outlet: 'River Gazette', date: may }), doc('b', wire, { outlet: 'Valley Post', date: may }))).toBe(false);
    expect(sameDocument(doc('a', wire, { outlet: 'River Gazette', date: may }), doc('b', wire, { outlet: 'River Gazette', date: { ...may, value: '2021-05-05' } }))).toBe(false);
    expect(sameDocument(doc('a', wire, { outlet: 'River Gazette' }), doc('b', wire, { outlet: 'River Gazette', date: may }))).toBe(false);
  });
});

describe('SeenDocuments', () => {
  it('finds the document a new one repeats, among many, and nothing for a new text', () => {
    const seen = new SeenDocuments(Array.from({ length: 500 }, (_, i) => doc(`d${i}`, `Paragraph number ${i} of the archive.`)));
    expect(seen.find(doc('x', 'Paragraph number 317 of\nthe archive.'))?.meta.id).toBe('d317');
    expect(seen.find(doc('y', 'Paragraph number 500 of the archive.'))).toBeNull();
    seen.add(doc('y', 'Paragraph number 500 of the archive.'));
    expect(seen.find(doc('z', 'Paragraph number 500 of the archive.'))?.meta.id).toBe('y');
  });

  it('compares whole the texts that begin and end alike: a correction in the middle is another document', () => {
    const start = 'The council met on Tuesday. '.repeat(20);
    const end = 'Works begin next spring. '.repeat(20);
    const seen = new SeenDocuments([doc('first', `${start}The cost is 3 million.${end}`)]);
    expect(seen.find(doc('fixed', `${start}The cost is 4 million.${end}`))).toBeNull();
    expect(seen.find(doc('again', `${start}The cost is\n3 million.${end}`))?.meta.id).toBe('first');
  });

  it('finds each of many short texts of one length exactly', () => {
    const texts = Array.from({ length: 2000 }, (_, i) => i.toString(36).padStart(4, '0'));
    const seen = new SeenDocuments(texts.map((t) => doc(t, t)));
    for (const t of texts.slice(0, 50)) expect(seen.find(doc('n', t))?.meta.id).toBe(t);
    expect(seen.find(doc('n', 'zzzzz'))).toBeNull();
  });
});
