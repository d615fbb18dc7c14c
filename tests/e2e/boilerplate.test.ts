/**
 * One outlet's boilerplate (a footer its every article repeats) is kept out
 * of the Phrases list but never dropped: the list says how many formulas it
 * leaves out, shows them last on request, and the formula's own view says
 * why, in figures a reader can check (the outlet's documents that repeat it,
 * and how many documents elsewhere do not). Imported through the panel in a
 * fresh profile, beside the bundled corpus.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filler } from './custom-build.ts';
import { fileUrl, importThroughPanel, makeTempDir, openBuilt, screenshot, writeTempFiles, type BrowserSession, type PageWatch } from './harness.ts';

const FOOTER = 'Read more River Gazette stories about the valley and its people every morning on our website and in print.';
const SLOGAN = 'Every river town must publish its water quality report each spring so that residents can judge the progress themselves.';
const doc = (title: string, outlet: string | null, day: number, body: string) =>
  `---\ntitle: ${title}\n${outlet ? `outlet: ${outlet}\n` : ''}date: 2021-05-${String(day).padStart(2, '0')}\n---\n${body}\n`;
const files: Record<string, string> = {};
for (let k = 0; k < 6; k++) {
  files[`gazette-${k}.md`] = doc(`Gazette ${k}`, 'River Gazette', k + 1, `${filler(40 + k, 5)}\n\n${k < 3 ? `${SLOGAN}\n\n` : ''}${filler(60 + k, 3)}\n\n${FOOTER}`);
}
for (let k = 0; k < 6; k++) {
  files[`other-${k}.md`] = doc(`Other ${k}`, k < 4 ? 'Valley Post' : null, k + 10, `${filler(80 + k, 5)}\n\n${k < 3 ? `${SLOGAN}\n\n` : ''}${filler(100 + k, 4)}`);
}
const paths = writeTempFiles(files, 'refrain-boilerplate-');

let session: BrowserSession;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  ({ session, page, watch } = await openBuilt({ userDataDir: makeTempDir('refrain-boilerplate-profile-') }));
  await importThroughPanel(page, paths);
});
afterAll(async () => session?.close());

describe("one outlet's boilerplate", () => {
  it('is left out of the list, counted, and listed last on request', async () => {
    await page.goto(`${fileUrl()}#/phrases`);
    const slogan = page.locator('a[href^="#/family/"]', { hasText: /water quality report/ });
    await slogan.first().waitFor({ timeout: 30_000 });
    const footer = page.locator('a[href^="#/family/"]', { hasText: /River Gazette stories/ });
    expect(await footer.count()).toBe(0);
    await expect.poll(() => page.locator('main').innerText()).toMatch(/1 of them is one outlet's boilerplate \(a footer, a byline\), not listed\./);
    const box = page.getByLabel(/Show one outlet's boilerplate \(1\)/);
    await box.focus();
    await page.keyboard.press('Space');
    await footer.first().waitFor();
    const links = await page.locator('a[href^="#/family/"]').allInnerTexts();
    expect(links.findIndex((t) => /River Gazette stories/.test(t))).toBe(links.length - 1);
    await expect.poll(() => page.locator('main').innerText()).toMatch(/listed last/);
  });

  it("says why in its own view: the outlet's documents that repeat it, and those elsewhere that do not", async () => {
    await page.locator('a[href^="#/family/"]', { hasText: /River Gazette stories/ }).first().click();
    const why = page.locator('p.related', { hasText: /boilerplate/ });
    // The import is the corpus now: 6 Gazette articles, and elsewhere 6 texts (two name no outlet), 3 of them with the slogan only.
    await expect.poll(() => why.innerText(), { timeout: 20_000 }).toMatch(
      /One outlet's boilerplate \(a footer, a byline, navigation\): all 6 of River Gazette's documents repeat this, and 6 documents elsewhere \(other outlets', or with no outlet named\) do not\. It is listed in Phrases only on request\./,
    );
    await screenshot(page, 'boilerplate-family');
    expect(watch.problems()).toEqual([]);
  });
});
