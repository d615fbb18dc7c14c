import { describe, expect, it } from 'vitest';
import { changesAgainst, differences, formulaLedger, kindOf, swapOf, type DocInfo } from '../../src/compare/ledger.ts';
import { alignVersions } from '../../src/compare/multi-align.ts';
import { versions } from './formula-fixtures.ts';
import { parseDocDate } from '../../src/corpus/metadata.ts';

type Row = [string, string | null, string | null, string, string, string];
const row = (id: string, outlet: string, date: string, formula: string, before = ''): Row => [id, outlet, date, before, formula, ''];

function formula(id: string, rows: Row[], withContext = false) {
  const { inputs, docs } = versions(rows, withContext);
  return { formula: { id, label: id, alignment: alignVersions(inputs) }, docs };
}

const infoOf = (...sets: { docs: Map<string, { outlet: string | null; date: ReturnType<typeof parseDocDate> | null }> }[]) => {
  const out = new Map<string, DocInfo>();
  for (const s of sets) for (const [id, d] of s.docs) out.set(id, { outlet: d.outlet, date: d.date });
  return out;
};

/** The runs where the first two wordings differ: their words, and the kind of each. */
const runsOf = ({ wordings: [base, other] }: ReturnType<typeof alignVersions>) =>
  differences(base!, other!).map((d) => [d.a.map((t) => t.text).join(' '), d.b.map((t) => t.text).join(' '), kindOf(d)]);

describe('differences', () => {
  it('finds swaps, phrase-level swaps and drops between two wordings, and tells an inflection from a swap', () => {
    const { formula: f } = formula('f', [
      row('a', 'A', '2019', 'building a community with a shared future in cyberspace'),
      row('b', 'A', '2019', 'building a community with a shared future in cyberspace'),
      row('c', 'B', '2022', 'build a community of shared destiny in cyberspace'),
    ]);
    const ds = runsOf(f.alignment);
    expect(ds).toEqual([
      ['building', 'build', 'inflection'],
      ['with a', 'of', 'swap'],
      ['future', 'destiny', 'swap'],
    ]);
  });
  it('calls a changed word another form of it only when the two share a stem a word can have', () => {
    const { formula: f } = formula('f', [
      row('a', 'A', '2019', 'read the rules at https colon slash slash our site before you post'),
      row('b', 'A', '2019', 'read the rules at https colon slash slash our site before you post'),
      row('c', 'B', '2022', 'read the rule at http colon slash slash our site before you post'),
    ]);
    const ds = runsOf(f.alignment);
    // "rules" is a plural of "rule"; "https" is no plural of "http" (the stemmer's key "http" has no vowel).
    expect(ds).toEqual([
      ['rules', 'rule', 'inflection'],
      ['https', 'http', 'swap'],
    ]);
    expect(changesAgainst(f.alignment, 0).map((c) => [c.kind, c.other, c.base])).toEqual([
      ['swap', 'http', 'https'],
      ['inflection', 'rule', 'rules'],
    ]);
  });
});

describe('swapOf', () => {
  it('keeps a phrase-level swap of function words whole, and takes a content swap out of a run that also drops a word', () => {
    const { formula: f } = formula('f', [
      row('a', 'A', '2019', 'protect the environment with a shared future'),
      row('b', 'A', '2019', 'protect the environment with a shared future'),
      row('c', 'B', '2022', 'safeguard environment of shared future'),
    ]);
    const [base, other] = f.alignment.wordings;
    const ds = differences(base!, other!).map(swapOf).map((d) => `${d.a.map((t) => t.text).join(' ')} ↔ ${d.b.map((t) => t.text).join(' ')}`);
    expect(ds).toEqual(['protect ↔ safeguard', 'with a ↔ of']);
  });
});

describe('formulaLedger', () => {
  const one = formula('one', [
    row('a1', 'People’s Daily', '2019', 'a community with a shared future in cyberspace'),
    row('a2', 'China Daily', '2019', 'a community with a shared future in cyberspace'),
    row('a3', 'China Daily', '2022', 'a community of shared future in cyberspace'),
    row('a4', 'YCPress', '2020', 'a community of shared destiny in cyberspace'),
  ]);
  describe('changesAgainst: moved words', () => {
  it('says a clause that changed place is moved, not left out', () => {
    const { formula: f } = formula('moved', [
      row('m1', 'A', '2019', 'protect clean rivers for future generations and build affordable homes for working families'),
      row('m2', 'A', '2020', 'protect clean rivers for future generations and build affordable homes for working families'),
      row('m3', 'B', '2021', 'build affordable homes for working families and protect clean rivers for future generations'),
    ]);
    const base = f.alignment.versions[0]!.wording;
    const changes = changesAgainst(f.alignment, base).map((c) => [c.kind, c.base || c.other, c.versions.length]);
    expect(changes).toHaveLength(1);
    expect(changes[0]![0]).toBe('moved');
    expect(changes[0]![2]).toBe(1);
  });

  it('says words the other version has nowhere are left out', () => {
    const { formula: f } = formula('dropped', [
      row('n1', 'A', '2019', 'protect clean rivers for future generations and build affordable homes for working families'),
      row('n2', 'A', '2020', 'protect clean rivers for future generations and build affordable homes for working families'),
      row('n3', 'B', '2021', 'build affordable homes for working families and plant new trees in every town'),
    ]);
    const base = f.alignment.versions[0]!.wording;
    const kinds = changesAgainst(f.alignment, base).map((c) => c.kind);
    expect(kinds).toContain('drop');
    expect(kinds).not.toContain('moved');
  });
});

const two = formula('two', [
    row('b1', 'Green Daily', '2019', 'protect the environment for future generations'),
    row('b2', 'Blue Times', '2021', 'safeguard the environment for future generations'),
    row('b3', 'Red Post', '2021', 'safeguard the environment for future generations'),
    row('b4', 'Red Post', '2022', 'protect environment for future generations'),
  ]);

  it('counts the versions and names the outlets and years on each side of a swap', () => {
    const ledger = formulaLedger([one.formula, two.formula], infoOf(one, two));
    const swap = (a: string, b: string) => ledger.find((e) => (e.a.words === a && e.b.words === b) || (e.a.words === b && e.b.words === a))!;
    const withOf = swap('with a', 'of');
    expect(withOf.content).toBe(false);
    const of = withOf.a.words === 'of' ? withOf.a : withOf.b;
    expect([of.versions, of.outlets, of.years]).toEqual([2, ['China Daily', 'YCPress'], ['2020', '2022']]);
    expect((withOf.a.words === 'of' ? withOf.b : withOf.a).versions).toBe(2);
    const protect = swap('protect', 'safeguard');
    expect(protect.content).toBe(true);
    expect(protect.examples[0]).toMatchObject({ family: 'two', a: expect.stringContaining(protect.a.words), b: expect.stringContaining(protect.b.words) });
    expect(swap('future', 'destiny')).toBeDefined();
  });

  it('leaves out drops, inflections and context words, and ranks swaps both sides use often first', () => {
    const noisy = formula(
      'noisy',
      [
        row('c1', 'A', '2019', 'building a community with a shared future', 'the vision of '),
        row('c2', 'B', '2020', 'building a community with a shared future', 'hands to '),
        row('c3', 'C', '2021', 'build a community with a shared future', 'task of jointly '),
        row('c4', 'D', '2022', 'building a community with a common future', 'he said '),
      ],
      true,
    );
    const ledger = formulaLedger([noisy.formula, two.formula], infoOf(noisy, two));
    const pairs = ledger.map((e) => `${e.a.words} ↔ ${e.b.words}`);
    // "safeguard the ↔ protect" (a swap beside a drop) counts as "protect ↔ safeguard", with b4 on the protect side.
    expect(pairs).toEqual(['protect ↔ safeguard', 'shared ↔ common']);
    expect(ledger[0]!.b.versions).toBe(2);
  });
});

describe('changesAgainst', () => {
  it('says what each other wording swaps, drops and adds against the base, most versions first', () => {
    const al = two.formula.alignment;
    const base = al.versions[0]!.wording; // Green Daily's "protect the environment…"
    const changes = changesAgainst(al, base).map((c) => [c.kind, c.base, c.other, c.versions.length]);
    expect(changes).toEqual([
      ['swap', 'protect', 'safeguard', 2],
      ['drop', 'the', '', 1],
    ]);
  });
});

const two = formula('two', [
  row('b1', 'Green Daily', '2019', 'protect the environment for future generations'),
  row('b2', 'Blue Times', '2021', 'safeguard the environment for future generations'),
  row('b3', 'Red Post', '2021', 'safeguard the environment for future generations'),
  row('b4', 'Red Post', '2022', 'protect environment for future generations'),
]);
