import { describe, expect, it } from 'vitest';
import { readClusterRecord, readPairRecord, readTextPairRecord, recordKind } from '../../src/interop/records.ts';

describe('recordKind', () => {
  it('tells passim clusters, passim 1 and 2 pairs and TextPAIR alignments apart by their fields', () => {
    expect(recordKind({ cluster: 1, begin: 0, end: 4, id: 'a' })).toBe('cluster');
    expect(recordKind({ uid: 1, uid2: 2, begin: 0, end: 4, begin2: 0, end2: 4 })).toBe('pair');
    expect(recordKind({ id1: 'a', id2: 'b', begin1: 0, end1: 4, begin2: 0, end2: 4 })).toBe('pair');
    expect(recordKind({ source_doc_id: 'a', target_doc_id: 'b' })).toBe('textpair');
    expect(recordKind({ id: 'a', text: 'a document' })).toBeNull();
  });
});

describe('readClusterRecord', () => {
  it('reads passim 2’s fields, its sources as a list whatever their form', () => {
    const r = readClusterRecord({ cluster: 7, id: 'a', begin: 3, end: 9, text: 'phrase', uid: 11, boiler: true, pboiler: 0.5, src: { uid: 2, begin: 0, end: 6 } });
    expect(r).toEqual({ cluster: '7', doc: 'a', begin: 3, end: 9, text: 'phrase', uid: 11, boiler: true, pboiler: 0.5, src: [{ uid: 2, begin: 0, end: 6 }] });
  });

  it('says which field is wrong and what it held', () => {
    expect(readClusterRecord({ cluster: 1, id: 'a', begin: 30, end: 10 })).toBe('"end" (10) is before "begin" (30)');
    expect(readClusterRecord({ cluster: 1, id: 'a', begin: 3, end: 3 })).toBe('the passage is empty ("begin" = "end" = 3)');
    expect(readClusterRecord({ cluster: 1, id: 'a', begin: -1, end: 3 })).toBe('"begin" must be a whole number ≥ 0, got -1');
    expect(readClusterRecord({ cluster: 1, begin: 0, end: 3 })).toBe('"id" must name a document, got nothing');
    expect(readClusterRecord({ cluster: '', id: 'a', begin: 0, end: 3 })).toBe('"cluster" must be a number or a name, got ""');
  });
});

describe('readPairRecord', () => {
  it('reads both spellings: passim 2 (begin, begin2) and passim 1 (begin1, begin2)', () => {
    const two = readPairRecord({ id: 'a', id2: 'b', begin: 0, end: 5, begin2: 10, end2: 15, s1: 'x-y', s2: 'x y' });
    expect(two).toEqual({ docA: 'a', docB: 'b', beginA: 0, endA: 5, beginB: 10, endB: 15, s1: 'x-y', s2: 'x y' });
    const one = readPairRecord({ id1: 'a', id2: 'b', begin1: 0, end1: 5, begin2: 10, end2: 15 });
    expect(one).toEqual({ docA: 'a', docB: 'b', beginA: 0, endA: 5, beginB: 10, endB: 15, s1: null, s2: null });
  });
});

describe('readTextPairRecord', () => {
  it('reads byte offsets, files and passages of both sides', () => {
    const r = readTextPairRecord({ source_doc_id: 1, target_doc_id: 'b', source_start_byte: 0, source_end_byte: 8, target_start_byte: 4, target_end_byte: 12, source_filename: '/t/a.txt', source_passage: 'a phrase' });
    expect(r).toEqual({ docA: '1', docB: 'b', fileA: '/t/a.txt', fileB: null, startA: 0, endA: 8, startB: 4, endB: 12, passageA: 'a phrase', passageB: null });
    expect(readTextPairRecord({ source_doc_id: 'a', target_doc_id: 'b', source_start_byte: 0, source_end_byte: 8, target_start_byte: 4 })).toBe('"target_end_byte" must be a whole number ≥ 0, got nothing');
  });
});
