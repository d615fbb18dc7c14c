import { describe, expect, it } from 'vitest';
import { findMatches, findOccurrences, mergeRanges } from '../../src/search/match.ts';
import { parseQuery, parseTerm } from '../../src/search/query.ts';

const at = (text: string, r: { start: number; end: number }[]) => r.map((x) => text.slice(x.start, x.end));

describe('findMatches', () => {
  it('marks every form of a stemmed word', () => {
    const text = 'One rabbit, two Rabbits; the rabbit’s burrow.';
    const m = findMatches(text, parseQuery('rabbits'));
    expect(m.complete).toBe(true);
    expect(at(text, m.ranges)).toEqual(['rabbit', 'Rabbits', 'rabbit’s']);
  });

  it('verifies a phrase by consecutive tokens, stopwords included', () => {
    const text = 'The rule of law. A rule and law. Rules of law!';
    const m = findMatches(text, parseQuery('"rule of law"'));
    expect(at(text, m.ranges)).toEqual(['rule of law', 'Rules of law']);
    expect(findMatches('rule and law', parseQuery('"rule of law"')).complete).toBe(false);
  });

  it('finds and marks a Chinese word inside a run of Han characters at the right offsets', () => {
    const text = 'Intro: 推动构建网络空间命运共同体。';
    const m = findMatches(text, parseQuery('网络空间'));
    expect(m.ranges).toEqual([{ start: 11, end: 15 }]);
    expect(text.slice(11, 15)).toBe('网络空间');
    const two = findMatches(text, parseQuery('空间'));
    expect(at(text, two.ranges)).toEqual(['空间']);
  });

  it('handles astral characters without splitting surrogate pairs', () => {
    const text = '𠀋𠀋 word 𠀋x';
    const m = findMatches(text, parseQuery('word'));
    expect(at(text, m.ranges)).toEqual(['word']);
  });
});

describe('findOccurrences', () => {
  it('lists each occurrence of a phrase', () => {
    const text = 'digital divide, the digital divides and digital world';
    expect(at(text, findOccurrences(text, parseTerm('digital divide')))).toEqual(['digital divide', 'digital divides']);
  });
});

describe('mergeRanges', () => {
  it('merges overlapping ranges (Han bigrams) and sorts', () => {
    expect(mergeRanges([{ start: 5, end: 7 }, { start: 0, end: 2 }, { start: 1, end: 3 }])).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 7 },
    ]);
  });
});
