import { describe, expect, it } from 'vitest';
import { alignIntoColumns, type ColumnInput } from '../../src/compare/column-align.ts';
import { versionTokens } from '../../src/compare/formula-tokens.ts';

const input = (text: string, versions = 1): ColumnInput => ({ tokens: versionTokens(text, 0, text.length), versions });

/** Each input's words laid out by column ('' where it has none), one row per input. */
function table(texts: Array<[string, number]>): string[][] {
  const inputs = texts.map(([t, n]) => input(t, n));
  const { columnCount, columns } = alignIntoColumns(inputs);
  return inputs.map((inp, i) => {
    const row = Array<string>(columnCount).fill('');
    inp.tokens.forEach((t, k) => (row[columns[i]![k]!] = t.text));
    return row;
  });
}

describe('alignIntoColumns', () => {
  it('gives identical wordings one column per word, supported by every version', () => {
    const a = alignIntoColumns([input('a shared future', 2), input('a shared future', 3)]);
    expect(a.columnCount).toBe(3);
    expect(a.columns).toEqual([[0, 1, 2], [0, 1, 2]]);
    expect(a.support).toEqual([5, 5, 5]);
    expect(a.functionOnly).toEqual([true, false, false]);
  });

  it('leaves the column of a dropped word empty in the version that drops it', () => {
    expect(table([['building a community with a shared future', 3], ['building a community with shared future', 1]])).toEqual([
      ['building', 'a', 'community', 'with', 'a', 'shared', 'future'],
      ['building', 'a', 'community', 'with', '', 'shared', 'future'],
    ]);
    expect(alignIntoColumns([input('with a shared future', 3), input('with shared future', 1)]).support).toEqual([4, 3, 4, 4]);
  });

  it('puts a substituted word between two matches in the column it replaces, by kind', () => {
    expect(table([['a shared future for all', 2], ['a common future for all', 1]])).toEqual([
      ['a', 'shared', 'future', 'for', 'all'],
      ['a', 'common', 'future', 'for', 'all'],
    ]);
  });

  it('puts one word for one between two matches in its column whatever their kinds ("are" → "stay")', () => {
    expect(table([['the doors are open to all', 3], ['the doors stay open to all', 1]])).toEqual([
      ['the', 'doors', 'are', 'open', 'to', 'all'],
      ['the', 'doors', 'stay', 'open', 'to', 'all'],
    ]);
  });

  it('matches inflections and spelling variants into one column', () => {
    const a = alignIntoColumns([input('building the organisation', 1), input('builds the organization', 1)]);
    expect(a.columnCount).toBe(3);
    expect(a.columns[1]).toEqual([0, 1, 2]);
  });

  it('gives context words outside the shared wording columns of their own', () => {
    expect(table([['a shared future', 2], ['we must build a shared future now', 1]])).toEqual([
      ['', '', '', 'a', 'shared', 'future', ''],
      ['we', 'must', 'build', 'a', 'shared', 'future', 'now'],
    ]);
  });

  it('lets the word next to the shared wording take a core column most versions fill ("foster" for "building")', () => {
    expect(table([['building a community of common destiny', 3], ['foster a community of common destiny', 1]])).toEqual([
      ['building', 'a', 'community', 'of', 'common', 'destiny'],
      ['foster', 'a', 'community', 'of', 'common', 'destiny'],
    ]);
  });

  it('matches the form most versions in a column use, when two words could take it ("Jinping", not "first")', () => {
    // "first" takes Jinping's column in the second version (a substitution);
    // the third has both words: "Jinping" matches the column, "first" is an addition.
    expect(
      table([
        ['President Xi Jinping proposed the vision', 2],
        ['President Xi first proposed the idea', 1],
        ['Secretary Xi Jinping first proposed the vision', 1],
      ]),
    ).toEqual([
      ['President', 'Xi', 'Jinping', '', 'proposed', 'the', 'vision'],
      ['President', 'Xi', 'first', '', 'proposed', 'the', 'idea'],
      ['Secretary', 'Xi', 'Jinping', 'first', 'proposed', 'the', 'vision'],
    ]);
  });

  it('aligns nothing to nothing', () => {
    expect(alignIntoColumns([])).toEqual({ columnCount: 0, columns: [], support: [], functionOnly: [] });
  });
});
