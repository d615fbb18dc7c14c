import { describe, expect, it } from 'vitest';
import { parseDocDate } from '../../../src/corpus/metadata.ts';
import { documentNamer, shortTitle } from '../../../src/ui/common/doc-names.ts';

const doc = (id: string, title: string | null, outlet: string | null, date: string | null) => ({ id, title, outlet, date: date ? parseDocDate(date) : null });

describe('documentNamer', () => {
  it('names a document by outlet and date when no other document shares them', () => {
    const a = doc('a', 'Full text of the letter', "People's Daily Online", '2019-10-25');
    const b = doc('b', 'Bridging the divide', 'China Daily', '2022-11-08');
    const name = documentNamer([a, b]);
    expect(name(a)).toBe("People's Daily Online, 25 October 2019");
    expect(name(b)).toBe('China Daily, 8 November 2022');
  });

  it('adds the title when another document has the same outlet and date', () => {
    const luc = doc('luc', "L'Évangile selon Luc", 'Louis Segond 1910', '1910');
    const marc = doc('marc', "L'Évangile selon Marc", 'Louis Segond 1910', '1910');
    const other = doc('x', 'Another', 'Louis Segond 1910', '1911');
    const name = documentNamer([luc, marc, other]);
    expect(name(luc)).toBe("“L'Évangile selon Luc” (Louis Segond 1910, 1910)");
    expect(name(marc)).toBe("“L'Évangile selon Marc” (Louis Segond 1910, 1910)");
    expect(name(other)).toBe('Louis Segond 1910, 1911');
  });

  it('tells undated essays with no outlet apart, by id when they have no title', () => {
    const essays = [doc('essay-01', null, null, null), doc('essay-02', 'My essay', null, null)];
    const name = documentNamer(essays);
    expect(name(essays[0]!)).toBe('essay-01 (Outlet not named, undated)');
    expect(name(essays[1]!)).toBe('“My essay” (Outlet not named, undated)');
  });
});

describe('shortTitle', () => {
  it('keeps a short title and cuts a long one at a word', () => {
    expect(shortTitle('  A   short title ')).toBe('A short title');
    const long = 'Xi Jinping sends congratulatory letter to the sixth World Internet Conference in Wuzhen, Zhejiang';
    const cut = shortTitle(long);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut).toBe('Xi Jinping sends congratulatory letter to the sixth World…');
  });
});
