import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/importer/table-file.ts';
import { workbookSheets } from '../../src/importer/workbook.ts';
import { PROSE } from './helpers.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * An .xlsx as Excel writes one: shared strings (one of them in rich-text runs, one with a
 * Japanese phonetic guide), a date as a serial number, an inline string, an empty row left out,
 * and a second sheet of notes with no text column (or `second`: a second sheet of articles).
 */
function workbook(second = '<row r="1"><c r="A1" t="inlineStr"><is><t>not this sheet</t></is></c></row>'): Uint8Array {
  const strings = ['Headline', 'Publication', 'Date', 'Text', 'Harbour vote', 'Coastal Herald', PROSE];
  const si = strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('') + '<si><r><rPr><b/></rPr><t>Bridge </t></r><r><t>delayed</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>';
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" s="1"><v>45000</v></c><c r="D2" t="s"><v>6</v></c></row>
<row r="4"><c r="A4" t="s"><v>7</v></c><c r="C4"><v>2019</v></c><c r="D4" t="inlineStr"><is><t>The bridge &amp; the works are delayed until spring, engineers said on Monday.</t></is></c></row>
<row r="5"><c r="A5" t="s"><v>8</v></c><c r="D5"/></row>
</sheetData></worksheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="Articles" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId2" Target="worksheets/sheet1.xml"/><Relationship Id="rId1" Target="worksheets/sheet2.xml"/></Relationships>'),
    'xl/sharedStrings.xml': strToU8(`<sst>${si}</sst>`),
    'xl/worksheets/sheet2.xml': strToU8(sheet),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${second}</sheetData></worksheet>`),
  });
}

describe('workbookSheets', () => {
  it('reads the sheets in the workbook\'s order, with their names, cells in their columns, empty rows in their place', () => {
    const r = workbookSheets(workbook());
    if ('error' in r) throw new Error(r.error);
    expect(r.sheets.map((s) => s.name)).toEqual(['Articles', 'Notes']);
    expect(r.sheets[1]!.rows).toEqual([['not this sheet']]);
    expect(r.sheets[0]!.rows).toEqual([
      ['Headline', 'Publication', 'Date', 'Text'],
      ['Harbour vote', 'Coastal Herald', '45000', PROSE],
      [],
      ['Bridge delayed', '', '2019', 'The bridge & the works are delayed until spring, engineers said on Monday.'],
      ['東京', '', '', ''],
    ]);
  });

  it('refuses a damaged archive and one without a sheet, saying why', () => {
    expect(workbookSheets(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]))).toEqual({ error: expect.stringMatching(/^is not an Excel workbook that can be read: the archive is damaged/) });
    expect(workbookSheets(zipSync({ 'a.txt': strToU8('x') }))).toEqual({ error: 'is not an Excel workbook that can be read: it has no worksheet' });
  });
});

describe('readTable: an .xlsx', () => {
  it('makes a document of each row, a date cell\'s serial number read as its day', () => {
    const r = readTable(workbook(), 'press.xlsx');
    if (!r.ok) throw new Error(r.reason);
    expect(r.items.map((i) => [i.path, (i.meta as Record<string, unknown>)['title'], (i.meta as Record<string, unknown>)['date']])).toEqual([
      ['press.xlsx row 2', 'Harbour vote', '2023-03-15'],
      ['press.xlsx row 4', 'Bridge delayed', '2019'],
    ]);
    expect((r.items[0]!.meta as Record<string, unknown>)['provenance']).toMatch(/^Row 2 of the first sheet of “press\.xlsx”\./);
    expect(r.refused).toEqual([
      { file: 'press.xlsx row 5', reason: 'has no text' },
      { file: 'press.xlsx sheet “Notes”', reason: expect.stringMatching(/^has no text column: its header reads "not this sheet"; .*; it was not read$/) },
    ]);
  });

  it('reads every sheet of articles, each row named by its sheet, with ids that do not collide', () => {
    const more = `<row r="1"><c r="A1" t="inlineStr"><is><t>Text</t></is></c><c r="B1" t="inlineStr"><is><t>Outlet</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${PROSE}</t></is></c><c r="B2" t="inlineStr"><is><t>Island Times</t></is></c></row>`;
    const r = readTable(workbook(more), 'press.xlsx');
    if (!r.ok) throw new Error(r.reason);
    expect(r.items.map((i) => [i.path, (i.meta as Record<string, unknown>)['id'], (i.meta as Record<string, unknown>)['outlet']])).toEqual([
      ['press.xlsx row 2', 'press-row-2', 'Coastal Herald'],
      ['press.xlsx row 4', 'press-row-4', null],
      ['press.xlsx sheet “Notes” row 2', 'press-sheet-2-row-2', 'Island Times'],
    ]);
    expect((r.items[2]!.meta as Record<string, unknown>)['provenance']).toMatch(/^Row 2 of the sheet “Notes” of “press\.xlsx”\./);
  });

  it('refuses a workbook with no sheet of articles, quoting the first sheet\'s header', () => {
    const bare = zipSync({
      'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="A" r:id="rId1"/><sheet name="B" r:id="rId2"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row></sheetData></worksheet>'),
      'xl/worksheets/sheet2.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Total</t></is></c></row></sheetData></worksheet>'),
    });
    expect(readTable(bare, 'list.xlsx')).toEqual({ ok: false, reason: expect.stringMatching(/^has no sheet with a text column \(the first sheet has no text column: its header reads "Name"/) });
  });
});
