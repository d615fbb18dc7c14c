/**
 * What an import refuses, in Chromium over the built file (issue #14): an
 * import where every file is refused leaves no "(0 documents)" corpus; a
 * shared corpus file whose one document has 10,000 levels of `meta` imports
 * the rest and names that one (item 8); a title over the limit is refused
 * with its message, in a file and in the paste form (item 9), and no card
 * grows wider than the page; a reload during a 400-file import says that
 * the import was cut short and how much of it was saved.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filler } from './custom-build.ts';
import { makeTempDir, openBuilt, screenshot, type BrowserSession, type PageWatch } from './harness.ts';

const dir = makeTempDir('refrain-import-refusals-');
const meta = (id: string, title: string) => ({ id, title, outlet: 'Post', author: null, date: '2021', language: 'en', provenance: 'Written for the test.' });
const corpusFile = join(dir, 'shared.refrain-corpus.json');
writeFileSync(
  corpusFile,
  `{"format":"refrain-corpus","version":1,"name":"Shared set","exportedAt":1,"documents":[${[
    JSON.stringify({ source: 'first.txt', meta: meta('first', 'First shared text'), original: filler(1, 6) }),
    `{"source":"deep.txt","meta":{"id":"deep","title":"Deep","clean":${'{"x":'.repeat(10_000)}1${'}'.repeat(10_000)}},"original":${JSON.stringify(filler(2, 6))}}`,
    JSON.stringify({ source: 'third.txt', meta: meta('third', 'Third shared text'), original: filler(3, 6) }),
  ].join(',')}]}`,
);
const longTitle = join(dir, 'long-title.md');
writeFileSync(longTitle, `---\ntitle: ${'A very long title. '.repeat(1000).trim()}\n---\n${filler(4, 6)}\n`);
const png = join(dir, 'scan.png');
writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
const fine = join(dir, 'fine.md');
writeFileSync(fine, `---\ntitle: A fine title\n---\n${filler(5, 6)}\n`);

let session: BrowserSession;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  ({ session, page, watch } = await openBuilt({ hash: '#/library', viewport: { width: 1280, height: 800 } }));
});
afterAll(async () => session?.close());

describe('an import refuses one document and keeps the rest', () => {
  it('an import where every file is refused leaves no empty corpus behind, and says why', async () => {
    await page.getByRole('button', { name: /Drop files or a folder here/ }).waitFor();
    const bundled = await page.locator('h1').innerText();
    await page.getByTestId('import-files').setInputFiles([png, longTitle]);
    await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.progress .detail').innerText()).toMatch(/0 imported, 2 refused/);
    expect(await page.locator('.refused').innerText()).toMatch(/scan\.png\s+is a PNG image/);
    await expect.poll(() => page.locator('h1').innerText()).toBe(bundled);
    expect(await page.locator('#corpus-select option').allInnerTexts()).not.toContainEqual(expect.stringMatching(/My texts|0 documents/));
    await page.reload();
    await page.getByRole('button', { name: /Drop files or a folder here/ }).waitFor();
    expect(await page.locator('#corpus-select option').allInnerTexts()).not.toContainEqual(expect.stringMatching(/My texts|0 documents/));
  });

  it('a corpus file with one document nested 10,000 levels deep: the others arrive, that one is named', async () => {
    await page.getByRole('button', { name: /Drop files or a folder here/ }).waitFor();
    await page.getByTestId('import-corpus-file').setInputFiles(corpusFile);
    await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('.card h2').allInnerTexts()).toEqual(['First shared text', 'Third shared text']);
    expect(await page.locator('.refused').innerText()).toMatch(/deep\.txt\s+meta is nested more than 8 levels deep/);
    expect(await page.locator('.progress .detail').innerText()).toMatch(/2 imported, 1 refused/);
    expect(watch.problems()).toEqual([]);
  });

  it('a title over the limit is refused with its message; the other file imports', async () => {
    await page.getByTestId('import-files').setInputFiles([longTitle, fine]);
    await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.refused').innerText()).toMatch(/long-title\.md\s+title: is 18,999 characters long; the limit is 300/);
    await expect.poll(() => page.locator('.card h2').allInnerTexts()).toContain('A fine title');
    // Every card stays the width of the page.
    const widest = await page.locator('.card').evaluateAll((cards) => Math.max(0, ...cards.map((c) => c.getBoundingClientRect().width)));
    expect(widest).toBeLessThan(1280);
    await screenshot(page, 'import-refused-long-title');
    expect(watch.problems()).toEqual([]);
  });

  it('a reload during a 400-file import says the import was cut short and how far it got', async () => {
    const many = makeTempDir('refrain-import-many-');
    const paths = Array.from({ length: 400 }, (_, i) => {
      const path = join(many, `note-${String(i).padStart(3, '0')}.txt`);
      writeFileSync(path, `${filler(i, 8)}\n`);
      return path;
    });
    await page.locator('#corpus-select').selectOption({ label: 'Shared set (3 documents)' });
    await page.getByRole('button', { name: /Drop files or a folder here/ }).waitFor();
    await page.getByTestId('import-files').setInputFiles(paths);
    await expect.poll(() => page.locator('.card').count(), { timeout: 60_000, interval: 50 }).toBeGreaterThan(3);
    await page.reload();
    const notice = page.locator('p.notice', { hasText: 'cut short' });
    await notice.waitFor({ timeout: 30_000 });
    const said = (await notice.innerText()).split('\n')[0]!.trim();
    const saved = Number(/: ([\d,]+) of them (?:was|were) saved/.exec(said)?.[1]?.replace(/,/g, ''));
    expect(said).toMatch(/^The import of 400 files into “Shared set” was cut short when the page was reloaded: [\d,]+ of them (was|were) saved\. Import the rest again\.$/);
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(400);
    expect(await page.locator('#corpus-select option:checked').innerText()).toBe(`Shared set (${saved + 3} documents)`);
    await screenshot(page, 'import-cut-short');
    // Said once: the next reload is quiet.
    await page.reload();
    await page.locator('#corpus-select').waitFor();
    await page.getByRole('button', { name: /Drop files or a folder here/ }).waitFor();
    expect(await page.locator('p.notice', { hasText: 'cut short' }).count()).toBe(0);
  });

  it('the paste form says a title is over the limit (the same limit), and adds nothing', async () => {
    const cards = await page.locator('.card').count();
    await page.locator('.paste summary').click();
    await page.locator('#paste-text').fill(filler(6, 6));
    await page.locator('#paste-title').fill('t'.repeat(301));
    await page.getByRole('button', { name: 'Add this text' }).click();
    await expect.poll(() => page.locator('#paste-title-hint').innerText()).toBe('is 301 characters long; the limit is 300');
    expect(await page.locator('#paste-title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.card').count()).toBe(cards);
  });
});
