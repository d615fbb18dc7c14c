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

  it('takes alignment scores only as integers, a gap costing no less to open than to extend', () => {
    expect(resolveOptions({ matchContent: 5, gapOpen: -3, gapExtend: -3 }).gapOpen).toBe(-3);
    expect(() => resolveOptions({ mismatch: -0.5 })).toThrow(/option mismatch must be an integer from -1000 to 1000, got -0.5/);
    expect(() => resolveOptions({ matchContent: 1e6 })).toThrow(/matchContent/);
    expect(() => resolveOptions({ gapOpen: -1, gapExtend: -2 })).toThrow(/gapExtend \(-2\) must not be below gapOpen \(-1\)/);
  });
});
