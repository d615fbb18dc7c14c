/**
 * The built single file, driven in Chromium as a reader would use it, both
 * opened from disk (file://) and served from an arbitrary sub-path over http:
 * the library, the reader and its original/clean toggle, a dead-end route,
 * the keyboard path, the Content-Security-Policy, and axe.
 *
 * Every test also asserts, afterwards, zero console errors, zero page errors,
 * and no request beyond the page itself.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countWords } from '../../src/corpus/word-count.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { loadCorpusFromPaths } from '../../src/node/load-corpus.ts';
import {
  assertBuilt,
  DIST,
  fileUrl,
  launchBrowser,
  ROOT,
  runAxe,
  screenshot,
  seriousViolations,
  startStaticServer,
  SUB_PATH,
  watchPage,
  withoutHash,
  type BrowserSession,
  type PageWatch,
  type StaticServer,
} from './harness.ts';

const CORPUS_NAME = 'World Internet Conference, 2019–2022';

/** What the library must show for each seed, as a reader reads it. */
const SEEDS = [
  {
    id: '000_f22addc8756c0a81',
    title: 'Jointly promoting global cyberspace governance conforms to the trend of the times',
    author: "Zhong Sheng (pen name used by People's Daily for foreign-policy commentary)",
    date: '25 October 2019',
    precision: '(to the day)',
  },
  {
    id: '001_06ce809c3a28912e',
    title: 'Bridging the Digital Divide and Promoting the Building of a Community with a Shared Future in Cyberspace',
    author: 'not named',
    date: '8 November 2022',
    precision: '(to the day)',
  },
  { id: '002_76104a41a63c9dfe', title: 'No headline', author: 'not named', date: 'about November 2020', precision: '(estimated, to the month)' },
  {
    id: '003_f6c2400dcf251796',
    title: 'The construction strategy of a community of destiny in cyberspace',
    author: 'not named',
    date: 'about 2020',
    precision: '(estimated, to the year)',
  },
  { id: '004_f51e464d7cf6a9c4', title: 'China to step up cyberspace cooperation', author: 'Cao Desheng', date: 'October 2019', precision: '(to the month)' },
] as const;

/** Page furniture in each capture that the cleaner must take out of the reading text (id → fragments). */
const FURNITURE: Record<string, string[]> = {
  '000_f22addc8756c0a81': ['Apple News Facebook Twitter', 'Add your comment', 'We Recommend'],
  '001_06ce809c3a28912e': ['This site uses Akismet to reduce spam', 'Privacy & Cookies Policy', 'See also'],
  '002_76104a41a63c9dfe': ['论文部分内容阅读'],
  '003_f6c2400dcf251796': ['Home Business'],
  '004_f51e464d7cf6a9c4': ['See more by scanning the code', 'caodesheng@chinadaily.com.cn'],
};

const WAIT = { timeout: 10_000 };

let session: BrowserSession;
let server: StaticServer;
/** The corpus as the build bundles it: the numbers the UI must show. */
let corpus: Corpus;

beforeAll(async () => {
  assertBuilt();
  corpus = await loadCorpusFromPaths([`${ROOT}/seeds`], CORPUS_NAME, ROOT);
  session = await launchBrowser();
  server = await startStaticServer(DIST, { basePath: SUB_PATH });
});

afterAll(async () => {
  await server?.close();
  await session?.close();
});

async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible', ...WAIT });
  return locator;
}

/** The focused element, described for assertions. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: el.textContent?.trim() ?? '',
      href: el.getAttribute('href'),
      onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
    };
  });
}

const hashOf = (page: Page) => new URL(page.url()).hash;

describe.each([
  { entry: 'file://', kind: 'file' as const },
  { entry: `http under ${SUB_PATH}`, kind: 'http' as const },
])('the built file opened over $entry', ({ kind }) => {
  const entryUrl = () => (kind === 'file' ? fileUrl() : server.indexUrl);
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  /** Opens the page at `hash` in a fresh load and waits for the app to render. */
  async function open(hash = '') {
    // From the same page a hash-only goto would be an in-page navigation and
    // the old view could still be on screen when we look: always load afresh.
    if (page.url() !== 'about:blank') await page.goto('about:blank');
    await page.goto(entryUrl() + hash, { waitUntil: 'load' });
    await visible(page.getByRole('heading', { level: 1 }).first());
  }

  beforeEach(async () => {
    server.requests.length = 0;
    context = await session.newContext();
    page = await context.newPage();
    watch = watchPage(page);
  });

  afterEach(async () => {
    await context.close();
    expect(watch.problems(), 'console errors, page errors or failed requests').toEqual([]);
    // data: and blob: (the inline worker) are not network requests; every
    // other request must be the page itself.
    const pageUrl = withoutHash(entryUrl());
    expect(watch.networkRequests().filter((u) => withoutHash(u) !== pageUrl), 'requests beyond the page').toEqual([]);
    if (kind === 'http') {
      expect(server.requests.filter((r) => r.url !== `${SUB_PATH}index.html`), 'server saw requests beyond index.html').toEqual([]);
    }
  });

  it('lists all five documents with title, author, date and its precision, and length', async () => {
    await open('#/library');
    await visible(page.getByRole('heading', { level: 1, name: CORPUS_NAME }));
    const cards = page.locator('main article');
    expect(await cards.count()).toBe(SEEDS.length);

    for (const seed of SEEDS) {
      const link = await visible(page.getByRole('link', { name: seed.title, exact: true }));
      expect(await link.getAttribute('href')).toBe(`#/doc/${seed.id}`);
      const card = page.locator('main article').filter({ has: link });
      const text = (await card.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain(`Author ${seed.author}`);
      expect(text).toContain(`Date ${seed.date} ${seed.precision}`);

      const built = corpus.documents.find((d) => d.meta.id === seed.id);
      expect(built, `seed ${seed.id} in the corpus`).toBeDefined();
      expect(text).toContain(`Length ${built!.wordCount.toLocaleString('en')} words`);
      // The shown length counts the cleaned text: never more than the raw capture.
      expect(built!.wordCount).toBeGreaterThan(100);
      expect(built!.wordCount).toBeLessThanOrEqual(countWords(built!.original));
    }

    const total = corpus.documents.reduce((n, d) => n + d.wordCount, 0);
    await visible(page.getByText(`${SEEDS.length} documents, ${total.toLocaleString('en')} words`));
    await screenshot(page, `library-${kind}`);
  });

  it('opens a document at its route by clicking its title', async () => {
    await open('#/library');
    const seed = SEEDS[0];
    await page.getByRole('link', { name: seed.title, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: seed.title }));
    expect(hashOf(page)).toBe(`#/doc/${seed.id}`);
    await visible(page.getByText(`By ${seed.author}`, { exact: true }));
    await visible(page.getByTestId('clean-text'));
    // Back to the library by its link.
    await page.getByRole('link', { name: '← Library' }).click();
    await visible(page.getByRole('heading', { level: 1, name: CORPUS_NAME }));
  });

  it('opens a document by loading its URL directly', async () => {
    const seed = SEEDS[4];
    await open(`#/doc/${seed.id}`);
    await visible(page.getByRole('heading', { level: 1, name: seed.title }));
    await visible(page.getByText(`By ${seed.author}`, { exact: true }));
    await visible(page.locator('main time', { hasText: seed.date }));
    const clean = await visible(page.getByTestId('clean-text'));
    expect((await clean.innerText()).length).toBeGreaterThan(1000);
  });

  it('toggles between the clean text and the original with removals marked', async () => {
    for (const [id, lines] of Object.entries(FURNITURE)) {
      await open(`#/doc/${id}`);
      const cleanButton = await visible(page.getByRole('button', { name: 'Clean text' }));
      const originalButton = page.getByRole('button', { name: /^Original, with \d+ removals and repairs marked$/ });
      expect(await cleanButton.getAttribute('aria-pressed')).toBe('true');
      expect(await originalButton.getAttribute('aria-pressed')).toBe('false');

      const clean = await (await visible(page.getByTestId('clean-text'))).innerText();
      for (const line of lines) expect(clean, `clean text of ${id}`).not.toContain(line);

      await originalButton.click();
      await visible(page.getByTestId('original-text'));
      expect(await originalButton.getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByTestId('clean-text').count()).toBe(0);
      expect(hashOf(page)).toBe(`#/doc/${id}?mode=original`);
      const marks = page.getByTestId('original-text').locator('del');
      expect(await marks.count(), `del marks in the original of ${id}`).toBeGreaterThan(0);
      for (const line of lines) {
        expect(await marks.filter({ hasText: line }).count(), `"${line}" struck out in the original of ${id}`).toBeGreaterThan(0);
      }
      const [n] = /\d+/.exec((await originalButton.innerText()) ?? '') ?? ['0'];
      // Whitespace normalisation is not counted as a removal or repair: the reader need not inspect it.
      const doc = corpus.documents.find((d) => d.meta.id === id)!;
      const visibleEdits = doc.edits.filter((e) => /\S/.test(doc.original.slice(e.start, e.end)) || /\S/.test(e.replacement));
      expect(Number(n)).toBe(visibleEdits.length);

      await cleanButton.click();
      await visible(page.getByTestId('clean-text'));
      expect(hashOf(page)).toBe(`#/doc/${id}`);
    }
    await screenshot(page, `reader-clean-${kind}`);
  });

  it('shows repairs as the old text struck and the new text inserted, and keeps one copy of a repeated body', async () => {
    // 003 has mojibake ("ยท" for a middle dot); the cleaner repairs it.
    await open('#/doc/003_f6c2400dcf251796?mode=original');
    const original = await visible(page.getByTestId('original-text'));
    expect(await original.locator('del', { hasText: 'ยท' }).count()).toBeGreaterThan(0);
    expect(await original.locator('ins', { hasText: '·' }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Clean text' }).click();
    const clean = await (await visible(page.getByTestId('clean-text'))).innerText();
    expect(clean).not.toContain('ยท');
    expect(clean).toContain('·');

    // 002's capture repeats the whole body: the reader reads it once.
    await open('#/doc/002_76104a41a63c9dfe');
    await visible(page.getByRole('heading', { level: 1, name: 'No headline' }));
    const body = await (await visible(page.getByTestId('clean-text'))).innerText();
    expect(body.split('Many Western countries are in the habit of lambasting').length - 1).toBe(1);
  });

  it('opens the original view from its URL', async () => {
    const id = SEEDS[0].id;
    await open(`#/doc/${id}?mode=original`);
    await visible(page.getByTestId('original-text'));
    expect(await page.getByRole('button', { name: /^Original, with/ }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, `reader-original-${kind}`);
  });

  it('shows a friendly message and a way back for an unknown route', async () => {
    await page.goto(`${entryUrl()}#/no-such-view`);
    const main = page.getByRole('main');
    await visible(main.getByText(/unknown page|nothing here|no view/i).first());
    const back = main.getByRole('link', { name: /library/i }).first();
    await visible(back);
    await back.click();
    await page.waitForFunction(() => location.hash === '#/library', undefined, WAIT);
    await visible(page.getByRole('heading', { level: 1, name: CORPUS_NAME }));
    expect(await main.getByText(/unknown page/i).count()).toBe(0);
  });

  it('shows a friendly message and a way back for an unknown document', async () => {
    await open('#/doc/no-such-document');
    await visible(page.getByRole('heading', { level: 1, name: 'Nothing here' }));
    await visible(page.getByText(`There is no document “no-such-document” in “${CORPUS_NAME}”.`));
    await page.getByRole('link', { name: 'Go to the library' }).click();
    await visible(page.getByRole('heading', { level: 1, name: CORPUS_NAME }));
  });

  it('on a fresh load, the first Tab reaches the skip link', async () => {
    await open();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to content', onScreen: true });
  });

  it('works from the keyboard: the skip link, every document link reachable, Enter opens one', async () => {
    await open('#/library');
    // On a fresh load the first Tab reaches the skip link (see the test above).
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to content', onScreen: true });
    await page.keyboard.press('Enter');
    expect((await focused(page))?.id).toBe('main');

    // Tab through the page collecting the document links reached.
    const reached: string[] = [];
    for (let i = 0; i < 100 && reached.length < SEEDS.length; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f?.href?.startsWith('#/doc/')) {
        expect(f.onScreen, `${f.href} scrolled into view when focused`).toBe(true);
        reached.push(f.href);
      }
    }
    expect([...reached].sort()).toEqual(SEEDS.map((s) => `#/doc/${s.id}`).sort());

    // The last one reached has focus: Enter opens it and focus moves to the view.
    const last = reached.at(-1)!;
    const seed = SEEDS.find((s) => `#/doc/${s.id}` === last)!;
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 1, name: seed.title }));
    expect(hashOf(page)).toBe(last);
    expect((await focused(page))?.id).toBe('main');
  });

  it('carries a Content-Security-Policy that the browser enforces', async () => {
    await open();
    const policy = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    );
    expect(policy, 'CSP <meta> in the built page').not.toBeNull();
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain("default-src 'none'");

    const outcome = await page.evaluate(async () => {
      const violations: { directive: string; blocked: string }[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
      );
      const fetched = await fetch('https://example.com/refrain-e2e').then(
        () => 'resolved',
        (e: unknown) => `rejected: ${String(e)}`,
      );
      const image = await new Promise<string>((done) => {
        const img = new Image();
        img.onload = () => done('loaded');
        img.onerror = () => done('error');
        img.src = 'https://example.com/refrain-e2e.png';
        setTimeout(() => done('timeout'), 5000);
      });
      // securitypolicyviolation events are queued as tasks: let them arrive.
      await new Promise((r) => setTimeout(r, 100));
      return { fetched, image, violations };
    });
    expect(outcome.fetched).toMatch(/^rejected/);
    expect(outcome.image).toBe('error');
    expect(outcome.violations).toEqual(
      expect.arrayContaining([
        { directive: 'connect-src', blocked: expect.stringContaining('example.com') },
        { directive: 'img-src', blocked: expect.stringContaining('example.com') },
      ]),
    );
    // The blocked attempts never left the browser: Chromium reports the image
    // as a request that failed with "csp", and the fetch not at all. The only
    // console errors are its reports of the refusals. Forget them all so the
    // after-test check looks at everything else.
    expect(watch.failedRequests.filter((f) => !/^https:\/\/example\.com\/.*: csp$/.test(f)), 'failures other than the CSP refusals').toEqual([]);
    expect(watch.consoleErrors.filter((e) => !/Content Security Policy/.test(e)), 'console errors other than CSP reports').toEqual([]);
    expect(watch.consoleErrors.length).toBeGreaterThanOrEqual(2);
    expect(watch.pageErrors).toEqual([]);
    watch.clear();
  });

  it('has no serious or critical axe violations in the library and the reader', async () => {
    await open('#/library');
    const report: Record<string, string[]> = {};
    report.library = seriousViolations(await runAxe(page));
    await open(`#/doc/${SEEDS[1].id}`);
    await visible(page.getByRole('heading', { level: 1, name: SEEDS[1].title }));
    report['reader, clean'] = seriousViolations(await runAxe(page));
    await page.getByRole('button', { name: /^Original, with/ }).click();
    await visible(page.getByTestId('original-text'));
    report['reader, original'] = seriousViolations(await runAxe(page));
    await open('#/doc/no-such-document');
    await visible(page.getByRole('heading', { level: 1, name: 'Nothing here' }));
    report['not found'] = seriousViolations(await runAxe(page));
    // The dark theme has its own colours: check their contrast too.
    await page.emulateMedia({ colorScheme: 'dark' });
    await open('#/library');
    report['library, dark'] = seriousViolations(await runAxe(page));
    await open(`#/doc/${SEEDS[1].id}?mode=original`);
    await visible(page.getByTestId('original-text'));
    report['reader, original, dark'] = seriousViolations(await runAxe(page));
    expect(report).toEqual({
      library: [],
      'reader, clean': [],
      'reader, original': [],
      'not found': [],
      'library, dark': [],
      'reader, original, dark': [],
    });
  });
});
