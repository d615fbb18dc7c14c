import { describe, expect, it } from 'vitest';
import { distinctiveTerms, logLikelihood, SIGNIFICANT_G2 } from '../../src/trends/distinctive.ts';

const counts = (o: Record<string, number>) => ({ counts: new Map(Object.entries(o)), total: Object.values(o).reduce((a, b) => a + b, 0) });

describe('logLikelihood', () => {
  it('is 2 Σ O ln(O/E) over the term’s two cells', () => {
    // 10 in 1,000 against 5 in 2,000: expected 5 and 10, so G² = 2 (10 ln 2 + 5 ln ½) = 10 ln 2.
    expect(logLikelihood(10, 1000, 5, 2000)).toBeCloseTo(10 * Math.LN2, 10);
  });
  it('is zero when both groups use the word at the same rate or not at all', () => {
    expect(logLikelihood(10, 100, 20, 200)).toBeCloseTo(0, 10);
    expect(logLikelihood(0, 100, 0, 200)).toBe(0);
  });
  it('grows with the evidence: the same rates in a bigger corpus are more significant', () => {
    expect(logLikelihood(40, 1000, 10, 1000)).toBeGreaterThan(logLikelihood(4, 100, 1, 100));
  });
});

describe('distinctiveTerms', () => {
  it('ranks what a group says more than the others, shrinking rare words', () => {
    const groups = new Map([
      ['A', counts({ sovereignty: 40, internet: 50, rare: 3, common: 100 })],
      ['B', counts({ sovereignty: 2, internet: 50, inclusive: 30, common: 100 })],
    ]);
    const out = distinctiveTerms(groups);
    const a = out.find((g) => g.key === 'A')!;
    expect(a.terms[0]!.term).toBe('sovereignty');
    expect(a.terms.map((t) => t.term)).not.toContain('internet');
    // A word seen 3 times ranks below one seen 40 times, though its rest rate is 0 as well, and is not significant.
    expect(a.terms.findIndex((t) => t.term === 'rare')).toBeGreaterThan(0);
    expect(a.terms.find((t) => t.term === 'sovereignty')!.significant).toBe(true);
    expect(a.terms.find((t) => t.term === 'rare')!.significant).toBe(false);
    expect(a.terms.every((t) => t.significant === t.g2 >= SIGNIFICANT_G2)).toBe(true);
    expect(out.find((g) => g.key === 'B')!.terms[0]!.term).toBe('inclusive');
  });
  it('lists only terms a group uses more than the rest', () => {
    const groups = new Map([
      ['A', counts({ less: 3, other: 97 })],
      ['B', counts({ less: 30, other: 70 })],
    ]);
    expect(distinctiveTerms(groups).find((g) => g.key === 'A')!.terms.map((t) => t.term)).toEqual(['other']);
  });
});
