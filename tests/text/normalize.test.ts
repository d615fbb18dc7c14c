import { describe, expect, it } from 'vitest';
import { normalizeWord } from '../../src/text/normalize.ts';

describe('normalizeWord', () => {
  it('lower-cases ASCII', () => expect(normalizeWord('Internet')).toBe('internet'));
  it('folds curly apostrophes', () => expect(normalizeWord('Xi’s')).toBe("xi's"));
  it('removes diacritics', () => expect(normalizeWord('Résumé')).toBe('resume'));
  it('applies NFKC to full-width forms', () => expect(normalizeWord('ＷＩＣ')).toBe('wic'));
  it('leaves Han characters alone', () => expect(normalizeWord('网络')).toBe('网络'));
  it('removes the optional points of Arabic and Hebrew, and Greek and Cyrillic accents', () => {
    expect(['إلى', 'شَمْس', 'שָׁלוֹם', 'Ελλάδα', 'ёлка'].map(normalizeWord)).toEqual(['الى', 'شمس', 'שלום', 'ελλαδα', 'елка']);
  });
  it('keeps the marks that are letters: Devanagari and Thai vowel signs, Japanese voiced-sound marks', () => {
    // Dropping every combining mark made "छात्र" (student) "छतर", and "で" "て".
    expect(['छात्र', 'นักเรียน', 'で', 'ガ'].map(normalizeWord)).toEqual(['छात्र', 'นักเรียน', 'で', 'ガ']);
  });
});
