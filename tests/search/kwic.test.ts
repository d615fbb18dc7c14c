import { describe, expect, it } from 'vitest';
import { kwicLine, sortKwic } from '../../src/search/kwic.ts';
import type { SearchDoc } from '../../src/search/types.ts';

const doc = (id: string, text: string, outlet: string | null = null, year?: string): SearchDoc => ({
  id,
  title: id,
  outlet,
  date: year ? { value: year, precision: 'year', approximate: false } : null,
  text,
});

describe('kwicLine', () => {
  it('cuts context to the width and collapses whitespace', () => {
    const d = doc('a', 'one two\n\nthree KEY four  five six');
    const i = d.text.indexOf('KEY');
    const line = kwicLine(d, { doc: 'a', start: i, end: i + 3 }, 6);
    expect(line.left).toBe('three ');
    expect(line.keyword).toBe('KEY');
    expect(line.right).toBe(' four ');
  });

  it('never splits a surrogate pair in Chinese context', () => {
    const d = doc('z', '𠀋𠀋网络空间𠀋𠀋');
    const i = d.text.indexOf('网络');
    const line = kwicLine(d, { doc: 'z', start: i, end: i + 4 }, 3);
    expect(line.left).toBe('𠀋');
    expect(line.right).toBe('𠀋');
  });
});

describe('sortKwic', () => {
  const docs = [doc('a', 'zeta key alpha', 'Beta', '2020'), doc('b', 'alpha key zeta', 'Alpha', '2019'), doc('c', 'mid key mid')];
  const lines = docs.map((d) => kwicLine(d, { doc: d.id, start: d.text.indexOf('key'), end: d.text.indexOf('key') + 3 }, 20));
  it('sorts by the nearest left word, the right word, outlet and date', () => {
    expect(sortKwic(lines, 'left').map((l) => l.doc)).toEqual(['b', 'c', 'a']);
    expect(sortKwic(lines, 'right').map((l) => l.doc)).toEqual(['a', 'c', 'b']);
    expect(sortKwic(lines, 'outlet').map((l) => l.doc)).toEqual(['b', 'a', 'c']);
    expect(sortKwic(lines, 'date').map((l) => l.doc)).toEqual(['b', 'a', 'c']);
  });
});
