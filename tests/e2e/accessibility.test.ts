/**
 * Every view of the built file, in the light and the dark theme, checked by
 * axe (no serious or critical violations) and reachable with no console
 * errors. The views' own tests check what they show; this one guards that
 * none of them regresses for keyboard and screen-reader users.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, fileUrl, launchBrowser, runAxe, seriousViolations, watchPage, type BrowserSession } from './harness.ts';

const A = '000_f22addc8756c0a81';
const B = '004_f51e464d7cf6a9c4';
const VIEWS: [string, string, RegExp][] = [
  ['library', '#/', /documents, [\d,]+ words/],
  ['reader', `#/doc/${A}`, /Jointly promoting/],
  ['reader, original', `#/doc/${A}?mode=original`, /removals and repairs marked/],
  ['phrases', '#/phrases', /Recurring phrases/],
  ['compare', `#/compare/${A}/${B}`, /Compare two documents/],
  ['search', '#/search?q=digital%20divide', /Search/],
  ['concordance', '#/kwic?q=cyberspace', /Concordance/],
  ['trends', '#/trends?terms=cyberspace,digital%20divide', /Trends/],
  ['your notes', '#/notes', /Your notes/],
  ['not found', '#/nowhere', /Nothing here|Refrain has no view|showing the library/],
];

let session: BrowserSession;
beforeAll(async () => {
  assertBuilt();
  session = await launchBrowser();
});
afterAll(async () => session?.close());

describe.each(['light', 'dark'] as const)('in the %s theme', (colorScheme) => {
  it.each(VIEWS)('%s has no serious or critical axe violations', async (_name, hash, heading) => {
    const page = await session.newPage({ colorScheme });
    const watch = watchPage(page);
    await page.goto(fileUrl() + hash);
    await page.getByText(heading).first().waitFor({ timeout: 15_000 });
    // Let views that wait for the worker (phrases, search, trends) finish rendering.
    await page.waitForFunction(() => !document.querySelector('[role="status"]')?.textContent?.includes('Finding recurring passages'), null, { timeout: 15_000 });
    await page.waitForTimeout(300);
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    expect(watch.problems()).toEqual([]);
    await page.context().close();
  });
});
