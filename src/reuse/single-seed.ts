/**
 * The cheap test a candidate with a single seed must pass before it is
 * aligned: a lone seed is most often a chance meeting of two words, and a
 * passage needs both checks below, so this drops most chance hits and few
 * real ones (a reworded slogan may share a single rare seed).
 */
import type { ReuseOptions } from './options.ts';
import type { DocPair } from './pair.ts';
import { TOK_BANAL, TOK_CONTENT } from './prepare.ts';

/**
 * Around token `t` of A, with the seed on token diagonal `diag`: at least
 * `minMatchedTokens` tokens match on that diagonal within
 * ±`singleSeedWindow` tokens, and at least `minContentMatches` content
 * words outside stock phrases match within ±`singleSeedContext` tokens on
 * that diagonal or the next one on either side (one inserted or dropped
 * word).
 */
export function diagonalSupport(pair: DocPair, t: number, diag: number, opts: ReuseOptions): boolean {
  const { type, typeStem, flags } = pair.corpus;
  const { offsetA: oa, countA, offsetB: ob, countB, same } = pair;
  const w = opts.singleSeedWindow;
  const lo = Math.max(0, t - w, -diag);
  const hi = Math.min(countA - 1, t + w, countB - 1 - diag);
  let matches = 0;
  if (!same || diag !== 0) {
    const shift = ob + diag;
    for (let i = lo; i <= hi; i++) if (typeStem[type[oa + i]!] === typeStem[type[shift + i]!]) matches++;
  }
  if (matches < opts.minMatchedTokens) return false;
  if (opts.minContentMatches <= 0) return true;
  const cw = opts.singleSeedContext;
  const lo2 = Math.max(0, t - cw);
  const hi2 = Math.min(countA - 1, t + cw);
  const bLast = countB - 1;
  let fresh = 0;
  for (let i = lo2; i <= hi2; i++) {
    const fa = flags[oa + i]!;
    if ((fa & TOK_CONTENT) === 0) continue;
    const s = typeStem[type[oa + i]!];
    const banalA = (fa & TOK_BANAL) !== 0;
    const j1 = Math.min(bLast, i + diag + 1);
    for (let j = Math.max(0, i + diag - 1); j <= j1; j++) {
      if (typeStem[type[ob + j]!] === s && (!same || j > i) && (!banalA || (flags[ob + j]! & TOK_BANAL) === 0)) {
        if (++fresh >= opts.minContentMatches) return true;
        break;
      }
    }
  }
  return false;
}
