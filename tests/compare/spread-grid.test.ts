import { describe, expect, it } from 'vitest';
import { sortFamilies, spreadGrid } from '../../src/compare/spread-grid.ts';
import { cellKey } from '../../src/corpus/outlet-year.ts';
import { parseDocDate } from '../../src/corpus/metadata.ts';
import { family } from './fixtures.ts';

const docs = [
  { id: 'a', outlet: 'Daily', date: parseDocDate('2019-10') },
  { id: 'b', outlet: null, date: parseDocDate('2020') },
  { id: 'c', outlet: 'Daily', date: null },
];
const s = (doc: string) => ({ doc, start: 0, end: 1 });

describe('spreadGrid', () => {
  it('places families in outlet × year cells, unnamed outlets and undated last', () => {
    const g = spreadGrid(docs, [family('f', [s('a'), s('b')]), family('g', [s('a'), s('c')])]);
    expect(g.outlets).toEqual(['Daily', 'Outlet not named']);
    expect(g.years).toEqual(['2019', '2020', 'undated']);
    expect([...g.cells.get(cellKey('Daily', '2019'))!]).toEqual(['f', 'g']);
    expect([...g.familyCells.get('g')!]).toEqual([cellKey('Daily', '2019'), cellKey('Daily', 'undated')]);
  });
});

describe('sortFamilies', () => {
  const wide = { ...family('wide', [s('a'), s('b')], { a: '2019-10', b: '2020' }), spread: { first: { doc: 'a', date: '2019-10' }, outlets: ['x', 'y'], years: ['2019', '2020'] } };
  const big = { ...family('big', [s('a'), s('c'), s('c'), s('c')], { a: '2019-10' }), spread: { first: { doc: 'a', date: '2020' }, outlets: ['x'], years: ['2019'] } };
  const undated = { ...family('undated', [s('c'), s('c')]), spread: { first: null, outlets: ['x'], years: [] } };
  it('sorts by spread, size or first appearance', () => {
    expect(sortFamilies([big, undated, wide], 'spread').map((f) => f.id)).toEqual(['wide', 'big', 'undated']);
    expect(sortFamilies([wide, undated, big], 'size').map((f) => f.id)).toEqual(['big', 'wide', 'undated']);
    expect(sortFamilies([undated, big, wide], 'first').map((f) => f.id)).toEqual(['wide', 'big', 'undated']);
  });
});
