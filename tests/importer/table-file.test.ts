import { describe, expect, it } from 'vitest';
import { parseDelimited, readTable } from '../../src/importer/table-file.ts';
import { importItem, type PreparedFile } from '../../src/importer/read.ts';
import { enc, PROSE } from './helpers.ts';

const ok = (r: ReturnType<typeof readTable>) => {
  if (!r.ok) throw new Error(r.reason);
  return r;
};
const meta = (item: PreparedFile) => item.meta as Record<string, unknown>;
/** The row as imported (its date read as every document's is, corpus/dates.ts). */
const imported = (item: PreparedFile) => {
  const out = importItem(item, new Set());
  if (!out.ok) throw new Error(out.reason);
  return out;
};
const dateOf = (item: PreparedFile) => imported(item).doc.meta.date?.value ?? null;

describe('parseDelimited', () => {
  it('reads quoted fields holding delimiters, line breaks and doubled quotes (RFC 4180)', () => {
    expect(parseDelimited('a,b,c\r\n"1,5","say ""hi""","two\nlines"\n', ',')).toEqual([
      ['a', 'b', 'c'],
      ['1,5', 'say "hi"', 'two\nlines'],
    ]);
    expect(parseDelimited('x;y\n1;2', ';')).toEqual([['x', 'y'], ['1', '2']]);
    expect(parseDelimited('', ',')).toEqual([]);
  });
});

describe('readTable', () => {
  it('makes a document of each row, its metadata from the columns a header names', () => {
    const csv = `ID,Headline,Publication,Byline,Published At,Content,URL,Likes\n17,Bridge plan,River Gazette,Ann Lee,2021-05-04T08:00:00Z,"${PROSE}",https://example.org/a,12\n18,Second,Valley Post,,2021/5/9,"Another text, with a comma.",,3\n`;
    const t = ok(readTable(enc(csv), 'news.csv'));
    expect(t.items).toHaveLength(2);
    expect(t.items[0]!.original).toBe(PROSE);
    expect(meta(t.items[0]!)).toMatchObject({ id: '17', title: 'Bridge plan', outlet: 'River Gazette', author: 'Ann Lee', language: null });
    expect(dateOf(t.items[0]!)).toBe('2021-05-04');
    expect(meta(t.items[0]!)['provenance']).toMatch(/Row 2 of “news.csv”, read as UTF-8\. URL: https:\/\/example.org\/a Columns not read: Likes\./);
    expect(meta(t.items[1]!)).toMatchObject({ id: '18', outlet: 'Valley Post', author: null });
    expect(dateOf(t.items[1]!)).toBe('2021-05-09');
    expect(t.items[1]!.path).toBe('news.csv row 3');
  });

  it('imports each row through the same checks and cleaner as a file', () => {
    const t = ok(readTable(enc(`title,text,date,language\nA report,"${PROSE}",2019.0,fr\n`), 'set.csv'));
    const out = importItem(t.items[0]!, new Set());
    if (!out.ok) throw new Error(out.reason);
    expect(out.doc.meta).toMatchObject({ id: 'set-row-2', title: 'A report', language: 'fr', date: { value: '2019', precision: 'year' } });
    expect(out.doc.text).toContain('The river council met on Tuesday');
  });

  it('finds the delimiter: semicolons, tabs, a .tsv file', () => {
    expect(ok(readTable(enc('titel;text\nEins;Ein Text hier.\n'), 'de.csv')).items[0]!.original).toBe('Ein Text hier.');
    expect(ok(readTable(enc('title\ttext\nOne\tA text, with commas, here.\n'), 'a.tsv')).items[0]!.original).toBe('A text, with commas, here.');
  });

  it('reads Windows-1252 bytes and UTF-8 with a byte-order mark', () => {
    const cp1252 = new Uint8Array([...enc('title,text\nQuote,'), 0x93, ...enc('Smart quotes'), 0x94, 0x0a]);
    const t = ok(readTable(cp1252, 'win.csv'));
    expect(t.items[0]!.original).toBe('“Smart quotes”');
    expect(t.encoding).toBe('windows-1252');
    const bom = ok(readTable(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('text,title\nBody here.,T\n')]), 'bom.csv'));
    expect(meta(bom.items[0]!)['title']).toBe('T');
  });

  it('keeps only the year of a date it would have to guess, leaves out one it cannot read, and says so; the row is imported', () => {
    const t = ok(readTable(enc('text,date\nSome text.,10/11/2019\nMore text.,next spring\nAnd more.,\n'), 'us.csv'));
    const [guess, unread, none] = t.items.map(imported);
    expect(guess!.doc.meta.date).toEqual({ value: '2019', precision: 'year', approximate: false });
    expect(guess!.doc.meta.provenance).toMatch(/^Row 2 of “us\.csv”, read as UTF-8\. Its date “10\/11\/2019” was read as the year 2019 only: it could be 10 November or 11 October\.$/);
    expect(guess!.dateNote).toMatchObject({ lost: 'year' });
    expect(unread!.doc.meta.date).toBeNull();
    expect(unread!.doc.meta.provenance).toMatch(/Its date “next spring” was not read \(not a way of writing a date that Refrain knows\)\.$/);
    expect(unread!.dateNote).toMatchObject({ lost: 'none' });
    expect([none!.doc.meta.date, none!.dateNote]).toEqual([null, null]);
  });

  it('takes the delimiter from a first line "sep=;" (as Excel writes it), which is not a row', () => {
    const t = ok(readTable(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('sep=;\r\nTitel;Datum;Inhalt\r\nEins, zwei;05.03.2019;Ein Text, mit Kommas.\r\n')]), 'excel.csv'));
    expect(t.items.map((i) => [meta(i)['title'], i.original, i.path])).toEqual([['Eins, zwei', 'Ein Text, mit Kommas.', 'excel.csv row 2']]);
    expect(dateOf(t.items[0]!)).toBe('2019-03-05');
    expect(ok(readTable(enc('sep=|\ntitle|text\nA, b|Text; here.\n'), 'p.csv')).items[0]!.original).toBe('Text; here.');
    expect(ok(readTable(enc('SEP=,\ntitle\ttext,text\nA,Body.\n'), 't.tsv')).items[0]!.original).toBe('Body.');
  });

  it('reads a row\'s date from another date column when the first is empty (records written with "date" or "published")', () => {
    const t = ok(readTable(enc(JSON.stringify([{ date: 1565999999, text: 'One.' }, { published: 'Fri, 16 Aug 2019 23:59:59 GMT', text: 'Two.' }])), 'mixed.json'));
    expect(t.items.map(dateOf)).toEqual(['2019-08-16', '2019-08-16']);
    expect(meta(t.items[1]!)['provenance']).not.toMatch(/Columns not read/);
  });

  it('reads a short or negative number as seconds since 1970 only in a column named as timestamps', () => {
    const t = ok(readTable(enc('text,created_utc\nOne.,31536000\nTwo.,-86400\nThree.,1565999999\nFour.,2019-08-16\n'), 'posts.csv'));
    expect(t.items.map(dateOf)).toEqual(['1971-01-01', '1969-12-31', '2019-08-16', '2019-08-16']);
    const plain = ok(readTable(enc('text,date\nOne.,31536000\n'), 'plain.csv'));
    expect(dateOf(plain.items[0]!)).toBeNull();
    // A "date" column is read first; a timestamp column fills a row whose date is empty.
    const both = ok(readTable(enc(JSON.stringify([{ date: '', timestamp: 86400, text: 'One.' }, { date: '05.03.19', timestamp: 86400, text: 'Two.' }])), 'both.json'));
    expect(both.items.map(dateOf)).toEqual(['1970-01-02', '2019-03-05']);
  });

  it('refuses a row without text or with an over-long title, and imports the rest', () => {
    const t = ok(readTable(enc(`title,text\nEmpty,\n${'x'.repeat(301)},Some text.\nGood,Real text.\n\n`), 'mixed.csv'));
    expect(t.items.map((i) => meta(i)['title'])).toEqual(['Good']);
    expect(t.refused).toEqual([
      { file: 'mixed.csv row 2', reason: 'has no text' },
      { file: 'mixed.csv row 3', reason: 'title is 301 characters long; the limit is 300' },
    ]);
  });

  it('finds the columns of a table whose header is in French, German, Spanish or Chinese', () => {
    const tables: [string, string][] = [
      ['fr.csv', 'Titre;Journal;Date;Texte\n"Le ferry sauvé";"Le Courrier";2023-03-15;"La ville a voté pour garder son ferry."\n'],
      ['de.csv', 'Titel,Zeitung,Datum,Inhalt\n"Fähre gerettet","Inselbote",15.03.2023,"Die Stadt hat für die Fähre gestimmt."\n'],
      ['es.csv', 'título,medio,fecha,cuerpo\n"Ferry salvado","El Puerto",15/03/2023,"La ciudad votó para mantener su ferry."\n'],
      ['zh.csv', '标题,媒体,日期,正文\n"渡轮保住了","海岛时报",2023年3月15日,"该镇投票决定保留渡轮。"\n'],
    ];
    for (const [name, csv] of tables) {
      const item = ok(readTable(enc(csv), name)).items[0]!;
      expect([meta(item)['title'], meta(item)['outlet'], dateOf(item)], name).toEqual([expect.any(String), expect.any(String), '2023-03-15']);
    }
  });

  it('reads the column of prose as the text when no header names it, and says so', () => {
    const prose = 'The harbour town voted on Monday to keep its ferry running through the winter, the council said.';
    const t = ok(readTable(enc(`Rubrik,Kategorie,Beitrag\nFerry,Local,"${prose}"\n`), 'sv.csv'));
    expect(t.items[0]!.original).toBe(prose);
    expect(meta(t.items[0]!)['provenance']).toMatch(/the column “Beitrag”, whose cells are longest, was read as it/);
    // Two long columns: no guess.
    expect(readTable(enc(`a,b\n"${prose}","${prose}"\n`), 'two.csv')).toMatchObject({ ok: false });
  });

  it('reads a date whose order only one reading allows, keeps the year of one that could be either, leaves out one that is no day', () => {
    const dates = ['25.10.2019', '25/10/2019', '10/25/2019', '10/11/2019', '31.02.2019', '5 de marzo de 2018', '1565999999000'].map((d) => dateOf(ok(readTable(enc(`text,date\nSome text.,${d}\n`), 'd.csv')).items[0]!));
    expect(dates).toEqual(['2019-10-25', '2019-10-25', '2019-10-25', '2019', null, '2018-03-05', '2019-08-16']);
  });

  it('reads a JSON dataset: an array of articles, an object holding one, JSON Lines, a nested meta object', () => {
    const articles = [
      { title: 'Ferry saved', source: 'Island Times', published: '2023-03-16', authors: ['Ann Lee', 'Bo Chen'], content: 'The harbour town voted to keep its ferry.' },
      { title: 'Ferry kept', source: 'Coast News', published: '2023-03-17', content: 'The town voted to keep its ferry.', views: 12 },
    ];
    for (const [name, body] of [
      ['a.json', JSON.stringify(articles)],
      ['b.json', JSON.stringify({ status: 'ok', totalResults: 2, articles })],
      ['c.jsonl', articles.map((a) => JSON.stringify(a)).join('\n') + '\n'],
    ] as const) {
      const t = ok(readTable(enc(body), name));
      expect(t.items.map((i) => [meta(i)['title'], meta(i)['outlet'], meta(i)['date'], i.original]), name).toEqual([
        ['Ferry saved', 'Island Times', '2023-03-16', 'The harbour town voted to keep its ferry.'],
        ['Ferry kept', 'Coast News', '2023-03-17', 'The town voted to keep its ferry.'],
      ]);
      expect(meta(t.items[0]!)['author']).toBe('Ann Lee, Bo Chen');
      expect(meta(t.items[1]!)['provenance']).toMatch(/^Record 2 of “[abc]\.jsonl?”/);
    }
    const nested = ok(readTable(enc(JSON.stringify([{ meta: { title: 'Nested', date: '2020' }, text: 'Some text here.' }])), 'n.json'));
    expect([meta(nested.items[0]!)['title'], meta(nested.items[0]!)['date']]).toEqual(['Nested', '2020']);
  });

  it('says what is wrong with JSON that is not a dataset, and names bad JSON Lines', () => {
    expect(readTable(enc('{"a": '), 'bad.json')).toMatchObject({ ok: false, reason: expect.stringMatching(/^is not valid JSON/) });
    expect(readTable(enc('[1, 2]'), 'nums.json')).toMatchObject({ ok: false, reason: expect.stringMatching(/holds no documents/) });
    expect(readTable(enc('{"format": "refrain-corpus", "version": 1, "documents": []}'), 'mine.json')).toMatchObject({ ok: false, reason: expect.stringMatching(/Open a shared corpus file/) });
    const t = ok(readTable(enc('{"text": "One."}\nnot json\n[3]\n{"text": "Two."}\n'), 'l.jsonl'));
    expect(t.items.map((i) => i.original)).toEqual(['One.', 'Two.']);
    expect(t.refused).toEqual([
      { file: 'l.jsonl line 2', reason: 'is not a JSON object' },
      { file: 'l.jsonl line 3', reason: 'is not a JSON object' },
    ]);
    const many = ok(readTable(enc('{"text": "One."}\n' + 'x\n'.repeat(150)), 'm.jsonl'));
    expect(many.refused).toHaveLength(101);
    expect(many.refused.at(-1)).toEqual({ file: 'm.jsonl', reason: 'has 50 more lines that are not JSON objects; they were not read' });
  });

  it('refuses a table with no text column, naming its columns', () => {
    const r = readTable(enc('name,email\nAnn,a@b.c\n'), 'people.csv');
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/has no text column: its header reads "name", "email"/) });
    expect(readTable(enc(''), 'empty.csv')).toMatchObject({ ok: false, reason: expect.stringMatching(/is empty/) });
    expect(readTable(enc('text\n'), 'header-only.csv')).toMatchObject({ ok: false, reason: 'has a header but no rows' });
  });

  it('reads no more rows than a corpus holds, and says how many it left in one line', () => {
    const rows = Array.from({ length: 2003 }, (_, i) => `Row text number ${i}.`).join('\n');
    const t = ok(readTable(enc(`text\n${rows}\n`), 'big.csv'));
    expect(t.items).toHaveLength(2000);
    expect(t.refused).toEqual([{ file: 'big.csv', reason: 'has 3 more rows past the 2,000 documents a corpus holds; they were not read' }]);
  });

  it('keeps a language tag as written, its first part lower-cased', () => {
    const t = ok(readTable(enc('text,lang\nOne.,en-GB\nTwo.,FR\nThree.,English\n'), 'l.csv'));
    expect(t.items.map((i) => meta(i)['language'])).toEqual(['en-GB', 'fr', null]);
  });

  it('makes an id of an id column that is not one, and numbers rows otherwise', () => {
    const t = ok(readTable(enc('id,text\n"a b/c",One.\n,Two.\n'), 'x y.csv'));
    expect(t.items.map((i) => meta(i)['id'])).toEqual(['a-b-c', 'x-y-row-3']);
  });
});
