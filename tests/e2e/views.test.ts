/**
 * The reading views on the bundled corpus (dist/, over file://): compare
 * joins each shared passage to its partner and keeps repeats inside a
 * document apart; a document compared with itself says so; trends name
 * every cell in full with what it stands on and mark what is significant;
 * every view names itself in the tab title; on a phone the highlight
 * action stands by the selection, compare keeps the pair in view and the
 * concordance keeps its keyword in view; and a keyboard alone gets through.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STOPWORDS } from '../../src/text/stopwords.ts';
import { assertBuilt, fileUrl, launchBrowser, runAxe, screenshot, seriousViolations, watchPage, type BrowserSession, type PageWatch } from './harness.ts';

const A = '000_f22addc8756c0a81';
const B = '004_f51e464d7cf6a9c4';
const WAIT = { timeout: 20_000 };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

let session: BrowserSession;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  assertBuilt();
  session = await launchBrowser();
});
afterAll(async () => session?.close());
afterEach(async () => {
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});

async function open(hash: string, options: Parameters<BrowserSession['newPage']>[0] = {}) {
  page = await session.newPage(options);
  watch = watchPage(page);
  await page.goto(fileUrl() + hash);
}

/** The pairs whose passage is at least partly visible in its column, left or right, and the pairs the gutter joins. */
function connectorsAndVisiblePairs(p: Page) {
  return p.evaluate(() => {
    const visible = new Set<string>();
    for (const column of document.querySelectorAll<HTMLElement>('section.column .text')) {
      const view = column.getBoundingClientRect();
      for (const mark of column.querySelectorAll<HTMLElement>('mark.pair:not(.internal)')) {
        const box = mark.getBoundingClientRect();
        if (box.bottom > view.top + column.clientTop && box.top < view.top + column.clientTop + column.clientHeight) visible.add(mark.dataset.pair!);
      }
    }
    const drawn = [...document.querySelectorAll<SVGPathElement>('[data-testid="connectors"] path')].map((path) => path.dataset.pair!);
    return { visible: [...visible].sort(), drawn: drawn.sort() };
  });
}

/** Waits for the connectors to be redrawn after a scroll (one animation frame and a little). */
const settle = () => page.waitForTimeout(150);

describe('compare', () => {
  it('joins every shared passage in view to its partner, with repeats inside a document off and counted apart', async () => {
    await open(`#/compare/${A}/${B}?sync=0`);
    const status = page.getByRole('status').filter({ hasText: /\d+ shared passages?/ });
    await status.waitFor(WAIT);
    const said = (await status.textContent())!.replace(/\s+/g, ' ');
    expect(said).toMatch(/\d+ shared passages? · \d+ repeats? inside a document, hidden/);
    const shared = Number(/(\d+) shared/.exec(said)![1]);
    expect(shared).toBeGreaterThan(1);
    // Repeats are off: none is marked in either column, and none is joined.
    expect(await page.locator('mark.pair.internal').count()).toBe(0);
    expect(await page.locator('section.column').nth(0).locator('mark.pair').count()).toBe(shared);
    // Numbered in reading order of the left column.
    const numbers = await page.locator('section.column').nth(0).locator('mark.pair .num').allTextContents();
    expect(numbers).toEqual(Array.from({ length: shared }, (_, i) => String(i + 1)));

    await settle();
    let seen = await connectorsAndVisiblePairs(page);
    expect(seen.drawn).toEqual(seen.visible);
    // Step through every pair from the keyboard: each is brought into view on both sides, joined, and marked current.
    for (let i = 0; i < shared; i++) {
      await page.keyboard.press('n');
      await settle();
      seen = await connectorsAndVisiblePairs(page);
      expect(seen.drawn, `pair ${i + 1}`).toEqual(seen.visible);
      expect(seen.drawn).toContain(String(i));
      expect(await page.locator(`[data-testid="connectors"] path.current`).getAttribute('data-pair')).toBe(String(i));
    }
    await screenshot(page, 'views-compare-connectors');
    // Scrolling one column (sync off) redraws: still one band per pair in view.
    await page.locator('section.column .text').nth(1).evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await settle();
    seen = await connectorsAndVisiblePairs(page);
    expect(seen.drawn).toEqual(seen.visible);
    expect(await runAxe(page).then(seriousViolations)).toEqual([]);
  });

  it('shows repeats inside a document when asked, marked apart and never joined across', async () => {
    await open(`#/compare/${A}/${B}?repeats=1`);
    await page.locator('mark.pair.internal').first().waitFor(WAIT);
    expect(await page.getByRole('status').filter({ hasText: /repeats? inside a document, shown/ }).count()).toBe(1);
    const internal = await page.locator('mark.pair.internal').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.pair!));
    await settle();
    const drawn = await page.locator('[data-testid="connectors"] path').evaluateAll((els) => els.map((el) => (el as SVGElement).dataset.pair!));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.filter((p) => internal.includes(p))).toEqual([]);
  });

  it('says so when both sides are the same document, and can show each repeat beside its first occurrence', async () => {
    await open(`#/compare/${A}/${A}`);
    await page.getByText('Both sides show the same document.').waitFor(WAIT);
    expect(await page.locator('mark.pair').count()).toBe(0);
    const show = page.getByRole('button', { name: 'Show each beside its repeat' });
    if (await show.count()) {
      await show.click();
      await page.locator('section.column').nth(1).locator('mark.pair').first().waitFor(WAIT);
      await settle();
      expect(await page.locator('[data-testid="connectors"] path').count()).toBeGreaterThan(0);
    }
    await screenshot(page, 'views-compare-same-document');
  });
});

describe('trends', () => {
  it('names every outlet in full with its documents and words, marks estimated years, and takes a chosen count to its lines', async () => {
    await open('#/trends?terms=cyberspace,digital%20divide');
    const byOutlet = page.getByRole('table', { name: /By outlet/ });
    await byOutlet.waitFor(WAIT);
    const outlets = (await byOutlet.locator('tbody th .name').allTextContents()).map((s) => s.trim());
    expect(outlets.length).toBe(new Set(outlets).size);
    expect(outlets.join('|')).not.toContain('…');
    for (const basis of await byOutlet.locator('tbody th .basis').allTextContents()) expect(basis).toMatch(/^\d+ documents? · [\d,]+ words?/);
    // The bundled 2020 documents carry estimated dates ("~2020-11").
    expect(await page.getByRole('table', { name: /By year/ }).locator('tbody th .name').allTextContents()).toContainEqual(expect.stringMatching(/~2020/));

    await byOutlet.getByRole('button', { name: /occurrences? of “cyberspace”/ }).last().click();
    const heading = page.locator('#h-lines');
    await page.locator('.lines table.kwic tbody tr').first().waitFor(WAIT);
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => heading.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
  });

  it('lists distinctive terms without stopwords, each with its G², the significant ones marked', async () => {
    await open('#/trends');
    await page.getByText(/log-likelihood G²/).first().waitFor(WAIT);
    const terms = await page.locator('.groups li:not(.divider) a').allTextContents();
    expect(terms.length).toBeGreaterThan(5);
    expect(terms.filter((t) => STOPWORDS.has(t))).toEqual([]);
    expect(await page.locator('.groups li .figures').first().textContent()).toMatch(/G² \d/);
    const significant = await page.locator('.groups li.significant').count();
    expect(significant).toBe(await page.locator('.groups li .mark').count());
    // The terms it suggests trying come from this corpus: its most distinctive ones, listed below.
    const suggestion = page.getByTestId('trends-suggestion');
    const tried = (await suggestion.textContent())!.split(' and ');
    expect(tried.length).toBe(2);
    for (const t of tried) expect(terms).toContain(t);
    await suggestion.click();
    await page.getByRole('table', { name: /By outlet/ }).waitFor(WAIT);
    expect(decodeURIComponent(page.url())).toContain(`terms=${tried.join(',')}`);
  });
});

describe('the original, marked', () => {
  it.each([
    ['a desktop', {}],
    ['a phone, where the bar wraps to several lines', PHONE],
  ])('outlines a mark that runs over many lines as one shape, from its start under the bar, on %s', async (_, options) => {
    // The bundled capture that repeats its whole body: its second mark is that copy, 8 paragraphs long.
    await open('#/doc/002_76104a41a63c9dfe?mode=original', options);
    await page.getByRole('button', { name: 'Next mark →' }).click();
    await page.getByRole('button', { name: 'Next mark →' }).click();
    await expect.poll(() => page.getByTestId('mark-status').innerText(), WAIT).toMatch(/^Mark 2 of 2\. Removed: second copy of 8 paragraphs/);
    // Its line boxes touch (no gap between one line's outline and the next's), so the outline is drawn once around them all.
    const gaps = await page.locator('del.current > .body').evaluate((el) => {
      const rects = [...el.getClientRects()].filter((r) => r.width > 0);
      const out: number[] = [];
      for (let i = 1; i < rects.length; i++) if (rects[i]!.top > rects[i - 1]!.top + 1) out.push(rects[i]!.top - rects[i - 1]!.bottom);
      return { lines: rects.length, widest: Math.max(...out) };
    });
    expect(gaps.lines).toBeGreaterThan(20);
    expect(gaps.widest).toBeLessThanOrEqual(0);
    // Its first line stands just below the bar, not under it.
    const start = await page.locator('del.current').evaluate((el) => el.getClientRects()[0]!.top);
    const bar = await page.locator('.marknav').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(start).toBeGreaterThanOrEqual(bar);
    expect(start).toBeLessThan(bar + 40);
  });
});

describe('tab titles', () => {
  it.each([
    ['#/', /^World Internet Conference, 2019–2022 — Refrain$/],
    ['#/library', /^Library: World Internet Conference/],
    [`#/doc/${A}`, /^Reader: Jointly promoting/],
    [`#/compare/${A}/${B}`, /^Compare: Jointly promoting.* ↔ China to step up/],
    ['#/search?q=digital%20divide', /^Search: “digital divide”/],
    ['#/kwic?q=cyberspace', /^Concordance: “cyberspace”/],
    ['#/trends?terms=cyberspace', /^Trends: cyberspace/],
    ['#/notes', /^Your notes/],
  ])('%s names the view and its subject', async (hash, title) => {
    await open(hash);
    await expect.poll(() => page.title(), WAIT).toMatch(title);
    expect(await page.title()).toMatch(/ — Refrain$/);
  });
});

describe('on a phone (390 × 844)', () => {
  it('puts the highlight action right under the selection in the reader', async () => {
    await open(`#/doc/${A}`, PHONE);
    const paragraphs = page.locator('[data-testid="clean-text"] p');
    await paragraphs.first().waitFor(WAIT);
    // A paragraph well down the text, scrolled to the middle of the screen.
    const n = Math.floor((await paragraphs.count()) * 0.6);
    await paragraphs.nth(n).scrollIntoViewIfNeeded();
    await paragraphs.nth(n).evaluate((p) => {
      const text = p.querySelector('span')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, Math.min(30, text.textContent!.length));
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    const button = page.getByRole('button', { name: 'Highlight selection' });
    await button.waitFor(WAIT);
    const gap = await page.evaluate(() => {
      const sel = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Highlight selection')!.getBoundingClientRect();
      return { below: b.top - sel.bottom, inView: b.top >= 0 && b.bottom <= innerHeight };
    });
    expect(gap.inView).toBe(true);
    expect(gap.below).toBeGreaterThanOrEqual(0);
    expect(gap.below).toBeLessThan(120);
    await screenshot(page, 'views-phone-reader-highlight');
    await button.tap();
    await page.getByText(/^Highlighted as /).waitFor(WAIT);
    await page.getByRole('button', { name: 'Write a note ↓' }).tap();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  });

  it('keeps the current pair in view in compare, on either side', async () => {
    await open(`#/compare/${A}/${B}`, PHONE);
    await page.locator('mark.pair').first().waitFor({ state: 'attached', ...WAIT });
    const inView = (side: number) =>
      page.locator('section.column').nth(side).locator('mark.pair.current').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight && r.left >= 0 && r.right <= innerWidth + 1;
      });
    await page.getByRole('button', { name: 'Next shared passage' }).tap();
    await page.getByRole('button', { name: 'Next shared passage' }).tap();
    await expect.poll(() => inView(0)).toBe(true);
    await page.getByRole('button', { name: /^Right/ }).tap();
    await expect.poll(() => inView(1)).toBe(true);
    await screenshot(page, 'views-phone-compare-right');
    await page.getByRole('button', { name: /^Left/ }).tap();
    await expect.poll(() => inView(0)).toBe(true);
  });

  it('lists the library by outlet, then year, every card in view and no empty year shown', async () => {
    await open('#/library', PHONE);
    const cards = page.locator('.card');
    await cards.first().waitFor(WAIT);
    const boxes = await cards.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => [r.left, r.right]));
    expect(boxes.length).toBe(5);
    for (const [left, right] of boxes) {
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(390);
    }
    // Each shown year heads a cell with a document; the table stays a table for screen readers.
    const shown = await page.locator('td[role="cell"]').evaluateAll((tds) => tds.filter((td) => getComputedStyle(td).display !== 'none').map((td) => td.querySelectorAll('.card').length));
    expect(shown.length).toBe(5);
    expect(shown.every((n) => n > 0)).toBe(true);
    expect(await page.getByRole('row', { name: /People's Daily Online/ }).count()).toBe(1);
    await screenshot(page, 'views-phone-library');
  });

  it('keeps the concordance keyword in view on every line', async () => {
    await open('#/kwic?q=cyberspace', PHONE);
    const keywords = page.locator('table.kwic td.k mark');
    await keywords.first().waitFor(WAIT);
    const boxes = await keywords.evaluateAll((els) => els.slice(0, 10).map((el) => el.getBoundingClientRect()).map((r) => [r.left, r.right]));
    for (const [left, right] of boxes) {
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(390);
    }
    await screenshot(page, 'views-phone-kwic');
  });
});

describe('from the keyboard alone', () => {
  it('goes from the library to a comparison, through its passages, to search, the reader and trends', async () => {
    await open('#/library');
    await page.getByRole('heading', { level: 1 }).waitFor(WAIT);
    /** Presses Tab until the focused element has the accessible text `name`, or matches `selector` (at most `limit` times). */
    async function tabTo(name: RegExp | string, limit = 60) {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const hit = await page.evaluate((target) => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return false;
          if (typeof target === 'string') return el.matches(target);
          return new RegExp(target.source).test(`${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`.trim());
        }, typeof name === 'string' ? name : { source: name.source });
        if (hit) return;
      }
      throw new Error(`keyboard: ${String(name)} not reached with Tab`);
    }
    await tabTo(/^Compare side by side$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Compare two documents' }).waitFor(WAIT);
    await page.locator('mark.pair').first().waitFor(WAIT);
    await page.keyboard.press('n');
    await expect.poll(() => page.url()).toContain('at=0');
    await page.keyboard.press('n');
    await expect.poll(() => page.url()).toContain('at=1');
    await page.keyboard.press('p');
    await expect.poll(() => page.url()).toContain('at=0');
    const [, left, right] = /#\/compare\/([^/?]+)\/([^/?]+)/.exec(page.url())!;
    await page.keyboard.press('s');
    await expect.poll(() => page.url()).toContain(`#/compare/${right}/${left}`);

    await tabTo(/^Search$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor(WAIT);
    await tabTo('input[type="search"]', 10);
    await page.keyboard.type('digital divide');
    await page.keyboard.press('Enter');
    await page.locator('a.hit').first().waitFor(WAIT);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('mark.hit').waitFor(WAIT);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('hit'))).toBe(true);

    await tabTo(/^Trends$/, 80);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Trends', level: 1 }).waitFor(WAIT);
    await tabTo('input[type="search"]', 10);
    await page.keyboard.type('cyberspace');
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: /By outlet/ }).waitFor(WAIT);
    await tabTo(/occurrences? of “cyberspace”/, 40);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('h-lines');
  });
});
