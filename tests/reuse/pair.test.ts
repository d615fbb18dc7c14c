import { describe, expect, it } from 'vitest';
import { DocPair, docColumnsOf } from '../../src/reuse/pair.ts';
import { prepared } from './fixtures.ts';

describe('DocPair', () => {
  it('reads both documents’ offsets and counts from the per-document columns', () => {
    const { docs } = prepared(['one two three', 'four five', 'six']);
    const pair = new DocPair(docs[0]!.corpus);
    const columns = docColumnsOf(docs);
    expect(Array.from(columns.contentCount)).toEqual([3, 2, 1]);
    expect(Array.from(columns.contentOffset)).toEqual([0, 3, 5]);
    pair.set(columns, 0, 2);
    expect([pair.docA, pair.offsetA, pair.countA, pair.docB, pair.offsetB, pair.countB, pair.same]).toEqual([0, 0, 3, 2, 5, 1, false]);
    pair.set(columns, 1, 1);
    expect([pair.offsetA, pair.countA, pair.offsetB, pair.same]).toEqual([3, 2, 3, true]);
  });
});
