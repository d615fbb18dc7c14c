/**
 * Who uses a wording, in a few words: versions grouped by outlet and year
 * ("People's Daily Online 2019 ×3, China Daily 2022"), earliest first,
 * undated and unnamed last, cut to the first few with "and N more".
 */
import { compareDocDates } from '../../corpus/metadata.ts';
import { compareOutlets, OUTLET_NOT_NAMED, outletKey, UNDATED, yearKey } from '../../corpus/outlet-year.ts';
import type { DocDate } from '../../corpus/types.ts';

export interface SourceDoc {
  outlet: string | null;
  date: DocDate | null;
}

export interface Source {
  outlet: string;
  year: string;
  versions: number;
}

/** Outlet–year groups of `docs` (one entry per version), earliest first, then by outlet. */
export function sourcesOf(docs: readonly SourceDoc[]): Source[] {
  const groups = new Map<string, Source & { date: DocDate | null }>();
  for (const d of docs) {
    const outlet = outletKey(d);
    const year = yearKey(d);
    const key = `${outlet}\u0000${year}`;
    const g = groups.get(key);
    if (g) {
      g.versions++;
      if (compareDocDates(d.date, g.date) < 0) g.date = d.date;
    } else groups.set(key, { outlet, year, versions: 1, date: d.date });
  }
  return [...groups.values()]
    .sort((a, b) => compareDocDates(a.date, b.date) || compareOutlets(a.outlet, b.outlet))
    .map(({ outlet, year, versions }) => ({ outlet, year, versions }));
}

/** "People's Daily Online 2019 ×3, China Daily 2022 and 4 more"; "" for undated texts of no named outlet. */
export function sourcesLabel(docs: readonly SourceDoc[], shown = 3): string {
  const sources = sourcesOf(docs);
  // Texts with no outlet named and no date: nothing to say.
  if (sources.length === 1 && sources[0]!.outlet === OUTLET_NOT_NAMED && sources[0]!.year === UNDATED) return '';
  const text = sources.slice(0, shown).map((s) => `${s.outlet} ${s.year === UNDATED ? '(undated)' : s.year}${s.versions > 1 ? ` ×${s.versions}` : ''}`);
  const rest = sources.length - shown;
  return rest > 0 ? `${text.join(', ')} and ${rest} more` : text.join(', ');
}

/** The years of `docs` as a span: "2019–2022", "2020", "undated". */
export function yearSpan(docs: readonly SourceDoc[]): string {
  const years = docs.map(yearKey).filter((y) => y !== UNDATED).sort();
  if (years.length === 0) return UNDATED;
  const [first, last] = [years[0]!, years[years.length - 1]!];
  return first === last ? first : `${first}–${last}`;
}

/** An outlet's name without its parenthesised note: "China Daily (print edition)" → "China Daily". */
export const shortOutlet = (outlet: string) => outlet.replace(/\s*\([^)]*\)\s*$/, '') || outlet;

/** A label short enough to write under a word: "YCPress 2020", "China Daily 2019, 2022", or "3 outlets, 2019–2022"; "" for undated texts of no named outlet. */
export function shortSources(docs: readonly SourceDoc[]): string {
  const sources = sourcesOf(docs);
  const outlets = [...new Set(sources.map((s) => s.outlet))];
  // Texts with no outlet named (a class's essays, files without metadata): the years, or nothing.
  if (outlets.length === 1 && outlets[0] === OUTLET_NOT_NAMED) {
    const span = yearSpan(docs);
    return span === UNDATED ? '' : span;
  }
  if (outlets.length === 1) {
    const years = [...new Set(sources.map((s) => s.year))];
    return `${shortOutlet(outlets[0]!)} ${years.length <= 2 ? years.join(', ') : yearSpan(docs)}`;
  }
  return `${outlets.length} outlets, ${yearSpan(docs)}`;
}
