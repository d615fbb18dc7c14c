import { describe, expect, it } from 'vitest';
import { DEFAULT_REUSE_OPTIONS, describeChance, detectReuse, rankFamilies, wordingOf } from '../../src/reuse/index.ts';

describe('the engine’s entry point', () => {
  it('exports the engine and what the views read of its result', () => {
    for (const f of [detectReuse, rankFamilies, wordingOf, describeChance]) expect(typeof f).toBe('function');
    expect(Object.isFrozen(DEFAULT_REUSE_OPTIONS)).toBe(true);
  });
});

describe('detectReuse', () => {
  it('finds nothing in no documents, or in documents without words', () => {
    expect(detectReuse([])).toEqual({ passages: [], families: [] });
    expect(detectReuse([{ id: 'a', text: '' }, { id: 'b', text: '  …  ' }])).toEqual({ passages: [], families: [] });
  });

  it('refuses a document without a string id or text, naming it', () => {
    expect(() => detectReuse([{ id: 'a', text: null } as unknown as { id: string; text: string }])).toThrow(/detectReuse: each document needs a string id and text, got id a/);
  });

  it('takes options over the defaults without changing them', () => {
    const before = { ...DEFAULT_REUSE_OPTIONS };
    const docs = [
      { id: 'a', text: 'The council agreed to build a community with a shared future in cyberspace for all nations.' },
      { id: 'b', text: 'Officials said building a community with a shared future in cyberspace remains the goal.' },
    ];
    expect(detectReuse(docs).passages.length).toBeGreaterThan(0);
    expect(detectReuse(docs, { maxExpectedByChance: -1 }).passages).toEqual([]);
    expect({ ...DEFAULT_REUSE_OPTIONS }).toEqual(before);
  });
});
