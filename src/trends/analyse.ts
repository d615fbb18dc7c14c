/** Trends over a built search engine: the worker's trends and distinctive-terms requests. */
import type { SearchEngine } from '../search/engine.ts';
import { compareOutlets, compareYears, outletKey, yearKey } from '../corpus/outlet-year.ts';
import { searchable } from '../search/query.ts';
import type { ParsedQuery, SearchDoc } from '../search/types.ts';
import type { Language } from '../text/function-words.ts';
import { countTrend, groupDocs, type TermTrend, type TrendsResponse } from './counts.ts';
import { countTerms, distinctiveTerms, MEASURE_NAME, SIGNIFICANCE_IN_WORDS, SIGNIFICANT_G2, type TermCounts } from './distinctive.ts';
import type { DistinctiveResponse } from './types.ts';

/** At most this many terms are compared at once (a chart with more is unreadable). */
export const MAX_TREND_TERMS = 8;

export function trendsFor(engine: SearchEngine, terms: ReadonlyArray<{ term: string; query: ParsedQuery }>): TrendsResponse {
  const grouping = groupDocs(engine.docs, engine.wordCounts);
  const out: TermTrend[] = terms.slice(0, MAX_TREND_TERMS).map(({ term, query }) => {
    if (!searchable(query)) {
      const t = countTrend(term, [], engine.docs, grouping);
      return { ...t, error: query.error ?? 'Nothing to count.' };
    }
    return countTrend(term, engine.occurrences(query), engine.docs, grouping);
  });
  return {
    terms: out,
    outlets: grouping.outlets,
    years: grouping.years,
  };
}

export interface TermCountsByGroup {
  outlet: Map<string, TermCounts>;
  year: Map<string, TermCounts>;
  labels: Map<string, string>;
}

/**
 * One pass over every document: index-term counts per outlet and per year,
 * each document's words keyed in its language, `languageOf(i)` for `docs[i]`
 * (src/text/language.ts: the search index's reading, so the terms are the
 * index's).
 */
export function countTermsByGroup(docs: readonly SearchDoc[], languageOf: (i: number) => Language | null): TermCountsByGroup {
  const outlet = new Map<string, TermCounts>();
  const year = new Map<string, TermCounts>();
  const labels = new Map<string, string>();
  const get = (m: Map<string, TermCounts>, k: string): TermCounts => {
    let c = m.get(k);
    if (!c) m.set(k, (c = { counts: new Map(), total: 0 }));
    return c;
  };
  docs.forEach((d, i) => {
    const own: TermCounts = { counts: new Map(), total: 0 };
    countTerms(d.text, own, labels, languageOf(i));
    for (const target of [get(outlet, outletKey(d)), get(year, yearKey(d))]) {
      for (const [t, n] of own.counts) target.counts.set(t, (target.counts.get(t) ?? 0) + n);
      target.total += own.total;
    }
  });
  return { outlet, year, labels };
}

export function distinctiveFor(counts: TermCountsByGroup, by: 'outlet' | 'year'): DistinctiveResponse {
  const groups = distinctiveTerms(counts[by], counts.labels);
  const order = by === 'outlet' ? compareOutlets : compareYears;
  groups.sort((a, b) => order(a.key, b.key));
  return { by, measure: MEASURE_NAME, threshold: SIGNIFICANT_G2, chance: SIGNIFICANCE_IN_WORDS, groups };
}
