/** What the trends requests answer (plain data, across the worker boundary). */
import type { DistinctiveGroup } from './distinctive.ts';
export type { TrendsResponse, TermTrend, TrendCell } from './counts.ts';
export type { DistinctiveGroup, DistinctiveTerm } from './distinctive.ts';

export interface DistinctiveResponse {
  by: 'outlet' | 'year';
  /** The measure, named, for the UI to state. */
  measure: string;
  /** The measure's value at or above which a term is marked significant, and that chance in words. */
  threshold: number;
  chance: string;
  groups: DistinctiveGroup[];
}
