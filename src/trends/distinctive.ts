/**
 * Distinctive terms per group (an outlet or a year): the words a group uses
 * more than the rest of the corpus, ranked by the log-likelihood ratio G²
 * of a 2 × 2 table (this term / all other terms × this group / the rest),
 * the keyness measure of corpus linguistics (Dunning 1993; Rayson & Garside
 * 2000). G² is compared with the chi-squared distribution (1 degree of
 * freedom) to say whether a difference that large is likely by chance; with
 * hundreds of terms tested per group, only a strict threshold is shown as
 * significant (Rayson, Berridge & Francis 2004 recommend p < 0.0001).
 * Terms are index terms (src/search/encode.ts): stems in each document's
 * language, its function words left out, Han bigrams.
 */
import { scanTokens, normalizeWord } from '../text/index.ts';
import { termOf } from '../search/encode.ts';
import type { Language } from '../text/function-words.ts';

export const MEASURE_NAME = 'log-likelihood G²';
/** G² at or above this is significant: p < 0.0001 (chi-squared, 1 degree of freedom). */
export const SIGNIFICANT_G2 = 15.13;
/** The chance of a G² at least SIGNIFICANT_G2 when the group does not differ, in words. */
export const SIGNIFICANCE_IN_WORDS = 'less than 1 in 10,000';
/** A term must occur at least this often in the group to be listed. */
export const MIN_GROUP_COUNT = 3;
/** Terms listed per group. */
export const TOP_TERMS = 12;

export interface TermCounts {
  counts: Map<string, number>;
  total: number;
}

export interface DistinctiveTerm {
  term: string;
  /** A form as written in the texts (lower-cased), for display. */
  label: string;
  /** Log-likelihood G² of the group against the rest. */
  g2: number;
  /** G² ≥ SIGNIFICANT_G2. */
  significant: boolean;
  count: number;
  /** Per 10,000 indexed terms in the group / in the rest. */
  rate: number;
  restRate: number;
}

export interface DistinctiveGroup {
  key: string;
  total: number;
  terms: DistinctiveTerm[];
}

/** Counts index terms of `text`, a text in `language`, into `into` and records a display label for each term. */
export function countTerms(text: string, into: TermCounts, labels: Map<string, string>, language: Language | null = 'en'): void {
  scanTokens(text, {
    push(start, end, kind) {
      const surface = text.slice(start, end);
      const term = termOf(surface, kind, language);
      if (term === '') return;
      into.counts.set(term, (into.counts.get(term) ?? 0) + 1);
      into.total++;
      if (!labels.has(term)) labels.set(term, normalizeWord(surface));
    },
  });
}

/**
 * Log-likelihood G² for a term seen `a` times in a group of `c` terms and
 * `b` times in the rest (`d` terms): 2 Σ O ln(O / E) over the two cells
 * where it occurs (the two-cell form of Rayson & Garside 2000).
 */
export function logLikelihood(a: number, c: number, b: number, d: number): number {
  const n = c + d;
  if (n === 0 || a + b === 0) return 0;
  const e1 = (c * (a + b)) / n;
  const e2 = (d * (a + b)) / n;
  const part = (o: number, e: number) => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);
  return 2 * (part(a, e1) + part(b, e2));
}

/** For each group, the terms it uses more than all other groups together, highest G² first. */
export function distinctiveTerms(
  groups: ReadonlyMap<string, TermCounts>,
  labels: ReadonlyMap<string, string> = new Map(),
  top = TOP_TERMS,
  minCount = MIN_GROUP_COUNT,
): DistinctiveGroup[] {
  const corpus = new Map<string, number>();
  let n = 0;
  for (const g of groups.values()) {
    for (const [t, c] of g.counts) corpus.set(t, (corpus.get(t) ?? 0) + c);
    n += g.total;
  }
  const out: DistinctiveGroup[] = [];
  for (const [key, g] of groups) {
    const restTotal = n - g.total;
    const terms: DistinctiveTerm[] = [];
    if (restTotal > 0) {
      for (const [term, a] of g.counts) {
        if (a < minCount) continue;
        const b = corpus.get(term)! - a;
        // Only terms the group uses more than the rest: G² is high for under-use too.
        if (a / g.total <= b / restTotal) continue;
        const g2 = logLikelihood(a, g.total, b, restTotal);
        terms.push({ term, label: labels.get(term) ?? term, g2, significant: g2 >= SIGNIFICANT_G2, count: a, rate: (a / g.total) * 10_000, restRate: (b / restTotal) * 10_000 });
      }
    }
    terms.sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : 1));
    out.push({ key, total: g.total, terms: terms.slice(0, top) });
  }
  return out;
}
