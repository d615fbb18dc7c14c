import { describe, expect, it } from 'vitest';
import { DEFAULT_REUSE_OPTIONS, type ReuseOptions } from '../../src/reuse/options.ts';
import { TOK_BANAL } from '../../src/reuse/prepare.ts';
import { stemStatistics } from '../../src/reuse/stem-stats.ts';
import {
  HashSet32,
  banalDocCap,
  banalOccurrenceCap,
  countBySorting,
  countPacked,
  countWide,
  findStockPhrases,
  pairBit,
  STOCK_FIRST,
  STOCK_SECOND,
  stockRoles,
  type PairCount,
} from '../../src/reuse/stock-phrases.ts';
import { firstStemPart, seedHash } from '../../src/reuse/seed-hash.ts';
import { collectSeeds } from '../../src/reuse/seeds.ts';
import { stem } from '../../src/text/stem.ts';
import { prepared, randomTexts } from './fixtures.ts';

const opts = (o: Partial<ReuseOptions> = {}): ReuseOptions => ({ ...DEFAULT_REUSE_OPTIONS, ...o });

describe('banalDocCap', () => {
  it('is banalMaxDocs, a share of a large corpus, and at most a fraction of a corpus of banalMinCorpus docs', () => {
    expect(banalDocCap(5, opts())).toBe(100);
    expect(banalDocCap(20, opts())).toBe(10);
    expect(banalDocCap(4000, opts())).toBe(200);
    expect(banalDocCap(10, opts({ banalDocFraction: 0.1 }))).toBe(2);
  });
});

describe('banalOccurrenceCap', () => {
  it('grows with the corpus like the document cap', () => {
    expect(banalOccurrenceCap(100, opts())).toBe(2000);
    expect(banalOccurrenceCap(4000, opts())).toBe(4000);
  });
});

describe('HashSet32', () => {
  it('holds distinct hashes, including colliding slots and 0', () => {
    const set = new HashSet32(3);
    for (const h of [0, 16, 32, 0xffffffff, 16]) set.add(h);
    expect(set.size).toBe(4);
    for (const h of [0, 16, 32, 0xffffffff]) expect(set.has(h)).toBe(true);
    expect(set.has(48)).toBe(false);
  });
});

/** Every pair of frequent stems counted naively: which are stock phrases. */
function naiveStock(texts: string[], count: Omit<PairCount, 'frequentIndex' | 'frequentCount'>, frequent: (s: number) => boolean) {
  const { docs } = prepared(texts);
  const occ = new Map<string, number>();
  const inDocs = new Map<string, Set<number>>();
  for (const d of docs) {
    const cs = Array.from(d.contentTok, (t) => d.corpus.typeStem[d.type[t]!]!);
    for (let k = 0; k < cs.length; k++) {
      for (let j = k + 1; j <= Math.min(cs.length - 1, k + count.maxDistance); j++) {
        if (!frequent(cs[k]!) || !frequent(cs[j]!)) continue;
        const key = `${cs[k]},${cs[j]}`;
        occ.set(key, (occ.get(key) ?? 0) + 1);
        inDocs.set(key, (inDocs.get(key) ?? new Set()).add(d.index));
      }
    }
  }
  return new Set([...occ].filter(([key, n]) => n >= 2 && (inDocs.get(key)!.size > count.docCap || n > count.maxOcc)).map(([key]) => key));
}

describe('the stock-phrase counts', () => {
  // The second corpus has pairs past 256 occurrences and 128 documents: the
  // packed count's carries into its high bytes.
  for (const [texts, capsList] of [
    [randomTexts(7, 40, 60, 30), [{ docCap: 3, maxOcc: 8 }, { docCap: 12, maxOcc: 30 }, { docCap: 100, maxOcc: 4 }]],
    [randomTexts(11, 200, 40, 10), [{ docCap: 140, maxOcc: 300 }, { docCap: 170, maxOcc: 700 }, { docCap: 199, maxOcc: 520 }]],
  ] as const) {
    const { docs, vocab } = prepared([...texts]);
    const stemHash = Int32Array.from(vocab.stemHash);
    // Every stem frequent: every pair counted.
    const frequentIndex = Int32Array.from(vocab.stems.map((_, i) => i));
    const frequent = new Uint8Array(vocab.stems.length).fill(1);

    for (const caps of capsList) {
      it(`agree with a naive count and with each other (${texts.length} documents; documents > ${caps.docCap} or occurrences > ${caps.maxOcc})`, () => {
        const count: PairCount = { frequentIndex, frequentCount: vocab.stems.length, maxDistance: 3, ...caps };
        const expected = naiveStock([...texts], count, () => true);
        expect(expected.size).toBeGreaterThan(0);
        const f = count.frequentCount;
        expect(expected.size).toBeLessThan(f * f);
        const flagged = (bits: Int32Array): Set<string> => new Set(Array.from({ length: f * f }, (_, p) => p).filter((p) => pairBit(bits, p) === 1).map((p) => `${Math.floor(p / f)},${p % f}`));
        const wide = countWide(docs, count);
        expect(flagged(wide.bits)).toEqual(expected);
        expect(wide.stock).toBe(expected.size);
        const packed = countPacked(docs, count);
        expect(flagged(packed.bits)).toEqual(expected);
        expect(packed.stock).toBe(expected.size);
        const sorted = countBySorting(docs, stemHash, frequent, count);
        expect(sorted.size).toBe(expected.size);
        for (const key of expected) {
          const [a, b] = key.split(',').map(Number) as [number, number];
          expect(sorted.has(seedHash(firstStemPart(stemHash[a]!), stemHash[b]!))).toBe(true);
        }
      });
    }
  }
});

describe('findStockPhrases', () => {
  it('finds a boilerplate line shared by most documents and leaves a phrase of two documents alone', () => {
    const texts = randomTexts(3, 30, 40, 400).map((t, i) => `${t} Subscribe today for unlimited digital access. ${i < 2 ? 'Glaciers retreat faster each decade.' : ''}`);
    const { docs, vocab } = prepared(texts);
    const stemHash = Int32Array.from(vocab.stemHash);
    const stats = stemStatistics(docs, stemHash.length);
    const stock = findStockPhrases(docs, stats, stemHash, 3, opts());
    expect(stock.dense).toBe(true);
    const s = (w: string): number => vocab.stems.indexOf(stem(w));
    const flag = (a: string, b: string): number => pairBit(stock.pairBits, stock.frequentIndex[s(a)]! * stock.frequentCount + stock.frequentIndex[s(b)]!);
    expect(flag('subscribe', 'today')).toBe(1);
    expect(flag('unlimited', 'digital')).toBe(1);
    expect(stock.frequent[s('glaciers')]).toBe(0);
    expect(stock.count).toBeGreaterThanOrEqual(6);
  });

  it('gives each stem its roles in the stock phrases: every frequent stem both when they are counted by sorting', () => {
    const texts = randomTexts(3, 30, 40, 400).map((t) => `${t} Subscribe today for unlimited digital access.`);
    const { docs, vocab } = prepared(texts);
    const stemHash = Int32Array.from(vocab.stemHash);
    const stats = stemStatistics(docs, stemHash.length);
    const stock = findStockPhrases(docs, stats, stemHash, 3, opts());
    const f = stock.frequentCount;
    const expected = new Uint8Array(stemHash.length);
    for (let a = 0; a < stemHash.length; a++) {
      for (let b = 0; b < stemHash.length; b++) {
        if (stock.frequentIndex[a]! < 0 || stock.frequentIndex[b]! < 0) continue;
        if (pairBit(stock.pairBits, stock.frequentIndex[a]! * f + stock.frequentIndex[b]!) === 0) continue;
        expected[a] = expected[a]! | STOCK_FIRST;
        expected[b] = expected[b]! | STOCK_SECOND;
      }
    }
    const roles = stockRoles(stock);
    expect(Array.from(roles)).toEqual(Array.from(expected));
    const s = (w: string): number => vocab.stems.indexOf(stem(w));
    expect([roles[s('subscribe')], roles[s('digital')], roles[s('access')]]).toEqual([STOCK_FIRST, STOCK_FIRST | STOCK_SECOND, STOCK_SECOND]);
    const sorted = stockRoles({ ...stock, dense: false });
    expect(Array.from(sorted)).toEqual(Array.from(stock.frequent, (x) => (x ? STOCK_FIRST | STOCK_SECOND : 0)));
  });

  it('marks the tokens of stock-phrase seeds, through seeding', () => {
    const texts = randomTexts(5, 12, 20, 5000).map((t) => `${t} Subscribe today for unlimited digital access.`);
    const { docs, vocab } = prepared(texts);
    collectSeeds(docs, vocab, opts());
    for (const d of docs) {
      const marked = Array.from(d.flags, (f, t) => ((f & TOK_BANAL) !== 0 ? vocab.surface[d.type[t]!] : null)).filter(Boolean);
      expect(marked).toEqual(['Subscribe', 'today', 'unlimited', 'digital', 'access']);
    }
  });
});
