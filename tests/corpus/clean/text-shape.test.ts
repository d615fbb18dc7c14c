import { describe, expect, it } from 'vitest';
import { countWords, endsSentence, isAllCaps, isLatinDocument, isProse, normKey, normPhrase, snippet, stripClosers } from '../../../src/corpus/clean/text-shape.ts';

describe('countWords', () => {
  it('counts Latin words, half a word per CJK character and a third per Thai character', () => {
    expect(countWords('The state-of-the-art plan, isn’t it?')).toBe(5);
    expect(countWords('论文部分内容')).toBe(3);
    expect(countWords('ภาษาไทย')).toBe(3);
    expect(countWords('')).toBe(0);
  });
});

describe('stripClosers / endsSentence', () => {
  it('looks through closing quotes and brackets', () => {
    expect(stripClosers('He said “no.”)')).toBe('He said “no.');
    expect(endsSentence('He said “no.”')).toBe(true);
    expect(endsSentence('他说。」')).toBe(true);
    expect(endsSentence('A heading')).toBe(false);
  });
});

describe('isProse', () => {
  it('takes a sentence of two words, a colon line of six, or any line of 25 words', () => {
    expect(isProse('It rained.', 2)).toBe(true);
    expect(isProse('Rain.', 1)).toBe(false);
    expect(isProse('He listed the measures as follows:', 6)).toBe(true);
    expect(isProse('Measures:', 1)).toBe(false);
    expect(isProse('x', 25)).toBe(true);
    expect(isProse('x', 24)).toBe(false);
  });
});

describe('normKey / normPhrase', () => {
  it('compares lines up to case, punctuation and spacing', () => {
    expect(normKey('  Hello,   World! ')).toBe('hello world');
    expect(normPhrase('Privacy & Cookies Policy')).toBe('privacy and cookies policy');
    expect(normPhrase('English>>')).toBe('english>>');
  });
});

describe('snippet', () => {
  it('shortens with an ellipsis and collapses whitespace', () => {
    expect(snippet('a\n b', 10)).toBe('a b');
    expect(snippet('abcdefghijkl', 5)).toBe('abcd…');
  });
});

describe('isAllCaps', () => {
  it('needs two letters, all capitals', () => {
    expect(isAllCaps('CHINA DAILY')).toBe(true);
    expect(isAllCaps('A')).toBe(false);
    expect(isAllCaps('China Daily')).toBe(false);
    expect(isAllCaps('论文')).toBe(false);
  });
});

describe('isLatinDocument', () => {
  it('is Latin when Latin letters outnumber CJK characters more than twice', () => {
    expect(isLatinDocument(['An English article', '中文'])).toBe(true);
    expect(isLatinDocument(['中文的文章', 'ab'])).toBe(false);
    expect(isLatinDocument([])).toBe(false);
  });
});
