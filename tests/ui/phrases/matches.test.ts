import { describe, expect, it } from 'vitest';
import { strongestFirst, summarizeMatches } from '../../../src/ui/phrases/matches.ts';
import { passage } from '../../compare/fixtures.ts';

const span = (doc: string, start = 0) => ({ doc, start, end: start + 10 });
const withChance = (p: ReturnType<typeof passage>, expectedByChance: number | null) => ({ ...p, expectedByChance });

describe('summarizeMatches', () => {
  it('puts repeats inside one document apart, by the engine scope', () => {
    const between = passage(span('a'), span('b'));
    const repeat = passage(span('a'), span('a', 50));
    const s = summarizeMatches([repeat, between]);
    expect(s.between).toEqual([between]);
    expect(s.internal).toEqual([repeat]);
  });
  it('puts the least likely by chance first, then the unmeasured by score', () => {
    const likely = withChance(passage(span('a'), span('b'), 50), 0.5);
    const unlikely = withChance(passage(span('a'), span('c'), 10), 1e-6);
    const imported = withChance(passage(span('a'), span('d'), 90), null);
    const importedWeak = withChance(passage(span('a'), span('e'), 20), null);
    expect(strongestFirst([importedWeak, likely, imported, unlikely])).toEqual([unlikely, likely, imported, importedWeak]);
  });
});
