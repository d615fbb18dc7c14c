import { describe, expect, it } from 'vitest';
import { SORTED_CONTENT, SORTED_DOC, SORTED_END, SORTED_INTS, SORTED_TOKEN } from '../../src/reuse/buckets.ts';
import {
  BATCH_SIZE,
  CAND_A_FIRST,
  CAND_A_LAST,
  CAND_B_FIRST,
  CAND_B_LAST,
  CAND_DIAG_MAX,
  CAND_DIAG_MIN,
  CAND_DOC_A,
  CAND_DOC_B,
  CAND_INTS,
  CAND_RARITY,
  CAND_SEEDS,
  CandidateClusters,
  HitColumns,
  forEachCandidateBatch,
  makeHits,
  type CandidateBatch,
} from '../../src/reuse/candidates.ts';
import { DEFAULT_REUSE_OPTIONS } from '../../src/reuse/options.ts';
import { REC_CONTENT, REC_END, REC_INTS, REC_SORTED, REC_TOKEN } from '../../src/reuse/buckets.ts';
import { collectSeeds } from '../../src/reuse/seeds.ts';
import { FILLER, prepared, randomTexts } from './fixtures.ts';

const FIELDS = [CAND_DOC_A, CAND_DOC_B, CAND_A_FIRST, CAND_A_LAST, CAND_B_FIRST, CAND_B_LAST, CAND_DIAG_MIN, CAND_DIAG_MAX, CAND_SEEDS, CAND_RARITY];

function records(batch: CandidateBatch): number[][] {
  return Array.from({ length: batch.length }, (_, k) => FIELDS.map((f) => batch.records[CAND_INTS * k + f]!));
}

describe('makeHits', () => {
  it('meets each recurring seed of a document with its partner range', () => {
    const { docs, vocab } = prepared(randomTexts(21, 8, 80, 60));
    const seeds = collectSeeds(docs, vocab, DEFAULT_REUSE_OPTIONS);
    const hits = new HitColumns();
    let total = 0;
    for (let da = 0; da < docs.length; da++) {
      const expected: string[] = [];
      for (let i = seeds.recurringStart[da]!; i < seeds.recurringStart[da + 1]!; i++) {
        const r = REC_INTS * i;
        for (let y = seeds.recurring[r + REC_SORTED]! + 1; y < seeds.recurring[r + REC_END]!; y++) {
          const s = SORTED_INTS * y;
          const [db, pb] = [seeds.sorted[s + SORTED_DOC]!, seeds.sorted[s + SORTED_CONTENT]!];
          if (db === da && pb === seeds.recurring[r + REC_CONTENT]) continue;
          expected.push([db, seeds.recurring[r + REC_CONTENT], pb, seeds.sorted[s + SORTED_TOKEN]! - seeds.recurring[r + REC_TOKEN]!, seeds.rarity[i]].join());
        }
      }
      const m = makeHits(da, seeds, hits);
      expect(Array.from({ length: m }, (_, h) => [hits.partner[h], hits.posA[h], hits.posB[h], hits.tokDiag[h], hits.rarity[h]].join())).toEqual(expected);
      total += m;
    }
    expect(total).toBeGreaterThan(50);
    // Every partner range lies in the sorted records.
    for (let x = 0; x < seeds.sorted.length / SORTED_INTS; x++) expect(seeds.sorted[SORTED_INTS * x + SORTED_END]).toBeLessThanOrEqual(seeds.sorted.length / SORTED_INTS);
  });
});

describe('HitColumns.orderByPartner', () => {
  it('orders hit indices by partner document, stably, by insertion and by radix passes', () => {
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8;
    const hits = new HitColumns();
    for (const [m, docs] of [[0, 3], [1, 1], [7, 5], [48, 40], [49, 3], [300, 1], [300, 70000], [5000, 300], [5000, 2 ** 24], [300, 2 ** 31 - 1]] as const) {
      hits.reserve(m);
      for (let h = 0; h < m; h++) hits.partner[h] = next() % docs;
      const expected = Array.from({ length: m }, (_, h) => h).sort((a, b) => hits.partner[a]! - hits.partner[b]! || a - b);
      expect(Array.from(hits.orderByPartner(m, docs - 1).subarray(0, m))).toEqual(expected);
    }
  });
});

/** Clusters the given hits (content positions in A and B, token diagonal, rarity) of one document pair. */
function cluster(hitList: [number, number, number, number][], options = DEFAULT_REUSE_OPTIONS, singleMaxRarity?: number): number[][] {
  const out: number[][] = [];
  const clusters = new CandidateClusters(options, (b) => out.push(...records(b)), singleMaxRarity);
  clusters.hits.reserve(hitList.length);
  hitList.forEach(([pa, pb, td, rarity], h) => {
    clusters.hits.posA[h] = pa;
    clusters.hits.posB[h] = pb;
    clusters.hits.tokDiag[h] = td;
    clusters.hits.rarity[h] = rarity;
  });
  const db = 5;
  const order = Uint32Array.from(hitList, (_, h) => h);
  clusters.clusterPair(2, db, order, 0, hitList.length);
  clusters.flush();
  return out;
}

describe('CandidateClusters', () => {
  it('chains hits near one diagonal into one candidate', () => {
    // Seeds span 3 content words; diagonals (content) 10 and 11, within the band of 4.
    expect(cluster([[4, 14, 20, 6], [7, 18, 24, 3]])).toEqual([[2, 5, 4, 10, 14, 21, 20, 24, 2, 3]]);
  });

  it('keeps hits on distant diagonals apart, and closes a candidate the hits have left behind', () => {
    const got = cluster([
      [4, 14, 20, 1],
      [5, 40, 70, 1],
      // 9 content words past the first candidate's last seed: it closes, then this opens a new one.
      [13, 23, 30, 1],
    ]);
    expect(got.map((c) => [c[CAND_A_FIRST], c[CAND_B_FIRST], c[CAND_SEEDS]])).toEqual([
      [4, 14, 1],
      [5, 40, 1],
      [13, 23, 1],
    ]);
  });

  it('joins a hit to the open candidate with the nearest diagonal', () => {
    const got = cluster([
      [4, 10, 12, 1],
      [5, 17, 18, 1],
      [6, 16, 19, 1],
    ]);
    // Diagonals 6 and 12, more than the band of 4 apart; the third hit (10) is within the band of both and joins the nearer.
    expect(got.map((c) => [c[CAND_A_FIRST], c[CAND_SEEDS]])).toEqual([
      [4, 1],
      [5, 2],
    ]);
  });

  it('drops a single-seed candidate above the rarity limit, not one of two seeds', () => {
    const hitList: [number, number, number, number][] = [
      [4, 14, 20, 6],
      [7, 18, 24, 7],
      [30, 60, 70, 5],
      [50, 90, 99, 6],
    ];
    expect(cluster(hitList).map((c) => [c[CAND_A_FIRST], c[CAND_SEEDS]])).toEqual([
      [4, 2],
      [30, 1],
      [50, 1],
    ]);
    expect(cluster(hitList, DEFAULT_REUSE_OPTIONS, 5).map((c) => [c[CAND_A_FIRST], c[CAND_SEEDS]])).toEqual([
      [4, 2],
      [30, 1],
    ]);
  });

  it('makes the candidate of a pair with one hit as clusterPair does, or drops it above the rarity limit', () => {
    const one = (limit?: number): number[][] => {
      const out: number[][] = [];
      const clusters = new CandidateClusters(DEFAULT_REUSE_OPTIONS, (b) => out.push(...records(b)), limit);
      clusters.hits.reserve(1);
      [clusters.hits.posA[0], clusters.hits.posB[0], clusters.hits.tokDiag[0], clusters.hits.rarity[0]] = [4, 14, 20, 6];
      clusters.emitHit(2, 5, 0);
      clusters.flush();
      return out;
    };
    expect(one()).toEqual(cluster([[4, 14, 20, 6]]));
    expect(one(6)).toEqual(cluster([[4, 14, 20, 6]]));
    expect(one(5)).toEqual([]);
  });

  it('hands on full batches of BATCH_SIZE', () => {
    const sizes: number[] = [];
    const clusters = new CandidateClusters(DEFAULT_REUSE_OPTIONS, (b) => sizes.push(b.length));
    const n = BATCH_SIZE + 10;
    clusters.hits.reserve(n);
    for (let h = 0; h < n; h++) {
      clusters.hits.posA[h] = 20 * h;
      clusters.hits.posB[h] = 20 * h + 5;
    }
    clusters.clusterPair(0, 1, Uint32Array.from({ length: n }, (_, h) => h), 0, n);
    clusters.flush();
    expect(sizes).toEqual([BATCH_SIZE, 10]);
  });
});

describe('forEachCandidateBatch', () => {
  it('makes one single-seed candidate for a reworded slogan shared by two documents', () => {
    const texts = [`${FILLER[0]} protect the environment for future generations. ${FILLER[1]}`, `${FILLER[2]} safeguard the environment for coming generations. ${FILLER[3]}`];
    const { docs, vocab } = prepared(texts);
    const seeds = collectSeeds(docs, vocab, DEFAULT_REUSE_OPTIONS);
    const got: number[][] = [];
    forEachCandidateBatch(docs.length, seeds, DEFAULT_REUSE_OPTIONS, (b) => got.push(...records(b)));
    expect(got).toHaveLength(1);
    const [da, db, aFirst, , bFirst, , diagMin, diagMax, seedCount] = got[0]!;
    expect([da, db, seedCount]).toEqual([0, 1, 1]);
    const word = (d: number, k: number): string => vocab.surface[docs[d]!.type[docs[d]!.contentTok[k]!]!]!;
    expect([word(0, aFirst!), word(1, bFirst!)]).toEqual(['environment', 'environment']);
    expect(diagMin).toBe(docs[1]!.contentTok[bFirst!]! - docs[0]!.contentTok[aFirst!]!);
    expect(diagMax).toBe(diagMin);
  });
});
