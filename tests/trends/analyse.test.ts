import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.ts';
import { parseTerm } from '../../src/search/query.ts';
import type { SearchDoc } from '../../src/search/types.ts';
import { countTermsByGroup, distinctiveFor, MAX_TREND_TERMS, trendsFor } from '../../src/trends/analyse.ts';
import { SIGNIFICANT_G2 } from '../../src/trends/distinctive.ts';

const doc = (id: string, outlet: string | null, year: string | null, text: string): SearchDoc => ({
  id,
  title: id,
  outlet,
  date: year ? { value: year, precision: 'year', approximate: false } : null,
  text,
});

const DOCS = [
  doc('a', 'Herald', '2021', 'The river rose and the river bridge closed.'),
  doc('b', 'Herald', '2019', 'Bridge tolls rose again.'),
  doc('c', 'Courier', null, 'The river council met about the bridge.'),
  doc('d', null, '2019', 'Rain and more rain on the river.'),
];

/** Term counts with each document's language as the search index read it. */
const counted = (docs: readonly SearchDoc[]) => {
  const engine = new SearchEngine(docs);
  return countTermsByGroup(docs, (i) => engine.languageOf(i));
};

describe('trendsFor', () => {
  const engine = new SearchEngine(DOCS);
  const terms = (...ts: string[]) => ts.map((term) => ({ term, query: parseTerm(term) }));

  it('counts each term per outlet and per year over the same outlets and years', () => {
    const r = trendsFor(engine, terms('river', 'bridge'));
    expect(r.terms.map((t) => [t.term, t.total, t.error])).toEqual([
      ['river', 4, null],
      ['bridge', 3, null],
    ]);
    expect(r.years).toEqual(['2019', '2021', 'undated']);
    expect(r.outlets).toHaveLength(3);
    for (const t of r.terms) expect(t.byYear.map((c) => c.key)).toEqual(r.years);
  });

  it('keeps a term it cannot search, with why, and counts it as zero', () => {
    const [stop, empty] = trendsFor(engine, [...terms('the'), { term: '', query: { ...parseTerm('river'), forms: [] } }]).terms;
    expect(stop!.error).toMatch(/common words/);
    expect(empty!.error).toBe('Nothing to count.');
    expect([stop!.total, empty!.total]).toEqual([0, 0]);
    expect(empty!.byYear.map((c) => c.count)).toEqual([0, 0, 0]);
  });

  it(`compares at most ${MAX_TREND_TERMS} terms`, () => {
    const many = Array.from({ length: MAX_TREND_TERMS + 3 }, (_, i) => `river${i}`);
    expect(trendsFor(engine, terms(...many)).terms.map((t) => t.term)).toEqual(many.slice(0, MAX_TREND_TERMS));
  });
});

describe('countTermsByGroup', () => {
  it('adds every document into its outlet and its year, so each grouping holds all the words', () => {
    const c = counted(DOCS);
    const total = (m: Map<string, { total: number }>) => [...m.values()].reduce((n, x) => n + x.total, 0);
    expect(total(c.outlet)).toBe(total(c.year));
    expect(total(c.outlet)).toBeGreaterThan(0);
    expect([...c.year.keys()].sort()).toEqual(['2019', '2021', 'undated']);
    const river = [...c.labels].find(([, label]) => label === 'river')![0];
    expect(c.year.get('2019')!.counts.get(river)).toBe(1);
    expect(c.year.get('2021')!.counts.get(river)).toBe(2);
    expect(c.outlet.get('Herald')!.counts.get(river)).toBe(2);
  });
});

describe('distinctiveFor', () => {
  it('counts stems per outlet, names the measure, and leaves out stopwords', () => {
    const docs = [
      { id: '1', title: null, outlet: 'A', date: null, text: 'the sovereignty sovereignties sovereignty of the state state state' },
      { id: '2', title: null, outlet: 'B', date: null, text: 'the inclusive inclusive inclusive growth growth growth of trade' },
    ];
    const r = distinctiveFor(counted(docs), 'outlet');
    expect(r.measure).toMatch(/G²/);
    expect(r.threshold).toBe(SIGNIFICANT_G2);
    const a = r.groups.find((g) => g.key === 'A')!;
    expect(a.terms.map((t) => t.term)).toContain('sovereignty');
    expect(a.terms.flatMap((t) => t.term)).not.toContain('the');
  });
});

describe('distinctiveFor in French', () => {
  it('counts French stems and leaves out French function words', () => {
    const docs = [
      doc('1', 'A', null, 'Les oiseaux et les oiseaux de la vallée sont dans les champs, et un oiseau chante.'),
      doc('2', 'B', null, 'Les trains et les trains de la ville sont dans les gares, et le train part.'),
    ];
    const a = distinctiveFor(counted(docs), 'outlet').groups.find((g) => g.key === 'A')!;
    expect(a.terms.map((t) => t.term)).toEqual(['oiseau']);
    expect(a.terms[0]!.count).toBe(3);
  });
});

describe('distinctiveFor by year', () => {
  it('lists the years in order, undated last', () => {
    const docs = [doc('u', 'A', null, 'harbour harbour harbour ships'), doc('n', 'A', '2020', 'trains trains trains rails'), doc('o', 'A', '2018', 'roads roads roads cars')];
    expect(distinctiveFor(counted(docs), 'year').groups.map((g) => g.key)).toEqual(['2018', '2020', 'undated']);
  });
});
