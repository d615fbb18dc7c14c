import { describe, expect, it } from 'vitest';
import { chanceOf, chanceText, isInternal, summarizeMatches } from '../../../src/ui/phrases/matches.ts';
import { passage } from '../../compare/fixtures.ts';

const span = (doc: string, start = 0) => ({ doc, start, end: start + 10 });

describe('chanceText', () => {
  it('says how likely a match is by chance in plain words', () => {
    expect(chanceText(1 / 41873)).toBe('expected by chance: about 1 in 42,000');
    expect(chanceText(1e-12)).toBe('expected by chance: less than 1 in a billion');
    expect(chanceText(3.2)).toBe('could be chance: about 3.2 such matches expected in a corpus this size');
  });
});

describe('chanceOf', () => {
  it('reads the engine significance as a number or an object, and nothing else', () => {
    expect(chanceOf({ ...passage(span('a'), span('b')), significance: 0.001 } as never)).toBe(0.001);
    expect(chanceOf({ ...passage(span('a'), span('b')), significance: { expected: 2e-5 } } as never)).toBe(2e-5);
    expect(chanceOf(passage(span('a'), span('b')))).toBeNull();
    expect(chanceOf({ ...passage(span('a'), span('b')), significance: 'low' } as never)).toBeNull();
  });
});

describe('summarizeMatches', () => {
  it('puts repeats inside one document apart and the strongest pairs first', () => {
    const weak = passage(span('a'), span('b'), 5);
    const strong = passage(span('a'), span('c'), 30);
    const repeat = passage(span('a'), span('a', 50), 40);
    const marked = { ...passage(span('b'), span('b', 50), 9), scope: 'between' } as never;
    const s = summarizeMatches([weak, repeat, strong, marked]);
    expect(s.between).toEqual([strong, marked, weak]);
    expect(s.internal).toEqual([repeat]);
    expect(isInternal({ ...passage(span('a'), span('b')), scope: 'internal' } as never)).toBe(true);
  });
  it('orders by chance when the engine gives it', () => {
    const likely = { ...passage(span('a'), span('b'), 50), significance: 0.5 } as never;
    const unlikely = { ...passage(span('a'), span('c'), 10), significance: 1e-6 } as never;
    expect(summarizeMatches([likely, unlikely]).between).toEqual([unlikely, likely]);
  });
});
