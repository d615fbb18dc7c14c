import { describe, expect, it } from 'vitest';
import {
  buildMeta,
  compareDocDates,
  CorpusError,
  formatDocDate,
  idFromFileName,
  parseDocDate,
  titleFromFileName,
} from '../../src/corpus/metadata.ts';

const complete = { title: 'T', outlet: 'O', author: null, date: '2019-10', language: 'en', provenance: 'p' };

describe('parseDocDate', () => {
  it('keeps the precision that was written', () => {
    expect(parseDocDate('2019-10-25')).toEqual({ value: '2019-10-25', precision: 'day', approximate: false });
    expect(parseDocDate('2019-10')).toEqual({ value: '2019-10', precision: 'month', approximate: false });
    expect(parseDocDate('2019')).toEqual({ value: '2019', precision: 'year', approximate: false });
  });
  it('marks estimates', () => {
    expect(parseDocDate('~2020-11')).toMatchObject({ value: '2020-11', approximate: true });
    expect(parseDocDate('about 2020')).toMatchObject({ value: '2020', precision: 'year', approximate: true });
  });
  it('rejects impossible and free-form dates, naming the value', () => {
    expect(() => parseDocDate('2019-13')).toThrow(/month 13/);
    expect(() => parseDocDate('2019-02-30')).toThrow(/day 30/);
    expect(() => parseDocDate('October 2019')).toThrow(/"October 2019"/);
  });
});

describe('formatDocDate', () => {
  it('never shows a finer date than the source gives', () => {
    expect(formatDocDate(parseDocDate('2019-10-25'))).toBe('25 October 2019');
    expect(formatDocDate(parseDocDate('2019-10'))).toBe('October 2019');
    expect(formatDocDate(parseDocDate('~2020'))).toBe('about 2020');
    expect(formatDocDate(null)).toBe('undated');
  });
});

describe('compareDocDates', () => {
  it('sorts undated last', () => {
    const dates = [null, parseDocDate('2020'), parseDocDate('2019-10-25')];
    expect(dates.sort(compareDocDates).map((d) => d?.value ?? null)).toEqual(['2019-10-25', '2020', null]);
  });
});

describe('buildMeta', () => {
  it('fills defaults for a plain file', () => {
    const meta = buildMeta({ file: 'x/my_article.txt', defaultId: 'my_article', defaultTitle: 'my article' });
    expect(meta).toMatchObject({ id: 'my_article', title: 'my article', outlet: null, author: null, date: null, language: 'en' });
  });
  it('reads "not named" and null as unknown', () => {
    const meta = buildMeta({ file: 'a.txt', defaultId: 'a', defaultTitle: 'a', sidecar: { ...complete, outlet: 'not named', title: null } });
    expect(meta.outlet).toBeNull();
    expect(meta.title).toBeNull();
  });
  it('requires every field in a sidecar, naming the file and field', () => {
    const { outlet: _omitted, ...missing } = complete;
    expect(() => buildMeta({ file: 'seeds/a.txt', defaultId: 'a', defaultTitle: 'a', sidecar: missing })).toThrow(
      'seeds/a.txt.meta.json: outlet: missing',
    );
  });
  it('rejects malformed fields with the file, the field and the value', () => {
    const bad = (sidecar: unknown) => () => buildMeta({ file: 'a.txt', defaultId: 'a', defaultTitle: 'a', sidecar });
    expect(bad({ ...complete, date: 'last week' })).toThrow(/a\.txt\.meta\.json: date: .*"last week"/);
    expect(bad({ ...complete, author: 42 })).toThrow(/author: must be a string or null/);
    expect(bad({ ...complete, language: 'English' })).toThrow(/language: "English"/);
    expect(bad({ ...complete, colour: 'red' })).toThrow(/colour: unknown field/);
    expect(bad({ ...complete, id: 'a b/c' })).toThrow(/id: "a b\/c"/);
    expect(bad({ ...complete, clean: { removeLines: 'x' } })).toThrow(/clean\.removeLines: must be a list/);
    expect(bad([1])).toThrow(CorpusError);
  });
  it('accepts cleaning overrides', () => {
    const meta = buildMeta({ file: 'a.txt', defaultId: 'a', defaultTitle: 'a', sidecar: { ...complete, clean: { keepLines: ['Keep me'] } } });
    expect(meta.clean).toEqual({ keepLines: ['Keep me'] });
  });
});

describe('titleFromFileName and idFromFileName', () => {
  it('make readable titles and route-safe ids', () => {
    expect(titleFromFileName('my-article_2020.txt')).toBe('my article 2020');
    expect(idFromFileName('Ma note (1).md')).toBe('Ma-note-1-');
    expect(idFromFileName('网络空间.txt')).toBe('网络空间');
    expect(idFromFileName('...txt')).toBe('document');
  });
});
