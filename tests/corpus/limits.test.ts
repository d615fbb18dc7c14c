import { describe, expect, it } from 'vitest';
import { MAX_META_DEPTH, MAX_META_JSON_CHARS, metaShapeProblem, shorten } from '../../src/corpus/limits.ts';

describe('shorten', () => {
  it('leaves short text alone and cuts long text to the limit with an ellipsis, at a space near the end', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('Bridge costs rise again this spring', 20)).toBe('Bridge costs rise…');
    expect(shorten('Bridge costs rise again this spring', 30)).toBe('Bridge costs rise again this…');
    expect(shorten('x'.repeat(40), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never leaves half a surrogate pair', () => {
    const cut = shorten(`${'a'.repeat(8)}😀😀😀`, 10);
    expect(cut).toBe(`${'a'.repeat(8)}…`);
    expect(() => encodeURIComponent(cut)).not.toThrow();
  });
});

describe('metaShapeProblem', () => {
  it('lets a few fields through, nested as `clean` nests them', () => {
    expect(metaShapeProblem({ title: 'T', clean: { keepLines: ['a', 'b'] }, date: 2019 })).toBeNull();
  });

  it('refuses metadata nested deeper than MAX_META_DEPTH, even 10,000 levels, without recursing', () => {
    const nest = (levels: number) => {
      let v: unknown = 'leaf';
      for (let i = 0; i < levels; i++) v = { v };
      return v;
    };
    expect(metaShapeProblem(nest(MAX_META_DEPTH))).toBeNull();
    expect(metaShapeProblem(nest(MAX_META_DEPTH + 1))).toMatch(/nested more than 8 levels deep/);
    expect(metaShapeProblem(nest(10_000))).toMatch(/nested more than/);
  });

  it('refuses metadata larger than MAX_META_JSON_CHARS as JSON', () => {
    expect(metaShapeProblem({ notes: 'x'.repeat(MAX_META_JSON_CHARS) })).toMatch(/more than 65,536 characters as JSON/);
    expect(metaShapeProblem({ notes: Array.from({ length: MAX_META_JSON_CHARS / 4 }, () => 'ab') })).toMatch(/characters as JSON/);
  });
});
