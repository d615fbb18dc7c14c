import { describe, expect, it } from 'vitest';
import { DEFAULT_REUSE_OPTIONS } from '../../src/reuse/options.ts';
import { TOK_BANAL } from '../../src/reuse/prepare.ts';
import { diagonalSupport } from '../../src/reuse/single-seed.ts';
import { pairOf, prepared } from './fixtures.ts';

function setup(a: string, b: string) {
  const { docs } = prepared([a, b]);
  return { pair: pairOf(docs, 0, 1), docs };
}

const opts = DEFAULT_REUSE_OPTIONS;

describe('diagonalSupport', () => {
  it('passes a seed with matching tokens and content words around it on its diagonal', () => {
    // "environment" is token 3 in a and token 5 in b: diagonal 2.
    const { pair } = setup('we must protect the environment for future generations now', 'it is time to safeguard the environment for coming generations today');
    expect(diagonalSupport(pair, 3, 2, opts)).toBe(true);
    // The same seed on a wrong diagonal has no support.
    expect(diagonalSupport(pair, 3, 0, opts)).toBe(false);
  });

  it('counts a content match one token off the diagonal (a word inserted)', () => {
    const { pair } = setup('alpha beta rivers flow into the wide sea', 'gamma delta rivers flow quietly into the wide sea');
    // rivers, flow on diagonal 0; wide, sea one past it, after the inserted word.
    expect(diagonalSupport(pair, 3, 0, { ...opts, minMatchedTokens: 2, minContentMatches: 4 })).toBe(true);
    expect(diagonalSupport(pair, 3, 0, { ...opts, minMatchedTokens: 2, minContentMatches: 5 })).toBe(false);
  });

  it('does not count content matches that are stock phrases on both sides', () => {
    const { pair, docs } = setup('we must protect the environment for future generations now', 'it is time to safeguard the environment for coming generations today');
    for (const d of docs) for (let k = 0; k < d.count; k++) d.flags[k] = d.flags[k]! | TOK_BANAL;
    expect(diagonalSupport(pair, 3, 2, opts)).toBe(false);
  });

  it('never lets a token of one document support itself', () => {
    const { docs } = prepared(['rivers flow into the wide sea and rivers flow into the wide sea']);
    const pair = pairOf(docs, 0, 0);
    expect(pair.same).toBe(true);
    expect(diagonalSupport(pair, 0, 0, opts)).toBe(false);
    // The repeat, 7 tokens later.
    expect(diagonalSupport(pair, 0, 7, opts)).toBe(true);
  });
});
