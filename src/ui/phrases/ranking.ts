/**
 * Which formulas a list shows, in what order: the chosen sort, framing
 * (slogans, set phrases) before names (events, datelines) when sorting by
 * spread, as the engine ranks them; one outlet's boilerplate (footers,
 * bylines: `boilerplate`) left out unless asked for, and then last.
 */
import { sortFamilies, type FamilySummary } from '../../compare/spread-grid.ts';
import type { PhraseSort } from '../../state/url.ts';

export interface RankedFormulas<F> {
  shown: F[];
  /** Boilerplate formulas, shown or not. */
  boilerplate: number;
}

export function rankFormulas<F extends FamilySummary>(families: readonly F[], sort: PhraseSort, withBoilerplate: boolean): RankedFormulas<F> {
  const sorted = sortFamilies(families, sort);
  const weight = (f: F) => (f.boilerplate ? 2 : 0) + (sort === 'spread' && f.kind === 'names' ? 1 : 0);
  // Array sort is stable: within a weight the chosen order stands.
  const ranked = sorted.map((f) => ({ f, w: weight(f) })).sort((a, b) => a.w - b.w).map((x) => x.f);
  const boilerplate = ranked.filter((f) => f.boilerplate).length;
  return { shown: withBoilerplate ? ranked : ranked.filter((f) => !f.boilerplate), boilerplate };
}
