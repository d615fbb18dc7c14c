import { describe, expect, it } from 'vitest';
import { cellBasis, yearCellLabel } from '../../../src/ui/trends/labels.ts';

const cell = (key: string, docs: number, words: number, estimated: number) => ({ key, docs, words, estimated });

describe('yearCellLabel', () => {
  it('marks a year whose every date is estimated, and names undated', () => {
    expect(yearCellLabel(cell('2019', 2, 100, 0))).toBe('2019');
    expect(yearCellLabel(cell('2020', 1, 100, 1))).toBe('~2020');
    expect(yearCellLabel(cell('2021', 3, 100, 1))).toBe('2021');
    expect(yearCellLabel(cell('undated', 1, 100, 0))).toBe('Undated');
  });
});

describe('cellBasis', () => {
  it('gives documents and words with the right number, and says which dates are estimated', () => {
    expect(cellBasis(cell('2022', 1, 745, 0), 'year')).toBe('1 document · 745 words');
    expect(cellBasis(cell('2020', 1, 1203, 1), 'year')).toBe('1 document · 1,203 words · date estimated');
    expect(cellBasis(cell('2021', 3, 1, 1), 'year')).toBe('3 documents · 1 word · 1 of 3 dates estimated');
    expect(cellBasis(cell('Daily', 2, 10, 1), 'outlet')).toBe('2 documents · 10 words');
  });
});
