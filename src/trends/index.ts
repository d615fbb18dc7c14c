/** Trends: frequency by outlet and year, and distinctive terms (pure, no DOM). */
export { countTrend, groupDocs, rate, PER_WORDS, type TermTrend, type TrendCell, type TrendsResponse, type Grouping } from './counts.ts';
export { distinctiveTerms, countTerms, logOddsZ, MEASURE_NAME, Z_NOTABLE, type DistinctiveGroup, type DistinctiveTerm, type TermCounts } from './distinctive.ts';
