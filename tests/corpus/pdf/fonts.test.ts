import { describe, expect, it } from 'vitest';
import { glyphText, parseToUnicode } from '../../../src/corpus/pdf/fonts.ts';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('glyphText', () => {
  it('names WinAnsi’s glyphs, ligatures, uni and u names, and letters with an accent composed', () => {
    expect(['eacute', 'quotedblleft', 'emdash', 'Euro', 'fi', 'ffl', 'uni00E9', 'uni00660069', 'u1F600', 'Ccaron', 'aogonek', 'zdotaccent'].map(glyphText)).toEqual([
      'é', '“', '—', '€', 'fi', 'ffl', 'é', 'fi', '😀', 'Č', 'ą', 'ż',
    ]);
  });

  it('names Greek letters and the Adobe Glyph List\'s Cyrillic afii letters (Ё and ё out of sequence)', () => {
    expect(['Alpha', 'omega', 'sigma1', 'Sigma', 'afii10017', 'afii10023', 'afii10024', 'afii10049', 'afii10065', 'afii10071', 'afii10097', 'afii10056'].map(glyphText).join('')).toBe('ΑωςΣАЁЖЯаёяЇ');
    expect(glyphText('afii99999')).toBeNull();
  });

  it('reads a suffixed or joined name by its parts, and gives a bare glyph id no text', () => {
    expect(glyphText('a.sc')).toBe('a');
    expect(glyphText('f_f_i')).toBe('ffi');
    expect(glyphText('g123')).toBeNull();
    expect(glyphText('cid42')).toBeNull();
  });
});

describe('parseToUnicode', () => {
  it('reads code spaces, bfchar and both forms of bfrange, including text of several characters', () => {
    const cmap = parseToUnicode(bytes(`begincmap
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar <01> <0041> <02> <00660069> endbfchar
2 beginbfrange <10> <12> <0061> <20> <21> [<00E9> <D83DDE00>] endbfrange
endcmap`));
    expect(cmap.spaces).toEqual([{ bytes: 1, low: 0, high: 255 }]);
    expect([1, 2, 0x10, 0x11, 0x12, 0x20, 0x21].map((c) => cmap.map.get(c))).toEqual(['A', 'fi', 'a', 'b', 'c', 'é', '😀']);
  });
});
