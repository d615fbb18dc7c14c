import { describe, expect, it } from 'vitest';
import { joinWords, matchPairs, matchScore, oneEditApart, versionTokens, type Form } from '../../src/compare/formula-tokens.ts';

describe('versionTokens', () => {
  it('keeps offsets into the document and splits Han runs into characters', () => {
    const text = 'Intro: 构建网络空间命运共同体, said Xi.';
    const tokens = versionTokens(text, 7, 16);
    expect(tokens.map((t) => t.text)).toEqual([...'构建网络空间命运共']);
    expect(tokens.every((t) => text.slice(t.start, t.end) === t.text)).toBe(true);
  });
  it('marks function words and folds case', () => {
    const tokens = versionTokens('Building A Community', 0, 20);
    expect(tokens.map((t) => [t.norm, t.content])).toEqual([['building', true], ['a', false], ['community', true]]);
  });
});

describe('joinWords', () => {
  it('spaces words, but not two characters of a script written without spaces', () => {
    const text = '各国应当构建更加紧密的 community 网络';
    expect(joinWords(versionTokens(text, 4, 11))).toBe('构建更加紧密的');
    expect(joinWords(versionTokens(text, 9, text.length))).toBe('密的 community 网络');
    expect(joinWords(versionTokens('a shared future', 0, 15))).toBe('a shared future');
  });
});

describe('matchScore', () => {
  const t = (norm: string, stem = norm, content = true) => ({ norm, stem, content });
  it('matches a word, an inflection and a one-letter spelling variant, nothing else', () => {
    expect(matchScore(t('future'), t('future'))).toBeGreaterThan(matchScore(t('build', 'build'), t('building', 'build'))!);
    expect(matchScore(t('organisation', 'organis'), t('organization', 'organiz'))).not.toBeNull();
    expect(matchScore(t('future'), t('destiny'))).toBeNull();
    expect(matchScore(t('of', 'of', false), t('with', 'with', false))).toBeNull();
  });
  it('oneEditApart', () => {
    expect(oneEditApart('colour', 'color')).toBe(true);
    expect(oneEditApart('color', 'colour')).toBe(true);
    expect(oneEditApart('grey', 'gray')).toBe(true);
    expect(oneEditApart('same', 'same')).toBe(false);
    expect(oneEditApart('future', 'futures!')).toBe(false);
  });
});

describe('matchPairs', () => {
  const forms = (s: string): Form[] => versionTokens(s, 0, s.length);
  const words = (s: string) => s.split(' ');
  const paired = (a: string, b: string) => matchPairs(forms(a), forms(b)).map(([i, j]) => [words(a)[i], words(b)[j]]);

  it('pairs the shared words in order, leaving out the context either side for free', () => {
    const a = 'speeches said building a community with a shared future';
    const b = 'we must keep building a community with a shared future today';
    expect(paired(a, b)).toEqual(['building', 'a', 'community', 'with', 'a', 'shared', 'future'].map((w) => [w, w]));
  });

  it('pairs an inflection and a spelling variant, and steps over a word only one side has', () => {
    const a = 'the organisation builds a strong shared future';
    const b = 'the organization is building a shared future';
    expect(paired(a, b)).toEqual([
      ['the', 'the'],
      ['organisation', 'organization'],
      ['builds', 'building'],
      ['a', 'a'],
      ['shared', 'shared'],
      ['future', 'future'],
    ]);
  });

  it('pairs nothing when no word matches', () => {
    expect(matchPairs(forms('rivers and bridges'), forms('quiet mountain towns'))).toEqual([]);
    expect(matchPairs([], forms('anything'))).toEqual([]);
  });
});
