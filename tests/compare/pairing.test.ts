import { describe, expect, it } from 'vitest';
import { pairDocuments, pairsBetween } from '../../src/compare/pairing.ts';
import { passage } from './fixtures.ts';

const A = { id: 'a', text: 'x'.repeat(100) };
const B = { id: 'b', text: 'y'.repeat(50) };

describe('pairsBetween', () => {
  it('orients passages to the comparison, whichever side the engine put each document', () => {
    const ps = [passage({ doc: 'a', start: 10, end: 20 }, { doc: 'b', start: 0, end: 10 })];
    expect(pairsBetween(ps, 'b', 'a', false)[0]).toMatchObject({ left: { doc: 'b', start: 0 }, right: { doc: 'a', start: 10 } });
  });
  it('ignores passages with other documents, and internal repeats unless asked', () => {
    const ps = [
      passage({ doc: 'a', start: 0, end: 5 }, { doc: 'c', start: 0, end: 5 }),
      passage({ doc: 'a', start: 0, end: 5 }, { doc: 'a', start: 50, end: 55 }),
    ];
    expect(pairsBetween(ps, 'a', 'b', false)).toEqual([]);
    expect(pairsBetween(ps, 'a', 'b', true)).toHaveLength(1);
    expect(pairsBetween(ps, 'a', 'b', true)[0]!.internal).toBe(true);
  });
  it('resolves overlaps by score, so each stretch belongs to one pair', () => {
    const ps = [
      passage({ doc: 'a', start: 0, end: 30 }, { doc: 'b', start: 0, end: 30 }, 5),
      passage({ doc: 'a', start: 20, end: 40 }, { doc: 'b', start: 35, end: 45 }, 9),
      passage({ doc: 'a', start: 60, end: 70 }, { doc: 'b', start: 46, end: 50 }, 1),
    ];
    expect(pairsBetween(ps, 'a', 'b', false).map((p) => p.index)).toEqual([1, 2]);
  });
});

describe('pairDocuments', () => {
  it('cuts each column into shared and unshared stretches covering the whole text', () => {
    const ps = [passage({ doc: 'a', start: 10, end: 20 }, { doc: 'b', start: 30, end: 40 })];
    const p = pairDocuments(ps, A, B, false);
    expect(p.left).toEqual([
      { start: 0, end: 10, pair: null },
      { start: 10, end: 20, pair: 0 },
      { start: 20, end: 100, pair: null },
    ]);
    expect(p.right.map((s) => s.pair)).toEqual([null, 0, null]);
    expect(p.leftOverview).toEqual([{ pair: 0, from: 0.1, to: 0.2, similarity: 0.8 }]);
    expect(p.rightOverview[0]).toMatchObject({ from: 0.6, to: 0.8 });
  });
  it('handles documents that share nothing', () => {
    const p = pairDocuments([], A, B, false);
    expect(p.pairs).toEqual([]);
    expect(p.left).toEqual([{ start: 0, end: 100, pair: null }]);
  });
});
