import { describe, expect, it } from 'vitest';
import { dateFromFileName, dateFromTimestamp, inferFields, languageFromText } from '../../src/importer/infer.ts';

describe('dateFromFileName', () => {
  it('keeps the precision the name gives', () => {
    expect(dateFromFileName('2019-10-25-opening.txt')).toBe('2019-10-25');
    expect(dateFromFileName('2020_11 speech.md')).toBe('2020-11');
    expect(dateFromFileName('2021.txt')).toBe('2021');
    expect(dateFromFileName('20191025-x.txt')).toBe('2019-10-25');
  });
  it('ignores numbers that are not dates', () => {
    expect(dateFromFileName('2019-13-01-x.txt')).toBeNull();
    expect(dateFromFileName('12345.txt')).toBeNull();
    expect(dateFromFileName('report-2019.txt')).toBeNull();
  });
});

describe('dateFromTimestamp', () => {
  it('reads ISO timestamps to the day', () => {
    expect(dateFromTimestamp('2019-10-25T08:00:00Z')).toBe('2019-10-25');
    expect(dateFromTimestamp('2019-10')).toBe('2019-10');
    expect(dateFromTimestamp('2019')).toBe('2019');
    expect(dateFromTimestamp('Friday')).toBeNull();
  });
});

describe('languageFromText', () => {
  it('says zh for mostly Han text, ja where kana stand among it, a script\'s language, nothing otherwise', () => {
    expect(languageFromText('网络空间命运共同体 is a slogan')).toBe('zh');
    expect(languageFromText('東京に住んでいます。')).toBe('ja');
    expect(languageFromText('ฉันเป็นนักเรียน')).toBe('th');
    expect(languageFromText('나는 학생입니다')).toBe('ko');
    expect(languageFromText('A plain English text.')).toBeNull();
    expect(languageFromText('   ')).toBeNull();
  });
});

describe('inferFields', () => {
  it('lets the HTML head override the file name', () => {
    expect(inferFields({ name: '2019-x.html', text: 'Text', html: { title: 'T', outlet: 'O', author: null, published: '2020-02-03T00:00Z', language: 'fr' } })).toEqual({ title: 'T', outlet: 'O', date: '2020-02-03', language: 'fr' });
  });
  it('drops an unreadable published date rather than failing', () => {
    expect(inferFields({ name: 'x.html', text: 'Text', html: { title: null, outlet: null, author: null, published: 'yesterday', language: null } })).toEqual({});
  });
});
