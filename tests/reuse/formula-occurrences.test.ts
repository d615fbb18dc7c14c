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

  it("joins a star centre's sides that hold its phrase, other star sides as the other path's, and never with the other path", () => {
    const b = new PassageBuilder()
      // Side a of each: the centre's run, tokens 0-9 of document 0.
      .add(0, 0, 1, 0, 10, { frequent: true })
      .add(0, 0, 2, 0, 10, { frequent: true })
      .add(0, 1, 3, 0, 9, { frequent: true })
      // A frame around the phrase in document 5: it holds the phrase.
      .add(0, 0, 5, 0, 14, { frequent: true })
      // Another phrase that shares the run's last words: not the same occurrence.
      .add(0, 7, 4, 0, 6, { frequent: true })
      .add(0, 0, 6, 0, 10);
    const { root } = groupSides(b.passages, OPTIONS.familyOverlap);
    expect(root[2]).toBe(root[0]);
    expect(root[4]).toBe(root[0]);
    expect(root[6]).toBe(root[0]);
    expect(root[8]).not.toBe(root[0]);
    expect(root[10]).not.toBe(root[0]);
  });

  it('joins a run\'s own star side with a centre there only by the overlap: a side on the words two phrases share chains nothing', () => {
    const b = new PassageBuilder()
      // Document 1's run (tokens 0-11) is a centre: three runs aligned with all of it.
      .add(1, 0, 2, 0, 12, { frequent: true })
      .add(1, 0, 3, 0, 12, { frequent: true })
      .add(1, 0, 4, 0, 12, { frequent: true })
      // Its own side b, aligned with another phrase's centre (document 0) on 4 shared words.
      .add(0, 3, 1, 8, 4, { frequent: true });
    const { root } = groupSides(b.passages, OPTIONS.familyOverlap);
    expect(root[2]).toBe(root[0]);
    expect(root[7]).not.toBe(root[0]);
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
