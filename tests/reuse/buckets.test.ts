import { describe, expect, it } from 'vitest';
import {
  REC_CONTENT,
  REC_END,
  REC_INTS,
  REC_SORTED,
  REC_TOKEN,
  SORTED_CONTENT,
  SORTED_DOC,
  SORTED_END,
  SORTED_INTS,
  SORTED_TOKEN,
  bucketSeeds,
  markRecurrence,
  recurrenceBits,
} from '../../src/reuse/buckets.ts';
import { DEFAULT_REUSE_OPTIONS } from '../../src/reuse/options.ts';
import { SeedColumns } from '../../src/reuse/seeds.ts';
import { random } from './fixtures.ts';

describe('recurrenceBits', () => {
  it('gives 8 bits per seed in a power of two, at least 2^16, in a buffer twice the set', () => {
    expect(recurrenceBits(10).length).toBe((2 * 2 ** 16) / 32);
    expect(recurrenceBits(100_000).length).toBe((2 * 2 ** 20) / 32);
  });
});

describe('markRecurrence', () => {
  const marks = (recurs: Int32Array, n: number) => Array.from({ length: n }, (_, i) => (recurs[i >>> 5]! >>> (i & 31)) & 1);

  it('marks both occurrences of a hash, and hashes sharing a bit, whichever comes first', () => {
    const hashes = Uint32Array.of(5, 7, 5, 9, 11, 9 + 2 ** 16);
    expect(marks(markRecurrence(hashes, hashes.length, recurrenceBits(10)), hashes.length)).toEqual([1, 0, 1, 1, 0, 1]);
  });

  for (const [name, n, capacity] of [
    ['in one partition', 2_345, 2_345],
    ['across partitions, records in the buffer', 40_000, 40_000],
    ['across partitions, records apart when the buffer is too small', 400_000, 10],
  ] as const) {
    it(`marks exactly the seeds whose bit another seed sets (${name})`, () => {
      const next = random(12);
      const bits = recurrenceBits(capacity);
      const bitCount = (bits.length / 2) * 32;
      const hashes = Uint32Array.from({ length: n }, () => (next() < 0.3 ? Math.floor(next() * 200) * 7919 : Math.floor(next() * 2 ** 32)));
      const onBit = new Map<number, number>();
      for (const h of hashes) onBit.set(h % bitCount, (onBit.get(h % bitCount) ?? 0) + 1);
      expect(marks(markRecurrence(hashes, n, bits), n)).toEqual(Array.from(hashes, (h) => (onBit.get(h % bitCount)! >= 2 ? 1 : 0)));
    });
  }
});

interface Seed {
  doc: number;
  hash: number;
  pos: number;
}

/** Kept seeds of three documents: hashes from a small pool (they recur) and unique ones. */
function keptSeeds(seed: number, perDoc: number, pool: number): Seed[] {
  const next = random(seed);
  const out: Seed[] = [];
  let unique = 40_000;
  for (let doc = 0; doc < 3; doc++) {
    for (let pos = 0; pos < perDoc; pos++) out.push({ doc, pos, hash: next() < 0.5 ? Math.floor(next() * pool) : unique++ });
  }
  return out;
}

function run(seeds: Seed[], capacity: number) {
  const kept = new SeedColumns(capacity);
  kept.reserve(seeds.length);
  const docStart = new Int32Array(4);
  seeds.forEach((s, i) => {
    kept.hash[i] = s.hash;
    kept.pos[i] = s.pos;
    kept.rarity[i] = s.hash % 7;
    docStart[s.doc + 1] = i + 1;
  });
  kept.length = seeds.length;
  // Token index = 2 × content index + 1.
  const docs = [0, 1, 2].map(() => ({ contentTok: Int32Array.from({ length: 100 }, (_, k) => 2 * k + 1) }));
  const bits = recurrenceBits(kept.hash.length);
  return { kept, ...bucketSeeds(docs, kept, docStart, bits, { ...DEFAULT_REUSE_OPTIONS, seedAllPairsMax: 3, seedPairFanout: 2 }) };
}

describe('bucketSeeds', () => {
  for (const [name, capacity, pool, inPlace] of [
    ['in the kept-seed columns', 1000, 20, true],
    ['in fresh arrays when four ints per recurring seed do not fit', 0, 6, false],
  ] as const) {
    it(`groups the recurring seeds by hash with their partner ranges (${name})`, () => {
      const seeds = keptSeeds(capacity + pool, 60, pool);
      const b = run(seeds, capacity);
      expect(b.sorted.buffer === b.kept.pos.buffer).toBe(inPlace);
      const occurrences = new Map<number, number>();
      for (const s of seeds) occurrences.set(s.hash, (occurrences.get(s.hash) ?? 0) + 1);
      const recurring = seeds.filter((s) => occurrences.get(s.hash)! >= 2);
      expect(b.recurringStart[3]).toBe(recurring.length);
      for (let d = 0; d < 3; d++) expect(b.recurringStart[d + 1]! - b.recurringStart[d]!).toBe(recurring.filter((s) => s.doc === d).length);
      // Hash order, stable: generation order inside a bucket.
      const order = recurring.map((s, i) => i).sort((i, j) => recurring[i]!.hash - recurring[j]!.hash || i - j);
      const bucketEnd = new Map<number, number>();
      order.forEach((i, x) => bucketEnd.set(recurring[i]!.hash, x + 1));
      order.forEach((i, x) => {
        const s = recurring[i]!;
        const size = occurrences.get(s.hash)!;
        const end = size > 3 ? Math.min(bucketEnd.get(s.hash)!, x + 1 + 2) : bucketEnd.get(s.hash)!;
        const at = SORTED_INTS * x;
        expect([b.sorted[at + SORTED_DOC], b.sorted[at + SORTED_CONTENT], b.sorted[at + SORTED_TOKEN], b.sorted[at + SORTED_END]]).toEqual([s.doc, s.pos, 2 * s.pos + 1, end]);
        const r = REC_INTS * i;
        expect([b.recurring[r + REC_END], b.recurring[r + REC_CONTENT], b.recurring[r + REC_TOKEN], b.recurring[r + REC_SORTED]]).toEqual([end, s.pos, 2 * s.pos + 1, x]);
        expect(b.rarity[i]).toBe(s.hash % 7);
      });
    });
  }

  it('keeps nothing when no seed recurs', () => {
    const b = run([{ doc: 0, pos: 0, hash: 1 }, { doc: 1, pos: 0, hash: 2 }], 16);
    expect(Array.from(b.recurringStart)).toEqual([0, 0, 0, 0]);
    expect(b.sorted.length).toBe(0);
  });
});
