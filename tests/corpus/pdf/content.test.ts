import { describe, expect, it } from 'vitest';
import { composeAccents } from '../../../src/corpus/pdf/content.ts';

describe('composeAccents', () => {
  it('makes an accent TeX drew before its letter the accented letter, and leaves a lone accent alone', () => {
    expect(composeAccents('Niels M¨oller, Pˇremysl, Fran¸cois, ´etude, and an ¨ alone')).toBe('Niels Möller, Přemysl, François, étude, and an ¨ alone');
  });
});
