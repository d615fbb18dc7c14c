/** How documents are grouped for filters and trends: by outlet name and by year. No FlexSearch here, so the page can import it. */
import { yearOf } from '../corpus/metadata.ts';
import type { SearchDoc } from './types.ts';

export const UNDATED = 'undated';
export const NO_OUTLET = 'Outlet not named';

/** The year a document counts in (a date known only to the year counts in it), or 'undated'. */
export function yearKey(doc: Pick<SearchDoc, 'date'>): string {
  return yearOf(doc.date) ?? UNDATED;
}

export function outletKey(doc: Pick<SearchDoc, 'outlet'>): string {
  return doc.outlet ?? NO_OUTLET;
}
