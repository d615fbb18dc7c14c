import { describe, expect, it } from 'vitest';
import { csvCell, csvFile, kwicCsv, toCsv } from '../../src/search/csv.ts';

describe('csvCell', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('neutralises spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    // Numbers are data, not text a user typed: left alone.
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('toCsv / kwicCsv', () => {
  it('joins rows with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
  });
  it('writes a header and one row per line', () => {
    const csv = kwicCsv([
      { doc: 'd', title: 'T, "q"', outlet: null, date: null, start: 1, end: 4, left: '=cmd ', keyword: 'key', right: ' -x' },
    ]);
    expect(csv.split('\r\n')[0]).toBe('document,title,outlet,date,start,end,left,keyword,right');
    expect(csv.split('\r\n')[1]).toBe(`d,"T, ""q""",,undated,1,4,"'=cmd ",key," -x"`);
  });
});

describe('csvFile', () => {
  it('starts with the UTF-8 byte-order mark, so Excel reads "Süddeutsche" as written', async () => {
    const csv = kwicCsv([{ doc: 'd', title: null, outlet: 'Süddeutsche Zeitung', date: null, start: 0, end: 3, left: '', keyword: '命运', right: '' }]);
    const bytes = new Uint8Array(await new Blob([csvFile(csv)]).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes)).toBe(csv);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff); // the clipboard's copy has none
  });
});
