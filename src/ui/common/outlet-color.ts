/**
 * Each outlet's colour token, by its place in the corpus's outlet order
 * (corpus/outlet-year.ts), so an outlet has the same colour in every view.
 * Eight colours, then they repeat; the unnamed outlet is grey. A colour is
 * always shown beside the outlet's name, never instead of it.
 */
import { compareOutlets, OUTLET_NOT_NAMED, outletKey, type Placed } from '../../corpus/outlet-year.ts';

export const OUTLET_COLOURS = 8;

export function outletColours(docs: readonly Pick<Placed, 'outlet'>[]): Map<string, string> {
  const outlets = [...new Set(docs.map(outletKey))].sort(compareOutlets);
  const named = outlets.filter((o) => o !== OUTLET_NOT_NAMED);
  const colours = new Map(named.map((o, i) => [o, `var(--outlet-${(i % OUTLET_COLOURS) + 1})`]));
  colours.set(OUTLET_NOT_NAMED, 'var(--muted)');
  return colours;
}
