import { describe, expect, it } from 'vitest';
import { substitutionLedger } from '../../src/compare/ledger.ts';
import { passage } from './fixtures.ts';

const ops = (pairs: [string, string, string?][]) => pairs.map(([op, a, b]) => ({ op: op as 'match' | 'sub', a, b: b ?? a }));

describe('substitutionLedger', () => {
  it('counts substitutions in one direction, with context examples', () => {
    const p1 = passage({ doc: 'a', start: 0, end: 1 }, { doc: 'b', start: 0, end: 1 }, 5, ops([['sub', 'protect', 'safeguard'], ['match', 'the'], ['match', 'environment']]));
    const p2 = passage({ doc: 'b', start: 0, end: 1 }, { doc: 'c', start: 0, end: 1 }, 5, ops([['match', 'we'], ['sub', 'Safeguard', 'protect']]));
    const p3 = passage({ doc: 'a', start: 0, end: 1 }, { doc: 'c', start: 0, end: 1 }, 5, ops([['sub', 'future', 'coming']]));
    const ledger = substitutionLedger([p1, p2, p3]);
    expect(ledger.map((e) => [e.from, e.to, e.count, e.pairs])).toEqual([
      ['protect', 'safeguard', 2, 2],
      ['coming', 'future', 1, 1],
    ]);
    expect(ledger[0]!.examples[0]).toEqual({ passage: 0, a: 'a', b: 'b', before: [], after: ['the', 'environment'] });
    expect(ledger[0]!.examples[1]).toEqual({ passage: 1, a: 'b', b: 'c', before: ['we'], after: [] });
  });
  it('skips internal repeats unless asked, and case-only changes always', () => {
    const internal = passage({ doc: 'a', start: 0, end: 1 }, { doc: 'a', start: 5, end: 6 }, 5, ops([['sub', 'x', 'y'], ['sub', 'Word', 'word']]));
    expect(substitutionLedger([internal])).toEqual([]);
    expect(substitutionLedger([internal], true).map((e) => e.from)).toEqual(['x']);
  });
});
