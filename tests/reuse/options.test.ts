import { describe, expect, it } from 'vitest';
import { DEFAULT_REUSE_OPTIONS, resolveOptions } from '../../src/reuse/options.ts';

describe('resolveOptions', () => {
  it('fills what is not given from the defaults, which stay frozen', () => {
    const o = resolveOptions({ minContentWords: 6 });
    expect(o.minContentWords).toBe(6);
    expect(o.seedMaxSkip).toBe(DEFAULT_REUSE_OPTIONS.seedMaxSkip);
    expect(resolveOptions(undefined)).toEqual(DEFAULT_REUSE_OPTIONS);
    expect(Object.isFrozen(DEFAULT_REUSE_OPTIONS)).toBe(true);
  });

  it('names the option that is not a finite number', () => {
    expect(() => resolveOptions({ gapOpen: Number.NaN })).toThrow(/option gapOpen must be a finite number, got NaN/);
    expect(() => resolveOptions({ alignBand: Infinity })).toThrow(/alignBand/);
  });
});
