/**
 * The views a reader opens Refrain for, on a corpus built for the test (not
 * the seeds): a planted slogan and its reworded variant, a long document
 * against a short one, and documents that share nothing. From the phrases
 * list to a family's collation table to a two-document comparison, with the
 * swapped words marked, synchronised scrolling, keyboard navigation, the
 * "too different" state, and axe on each view.
 */
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWithCorpus, filler } from './custom-build.ts';
import { launchBrowser, runAxe, screenshot, seriousViolations, watchPage, type BrowserSession, type PageWatch } from './harness.ts';

const SLOGAN_A = 'Leaders agreed that we must protect the environment for future generations and act before the damage is done.';
const SLOGAN_B = 'Leaders agreed that we must safeguard the environment for coming generations and act before the damage is done.';
const LONG_SHARED = 'The council will publish its annual water quality report every spring so that residents can judge the progress themselves.';

/** Enough documents that the views must cope with a real reading set (50+), some echoing the slogan. */
const crowd = Object.fromEntries(
  Array.from({ length: 56 }, (_, i) => [
    `crowd-${String(i).padStart(2, '0')}.txt`,
    `---\ntitle: Crowd piece ${i}\noutlet: Outlet ${i % 7}\ndate: ${2015 + (i % 8)}\n---\n${filler(300 + i, 4)}\n\n${i % 9 === 0 ? SLOGAN_B : filler(400 + i, 2)}\n\n${filler(500 + i, 3)}\n`,
  ]),
);

const files = {
  ...crowd,
  'green.txt': `---\ntitle: Green planted editorial\noutlet: Green Daily\ndate: 2019-04-02\n---\n${filler(1, 6)}\n\n${SLOGAN_A}\n\n${filler(2, 6)}\n\n${LONG_SHARED}\n\n${filler(3, 4)}\n`,
  'blue.txt': `---\ntitle: Blue planted report\noutlet: Blue Times\ndate: 2021\n---\n${filler(4, 5)}\n\n${SLOGAN_B}\n\n${filler(5, 5)}\n`,
  // A long document with the shared sentence far down, for synchronised scrolling.
  'long.txt': `---\ntitle: Long survey\noutlet: Survey Weekly\ndate: 2020-06\n---\n${Array.from({ length: 40 }, (_, i) => filler(10 + i, 6)).join('\n\n')}\n\n${LONG_SHARED}\n\n${filler(60, 10)}\n`,
  'unrelated.txt': `---\ntitle: Unrelated piece\noutlet: Other Post\n---\n${Array.from({ length: 30 }, (_, i) => filler(100 + i, 6)).join('\n\n')}\n`,
};

let url: string;
let session: BrowserSession;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  url = pathToFileURL(await buildWithCorpus('compare', files)).href;
  session = await launchBrowser();
});
afterAll(async () => session?.close());
afterEach(() => {
  expect(watch.problems()).toEqual([]);
  expect(watch.networkRequests().filter((u) => !u.startsWith('file:'))).toEqual([]);
});

async function open(hash: string) {
  page = await session.newPage();
  watch = watchPage(page);
  await page.goto(`${url}${hash}`);
}

/** Text of each element as seen on screen, without the labels meant for screen readers. */
function visibleTexts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) =>
    els.map((el) => {
      const clone = el.cloneNode(true) as Element;
      clone.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return clone.textContent ?? '';
    }),
  );
}

async function expectAccessible(name: string) {
  expect(seriousViolations(await runAxe(page)), `${name}: axe serious/critical violations`).toEqual([]);
}

describe('phrases → family → compare', () => {
  it('lists the planted formula and opens its collation table with the swapped words marked', async () => {
    await open('#/phrases');
    const family = page.getByRole('link', { name: /(protect|safeguard) the environment for (future|coming) generations/i });
    await expect.poll(() => family.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await screenshot(page, 'compare-corpus-phrases');
    await expectAccessible('phrases');
    // Its facts, spaced: "… · 2 outlets · years 2015, … · first: …".
    const facts = page.locator('ol.families > li', { has: family.first() }).locator('.facts');
    expect((await facts.innerText()).replace(/\s+/g, ' ')).toMatch(/\d+ documents · \d+ versions · \d+ wordings? · \d+ outlets · years [\d, ]+ · first: /);

    await family.first().click();
    const list = page.locator('ol.collation');
    await list.waitFor();
    const rows = list.locator(':scope > li');
    // One entry per wording: the crowd's copies and Blue Times (safeguard/coming, ×8), Green Daily's (protect/future).
    await expect.poll(() => rows.count()).toBe(2);
    // Earliest wording first: the 2015 crowd piece's; it is the most used, so the base.
    await expect.poll(() => rows.nth(0).textContent()).toMatch(/×8.*Outlet 0 2015/s);
    const green = rows.filter({ hasText: 'Green Daily' });
    // Marked against the base: the base's words struck, Green Daily's own underlined.
    expect(await visibleTexts(green.locator('ins'))).toEqual(['protect', 'future']);
    expect(await visibleTexts(green.locator('del'))).toEqual(['safeguard', 'coming']);
    await screenshot(page, 'compare-corpus-family');
    await expectAccessible('family');

    // Make Green Daily's wording the base, so the other one is marked against it.
    await green.getByRole('button', { name: /^Make base/ }).click();
    await expect.poll(() => green.textContent()).toMatch(/The base/);
    const variant = rows.filter({ hasText: '×8' });
    expect(await visibleTexts(variant.locator('ins'))).toEqual(['safeguard', 'coming']);
    await variant.getByText('8 versions, with their context').click();
    const blue = variant.locator('li').filter({ hasText: 'Blue Times' });
    await blue.getByRole('link', { name: /^Compare with the base's document/ }).click();
    await page.getByRole('heading', { name: 'Compare two documents' }).waitFor();
    const [left, right] = [page.locator('section.column').nth(0), page.locator('section.column').nth(1)];
    await expect.poll(() => visibleTexts(left.locator('del'))).toEqual(expect.arrayContaining(['protect', 'future']));
    expect(await visibleTexts(right.locator('ins'))).toEqual(expect.arrayContaining(['safeguard', 'coming']));
    // Deletions are struck through and insertions underlined, not only coloured.
    expect(await left.locator('del').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
    expect(await right.locator('ins').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline');
    await screenshot(page, 'compare-corpus-two-documents');
    await expectAccessible('compare');
  });
});

describe('two documents side by side', () => {
  it('keeps the columns in step when one scrolls, and can be switched off', async () => {
    await open('#/compare/long/green');
    const [left, right] = [page.locator('section.column .text').nth(0), page.locator('section.column .text').nth(1)];
    await left.locator('mark.pair').first().waitFor();
    const before = await right.evaluate((el) => el.scrollTop);
    await left.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => right.evaluate((el) => el.scrollTop)).not.toBe(before);

    await page.getByLabel('Synchronised scrolling').uncheck();
    expect(page.url()).toContain('sync=0');
    const settled = await right.evaluate((el) => el.scrollTop);
    await left.evaluate((el) => (el.scrollTop = 0));
    await page.waitForTimeout(300);
    expect(await right.evaluate((el) => el.scrollTop)).toBe(settled);
  });

  it('reaches the next shared passage from the keyboard and swaps sides', async () => {
    await open('#/compare/green/long');
    await page.locator('mark.pair').first().waitFor();
    await page.keyboard.press('n');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Passage 1 of' }).count()).toBe(1);
    expect(page.url()).toContain('at=0');
    const current = page.locator('section.column').nth(1).locator('mark.pair.current');
    expect(await current.textContent()).toContain('annual water quality report');
    // The partner in the long document was scrolled into view.
    expect(await current.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const column = el.closest('.text')!.getBoundingClientRect();
      return box.top >= column.top && box.top < column.bottom;
    })).toBe(true);
    await page.keyboard.press('s');
    await expect.poll(() => page.url()).toContain('#/compare/long/green');
  });

  it('says so when two documents share nothing, and when they are too different to diff whole', async () => {
    await open('#/compare/long/unrelated');
    await page.getByText('These two documents share no passage.').waitFor();
    await page.getByText('Diff the whole texts, word by word').click();
    await page.getByText(/too different to diff as wholes/).waitFor();
    await screenshot(page, 'compare-corpus-too-different');
    await expectAccessible('compare, nothing shared');
  });

  it('diffs a document against itself as identical', async () => {
    await open('#/compare/green/green');
    await page.getByText('Diff the whole texts, word by word').click();
    await page.locator('.whole .flow').waitFor();
    expect(await page.locator('.whole .flow').textContent()).toContain('Leaders agreed that we must protect');
    expect(await page.locator('.whole .flow del, .whole .flow ins').count()).toBe(0);
  });
});
