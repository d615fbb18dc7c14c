import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, parseQuery, parseTerm, searchable } from '../../src/search/query.ts';
import { wordKeyIn } from '../../src/text/stem-language.ts';

/** The English stemmer's keys for words (the tests do not depend on its exact output). */
const S = (...words: string[]) => words.map((w) => wordKeyIn(w, 'en'));
/** The query in an English corpus's keys (parseQuery's default). */
const en = (q: ReturnType<typeof parseQuery>) => q.forms[0]!;

describe('parseQuery', () => {
  it('stems words and drops stopwords with a notice', () => {
    const q = parseQuery('the Rabbits of governance');
    expect(q.error).toBeNull();
    expect(en(q).terms.sort()).toEqual(S('governance', 'rabbits').sort());
    expect(q.notices.join(' ')).toMatch(/common words are not searched on their own: the, of/);
  });

  it('keeps a quoted phrase with its stopwords, in straight or curly quotes', () => {
    for (const raw of ['"community with a shared future"', '“community with a shared future”']) {
      const q = parseQuery(raw);
      expect(q.phrases).toHaveLength(1);
      expect(en(q).phrases[0]).toEqual(S('community', 'with', 'a', 'shared', 'future'));
      expect(en(q).indexTerms).toEqual(S('community', 'shared', 'future'));
    }
  });

  it('reports an unclosed quote and searches the rest as a phrase', () => {
    const q = parseQuery('cyberspace "digital divide');
    expect(q.error).toBeNull();
    expect(en(q).terms).toEqual(S('cyberspace'));
    expect(en(q).phrases[0]).toEqual(S('digital', 'divide'));
    expect(q.notices[0]).toMatch(/quotation mark is not closed/);
  });

  it('explains a query of only stopwords', () => {
    const q = parseQuery('of the and');
    expect(q.error).toMatch(/only very common words/);
    expect(parseQuery('"of the"').error).toMatch(/only very common words/);
  });

  it('refuses a 10,000-character query with a message, not an exception', () => {
    const q = parseQuery('a'.repeat(10_000));
    expect(q.error).toMatch(/10,000 characters/);
    expect(q.error).toContain(String(MAX_QUERY_CHARS));
  });

  it('gives no error for an empty query and a clear one for punctuation only', () => {
    expect(parseQuery('   ').error).toBeNull();
    expect(searchable(parseQuery('   '))).toBe(false);
    expect(parseQuery('?!…').error).toMatch(/no words/);
  });

  it('turns a run of Han characters into a phrase of bigrams', () => {
    const q = parseQuery('网络空间');
    expect(en(q).phrases[0]).toEqual(['网络', '络空', '空间']);
    expect(en(parseQuery('空间')).terms).toEqual(['空间']);
    expect(parseQuery('网').notices.join(' ')).toMatch(/A single character \(网\)/);
  });
});

describe('parseTerm', () => {
  it('reads the whole input as one phrase, quoted or not', () => {
    expect(en(parseTerm('digital divide')).phrases[0]).toEqual(S('digital', 'divide'));
    expect(en(parseTerm('"digital divide"')).phrases[0]).toEqual(S('digital', 'divide'));
    expect(en(parseTerm('divides')).terms).toEqual(S('divide'));
  });
});
