import { describe, expect, it } from 'vitest';
import type { CandidateAligner } from '../../src/reuse/align-candidates.ts';
import { REC_END, REC_INTS, REC_SORTED, SORTED_INTS } from '../../src/reuse/buckets.ts';
import { CAND_A_FIRST, CAND_B_FIRST, CAND_DIAG_MIN, CAND_DOC_A, CAND_DOC_B, CAND_INTS, CAND_RARITY, CAND_SEEDS, CandidateBatch } from '../../src/reuse/candidates.ts';
import { touchBatch, touchPartnerRanges } from '../../src/reuse/prefetch.ts';

/**
 * A column that throws on a read outside it or on any write: the touch
 * loops only warm the cache, so they must read in bounds and change nothing.
 */
function guarded(values: number[]): Int32Array {
  const column = Int32Array.from(values);
  return new Proxy(column, {
    get(target, prop) {
      if (typeof prop === 'string' && /^-?\d+$/.test(prop) && (Number(prop) < 0 || Number(prop) >= target.length)) throw new RangeError(`read at ${prop} of ${target.length}`);
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
    set(_target, prop) {
      throw new Error(`write at ${String(prop)}`);
    },
  });
}

describe('touchPartnerRanges', () => {
  it('reads each recurring seed’s first partner, in bounds, and writes nothing', () => {
    // A seed's record: where its partners end, and its own place in the sorted records.
    const rec = (end: number, sortedAt: number) => Object.assign(new Array<number>(REC_INTS).fill(0), { [REC_END]: end, [REC_SORTED]: sortedAt });
    // One seed with partners after its own record, one whose range ends at it.
    const recurring = guarded([...rec(3, 0), ...rec(1, 1)]);
    const sorted = guarded(new Array(3 * SORTED_INTS).fill(1));
    expect(() => touchPartnerRanges(recurring, sorted, 0, 2)).not.toThrow();
    expect(() => touchPartnerRanges(recurring, sorted, 1, 1)).not.toThrow();
  });
});

describe('touchBatch', () => {
  it('clamps single-seed windows at both ends of the corpus and reads aligned candidates’ first words, writing nothing', () => {
    const tokens = 20;
    const aligner = {
      corpus: { type: guarded(new Array(tokens).fill(7)), flags: new Uint8Array(tokens), contentTok: guarded([0, 2, 4, 6, 0, 3, 5, 9]) },
      docs: { tokOffset: guarded([0, 10]), contentOffset: guarded([0, 4]) },
      minSeeds: 2,
      options: { singleSeedWindow: 50 },
    } as unknown as CandidateAligner;
    const batch = new CandidateBatch();
    const put = (k: number, fields: Record<number, number>) => {
      for (const [f, v] of Object.entries(fields)) batch.records[CAND_INTS * k + Number(f)] = v;
    };
    // Aligned (enough seeds); single-seed near the end with a window past both ends; single-seed with its diagonal past the corpus's end.
    put(0, { [CAND_DOC_A]: 0, [CAND_DOC_B]: 1, [CAND_A_FIRST]: 0, [CAND_B_FIRST]: 3, [CAND_SEEDS]: 2, [CAND_RARITY]: 0, [CAND_DIAG_MIN]: 0 });
    put(1, { [CAND_DOC_A]: 0, [CAND_DOC_B]: 1, [CAND_A_FIRST]: 3, [CAND_B_FIRST]: 0, [CAND_SEEDS]: 1, [CAND_RARITY]: 5, [CAND_DIAG_MIN]: 4 });
    put(2, { [CAND_DOC_A]: 0, [CAND_DOC_B]: 1, [CAND_A_FIRST]: 1, [CAND_B_FIRST]: 0, [CAND_SEEDS]: 1, [CAND_RARITY]: 6, [CAND_DIAG_MIN]: 99 });
    batch.length = 3;
    const before = Int32Array.from(batch.records);
    expect(() => touchBatch(batch, aligner)).not.toThrow();
    expect(batch.records).toEqual(before);
  });
});
