import { describe, expect, it } from 'vitest';
import { ENCODING_CHOICES, encodingLabel, encodingShortName } from '../../src/corpus/encodings.ts';

describe('ENCODING_CHOICES', () => {
  it('names only encodings TextDecoder knows, by their WHATWG names', () => {
    for (const { name } of ENCODING_CHOICES) expect(new TextDecoder(name).encoding).toBe(name);
    expect(encodingLabel('gb18030')).toMatch(/Chinese, simplified/);
    expect(encodingLabel('x-mac-cyrillic')).toBe('x-mac-cyrillic');
    expect(encodingShortName('utf-16le')).toBe('UTF-16LE');
    expect(encodingShortName('x-mac-cyrillic')).toBe('x-mac-cyrillic');
  });
});
