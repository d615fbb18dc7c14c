import { describe, expect, it } from 'vitest';
import { normalizeWord, stem } from '../../src/text/index.ts';
import { LANGUAGES, type Language } from '../../src/text/function-words.ts';
import { STEMMED_LANGUAGES, wordKeyIn } from '../../src/text/stem-language.ts';

/** Whether all `words` have one key in `language`. */
const meet = (language: Parameters<typeof wordKeyIn>[1], ...words: string[]) => new Set(words.map((w) => wordKeyIn(w, language))).size === 1;

describe('wordKeyIn', () => {
  it('gives the forms of a word one key in its language', () => {
    expect(meet('fr', 'oiseau', 'Oiseaux')).toBe(true);
    expect(meet('fr', 'présentée', 'présentées', 'présenter', 'présenté')).toBe(true);
    expect(meet('fr', 'cheval', 'chevaux')).toBe(true);
    expect(meet('de', 'Energiewende', 'Energiewenden')).toBe(true);
    expect(meet('de', 'Häuser', 'Haus')).toBe(true);
    expect(meet('de', 'Straße', 'Strassen')).toBe(true);
    expect(meet('es', 'quedar', 'quedan', 'quedó')).toBe(true);
    expect(meet('es', 'elección', 'Elecciones')).toBe(true);
    expect(meet('it', 'lavoratori', 'lavoratore')).toBe(true);
    expect(meet('pt', 'políticas', 'político')).toBe(true);
    expect(meet('pt', 'pública', 'públicos')).toBe(true);
    expect(meet('nl', 'regering', 'regeringen')).toBe(true);
  });

  it('stems German weak participles in -igt and -iert as their infinitive', () => {
    expect(meet('de', 'genehmigen', 'genehmigt', 'genehmigte', 'genehmigten', 'Genehmigung')).toBe(true);
    expect(meet('de', 'kritisieren', 'kritisiert', 'kritisierte')).toBe(true);
    expect(meet('de', 'fertigen', 'fertigt')).toBe(true);
  });

  it('keys are matching forms: lower case, accents off', () => {
    for (const [w, l] of [['Présentée', 'fr'], ['Elección', 'es'], ['Häuser', 'de'], ['città', 'it'], ['NAÇÕES', 'pt']] as const) {
      const key = wordKeyIn(w, l);
      expect(key).toBe(normalizeWord(key));
    }
  });

  it('keeps English on the light stemmer, unchanged', () => {
    for (const w of ['Rabbits', 'governance', 'developed', "China's", 'cities']) expect(wordKeyIn(w, 'en')).toBe(stem(normalizeWord(w)));
    expect(STEMMED_LANGUAGES).toEqual(expect.arrayContaining(['en', 'fr', 'de', 'es', 'it', 'pt', 'nl']));
  });

  it('lists exactly the languages it stems', () => {
    // A plural each stemmer cuts; any other language keeps the matching form.
    const plurals: Partial<Record<Language, string>> = { en: 'rabbits', fr: 'oiseaux', de: 'häusern', es: 'elecciones', it: 'città', pt: 'nações', nl: 'huizen' };
    for (const l of LANGUAGES) {
      const w = plurals[l] ?? 'oiseaux';
      expect(wordKeyIn(w, l) !== normalizeWord(w), l).toBe(STEMMED_LANGUAGES.includes(l));
    }
  });

  it('applies no other language’s rules to a language without a stemmer here, nor to an unknown one', () => {
    expect(wordKeyIn('Running', null)).toBe('running');
    expect(wordKeyIn('Oiseaux', null)).toBe('oiseaux');
    expect(wordKeyIn('städerna', 'sv')).toBe('staderna');
    expect(wordKeyIn('Москвы', 'ru')).toBe('москвы');
  });

  it('does not join unrelated words by English rules', () => {
    // English "-ing" would make Dutch "koning" (king) "kon" (could).
    expect(stem('koning')).toBe(stem('kon'));
    expect(wordKeyIn('koning', 'nl')).not.toBe(wordKeyIn('kon', 'nl'));
  });
});
