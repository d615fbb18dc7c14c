import { describe, expect, it } from 'vitest';
import { jsonRows } from '../../src/importer/json-records.ts';

describe('jsonRows', () => {
  it('makes a header of every key in the order first met, and cells of scalars and lists', () => {
    const r = jsonRows(JSON.stringify([{ title: 'A', tags: ['x', 'y'], n: 3 }, { text: 'T', title: 'B', ok: true, deep: { a: { b: 1 } }, none: null }]), false);
    expect(r).toEqual({
      rows: [
        ['title', 'tags', 'n', 'text', 'ok'],
        ['A', 'x, y', '3', '', ''],
        ['B', '', '', 'T', 'true'],
      ],
      badLines: [],
    });
  });

  it('takes a nested object’s scalar fields where no top-level field has the name, and one object as one document', () => {
    const r = jsonRows(JSON.stringify({ meta: { title: 'M', text: 'hidden' }, text: 'Top' }), false);
    expect(r).toEqual({ rows: [['text', 'title'], ['Top', 'M']], badLines: [] });
  });
});
