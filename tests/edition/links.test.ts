import { describe, expect, it } from 'vitest';
import { describeView, linkedCorpus, pageAddress, withCorpus, type ViewNames } from '../../src/edition/links.ts';
import { parseHash } from '../../src/state/url.ts';

describe('withCorpus / linkedCorpus', () => {
  const corpus = { id: '1k3x9z', name: 'Week 3 & 4: “shared future” / 2024?' };

  it('round-trips the corpus, and the router still reads the view without a warning', () => {
    for (const hash of ['#/family/fk5ogy0', '#/compare/a/b?sync=0&at=2', '#/search?q=a%26b']) {
      const linked = withCorpus(hash, corpus);
      expect(linkedCorpus(linked)).toEqual(corpus);
      expect(parseHash(linked)).toEqual(parseHash(hash));
    }
  });

  it('cuts a long name and ignores links without a corpus or with a broken one', () => {
    expect(linkedCorpus(withCorpus('#/', { id: 'x', name: 'n'.repeat(300) }))!.name).toHaveLength(80);
    expect(linkedCorpus('#/family/f1')).toBeNull();
    expect(linkedCorpus('#/family/f1?corpus=Only%20a%20name')).toBeNull();
    expect(linkedCorpus('#/family/f1?cid=abc&corpus=%E0%A4%A')).toEqual({ id: 'abc', name: 'a corpus without a name' });
  });
});

describe('pageAddress', () => {
  it('drops the fragment', () => {
    expect(pageAddress('file:///home/ann/refrain.html#/family/f1')).toBe('file:///home/ann/refrain.html');
    expect(pageAddress('https://x.org/set/')).toBe('https://x.org/set/');
  });
});

describe('describeView', () => {
  const names: ViewNames = {
    doc: (id) => (id === 'a' ? { title: 'Economy holds', outlet: 'The Paper', date: null } : id === 'b' ? { title: null, outlet: 'Daily Post', date: { value: '2021', precision: 'year', approximate: false } } : undefined),
    formula: (id) => (id === 'f1' ? 'a shared future' : undefined),
  };
  it('says which view, by titles and labels', () => {
    expect(describeView(parseHash('#/compare/a/b').view, names)).toBe('the comparison of the document “Economy holds” with the document from Daily Post, 2021');
    expect(describeView(parseHash('#/family/f1').view, names)).toBe('the formula “a shared future”');
    expect(describeView(parseHash('#/family/f2').view, names)).toBe('a formula');
    expect(describeView(parseHash('#/doc/zz').view, names)).toBe('a document not in this corpus');
    expect(describeView(parseHash('#/trends?terms=a,b').view, names)).toBe('the trends of “a”, “b”');
  });
});
