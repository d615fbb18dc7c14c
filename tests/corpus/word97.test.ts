import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFileText } from '../../src/corpus/file-text.ts';
import { cleanMarks, readWord97 } from '../../src/corpus/word97.ts';
import { compoundFile, wordDocument } from './sample-doc.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/doc/${name}`, import.meta.url)));

describe('readWord97', () => {
  it('reads the pieces in order, windows-1252 ("compressed") and UTF-16 alike, and only the main text', () => {
    const main = ['Café au lait, “quoted” – twice.\r', 'Ελληνικά and Русский.\r'];
    const doc = wordDocument(
      [
        { text: main[0]!, compressed: true },
        { text: main[1]!, compressed: false },
        { text: 'A footnote, after the main text.\r', compressed: true },
      ],
      main.join('').length,
    );
    expect(readWord97(doc)).toEqual({
      text: 'Café au lait, “quoted” – twice.\n\nΕλληνικά and Русский.',
      fields: { title: 'Ferry notes', author: 'Ann Lee', date: '2003-05-17' },
    });
  });

  it('refuses a document protected by a password, and a compound file that is not a Word document', () => {
    const locked = wordDocument([{ text: 'Secret.\r', compressed: true }], 8, { flags: 0x0100 });
    expect(readWord97(locked)).toEqual({ error: expect.stringMatching(/^is a Word document protected by a password/) });
    const word95 = wordDocument([{ text: 'Old.\r', compressed: true }], 5, { nFib: 104 });
    expect(readWord97(word95)).toEqual({ error: expect.stringMatching(/^was written by Word 6 or Word 95/) });
    const sheet = compoundFile({ Workbook: new Uint8Array(4096) });
    expect(readWord97(sheet)).toEqual({ error: expect.stringMatching(/not a Word document \(an Excel, PowerPoint or Outlook file\?\)/) });
  });

  it('refuses a file cut short or with its sectors overwritten, without throwing', () => {
    const good = wordDocument([{ text: 'Some text here.\r', compressed: true }], 16);
    for (const cut of [600, 2000, 5000, good.length - 700]) expect(readWord97(good.slice(0, cut))).toHaveProperty('error');
    // The WordDocument stream's chain (sectors 2…9) made to come back from its fourth sector to its first.
    const looped = good.slice();
    looped.set([2, 0, 0, 0], 512 + 4 * 5);
    expect(readWord97(looped)).toEqual({ error: 'is a damaged compound file (a broken chain of sectors)' });
  });
});

describe('cleanMarks', () => {
  it('keeps a field’s result and drops its code, nested fields too', () => {
    expect(cleanMarks('See \x13 HYPERLINK "https://x.org" \x14the page\x15 and page \x13PAGE\x143\x15.\r')).toBe('See the page and page 3.');
    expect(cleanMarks('A \x13 IF \x13 DATE \x14 2003\x15 = 2003 \x14yes\x15 answer\r')).toBe('A yes answer');
  });

  it('reads paragraph and line marks, table cells and rows, and drops pictures, note marks and soft hyphens', () => {
    expect(cleanMarks('One\vline\rTwo\r\rCell a\x07Cell b\x07\x07Next\x01 row\x02\x1f here\x1enow\r')).toBe('One\nline\n\nTwo\n\nCell a Cell b\n\nNext row here-now');
  });
});

describe('Word 97 files LibreOffice wrote', () => {
  it('reads an essay with accents, Polish, Greek and Russian, and its title', () => {
    const r = readFileText({ path: 'in/essay.doc', name: 'essay.doc', bytes: fixture('essay-by-libreoffice.doc') });
    expect(r.kind).toBe('word97');
    expect(r.original.split('\n\n')).toEqual([
      'Why the ferry matters',
      'The harbour town voted to keep its ferry. Without it, the island is cut off from the mainland for most of the winter, and the school, the clinic and the market are on the other side.',
      'Les élèves prennent le ferry chaque matin ; « c’est notre route », disent-ils. Zażółć gęślą jaźń. Ελληνικά κείμενα. Русский текст.',
      'First point of a list',
      'Second point',
      'A final paragraph with a footnote-free ending, efficient and fine.',
    ]);
    expect(r.fields['title']).toBe('Why the ferry matters');
    expect(r.provenance).toContain('Word 97–2003 document “in/essay.doc”');
  });

  it('reads a hyperlink as its text and a table a row per paragraph', () => {
    const r = readWord97(fixture('link-and-table-by-libreoffice.doc'));
    expect('error' in r ? r.error : r.text).toBe('Plain ASCII text with a link to the ferry page in it.\n\nCell one Cell two\n\nCell three Cell four\n\nAfter the table.\nA second line after a break.');
  });

  it('is read by its bytes whatever its name (a .doc saved as .txt)', () => {
    const r = readFileText({ path: 'essay.txt', name: 'essay.txt', bytes: fixture('essay-by-libreoffice.doc') });
    expect(r.kind).toBe('word97');
  });
});
