/**
 * Bringing your own texts, in Chromium over the built file (file://): three
 * small files through the import panel (one with a script and an
 * `<img onerror>` that must never run or load), progress, the library,
 * search, a comparison with a planted shared passage, a PNG refused by name,
 * the corpus still there after reload, and export → import in a fresh profile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filler } from './custom-build.ts';
import { fileUrl, launchBrowser, makeTempDir, openBuilt, screenshot, watchPage, writeTempFiles, type BrowserSession, type PageWatch } from './harness.ts';

const SHARED = 'Leaders agreed that every river town must publish its water quality report each spring so that residents can judge the progress themselves.';
const files = {
  'green-notes.txt': `${filler(1, 6)}\n\n${SHARED}\n\n${filler(2, 6)}\n`,
  'blue.md': `---\ntitle: Blue planted report\noutlet: Blue Times\nauthor: Ann Lee\ndate: 2021-05\n---\n${filler(4, 5)}\n\n${SHARED}\n\n${filler(5, 5)}\n`,
  'red.html': `<html lang="en"><head><title>Red page</title><meta property="og:site_name" content="Red Web"><meta property="article:published_time" content="2020-03-04T10:00:00Z">
    <script>window.__pwned = 'head script'</script></head><body><p>${filler(7, 6)}</p>
    <script>window.__pwned = 'body script'</script><img src="https://example.invalid/x.png" onerror="window.__pwned = 'onerror'">
    <p>${filler(8, 6)}</p></body></html>`,
};
const paths = writeTempFiles(files, 'refrain-import-e2e-');
const dir = dirname(paths[0]!);
const png = join(dir, 'photo.png');
writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));

let session: BrowserSession;
let page: Page;
let watch: PageWatch;
const profile = makeTempDir('refrain-import-profile-');

beforeAll(async () => {
  ({ session, page, watch } = await openBuilt({ hash: '#/library', userDataDir: profile }));
});
afterAll(async () => session?.close());

function offFile(w: PageWatch): string[] {
  return w.networkRequests().filter((u) => !u.startsWith('file:'));
}

describe('import', () => {
  it('imports three files with progress; scripts never run and nothing loads', async () => {
    await page.getByRole('button', { name: /Drop files or a folder here/ }).waitFor();
    await page.getByTestId('import-files').setInputFiles(paths);
    await expect.poll(() => page.getByRole('progressbar').count()).toBe(1);
    await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.card h2').allInnerTexts()).toEqual(expect.arrayContaining(['Blue planted report', 'Red page', 'green notes']));
    expect(await page.locator('.progress .detail').innerText()).toMatch(/3 imported/);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    const red = page.locator('.card', { hasText: 'Red page' });
    expect(await red.innerText()).toMatch(/4 March 2020/);
    expect(await page.getByRole('row', { name: /Red Web/ }).count()).toBe(1);
    await screenshot(page, 'import-library');
    expect(offFile(watch)).toEqual([]);
    expect(watch.problems()).toEqual([]);
  });

  it('refuses a PNG, naming the file and why', async () => {
    await page.getByTestId('import-files').setInputFiles([png]);
    await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor();
    await expect.poll(() => page.locator('.refused').innerText()).toMatch(/photo\.png\s+is a PNG image, not text/);
    await screenshot(page, 'import-refused-png');
  });

  it('searches the imported texts', async () => {
    await page.goto(`${fileUrl()}#/search?q=${encodeURIComponent('water quality report')}`);
    await expect.poll(() => page.locator('.results h2').allInnerTexts(), { timeout: 20_000 }).toEqual(expect.arrayContaining(['Blue planted report', 'green notes']));
  });

  it('compares two imported documents and finds the planted passage', async () => {
    await page.goto(`${fileUrl()}#/compare/blue/green-notes`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toMatch(/publish its water quality report/);
    await screenshot(page, 'import-compare');
    expect(watch.problems()).toEqual([]);
  });

  it('keeps the corpus across a reload', async () => {
    // "#/library", not "#/": opened at "#/", Refrain returns to the last view (the comparison above), and
    // whether the move to "#/" was saved before the reload is a race.
    await page.goto(`${fileUrl()}#/library`);
    await page.reload();
    await expect.poll(() => page.locator('.card h2').allInnerTexts()).toEqual(expect.arrayContaining(['Blue planted report', 'Red page', 'green notes']));
    expect(await page.locator('#corpus-select option:checked').innerText()).toMatch(/3 documents/);
  });

  it('adds nothing when the same files are imported again, and says which', async () => {
    await page.goto(`${fileUrl()}#/library`);
    await page.getByTestId('import-files').setInputFiles(paths);
    await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.progress .detail').innerText()).toMatch(/^0 imported\. 3 documents already in this corpus, not added again: blue\.md, green-notes\.txt, red\.html\.$/);
    expect(await page.locator('#corpus-select option:checked').innerText()).toMatch(/3 documents/);
    expect(await page.locator('.card h2').count()).toBe(3);
    await screenshot(page, 'import-again-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('.progress').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-again-390');
    await page.setViewportSize({ width: 1280, height: 720 });
    // Another text under a name the corpus has is still added, as -2.
    const other = join(makeTempDir('refrain-import-other-'), 'green-notes.txt');
    writeFileSync(other, `${filler(9, 6)}\n`);
    await page.getByTestId('import-files').setInputFiles([other]);
    await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.progress .detail').innerText()).toBe('1 imported.');
    await expect.poll(() => page.locator('#corpus-select option:checked').innerText()).toMatch(/4 documents/);
    expect(await page.locator('.card[data-doc="green-notes-2"]').count()).toBe(1);
    expect(watch.problems()).toEqual([]);
  });

  it('adds once a file two tabs import, the second tab told so', async () => {
    const late = join(makeTempDir('refrain-import-late-'), 'late.txt');
    writeFileSync(late, `${filler(11, 6)}\n`);
    const second = await session.newPage(); // the same profile: another tab, open before the first imports
    await second.goto(`${fileUrl()}#/library`);
    await expect.poll(() => second.locator('#corpus-select option:checked').innerText()).toMatch(/4 documents/);
    await page.getByTestId('import-files').setInputFiles([late]);
    await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
    await second.getByTestId('import-files').setInputFiles([late]);
    await second.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
    expect(await second.locator('.progress .detail').innerText()).toBe('0 imported. 1 document already in this corpus, not added again: late.txt.');
    await second.reload();
    await expect.poll(() => second.locator('#corpus-select option:checked').innerText()).toMatch(/5 documents/);
    await second.close();
  });

  it('exports the corpus and imports it in a fresh profile in one step', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export corpus' }).click()]);
    const out = join(makeTempDir('refrain-export-'), download.suggestedFilename());
    await download.saveAs(out);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'refrain-corpus', version: 1 });
    const fresh = await launchBrowser();
    try {
      const other = await fresh.newPage();
      const w = watchPage(other);
      await other.goto(`${fileUrl()}#/library`);
      await other.getByTestId('import-corpus-file').setInputFiles(out);
      await other.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
      await expect.poll(() => other.locator('.card h2').allInnerTexts()).toEqual(expect.arrayContaining(['Blue planted report', 'Red page', 'green notes']));
      expect(await other.locator('h1').innerText()).toMatch(/My texts/);
      await screenshot(other, 'import-fresh-profile');
      expect(w.problems()).toEqual([]);
      expect(offFile(w)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

