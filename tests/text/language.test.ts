import { describe, expect, it } from 'vitest';
import { SHORT_TEXT_WORDS, languageOfText } from '../../src/text/language.ts';

const FR = "Les oiseaux migrateurs sont revenus dans la vallée. Le maire a présenté le projet et les habitants ont posé des questions sur la route.";
const DE = 'Die Energiewende ist nicht billig, aber die Regierung will den Ausbau der Netze mit neuen Mitteln genehmigen.';
/** A Finnish text: few words any listed language has as function words. */
const FI = Array.from({ length: 12 }, () => 'Kaupungin valtuusto päätti eilen uudesta kirjastosta keskustaan.').join(' ');

describe('languageOfText', () => {
  it('reads a document’s language from its function words', () => {
    expect(languageOfText(FR)).toBe('fr');
    expect(languageOfText(DE)).toBe('de');
    expect(languageOfText('The council said that the bridge is closed for the winter.')).toBe('en');
  });

  it('takes the declared language when the words do not tell', () => {
    expect(languageOfText('Energiewende 2030', 'de-AT')).toBe('de');
    expect(languageOfText(FR, 'en')).toBe('fr');
  });

  it('reads a short text with no markers as English, a longer one as an unknown language (exact forms)', () => {
    expect(languageOfText('Rabbits invade Australia')).toBe('en');
    expect(FI.split(' ').length).toBeGreaterThanOrEqual(SHORT_TEXT_WORDS);
    expect(languageOfText(FI)).toBeNull();
    expect(languageOfText(FI, 'fi')).toBeNull();
    // "en" is the metadata's default, not a declaration.
    expect(languageOfText(FI, 'en')).toBeNull();
  });
});
