import { describe, expect, it } from 'vitest';
import { countTermsByGroup, distinctiveFor } from '../../src/trends/analyse.ts';
import { distinctiveTerms, logOddsZ } from '../../src/trends/distinctive.ts';

const counts = (o: Record<string, number>) => ({ counts: new Map(Object.entries(o)), total: Object.values(o).reduce((a, b) => a + b, 0) });

describe('logOddsZ', () => {
  it('is zero when both groups use the word at the same rate, and signed', () => {
    expect(logOddsZ(10, 100, 10, 100, 2, 20)).toBeCloseTo(0);
    expect(logOddsZ(30, 100, 5, 100, 3.5, 20)).toBeGreaterThan(0);
    expect(logOddsZ(5, 100, 30, 100, 3.5, 20)).toBeLessThan(0);
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
    // A word seen 3 times ranks below one seen 40 times, though its rest rate is 0 as well.
    expect(a.terms.findIndex((t) => t.term === 'rare')).toBeGreaterThan(0);
    expect(out.find((g) => g.key === 'B')!.terms[0]!.term).toBe('inclusive');
  });
});

describe('distinctiveFor', () => {
  it('counts stems per outlet, names the measure, and leaves out stopwords', () => {
    const docs = [
      { id: '1', title: null, outlet: 'A', date: null, text: 'the sovereignty sovereignties sovereignty of the state state state' },
      { id: '2', title: null, outlet: 'B', date: null, text: 'the inclusive inclusive inclusive growth growth growth of trade' },
    ];
    const r = distinctiveFor(countTermsByGroup(docs), 'outlet');
    expect(r.measure).toMatch(/log-odds/);
    const a = r.groups.find((g) => g.key === 'A')!;
    expect(a.terms.map((t) => t.term)).toContain('sovereignty');
    expect(a.terms.flatMap((t) => t.term)).not.toContain('the');
  });
});
