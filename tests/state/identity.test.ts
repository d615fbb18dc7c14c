import { describe, expect, it } from 'vitest';
import { documentIdentities, documentsOf, matchDocuments, moveRecord, type DocIdentity } from '../../src/state/identity.ts';
import { pairTarget, type StateRecord } from '../../src/state/records.ts';

const ids = (...pairs: [string, string][]): DocIdentity[] => documentIdentities(pairs.map(([id, text]) => ({ meta: { id }, text })));

describe('documentIdentities', () => {
  it('is the id and a hash of the text, the same for the same text', () => {
    const [a, b, c] = ids(['a', 'same'], ['b', 'same'], ['a', 'other']);
    expect(a!.id).toBe('a');
    expect(a!.hash).toBe(b!.hash);
    expect(a!.hash).not.toBe(c!.hash);
  });
});

describe('matchDocuments', () => {
  it('matches the same id and text, then the same text under another id, then the same id with a changed text', () => {
    const from = ids(['same', 'one'], ['renamed', 'two'], ['corrected', 'three'], ['gone', 'four']);
    const here = ids(['same', 'one'], ['new-name', 'two'], ['corrected', 'three, corrected'], ['unrelated', 'five']);
    const m = matchDocuments(from, here);
    expect([...m.ids]).toEqual([
      ['same', 'same'],
      ['renamed', 'new-name'],
      ['corrected', 'corrected'],
    ]);
    expect([m.byText, m.moved, m.byId]).toEqual([2, 1, 1]);
  });

  it('never gives one document here to two of the file, and prefers the exact match', () => {
    // Two documents of the file with one text; here, one of them exactly and a copy under a third name.
    const m = matchDocuments(ids(['x', 'twin'], ['y', 'twin']), ids(['y', 'twin'], ['z', 'twin']));
    expect([...m.ids]).toEqual([
      ['y', 'y'],
      ['x', 'z'],
    ]);
  });
});

describe('moveRecord', () => {
  const to = new Map([['old', 'new']]);
  it('moves every kind of record pointing at a document, and its comparison link', () => {
    const base = { rev: 1, updatedAt: 1 };
    const records: StateRecord[] = [
      { kind: 'doc', docId: 'old', position: 3, read: false, ...base } as StateRecord,
      { kind: 'note', id: 'n', target: pairTarget('old', 'b'), text: 't', createdAt: 1, ...base } as StateRecord,
      { kind: 'comparison', id: 'c', a: 'old', b: 'b', label: 'l', route: '#/compare/old/b', createdAt: 1, ...base },
    ];
    const moved = records.map((r) => moveRecord(r, to));
    expect(moved.map(documentsOf)).toEqual([['new'], ['b', 'new'], ['new', 'b']]);
    expect((moved[2] as { route: string }).route).toBe('#/compare/new/b');
    expect(moveRecord(records[0]!, new Map())).toBe(records[0]);
  });
});
