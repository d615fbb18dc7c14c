import { describe, expect, it } from 'vitest';
import { ANALYSIS_ENGINE_VERSION } from '../../src/reuse/version.ts';
import * as reuse from '../../src/reuse/index.ts';
import { usable } from '../../src/state/analysis-cache.ts';

describe('ANALYSIS_ENGINE_VERSION', () => {
  it('is a positive whole number, the one the engine’s index exports', () => {
    expect(Number.isInteger(ANALYSIS_ENGINE_VERSION) && ANALYSIS_ENGINE_VERSION > 0).toBe(true);
    expect(reuse.ANALYSIS_ENGINE_VERSION).toBe(ANALYSIS_ENGINE_VERSION);
  });

  it('is what the analysis cache checks: a result stored by another version is not read', () => {
    const bytes = new ArrayBuffer(1);
    expect(usable({ engine: ANALYSIS_ENGINE_VERSION, bytes })).toBe(bytes);
    expect(usable({ engine: ANALYSIS_ENGINE_VERSION + 1, bytes })).toBeNull();
  });
});
