import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/types.ts';
import { analysisCacheKey, byDocId, toAnalysisDocs, type AnalysisDoc } from '../../src/worker/protocol.ts';

const date = (value: string, approximate = false) => ({ value, precision: 'year' as const, approximate });
const doc = (id: string, outlet: string | null, d: ReturnType<typeof date> | null): AnalysisDoc => ({ id, title: null, outlet, date: d, language: 'en', text: `text of ${id}` });

describe('toAnalysisDocs', () => {
  it('keeps what the worker reads of a document and leaves its original and edits behind', () => {
    const full = { meta: { id: 'a', title: 'T', outlet: 'O', author: 'Ann', date: date('2020'), language: 'en', provenance: 'p', source: 's' }, original: 'raw', text: 'clean', edits: [], wordCount: 1 } as unknown as CorpusDocument;
    expect(toAnalysisDocs([full])).toEqual([{ id: 'a', title: 'T', outlet: 'O', date: date('2020'), language: 'en', text: 'clean' }]);
  });
});

describe('byDocId', () => {
  it('orders by code units, whatever the locale, without changing its input', () => {
    const docs = [doc('b', null, null), doc('É', null, null), doc('B', null, null), doc('a', null, null)];
    expect(byDocId(docs).map((d) => d.id)).toEqual(['B', 'a', 'b', 'É']);
    expect(docs.map((d) => d.id)).toEqual(['b', 'É', 'B', 'a']);
  });
});

describe('analysisCacheKey', () => {
  const docs = [doc('a', 'Herald', date('2019')), doc('b', null, null)];
  const key = analysisCacheKey('hash1', docs);

  it('starts with the content hash, and is the same for the same documents', () => {
    expect(key.startsWith('hash1.')).toBe(true);
    expect(analysisCacheKey('hash1', docs.map((d) => ({ ...d })))).toBe(key);
    expect(analysisCacheKey('hash2', docs)).not.toBe(key);
  });

  it('changes when metadata the engine reads changes: an outlet, a date, a date made approximate, the declared language', () => {
    const edited = (change: Partial<AnalysisDoc>) => analysisCacheKey('hash1', [{ ...docs[0]!, ...change }, docs[1]!]);
    const keys = [key, edited({ outlet: 'Courier' }), edited({ outlet: null }), edited({ date: date('2020') }), edited({ date: date('2019', true) }), edited({ date: null }), edited({ language: 'de' })];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not let one field run into the next', () => {
    expect(analysisCacheKey('h', [doc('ab', 'c', null)])).not.toBe(analysisCacheKey('h', [doc('a', 'bc', null)]));
  });
});
