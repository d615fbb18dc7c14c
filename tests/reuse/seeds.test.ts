import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REC_CONTENT, REC_INTS, REC_TOKEN } from '../../src/reuse/buckets.ts';
import { DEFAULT_REUSE_OPTIONS, type ReuseOptions } from '../../src/reuse/options.ts';
import { firstStemPart, seedHash } from '../../src/reuse/seed-hash.ts';
import { DocSeeds, SeedColumns, collectSeeds, generateSeeds, seedPolicy, winnowInto } from '../../src/reuse/seeds.ts';
import { stemStatistics } from '../../src/reuse/stem-stats.ts';
import { findStockPhrases } from '../../src/reuse/stock-phrases.ts';
import { FILLER, prepared, randomTexts } from './fixtures.ts';

const opts = (o: Partial<ReuseOptions> = {}): ReuseOptions => ({ ...DEFAULT_REUSE_OPTIONS, ...o });

function policyOf(texts: string[], o: Partial<ReuseOptions> = {}) {
  const { docs, vocab } = prepared(texts);
  const stemHash = Int32Array.from(vocab.stemHash);
  const stats = stemStatistics(docs, stemHash.length);
  const stock = findStockPhrases(docs, stats, stemHash, 3, opts(o));
  return { docs, vocab, stemHash, stats, stock, policy: seedPolicy(docs.length, stats, stock, 3, opts(o), docs[0]!.corpus.typeStem, stemHash) };
}

describe('seedPolicy', () => {
  it('keeps every seed of a small corpus', () => {
    const { policy } = policyOf(randomTexts(1, 10, 50, 100));
    expect(policy.winnow).toBe(1);
    expect(policy.safeRarity).toBe(0);
    expect(policy.maxKey).toBe(0xfffffffe);
  });

  it('winnows a large corpus and bounds the rarity of kept seeds', () => {
    const texts = randomTexts(2, 40, 200, 300);
    const { policy, stats } = policyOf(texts, { winnowMinWords: 1000 });
    expect(policy.winnow).toBe(4);
    // A pair expected by chance at most twice: class <= log2(2) - chanceLog2Base.
    const maxRarity = Math.floor(1 - policy.chanceLog2Base);
    expect(policy.maxKey).toBe((maxRarity - policy.safeRarity + 1) * 2 ** 26 - 1);
    expect(policy.chanceLog2Base).toBeCloseTo(1 + Math.log2(3) - Math.log2(stats.contentWords));
    // Common stems (in > 20% of documents) carry the common bit.
    expect(policy.stemFlags.some((f) => (f & 2) !== 0)).toBe(true);
  });
});

describe('generateSeeds', () => {
  it('pairs each content word with the next three, skipping stopwords', () => {
    const { docs, stemHash, stock, policy } = policyOf(['Protect the environment for future coming generations today.']);
    const out = new DocSeeds();
    generateSeeds(docs[0]!, policy, stock, out);
    // Six content words: 3 + 3 + 3 + 2 + 1 pairs.
    expect(out.n).toBe(12);
    expect(Array.from(out.pos.subarray(0, out.n))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4]);
    const d = docs[0]!;
    const stemOf = (k: number): number => d.corpus.typeStem[d.type[d.contentTok[k]!]!]!;
    expect(out.hash[1]).toBe(seedHash(firstStemPart(stemHash[stemOf(0)]!), stemHash[stemOf(2)]!));
  });
});

/** Winnowing by its definition: each window's rightmost minimum key, each pick once, keys above maxKey dropped. */
function naiveWinnow(keys: number[], w: number, maxKey: number): number[] {
  const picks: number[] = [];
  if (w <= 1) return keys.map((_, i) => i).filter((i) => keys[i]! <= maxKey);
  if (keys.length <= w) {
    if (keys.length === 0) return [];
    let m = 0;
    for (let i = 1; i < keys.length; i++) if (keys[i]! <= keys[m]!) m = i;
    return keys[m]! <= maxKey ? [m] : [];
  }
  for (let s = 0; s + w <= keys.length; s++) {
    let m = s;
    for (let i = s + 1; i < s + w; i++) if (keys[i]! <= keys[m]!) m = i;
    if (picks[picks.length - 1] !== m) picks.push(m);
  }
  return picks.filter((i) => keys[i]! <= maxKey);
}

/** One document's seeds with these keys (seed i: hash 1000 + i, position i, rarity its key). */
function seedsOf(keys: number[]): DocSeeds {
  const seeds = new DocSeeds();
  seeds.n = keys.length;
  keys.forEach((k, i) => {
    seeds.key[i] = k;
    seeds.hash[i] = 1000 + i;
    seeds.pos[i] = i;
    seeds.rarity[i] = k;
  });
  return seeds;
}

describe('winnowInto', () => {
  it('keeps the rightmost smallest key of every window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 6 }), (keys, w, maxKey) => {
        const seeds = seedsOf(keys);
        const out = new SeedColumns(4);
        out.length = 2;
        const n = winnowInto(seeds, w, maxKey, out);
        const expected = naiveWinnow(keys, w, maxKey);
        expect(n).toBe(expected.length);
        expect(Array.from(out.pos.subarray(2, 2 + n))).toEqual(expected);
        expect(Array.from(out.hash.subarray(2, 2 + n))).toEqual(expected.map((i) => 1000 + i));
      }),
    );
  });

  it('keeps the same seeds with a window of four, which it judges by neighbours (winnowFour)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 80 }), fc.integer({ min: -1, max: 10 }), (keys, maxKey) => {
        const seeds = seedsOf(keys);
        const out = new SeedColumns(keys.length);
        const n = winnowInto(seeds, 4, maxKey, out);
        const expected = naiveWinnow(keys, 4, maxKey);
        expect(Array.from(out.pos.subarray(0, n))).toEqual(expected);
        expect(Array.from(out.rarity.subarray(0, n))).toEqual(expected.map((i) => keys[i]));
      }),
      { numRuns: 500 },
    );
  });
});

describe('collectSeeds', () => {
  it('finds the seeds a slogan shares between two documents as recurring', () => {
    const texts = [`${FILLER[0]} protect the environment for future generations. ${FILLER[1]}`, `${FILLER[2]} safeguard the environment for coming generations. ${FILLER[3]}`];
    const { docs, vocab } = prepared(texts);
    const seeds = collectSeeds(docs, vocab, opts());
    expect(seeds.banalSeeds).toBe(0);
    const recurringWords = (d: number): string[] => {
      const words: string[] = [];
      for (let i = seeds.recurringStart[d]!; i < seeds.recurringStart[d + 1]!; i++) {
        const tok = seeds.recurring[REC_INTS * i + REC_TOKEN]!;
        expect(docs[d]!.contentTok[seeds.recurring[REC_INTS * i + REC_CONTENT]!]).toBe(tok);
        words.push(vocab.surface[docs[d]!.type[tok]!]!);
      }
      return words;
    };
    // environment..generations (skipping one word) is the only shared pair.
    expect(recurringWords(0)).toEqual(['environment']);
    expect(recurringWords(1)).toEqual(['environment']);
    expect(seeds.count).toBeGreaterThan(2 * 20);
  });
});
