import { describe, expect, it } from 'vitest';
import { prepareDocs, type PreparedDoc } from '../../src/reuse/prepare.ts';
import { EXACT_KEYS, languageStems } from '../../src/reuse/stem-classes.ts';
import { LANGUAGES } from '../../src/text/function-words.ts';
import { TokenKind } from '../../src/text/scan.ts';
import { Vocabulary } from '../../src/text/vocabulary.ts';

/** The stem id of `word` (as written) in document `d`. */
function stemIn(d: PreparedDoc, word: string): number {
  const k = Array.from(d.type).findIndex((t) => d.surface[t] === word);
  expect(k, `${word} in ${d.id}`).toBeGreaterThanOrEqual(0);
  return d.corpus.typeStem[d.type[k]!]!;
}

function prepare(texts: readonly (string | { text: string; language: string })[]): PreparedDoc[] {
  return prepareDocs(
    texts.map((t, i) => ({ id: `d${i}`, ...(typeof t === 'string' ? { text: t } : t) })),
    new Vocabulary(),
  );
}

const FRENCH_A = "Le ministre dit que la transition ne coûte pas et que les éoliennes sont livrées dans les ports avec les turbines.";
const FRENCH_B = "Le journal écrit que la transition ne coûtait pas et que la dernière éolienne est livrée pour le port avec retard.";
const GERMAN = 'Der Antrag ist nicht genehmigt, und die Stadt will den Bau mit dem Geld der Länder genehmigen, sagt sie.';
const ENGLISH = 'The candidate said that the crowd chanted make America great again, and this was the end of the convention.';

describe('stems by document language', () => {
  it('matches French and German variants as one word', () => {
    const [a, b, de] = prepare([FRENCH_A, FRENCH_B, GERMAN]);
    expect([a!.language, b!.language, de!.language].map((l) => LANGUAGES[l])).toEqual(['fr', 'fr', 'de']);
    expect(stemIn(a!, 'coûte')).toBe(stemIn(b!, 'coûtait'));
    expect(stemIn(a!, 'livrées')).toBe(stemIn(b!, 'livrée'));
    expect(stemIn(de!, 'genehmigt')).toBe(stemIn(de!, 'genehmigen'));
    // The English rules would have kept them apart.
    const english = prepare(['It coûte, coûtait; livrée, livrées; genehmigt, genehmigen.']);
    expect(stemIn(english[0]!, 'coûte')).not.toBe(stemIn(english[0]!, 'coûtait'));
    expect(stemIn(english[0]!, 'genehmigt')).not.toBe(stemIn(english[0]!, 'genehmigen'));
  });

  it('still matches an English slogan quoted in a French article with the English documents that say it', () => {
    const french = 'Le candidat reprend le slogan Make America Great Again et promet que les électeurs sont avec lui dans les meetings.';
    const [fr, en] = prepare([french, ENGLISH]);
    expect(LANGUAGES[fr!.language]).toBe('fr');
    expect(LANGUAGES[en!.language]).toBe('en');
    // French Snowball keys "make" as "mak": the shared matching form joins the two keys.
    for (const [f, e] of [['Make', 'make'], ['Great', 'great'], ['America', 'America'], ['Again', 'again']]) expect(stemIn(fr!, f!), f).toBe(stemIn(en!, e!));
  });

  it('keys each document in its own language: no English rule joins the words of a language without a stemmer', () => {
    const swedish = 'Det är inte dagens fråga, och att den dagen kommer är också det som var sagt på mötet med de andra.';
    const [sv] = prepare([swedish]);
    expect(LANGUAGES[sv!.language]).toBe('sv');
    expect(stemIn(sv!, 'dagens')).not.toBe(stemIn(sv!, 'dagen'));
    const [en] = prepare(['The dagens of the dagen: it was not for the one that is here.']);
    expect(stemIn(en!, 'dagens')).toBe(stemIn(en!, 'dagen'));
  });

  it('reads a short text without markers in the language it declares, as search does', () => {
    const [declared, plain] = prepare([{ text: 'Genehmigt. Genehmigen.', language: 'de-AT' }, 'Genehmigt. Genehmigen.']);
    expect(LANGUAGES[declared!.language]).toBe('de');
    expect(stemIn(declared!, 'Genehmigt')).toBe(stemIn(declared!, 'Genehmigen'));
    expect(LANGUAGES[plain!.language]).toBe('en');
  });

  it('leaves an English corpus with the stems the Vocabulary gave it', () => {
    const vocab = new Vocabulary();
    const docs = prepareDocs([{ id: 'a', text: ENGLISH }, { id: 'b', text: 'They were chanting and the candidates said it again.' }], vocab);
    const mirror = new Vocabulary();
    for (const s of vocab.surface) mirror.typeOf(s, TokenKind.Word);
    expect(Array.from(docs[0]!.corpus.typeStem)).toEqual(Array.from(mirror.stemOf));
    expect(vocab.stems).toEqual(mirror.stems);
  });
});

describe('languageStems', () => {
  const vocab = new Vocabulary();
  const words = ['coûte', 'coûtait', 'coute', 'make', 'makes', 'État', 'Etat'];
  for (const w of words) vocab.typeOf(w, TokenKind.Word);
  const id = (w: string) => words.indexOf(w);
  const FR = 1 << LANGUAGES.indexOf('fr');
  const EN = 1 << LANGUAGES.indexOf('en');

  it('joins the keys of one matching form, and names a class by its English key where it has one', () => {
    const modes = new Uint32Array(words.length).fill(FR);
    modes[id('make')] = FR | EN;
    modes[id('coute')] = EN;
    const keys = languageStems(vocab, modes);
    // "coute" (English key "cout") shares its matching form with "coûte" (French key "cout").
    expect(keys[id('coûte')]).toBe(keys[id('coûtait')]);
    expect(keys[id('coute')]).toBe(keys[id('coûte')]);
    expect(keys[id('coûte')]).toBe('cout');
    // "makes" in French keys as "mak", as "make" does, which English keys as "make".
    expect(keys[id('makes')]).toBe(keys[id('make')]);
    expect(keys[id('make')]).toBe('make');
    expect(keys[id('État')]).toBe(keys[id('Etat')]);
  });

  it('keeps a key of another language apart from an English key spelt alike', () => {
    const modes = new Uint32Array(words.length);
    modes[id('coûtait')] = FR;
    modes[id('coute')] = EN;
    modes[id('make')] = 1 << EXACT_KEYS;
    const keys = languageStems(vocab, modes);
    expect(keys[id('coute')]).toBe('cout');
    expect(keys[id('coûtait')]).not.toBe('cout');
    expect(keys[id('make')]).not.toBe(keys[id('coûtait')]);
  });
});
