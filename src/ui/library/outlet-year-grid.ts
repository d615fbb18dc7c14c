/** Lays documents out by outlet (rows) and year (columns); undated in a column of its own. */
import { compareDocDates, yearOf } from '../../corpus/metadata.ts';
import type { DocMeta } from '../../corpus/types.ts';

export const UNDATED = 'undated';
export const OUTLET_NOT_NAMED = 'Outlet not named';

export interface OutletYearGrid<T> {
  outlets: string[];
  /** Ascending, with UNDATED last when any document is undated. */
  years: string[];
  cell(outlet: string, year: string): T[];
}

export function outletYearGrid<T extends { meta: DocMeta }>(docs: T[]): OutletYearGrid<T> {
  const cells = new Map<string, T[]>();
  const outlets = new Set<string>();
  const years = new Set<string>();
  const sorted = [...docs].sort((a, b) => compareDocDates(a.meta.date, b.meta.date) || a.meta.id.localeCompare(b.meta.id));
  for (const doc of sorted) {
    const outlet = doc.meta.outlet ?? OUTLET_NOT_NAMED;
    const year = yearOf(doc.meta.date) ?? UNDATED;
    outlets.add(outlet);
    years.add(year);
    const key = `${outlet}\u0000${year}`;
    cells.set(key, [...(cells.get(key) ?? []), doc]);
  }
  return {
    outlets: [...outlets].sort((a, b) => (a === OUTLET_NOT_NAMED ? 1 : b === OUTLET_NOT_NAMED ? -1 : a.localeCompare(b))),
    years: [...years].sort((a, b) => (a === UNDATED ? 1 : b === UNDATED ? -1 : a.localeCompare(b))),
    cell: (outlet, year) => cells.get(`${outlet}\u0000${year}`) ?? [],
  };
}
