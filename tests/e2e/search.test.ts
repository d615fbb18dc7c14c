/**
 * Search, concordance and trends in the built file (Chromium): type a query,
 * see marked results, open one and land on the marked hit; share the URL and
 * get the same results in a fresh page; stored markup stays text.
 *
 * Uses dist/ (the seeds; `npm run test:e2e` builds it) and builds its own
 * copy with the corpus in tests/fixtures/search-xss.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildWithCorpus } from './custom-build.ts';
import { DIST, launchBrowser, makeTempDir, ROOT, runAxe, screenshot, seriousViolations, watchPage, type BrowserSession, type PageWatch } from './harness.ts';

const SEEDS_HTML = join(DIST, 'index.html');
const XSS_FIXTURE = join(ROOT, 'tests', 'fixtures', 'search-xss');
let XSS_HTML: string;
const WAIT = { timeout: 10_000 };

let session: BrowserSession;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  if (!existsSync(SEEDS_HTML)) throw new Error(`e2e search: ${SEEDS_HTML} is missing; run npm run build first.`);
  XSS_HTML = await buildWithCorpus('search-xss', Object.fromEntries(readdirSync(XSS_FIXTURE).map((f) => [f, readFileSync(join(XSS_FIXTURE, f), 'utf8')])));
  session = await launchBrowser();
});
afterAll(async () => session?.close());
beforeEach(async () => {
  context = await session.newContext();
  page = await context.newPage();
  watch = watchPage(page);
});
afterEach(async () => {
  await context.close();
  expect(watch.problems()).toEqual([]);
});

const url = (file: string, hash: string) => pathToFileURL(file).href + hash;

describe('search', () => {
  it('finds marked results as you type, keeps the query in the URL, opens the reader at the marked hit', async () => {
    await page.goto(url(SEEDS_HTML, '#/search'));
    const box = page.getByRole('searchbox', { name: /Words or "exact phrase"/ });
    await box.waitFor(WAIT);
    await box.pressSequentially('digital divide', { delay: 20 });
    await page.locator('a.hit mark').first().waitFor(WAIT);
    const marks = await page.locator('a.hit mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(1);
    for (const m of marks) expect(m.toLowerCase()).toMatch(/^digital|^divide/);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/search?q=digital%20divide');
    expect(await runAxe(page).then(seriousViolations)).toEqual([]);
    await screenshot(page, 'search-results');

    // Keyboard: ↓ from the box to the first result, ↓ again to the next, Enter opens it.
    await box.focus();
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement?.className ?? '');
    expect(first).toContain('hit');
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe(target);
    const mark = page.locator('[data-testid="clean-text"] mark');
    await mark.waitFor(WAIT);
    expect((await mark.innerText()).toLowerCase()).toMatch(/digital|divide/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('MARK');
    await screenshot(page, 'search-reader-hit');
  });

  it('opens a shared search link in a fresh page with the same results', async () => {
    await page.goto(url(SEEDS_HTML, '#/search?q=%22shared%20future%22'));
    await page.locator('a.hit mark').first().waitFor(WAIT);
    const status = await page.getByRole('status').first().innerText();
    const hits = await page.locator('a.hit').count();
    const fresh = await (await session.newContext()).newPage();
    await fresh.goto(page.url());
    await fresh.locator('a.hit mark').first().waitFor(WAIT);
    expect(await fresh.locator('a.hit').count()).toBe(hits);
    expect(await fresh.getByRole('status').first().innerText()).toBe(status);
    await fresh.context().close();
  });

  it('explains a malformed query and an empty result', async () => {
    await page.goto(url(SEEDS_HTML, '#/search?q=of%20the'));
    await page.getByText(/only very common words/).waitFor(WAIT);
    await page.goto(url(SEEDS_HTML, `#/search?q=${'x'.repeat(2000)}`));
    await page.getByText(/at most 500 are searched/).waitFor(WAIT);
    await page.goto(url(SEEDS_HTML, '#/search?q=zebra'));
    await page.getByText(/No paragraph contains/).waitFor(WAIT);
  });
});

describe('stored markup and Chinese (fixture corpus)', () => {
  it('shows <img onerror> as text in results and the reader, and runs nothing', async () => {
    await page.goto(url(XSS_HTML, '#/search?q=lighthouse%20keepers'));
    const hit = page.locator('a.hit').first();
    await hit.waitFor(WAIT);
    expect(await hit.innerText()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.locator('main img').count()).toBe(0);
    await screenshot(page, 'search-xss');
    await hit.click();
    await page.locator('[data-testid="clean-text"]').waitFor(WAIT);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('finds and marks a word inside a run of Han characters', async () => {
    await page.goto(url(XSS_HTML, '#/search?q=空间'));
    const mark = page.locator('a.hit mark').first();
    await mark.waitFor(WAIT);
    expect(await mark.innerText()).toBe('空间');
  });
});

describe('concordance and trends', () => {
  it('lists every occurrence in context and offers a CSV download', async () => {
    await page.goto(url(SEEDS_HTML, '#/kwic?q=cyberspace&sort=left'));
    await page.locator('table.kwic tbody tr').first().waitFor(WAIT);
    expect(await page.locator('table.kwic tbody tr').count()).toBeGreaterThan(20);
    // The lines fit the window: each context cut at its far end, the keyword and the source in view, no sideways scroll.
    const fit = await page.locator('table.kwic').evaluate((t) => ({ table: t.getBoundingClientRect().right, page: document.documentElement.clientWidth, box: t.parentElement!.scrollWidth - t.parentElement!.clientWidth }));
    expect(fit.box).toBeLessThanOrEqual(1);
    expect(fit.table).toBeLessThanOrEqual(fit.page);
    const source = page.locator('table.kwic tbody tr:not(.src-row) td.src').first();
    expect(await source.evaluate((td) => td.getBoundingClientRect().right <= document.documentElement.clientWidth && td.scrollWidth <= td.clientWidth)).toBe(true);
    const download = page.getByRole('link', { name: 'Download CSV' });
    expect(await download.getAttribute('download')).toBe('concordance-cyberspace.csv');
    // The file starts with the UTF-8 byte-order mark (Excel reads it as UTF-8).
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const saved = join(makeTempDir('refrain-kwic-csv-'), 'concordance.csv');
    await file.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 12).toString('latin1')).toBe('\xef\xbb\xbfdocument,');
    expect(await runAxe(page).then(seriousViolations)).toEqual([]);
    await screenshot(page, 'kwic');
  });

  it('adds the terms typed with commas between as terms of their own', async () => {
    await page.goto(url(SEEDS_HTML, '#/trends'));
    await page.getByLabel(/Add a word or phrase/).fill('cyberspace, 命运共同体');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Terms compared' }).getByRole('listitem').allTextContents()).toEqual(['cyberspace ×', '命运共同体 ×']);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#/trends?terms=cyberspace,命运共同体');
  });

  it('charts terms by year and outlet with a table, and opens a cell in context', async () => {
    await page.goto(url(SEEDS_HTML, '#/trends?terms=cyberspace,digital%20divide'));
    await page.getByRole('table', { name: /By year/ }).waitFor(WAIT);
    await page.getByText(/log-likelihood G²/).first().waitFor(WAIT);
    await page.getByRole('table', { name: /By year/ }).getByRole('button').first().click();
    await page.locator('.lines table.kwic tbody tr').first().waitFor(WAIT);
    expect(await runAxe(page).then(seriousViolations)).toEqual([]);
    await screenshot(page, 'trends');
  });
});
