/**
 * The first sheet of an Excel workbook (`.xlsx`) as rows of cell text, for
 * a table of documents (table-file.ts), so a spreadsheet need not be saved
 * as CSV first. An `.xlsx` is a ZIP of XML: the workbook, its
 * relationships, the shared strings and the first sheet are unpacked
 * (corpus/archive.ts; other sheets are not); htmlparser2's tokenizer reads
 * each in one pass (XML mode, entities decoded).
 *
 * - Cells are placed by their reference (`C7`), so empty cells and rows
 *   Excel leaves out keep the others in their columns.
 * - Text is a shared string, an inline string or a formula's text result;
 *   a number is its value as written (a date column's serial number is
 *   turned into a date by table-file.ts). Phonetic guides (`<rPh>`) are
 *   left out.
 *
 * What it misses: sheets after the first; a cell's number format (a
 * percentage reads as its fraction).
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { unpackParts } from '../corpus/archive.ts';

const WORKBOOK = 'xl/workbook.xml';
const RELATIONSHIPS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const AN_EXCEL_WORKBOOK = 'an Excel workbook';

/** Calls `open`, `close` and `text` for the elements of `xml`. */
function walkXml(xml: string, on: { open(name: string, attrs: Record<string, string>): void; close(name: string): void; text(t: string): void }): void {
  let name = '';
  let attrs: Record<string, string> = {};
  let attr = '';
  let value = '';
  const callbacks: TokenizerCallbacks = {
    onopentagname: (s, e) => {
      name = xml.slice(s, e);
      attrs = {};
    },
    onattribname: (s, e) => {
      attr = xml.slice(s, e);
      value = '';
    },
    onattribdata: (s, e) => {
      value += xml.slice(s, e);
    },
    onattribentity: (cp) => {
      value += String.fromCodePoint(cp);
    },
    onattribend: () => {
      attrs[attr] = value;
    },
    onopentagend: () => on.open(name, attrs),
    onselfclosingtag: () => {
      on.open(name, attrs);
      on.close(name);
    },
    onclosetag: (s, e) => on.close(xml.slice(s, e)),
    ontext: (s, e) => on.text(xml.slice(s, e)),
    ontextentity: (cp) => on.text(String.fromCodePoint(cp)),
    oncdata: () => {},
    oncomment: () => {},
    ondeclaration: () => {},
    onprocessinginstruction: () => {},
    onend: () => {},
  };
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: true }, callbacks);
  tokenizer.write(xml);
  tokenizer.end();
}

/** The strings of `<si>` items, their runs joined, phonetic guides left out. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inText = 0;
  let phonetic = 0;
  walkXml(xml, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inText++;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si' && current !== null) {
        out.push(current);
        current = null;
      } else if (name === 't') inText--;
      else if (name === 'rPh') phonetic--;
    },
    text(t) {
      if (current !== null && inText > 0 && phonetic === 0) current += t;
    },
  });
  return out;
}

/** Column index of a cell reference ("C7" -> 2), or -1. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20;
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 0x40);
  }
  return i === 0 ? -1 : col - 1;
}

/** The rows of cell text of a sheet. */
function sheetRows(xml: string, strings: readonly string[]): string[][] {
  const rows: string[][] = [];
  let row: string[] | null = null;
  let cell = { col: -1, type: '', value: '' };
  let reading = 0;
  walkXml(xml, {
    open(name, attrs) {
      if (name === 'row') {
        const r = Number(attrs['r']);
        // Rows Excel leaves out (empty) keep their place.
        while (Number.isInteger(r) && r > 0 && rows.length < r - 1) rows.push([]);
        row = [];
        rows.push(row);
      } else if (name === 'c') cell = { col: attrs['r'] ? columnOf(attrs['r']) : (row?.length ?? 0), type: attrs['t'] ?? 'n', value: '' };
      else if (name === 'v' || (name === 't' && cell.type === 'inlineStr')) reading++;
    },
    close(name) {
      if (name === 'c' && row && cell.col >= 0) {
        const text = cell.type === 's' ? (strings[Number(cell.value)] ?? '') : cell.value;
        while (row.length < cell.col) row.push('');
        row[cell.col] = text;
      } else if (name === 'v' || name === 't') reading = Math.max(0, reading - 1);
    },
    text(t) {
      if (reading > 0) cell.value += t;
    },
  });
  return rows;
}

/** The attributes of every `element` of `xml`, in order. */
function attributesOf(xml: string, element: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  walkXml(xml, { open: (name, attrs) => void (name === element && out.push(attrs)), close: () => {}, text: () => {} });
  return out;
}

/**
 * The first sheet's rows of an `.xlsx` file, or why it cannot be read. Two
 * unpackings: the workbook and its relationships say which part the first
 * sheet is, then only that sheet and the shared strings are unpacked.
 */
export function workbookRows(bytes: Uint8Array): { rows: string[][] } | { error: string } {
  const index = unpackParts(bytes, (name) => name === WORKBOOK || name === RELATIONSHIPS, AN_EXCEL_WORKBOOK);
  if ('error' in index) return index;
  const firstId = attributesOf(index.text(WORKBOOK) ?? '', 'sheet')[0]?.['r:id'];
  const target = attributesOf(index.text(RELATIONSHIPS) ?? '', 'Relationship').find((r) => r['Id'] === firstId)?.['Target'];
  // Else the part Excel names the first sheet.
  const sheetPath = target ? `xl/${target.replace(/^\/?xl\//, '').replace(/^\//, '')}` : 'xl/worksheets/sheet1.xml';
  const parts = unpackParts(bytes, (name) => name === sheetPath || name === SHARED_STRINGS, AN_EXCEL_WORKBOOK);
  if ('error' in parts) return parts;
  const sheet = parts.text(sheetPath);
  if (sheet === null) return { error: `is not ${AN_EXCEL_WORKBOOK} that can be read: it has no worksheet` };
  return { rows: sheetRows(sheet, sharedStrings(parts.text(SHARED_STRINGS) ?? '')) };
}
