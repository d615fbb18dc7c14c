import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnitEncoder, encodeForIndex } from '../../src/search/encode.ts';
import { languageOfText } from '../../src/text/language.ts';
import { paragraphsOf } from '../../src/search/snippets.ts';
import type { Language } from '../../src/text/function-words.ts';

/** What UnitEncoder gives for each text: [terms, start, end] per non-empty paragraph, and each text's language. */
function viaEncoder(texts: string[], encoder = new UnitEncoder()): { units: Array<[string[], number, number]>; languages: (Language | null)[] } {
  const units: Array<[string[], number, number]> = [];
  const languages = texts.map((text) => encoder.encodeUnits(text, paragraphsOf(text), (terms, start, end) => units.push([terms, start, end])));
  return { units, languages };
}

/** The same, one encodeForIndex call per paragraph text, in the text's language. */
function viaText(texts: string[]): Array<[string[], number, number]> {
  return texts.flatMap((text) => {
    const language = languageOfText(text);
    return paragraphsOf(text)
      .filter((p) => p.end > p.start)
      .map((p): [string[], number, number] => [encodeForIndex(text.slice(p.start, p.end), language), p.start, p.end]);
  });
}

const PIECES = ['a', 'Z', 'é', 'e\u0301', "'", '\u2019', ' ', '\n', '\n\n', '\n\n\n', '.', '—', '3', '网', '络', '空', '间', '𠀀', '\ud800', 'the', 'The', 'of', 'rules', 'Rule', 'ruling', 'others', 'other', "China's", 'ß', 'Café'];
/** French, German and Finnish words (French and German function words among them), so texts read in other languages, or in none. */
const FRENCH = ['les', 'des', 'et', 'le', 'oiseaux', 'Oiseau', 'présentée', 'presentee', 'a', 'rules'];
const GERMAN = ['die', 'und', 'der', 'genehmigt', 'Genehmigen', 'Energiewenden', 'Straße', 'strassen', 'of'];
const FINNISH = ['kirjasto', 'kirjastosta', 'päätti', 'rules'];

describe('UnitEncoder', () => {
  it('gives each paragraph the terms encodeForIndex gives its text, in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), { maxLength: 4 }), (docs) => {
        const texts = docs.map((xs) => xs.join(''));
        expect(viaEncoder(texts).units).toEqual(viaText(texts));
      }),
      { numRuns: 300 },
    );
  });

  it('does the same in the language each text is read in, one encoder for all', () => {
    const text = fc
      .constantFrom([PIECES, 20], [FRENCH, 20], [GERMAN, 20], [FINNISH, 70] as const)
      .chain(([words, minLength]) => fc.array(fc.constantFrom(...words, '\n\n', '.'), { minLength, maxLength: 200 }))
      .map((xs) => xs.join(' '));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), (texts) => {
        const { units, languages } = viaEncoder(texts);
        expect(languages).toEqual(texts.map((t) => languageOfText(t)));
        expect(units).toEqual(viaText(texts));
      }),
      { numRuns: 300 },
    );
  });

  it('encodes a French text in French: its function words dropped, its words stemmed', () => {
    const text = 'Les oiseaux et les chevaux.\n\nDes oiseaux présentés, des Oiseaux.';
    const { units, languages } = viaEncoder([text]);
    expect(languages).toEqual(['fr']);
    expect(units.map((u) => u[0])).toEqual([['oiseau', 'cheval'], ['oiseau', 'present']]);
  });

  it('drops stopwords, stems, lists each term once per paragraph and again in the next', () => {
    const text = 'The rules of the Rule, ruling.\n\nRules and 网络空间 rules.\n\n\n  \n\nof the';
    expect(viaEncoder([text]).units.map((u) => u[0])).toEqual([['rule', 'rul'], ['rule', '网络', '络空', '空间'], [], []]);
    expect(viaText([text]).map((u) => u[0])).toEqual([['rule', 'rul'], ['rule', '网络', '络空', '空间'], [], []]);
  });
});
