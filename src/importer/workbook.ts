/**
 * The sheets of an Excel workbook (`.xlsx`) as rows of cell text, for a
 * table of documents (table-file.ts), so a spreadsheet need not be saved
 * as CSV first. An `.xlsx` is a ZIP of XML: the workbook, its
 * relationships, the shared strings and the sheets are unpacked
 * (corpus/archive.ts; charts and pictures are not); each is read in one pass
 * (corpus/xml-walk.ts).
 *
 * - Cells are placed by their reference (`C7`), so empty cells and rows
 *   Excel leaves out keep the others in their columns.
 * - Text is a shared string, an inline string or a formula's text result;
 *   a number is its value as written (a date column's serial number is
 *   turned into a date by table-file.ts). Phonetic guides (`<rPh>`) are
 *   left out.
 *
 * What it misses: a cell's number format (a percentage reads as its
 * fraction); formulas are read as their last computed value.
 */
import { unpackParts } from '../corpus/archive.ts';
import { walkXml, type XmlEvents } from '../corpus/xml-walk.ts';

const WORKBOOK = 'xl/workbook.xml';
const RELATIONSHIPS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const AN_EXCEL_WORKBOOK = 'an Excel workbook';

/** `walkXml` with an element written `<x/>` opened and closed (an empty `<si/>` is a string, its index kept). */
function walkElements(xml: string, on: Omit<XmlEvents, 'open'> & { open(name: string, attrs: Record<string, string>): void }): void {
  walkXml(xml, {
    open(name, attrs, selfClosing) {
      on.open(name, attrs);
      if (selfClosing) on.close(name);
    },
    close: (name) => on.close(name),
    text: (t) => on.text(t),
  });
}

/** The strings of `<si>` items, their runs joined, phonetic guides left out. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inText = 0;
  let phonetic = 0;
  walkElements(xml, {
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
  walkElements(xml, {
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

/** A worksheet's name, as its tab shows it, and its rows of cell text. */
export interface Sheet {
  name: string;
  rows: string[][];
}

/**
 * The sheets of an `.xlsx` file in the workbook's order, or why it cannot
 * be read. Two unpackings: the workbook and its relationships say which
 * part each sheet is, then only the sheets and the shared strings are
 * unpacked (not charts, drawings or pictures).
 */
export function workbookSheets(bytes: Uint8Array): { sheets: Sheet[] } | { error: string } {
  const index = unpackParts(bytes, (name) => name === WORKBOOK || name === RELATIONSHIPS, AN_EXCEL_WORKBOOK);
  if ('error' in index) return index;
  const relationships = attributesOf(index.text(RELATIONSHIPS) ?? '', 'Relationship');
  const listed = attributesOf(index.text(WORKBOOK) ?? '', 'sheet').map((s, i) => {
    const target = relationships.find((r) => r['Id'] === s['r:id'])?.['Target'];
    // Else the part Excel names the sheet.
    return { name: s['name'] ?? `Sheet${i + 1}`, path: target ? `xl/${target.replace(/^\/?xl\//, '').replace(/^\//, '')}` : `xl/worksheets/sheet${i + 1}.xml` };
  });
  if (!listed.length) listed.push({ name: 'Sheet1', path: 'xl/worksheets/sheet1.xml' });
  const wanted = new Set(listed.map((s) => s.path));
  const parts = unpackParts(bytes, (name) => wanted.has(name) || name === SHARED_STRINGS, AN_EXCEL_WORKBOOK);
  if ('error' in parts) return parts;
  const strings = sharedStrings(parts.text(SHARED_STRINGS) ?? '');
  const sheets: Sheet[] = [];
  for (const { name, path } of listed) {
    const xml = parts.text(path);
    if (xml !== null) sheets.push({ name, rows: sheetRows(xml, strings) });
  }
  if (!sheets.length) return { error: `is not ${AN_EXCEL_WORKBOOK} that can be read: it has no worksheet` };
  return { sheets };
}
