import { describe, expect, it } from 'vitest';
import { contentStemsOf, stemStatistics } from '../../src/reuse/stem-stats.ts';
import { prepared } from './fixtures.ts';

describe('stemStatistics', () => {
  it('counts each content stem per document and in all', () => {
    const { docs, vocab } = prepared(['Protect the forests, protected forest.', 'The forest burns.', 'Of the and to.']);
    const stats = stemStatistics(docs, vocab.stems.length);
    const id = (s: string): number => vocab.stems.indexOf(s);
    expect(stats.contentWords).toBe(6);
    expect(stats.occurrences[id('forest')]).toBe(3);
    expect(stats.docFreq[id('forest')]).toBe(2);
    expect(stats.occurrences[id('protect')]).toBe(2);
    expect(stats.docFreq[id('protect')]).toBe(1);
    // Stopwords are not content words.
    expect(stats.occurrences[id('the')]).toBe(0);
  });
});

describe('contentStemsOf', () => {
  it('lists the stems of a document’s content words, growing the buffer', () => {
    const { docs, vocab } = prepared(['The river runs to the sea and the river bends.']);
    const out = contentStemsOf(docs[0]!, new Int32Array(1));
    expect(Array.from(out.subarray(0, 5), (s) => vocab.stems[s])).toEqual(['river', 'run', 'sea', 'river', 'bend']);
  });
});
