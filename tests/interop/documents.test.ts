import { describe, expect, it } from 'vitest';
import { passimDocumentLine, passimDocumentLines, readDocumentRecord, safeId } from '../../src/interop/documents.ts';

const meta = { id: 'doc-1', title: 'A "quoted" title', outlet: 'Daily A', author: null, date: { value: '2019-10', precision: 'month' as const, approximate: true } };

describe('passimDocumentLine', () => {
  it("writes one line with passim's fields: id, series, date at its precision, title, text", () => {
    const line = passimDocumentLine({ meta, text: 'First line.\nSecond line, with a tab\tand 🌍.' });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ id: 'doc-1', series: 'Daily A', date: '2019-10', date_approximate: true, title: 'A "quoted" title', text: 'First line.\nSecond line, with a tab\tand 🌍.' });
    expect(Object.keys(JSON.parse(line))).toEqual(['id', 'series', 'date', 'date_approximate', 'title', 'text']);
  });

  it('leaves out what the source does not give; a document without an outlet is a series of its own', () => {
    const bare = { meta: { id: 'x', title: null, outlet: null, author: null, date: null }, text: 't' };
    expect(JSON.parse(passimDocumentLine(bare))).toEqual({ id: 'x', series: 'x', text: 't' });
    expect([...passimDocumentLines([bare, bare])].join('')).toBe('{"id":"x","series":"x","text":"t"}\n{"id":"x","series":"x","text":"t"}\n');
    expect(readDocumentRecord(JSON.parse(passimDocumentLine(bare)), new Set())).toMatchObject({ id: 'x', series: null });
  });
});

describe('readDocumentRecord', () => {
  it('reads what it wrote', () => {
    const read = readDocumentRecord(JSON.parse(passimDocumentLine({ meta: { ...meta, author: 'R. Writer' }, text: 'body' })), new Set());
    expect(read).toEqual({ id: 'doc-1', sourceId: 'doc-1', text: 'body', series: 'Daily A', date: meta.date, dateNote: null, title: 'A "quoted" title', author: 'R. Writer', language: null });
  });

  it('cuts timestamps to the day, takes numeric ids, and makes unsafe ids safe (and unique)', () => {
    const taken = new Set(['sn84-1865-03-02-seq-4']);
    const read = readDocumentRecord({ id: 'sn84/1865-03-02/seq-4', text: 't', date: '1865-03-02T00:00:00.000Z', lang: 'de' }, taken);
    expect(read).toMatchObject({ id: 'sn84-1865-03-02-seq-4-2', sourceId: 'sn84/1865-03-02/seq-4', date: { value: '1865-03-02', precision: 'day' }, language: 'de' });
    expect(readDocumentRecord({ id: 12, text: 't' }, new Set())).toMatchObject({ id: '12', sourceId: '12' });
    expect(safeId('/.hidden name')).toBe('hidden-name');
  });

  it('says why a record is not a document', () => {
    expect(readDocumentRecord({ text: 't' }, new Set())).toMatch(/no "id"/);
    expect(readDocumentRecord({ id: 'a' }, new Set())).toMatch(/has no "text"/);
  });

  it('reads a date as every document\'s is (corpus/dates.ts); one it cannot read costs the date, not the document, and says why', () => {
    const read = (date: unknown, more: Record<string, unknown> = {}) => readDocumentRecord({ id: 'a', text: 't', date, ...more }, new Set());
    expect(read('March 1865')).toMatchObject({ date: { value: '1865-03', precision: 'month' }, dateNote: null });
    expect(read('05.03.1865', { date_approximate: true })).toMatchObject({ date: { value: '1865-03-05', approximate: true } });
    expect(read('Thu, 02 Mar 1865 00:00:00 GMT')).toMatchObject({ date: { value: '1865-03-02' } });
    expect(read(1565999999)).toMatchObject({ date: { value: '2019-08-16' } });
    expect(read('1865-13')).toMatchObject({ id: 'a', date: null, dateNote: 'Its date “1865-13” was not read (there is no month 13).' });
    expect(read('03/04/1865')).toMatchObject({ date: { value: '1865', precision: 'year' }, dateNote: expect.stringMatching(/read as the year 1865 only/) });
  });
});
