/**
 * Candidates: hits of one document pair that lie near one diagonal and close
 * together, grouped into one region to align. A single rare seed is enough;
 * the alignment decides.
 *
 * Hits are made one document at a time: each seed of document A (in
 * position order) meets the later occurrences in its bucket. The hits of A
 * are then ordered by partner document (a native sort of small packed
 * keys), so no corpus-wide hit list is built or sorted, and the candidates
 * live in reused typed arrays: nothing is allocated per hit or candidate.
 */
import { keepShape } from '../text/shapes.ts';
import type { ReuseOptions } from './options.ts';
import type { PreparedDoc } from './prepare.ts';
import type { SeedIndex } from './seeds.ts';

export interface Candidate {
  docA: number;
  docB: number;
  /** Content-word index ranges, inclusive. */
  aFirst: number;
  aLast: number;
  bFirst: number;
  bLast: number;
  /** Token-space diagonals (tokB - tokA) spanned by the seeds. */
  diagMin: number;
  diagMax: number;
  seeds: number;
  /** Lowest rarity class among its seeds (see SeedIndex.rarity). */
  rarity: number;
}

/** Hit index fits in the low 26 bits of the sort key; the partner document above. */
const IDX_BITS = 2 ** 26;

class Grow {
  key = new Float64Array(1024);
  docB = new Int32Array(1024);
  posA = new Int32Array(1024);
  posB = new Int32Array(1024);
  tokDiag = new Int32Array(1024);
  rarity = new Uint8Array(1024);
  reserve(need: number): void {
    if (need <= this.key.length) return;
    let n = this.key.length * 2;
    while (n < need) n *= 2;
    const key = new Float64Array(n);
    key.set(this.key);
    this.key = key;
    const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.docB = grow(this.docB);
    this.posA = grow(this.posA);
    this.posB = grow(this.posB);
    this.tokDiag = grow(this.tokDiag);
    const rarity = new Uint8Array(n);
    rarity.set(this.rarity);
    this.rarity = rarity;
  }
}

// Its hidden class survives between calls (see text/shapes.ts).
keepShape(new Grow());

/** Where touch loops leave their sum, so their reads are not dropped. */
const touched = new Int32Array(1);

/**
 * Calls `visit` for each candidate, in document order. The candidate object
 * is reused: read it inside `visit`, do not keep it.
 */
export function forEachCandidate(
  docs: readonly PreparedDoc[],
  seeds: SeedIndex,
  options: ReuseOptions,
  visit: (c: Candidate) => void,
): void {
  const { recurring, recurringStart, rarity: seedRarity, sorted } = seeds;
  const band = options.clusterDiagonalBand;
  const maxGap = options.clusterMaxGap;
  const seedSpan = 1 + Math.max(0, Math.floor(options.seedMaxSkip));
  const hits = new Grow();
  // Open candidates of the current document pair, as columns.
  let cap = 64;
  let oAFirst = new Int32Array(cap);
  let oALast = new Int32Array(cap);
  let oBFirst = new Int32Array(cap);
  let oBLast = new Int32Array(cap);
  let oDiagMin = new Int32Array(cap);
  let oDiagMax = new Int32Array(cap);
  let oSeeds = new Int32Array(cap);
  let oLastA = new Int32Array(cap);
  let oDiag = new Int32Array(cap);
  let oRarity = new Int32Array(cap);
  const cand: Candidate = { docA: 0, docB: 0, aFirst: 0, aLast: 0, bFirst: 0, bLast: 0, diagMin: 0, diagMax: 0, seeds: 0, rarity: 0 };
  const emit = (o: number): void => {
    cand.aFirst = oAFirst[o]!;
    cand.aLast = oALast[o]!;
    cand.bFirst = oBFirst[o]!;
    cand.bLast = oBLast[o]!;
    cand.diagMin = oDiagMin[o]!;
    cand.diagMax = oDiagMax[o]!;
    cand.seeds = oSeeds[o]!;
    cand.rarity = oRarity[o]!;
    visit(cand);
  };
  const copy = (from: number, to: number): void => {
    oAFirst[to] = oAFirst[from]!;
    oALast[to] = oALast[from]!;
    oBFirst[to] = oBFirst[from]!;
    oBLast[to] = oBLast[from]!;
    oDiagMin[to] = oDiagMin[from]!;
    oDiagMax[to] = oDiagMax[from]!;
    oSeeds[to] = oSeeds[from]!;
    oLastA[to] = oLastA[from]!;
    oDiag[to] = oDiag[from]!;
    oRarity[to] = oRarity[from]!;
  };

  for (let da = 0; da < docs.length; da++) {
    // Hits of document A, in seed (position) order.
    let m = 0;
    const s0 = recurringStart[da]!;
    const s1 = recurringStart[da + 1]!;
    // First read where each partner range starts: independent reads, so
    // their cache misses overlap (the loop below makes hits between them).
    let sink = 0;
    for (let i = s0; i < s1; i++) {
      const y0 = recurring[4 * i + 3]! + 1;
      if (recurring[4 * i]! > y0) sink += sorted[4 * y0]!;
    }
    touched[0] = sink;
    for (let i = s0; i < s1; i++) {
      // Most ranges are empty (the last of a bucket, or a seed that only
      // seemed to recur): no random read of `sorted` for them.
      const yEnd = recurring[4 * i]!;
      const y0 = recurring[4 * i + 3]! + 1;
      if (yEnd <= y0) continue;
      hits.reserve(m + yEnd - y0);
      const pa = recurring[4 * i + 1]!;
      const ta = recurring[4 * i + 2]!;
      const key = hits.key;
      const hDocB = hits.docB;
      const hPosA = hits.posA;
      const hPosB = hits.posB;
      const hTokDiag = hits.tokDiag;
      const hRarity = hits.rarity;
      const ra = seedRarity[i]!;
      for (let y = y0; y < yEnd; y++) {
        const db = sorted[4 * y]!;
        const pb = sorted[4 * y + 1]!;
        if (db === da && pb === pa) continue;
        key[m] = db * IDX_BITS + m;
        hDocB[m] = db;
        hPosA[m] = pa;
        hTokDiag[m] = sorted[4 * y + 2]! - ta;
        hRarity[m] = ra;
        hPosB[m++] = pb;
      }
    }
    if (m === 0) continue;
    // By partner document, then position in A (hits were made in position order).
    const order = hits.key.subarray(0, m).sort();
    cand.docA = da;
    const hPosA = hits.posA;
    const hPosB = hits.posB;
    const hTokDiag = hits.tokDiag;
    const hRarity = hits.rarity;
    for (let r0 = 0; r0 < m; ) {
      const db = Math.floor(order[r0]! / IDX_BITS);
      const keyBase = db * IDX_BITS;
      const keyEnd = keyBase + IDX_BITS;
      let r1 = r0 + 1;
      while (r1 < m && order[r1]! < keyEnd) r1++;
      cand.docB = db;
      let open = 0;
      for (let r = r0; r < r1; r++) {
        const h = order[r]! - keyBase;
        const pa = hPosA[h]!;
        const pb = hPosB[h]!;
        const diag = pb - pa;
        const tokDiag = hTokDiag[h]!;
        let best = -1;
        let bestDist = Infinity;
        let w = 0;
        for (let o = 0; o < open; o++) {
          if (pa - oLastA[o]! > maxGap) {
            emit(o);
            continue;
          }
          if (w !== o) copy(o, w);
          const dist = Math.abs(diag - oDiag[w]!);
          if (dist <= band && dist < bestDist) {
            best = w;
            bestDist = dist;
          }
          w++;
        }
        open = w;
        if (best >= 0) {
          oLastA[best] = pa;
          oDiag[best] = diag;
          oALast[best] = Math.max(oALast[best]!, pa + seedSpan);
          oBFirst[best] = Math.min(oBFirst[best]!, pb);
          oBLast[best] = Math.max(oBLast[best]!, pb + seedSpan);
          oDiagMin[best] = Math.min(oDiagMin[best]!, tokDiag);
          oDiagMax[best] = Math.max(oDiagMax[best]!, tokDiag);
          oSeeds[best] = oSeeds[best]! + 1;
          if (hRarity[h]! < oRarity[best]!) oRarity[best] = hRarity[h]!;
        } else {
          if (open === cap) {
            cap *= 2;
            const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
              const b = new Int32Array(cap);
              b.set(a);
              return b;
            };
            oAFirst = grow(oAFirst);
            oALast = grow(oALast);
            oBFirst = grow(oBFirst);
            oBLast = grow(oBLast);
            oDiagMin = grow(oDiagMin);
            oDiagMax = grow(oDiagMax);
            oSeeds = grow(oSeeds);
            oLastA = grow(oLastA);
            oDiag = grow(oDiag);
            oRarity = grow(oRarity);
          }
          oAFirst[open] = pa;
          oALast[open] = pa + seedSpan;
          oBFirst[open] = pb;
          oBLast[open] = pb + seedSpan;
          oDiagMin[open] = tokDiag;
          oDiagMax[open] = tokDiag;
          oSeeds[open] = 1;
          oLastA[open] = pa;
          oDiag[open] = diag;
          oRarity[open] = hRarity[h]!;
          open++;
        }
      }
      for (let o = 0; o < open; o++) emit(o);
      r0 = r1;
    }
  }
}
