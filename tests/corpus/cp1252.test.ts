import { describe, expect, it } from 'vitest';
import { CP1252_HIGH, windows1252FromLatin1 } from '../../src/corpus/cp1252.ts';

describe('windows1252FromLatin1', () => {
  it('turns the C1 controls ISO-8859-1 decodes into the characters windows-1252 has there', () => {
    const latin1 = new TextDecoder('iso-8859-1').decode(Uint8Array.from([0x93, 0x41, 0x94, 0x20, 0x80, 0x85]));
    expect(windows1252FromLatin1(latin1)).toBe('“A” €…');
  });

  it('leaves text without C1 controls, and the five bytes windows-1252 leaves undefined, as they are', () => {
    expect(windows1252FromLatin1('plain café')).toBe('plain café');
    expect(windows1252FromLatin1('\u0081\u008d')).toBe('\u0081\u008d');
    expect(CP1252_HIGH).toHaveLength(27);
  });
});
