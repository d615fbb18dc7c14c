import { describe, expect, it } from 'vitest';
import { fromTimestamp, readDate, withoutDateNote } from '../../src/corpus/dates.ts';

/** Written → the value read (null: left out). */
const READ: [string, string | null][] = [
  // ISO, and timestamps to the day as written (never moved to UTC).
  ['2019', '2019'],
  ['2019-03', '2019-03'],
  ['2019-03-05', '2019-03-05'],
  ['2019-3-5', '2019-03-05'],
  ['20190305', '2019-03-05'],
  ['2019-03-05T10:00:00+01:00', '2019-03-05'],
  ['2019-03-05T23:30:00-08:00', '2019-03-05'],
  ['2019-03-05T10:00:00.000Z', '2019-03-05'],
  ['2019-03-05 10:00:00 +01:00', '2019-03-05'],
  ['2019-03-05 10:00', '2019-03-05'],
  ['20190305T100000Z', '2019-03-05'],
  ['2019/03/05', '2019-03-05'],
  ['2019.03.05', '2019-03-05'],
  ['2019.0', '2019'],
  // East Asian.
  ['2019年3月5日', '2019-03-05'],
  ['2019年3月', '2019-03'],
  ['２０１９年３月５日', '2019-03-05'],
  ['2019년 3월 5일', '2019-03-05'],
  // Figures day first: dotted always; slashed when only one order is a date.
  ['05.03.2019', '2019-03-05'],
  ['5.3.2019', '2019-03-05'],
  ['05.03.2019 10:00', '2019-03-05'],
  ['25/10/2019', '2019-10-25'],
  ['10/25/2019', '2019-10-25'],
  ['03/03/2019', '2019-03-03'],
  ['25-10-2019', '2019-10-25'],
  ['03/2019', '2019-03'],
  // A two-figure year, last: read when one reading alone is a date (00–49 as 2000–2049, 50–99 as 1950–1999); the note says so.
  ['05.03.19', '2019-03-05'],
  ['5.3.87', '1987-03-05'],
  ['25/12/19', '2019-12-25'],
  ['12/25/19', '2019-12-25'],
  ['3/5/19', '2019'],
  ['25-12-87', '1987-12-25'],
  // Month names, seven languages, with weekdays, ordinals and little words.
  ['5 March 2019', '2019-03-05'],
  ['March 5, 2019', '2019-03-05'],
  ['March 5th, 2019', '2019-03-05'],
  ['the 5th of March 2019', '2019-03-05'],
  ['Mar. 5, 2019', '2019-03-05'],
  ['5-Mar-2019', '2019-03-05'],
  ['March 2019', '2019-03'],
  ['Tuesday, 5 March 2019', '2019-03-05'],
  ['le 1er mars 2019', '2019-03-01'],
  ['mardi 5 mars 2019', '2019-03-05'],
  ['août 2019', '2019-08'],
  ['5. März 2019', '2019-03-05'],
  ['Dienstag, 5. März 2019', '2019-03-05'],
  ['5. Jänner 2019', '2019-01-05'],
  ['5 de marzo de 2018', '2018-03-05'],
  ['17 agosto 2021', '2021-08-17'],
  ['martes, 5 de marzo de 2019', '2019-03-05'],
  ['sabato 5 marzo 2019', '2019-03-05'],
  ['1º de março de 2019', '2019-03-01'],
  ['quarta-feira, 5 de março de 2019', '2019-03-05'],
  ['5 maart 2019', '2019-03-05'],
  ['dinsdag 5 mrt. 2019', '2019-03-05'],
  // Mail and JavaScript timestamps: the time and its zone set aside.
  ['Fri, 16 Aug 2019 10:00:00 +0200', '2019-08-16'],
  ['Fri, 16 Aug 2019 23:59:59 GMT', '2019-08-16'],
  ['Fri Aug 16 2019 10:00:00 GMT+0200 (Central European Summer Time)', '2019-08-16'],
  ['August 16, 2019 at 10:00 am EST', '2019-08-16'],
  // Seconds and milliseconds since 1970 (a JSON export's), the day in UTC.
  ['1565999999', '2019-08-16'],
  ['1565999999000', '2019-08-16'],
  ['1565999999.5', '2019-08-16'],
  // Left out, each with its reason.
  ['2019-13', null],
  ['2019-02-29', null],
  ['31.02.2019', null],
  ['13/14/2019', null],
  ['0999', null],
  ['0999-05-01', null],
  ['5 March', null],
  ['Friday', null],
  ['next spring', null],
  ['2019-2020', null],
  ['19-03-05', null],
  ['31/02/19', null],
  ['43763', null],
  ['99999999999999', null],
  ['9999999999999', null],
  ['March and April 2019', null],
];

describe('readDate', () => {
  it.each(READ)('%s → %s', (written, value) => {
    const { date, note } = readDate(written);
    expect(date?.value ?? null).toBe(value);
    expect(note === null).toBe(value !== null && !/^\d{1,2}\D\d{1,2}\D\d{2}$/.test(written));
  });

  it('reads a two-figure year with the pivot it states, and only when one reading is a date', () => {
    expect(readDate('05.03.19')).toEqual({
      date: { value: '2019-03-05', precision: 'day', approximate: false },
      note: 'Its date “05.03.19” was read as 5 March 2019 (a two-figure year, the last part: 00–49 is read as 2000–2049, 50–99 as 1950–1999).',
      why: null,
    });
    expect(readDate('3/5/19')).toMatchObject({ date: { value: '2019', precision: 'year' }, why: 'it could be 3 May 2019 or 5 March 2019' });
    expect(readDate('3/5/19').note).toMatch(/^Its date “3\/5\/19” was read as the year 2019 only: it could be 3 May 2019 or 5 March 2019 \(a two-figure year/);
    // Dashes are also written year first (`19-03-05`): when the readings fall in other years, none is taken.
    expect(readDate('19-03-05').why).toBe('it could be 19 March 2005 or 5 March 2019');
    expect(readDate('31.02.19').why).toBe('no reading of it is a date');
  });

  it('keeps the precision written, and an estimate', () => {
    expect(readDate('March 2019').date).toEqual({ value: '2019-03', precision: 'month', approximate: false });
    expect(readDate('~2020-11').date).toEqual({ value: '2020-11', precision: 'month', approximate: true });
    expect(readDate('about 5 March 2019').date).toEqual({ value: '2019-03-05', precision: 'day', approximate: true });
    expect(readDate('c. 1910').date).toEqual({ value: '1910', precision: 'year', approximate: true });
  });

  it('keeps the year alone when day and month could be either way round, and says why', () => {
    expect(readDate('03/11/2018')).toEqual({
      date: { value: '2018', precision: 'year', approximate: false },
      note: 'Its date “03/11/2018” was read as the year 2018 only: it could be 3 November or 11 March.',
      why: 'it could be 3 November or 11 March',
    });
    expect(readDate('10-11-2019').date?.value).toBe('2019');
  });

  it('says why a date was left out', () => {
    const why = (written: string) => readDate(written).why;
    expect(readDate('2019-02-29').note).toBe('Its date “2019-02-29” was not read (February 2019 has no day 29).');
    expect(why('2019-13')).toBe('there is no month 13');
    expect(why('13/14/2019')).toBe('neither day then month nor month then day is a date');
    expect(why('0999')).toBe('the year 999 is outside 1000–9999');
    expect(why('5 March')).toBe('it names no year');
    expect(why('9999999999999')).toBe('as milliseconds since 1970 it would fall in 2286');
    expect(why('43763')).toMatch(/^a number that is neither a year/);
    expect(why('next spring')).toBe('not a way of writing a date that Refrain knows');
    expect(readDate(`${'7'.repeat(500)}`).note).toBe(`Its date “${'7'.repeat(40)}…” was not read (it is 500 characters long).`);
  });
});

describe('fromTimestamp', () => {
  it('reads seconds or milliseconds since 1970, before 1973 and before 1970 too, where the column says it is a timestamp', () => {
    expect(fromTimestamp('86400')).toBe('1970-01-02');
    expect(fromTimestamp('31536000')).toBe('1971-01-01');
    expect(fromTimestamp('-86400')).toBe('1969-12-31');
    expect(fromTimestamp('-1000000000')).toBe('1938-04-24');
    expect(fromTimestamp('1565999999')).toBe('2019-08-16');
    expect(fromTimestamp('1565999999000')).toBe('2019-08-16');
    expect(fromTimestamp('-1000000000000')).toBe('1938-04-24');
    expect(fromTimestamp(' 1565999999.5 ')).toBe('2019-08-16');
    // Not a number, or no plausible day: left to the date reader, which says why.
    expect(fromTimestamp('2019-08-16')).toBeNull();
    expect(fromTimestamp('99999999999999')).toBeNull();
    expect(fromTimestamp('')).toBeNull();
  });
  it('is needed: a short number alone is no date', () => {
    expect(readDate('86400').date).toBeNull();
    expect(readDate('-86400').date).toBeNull();
  });
});

describe('withoutDateNote', () => {
  it('drops the date note the reader added at the end of a provenance, and nothing else', () => {
    const note = readDate('2019-02-29').note!;
    expect(withoutDateNote(`Row 2 of “a.csv”, read as UTF-8. ${note}`)).toBe('Row 2 of “a.csv”, read as UTF-8.');
    expect(withoutDateNote(readDate('3/5/19').note!)).toBe('');
    expect(withoutDateNote('From the archive. Its date was set by hand to 5 March 2019.')).toBe('From the archive.');
    expect(withoutDateNote('Its date is unknown, the archive says.')).toBe('Its date is unknown, the archive says.');
    expect(withoutDateNote('Row 2 of “a.csv”.')).toBe('Row 2 of “a.csv”.');
  });
});
