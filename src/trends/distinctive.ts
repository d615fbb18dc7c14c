/**
 * Distinctive terms per group (an outlet or a year): the words a group uses
 * more than the rest of the corpus, by the weighted log-odds ratio with an
 * informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
 * Words", section 3.5). The prior is the whole corpus's counts, so rare words
 * are shrunk towards the corpus rate instead of topping the list by chance;
 * the log-odds difference is divided by its standard deviation, a z-score.
 * Terms are index terms (stems; stopwords left out; Han bigrams).
 */
import { scanTokens, normalizeWord } from '../text/index.ts';
import { termOf } from '../search/encode.ts';

export const MEASURE_NAME = 'weighted log-odds ratio, informative Dirichlet prior (z-score)';
/** Prior counts are the corpus counts times this (1: as in Monroe et al.'s informative prior). */
export const PRIOR_SCALE = 1;
/** A term must occur at least this often in the group to be listed. */
export const MIN_GROUP_COUNT = 3;
/** Terms listed per group. */
export const TOP_TERMS = 12;
/** |z| above this is unlikely by chance at about the 5% level (two-sided). */
export const Z_NOTABLE = 1.96;

export interface TermCounts {
  counts: Map<string, number>;
  total: number;
}

export interface DistinctiveTerm {
  term: string;
  /** A form as written in the texts (lower-cased), for display. */
  label: string;
  z: number;
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

/** Counts index terms of `texts` into `into` and records a display label for each term. */
export function countTerms(text: string, into: TermCounts, labels: Map<string, string>): void {
  scanTokens(text, {
    push(start, end, kind) {
      const surface = text.slice(start, end);
      const term = termOf(surface, kind);
      if (term === '') return;
      into.counts.set(term, (into.counts.get(term) ?? 0) + 1);
      into.total++;
      if (!labels.has(term)) labels.set(term, normalizeWord(surface));
    },
  });
}

/** z-score of term w in a group against the rest, with prior alpha_w. */
export function logOddsZ(yi: number, ni: number, yj: number, nj: number, alphaW: number, alpha0: number): number {
  const delta = Math.log((yi + alphaW) / (ni + alpha0 - yi - alphaW)) - Math.log((yj + alphaW) / (nj + alpha0 - yj - alphaW));
  const variance = 1 / (yi + alphaW) + 1 / (yj + alphaW);
  return delta / Math.sqrt(variance);
}

/** For each group, its most distinctive terms against all other groups together. */
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
  const alpha0 = n * PRIOR_SCALE;
  const out: DistinctiveGroup[] = [];
  for (const [key, g] of groups) {
    const restTotal = n - g.total;
    const terms: DistinctiveTerm[] = [];
    if (restTotal > 0) {
      for (const [term, yi] of g.counts) {
        if (yi < minCount) continue;
        const all = corpus.get(term)!;
        const yj = all - yi;
        const z = logOddsZ(yi, g.total, yj, restTotal, all * PRIOR_SCALE, alpha0);
        if (z <= 0) continue;
        terms.push({ term, label: labels.get(term) ?? term, z, count: yi, rate: (yi / g.total) * 10_000, restRate: (yj / restTotal) * 10_000 });
      }
    }
    terms.sort((a, b) => b.z - a.z || (a.term < b.term ? -1 : 1));
    out.push({ key, total: g.total, terms: terms.slice(0, top) });
  }
  return out;
}
