import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnitEncoder, encodeForIndex } from '../../src/search/encode.ts';
import { paragraphsOf } from '../../src/search/snippets.ts';

/** What UnitEncoder gives for each text: [terms, start, end] per non-empty paragraph. */
function viaEncoder(texts: string[]): Array<[string[], number, number]> {
  const encoder = new UnitEncoder();
  const out: Array<[string[], number, number]> = [];
  for (const text of texts) encoder.encodeUnits(text, paragraphsOf(text), (terms, start, end) => out.push([terms, start, end]));
  return out;
}

/** The same, one encodeForIndex call per paragraph text. */
function viaText(texts: string[]): Array<[string[], number, number]> {
  return texts.flatMap((text) =>
    paragraphsOf(text)
      .filter((p) => p.end > p.start)
      .map((p): [string[], number, number] => [encodeForIndex(text.slice(p.start, p.end)), p.start, p.end]),
  );
}

const PIECES = ['a', 'Z', 'é', 'e\u0301', "'", '\u2019', ' ', '\n', '\n\n', '\n\n\n', '.', '—', '3', '网', '络', '空', '间', '𠀀', '\ud800', 'the', 'The', 'of', 'rules', 'Rule', 'ruling', 'others', 'other', "China's", 'ß', 'Café'];

describe('UnitEncoder', () => {
  it('gives each paragraph the terms encodeForIndex gives its text, in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), { maxLength: 4 }), (docs) => {
        const texts = docs.map((xs) => xs.join(''));
        expect(viaEncoder(texts)).toEqual(viaText(texts));
      }),
      { numRuns: 300 },
    );
  });

  it('drops stopwords, stems, lists each term once per paragraph and again in the next', () => {
    const text = 'The rules of the Rule, ruling.\n\nRules and 网络空间 rules.\n\n\n  \n\nof the';
    expect(viaEncoder([text]).map((u) => u[0])).toEqual([['rule', 'rul'], ['rule', '网络', '络空', '空间'], [], []]);
    expect(viaText([text]).map((u) => u[0])).toEqual([['rule', 'rul'], ['rule', '网络', '络空', '空间'], [], []]);
  });
});
