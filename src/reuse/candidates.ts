/**
 * Candidates: hits of one document pair that lie near one diagonal and close
 * together, grouped into one region to align. A single rare seed is enough;
 * the alignment decides.
 */
import type { ReuseOptions } from './options.ts';
import type { PreparedDoc } from './prepare.ts';
import type { Hits } from './seeds.ts';

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
}

interface Open extends Candidate {
  lastA: number;
  diag: number;
}

export function forEachCandidate(
  docs: readonly PreparedDoc[],
  hits: Hits,
  options: ReuseOptions,
  visit: (c: Candidate) => void,
): void {
  const { order, docA, docB, posA, posB, count } = hits;
  const band = options.clusterDiagonalBand;
  const maxGap = options.clusterMaxGap;
  const seedSpan = 1 + Math.max(0, Math.floor(options.seedMaxSkip));
  let open: Open[] = [];

  for (let r0 = 0; r0 < count; ) {
    const first = order[r0]!;
    const da = docA[first]!;
    const db = docB[first]!;
    let r1 = r0 + 1;
    while (r1 < count && docA[order[r1]!] === da && docB[order[r1]!] === db) r1++;
    const ctA = docs[da]!.contentTok;
    const ctB = docs[db]!.contentTok;
    open = [];
    for (let r = r0; r < r1; r++) {
      const h = order[r]!;
      const pa = posA[h]!;
      const pb = posB[h]!;
      const diag = pb - pa;
      const tokDiag = ctB[pb]! - ctA[pa]!;
      let best: Open | null = null;
      let bestDist = Infinity;
      let w = 0;
      for (let i = 0; i < open.length; i++) {
        const c = open[i]!;
        if (pa - c.lastA > maxGap) {
          visit(c);
          continue;
        }
        open[w++] = c;
        const dist = Math.abs(diag - c.diag);
        if (dist <= band && dist < bestDist) {
          best = c;
          bestDist = dist;
        }
      }
      open.length = w;
      if (best) {
        best.lastA = pa;
        best.diag = diag;
        best.aLast = Math.max(best.aLast, pa + seedSpan);
        best.bFirst = Math.min(best.bFirst, pb);
        best.bLast = Math.max(best.bLast, pb + seedSpan);
        best.diagMin = Math.min(best.diagMin, tokDiag);
        best.diagMax = Math.max(best.diagMax, tokDiag);
        best.seeds++;
      } else {
        open.push({
          docA: da,
          docB: db,
          aFirst: pa,
          aLast: pa + seedSpan,
          bFirst: pb,
          bLast: pb + seedSpan,
          diagMin: tokDiag,
          diagMax: tokDiag,
          seeds: 1,
          lastA: pa,
          diag,
        });
      }
    }
    for (const c of open) visit(c);
    r0 = r1;
  }
}
