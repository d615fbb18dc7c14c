import { describe, expect, it } from 'vitest';
import { SHORT_TEXT_WORDS, searchLanguageOfText } from '../../src/search/language.ts';

const FR = "Les oiseaux migrateurs sont revenus dans la vallée. Le maire a présenté le projet et les habitants ont posé des questions sur la route.";
const DE = 'Die Energiewende ist nicht billig, aber die Regierung will den Ausbau der Netze mit neuen Mitteln genehmigen.';
/** A Finnish text: no listed language's markers. */
const FI = Array.from({ length: 12 }, () => 'Kaupungin valtuusto päätti eilen uudesta kirjastosta keskustaan.').join(' ');

describe('searchLanguageOfText', () => {
  it('reads a document’s language from its function words', () => {
    expect(searchLanguageOfText(FR)).toBe('fr');
    expect(searchLanguageOfText(DE)).toBe('de');
    expect(searchLanguageOfText('The council said that the bridge is closed for the winter.')).toBe('en');
  });

  it('takes the declared language when the words do not tell', () => {
    expect(searchLanguageOfText('Energiewende 2030', 'de-AT')).toBe('de');
    expect(searchLanguageOfText(FR, 'en')).toBe('fr');
  });

  it('reads a short text with no markers as English, a longer one as an unknown language (exact forms)', () => {
    expect(searchLanguageOfText('Rabbits invade Australia')).toBe('en');
    expect(FI.split(' ').length).toBeGreaterThanOrEqual(SHORT_TEXT_WORDS);
    expect(searchLanguageOfText(FI)).toBeNull();
    expect(searchLanguageOfText(FI, 'fi')).toBeNull();
    // "en" is the metadata's default, not a declaration.
    expect(searchLanguageOfText(FI, 'en')).toBeNull();
  });
});
