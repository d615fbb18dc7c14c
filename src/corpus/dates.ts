/**
 * One reader for a date as people write it, wherever a document's date
 * comes in: front matter, a sidecar, a table's date column (CSV, TSV,
 * Excel, JSON), the metadata form, a page's or a book's own metadata.
 * Pure: text in, a DocDate at the precision written out, and when the date
 * could not be read in full, a sentence saying why for the provenance. A
 * date is never a reason to refuse a document.
 *
 * Read (after an optional `~`, `about`, `circa`, `c.` for an estimate):
 * - ISO: `2019`, `2019-03`, `2019-03-05`, `2019-3-5`, `20190305`, and a
 *   timestamp with a time and a zone (`2019-03-05T10:00:00+01:00`,
 *   `2019-03-05 10:00:00 +01:00` as YAML writes it): the day as written,
 *   never moved to another zone. `2019/03/05` and `2019.03.05` too.
 * - `2019年3月5日` (`2019年3月`, `2019年`), and Korean's `2019년 3월 5일`.
 * - Day, month, year in figures: dotted `05.03.2019` is day first wherever
 *   it is written (no country writes a dotted date month first); with
 *   slashes or dashes (`05/03/2019`) the order is read only when one
 *   reading alone is a date (`25/10/2019`, `10/25/2019`, `03/03/2019`),
 *   else the year alone is kept and the provenance says why. `03/2019`,
 *   `3.2019` are months.
 * - A month's name, with a day or without, in English, French, German,
 *   Spanish, Italian, Portuguese and Dutch, full or shortened, with
 *   weekdays, ordinals and the little words between (`5 March 2019`,
 *   `March 5th, 2019`, `March 2019`, `le 1er mars 2019`, `5. März 2019`,
 *   `5 de marzo de 2018`, `1º de março de 2019`, `5 maart 2019`, RFC 2822's
 *   `Fri, 16 Aug 2019 10:00:00 +0200`, JavaScript's `Fri Aug 16 2019
 *   10:00:00 GMT+0200`): a time and what follows it are left aside.
 * - A two-figure year, written last (`05.03.19`, `25/12/19`; with dashes
 *   also first, `19-03-05`): 00–49 is 2000–2049, 50–99 is 1950–1999
 *   (TWO_FIGURE_PIVOT). Read only when one reading alone is a date (the
 *   orders above, and for dashes the year first too); when the readings
 *   share a year (`3/5/19`), the year alone; else nothing. The note says
 *   how the year was read, so a 1919 read as 2019 is seen and corrected.
 * - A number: four figures are a year (`2019`, a spreadsheet's `2019.0`);
 *   nine or ten are seconds since 1970, twelve or thirteen milliseconds
 *   (a JSON export's timestamps), read as the day they fall on in UTC, when
 *   that day is between 1973 and PLAUSIBLE_EPOCH_YEAR. Shorter or negative
 *   ones (before 1973, before 1970) are no date unless the field says it
 *   holds timestamps: `fromTimestamp`, for a column named so.
 *
 * Years run from MIN_YEAR to MAX_YEAR (the years a link can name). Not
 * read: ranges, seasons, relative dates ("yesterday"), weekdays alone,
 * other languages' month names; each is left out with its reason.
 */
import { normalizeWord } from '../text/normalize.ts';
import { MAX_YEAR, MIN_YEAR } from './limits.ts';
import type { DocDate } from './types.ts';

export interface DateRead {
  /** Null when nothing could be read. */
  date: DocDate | null;
  /** Null when read as written; else a sentence for the provenance: what was left out, and why. */
  note: string | null;
  /** Null when read as written; else why, alone ("February 2019 has no day 30"), for a form to show. */
  why: string | null;
}

/** Seconds or milliseconds since 1970 falling after this year are no publication date. */
const PLAUSIBLE_EPOCH_YEAR = 2199;
/** A two-figure year below this is 20xx, from it 19xx: a publication date is rarely more than 25 years ahead or 75 back. */
const TWO_FIGURE_PIVOT = 50;
const TWO_FIGURE_RULE = `a two-figure year, the last part: 00–${TWO_FIGURE_PIVOT - 1} is read as 2000–20${TWO_FIGURE_PIVOT - 1}, ${TWO_FIGURE_PIVOT}–99 as 19${TWO_FIGURE_PIVOT}–1999`;
/** Longer is no date (JavaScript's own "Fri Aug 16 2019 10:00:00 GMT+0200 (Central European Summer Time)" is 65). */
const MAX_DATE_CHARS = 100;
/** How much of the written date a note quotes. */
const QUOTED_CHARS = 40;
export const APPROXIMATE_PREFIX = /^(?:~|about |circa |c\. ?|approximately )/i;

/** Months by name, accents dropped, lower case: full and shortened, in English, French, German, Spanish, Italian, Portuguese and Dutch. */
const MONTH_NAMES: readonly string[][] = [
  ['january', 'jan', 'janvier', 'janv', 'januar', 'janner', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari'],
  ['february', 'feb', 'febr', 'fevrier', 'fevr', 'fev', 'februar', 'feber', 'febrero', 'febbraio', 'fevereiro', 'februari'],
  ['march', 'mar', 'mars', 'marz', 'maerz', 'mrz', 'marzo', 'marco', 'maart', 'mrt'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei'],
  ['june', 'jun', 'juin', 'juni', 'junio', 'giugno', 'giu', 'junho'],
  ['july', 'jul', 'juillet', 'juil', 'juli', 'julio', 'luglio', 'lug', 'julho'],
  ['august', 'aug', 'aout', 'agosto', 'ago', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro'],
  ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'decembre', 'dezember', 'dez', 'diciembre', 'dic', 'dicembre', 'dezembro'],
];
const MONTHS = new Map(MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
/** Words a written date may hold besides its parts: weekdays, ordinal endings, articles and prepositions. */
const IGNORED = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonnabend', 'sonntag',
  'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo',
  'lunedi', 'martedi', 'mercoledi', 'giovedi', 'venerdi', 'sabato', 'domenica',
  'segunda', 'terca', 'quarta', 'quinta', 'sexta', 'feira',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
  'st', 'nd', 'rd', 'th', 'er', 're', 'e', 'o', 'a',
  'the', 'of', 'on', 'le', 'la', 'l', 'den', 'der', 'am', 'de', 'del', 'el', 'il', 'em', 'op', 'van',
]);

/** A time of day and whatever follows it (its zone, an offset, a zone's name in brackets): set aside when a month is named. */
const TIME_AND_AFTER = /(?:,?\s*(?:at|a las|à|um|alle|às|om))?\s+\d{1,2}[:h]\d{2}\b.*$/i;
/** After an ISO day or a day in figures: a time, a 12-hour mark, a zone's letters, an offset, a zone named in brackets. */
const TIME = String.raw`(?:(?:T|\s+)\d{1,2}(?::?\d{2}){0,2}(?:[.,]\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:z|ut|utc|gmt|[a-z]{2,4}t)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?(?:\s*\([^()]{0,60}\))?)?`;
const ISO = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2})${TIME})?$`, 'i');
const ISO_BASIC = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${TIME}$`, 'i');
const FIGURES = new RegExp(String.raw`^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})${TIME}$`, 'i');
const SHORT_FIGURES = new RegExp(String.raw`^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{2})${TIME}$`, 'i');
const MONTH_YEAR = /^(\d{1,2})\s*[./-]\s*(\d{4})$/;
const CJK = /^(\d{4})\s*[年년]\s*(?:(\d{1,2})\s*[月월]\s*(?:(\d{1,2})\s*[日일号號]?)?)?$/;

type Parts = [year: number, month?: number, day?: number];
/**
 * What one way of writing made of the text: parts (with why only the year
 * was kept, and what was assumed to read them), a reason it is no date, or
 * null when it is not written this way.
 */
type Reading = { parts: Parts; why?: string; assumed?: string } | { problem: string } | null;

/** The date `raw` names, at the precision written; never throws. */
export function readDate(raw: string): DateRead {
  const written = raw.trim();
  const quoted = `“${written.length > QUOTED_CHARS ? `${written.slice(0, QUOTED_CHARS)}…` : written}”`;
  const notRead = (why: string): DateRead => ({ date: null, note: `Its date ${quoted} was not read (${why}).`, why });
  if (written.length > MAX_DATE_CHARS) return notRead(`it is ${written.length.toLocaleString('en')} characters long`);
  let text = written.normalize('NFKC').replace(/\s+/g, ' ');
  const approximate = APPROXIMATE_PREFIX.test(text);
  if (approximate) text = text.replace(APPROXIMATE_PREFIX, '').trim();
  const reading = readParts(text);
  if (reading === null) return notRead('not a way of writing a date that Refrain knows');
  if ('problem' in reading) return notRead(reading.problem);
  const checked = check(reading.parts);
  if (typeof checked === 'string') return notRead(checked);
  const date: DocDate = { ...checked, approximate };
  const assumed = reading.assumed ? ` (${reading.assumed})` : '';
  if (!reading.why) return { date, note: assumed ? `Its date ${quoted} was read as ${spelled(reading.parts)}${assumed}.` : null, why: null };
  return { date, note: `Its date ${quoted} was read as the year ${date.value} only: ${reading.why}${assumed}.`, why: reading.why };
}

/**
 * The day a number of seconds (up to eleven figures) or milliseconds since
 * 1970 falls on in UTC, as YYYY-MM-DD, for a field that says it holds
 * timestamps (a column named `timestamp`): there a short or negative one
 * (1971, 1938) is a date, as no bare number of that size is. Null when it
 * is no number or falls outside MIN_YEAR–PLAUSIBLE_EPOCH_YEAR.
 */
export function fromTimestamp(raw: string): string | null {
  const text = raw.trim();
  if (!/^-?\d+(?:\.\d+)?$/.test(text)) return null;
  const digits = text.replace(/^-/, '').split('.')[0]!.length;
  const day = epochDay(Number(text), digits <= 11 ? 'seconds' : 'milliseconds');
  return 'parts' in day ? (check(day.parts) as Omit<DocDate, 'approximate'>).value : null;
}

/** The notes readDate and the metadata form add to a provenance (always its last sentence), by their start. */
const DATE_NOTE = /^Its date (?:“[^]*” was (?:not read \(|read as )|was (?:set|removed) by hand)[^]*\.$/;

/** A provenance without the date note at its end (to replace it when the date is set by hand); as it is when it has none. */
export function withoutDateNote(provenance: string): string {
  for (let at = provenance.lastIndexOf('Its date '); at >= 0; at = at ? provenance.lastIndexOf('Its date ', at - 1) : -1) {
    if ((at === 0 || /\s/.test(provenance[at - 1]!)) && DATE_NOTE.test(provenance.slice(at))) return provenance.slice(0, at).trimEnd();
  }
  return provenance;
}

const numbers = (year: string | undefined, month?: string, day?: string): Parts => [Number(year), month === undefined ? undefined : Number(month), day === undefined ? undefined : Number(day)];

function readParts(text: string): Reading {
  const year = /^(\d{4})(?:\.0+)?$/.exec(text);
  if (year) return { parts: [Number(year[1])] };
  let m = ISO.exec(text);
  if (m) return { parts: numbers(m[1], m[3], m[4]) };
  if ((m = ISO_BASIC.exec(text) ?? CJK.exec(text))) return { parts: numbers(m[1], m[2], m[3]) };
  if (/^\d+(?:\.\d+)?$/.test(text)) return fromNumber(text);
  if ((m = MONTH_YEAR.exec(text))) return { parts: numbers(m[2], m[1]) };
  if ((m = FIGURES.exec(text))) return dayAndMonth(Number(m[1]), Number(m[3]), Number(m[4]), m[2]!);
  if ((m = SHORT_FIGURES.exec(text))) return twoFigureYear(Number(m[1]), Number(m[3]), Number(m[4]), m[2]!);
  return withMonthName(text);
}

/** `a.b.yy` day first, `a/b/yy` either way round, `a-b-yy` either way round or year first: the one date among them, the year they share, or why none is taken. */
function twoFigureYear(a: number, b: number, c: number, separator: string): Reading {
  const year = (yy: number) => (yy < TWO_FIGURE_PIVOT ? 2000 : 1900) + yy;
  const readings: [number, number, number][] = [[year(c), b, a]];
  if (separator !== '.') readings.push([year(c), a, b]);
  if (separator === '-') readings.push([year(a), b, c]);
  const dates = readings.filter((p) => typeof check(p) !== 'string').filter((p, i, all) => all.findIndex((q) => q.join() === p.join()) === i);
  if (dates.length === 0) return { problem: 'no reading of it is a date' };
  if (dates.length === 1) return { parts: dates[0]!, assumed: TWO_FIGURE_RULE };
  const could = `it could be ${dates.map(spelled).join(' or ')}`;
  if (dates.every((p) => p[0] === dates[0]![0])) return { parts: [dates[0]![0]], why: could, assumed: TWO_FIGURE_RULE };
  return { problem: could };
}

/** "5 March 2019" for [2019, 3, 5]. */
const spelled = ([year, month, day]: Parts): string => [day, month === undefined ? undefined : monthName(month), year].filter((x) => x !== undefined).join(' ');

/** A number: seconds or milliseconds since 1970, or a compact `YYYYMMDD`. */
function fromNumber(text: string): Reading {
  const digits = text.split('.')[0]!.length;
  if (digits === 8 && !text.includes('.')) return { parts: [Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8))] };
  const unit = digits === 9 || digits === 10 ? 'seconds' : digits === 12 || digits === 13 ? 'milliseconds' : null;
  if (!unit) return { problem: 'a number that is neither a year, a YYYYMMDD date, nor seconds or milliseconds since 1970' };
  return epochDay(Number(text), unit);
}

/** The UTC day `n` seconds or milliseconds after 1970 began, when it falls before PLAUSIBLE_EPOCH_YEAR ends. */
function epochDay(n: number, unit: 'seconds' | 'milliseconds'): { parts: Parts } | { problem: string } {
  const day = new Date(Math.floor(n * (unit === 'seconds' ? 1000 : 1)));
  const year = day.getUTCFullYear();
  if (!Number.isFinite(year) || year > PLAUSIBLE_EPOCH_YEAR) return { problem: `as ${unit} since 1970 it would fall in ${Number.isFinite(year) ? year : 'no year'}` };
  return { parts: [year, day.getUTCMonth() + 1, day.getUTCDate()] };
}

/** `a.b.yyyy` is day first; `a/b/yyyy` and `a-b-yyyy` in whichever order alone makes a date, else the year alone. */
function dayAndMonth(a: number, b: number, year: number, separator: string): Reading {
  if (separator === '.' || a === b || typeof check([year]) === 'string') return { parts: [year, b, a] };
  const dayFirst = typeof check([year, b, a]) !== 'string';
  const monthFirst = typeof check([year, a, b]) !== 'string';
  if (dayFirst && monthFirst) return { parts: [year], why: `it could be ${a} ${monthName(b)} or ${b} ${monthName(a)}` };
  if (dayFirst) return { parts: [year, b, a] };
  if (monthFirst) return { parts: [year, a, b] };
  return { problem: 'neither day then month nor month then day is a date' };
}

/** A month named in words, with a year and perhaps a day, in any order; weekdays, ordinal endings and little words between are passed over. */
function withMonthName(text: string): Reading {
  const words = normalizeWord(text.replace(TIME_AND_AFTER, ''))
    .replace(/[º°ª]/g, '')
    .split(/[\s,./'’-]+|(?<=\d)(?=\p{L})/u)
    .filter((w) => w && !IGNORED.has(w));
  let month: number | undefined;
  let year: number | undefined;
  let day: number | undefined;
  for (const w of words) {
    const named = MONTHS.get(w);
    if (named !== undefined && month === undefined) month = named;
    else if (/^\d{4}$/.test(w) && year === undefined) year = Number(w);
    else if (/^\d{1,2}$/.test(w) && day === undefined) day = Number(w);
    else return null;
  }
  if (month === undefined) return null;
  if (year === undefined) return { problem: 'it names no year' };
  return { parts: [year, month, day] };
}

/** "March" for 3. */
const monthName = (month: number): string => MONTH_NAMES[month - 1]![0]!.replace(/^./, (c) => c.toUpperCase());

/** The parts as a DocDate's value and precision, or why they are no date. */
function check([year, month, day]: Parts): Omit<DocDate, 'approximate'> | string {
  if (year < MIN_YEAR || year > MAX_YEAR) return `the year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  const y = String(year);
  if (month === undefined) return { value: y, precision: 'year' };
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const m = `${y}-${String(month).padStart(2, '0')}`;
  if (day === undefined) return { value: m, precision: 'month' };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${monthName(month)} ${y} has no day ${day}`;
  return { value: `${m}-${String(day).padStart(2, '0')}`, precision: 'day' };
}
