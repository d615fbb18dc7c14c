import { describe, expect, it } from 'vitest';
import { alignVersions } from '../../src/compare/multi-align.ts';
import { filler } from '../e2e/custom-build.ts';
import { grid, versions } from './formula-fixtures.ts';

describe('alignVersions', () => {
  it('puts a dropped word in a column the dropping version leaves empty', () => {
    const { inputs } = versions([
      ['a', 'A', '2019', '', 'must protect the environment for future generations', ''],
      ['b', 'B', '2020', '', 'must protect the environment for future generations', ''],
      ['c', 'C', '2021', '', 'must protect environment for future generations', ''],
    ]);
    const al = alignVersions(inputs);
    expect(al.wordings.map((w) => grid(w.cells))).toEqual([
      'must protect the environment for future generations',
      'must protect — environment for future generations',
    ]);
    expect(al.wordings.map((w) => w.versions)).toEqual([[0, 1], [2]]);
  });

  it('puts a substituted word in the column of the word it replaces', () => {
    const { inputs } = versions([
      ['a', 'A', '2019', '', 'protect the environment for future generations', ''],
      ['b', 'B', '2020', '', 'safeguard the environment for coming generations', ''],
      ['c', 'C', '2021', '', 'protect the environment for future generations', ''],
    ]);
    const al = alignVersions(inputs);
    expect(al.columnCount).toBe(6);
    expect(al.wordings.map((w) => grid(w.cells))).toEqual([
      'protect the environment for future generations',
      'safeguard the environment for coming generations',
    ]);
  });

  it('keeps a longer replacement of the last word whole, not as context: "im Stich lässt" for "zurücklässt"', () => {
    const { inputs } = versions([
      ['a', 'A', '2019', '', 'Die Energiewende ist ein Gemeinschaftswerk, das niemanden zurücklässt', ''],
      ['b', 'B', '2020', '', 'Die Energiewende ist ein Gemeinschaftswerk, das niemanden zurücklässt', ''],
      ['c', 'C', '2021', '', 'Die Energiewende ist ein Gemeinschaftswerk, das niemanden im Stich lässt', ''],
    ]);
    const al = alignVersions(inputs);
    const stich = al.wordings.find((w) => w.versions.includes(2))!;
    expect(stich.text).toBe('Die Energiewende ist ein Gemeinschaftswerk, das niemanden im Stich lässt');
  });

  it('aligns a phrase-level swap: "with a" and "of" share columns, inflections share a column', () => {
    const { inputs } = versions([
      ['a', 'A', '2019', '', 'building a community with a shared future in cyberspace', ''],
      ['b', 'B', '2019', '', 'building a community with a shared future in cyberspace', ''],
      ['c', 'C', '2022', '', 'build a community of shared destiny in cyberspace', ''],
    ]);
    const al = alignVersions(inputs);
    expect(al.wordings.map((w) => grid(w.cells))).toEqual([
      'building a community with a shared future in cyberspace',
      'build a community of — shared destiny in cyberspace',
    ]);
  });

  it('merges identical wordings before aligning, whatever their case and punctuation', () => {
    const { inputs } = versions([
      ['a', 'A', '2019', '', 'Protect the environment, for future generations', ''],
      ['b', 'B', '2020', '', 'protect the environment for future generations', ''],
      ['c', 'C', '2021', '', 'PROTECT THE ENVIRONMENT FOR FUTURE GENERATIONS', ''],
      ['d', 'D', '2021', '', 'protect the environment for future generations', ''],
    ]);
    const al = alignVersions(inputs);
    expect(al.distinctSequences).toBe(1);
    expect(al.wordings).toHaveLength(1);
    expect(al.wordings[0]!.versions).toEqual([0, 1, 2, 3]);
    // The most common spelling stands for the wording.
    expect(al.wordings[0]!.text).toBe('protect the environment for future generations');
  });

  it('keeps context words out of the core, so they do not make wordings differ', () => {
    const { inputs } = versions(
      [
        ['a', 'A', '2019', 'the vision of ', 'building a community with a shared future', ' in full'],
        ['b', 'B', '2020', 'hands to ', 'building a community with a shared future', ', said'],
        ['c', 'C', '2021', 'task of jointly ', 'building a community with a shared future', ' today'],
      ],
      true,
    );
    const al = alignVersions(inputs);
    expect(al.wordings).toHaveLength(1);
    expect(al.wordings[0]!.text).toBe('building a community with a shared future');
    expect(al.core.end - al.core.start).toBe(7);
  });

  it('keeps a function word every version ends on, and trims one only some have', () => {
    const { inputs } = versions(
      [
        ['a', 'A', '2019', 'and so ', 'residents can judge the progress themselves', ' of it.'],
        ['b', 'B', '2020', 'so that ', 'residents can judge the progress themselves', ', he said.'],
        ['c', 'C', '2021', 'that ', 'residents can judge the progress themselves', ' in it.'],
      ],
      true,
    );
    const al = alignVersions(inputs);
    expect(al.wordings.map((w) => w.text)).toEqual(['residents can judge the progress themselves']);
  });

  it("trims the function words of the documents' own language: French \"une\" as English \"a\"", () => {
    const { inputs } = versions(
      [
        ['a', 'A', '2019', 'Dans les villes, il faut viser ', 'une société plus juste et plus solidaire', ' de demain.'],
        ['b', 'B', '2020', 'Nous devons créer ', 'une société plus juste et plus solidaire', ' dans les années qui viennent.'],
        ['c', 'C', '2021', 'Elle veut que le pays soit ', 'société plus juste et plus solidaire', ', a-t-elle dit au journal.'],
      ],
      true,
    );
    const al = alignVersions(inputs);
    expect(al.wordings.map((w) => w.text)).toEqual(['société plus juste et plus solidaire']);
  });

  it("takes a document's language from the caller when given: French declared where a short text reads as English", () => {
    const { inputs } = versions(
      [
        ['a', 'A', '2019', 'Il faut ', 'une société plus juste', ' demain.'],
        ['b', 'B', '2020', 'Créer ', 'une société plus juste', ' vite.'],
        ['c', 'C', '2021', 'Voir ', 'société plus juste', ', dit-elle.'],
      ],
      true,
    );
    expect(alignVersions(inputs).wordings.map((w) => w.text)).toEqual(['une société plus juste', 'Voir société plus juste']);
    expect(alignVersions(inputs.map((v) => ({ ...v, language: 'fr' as const }))).wordings.map((w) => w.text)).toEqual(['société plus juste']);
  });

  it('aligns 200 versions at the cost of their distinct wordings', () => {
    const forms = ['protect the environment for future generations', 'safeguard the environment for future generations', 'protect the environment for coming generations', 'protect environment for future generations'];
    const rows = Array.from({ length: 200 }, (_, i) => [`d${i}`, `Outlet ${i % 7}`, `${2000 + (i % 20)}`, `${filler(i, 1)} `, forms[i % forms.length]!, ` ${filler(1000 + i, 1)}`] as [string, string, string, string, string, string]);
    const al = alignVersions(versions(rows, true).inputs);
    expect(al.wordings.map((w) => w.versions.length)).toEqual([50, 50, 50, 50]);
    expect(al.wordings.map((w) => grid(w.cells)).sort()).toEqual([
      'protect the environment for coming generations',
      'protect the environment for future generations',
      'protect — environment for future generations',
      'safeguard the environment for future generations',
    ]);
  });

  it('gives a version with no word no wording, and refuses nothing', () => {
    const { inputs } = versions([
      ['a', 'A', '2019', '', 'shared future', ''],
      ['b', 'B', '2019', '', '...', ''],
    ]);
    const al = alignVersions(inputs);
    expect(al.versions[1]!.wording).toBe(-1);
    expect(al.wordings).toHaveLength(1);
  });
});
