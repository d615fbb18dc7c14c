/** Trends: frequency by outlet and year, and distinctive terms (pure, no DOM). */
export { countTrend, groupDocs, rate, PER_WORDS, type TermTrend, type TrendCell, type TrendsResponse, type Grouping } from './counts.ts';
export { distinctiveTerms, countTerms, logLikelihood, MEASURE_NAME, SIGNIFICANT_G2, type DistinctiveGroup, type DistinctiveTerm, type TermCounts } from './distinctive.ts';
