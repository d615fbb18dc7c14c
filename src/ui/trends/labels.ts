/** How trends name a cell: a year with its estimate marked ("~2020"), and what lies behind the bar. */
import { UNDATED, yearLabel } from '../../corpus/outlet-year.ts';
import type { TrendCell } from '../../trends/counts.ts';
import { plural } from '../../text/plural.ts';

/** "2019"; "~2020" when every document of that year has an estimated date; "Undated". */
export function yearCellLabel(cell: Pick<TrendCell, 'key' | 'docs' | 'estimated'>): string {
  if (cell.key === UNDATED) return yearLabel(UNDATED);
  return cell.docs > 0 && cell.estimated === cell.docs ? `~${cell.key}` : cell.key;
}

/** What the bar stands on: "1 document · 745 words", with any estimated dates said. */
export function cellBasis(cell: Pick<TrendCell, 'key' | 'docs' | 'words' | 'estimated'>, kind: 'outlet' | 'year'): string {
  const basis = `${plural(cell.docs, 'document')} · ${plural(cell.words, 'word')}`;
  if (kind !== 'year' || cell.estimated === 0) return basis;
  if (cell.estimated === cell.docs) return `${basis} · date${cell.docs === 1 ? '' : 's'} estimated`;
  return `${basis} · ${cell.estimated} of ${cell.docs} dates estimated`;
}
