import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, addDocuments, cleanName, docKey, freeId, infoKey, validDoc, validInfo, type CorpusInfo, type StoredDoc } from '../../src/state/corpora-records.ts';

const info = (docIds: string[] = [], bytes = 0): CorpusInfo => ({ key: 'k', name: 'n', createdAt: 1, updatedAt: 1, docIds, bytes, deleted: false });
const doc = (id: string, bytes: number) => ({ doc: { meta: { id }, text: '', original: '', edits: [] }, bytes }) as unknown as StoredDoc;

describe('keys', () => {
  it('escape keys and ids, so one corpus’s or document’s id cannot reach another’s record', () => {
    expect(infoKey('a/b')).toBe('c/a%2Fb');
    expect(docKey('a', 'x/y')).toBe('d/a/x%2Fy');
    expect(docKey('a/x', 'y')).not.toBe(docKey('a', 'x/y'));
  });
});

describe('validInfo and validDoc', () => {
  it('take what has the shape, as a copy, and nothing else', () => {
    const stored = info(['d1']);
    const read = validInfo(stored);
    expect(read).toEqual(stored);
    expect(read!.docIds).not.toBe(stored.docIds);
    expect(validInfo({ ...stored, docIds: [1] })).toBeNull();
    expect(validInfo({ ...stored, deleted: 'no' })).toBeNull();
    expect(validDoc(doc('d', 3))).not.toBeNull();
    expect(validDoc({ bytes: 3, doc: { meta: {}, text: 'x' } })).toBeNull();
  });
});

describe('addDocuments', () => {
  it('lists new ids at the end and counts a replaced document’s bytes once', () => {
    const i = info(['a'], 10);
    addDocuments(i, [doc('a', 4), doc('b', 5)], (id) => (id === 'a' ? 10 : undefined));
    expect(i).toMatchObject({ docIds: ['a', 'b'], bytes: 9 });
  });
});

describe('freeId', () => {
  it('is the first numbered id not taken', () => {
    expect(freeId('a', new Set(['a']))).toBe('a-2');
    expect(freeId('a', new Set(['a', 'a-2', 'a-3']))).toBe('a-4');
  });
});

describe('cleanName', () => {
  it('keeps one line, at most MAX_NAME_LENGTH, never empty', () => {
    expect(cleanName('  My\n\ttexts ')).toBe('My texts');
    expect(cleanName('x'.repeat(MAX_NAME_LENGTH + 5))).toHaveLength(MAX_NAME_LENGTH);
    expect(cleanName('   ')).toBe('Untitled corpus');
  });
});
