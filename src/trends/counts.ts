/**
 * Term frequency by outlet and by year: counts and rates per 10,000 words.
 * A date known only to the year counts in that year (as does a month or a
 * day); undated documents are kept in their own column, never guessed.
 */
import { compareOutlets, compareYears, outletKey, yearKey } from '../corpus/outlet-year.ts';
import type { Occurrence, SearchDoc } from '../search/types.ts';

export const PER_WORDS = 10_000;

export interface TrendCell {
  /** The outlet name, or the year ('undated' for undated documents). */
  key: string;
  count: number;
  /** Words in all documents of this cell. */
  words: number;
  /** count per 10,000 words (0 when the cell has no words). */
  rate: number;
  /** Documents in the cell with at least one occurrence / in all. */
  docsWith: number;
  docs: number;
  /** Documents in the cell whose date is an estimate ("about 2020"). */
  estimated: number;
}

export interface TermTrend {
  term: string;
  /** Null when the term could be searched; otherwise why not. */
  error: string | null;
  total: number;
  byOutlet: TrendCell[];
  /** Years ascending, then 'undated' last when there are undated documents. */
  byYear: TrendCell[];
}

export interface TrendsResponse {
  terms: TermTrend[];
  outlets: string[];
  years: string[];
}

/** Totals per cell: words, documents, documents with an estimated date. */
export interface CellTotals {
  words: Map<string, number>;
  docs: Map<string, number>;
  estimated: Map<string, number>;
}

export interface Grouping {
  outlets: string[];
  years: string[];
  byOutlet: CellTotals;
  byYear: CellTotals;
}

const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
const totals = (): CellTotals => ({ words: new Map(), docs: new Map(), estimated: new Map() });

/** The cells of the corpus: outlets (by name, unnamed last) and years (ascending, undated last), with their totals. */
export function groupDocs(docs: readonly SearchDoc[], wordCounts: readonly number[]): Grouping {
  const byOutlet = totals();
  const byYear = totals();
  docs.forEach((d, i) => {
    for (const [t, key] of [[byOutlet, outletKey(d)], [byYear, yearKey(d)]] as const) {
      add(t.words, key, wordCounts[i] ?? 0);
      add(t.docs, key, 1);
      if (d.date?.approximate) add(t.estimated, key, 1);
    }
  });
  const outlets = [...byOutlet.words.keys()].sort(compareOutlets);
  const years = [...byYear.words.keys()].sort(compareYears);
  return { outlets, years, byOutlet, byYear };
}

export function rate(count: number, words: number): number {
  return words > 0 ? (count / words) * PER_WORDS : 0;
}

/** Counts `occurrences` of one term into outlet and year cells. */
export function countTrend(term: string, occurrences: readonly Occurrence[], docs: readonly SearchDoc[], grouping: Grouping): TermTrend {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const perDoc = new Map<string, number>();
  for (const o of occurrences) add(perDoc, o.doc, 1);
  const oc = new Map<string, number>();
  const yc = new Map<string, number>();
  const od = new Map<string, number>();
  const yd = new Map<string, number>();
  for (const [id, n] of perDoc) {
    const d = byId.get(id);
    if (!d) continue;
    add(oc, outletKey(d), n);
    add(yc, yearKey(d), n);
    add(od, outletKey(d), 1);
    add(yd, yearKey(d), 1);
  }
  const cell = (key: string, counts: Map<string, number>, with_: Map<string, number>, t: CellTotals): TrendCell => {
    const count = counts.get(key) ?? 0;
    const words = t.words.get(key) ?? 0;
    return { key, count, words, rate: rate(count, words), docsWith: with_.get(key) ?? 0, docs: t.docs.get(key) ?? 0, estimated: t.estimated.get(key) ?? 0 };
  };
  return {
    term,
    error: null,
    total: occurrences.length,
    byOutlet: grouping.outlets.map((k) => cell(k, oc, od, grouping.byOutlet)),
    byYear: grouping.years.map((k) => cell(k, yc, yd, grouping.byYear)),
  };
}
