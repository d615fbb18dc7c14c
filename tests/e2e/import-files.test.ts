/**
 * Texts as people have them (issue #14), in Chromium over the built file:
 * a word-processor essay in windows-1252, Chinese news in GB18030 and Big5,
 * an English text in UTF-16 without a byte-order mark and a saved news page
 * import; the summary says how each file was read; a file can be read again
 * as another encoding (its document keeps its id); a PNG and a .docx (ZIP)
 * are refused by name; the news page imports as its article with its
 * headline, site and byline; a spreadsheet saved as CSV imports a document
 * per row (the summary counts the dates it could not read); a TEI edition imports as its text with its header's metadata,
 * a Word essay as its text with its properties, and an RTF letter, an
 * EPUB book, a page saved as `.cms` and an Excel workbook as theirs, and an
 * article clipped to Markdown as its words; the page's Original view counts
 * what was left out by reason and shows a mark's reason when it takes focus.
 * Screenshots of the summary at 1280×800 and 390×844.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUrl, makeTempDir, openBuilt, screenshot, type BrowserSession, type PageWatch } from './harness.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const dir = makeTempDir('refrain-import-files-');
const files = [
  ['encodings/essay-windows-1252.txt', 'grandmothers-kitchen.txt'],
  ['encodings/news-gb18030.txt', 'music-class-gb18030.txt'],
  ['encodings/news-big5.txt', 'music-class-big5.txt'],
  ['encodings/essay-utf-16le-no-bom.txt', 'committee-utf16.txt'],
  ['news-pages/semantic-article.html', 'coastal-herald-ferry.html'],
].map(([from, to]) => {
  const path = join(dir, to!);
  copyFileSync(join(FIXTURES, from!), path);
  return path;
});
const png = join(dir, 'scan.png');
writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
// A spreadsheet of articles saved as CSV by a European Excel (semicolons, named on a first "sep=;" line), one text over two paragraphs, one date no one can read.
const csv = join(dir, 'press-review.csv');
writeFileSync(
  csv,
  'sep=;\nHeadline;Publication;Date;Text;Notes\n' +
    '"Harbour vote, and what it means";Coastal Herald;2023-03-14;"The harbour town voted to keep its ferry.\n\nThe council will publish its timetable next week.";seen\n' +
    'Bridge delayed;Valley Post;14/03/2023;"Work on the estuary bridge is delayed until the spring, engineers said.";\n' +
    'Empty row;Valley Post;2023;;\n' +
    'Timetable;Coastal Herald;next week;"The ferry timetable will be published next week.";\n',
);
const docx = join(dir, 'essay.docx');
writeFileSync(docx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]));

let session: BrowserSession;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  ({ session, page, watch } = await openBuilt({ hash: '#/library', viewport: { width: 1280, height: 800 } }));
});
afterAll(async () => session?.close());

/** Imports `paths` through the Library's file input and waits until the import is done. */
async function importFiles(paths: string[]): Promise<void> {
  await page.goto(`${fileUrl()}#/library`);
  await page.getByTestId('import-files').setInputFiles(paths);
  await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 60_000 });
}

const row = (file: string) => page.locator('.read tbody tr', { hasText: file });

describe('importing texts as people have them', () => {
  it('reads legacy encodings and UTF-16 without a BOM, and says how each file was read', async () => {
    await page.getByRole('button', { name: /Drop files or a folder here/ }).waitFor();
    await page.getByTestId('import-files').setInputFiles([...files, png, docx]);
    await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.progress .detail').innerText()).toMatch(/5 imported, 2 refused/);
    const summary = page.locator('.read summary');
    const said = await summary.innerText();
    expect(said).toMatch(/^Encodings: 4 of 5 not plain UTF-8: /);
    for (const part of ['windows-1252 (1)', 'GB18030 (1)', 'Big5 (1)', 'UTF-16LE (1)']) expect(said).toContain(part);
    expect(await page.locator('.read').getAttribute('open')).not.toBeNull();
    expect(await row('grandmothers-kitchen.txt').innerText()).toMatch(/Western \(windows-1252, ISO-8859-1\)\s+\(detected, \d+% sure\)/);
    expect(await row('committee-utf16.txt').innerText()).toMatch(/UTF-16, little-endian\s+\(UTF-16 without a byte-order mark\)/);
    expect(await row('coastal-herald-ferry.html').innerText()).toMatch(/UTF-8\s+\(valid UTF-8\)/);
    await expect.poll(() => page.locator('.refused').innerText()).toMatch(/scan\.png\s+is a PNG image, not text[\s\S]*essay\.docx\s+is not a Word document \(\.docx\) that can be read: the archive is damaged/);
    await screenshot(page, 'import-files-summary-1280');
    expect(watch.problems()).toEqual([]);
  });

  it('shows the texts as they were written', async () => {
    await page.goto(`${fileUrl()}#/doc/grandmothers-kitchen`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('“Don’t touch the stove — it’s older than you are,”');
    await page.goto(`${fileUrl()}#/doc/music-class-big5`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('新學期開學第一週');
  });

  it('imports the saved news page as its article, metadata filled in', async () => {
    await page.goto(`${fileUrl()}#/doc/coastal-herald-ferry`);
    const main = page.locator('main');
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('Residents of the small harbour town of Port Elling have voted');
    const text = await main.innerText();
    expect(text).toContain('Harbour town votes to keep its ferry after a decade of cuts');
    expect(text).toContain('The Coastal Herald');
    expect(text).toMatch(/Miriam Okafor, Tom Ellery/);
    for (const furniture of ['We use cookies', 'Share on Facebook', 'harbourwatcher', 'Why the estuary bridge', 'Morning Tide']) expect(text).not.toContain(furniture);
  });

  it('shows the saved page’s whole text in Original, what is not the article struck through with why', async () => {
    await page.goto(`${fileUrl()}#/doc/coastal-herald-ferry?mode=original`);
    const original = page.getByTestId('original-text');
    await original.waitFor({ timeout: 20_000 });
    const outside = original.locator('del[data-rule="outside-article"]');
    const nav = outside.filter({ hasText: 'Lifestyle' });
    expect(await nav.count()).toBe(1);
    expect(await nav.getAttribute('title')).toBe('Removed: outside the article: navigation');
    expect(await outside.filter({ hasText: 'We use cookies' }).getAttribute('title')).toMatch(/^Removed: outside the article: /);
    expect(await outside.filter({ hasText: 'harbourwatcher' }).getAttribute('title')).toBe('Removed: outside the article: comments');
    // The article itself is not struck through, and the count on the button includes what the page left out.
    expect(await original.locator('del', { hasText: 'Residents of the small harbour town of Port Elling have voted' }).count()).toBe(0);
    expect(await original.innerText()).toContain('Residents of the small harbour town of Port Elling have voted');
    const marks = await original.locator('del').count();
    expect(await page.getByRole('button', { name: `Original, with ${marks} removals and repairs marked` }).count()).toBe(1);
    // The legend counts each kind of removal in words; each mark takes focus from the keyboard and then shows its reason.
    const legend = await page.locator('.legend').innerText();
    expect(legend).toMatch(/Removed here: .*outside the article: navigation ×\d+/);
    expect(legend).toMatch(/outside the article: comments ×\d+/);
    // The marks are one tab stop after the bar's two buttons; the arrow keys move between them, and a
    // mark with focus shows its reason.
    const focused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
    const status = page.getByTestId('mark-status');
    expect(await status.innerText()).toContain(`${marks} marks`);
    await page.getByRole('checkbox', { name: 'Read' }).focus();
    await page.keyboard.press('Tab');
    expect(await focused(page.getByRole('button', { name: '← Previous mark' }))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page.getByRole('button', { name: 'Next mark →' }))).toBe(true);
    await page.keyboard.press('Tab');
    const all = original.locator('del');
    const first = all.first();
    await expect.poll(() => focused(first)).toBe(true);
    await expect.poll(() => first.locator('.why').isVisible()).toBe(true);
    expect(await first.locator('.why').innerText()).toBe(await first.getAttribute('title'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focused(all.nth(1))).toBe(true);
    expect(await first.locator('.why').isVisible()).toBe(false);
    await page.keyboard.press('End');
    await expect.poll(() => focused(all.last())).toBe(true);
    expect(await original.locator('del[tabindex="0"]').count()).toBe(1);
    // One Tab leaves the marks, however many there are.
    await page.keyboard.press('Tab');
    expect(await original.evaluate((el) => el.contains(document.activeElement))).toBe(false);
    await nav.focus();
    await expect.poll(() => nav.locator('.why').innerText()).toBe('Removed: outside the article: navigation');
    // The bar steps on from the mark last visited, says where it is and why, and goes round at either end.
    const k = Number(await nav.getAttribute('data-mark'));
    const next = page.getByRole('button', { name: 'Next mark →' });
    const previous = page.getByRole('button', { name: '← Previous mark' });
    await next.click();
    await expect.poll(() => status.innerText()).toBe(`Mark ${k + 2} of ${marks}. ${await all.nth(k + 1).getAttribute('title')}.`);
    expect(await all.nth(k + 1).getAttribute('class')).toContain('current');
    await previous.click();
    await expect.poll(() => status.innerText()).toBe(`Mark ${k + 1} of ${marks}. Removed: outside the article: navigation.`);
    await first.focus();
    await previous.click();
    await expect.poll(() => status.innerText()).toMatch(new RegExp(`^Mark ${marks} of ${marks}\\. `));
    expect(await all.last().evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    await screenshot(page, 'import-files-web-page-original-1280');
    expect(watch.problems()).toEqual([]);
  });

  it('reads a file again as another encoding, keeping its document', async () => {
    await page.goto(`${fileUrl()}#/library`);
    // The summary stays on the page after the import (the job is kept).
    const r = row('music-class-gb18030.txt');
    await r.getByRole('button', { name: /Read music-class-gb18030\.txt as another encoding/ }).click();
    const select = page.getByLabel('Read music-class-gb18030.txt as');
    await expect.poll(() => select.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await select.inputValue()).toBe('gb18030');
    await select.selectOption('big5');
    await r.getByRole('button', { name: 'Read again' }).click();
    await expect.poll(() => r.innerText(), { timeout: 60_000 }).toMatch(/Chinese, traditional \(Big5\)\s+\(as you chose\)/);
    await expect.poll(() => page.locator('.read [role=status]').innerText(), { timeout: 60_000 }).toBe('music-class-gb18030.txt read again as Chinese, traditional (Big5).');
    // The keyboard is back on the row's button, not lost.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Read music-class-gb18030.txt as another encoding');
    await page.goto(`${fileUrl()}#/doc/music-class-gb18030`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).not.toContain('新学期开学第一周');
    expect(await page.locator('main').innerText()).toMatch(/as the reader chose/);
  });

  it('imports a spreadsheet saved as CSV, a document per row, and counts the dates it could not read', async () => {
    await importFiles([csv]);
    expect(await page.locator('.progress .detail').innerText()).toMatch(/3 imported, 1 refused; 1 date not read — see each document's provenance\./);
    await expect.poll(() => page.locator('.refused').innerText()).toMatch(/press-review\.csv row 4\s+has no text/);
    await expect.poll(() => page.locator('.card h2').allInnerTexts()).toEqual(expect.arrayContaining(['Harbour vote, and what it means', 'Bridge delayed']));
    await page.goto(`${fileUrl()}#/doc/press-review-row-2`);
    const main = page.locator('main');
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('The council will publish its timetable next week.');
    expect(await main.innerText()).toMatch(/Coastal Herald/);
    expect(await main.innerText()).toMatch(/14 March 2023/);
    await page.goto(`${fileUrl()}#/doc/press-review-row-5`);
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('The ferry timetable will be published next week.');
    expect(await main.innerText()).toMatch(/Its date “next week” was not read/);
    // Set by hand in the details form: the provenance says so, no longer that it was not read.
    await page.goto(`${fileUrl()}#/library`);
    await page.getByText('Edit a document’s details').click();
    await page.locator('#edit-doc').selectOption({ value: 'press-review-row-5' });
    await page.locator('#edit-date').fill('2023-03-20');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved the details of/ }).waitFor({ timeout: 20_000 });
    await page.goto(`${fileUrl()}#/doc/press-review-row-5`);
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toMatch(/Its date was set by hand to 20 March 2023\./);
    expect(await main.innerText()).not.toMatch(/was not read/);
    expect(watch.problems()).toEqual([]);
  });

  it('imports a JSON dataset a news API wrote (French fields), a document per record', async () => {
    const json = join(dir, 'api-export.json');
    writeFileSync(
      json,
      JSON.stringify({
        status: 'ok',
        articles: [
          { titre: 'Le ferry sauvé', source: 'Le Courrier', date: '15.03.2023', auteurs: ['Anne Leroy'], texte: 'La ville portuaire a voté pour garder son ferry, a déclaré le conseil lundi.' },
          { titre: 'Le ferry gardé', source: 'La Gazette', date: '2023-03-16', texte: 'La ville a voté pour garder son ferry, a dit le conseil lundi.' },
        ],
      }),
    );
    await importFiles([json]);
    expect(await page.locator('.progress .detail').innerText()).toMatch(/2 imported/);
    await page.goto(`${fileUrl()}#/doc/api-export-record-1`);
    const main = page.locator('main');
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('La ville portuaire a voté pour garder son ferry');
    expect(await main.innerText()).toMatch(/Le Courrier · By Anne Leroy · 15 March 2023/);
    expect(await main.innerText()).toMatch(/Record 1 of “api-export\.json”/);
    expect(watch.problems()).toEqual([]);
  });

  it('imports an Excel workbook, a document per row of its first sheet, a date cell read as its day', async () => {
    const cell = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
    const book = join(dir, 'ferry-coverage.xlsx');
    writeFileSync(
      book,
      zipSync({
        'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="Press" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
        'xl/worksheets/sheet1.xml': strToU8(
          `<worksheet><sheetData><row r="1">${cell('A1', 'Title')}${cell('B1', 'Outlet')}${cell('C1', 'Date')}${cell('D1', 'Text')}</row>` +
            `<row r="2">${cell('A2', 'Ferry kept for the winter')}${cell('B2', 'Island Times')}<c r="C2" s="1"><v>45000</v></c>${cell('D2', 'The island ferry will run all winter, the council decided on Tuesday after a long debate.')}</row></sheetData></worksheet>`,
        ),
      }),
    );
    await importFiles([book]);
    await page.goto(`${fileUrl()}#/doc/ferry-coverage-row-2`);
    const main = page.locator('main');
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('The island ferry will run all winter');
    expect(await main.innerText()).toMatch(/Island Times · Author not named · 15 March 2023/);
    expect(watch.problems()).toEqual([]);
  });

  it('imports a TEI edition as its text, with the metadata of its header', async () => {
    await importFiles([join(FIXTURES, 'tei/harbour-letters.xml')]);
    await page.goto(`${fileUrl()}#/doc/harbour-letters`);
    const main = page.locator('main');
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('The council met on Tuesday to discuss the new bridge.');
    const text = await main.innerText();
    expect(text).toContain('The Harbour Letters');
    expect(text).toMatch(/The Coastal Herald · By Ann Lee, Bo Chen · 4 May 1891/);
    expect(text).not.toContain('An editorial note.');
    expect(watch.problems()).toEqual([]);
  });

  it("imports a student's Word essay as its text, with the document's properties", async () => {
    const body = ['Why the ferry matters', 'The harbour town voted to keep its ferry.', 'Without it, the island is cut off.'].map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
    const essay = join(dir, 'ferry-essay.docx');
    writeFileSync(
      essay,
      zipSync({
        'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${body}<w:p><w:del><w:r><w:delText>A deleted sentence.</w:delText></w:r></w:del></w:p></w:body></w:document>`),
        'docProps/core.xml': strToU8('<?xml version="1.0"?><cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t"><dc:title>Why the ferry matters</dc:title><dc:creator>Sam Student</dc:creator><dcterms:created>2024-09-30T10:00:00Z</dcterms:created></cp:coreProperties>'),
      }),
    );
    await importFiles([essay]);
    await page.goto(`${fileUrl()}#/doc/ferry-essay`);
    const main = page.locator('main');
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('Without it, the island is cut off.');
    expect(await main.innerText()).toMatch(/By Sam Student · 30 September 2024/);
    expect(await main.innerText()).not.toContain('A deleted sentence.');
    expect(watch.problems()).toEqual([]);
  });

  it('imports a TextEdit RTF letter, an EPUB book and a page saved without .html, each as its text', async () => {
    const letter = join(dir, 'harbour-letter.rtf');
    writeFileSync(letter, Buffer.from(String.raw`{\rtf1\ansi\ansicpg1252{\fonttbl\f0\fswiss Helvetica;}{\info{\title A letter on the ferry}{\author Ann Lee}{\creatim\yr2024\mo5\dy2}}\f0 The ferry\'92s last crossing is not the town\'92s last word.\
\
Yours, Ann.}`, 'latin1'));
    const chapter = (t: string, p: string) => strToU8(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${t}</title></head><body><h1>${t}</h1><p>${p}</p></body></html>`);
    const book = join(dir, 'river-papers.epub');
    writeFileSync(
      book,
      zipSync({
        mimetype: [strToU8('application/epub+zip'), { level: 0 }],
        'META-INF/container.xml': strToU8('<container><rootfiles><rootfile full-path="OPS/book.opf"/></rootfiles></container>'),
        'OPS/book.opf': strToU8('<package><metadata><dc:title>The River Papers</dc:title><dc:creator>Bo Chen</dc:creator><dc:date>1911</dc:date></metadata><manifest><item id="a" href="one.xhtml"/><item id="b" href="two.xhtml"/></manifest><spine><itemref idref="a"/><itemref idref="b"/></spine></package>'),
        'OPS/one.xhtml': chapter('The flood', 'The river rose in the night.'),
        'OPS/two.xhtml': chapter('The bridge', 'By spring the bridge was built.'),
      }),
    );
    const saved = join(dir, 'ferry-story.cms');
    writeFileSync(saved, '<!DOCTYPE html><html><head><title>Ferry saved | Coastal Herald</title><meta property="og:site_name" content="Coastal Herald"></head><body><nav>Home News</nav><article><h1>Ferry saved</h1><p>The harbour town voted to keep its ferry, the council said on Monday.</p></article></body></html>');
    await importFiles([letter, book, saved]);
    expect(await page.locator('.progress .detail').innerText()).toMatch(/3 imported/);
    const main = page.locator('main');
    await page.goto(`${fileUrl()}#/doc/harbour-letter`);
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('The ferry’s last crossing is not the town’s last word.');
    expect(await main.innerText()).toMatch(/A letter on the ferry[\s\S]*By Ann Lee · 2 May 2024/);
    expect(await main.innerText()).not.toContain('Helvetica');
    await page.goto(`${fileUrl()}#/doc/river-papers`);
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toMatch(/The river rose in the night\.[\s\S]*By spring the bridge was built\./);
    expect(await main.innerText()).toMatch(/The River Papers[\s\S]*By Bo Chen · 1911/);
    await page.goto(`${fileUrl()}#/doc/ferry-story`);
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('The harbour town voted to keep its ferry');
    expect(await main.innerText()).not.toContain('Home News');
    expect(watch.problems()).toEqual([]);
  });

  it('imports a PDF as its paragraphs, a page saved as one .mhtml file as its article and an old Word .doc as its text, and a Safari .webarchive as its article, and refuses a scanned PDF saying to run text recognition', async () => {
    const scan = join(dir, 'scanned-page.pdf');
    writeFileSync(scan, '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 30 >>\nstream\nq 600 0 0 800 0 0 cm /Im1 Do Q\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await importFiles([join(FIXTURES, 'pdf/printed-by-chromium.pdf'), scan, join(FIXTURES, 'mhtml/ferry-saved-by-chromium.mhtml'), join(FIXTURES, 'doc/essay-by-libreoffice.doc'), join(FIXTURES, 'webarchive/ferry-saved.webarchive')]);
    expect(await page.locator('.progress .detail').innerText()).toMatch(/4 imported, 1 refused/);
    await expect.poll(() => page.locator('.refused').innerText()).toMatch(/scanned-page\.pdf\s+has no text layer .*text recognition \(OCR\)/);
    await page.goto(`${fileUrl()}#/doc/printed-by-chromium`);
    const main = page.locator('main');
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('de bien développer, utiliser et gouverner l’Internet, « afin qu’il profite mieux à l’humanité ».');
    const text = await main.innerText();
    expect(text).toContain('Une déclaration commune');
    expect(text).toContain('Une œuvre finale, efficace et fidèle.');
    await screenshot(page, 'import-files-pdf');
    await page.goto(`${fileUrl()}#/doc/ferry-saved-by-chromium`);
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('La ville portuaire a voté pour garder son ferry');
    expect(await main.innerText()).toMatch(/Le ferry sauvé[\s\S]*Le Courrier du Port · By Anne Leroy · 15 March 2023/);
    expect(await main.innerText()).not.toContain('Accueil');
    await page.goto(`${fileUrl()}#/doc/essay-by-libreoffice`);
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('Zażółć gęślą jaźń. Ελληνικά κείμενα. Русский текст.');
    expect(await main.innerText()).toContain('Why the ferry matters');
    await page.goto(`${fileUrl()}#/doc/ferry-saved`);
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('The service will run all winter, twice a day');
    expect(await main.innerText()).toMatch(/Island Times · By Bo Chen · 16 March 2023/);
    expect(watch.problems()).toEqual([]);
  });

  it('imports an article clipped to Markdown as its words, each mark struck through in Original', async () => {
    const md = join(dir, 'ferry-clipped.md');
    writeFileSync(
      md,
      '---\ntitle: Ferry kept\noutlet: Island Times\ndate: 2023-03-18\n---\n# Ferry kept\n\n![The ferry](https://img.example/ferry.jpg)\n\n' +
        'The **harbour town** voted to keep its ferry, [the council](https://town.example/council) said on Monday.\n\n> “It is a victory for the island,” the mayor said.\n',
    );
    await importFiles([md]);
    await page.goto(`${fileUrl()}#/doc/ferry-clipped`);
    const main = page.locator('main');
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('The harbour town voted to keep its ferry, the council said on Monday.');
    expect(await main.innerText()).not.toMatch(/\*\*|town\.example|img\.example/);
    await page.getByRole('button', { name: /^Original/ }).click();
    await expect.poll(() => main.innerText(), { timeout: 10_000 }).toContain('Markdown marks ×');
    expect(await main.locator('del, s', { hasText: 'https://town.example/council' }).count()).toBeGreaterThan(0);
    expect(watch.problems()).toEqual([]);
  });

  it('fits a phone screen', async () => {
    const phone = await session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${fileUrl()}#/library`);
    await phone.getByTestId('import-files').setInputFiles(files.slice(0, 2));
    await phone.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 60_000 });
    await phone.locator('.read tbody tr', { hasText: 'grandmothers-kitchen.txt' }).getByRole('button', { name: /as another encoding/ }).click();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await phone.locator('.read').scrollIntoViewIfNeeded();
    await screenshot(phone, 'import-files-summary-390');
  });
});
