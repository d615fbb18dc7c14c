/**
 * How documents are grouped by outlet and year, the one layout the library
 * grid, the phrase grid, search filters and trends share: the keys (an
 * unnamed outlet and an undated document each get a cell of their own, never
 * a guess), their order, and the id order the engine works in.
 */
import { plural } from '../text/plural.ts';
import { yearOf } from './metadata.ts';
import type { DocDate } from './types.ts';

/** The year key of an undated document. */
export const UNDATED = 'undated';
/** The outlet key of a document whose outlet is not named. */
export const OUTLET_NOT_NAMED = 'Outlet not named';

/** What the grouping reads of a document (a DocMeta, a SearchDoc or a GridDoc). */
export interface Placed {
  outlet: string | null;
  date: DocDate | null;
}

/**
 * Ids in UTF-16 code-unit order: the order the corpus is assembled in and
 * the engine requires (locale-independent, so Node and every browser agree).
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The year a document counts in (a date known only to the year counts in it), or UNDATED. */
export function yearKey(doc: Pick<Placed, 'date'>): string {
  return yearOf(doc.date) ?? UNDATED;
}

export function outletKey(doc: Pick<Placed, 'outlet'>): string {
  return doc.outlet ?? OUTLET_NOT_NAMED;
}

const outletCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Outlets by name (case-insensitive), the unnamed outlet last. */
export function compareOutlets(a: string, b: string): number {
  if (a === b) return 0;
  if (a === OUTLET_NOT_NAMED || b === OUTLET_NOT_NAMED) return a === OUTLET_NOT_NAMED ? 1 : -1;
  return outletCollator.compare(a, b) || compareIds(a, b);
}

/** Years ascending, UNDATED last. */
export function compareYears(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNDATED || b === UNDATED) return a === UNDATED ? 1 : -1;
  return compareIds(a, b);
}

/** One key per outlet × year cell. */
export const cellKey = (outlet: string, year: string): string => `${outlet}\u0000${year}`;

/** The cell key split back into its outlet and year. */
export function splitCellKey(key: string): { outlet: string; year: string } {
  const at = key.indexOf('\u0000');
  return { outlet: key.slice(0, at), year: key.slice(at + 1) };
}

/** A year key as a heading: "2019", "Undated". */
export const yearLabel = (year: string): string => (year === UNDATED ? 'Undated' : year);

export interface OutletYearGrid<T> {
  /** compareOutlets order. */
  outlets: string[];
  /** compareYears order: ascending, UNDATED last when any item is undated. */
  years: string[];
  /** The items of one cell, in the order given (empty when none). */
  cell(outlet: string, year: string): T[];
}

/**
 * Lays items out by outlet (rows) and year (columns). Items keep their
 * order within a cell: sort them first (by date, say) if that matters.
 */
export function outletYearGrid<T>(items: readonly T[], placeOf: (item: T) => Placed): OutletYearGrid<T> {
  const cells = new Map<string, T[]>();
  const outlets = new Set<string>();
  const years = new Set<string>();
  for (const item of items) {
    const where = placeOf(item);
    const outlet = outletKey(where);
    const year = yearKey(where);
    outlets.add(outlet);
    years.add(year);
    const key = cellKey(outlet, year);
    const list = cells.get(key);
    if (list) list.push(item);
    else cells.set(key, [item]);
  }
  return {
    outlets: [...outlets].sort(compareOutlets),
    years: [...years].sort(compareYears),
    cell: (outlet, year) => cells.get(cellKey(outlet, year)) ?? [],
  };
}

/**
 * The outlets documents name, for a sentence about a corpus: "from 2
 * outlets", "from 2 outlets (3 documents name none)", "naming no outlet".
 * A document whose outlet is not named is no outlet: its grid row
 * (OUTLET_NOT_NAMED) is not counted as one.
 */
export function fromOutlets(outlets: Iterable<string | null>): string {
  const named = new Set<string>();
  let unnamed = 0;
  for (const o of outlets) {
    if (o) named.add(o);
    else unnamed++;
  }
  if (!named.size) return 'naming no outlet';
  return `from ${plural(named.size, 'outlet')}${unnamed ? ` (${plural(unnamed, 'document')} ${unnamed === 1 ? 'names' : 'name'} none)` : ''}`;
}
