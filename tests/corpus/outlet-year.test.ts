import { describe, expect, it } from 'vitest';
import { parseDocDate } from '../../src/corpus/metadata.ts';
import {
  cellKey,
  compareIds,
  compareOutlets,
  compareYears,
  fromOutlets,
  OUTLET_NOT_NAMED,
  outletKey,
  outletYearGrid,
  splitCellKey,
  UNDATED,
  yearKey,
  yearLabel,
} from '../../src/corpus/outlet-year.ts';

const doc = (id: string, outlet: string | null, date: string | null) => ({ id, outlet, date: date ? parseDocDate(date) : null });

describe('compareIds', () => {
  it('orders by UTF-16 code units, not by locale', () => {
    expect(['b', 'B', 'a', 'é', 'A', '10', '9'].sort(compareIds)).toEqual(['10', '9', 'A', 'B', 'a', 'b', 'é']);
    expect(compareIds('x', 'x')).toBe(0);
  });
});

describe('outletKey and yearKey', () => {
  it('give unnamed outlets and undated documents a key of their own', () => {
    expect(outletKey(doc('a', null, null))).toBe(OUTLET_NOT_NAMED);
    expect(yearKey(doc('a', null, null))).toBe(UNDATED);
    expect(yearKey(doc('a', 'X', '~2020-11'))).toBe('2020');
    expect(yearKey(doc('a', 'X', '2019-10-25'))).toBe('2019');
  });
});

describe('compareOutlets', () => {
  it('sorts by name, case-insensitively, with the unnamed outlet last', () => {
    expect(['YCPress', OUTLET_NOT_NAMED, 'china Daily', 'Asia Times'].sort(compareOutlets)).toEqual(['Asia Times', 'china Daily', 'YCPress', OUTLET_NOT_NAMED]);
  });
  it('is total: names equal but for case still have one order', () => {
    expect(compareOutlets('Daily', 'daily')).not.toBe(0);
    expect(Math.sign(compareOutlets('Daily', 'daily'))).toBe(-Math.sign(compareOutlets('daily', 'Daily')));
  });
});

describe('compareYears', () => {
  it('sorts years ascending with undated last', () => {
    expect([UNDATED, '2022', '1999', '2019'].sort(compareYears)).toEqual(['1999', '2019', '2022', UNDATED]);
  });
});

describe('cellKey and splitCellKey', () => {
  it('round-trip outlets with any characters', () => {
    expect(splitCellKey(cellKey('A, B: "C"', UNDATED))).toEqual({ outlet: 'A, B: "C"', year: UNDATED });
  });
});

describe('yearLabel', () => {
  it('writes undated as a heading', () => {
    expect(yearLabel(UNDATED)).toBe('Undated');
    expect(yearLabel('2019')).toBe('2019');
  });
});

describe('outletYearGrid', () => {
  const docs = [doc('c', 'Daily', null), doc('a', 'Daily', '2019-10'), doc('b', null, '2020'), doc('d', 'Daily', '2019')];
  it('lays items out by outlet and year, unnamed and undated last, keeping their order in a cell', () => {
    const grid = outletYearGrid(docs, (d) => d);
    expect(grid.outlets).toEqual(['Daily', OUTLET_NOT_NAMED]);
    expect(grid.years).toEqual(['2019', '2020', UNDATED]);
    expect(grid.cell('Daily', '2019').map((d) => d.id)).toEqual(['a', 'd']);
    expect(grid.cell('Daily', UNDATED).map((d) => d.id)).toEqual(['c']);
    expect(grid.cell(OUTLET_NOT_NAMED, '2020').map((d) => d.id)).toEqual(['b']);
    expect(grid.cell('Nobody', '2019')).toEqual([]);
  });
  it('has no undated column when every item is dated', () => {
    expect(outletYearGrid([doc('a', 'X', '2021')], (d) => d).years).toEqual(['2021']);
  });
});

describe('fromOutlets', () => {
  it('counts the outlets named, never an unnamed one as an outlet', () => {
    expect(fromOutlets(['Daily A', 'Post B', 'Daily A'])).toBe('from 2 outlets');
    expect(fromOutlets(['Daily A'])).toBe('from 1 outlet');
    expect(fromOutlets([null, null])).toBe('naming no outlet');
    expect(fromOutlets(['Daily A', null])).toBe('from 1 outlet (1 document names none)');
    expect(fromOutlets(['Daily A', null, null])).toBe('from 1 outlet (2 documents name none)');
  });
});
