/**
 * Every view of the built file, in the light and the dark theme, checked by
 * axe (no serious or critical violations) and reachable with no console
 * errors, and on a phone-sized screen without sideways scrolling. The views'
 * own tests check what they show; this one guards that none of them
 * regresses for keyboard, screen-reader and phone users.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, fileUrl, launchBrowser, runAxe, screenshot, seriousViolations, watchPage, type BrowserSession } from './harness.ts';

const A = '000_f22addc8756c0a81';
const B = '004_f51e464d7cf6a9c4';
const VIEWS: [string, string, RegExp][] = [
  ['home', '#/', /See how the same phrases recur/],
  ['library', '#/library', /documents, [\d,]+ words/],
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

describe('on a phone-sized screen (390 × 844)', () => {
  // Family ids come from the analysis: "family" is the first formula opened from the phrases view.
  it.each([...VIEWS, ['family', '#/phrases', /Every version aligned/] as [string, string, RegExp]])('%s fits the width (no sideways scrolling of the page)', async (name, hash, heading) => {
    const page = await session.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(fileUrl() + hash);
    if (name === 'family') await page.locator('a[href*="#/family/"]').first().click();
    await page.getByText(heading).first().waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => !document.querySelector('[role="status"]')?.textContent?.includes('Finding recurring passages'), null, { timeout: 15_000 });
    await page.waitForTimeout(300);
    // Wide tables scroll inside their own region; the page itself must not.
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')].filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= width + 1) return false;
        for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return false;
        return true;
      });
      return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`) };
    });
    expect(overflow).toEqual({ scroll: 0, wide: [] });
    // Every view's link is in sight: none hidden past the edge of a sideways-scrolling bar.
    const cut = await page.evaluate(() => [...document.querySelectorAll('nav[aria-label="Views"] a')]
      .filter((a) => { const r = a.getBoundingClientRect(); return r.left < 0 || r.right > document.documentElement.clientWidth + 1; })
      .map((a) => a.textContent));
    expect(cut).toEqual([]);
    await page.context().close();
  });
});

describe('with the keyboard', () => {
  it('the phrases view offers a skip past the outlet × year matrix to the formulas, visible when focused', async () => {
    const page = await session.newPage();
    await page.goto(fileUrl() + '#/phrases');
    await page.locator('.families a.label').first().waitFor({ timeout: 15_000 });
    const skip = page.getByRole('link', { name: 'Skip to the formulas' });
    const matrixButtons = page.locator('section[aria-labelledby="matrix-title"] table button');
    expect(await matrixButtons.count()).toBeGreaterThan(1);
    // Tab from the top of the page: the skip link comes before every cell of the matrix.
    await page.locator('h1').click();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { text: el?.textContent?.trim() ?? '', inMatrix: !!el?.closest('section[aria-labelledby="matrix-title"] table') };
    });
    let stops = 0;
    for (; stops < 40; stops++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      expect(f.inMatrix).toBe(false);
      if (f.text === 'Skip to the formulas') break;
    }
    expect(stops).toBeLessThan(40);
    const box = await skip.boundingBox();
    expect(box && box.x >= 0 && box.width > 20 && box.height > 10).toBe(true);
    await screenshot(page, 'phrases-skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('families-title');
    // From the heading, the first formula is a few stops away (the sort choice, maybe the boilerplate box), not a matrix away.
    let toFormula = 0;
    while (toFormula < 4 && !(await page.evaluate(() => document.activeElement?.matches('.families a.label')))) {
      await page.keyboard.press('Tab');
      toFormula++;
      expect((await focused()).inMatrix).toBe(false);
    }
    expect(await page.evaluate(() => document.activeElement?.matches('.families a.label'))).toBe(true);
    expect(await skip.boundingBox().then((b) => (b?.x ?? -1) < 0)).toBe(true); // hidden again when not focused
    await page.context().close();
  });
});
