import { describe, expect, it } from 'vitest';
import { cmp, sortSmall } from '../../src/reuse/families.ts';
import { familiesFromSpans as buildFamilies } from '../../src/reuse/span-families.ts';
import { UnionFind } from '../../src/reuse/union-find.ts';
import { DEFAULT_REUSE_OPTIONS } from '../../src/reuse/options.ts';
import type { Passage, ReuseInput, Span } from '../../src/reuse/types.ts';

const docs: ReuseInput[] = [
  { id: 'a', text: 'We will protect the environment for future generations, said the mayor.', date: { value: '2020-02', precision: 'month', approximate: false }, outlet: 'Herald' },
  { id: 'b', text: 'Protect the environment for future generations! The council agreed.', date: { value: '2019', precision: 'year', approximate: false }, outlet: 'Courier' },
  { id: 'c', text: 'They vowed to safeguard the environment for coming generations.', date: null },
  { id: 'd', text: 'Markets opened slowly on Monday as traders weighed weather reports.' },
];

function span(doc: string, phrase: string): Span {
  const text = docs.find((d) => d.id === doc)!.text;
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`no "${phrase}" in ${doc}`);
  return { doc, start, end: start + phrase.length };
}

function passage(a: Span, b: Span): Passage {
  return { a, b, score: 10, expectedByChance: null, scope: 'between', tier: 'close', words: 6, contentMatches: 4, similarity: 1, ops: [] };
}

describe('familiesFromSpans', () => {
  it('joins passages whose spans in one document overlap by familyOverlap into one family', () => {
    const passages = [
      passage(span('a', 'protect the environment for future generations'), span('b', 'Protect the environment for future generations')),
      // Overlaps the first passage's span in b by 38 of 46 characters (> 0.8).
      passage(span('b', 'the environment for future generations'), span('c', 'the environment for coming generations')),
    ];
    const families = buildFamilies(passages, docs, DEFAULT_REUSE_OPTIONS);
    expect(families).toHaveLength(1);
    const f = families[0]!;
    // Per document the union of overlapping spans; members by date (undated last).
    expect(f.members).toEqual([span('b', 'Protect the environment for future generations'), span('a', 'protect the environment for future generations'), span('c', 'the environment for coming generations')]);
    // The label as it stands in the earliest member with the most common wording (b, 2019).
    expect(f.label).toBe('Protect the environment for future generations');
    expect(f.core).toBe('protect the environment for future generations');
    expect(f.variants).toEqual([
      { wording: 'protect the environment for future generations', text: 'Protect the environment for future generations', count: 2 },
      { wording: 'the environment for coming generations', text: 'the environment for coming generations', count: 1 },
    ]);
    expect([f.kind, f.boilerplate, f.contains, f.partOf]).toEqual(['framing', false, [], []]);
    expect(f.spread).toEqual({ first: { doc: 'b', date: '2019' }, outlets: ['Courier', 'Herald'], years: ['2019', '2020'] });
    expect([f.documents, f.passages]).toEqual([3, [0, 1]]);
    expect(f.id).toMatch(/^f[0-9a-z]+$/);
  });

  it('keeps a span that overlaps less than familyOverlap apart, and drops groups under familyMinDocs', () => {
    const passages = [
      passage(span('a', 'protect the environment for future generations'), span('b', 'Protect the environment for future generations')),
      passage(span('b', 'future generations'), span('c', 'coming generations')),
    ];
    const two = buildFamilies(passages, docs, DEFAULT_REUSE_OPTIONS);
    expect(two.map((f) => f.documents)).toEqual([2, 2]);
    expect(buildFamilies(passages, docs, { ...DEFAULT_REUSE_OPTIONS, familyMinDocs: 3 })).toEqual([]);
    expect(buildFamilies(passages, docs, { ...DEFAULT_REUSE_OPTIONS, familyOverlap: 0.3 })).toHaveLength(1);
  });

  it('does not depend on the order of the passages', () => {
    const passages = [
      passage(span('a', 'protect the environment'), span('b', 'Protect the environment')),
      passage(span('b', 'the environment for future generations'), span('c', 'the environment for coming generations')),
      passage(span('a', 'future generations'), span('c', 'coming generations')),
    ];
    const forward = buildFamilies(passages, docs, DEFAULT_REUSE_OPTIONS);
    const backward = buildFamilies([...passages].reverse(), docs, DEFAULT_REUSE_OPTIONS);
    expect(backward.map((f) => [f.id, f.members, f.label])).toEqual(forward.map((f) => [f.id, f.members, f.label]));
  });
});

describe('sortSmall', () => {
  it('sorts stably, short arrays by insertion and long ones natively', () => {
    for (const n of [0, 1, 5, 16, 17, 40]) {
      const xs = Array.from({ length: n }, (_, i) => ({ key: (i * 7) % 5, i }));
      const sorted = sortSmall([...xs], (x, y) => x.key - y.key);
      expect(sorted).toEqual([...xs].sort((x, y) => x.key - y.key || x.i - y.i));
    }
  });
});

describe('cmp', () => {
  it('orders by UTF-16 code units, the same in every locale', () => {
    expect(['é', 'z', 'Z', 'a', '\u{1F600}', '\uFFFF'].sort(cmp)).toEqual(['Z', 'a', 'z', 'é', '\u{1F600}', '\uFFFF']);
    expect(cmp('a', 'a')).toBe(0);
  });
});

describe('UnionFind', () => {
  it('roots each set at its smallest member', () => {
    const uf = new UnionFind(6);
    uf.union(4, 2);
    uf.union(5, 4);
    uf.union(3, 1);
    expect([0, 1, 2, 3, 4, 5].map((x) => uf.find(x))).toEqual([0, 1, 2, 1, 2, 2]);
  });
});
