/**
 * A table of documents, one per row (a spreadsheet as `.xlsx`, or saved as
 * CSV or TSV, a news dataset's export; workbook.ts reads an `.xlsx`'s
 * sheets, each with its own header; json-records.ts a JSON dataset's
 * records as rows): its header names the columns, and each row becomes
 * a document with the same steps as any other (read.ts: limits, metadata
 * checks, the cleaner). Pure: bytes in, prepared entries and refusals out.
 *
 * - Parsing is RFC 4180: fields in double quotes may hold the delimiter,
 *   line breaks and doubled quotes. The delimiter is a tab for `.tsv`, else
 *   whichever of comma, semicolon (a European spreadsheet's CSV) or tab
 *   splits the header into most columns.
 * - Columns are found by their header, whatever its case, accents, spaces
 *   or underscores, in English and ten other languages (`COLUMNS`): the
 *   text (`text`, `content`, `body`, `article`, `full text`, `Texte`,
 *   `Inhalt`, `cuerpo`, `正文`…) is required; `title`/`headline`,
 *   `outlet`/`publication`/`source`/`newspaper`, `author`/`byline`,
 *   `date`/`published`/`year`, `id`, `language`, `url`/`link` are read when
 *   present, other columns ignored (and named in each document's
 *   provenance). With no header naming the text, a column whose cells are
 *   prose-long and twice as long as any other's is read as it, and the
 *   provenance says so.
 * - Bytes are decoded as any file's are (corpus/decode.ts: UTF-8, UTF-16,
 *   else the detected encoding, such as the Windows-1252 of a spreadsheet's
 *   plain "CSV" on Windows); the provenance says which.
 * - Dates are read when the row is imported, as every document's is
 *   (src/corpus/dates.ts: `2019-10-25`, `25.10.2019`, `25 October 2019`,
 *   `2019年10月25日`, seconds since 1970…); a workbook's date cell, a day
 *   number, is made `YYYY-MM-DD` here, and so is a number in a column named
 *   as timestamps (`timestamp`, `created_utc`, `epoch`), even one before
 *   1973 or 1970. One that cannot be read is left out, and the provenance
 *   says why.
 * - A first line `sep=;` (Excel writes it to name the delimiter) names
 *   the delimiter and is not a row.
 * - A row with no text, or with a title, outlet or author over its limit
 *   (src/corpus/limits.ts), is refused by row number with the reason; the
 *   other rows are imported.
 */
import { assertText, decodeFile } from '../corpus/decode.ts';
import { encodingShortName } from '../corpus/encodings.ts';
import { fromTimestamp } from '../corpus/dates.ts';
import { CorpusError, ID_PATTERN, LANGUAGE_PATTERN, idFrom } from '../corpus/metadata.ts';
import { FIELD_LIMITS } from '../corpus/limits.ts';
import { formatOf, ZIP } from '../corpus/signatures.ts';
import { MAX_CORPUS_DOCUMENTS } from './limits.ts';
import type { PreparedFile } from './read.ts';
import { TABLE_NAME } from './file-kinds.ts';
import { jsonRows } from './json-records.ts';
import { workbookSheets, type Sheet } from './workbook.ts';
import { normalizeWord } from '../text/normalize.ts';

/** A JSON dataset (json-records.ts): its records are the rows; `.jsonl` and `.ndjson` hold one per line. */
const JSON_NAME = /\.(json|jsonl|ndjson)$/i;
/** JSON Lines lines that are not objects named one by one; the others in one line. */
const BAD_LINES_NAMED = 100;

/**
 * Header names of each field, compared lower-cased, accents dropped, with
 * spaces, dashes and underscores dropped: English first, then French,
 * German, Spanish, Italian, Portuguese, Dutch, Polish, Russian, Chinese and
 * Japanese.
 */
const COLUMNS = {
  text: ['text', 'content', 'body', 'article', 'fulltext', 'articletext', 'bodytext', 'maintext',
    'texte', 'contenu', 'corps', 'inhalt', 'volltext', 'artikeltext', 'texto', 'contenido', 'cuerpo', 'articulo', 'testo', 'contenuto', 'corpo', 'articolo', 'conteudo', 'materia',
    'tekst', 'inhoud', 'artikel', 'tresc', 'текст', 'содержание', 'статья', '正文', '内容', '全文', '文章', '本文', '記事', 'テキスト'],
  title: ['title', 'headline', 'heading', 'titre', 'titel', 'uberschrift', 'schlagzeile', 'titulo', 'titular', 'titolo', 'kop', 'tytul', 'заголовок', 'название', '标题', '題名', 'タイトル', '見出し'],
  outlet: ['outlet', 'publication', 'source', 'publisher', 'newspaper', 'sitename', 'site', 'media', 'journal', 'medium',
    'zeitung', 'quelle', 'periodico', 'fuente', 'medio', 'testata', 'giornale', 'fonte', 'jornal', 'veiculo', 'krant', 'bron', 'gazeta', 'zrodlo', 'издание', 'источник', 'сми', '媒体', '来源', '出处', '报纸', '新聞', '出典'],
  author: ['author', 'authors', 'byline', 'creator', 'writer', 'auteur', 'auteurs', 'autor', 'autoren', 'autores', 'verfasser', 'autore', 'autori', 'autorzy', 'автор', '作者', '著者', '記者'],
  date: ['date', 'published', 'publishdate', 'pubdate', 'publishedat', 'publicationdate', 'datepublished', 'datetime', 'year',
    'datum', 'fecha', 'data', 'annee', 'jahr', 'ano', 'anno', 'jaar', 'rok', 'дата', 'год', '日期', '发布时间', '发布日期', '时间', '日付', '年',
    // Last: a column named as timestamps (TIMESTAMPS).
    'timestamp', 'unixtime', 'unixtimestamp', 'epoch', 'createdutc', 'publishedtimestamp', 'createdtimestamp'],
  id: ['id', 'docid', 'documentid', 'identifier', 'uid'],
  language: ['language', 'lang', 'langue', 'sprache', 'idioma', 'lingua', 'taal', 'jezyk', 'язык', '语言', '言語'],
  url: ['url', 'link', 'href', 'permalink', 'lien', 'enlace', 'collegamento', 'ссылка', '链接', '网址'],
} as const;
/** Date columns whose name says they hold seconds (or milliseconds) since 1970: there a short or negative number is a date too (dates.ts's fromTimestamp). */
const TIMESTAMPS: ReadonlySet<string> = new Set(['timestamp', 'unixtime', 'unixtimestamp', 'epoch', 'createdutc', 'publishedtimestamp', 'createdtimestamp']);
/** A column is the text by its cells when no header names one: their mean length at least this… */
const TEXT_BY_CELLS_MIN_CHARS = 80;
/** …and at least this many times the next longest column's. */
const TEXT_BY_CELLS_MARGIN = 2;
type Column = keyof typeof COLUMNS;

export type TableRead =
  | { ok: true; items: PreparedFile[]; refused: { file: string; reason: string }[]; encoding: string }
  | { ok: false; reason: string };

/** The rows of `bytes` (a CSV, TSV or Excel file at `path`) as prepared entries, or why the file cannot be read as a table. */
export function readTable(bytes: Uint8Array, path: string): TableRead {
  let sheets: Sheet[];
  let encoding: string;
  const workbook = formatOf(bytes) === ZIP;
  const json = workbook ? null : JSON_NAME.exec(path);
  let badLines: readonly number[] = [];
  if (workbook) {
    const read = workbookSheets(bytes);
    if ('error' in read) return { ok: false, reason: read.error };
    sheets = read.sheets;
    encoding = 'an Excel workbook';
  } else {
    try {
      const decoded = decodeFile(bytes, path);
      assertText(decoded.text, path, decoded.encoding);
      encoding = encodingShortName(decoded.encoding);
      if (json) {
        const read = jsonRows(decoded.text, json[1]!.toLowerCase() !== 'json');
        if ('error' in read) return { ok: false, reason: read.error };
        sheets = [{ name: '', rows: read.rows }];
        badLines = read.badLines;
      } else sheets = [{ name: '', rows: delimitedRows(decoded.text, path) }];
    } catch (error) {
      return { ok: false, reason: error instanceof CorpusError ? error.message.slice(path.length + 2) : `could not be read (${String(error).slice(0, 120)})` };
    }
  }
  // Every sheet whose header names a text column is read; a workbook's other sheets (notes, lists) are named as not read.
  const out: TableOut = { items: [], refused: [], past: 0 };
  for (const n of badLines.slice(0, BAD_LINES_NAMED)) out.refused.push({ file: `${path} line ${n}`, reason: 'is not a JSON object' });
  if (badLines.length > BAD_LINES_NAMED) out.refused.push({ file: path, reason: `has ${(badLines.length - BAD_LINES_NAMED).toLocaleString('en')} more lines that are not JSON objects; they were not read` });
  let firstProblem: string | null = null;
  for (const [k, sheet] of sheets.entries()) {
    const problem = readSheet(sheet.rows, { path, encoding, workbook, records: json !== null, index: k, name: sheet.name }, out);
    if (problem && sheets.length > 1) out.refused.push({ file: `${path} sheet “${sheet.name}”`, reason: `${problem}; it was not read` });
    firstProblem ??= problem;
  }
  if (!out.items.length && firstProblem) return { ok: false, reason: sheets.length > 1 ? `has no sheet with a text column (the first sheet ${firstProblem})` : firstProblem };
  // One line for the rows a corpus has no room for, not one each.
  if (out.past) out.refused.push({ file: path, reason: `has ${out.past.toLocaleString('en')} more rows past the ${MAX_CORPUS_DOCUMENTS.toLocaleString('en')} documents a corpus holds; they were not read` });
  if (out.items.length === 0 && out.refused.length === 0) return { ok: false, reason: 'has a header but no rows' };
  return { ok: true, items: out.items, refused: out.refused, encoding };
}

interface TableOut {
  items: PreparedFile[];
  refused: { file: string; reason: string }[];
  /** Rows past the corpus's limit. */
  past: number;
}

/** Where a sheet's rows come from: a workbook's first sheet reads as a CSV file's rows do (same places, ids and provenance). */
interface SheetSource {
  path: string;
  encoding: string;
  workbook: boolean;
  /** A JSON dataset: its rows are records, numbered from 1. */
  records: boolean;
  index: number;
  name: string;
}

/** A sheet's rows (header first) added to `out`; why it cannot be read as documents, or null. */
function readSheet(rows: string[][], source: SheetSource, out: TableOut): string | null {
  const { path, encoding, workbook, records, index } = source;
  const header = rows[0];
  if (!header || header.every((h) => !h.trim())) return 'is empty: a table needs a header row naming its columns';
  const at = findColumns(header);
  const byCells = at.text === undefined ? textColumnByCells(rows, at) : null;
  if (byCells !== null) at.text = byCells;
  if (at.text === undefined) {
    return `has no text column: its header reads ${header.slice(0, 8).map((h) => JSON.stringify(h.slice(0, 40))).join(', ')}; name the column holding each document's text "text" (or "content", "body", "article")`;
  }
  // Other columns named as a date (`published` beside `date`, a dataset whose records use either) fill a row's empty date.
  const moreDates = header.flatMap((h, i) => ((COLUMNS.date as readonly string[]).includes(headerKey(h)) && !Object.values(at).includes(i) ? [i] : []));
  const ignored = header.filter((_, i) => !Object.values(at).includes(i) && !moreDates.includes(i)).filter((h) => h.trim());
  const later = index > 0;
  rows.slice(1).forEach((row, r) => {
    // The header is row 1, as a spreadsheet numbers them.
    const where = records ? `${path} record ${r + 1}` : later ? `${path} sheet “${source.name}” row ${r + 2}` : `${path} row ${r + 2}`;
    if (row.every((cell) => !cell.trim())) return; // a blank line
    if (out.items.length >= MAX_CORPUS_DOCUMENTS) return void out.past++;
    const cell = (c: Column) => (at[c] === undefined ? null : (row[at[c]!] ?? '').trim() || null);
    const original = at.text === undefined ? '' : (row[at.text] ?? '');
    if (!original.trim()) return out.refused.push({ file: where, reason: 'has no text' });
    const long = (['title', 'outlet', 'author'] as const).find((f) => (cell(f)?.length ?? 0) > FIELD_LIMITS[f]);
    if (long) return out.refused.push({ file: where, reason: `${long} is ${cell(long)!.length} characters long; the limit is ${FIELD_LIMITS[long]}` });
    const dateAt = [at.date, ...moreDates].find((i) => i !== undefined && (row[i] ?? '').trim());
    const date = dateAt === undefined ? null : row[dateAt]!.trim();
    const language = cell('language');
    const notes = [
      records ? `Record ${r + 1} of “${path}”, read as ${encoding}.` : !workbook ? `Row ${r + 2} of “${path}”, read as ${encoding}.` : later ? `Row ${r + 2} of the sheet “${source.name}” of “${path}”.` : `Row ${r + 2} of the first sheet of “${path}”.`,
    ];
    const url = cell('url');
    if (url) notes.push(`URL: ${url.slice(0, 500)}`);
    if (byCells !== null) notes.push(`No column is named as the text: the column “${header[byCells]!.slice(0, 40)}”, whose cells are longest, was read as it.`);
    if (ignored.length) notes.push(`Columns not read: ${ignored.slice(0, 10).map((h) => h.slice(0, 40)).join(', ')}${ignored.length > 10 ? '…' : ''}.`);
    out.items.push({
      kind: 'prepared',
      path: where,
      meta: {
        id: idOf(cell('id')) ?? (records ? `${baseName(path)}-record-${r + 1}` : later ? `${baseName(path)}-sheet-${index + 1}-row-${r + 2}` : `${baseName(path)}-row-${r + 2}`),
        title: cell('title'),
        outlet: cell('outlet'),
        author: cell('author'),
        // Read as any date is (corpus/dates.ts), when the row is imported; a workbook's date cell is a day number, a timestamp column's seconds since 1970.
        date: date === null ? null : TIMESTAMPS.has(headerKey(header[dateAt!]!)) ? (fromTimestamp(date) ?? date) : workbook ? fromSerial(date) : date,
        language: languageTag(language),
        provenance: notes.join(' ').slice(0, FIELD_LIMITS.provenance),
      },
      original,
    });
  });
  return null;
}


/** Serial day numbers from 1954 to 2119, as a workbook keeps a date cell: 1 is 1900-01-01 (Excel counts a 29 February 1900 that never was). */
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

/** A workbook's date cell ("43763", a serial day number) as YYYY-MM-DD; anything else as it is (a year such as 2019 is no serial). */
function fromSerial(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < SERIAL_MIN || n > SERIAL_MAX) return raw;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}

/** Excel's first line naming the delimiter (`sep=;`), which Excel itself does not show as a row. */
const SEP_LINE = /^\ufeff?sep=([^\r\n])[ \t]*(?:\r\n|\r|\n|$)/i;

/** A CSV or TSV file's rows: split by the delimiter a `sep=` line names (the line dropped), else by the one that fits the header. */
function delimitedRows(text: string, path: string): string[][] {
  const sep = SEP_LINE.exec(text);
  if (sep) return parseDelimited(text.slice(sep[0].length), sep[1]!);
  return parseDelimited(text, delimiterOf(text, path));
}

/** Tab for `.tsv`; otherwise the candidate that splits the first line into most fields. */
function delimiterOf(text: string, path: string): string {
  if (/\.tsv$/i.test(path)) return '\t';
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t']) {
    const n = parseDelimited(firstLine, d)[0]?.length ?? 0;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** Rows of fields (RFC 4180: quoted fields may hold delimiters, line breaks and doubled quotes). One pass, linear. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) endField();
    else if (c === '\n' || c === '\r') {
      endField();
      rows.push(row);
      row = [];
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

const headerKey = (h: string) =>
  normalizeWord(h.replace(/^\ufeff/, ''))
    .replace(/ł/g, 'l')
    .replace(/[\s_\-.:]+/g, '');

/**
 * The column whose cells are the text when no header names it, in any
 * language: the one whose non-empty cells are longest on average, when
 * that is prose-long (TEXT_BY_CELLS_MIN_CHARS) and well ahead of the next
 * (TEXT_BY_CELLS_MARGIN); null when no column stands out so.
 */
function textColumnByCells(rows: string[][], at: Partial<Record<Column, number>>): number | null {
  const width = rows[0]!.length;
  const taken = new Set(Object.values(at));
  const means: number[] = [];
  for (let c = 0; c < width; c++) {
    let chars = 0;
    let cells = 0;
    for (let r = 1; r < rows.length && r <= 200; r++) {
      const cell = rows[r]![c]?.trim() ?? '';
      if (cell) {
        chars += cell.length;
        cells++;
      }
    }
    means.push(taken.has(c) || cells === 0 ? 0 : chars / cells);
  }
  const order = means.map((m, c) => [m, c] as const).sort((a, b) => b[0] - a[0]);
  const [best, second] = [order[0], order[1]];
  if (!best || best[0] < TEXT_BY_CELLS_MIN_CHARS) return null;
  return !second || best[0] >= second[0] * TEXT_BY_CELLS_MARGIN ? best[1] : null;
}

/** The index of each known column, the first header that names it. */
function findColumns(header: readonly string[]): Partial<Record<Column, number>> {
  const at: Partial<Record<Column, number>> = {};
  const keys = header.map(headerKey);
  for (const column of Object.keys(COLUMNS) as Column[]) {
    for (const name of COLUMNS[column]) {
      const i = keys.indexOf(name);
      if (i >= 0 && !Object.values(at).includes(i)) {
        at[column] = i;
        break;
      }
    }
  }
  return at;
}

/** A language tag as written ("en", "en-GB"), its first part lower-cased ("EN" → "en"); null when it is not one. */
function languageTag(raw: string | null): string | null {
  const tag = raw?.replace(/^[A-Za-z]+/, (m) => m.toLowerCase()) ?? null;
  return tag && LANGUAGE_PATTERN.test(tag) ? tag : null;
}

/** The id column's value as an id (letters, digits, "_", "." or "-"), or null. */
function idOf(raw: string | null): string | null {
  const id = raw === null ? '' : idFrom(raw);
  return ID_PATTERN.test(id) ? id : null;
}

const baseName = (path: string) => path.replace(/^.*[\\/]/, '').replace(TABLE_NAME, '').replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60) || 'table';
