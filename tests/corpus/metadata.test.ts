import { describe, expect, it } from 'vitest';
import {
  buildMeta,
  readMeta,
  compareDocDates,
  CorpusError,
  formatDocDate,
  idFromFileName,
  parseDocDate,
  titleFromFileName,
} from '../../src/corpus/metadata.ts';
import { FIELD_LIMITS, MAX_CLEAN_LINE_CHARS, MAX_CLEAN_LINES } from '../../src/corpus/limits.ts';

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

describe('buildMeta: one set of length limits (corpus/limits.ts) for every source', () => {
  const long = (n: number) => 'w.'.repeat(n).slice(0, n);
  it.each(['title', 'outlet', 'author', 'provenance'] as const)('refuses a %s over its limit from front matter or a sidecar, naming file and field', (field) => {
    const limit = FIELD_LIMITS[field];
    expect(buildMeta({ file: 'a.md', defaultId: 'a', defaultTitle: 'a', frontMatter: { [field]: 'x'.repeat(limit) } })[field]).toHaveLength(limit);
    expect(() => buildMeta({ file: 'a.md', defaultId: 'a', defaultTitle: 'a', frontMatter: { [field]: long(100_000) } })).toThrow(
      new CorpusError('a.md', field, `is 100,000 characters long; the limit is ${limit.toLocaleString('en')}`),
    );
    expect(() => buildMeta({ file: 'b.txt', defaultId: 'b', defaultTitle: 'b', sidecar: { ...complete, [field]: 'x'.repeat(limit + 1) } })).toThrow(
      `b.txt.meta.json: ${field}: is ${(limit + 1).toLocaleString('en')} characters long`,
    );
  });
  it('limits language, date and clean lines too, and shortens a title made from a file name', () => {
    expect(() => buildMeta({ file: 'a.md', defaultId: 'a', defaultTitle: 'a', frontMatter: { language: `en-${'x'.repeat(FIELD_LIMITS.language)}` } })).toThrow(/a\.md: language: is \d+ characters long/);
    // A date too long to be one is left out, not refused (dates.ts), and quoted short.
    expect(buildMeta({ file: 'a.md', defaultId: 'a', defaultTitle: 'a', frontMatter: { date: ` ${'9'.repeat(5_000_000)}` } })).toMatchObject({ date: null, provenance: `Its date “${'9'.repeat(40)}…” was not read (it is 5,000,000 characters long).` });
    expect(() => buildMeta({ file: 'a.md', defaultId: 'a', defaultTitle: 'a', frontMatter: { clean: { removeLines: Array(MAX_CLEAN_LINES + 1).fill('x') } } })).toThrow(/clean\.removeLines: lists 1,001 lines/);
    expect(() => buildMeta({ file: 'a.md', defaultId: 'a', defaultTitle: 'a', frontMatter: { clean: { keepLines: ['ok', 'y'.repeat(MAX_CLEAN_LINE_CHARS + 1)] } } })).toThrow(/clean\.keepLines\[1\]: is 2,001 characters long/);
    expect(buildMeta({ file: 'a.md', defaultId: 'a', defaultTitle: long(1000) }).title!.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
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
    expect(bad({ ...complete, date: ['2019'] })).toThrow(/a\.txt\.meta\.json: date: must be a string or null, got object/);
    expect(bad({ ...complete, author: 42 })).toThrow(/author: must be a string or null/);
    expect(bad({ ...complete, language: 'English' })).toThrow(/language: "English"/);
    expect(bad({ ...complete, colour: 'red' })).toThrow(/colour: unknown field/);
    expect(bad({ ...complete, id: 'a b/c' })).toThrow(/id: "a b\/c"/);
    expect(bad({ ...complete, clean: { removeLines: 'x' } })).toThrow(/clean\.removeLines: must be a list/);
    expect(bad([1])).toThrow(CorpusError);
  });
  it('reads the date with dates.ts: one it cannot read costs only itself, and a note fits the provenance limit', () => {
    const read = (date: unknown, provenance: string | null = 'Typed up.') => readMeta({ file: 'a.txt', defaultId: 'a', defaultTitle: 'a', sidecar: { ...complete, date, provenance } });
    expect(read('last week')).toEqual({ meta: expect.objectContaining({ date: null, provenance: 'Typed up. Its date “last week” was not read (not a way of writing a date that Refrain knows).' }), dateNote: { lost: 'none', note: expect.stringMatching(/^Its date “last week”/) } });
    expect(read(2019)).toMatchObject({ meta: { date: { value: '2019', precision: 'year' }, provenance: 'Typed up.' }, dateNote: null });
    expect(read('unknown')).toMatchObject({ meta: { date: null, provenance: 'Typed up.' }, dateNote: null });
    const full = read('someday', 'p'.repeat(FIELD_LIMITS.provenance)).meta.provenance;
    expect(full.length).toBeLessThanOrEqual(FIELD_LIMITS.provenance);
    expect(full).toMatch(/^p+… Its date “someday” was not read/);
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
