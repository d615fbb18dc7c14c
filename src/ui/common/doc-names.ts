/**
 * How a view names one document among others. Readers cite news by outlet
 * and date ("China Daily, 8 November 2022"), so that is the name; but
 * several texts of one edition, one outlet's articles of the same day or a
 * class's undated essays all share it, and "Louis Segond 1910, 1910 ↔ Louis
 * Segond 1910, 1910" names nothing. A document whose outlet and date another
 * document of the corpus shares is named with its title as well (or its id,
 * when it has no title).
 */
import { shorten } from '../../corpus/limits.ts';
import { formatDocDate } from '../../corpus/metadata.ts';
import { outletKey } from '../../corpus/outlet-year.ts';
import type { DocDate } from '../../corpus/types.ts';

export interface NamedDoc {
  id: string;
  title: string | null;
  outlet: string | null;
  date: DocDate | null;
}

/** Longest title written into a name; a longer one is cut at a word with "…". */
const TITLE_CHARS = 60;

const outletAndDate = (d: Omit<NamedDoc, 'id' | 'title'>) => `${outletKey(d)}, ${formatDocDate(d.date)}`;

/** "A title that goes on…": on one line, cut near a space as metadata is (corpus/limits.ts). */
export function shortTitle(title: string, max = TITLE_CHARS): string {
  return shorten(title.trim().replace(/\s+/g, ' '), max);
}

/** How many of `docs` share each outlet and date ("China Daily, 8 November 2022"). */
export function outletAndDateCounts(docs: Iterable<Omit<NamedDoc, 'id' | 'title'>>): Map<string, number> {
  const shared = new Map<string, number>();
  for (const d of docs) {
    const key = outletAndDate(d);
    shared.set(key, (shared.get(key) ?? 0) + 1);
  }
  return shared;
}

/** A function naming each document of `docs` (and any other, by outlet and date). */
export function documentNamer(docs: Iterable<NamedDoc>): (doc: NamedDoc) => string {
  const shared = outletAndDateCounts(docs);
  return (d) => {
    const name = outletAndDate(d);
    if ((shared.get(name) ?? 0) < 2) return name;
    return `${d.title?.trim() ? `“${shortTitle(d.title)}”` : d.id} (${name})`;
  };
}
