/**
 * Candidates: hits of one document pair that lie near one diagonal and close
 * together, grouped into one region to align. A single rare seed is enough;
 * the alignment decides.
 *
 * Hits are made one document at a time: each seed of document A (in
 * position order) meets the later occurrences in its bucket. The hits of A
 * are then ordered by partner document (a stable sort of their indices:
 * insertion, or radix passes over the partner's 8-bit digits), so no
 * corpus-wide hit list is built or sorted. Candidates are
 * written as records into a batch handed on when full: nothing is
 * allocated per hit or candidate.
 */
import { grownCapacity, resized } from './buffers.ts';
import { ORDER_DIGITS, radixPasses } from './radix-sort.ts';
import { REC_CONTENT, REC_END, REC_INTS, REC_SORTED, REC_TOKEN, SORTED_CONTENT, SORTED_DOC, SORTED_INTS, SORTED_TOKEN } from './buckets.ts';
import type { ReuseOptions } from './options.ts';
import { touchPartnerRanges } from './prefetch.ts';
import type { SeedIndex } from './seeds.ts';

/**
 * A candidate's record in a batch, ten ints. Content-word index ranges are
 * inclusive; the diagonals are token-space (tokB - tokA) over its seeds;
 * the rarity is the lowest class among its seeds (see SeedIndex.rarity).
 */
export const CAND_DOC_A = 0;
export const CAND_DOC_B = 1;
export const CAND_A_FIRST = 2;
export const CAND_A_LAST = 3;
export const CAND_B_FIRST = 4;
export const CAND_B_LAST = 5;
export const CAND_DIAG_MIN = 6;
export const CAND_DIAG_MAX = 7;
export const CAND_SEEDS = 8;
export const CAND_RARITY = 9;
export const CAND_INTS = 10;

/**
 * Candidates per batch: the aligner first touches, for a whole batch, the
 * places it will read (prefetch.ts). 64 to 4,096 measured alike.
 */
export const BATCH_SIZE = 1024;

/** Up to BATCH_SIZE candidate records (CAND_*), in document order. */
export class CandidateBatch {
  readonly records = new Int32Array(BATCH_SIZE * CAND_INTS);
  length = 0;
}

/** Hits of one document A at most this many are ordered by insertion, more by radix passes. */
const INSERTION_MAX = 48;

/** The hits of one document A, as columns (grown by doubling). */
export class HitColumns {
  partner = new Int32Array(1024);
  posA = new Int32Array(1024);
  posB = new Int32Array(1024);
  tokDiag = new Int32Array(1024);
  rarity = new Uint8Array(1024);
  /** Hit indices in partner order (`orderByPartner`), and the radix passes' other buffer. */
  order = new Uint32Array(1024);
  scratch = new Uint32Array(1024);
  readonly digitCounts = new Uint32Array(ORDER_DIGITS);
  reserve(need: number): void {
    const length = this.partner.length;
    if (need <= length) return;
    const n = grownCapacity(length, need);
    this.partner = resized(this.partner, n, length);
    this.posA = resized(this.posA, n, length);
    this.posB = resized(this.posB, n, length);
    this.tokDiag = resized(this.tokDiag, n, length);
    this.rarity = resized(this.rarity, n, length);
    this.order = new Uint32Array(n);
    this.scratch = new Uint32Array(n);
  }

  /**
   * The indices of hits [0, m) by partner document, then by index (the
   * order they were made in: position in A). A stable sort of small ints
   * in place: a Float64Array of packed keys sorted by the builtin cost
   * ≈ 95 ns a hit (its elements are boxed while it sorts).
   */
  orderByPartner(m: number, maxPartner: number): Uint32Array {
    const partner = this.partner;
    const src = this.order;
    for (let i = 0; i < m; i++) src[i] = i;
    if (m <= INSERTION_MAX) {
      for (let i = 1; i < m; i++) {
        const x = src[i]!;
        const p = partner[x]!;
        let j = i - 1;
        while (j >= 0 && partner[src[j]!]! > p) {
          src[j + 1] = src[j]!;
          j--;
        }
        src[j + 1] = x;
      }
      return src;
    }
    return radixPasses(partner, m, src, this.scratch, this.digitCounts, maxPartner);
  }
}

/** The open candidates of the current document pair, as columns (grown by doubling). */
export class OpenCandidates {
  length = 0;
  aFirst = new Int32Array(64);
  aLast = new Int32Array(64);
  bFirst = new Int32Array(64);
  bLast = new Int32Array(64);
  diagMin = new Int32Array(64);
  diagMax = new Int32Array(64);
  seeds = new Int32Array(64);
  /** Content-word position in A of its last seed, and that seed's content-word diagonal. */
  lastA = new Int32Array(64);
  diag = new Int32Array(64);
  rarity = new Int32Array(64);

  grow(): void {
    const length = this.aFirst.length;
    const n = length * 2;
    this.aFirst = resized(this.aFirst, n, length);
    this.aLast = resized(this.aLast, n, length);
    this.bFirst = resized(this.bFirst, n, length);
    this.bLast = resized(this.bLast, n, length);
    this.diagMin = resized(this.diagMin, n, length);
    this.diagMax = resized(this.diagMax, n, length);
    this.seeds = resized(this.seeds, n, length);
    this.lastA = resized(this.lastA, n, length);
    this.diag = resized(this.diag, n, length);
    this.rarity = resized(this.rarity, n, length);
  }

  copy(from: number, to: number): void {
    this.aFirst[to] = this.aFirst[from]!;
    this.aLast[to] = this.aLast[from]!;
    this.bFirst[to] = this.bFirst[from]!;
    this.bLast[to] = this.bLast[from]!;
    this.diagMin[to] = this.diagMin[from]!;
    this.diagMax[to] = this.diagMax[from]!;
    this.seeds[to] = this.seeds[from]!;
    this.lastA[to] = this.lastA[from]!;
    this.diag[to] = this.diag[from]!;
    this.rarity[to] = this.rarity[from]!;
  }
}

/** Above any rarity class (at most 62): no limit on a single seed's rarity. */
export const ANY_RARITY = 1e9;

/**
 * Hands every candidate to `onBatch` in batches, in document order, but
 * those of fewer than `minClusterSeeds` seeds above `singleMaxRarity` (a
 * lone seed too common to stand alone: align-candidates.ts). The batch is
 * reused: read it inside `onBatch`, do not keep it.
 */
export function forEachCandidateBatch(docCount: number, seeds: SeedIndex, options: ReuseOptions, onBatch: (batch: CandidateBatch) => void, singleMaxRarity = ANY_RARITY): void {
  const clusters = new CandidateClusters(options, onBatch, singleMaxRarity);
  const hits = clusters.hits;
  for (let da = 0; da < docCount; da++) {
    const m = makeHits(da, seeds, hits);
    if (m === 0) continue;
    const order = hits.orderByPartner(m, docCount - 1);
    const partner = hits.partner;
    for (let r0 = 0; r0 < m; ) {
      const db = partner[order[r0]!]!;
      let r1 = r0 + 1;
      while (r1 < m && partner[order[r1]!] === db) r1++;
      if (r1 - r0 === 1) clusters.emitHit(da, db, order[r0]!);
      else clusters.clusterPair(da, db, order, r0, r1);
      r0 = r1;
    }
  }
  clusters.flush();
}

/**
 * The hits of document `da` into `hits`, in seed (position) order: each
 * recurring seed meets the seeds of its partner range. Returns how many.
 */
export function makeHits(da: number, seeds: SeedIndex, hits: HitColumns): number {
  const { recurring, recurringStart, rarity: seedRarity, sorted } = seeds;
  const s0 = recurringStart[da]!;
  const s1 = recurringStart[da + 1]!;
  touchPartnerRanges(recurring, sorted, s0, s1);
  let m = 0;
  for (let i = s0; i < s1; i++) {
    // Most ranges are empty (the last of a bucket, or a seed that only
    // seemed to recur): no random read of `sorted` for them.
    const at = REC_INTS * i;
    const yEnd = recurring[at + REC_END]!;
    const y0 = recurring[at + REC_SORTED]! + 1;
    if (yEnd <= y0) continue;
    hits.reserve(m + yEnd - y0);
    const pa = recurring[at + REC_CONTENT]!;
    const ta = recurring[at + REC_TOKEN]!;
    const { partner, posA, posB, tokDiag, rarity } = hits;
    const ra = seedRarity[i]!;
    for (let y = y0; y < yEnd; y++) {
      const to = SORTED_INTS * y;
      const db = sorted[to + SORTED_DOC]!;
      const pb = sorted[to + SORTED_CONTENT]!;
      if (db === da && pb === pa) continue;
      partner[m] = db;
      posA[m] = pa;
      tokDiag[m] = sorted[to + SORTED_TOKEN]! - ta;
      rarity[m] = ra;
      posB[m++] = pb;
    }
  }
  return m;
}

/**
 * Chains the hits of one document pair into candidates: a hit joins the
 * open candidate whose last diagonal is nearest to its own, within
 * `clusterDiagonalBand`; a candidate closes when the hits have moved more
 * than `clusterMaxGap` content words past its last seed.
 */
export class CandidateClusters {
  readonly hits = new HitColumns();
  readonly open = new OpenCandidates();
  readonly batch = new CandidateBatch();
  readonly band: number;
  readonly maxGap: number;
  /** Content words a seed spans after its first (1 + seedMaxSkip). */
  readonly seedSpan: number;
  /** Candidates with fewer seeds are handed on only up to `singleMaxRarity`. */
  readonly minSeeds: number;
  docA = 0;
  docB = 0;

  constructor(
    options: ReuseOptions,
    readonly onBatch: (batch: CandidateBatch) => void,
    readonly singleMaxRarity = ANY_RARITY,
  ) {
    this.band = options.clusterDiagonalBand;
    this.maxGap = options.clusterMaxGap;
    this.minSeeds = options.minClusterSeeds;
    this.seedSpan = 1 + Math.max(0, Math.floor(options.seedMaxSkip));
  }

  /** The hits `order[r0, r1)` (indices of hits with partner `db`, by position in A) into candidates. */
  clusterPair(da: number, db: number, order: Uint32Array, r0: number, r1: number): void {
    this.docA = da;
    this.docB = db;
    const open = this.open;
    const { posA, posB, tokDiag, rarity } = this.hits;
    const seedSpan = this.seedSpan;
    open.length = 0;
    for (let r = r0; r < r1; r++) {
      const h = order[r]!;
      const pa = posA[h]!;
      const pb = posB[h]!;
      const diag = pb - pa;
      const td = tokDiag[h]!;
      const best = this.closeAndFind(pa, diag);
      if (best >= 0) {
        open.lastA[best] = pa;
        open.diag[best] = diag;
        open.aLast[best] = Math.max(open.aLast[best]!, pa + seedSpan);
        open.bFirst[best] = Math.min(open.bFirst[best]!, pb);
        open.bLast[best] = Math.max(open.bLast[best]!, pb + seedSpan);
        open.diagMin[best] = Math.min(open.diagMin[best]!, td);
        open.diagMax[best] = Math.max(open.diagMax[best]!, td);
        open.seeds[best] = open.seeds[best]! + 1;
        if (rarity[h]! < open.rarity[best]!) open.rarity[best] = rarity[h]!;
      } else {
        const o = open.length++;
        if (o === open.aFirst.length) open.grow();
        open.aFirst[o] = pa;
        open.aLast[o] = pa + seedSpan;
        open.bFirst[o] = pb;
        open.bLast[o] = pb + seedSpan;
        open.diagMin[o] = td;
        open.diagMax[o] = td;
        open.seeds[o] = 1;
        open.lastA[o] = pa;
        open.diag[o] = diag;
        open.rarity[o] = rarity[h]!;
      }
    }
    for (let o = 0; o < open.length; o++) this.emit(o);
  }

  /**
   * The candidate of a document pair with one hit, `h`: what clusterPair
   * makes of it, without the open candidates' columns (most pairs: 1M
   * words, 67.6K of the 75.4K pairs with a hit, 78.6K candidates).
   */
  emitHit(da: number, db: number, h: number): void {
    const { posA, posB, tokDiag, rarity } = this.hits;
    const pa = posA[h]!;
    const pb = posB[h]!;
    const td = tokDiag[h]!;
    this.write(da, db, pa, pa + this.seedSpan, pb, pb + this.seedSpan, td, td, 1, rarity[h]!);
  }

  /**
   * Emits the open candidates that a hit at `pa` has left behind (keeping
   * the others in order), and returns the one whose diagonal is nearest
   * to `diag` within the band (the first on ties), or -1.
   */
  closeAndFind(pa: number, diag: number): number {
    const open = this.open;
    const { lastA, diag: oDiag } = open;
    const { band, maxGap } = this;
    const n = open.length;
    let best = -1;
    let bestDist = Infinity;
    let w = 0;
    for (let o = 0; o < n; o++) {
      if (pa - lastA[o]! > maxGap) {
        this.emit(o);
        continue;
      }
      if (w !== o) open.copy(o, w);
      const dist = Math.abs(diag - oDiag[w]!);
      if (dist <= band && dist < bestDist) {
        best = w;
        bestDist = dist;
      }
      w++;
    }
    open.length = w;
    return best;
  }

  /** Writes open candidate `o` to the batch (see write). */
  emit(o: number): void {
    const open = this.open;
    this.write(this.docA, this.docB, open.aFirst[o]!, open.aLast[o]!, open.bFirst[o]!, open.bLast[o]!, open.diagMin[o]!, open.diagMax[o]!, open.seeds[o]!, open.rarity[o]!);
  }

  /**
   * Writes a candidate to the batch, handing the batch on when full; drops
   * it if it has fewer than `minSeeds` seeds and its rarity is above
   * `singleMaxRarity` (a lone seed too common: dropped here, not by the
   * aligner; 8M words, 225K of 882K candidates, 12K of 79K at 1M).
   */
  private write(da: number, db: number, aFirst: number, aLast: number, bFirst: number, bLast: number, diagMin: number, diagMax: number, seeds: number, rarity: number): void {
    if (seeds < this.minSeeds && rarity > this.singleMaxRarity) return;
    const batch = this.batch;
    const rec = batch.records;
    const q = CAND_INTS * batch.length;
    rec[q + CAND_DOC_A] = da;
    rec[q + CAND_DOC_B] = db;
    rec[q + CAND_A_FIRST] = aFirst;
    rec[q + CAND_A_LAST] = aLast;
    rec[q + CAND_B_FIRST] = bFirst;
    rec[q + CAND_B_LAST] = bLast;
    rec[q + CAND_DIAG_MIN] = diagMin;
    rec[q + CAND_DIAG_MAX] = diagMax;
    rec[q + CAND_SEEDS] = seeds;
    rec[q + CAND_RARITY] = rarity;
    if (++batch.length === BATCH_SIZE) this.flush();
  }

  /** Hands the batch on, if it holds any candidate, and empties it. */
  flush(): void {
    if (this.batch.length === 0) return;
    this.onBatch(this.batch);
    this.batch.length = 0;
  }
}
