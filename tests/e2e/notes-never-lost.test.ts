/**
 * Notes are never lost (issue #14, items 1 and 2), in the built file over
 * file:// in Chromium:
 * - a note typed a moment before the tab is reloaded, closed, or closed
 *   through its beforeunload handler is there when it is opened again
 *   (before: the editor waited 600 ms of quiet before saving, and the
 *   page-hide handler saved only the last view);
 * - two tabs writing the same note within a second keep both texts (before:
 *   the tab that saved last overwrote the other's words);
 * - a stale tab (one that does not hear the others) writing over a note
 *   changed elsewhere gets a conflict copy it can see, use or delete;
 * - a notes file whose saved comparison links out of the app is refused
 *   (item 11);
 * - notes exported from a corpus of one's own import into the same corpus
 *   re-imported in a fresh profile (item 5).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, fileUrl, launchBrowser, makeTempDir, SCREENSHOT_DIR, watchPage, type BrowserSession } from './harness.ts';
import { DOC, highlightWithNote, noteTexts, OTHER, WAIT } from './reading-helpers.ts';

const url = () => `${fileUrl()}#/doc/${DOC}`;
/** "A few hundred milliseconds before closing." */
const BEFORE_CLOSING_MS = 200;

beforeAll(() => assertBuilt());

/** Every note's text in the document's panel: the fields and the other versions shown under them. */
async function allNoteTexts(page: Page): Promise<string[]> {
  const fields = await noteTexts(page);
  const others = await page.locator('.panel .other blockquote').allInnerTexts();
  return [...fields, ...others];
}

/** A picture of one part of the page (the notes panel, the banner), to look at. */
async function shot(part: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await part.scrollIntoViewIfNeeded();
  await part.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

async function typeInNote(page: Page, text: string): Promise<void> {
  const field = page.getByPlaceholder('Add a note…').first();
  await field.click();
  await field.press('End');
  await field.pressSequentially(text);
}

describe('a note typed just before the page goes away is kept (item 2)', () => {
  for (const how of ['reload', 'close', 'close with beforeunload'] as const) {
    it(`on ${how}`, async () => {
      const profile = makeTempDir('refrain-profile-');
      const session = await launchBrowser({ userDataDir: profile });
      try {
        const page = await session.newPage();
        const watch = watchPage(page);
        await page.goto(url());
        await highlightWithNote(page, 1, 'First words.');
        await typeInNote(page, ' Typed just before leaving.');
        await page.waitForTimeout(BEFORE_CLOSING_MS);
        let again: Page = page;
        if (how === 'reload') await page.reload();
        else {
          await page.close({ runBeforeUnload: how === 'close with beforeunload' });
          if (!page.isClosed()) await page.waitForEvent('close', WAIT);
          again = await session.newPage();
          await again.goto(url());
        }
        expect(await noteTexts(again)).toEqual(['First words. Typed just before leaving.']);
        expect(watch.pageErrors).toEqual([]);
      } finally {
        await session.close();
      }
    });
  }
});

describe('a change made as the page hides is kept (item 2)', () => {
  // The view is remembered on pagehide; an IndexedDB write begun then did not outlive a reload.
  it('reopens the view shown when the page was reloaded at once', async () => {
    const session = await launchBrowser({ userDataDir: makeTempDir('refrain-profile-') });
    try {
      const page = await session.newPage();
      await page.goto(url());
      await page.locator('[data-testid="clean-text"] p').first().waitFor(WAIT);
      await page.evaluate(() => (location.hash = '#/notes'));
      await page.getByRole('heading', { name: 'Your notes' }).waitFor(WAIT);
      await page.goto(fileUrl()); // at once: no link to a view, so the last one is reopened
      await expect.poll(() => page.url(), WAIT).toContain('#/notes');
    } finally {
      await session.close();
    }
  });
});

describe('one note written in two tabs at once (item 1)', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchBrowser();
  });
  afterAll(async () => session?.close());

  it('keeps both tabs’ words when they type within a second of each other', async () => {
    const context = await session.newContext();
    const a = await context.newPage();
    await a.goto(url());
    await highlightWithNote(a, 1, 'original v0');
    const b = await context.newPage();
    await b.goto(url());
    expect(await noteTexts(b)).toEqual(['original v0']);

    await typeInNote(b, 'TEXT FROM B');
    await typeInNote(a, 'TEXT FROM A');
    await a.keyboard.press('Tab'); // A leaves the field well within 600 ms of B's typing
    await b.keyboard.press('Tab');
    await a.waitForTimeout(1500);

    const c = await context.newPage();
    await c.goto(url());
    const texts = (await allNoteTexts(c)).join('\n');
    expect(texts).toContain('TEXT FROM A');
    expect(texts).toContain('TEXT FROM B');
    await context.close();
  });

  it('a stale tab’s words become a conflict copy it sees, and can use or delete', async () => {
    const context = await session.newContext({ viewport: { width: 1280, height: 800 } });
    const b = await context.newPage();
    await b.goto(url());
    await highlightWithNote(b, 1, 'original v0');
    const a = await context.newPage();
    // A never hears the other tab (as a tab the browser had frozen, or a browser without BroadcastChannel).
    await a.addInitScript(() => Object.defineProperty(window, 'BroadcastChannel', { value: undefined }));
    const watch = watchPage(a);
    await a.goto(url());
    expect(await noteTexts(a)).toEqual(['original v0']);

    await typeInNote(b, ' and B’s addition');
    await b.keyboard.press('Tab');
    await b.getByRole('status').filter({ hasText: /Saved$/ }).first().waitFor(WAIT);

    await typeInNote(a, ' and A’s own words');
    await a.getByText('Saved in another tab while you were writing:').waitFor(WAIT);
    await a.getByRole('alert').filter({ hasText: 'Both versions are kept' }).waitFor(WAIT);
    // What A typed stayed in its field, whole.
    expect(await noteTexts(a)).toEqual(['original v0 and A’s own words']);
    expect(await a.locator('.panel .other.theirs blockquote').innerText()).toBe('original v0 and B’s addition');
    await shot(a.locator('.banner.notice'), 'conflict-notice-1280');
    await shot(a.locator('aside.panel'), 'conflict-while-typing-1280');
    await a.setViewportSize({ width: 390, height: 844 });
    await shot(a.locator('.banner.notice'), 'conflict-notice-390');
    await shot(a.locator('aside.panel'), 'conflict-while-typing-390');

    await a.keyboard.press('Tab');
    expect(await noteTexts(a)).toEqual(['original v0 and B’s addition']);
    const copy = a.locator('.panel .other.conflict');
    expect(await copy.locator('.kind').innerText()).toMatch(/^Conflict copy/);
    expect(await copy.locator('blockquote').innerText()).toBe('original v0 and A’s own words');
    await shot(a.locator('aside.panel'), 'conflict-copy-390');
    await a.setViewportSize({ width: 1280, height: 800 });
    await shot(a.locator('aside.panel'), 'conflict-copy-1280');

    await copy.getByRole('button', { name: /Use this version/ }).click();
    await expect.poll(() => noteTexts(a), WAIT).toEqual(['original v0 and A’s own words']);
    await expect.poll(() => a.locator('.panel .other').count(), WAIT).toBe(0);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });
});

describe('a saved comparison links only to the app’s own view (item 11)', () => {
  // Before: an imported notes file's comparison route was used as the link as it stood: http://…/phish was followed.
  it('refuses a notes file whose comparison links elsewhere, and links the saved one to its compare view', async () => {
    const session = await launchBrowser();
    try {
      const context = await session.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(`${fileUrl()}#/compare/${DOC}/${OTHER}`);
      await page.getByRole('button', { name: 'Save this comparison' }).click();
      await page.getByRole('button', { name: 'Saved in Your notes' }).waitFor(WAIT);
      await page.goto(`${fileUrl()}#/notes`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export everything/ }).click()]);
      const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { records: { kind: string; route?: string; updatedAt: number }[] };
      const saved = file.records.find((r) => r.kind === 'comparison')!;
      expect(saved.route).toMatch(/^#\/compare\//);
      Object.assign(saved, { route: 'http://phish.example/login', updatedAt: saved.updatedAt + 1000 });

      await page.getByLabel('Import an export (JSON):').setInputFiles({ name: 'phish.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await page.getByRole('alert').filter({ hasText: /Nothing was imported from phish\.json: .*route/ }).waitFor(WAIT);
      const links = await page.locator('main a[href]').evaluateAll((els) => els.map((el) => el.getAttribute('href')!));
      expect(links.filter((h) => !h.startsWith('#/'))).toEqual([]);
      expect(links.some((h) => h.startsWith(`#/compare/${DOC}/${OTHER}`))).toBe(true);
      expect(watch.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe('notes follow their texts, not the storage key (item 5)', () => {
  // Before: the notes file named the corpus by the key made when it was imported, so in a
  // fresh profile the re-imported corpus (another key) refused them: "belongs to another corpus".
  it('exports a corpus of one’s own and its notes; a fresh profile imports the corpus, then the notes', async () => {
    const dir = makeTempDir('refrain-notes-move-');
    const article = join(dir, 'river-report.txt');
    writeFileSync(
      article,
      'The river council met on Tuesday to discuss the new bridge and its cost.\n\nResidents asked the council about the timetable for the works and the closures on the old road.\n\nEngineers said the first stage would begin next spring.\n',
    );
    const first = await launchBrowser();
    const [corpusFile, notesFile] = await (async () => {
      const context = await first.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(`${fileUrl()}#/library`);
      await page.getByTestId('import-files').setInputFiles([article]);
      await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
      await page.goto(`${fileUrl()}#/doc/river-report`);
      await highlightWithNote(page, 1, 'Ask about the closures.');
      const save = async (click: () => Promise<void>, name: string) => {
        const [download] = await Promise.all([page.waitForEvent('download'), click()]);
        const path = join(dir, name);
        await download.saveAs(path);
        return path;
      };
      await page.goto(`${fileUrl()}#/library`);
      const corpus = await save(() => page.getByRole('button', { name: 'Export corpus' }).click(), 'corpus.json');
      await page.goto(`${fileUrl()}#/notes`);
      const notes = await save(() => page.getByRole('button', { name: /Export everything/ }).click(), 'notes.json');
      return [corpus, notes];
    })();
    await first.close();

    const fresh = await launchBrowser();
    try {
      const page = await fresh.newPage();
      const watch = watchPage(page);
      await page.goto(`${fileUrl()}#/library`);
      await page.getByTestId('import-corpus-file').setInputFiles(corpusFile);
      await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
      await page.goto(`${fileUrl()}#/notes`);
      await page.getByLabel('Import an export (JSON):').setInputFiles(notesFile);
      await page.getByRole('status').filter({ hasText: /Imported notes\.json: [1-9]\d* added/ }).waitFor(WAIT);
      await page.goto(`${fileUrl()}#/doc/river-report`);
      expect(await noteTexts(page)).toEqual(['Ask about the closures.']);
      expect(await page.locator('mark.hl').count()).toBe(1);
      expect(watch.pageErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
