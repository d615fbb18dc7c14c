import { describe, expect, it } from 'vitest';
import { noun, plural } from '../../src/text/plural.ts';

describe('noun', () => {
  it('is singular for exactly one', () => {
    expect(noun(1, 'outlet')).toBe('outlet');
    expect(noun(0, 'outlet')).toBe('outlets');
    expect(noun(2, 'formula', 'formulae')).toBe('formulae');
  });
});

describe('plural', () => {
  it('writes the count with separators and the agreeing noun', () => {
    expect(plural(1, 'wording')).toBe('1 wording');
    expect(plural(0, 'wording')).toBe('0 wordings');
    expect(plural(1024, 'document')).toBe('1,024 documents');
    expect(plural(1, 'repeat inside a document', 'repeats inside a document')).toBe('1 repeat inside a document');
    expect(plural(16, 'repeat inside a document', 'repeats inside a document')).toBe('16 repeats inside a document');
  });
});
