import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.ts';
import { parseTerm } from '../../src/search/query.ts';
import type { SearchDoc } from '../../src/search/types.ts';
import { trendsFor } from '../../src/trends/analyse.ts';
import { countTrend, groupDocs, rate } from '../../src/trends/counts.ts';

const d = (id: string, outlet: string | null, date: string | null, text: string): SearchDoc => ({
  id,
  title: id,
  outlet,
  date: date ? { value: date, precision: date.length === 4 ? 'year' : 'day', approximate: false } : null,
  text,
});
const DOCS = [
  d('a', 'X', '2019-05-01', 'divide divide other words here'),
  d('b', 'X', '2019', 'one divide'),
  d('c', 'Y', '2020-01-01', 'nothing'),
  d('u', 'Y', null, 'divide'),
];

describe('groupDocs', () => {
  it('orders years ascending with undated last and sums words', () => {
    const g = groupDocs(DOCS, [5, 2, 1, 1]);
    expect(g.years).toEqual(['2019', '2020', 'undated']);
    expect(g.byYear.words.get('2019')).toBe(7);
    expect(g.byOutlet.words.get('Y')).toBe(2);
    expect(g.byYear.docs.get('2019')).toBe(2);
  });
  it('counts the documents whose date is an estimate, per cell', () => {
    const approx = { ...d('e', 'X', '2020', 'x'), date: { value: '2020', precision: 'year' as const, approximate: true } };
    const g = groupDocs([...DOCS, approx], [5, 2, 1, 1, 1]);
    expect(g.byYear.estimated.get('2020')).toBe(1);
    expect(g.byYear.docs.get('2020')).toBe(2);
    expect(g.byYear.estimated.get('2019')).toBeUndefined();
    expect(g.byOutlet.estimated.get('X')).toBe(1);
  });
});

describe('countTrend', () => {
  it('counts year-precision dates in their year and undated apart, with rates per 10,000 words', () => {
    const engine = new SearchEngine(DOCS);
    const t = trendsFor(engine, [{ term: 'divide', query: parseTerm('divide') }]).terms[0]!;
    expect(t.total).toBe(4);
    expect(t.byYear.map((c) => [c.key, c.count, c.docsWith])).toEqual([
      ['2019', 3, 2],
      ['2020', 0, 0],
      ['undated', 1, 1],
    ]);
    expect(t.byYear[0]!.rate).toBeCloseTo((3 / 7) * 10_000);
    expect(t.byOutlet.map((c) => [c.key, c.count])).toEqual([
      ['X', 3],
      ['Y', 1],
    ]);
  });
  it('gives zero rates for empty cells, and an error for unsearchable terms', () => {
    expect(rate(3, 0)).toBe(0);
    const engine = new SearchEngine(DOCS);
    expect(trendsFor(engine, [{ term: 'the', query: parseTerm('the') }]).terms[0]!.error).toMatch(/common words/);
    expect(countTrend('x', [], DOCS, groupDocs(DOCS, [1, 1, 1, 1])).total).toBe(0);
  });
});
