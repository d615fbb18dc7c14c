import { describe, expect, it } from 'vitest';
import { stem } from '../../src/text/stem.ts';

describe('stem', () => {
  it('maps inflections of one word to one key', () => {
    expect(stem('generations')).toBe(stem('generation'));
    expect(stem('promoting')).toBe(stem('promote'));
    expect(stem('promoted')).toBe(stem('promotes'));
    expect(stem('communities')).toBe(stem('community'));
    expect(stem("china's")).toBe('china');
    expect(stem('shared')).toBe(stem('sharing'));
  });
  it('keeps short words and non-Latin words', () => {
    expect(stem('use')).toBe('use');
    expect(stem('网络')).toBe('网络');
    expect(stem('2020')).toBe('2020');
  });
  it('does not strip -ss or -us', () => {
    expect(stem('process')).toBe('process');
    expect(stem('consensus')).toBe('consensus');
  });
});
