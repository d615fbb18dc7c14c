import { describe, expect, it } from 'vitest';
import { collate, markAgainst, wordingOfDoc, type CollationPiece } from '../../src/compare/collation.ts';
import { alignVersions } from '../../src/compare/multi-align.ts';
import { versions } from './formula-fixtures.ts';

/** Pieces as a compact string: [-dropped] [+inserted] [base→new]. */
const show = (pieces: CollationPiece[]) =>
  pieces.map((p) => (p.mark === 'same' ? p.text : p.mark === 'del' ? `[-${p.base}]` : p.mark === 'ins' ? `[+${p.text}]` : `[${p.base}→${p.text}]`) + p.sep).join('');

const made = () =>
  versions(
    [
      ['late', 'Blue Times', '2021', 'Leaders say we must ', 'safeguard the environment for coming generations', ' now.'],
      ['early', 'Green Daily', '2019-05', 'Intro. We must ', 'protect the environment for future generations', '.'],
      ['mid', 'Red Post', '2020', 'They ', 'protect the environment, for future generations', ' too.'],
      ['drop', 'Red Post', '2020-02', 'And to ', 'protect environment for future generations', '.'],
      ['nodate', null, null, '', 'protect the environment for future generations', ''],
    ],
    true,
  );

describe('collate', () => {
  it('groups versions by wording, earliest wording first, versions in date order with undated last', () => {
    const { inputs, docs } = made();
    const c = collate(alignVersions(inputs), docs);
    expect(c.groups.map((g) => [g.text, g.versions.map((v) => v.doc.id)])).toEqual([
      ['protect the environment for future generations', ['early', 'mid', 'nodate']],
      ['protect environment for future generations', ['drop']],
      ['safeguard the environment for coming generations', ['late']],
    ]);
    expect(c.groups[0]!.versions.map((v) => v.undated)).toEqual([false, false, true]);
    expect(c.groups[0]!.isBase).toBe(true);
    expect(c.variantGroups).toBe(2);
  });

  it('marks substitutions with the base words, and shows what a version dropped', () => {
    const { inputs, docs } = made();
    const c = collate(alignVersions(inputs), docs);
    expect(show(c.groups[2]!.pieces)).toBe('[protect→safeguard] the environment for [future→coming] generations');
    expect(show(c.groups[1]!.pieces)).toBe('protect [-the] environment for future generations');
    expect(c.groups[1]!.changes).toEqual({ sub: 0, ins: 0, del: 1 });
  });

  it('never marks context words: the core is found, the context is kept with each version', () => {
    const { inputs, docs } = made();
    const c = collate(alignVersions(inputs), docs);
    const late = c.groups[2]!.versions[0]!;
    const text = docs.get('late')!.text;
    expect(text.slice(late.start, late.coreStart)).toBe('Leaders say we must ');
    expect(text.slice(late.coreStart, late.coreEnd)).toBe('safeguard the environment for coming generations');
    expect(text.slice(late.coreEnd, late.end)).toBe(' now.');
  });

  it('takes another base on request, and finds the wording of a document', () => {
    const { inputs, docs } = made();
    const al = alignVersions(inputs);
    const late = wordingOfDoc(al, 'late')!;
    const c = collate(al, docs, late);
    expect(c.groups.find((g) => g.isBase)!.text).toBe('safeguard the environment for coming generations');
    // The dropped "the" joins the swap next to it: one change, "safeguard the" → "protect".
    expect(show(c.groups[1]!.pieces)).toBe('[safeguard the→protect] environment for [coming→future] generations');
    expect(wordingOfDoc(al, 'nowhere')).toBeUndefined();
  });

  it('keeps the punctuation of the wording it shows', () => {
    const { inputs, docs } = versions([
      ['a', 'A', '2019', '', 'a multilateral, democratic and transparent system', ''],
      ['b', 'B', '2020', '', 'a multilateral, democratic and transparent system', ''],
      ['c', 'C', '2021', '', 'a rule-based system', ''],
    ]);
    const al = alignVersions(inputs);
    const c = collate(al, docs);
    expect(show(c.groups[0]!.pieces)).toBe('a multilateral, democratic and transparent system');
    expect(show(markAgainst(al.wordings[1]!, al.wordings[0]!, docs.get('c')!.text, docs.get('a')!.text))).toBe('a [multilateral, democratic and transparent→rule-based] system');
  });
});
