/**
 * The variant graph of a formula whose versions say one word with two
 * ("the environment" / "the natural world") and leave one out ("for
 * generations"), on a corpus built for the test, at a desktop and a phone
 * size: the two-word wording is drawn as a parallel branch (no dashed arc
 * over it), only the word left out has an arc, and no label (a word, its
 * count, who uses it, an arc's count) lies over another, also where a word
 * left out is swapped by other versions (the arc's count and that word's
 * labels meet there). A formula with three first words, versions that leave
 * out one, two or three of them, and an added word between (the bundled
 * corpus's top formula has this shape) gets every drop's count written, no
 * two arcs on one line, and on a phone a graph that opens at its start, says
 * that it scrolls, and scrolls from the keyboard. The corpus spans decades,
 * so the phrases view's outlet × year grid is also checked here for the same
 * cue on a phone.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWithCorpus, filler } from './custom-build.ts';
import { launchBrowser, runAxe, SCREENSHOT_DIR, seriousViolations, watchPage, type BrowserSession, type PageWatch } from './harness.ts';

const BASE = 'Leaders agreed that we must protect the environment for future generations and act before the damage is done.';
const TWO_FOR_ONE = 'Leaders agreed that we must protect the natural world for future generations and act before the damage is done.';
const DROP = 'Leaders agreed that we must protect the environment for generations and act before the damage is done.';
/** A word left out where other versions swap it: the arc's count and the swapped word's labels meet over the word. */
const REPORT = 'The council will publish its annual water quality report every spring so that residents can judge the progress themselves.';
const REPORT_DROP = 'The council will publish its water quality report every spring so that residents can judge the progress themselves.';
const REPORT_SWAP = 'The council will publish its yearly water quality report every spring so that residents can judge the progress themselves.';
/** Three first words, and versions leaving out the first one, two or three words. */
const CROWD = (first: string) => `The ministers back ${first} community of shared future in cyberspace and plan to meet again next spring.`;
const PLAN: [string, number][] = [
  [BASE, 4],
  [TWO_FOR_ONE, 3],
  [DROP, 2],
  [REPORT, 4],
  [REPORT_DROP, 2],
  [REPORT_SWAP, 3],
  [CROWD('building a'), 5],
  [CROWD('build a'), 3],
  [CROWD('foster a'), 2],
  [CROWD('building of a'), 2],
  [CROWD('a'), 2],
  [CROWD(''), 2],
];

const files: Record<string, string> = {};
let n = 0;
for (const [sentence, copies] of PLAN) {
  for (let k = 0; k < copies; k++, n++) {
    files[`doc-${n}.txt`] = `---\ntitle: Piece ${n}\noutlet: Outlet ${n % 5}\ndate: ${2012 + n}\n---\n${filler(700 + n, 4)}\n\n${sentence}\n\n${filler(800 + n, 4)}\n`;
  }
}
for (let k = 0; k < 12; k++) files[`other-${k}.txt`] = `---\ntitle: Other ${k}\noutlet: Outlet ${k % 5}\ndate: ${2012 + k}\n---\n${filler(900 + k, 8)}\n`;

let url: string;
let session: BrowserSession;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  url = pathToFileURL(await buildWithCorpus('variant-graph', files)).href;
  session = await launchBrowser();
});
afterAll(async () => session?.close());
afterEach(() => {
  expect(watch.problems()).toEqual([]);
});

interface Box {
  text: string;
  cls: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every text drawn in the graph, with its box on screen. */
function texts(): Promise<Box[]> {
  return page.locator('section[aria-labelledby="graph-title"] svg text').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', cls: el.classList[0] ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Opens the family whose link matches `link` at `viewport`: its graph's section. */
async function openFamily(viewport: { width: number; height: number }, link: RegExp) {
  page = await session.newPage({ viewport });
  watch = watchPage(page);
  await page.goto(`${url}#/phrases`);
  const family = page.getByRole('link', { name: link });
  await expect.poll(() => family.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await family.first().click();
  const section = page.locator('section[aria-labelledby="graph-title"]');
  await section.locator('svg').waitFor();
  return section;
}

/** Opens the family whose link matches `link` at `viewport`, and screenshots its graph with the word `word` in view. */
async function openGraph(viewport: { width: number; height: number }, link: RegExp, word: string, shot: string) {
  const section = await openFamily(viewport, link);
  // The region scrolls sideways where the graph is wider than the page.
  await section.locator('svg text').filter({ hasText: new RegExp(`^${word}$`) }).evaluate((el) => el.scrollIntoView({ inline: 'center', block: 'nearest' }));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await section.screenshot({ path: join(SCREENSHOT_DIR, `variant-graph-${shot}.png`), animations: 'disabled' });
  return section;
}

/** Pairs of texts in the graph whose boxes meet. */
const clashes = (boxes: Box[]) => boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.cls} “${a.text}” × ${b.cls} “${b.text}”`));

describe('variant graph', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`draws two words for one as a parallel branch and keeps every label clear (${name}, ${viewport.width}×${viewport.height})`, async () => {
      const section = await openGraph(viewport, /protect the (environment|natural world) for/i, 'natural', `${name}-branch`);
      const boxes = await texts();
      const word = (text: string) => boxes.find((b) => b.cls === 'word' && b.text === text)!;
      const middle = (b: Box) => b.y + b.height / 2;
      // "natural world" is a branch of its own, on one lane beside "environment", not on the main line.
      expect(middle(word('natural'))).toBeCloseTo(middle(word('world')), 0);
      expect(Math.abs(middle(word('world')) - middle(word('environment')))).toBeGreaterThan(20);
      // Only the left-out "future" is passed over by a dashed arc: one drop, labelled "−1 ×2".
      const drops = section.locator('svg path.drop');
      await expect.poll(() => drops.count()).toBe(1);
      expect(await drops.first().evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
      expect(boxes.filter((b) => b.cls === 'droplabel').map((b) => b.text)).toEqual(['−1 ×2']);
      expect(clashes(boxes)).toEqual([]);
      expect(seriousViolations(await runAxe(page))).toEqual([]);
    });

    it(`writes a drop's count clear of the labels of a word swapped where it drops one (${name})`, async () => {
      await openGraph(viewport, /publish its (annual|yearly)? ?water quality report/i, 'yearly', `${name}-drop`);
      const boxes = await texts();
      expect(boxes.filter((b) => b.cls === 'droplabel').map((b) => b.text)).toEqual(['−1 ×2']);
      expect(clashes(boxes)).toEqual([]);
    });
  }

  it('spreads a formula whose first words fan out: every drop counted, no two arcs on one line, labels clear (desktop)', async () => {
    const section = await openGraph({ width: 1280, height: 800 }, /ministers back (building|build|foster)/i, 'foster', 'desktop-crowd');
    const boxes = await texts();
    const drops = section.locator('svg path.drop');
    const count = await drops.count();
    expect(count).toBeGreaterThanOrEqual(3);
    expect(boxes.filter((b) => b.cls === 'droplabel')).toHaveLength(count);
    expect(clashes(boxes)).toEqual([]);
    // The flat tops of the arcs over the same words lie apart.
    const tops = await drops.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x0: r.left, x1: r.right, top: r.top, bottom: r.bottom })));
    for (const [i, a] of tops.entries()) for (const b of tops.slice(i + 1)) if (a.x0 < b.x1 && b.x0 < a.x1) expect(Math.abs(a.top - b.top) + Math.abs(a.bottom - b.bottom)).toBeGreaterThan(10);
  });

  it('opens a wide graph at its start on a phone, with a cue in words that it scrolls, and scrolls it from the keyboard', async () => {
    const section = await openFamily({ width: 390, height: 844 }, /ministers back (building|build|foster)/i);
    const region = section.getByRole('region', { name: 'Variant graph' });
    const at = () => region.evaluate((el) => ({ left: el.scrollLeft, width: el.scrollWidth, client: el.clientWidth }));
    const start = await at();
    expect(start.width).toBeGreaterThan(start.client);
    expect(start.left).toBe(0);
    await expect.poll(() => section.getByText('Scroll sideways for more →').isVisible()).toBe(true);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await at()).left).toBeGreaterThan(0);
    await expect.poll(() => section.getByText('← Scroll sideways for more →').isVisible()).toBe(true);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await section.screenshot({ path: join(SCREENSHOT_DIR, 'variant-graph-phone-scrolled.png'), animations: 'disabled' });
    expect(seriousViolations(await runAxe(page))).toEqual([]);
  });

  it('shows the graph as a table whose every column has a header in words, and whose legend says what the slanted, dotted cells are', async () => {
    const section = await openFamily({ width: 390, height: 844 }, /protect the (environment|natural world) for/i);
    await section.getByRole('button', { name: 'Table' }).click();
    const table = section.locator('table.aligned');
    await table.waitFor();
    // "natural world" for "environment": a column the base has no word in is headed "added", not left blank.
    // What a sighted reader sees in each header (text for screen readers only left out).
    const headers = await table.locator('thead th').evaluateAll((els) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.visually-hidden').forEach((h) => h.remove());
        return copy.textContent!.trim();
      }),
    );
    expect(headers).toContain('added');
    expect(headers.filter((h) => h === '')).toEqual([]);
    const violations = await runAxe(page, { include: 'section[aria-labelledby="graph-title"]' });
    expect(violations.filter((v) => v.id === 'empty-table-header').map((v) => v.nodes)).toEqual([]);
    // The legend names the cell style in words, on a sample drawn as the cells are.
    const legend = section.locator('.legend');
    await expect.poll(() => legend.innerText()).toMatch(/Slanted, dotted underline: not what the base has there/);
    const style = (el: Element) => { const cs = getComputedStyle(el); return `${cs.fontStyle} ${cs.textDecorationLine} ${cs.textDecorationStyle}`; };
    expect(await legend.locator('.differs').evaluate(style)).toBe(await table.locator('td.differs').first().evaluate(style));
    // On a phone the table scrolls in its own region, from the keyboard, with the cue in words.
    const region = section.getByRole('region', { name: 'Every wording, word by word' });
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth && el.tabIndex === 0)).toBe(true);
    expect(await section.getByText('Scroll sideways for more →').isVisible()).toBe(true);
    expect(seriousViolations(violations)).toEqual([]);
  });

  it("gives the phrases view's outlet × year grid, wider than a phone, the same cue and keyboard scrolling", async () => {
    page = await session.newPage({ viewport: { width: 390, height: 844 } });
    watch = watchPage(page);
    await page.goto(`${url}#/phrases`);
    const section = page.locator('section[aria-labelledby="matrix-title"]');
    const region = section.getByRole('region', { name: 'Formulas by outlet (rows) and year (columns)' });
    await region.locator('table').waitFor({ timeout: 30_000 });
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth && el.scrollLeft === 0 && el.tabIndex === 0)).toBe(true);
    await expect.poll(() => section.getByText('Scroll sideways for more →').isVisible()).toBe(true);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await section.screenshot({ path: join(SCREENSHOT_DIR, 'phrases-grid-phone.png'), animations: 'disabled' });
  });
});
