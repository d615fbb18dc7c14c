import { describe, expect, it } from 'vitest';
import { normalizeWord } from '../../src/text/normalize.ts';

describe('normalizeWord', () => {
  it('lower-cases ASCII', () => expect(normalizeWord('Internet')).toBe('internet'));
  it('folds curly apostrophes', () => expect(normalizeWord('Xi’s')).toBe("xi's"));
  it('removes diacritics', () => expect(normalizeWord('Résumé')).toBe('resume'));
  it('applies NFKC to full-width forms', () => expect(normalizeWord('ＷＩＣ')).toBe('wic'));
  it('leaves Han characters alone', () => expect(normalizeWord('网络')).toBe('网络'));
});
