import { describe, expect, it } from 'vitest';
import { KIND_BREAK, KIND_CONTENT, collectOccurrences, groupSides, tokenKinds } from '../../src/reuse/formula-occurrences.ts';
import { radixOrder } from '../../src/reuse/radix-sort.ts';
import { OPTIONS, PassageBuilder, layoutOf } from './formula-fixtures.ts';

const occurrences = (b: PassageBuilder) => {
  const { cores } = collectOccurrences(b.passages, groupSides(b.passages, OPTIONS.familyOverlap), b.path);
  return Array.from({ length: cores.count }, (_, o) => ({
    group: cores.group[o], doc: cores.doc[o], first: cores.first[o], last: cores.last[o], links: cores.links[o],
    counts: Array.from(cores.counts.subarray(cores.countAt[o]!, cores.countAt[o + 1]!)),
    passages: Array.from(cores.passageList.subarray(cores.passageStart[o]!, cores.passageStart[o + 1]!)),
  }));
};

describe('groupSides', () => {
  it('links the two sides of a passage, and sides in one document overlapping by familyOverlap of the longer', () => {
    const b = new PassageBuilder().add(0, 0, 1, 0, 5).add(1, 1, 2, 0, 5).add(2, 20, 3, 20, 10).add(3, 22, 4, 0, 5);
    const { root } = groupSides(b.passages, OPTIONS.familyOverlap);
    // Passages 0 and 1 share 4 of 5 tokens in document 1 (0.8): one group.
    expect(new Set([root[0], root[1], root[2], root[3]]).size).toBe(1);
    // Passage 3's side in document 3 is half of passage 2's side there: two groups.
    expect(root[4]).toBe(root[5]);
    expect(root[6]).toBe(root[7]);
    expect(root[4]).not.toBe(root[6]);
  });

  it('joins sides of the frequent path when they overlap at all, and never with the other path', () => {
    const b = new PassageBuilder()
      .add(0, 0, 1, 0, 6, { frequent: true })
      .add(0, 5, 2, 0, 6, { frequent: true })
      .add(0, 0, 3, 0, 6);
    const { root } = groupSides(b.passages, OPTIONS.familyOverlap);
    expect(root[0]).toBe(root[2]);
    expect(root[4]).not.toBe(root[0]);
  });
});

describe('collectOccurrences', () => {
  it('makes one occurrence per group and document (the union of its sides), with per-token match counts and passages', () => {
    const b = new PassageBuilder().add(0, 0, 1, 0, 5).add(1, 1, 2, 0, 5, { subs: [4] });
    expect(occurrences(b)).toEqual([
      { group: 0, doc: 0, first: 0, last: 4, links: 1, counts: [1, 1, 1, 1, 1], passages: [0] },
      { group: 0, doc: 1, first: 0, last: 5, links: 2, counts: [1, 2, 2, 2, 2, 0], passages: [0, 1] },
      { group: 0, doc: 2, first: 0, last: 4, links: 1, counts: [1, 1, 1, 1, 0], passages: [1] },
    ]);
  });

  it('keeps a group\'s occurrences consecutive, groups in order of their root', () => {
    const b = new PassageBuilder().add(0, 30, 1, 30, 5).add(0, 0, 1, 0, 5);
    const occ = occurrences(b);
    expect(occ.map((o) => [o.group, o.doc, o.first])).toEqual([[0, 0, 30], [0, 1, 30], [2, 0, 0], [2, 1, 0]]);
  });
});

describe('tokenKinds', () => {
  it('copies each occurrence\'s content words and breaks beside its counts', () => {
    const b = new PassageBuilder().add(0, 1, 1, 0, 5);
    const layout = layoutOf('fwf.wwfw', 'ww.fwwf');
    const { cores } = collectOccurrences(b.passages, groupSides(b.passages, OPTIONS.familyOverlap), b.path);
    const kinds = tokenKinds(cores, layout, radixOrder(cores.doc, cores.count));
    const kindsOf = (o: number) => Array.from(kinds.subarray(cores.countAt[o]!, cores.countAt[o + 1]!), (k) => (k & KIND_BREAK ? '.' : '') + (k & KIND_CONTENT ? 'w' : 'f')).join('');
    // Tokens 1-5 of document 0 ("wf.wwf"), 0-4 of document 1 ("ww.fww").
    expect(kindsOf(0)).toBe('wf.wwf');
    expect(kindsOf(1)).toBe('ww.fww');
  });
});
