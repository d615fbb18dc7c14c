/**
 * Where families occur, as an outlet × year matrix: per family (a small grid
 * in each row of the phrases list) and for the whole corpus (pick a cell,
 * see the families present there).
 */
import { cellKey, compareOutlets, compareYears, outletKey, yearKey } from '../corpus/outlet-year.ts';
import type { DocDate } from '../corpus/types.ts';
import type { Family } from '../reuse/types.ts';

/** What the grid and the sorts read of a family (the page does not hold its passage indices). */
export type FamilySummary = Omit<Family, 'passages'>;

export interface GridDoc {
  id: string;
  outlet: string | null;
  date: DocDate | null;
}

export interface SpreadGrid {
  outlets: string[];
  years: string[];
  /** Families present in each cell, by `cellKey(outlet, year)`. */
  cells: Map<string, Set<string>>;
  /** Cells each family occurs in. */
  familyCells: Map<string, Set<string>>;
}

export function spreadGrid(docs: readonly GridDoc[], families: readonly FamilySummary[]): SpreadGrid {
  const where = new Map(docs.map((d) => [d.id, { outlet: outletKey(d), year: yearKey(d) }]));
  const outlets = [...new Set([...where.values()].map((w) => w.outlet))].sort(compareOutlets);
  const years = [...new Set([...where.values()].map((w) => w.year))].sort(compareYears);
  const cells = new Map<string, Set<string>>();
  const familyCells = new Map<string, Set<string>>();
  for (const family of families) {
    const mine = new Set<string>();
    for (const m of family.members) {
      const w = where.get(m.doc);
      if (!w) continue;
      const k = cellKey(w.outlet, w.year);
      mine.add(k);
      if (!cells.has(k)) cells.set(k, new Set());
      cells.get(k)!.add(family.id);
    }
    familyCells.set(family.id, mine);
  }
  return { outlets, years, cells, familyCells };
}

export type FamilySort = 'spread' | 'size' | 'first';

/** Spread: outlets × years reached; size: members; first: earliest appearance (undated last). */
export function sortFamilies<F extends FamilySummary>(families: readonly F[], sort: FamilySort): F[] {
  const spread = (f: F) => f.spread.outlets.length * 100 + f.spread.years.length;
  const first = (f: F) => f.spread.first?.date ?? '\uffff';
  return [...families].sort((a, b) => {
    const primary =
      sort === 'spread' ? spread(b) - spread(a) || b.documents - a.documents :
      sort === 'size' ? b.members.length - a.members.length || b.documents - a.documents :
      first(a).localeCompare(first(b));
    return primary || b.documents - a.documents || a.label.localeCompare(b.label);
  });
}
