/**
 * Reading state that is never lost, in the built file over file:// and http:
 * a highlight and its note survive a reload and a browser restart (same
 * profile); two pages editing different notes both keep theirs; with
 * IndexedDB made unavailable the banner shows and export still works;
 * export, wipe and import restore everything; a copied link opens the same
 * view in a fresh profile without anyone's notes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  DIST,
  fileUrl,
  launchBrowser,
  makeTempDir,
  screenshot,
  startStaticServer,
  SUB_PATH,
  watchPage,
  type StaticServer,
} from './harness.ts';
import { DOC, highlightWithNote, noteTexts, OTHER, WAIT } from './reading-helpers.ts';

let server: StaticServer;
beforeAll(async () => {
  assertBuilt();
  server = await startStaticServer(DIST, { basePath: SUB_PATH });
});
afterAll(async () => server?.close());

describe.each([
  { entry: 'file://', url: () => fileUrl() },
  { entry: `http under ${SUB_PATH}`, url: () => server.indexUrl },
])('reading state over $entry', ({ url }) => {
  it('keeps a highlight and its note across a reload and a browser restart', async () => {
    const profile = makeTempDir('refrain-profile-');
    let session = await launchBrowser({ userDataDir: profile });
    let page = await session.newPage();
    const watch = watchPage(page);
    await page.goto(`${url()}#/doc/${DOC}`);
    await highlightWithNote(page, 1, 'My note survives.');
    expect(await page.locator('mark.hl').count()).toBe(1);

    await page.reload();
    expect(await noteTexts(page)).toEqual(['My note survives.']);
    expect(await page.locator('mark.hl').count()).toBe(1);
    expect(watch.problems()).toEqual([]);
    // A reader spends a moment on the page before closing the browser.
    await page.waitForTimeout(1000);
    await session.close();

    session = await launchBrowser({ userDataDir: profile });
    page = await session.newPage();
    await page.goto(url());
    // Opened without a view in the link: back where the reader was.
    await expect.poll(() => page.url(), WAIT).toContain(`#/doc/${DOC}`);
    expect(await noteTexts(page)).toEqual(['My note survives.']);
    await screenshot(page, 'reading-state-after-restart');
    await session.close();
  });

  it('keeps both notes when two pages edit different notes', async () => {
    const session = await launchBrowser();
    const context = await session.newContext();
    const [one, two] = [await context.newPage(), await context.newPage()];
    await one.goto(`${url()}#/doc/${DOC}`);
    await two.goto(`${url()}#/doc/${OTHER}`);
    await highlightWithNote(one, 1, 'Written in the first tab.');
    await highlightWithNote(two, 2, 'Written in the second tab.');
    // Each tab hears about the other's change.
    await one.goto(`${url()}#/notes`);
    await one.getByText('Written in the second tab.').waitFor(WAIT);
    await one.getByText('Written in the first tab.').waitFor(WAIT);
    await two.reload();
    await two.goto(`${url()}#/notes`);
    await two.getByText('Written in the first tab.').waitFor(WAIT);
    await session.close();
  });

  it('keeps working from memory, says so, and still exports when IndexedDB is unavailable', async () => {
    const session = await launchBrowser();
    const context = await session.newContext({ acceptDownloads: true });
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('IndexedDB is disabled in this test', 'SecurityError');
      };
    });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${url()}#/doc/${DOC}`);
    await page.getByText('Your notes are not being saved.').waitFor(WAIT);
    await highlightWithNote(page, 1, 'Kept in memory.');
    await screenshot(page, 'reading-state-no-indexeddb');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export your notes' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; records: unknown[] };
    expect(exported.format).toBe('refrain-state');
    expect(JSON.stringify(exported.records)).toContain('Kept in memory.');
    expect(watch.pageErrors).toEqual([]);
    await session.close();
  });

  it('restores everything from an export after the data is wiped', async () => {
    const session = await launchBrowser();
    const context = await session.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${url()}#/doc/${DOC}`);
    await highlightWithNote(page, 1, 'Exported and restored.');
    await page.goto(`${url()}#/notes`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export everything/ }).click()]);
    const file = (await download.path())!;

    // Wipe: delete the database and start afresh.
    await page.evaluate(() => new Promise((done) => Object.assign(indexedDB.deleteDatabase('refrain'), { onsuccess: done, onerror: done, onblocked: done })));
    await page.goto('about:blank');
    await page.goto(`${url()}#/notes`);
    await page.getByText('None yet: select text in a document to highlight it.').waitFor(WAIT);

    await page.getByLabel('Import an export (JSON):').setInputFiles(file);
    await page.getByRole('status').filter({ hasText: /Imported .*: [1-9]\d* added/ }).waitFor(WAIT);
    await page.goto(`${url()}#/doc/${DOC}`);
    expect(await noteTexts(page)).toEqual(['Exported and restored.']);

    // A broken file is refused with a message, and nothing is lost.
    await page.goto(`${url()}#/notes`);
    await page.getByLabel('Import an export (JSON):').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"refrain-state",') });
    await page.getByRole('alert').filter({ hasText: 'Nothing was imported from broken.json' }).waitFor(WAIT);
    await page.getByText('Exported and restored.').waitFor(WAIT);
    await session.close();
  });

  it('opens a copied link in another profile at the same view, without the notes', async () => {
    const session = await launchBrowser();
    const context = await session.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${url()}#/doc/${DOC}`);
    await highlightWithNote(page, 1, 'Private to this reader.');
    await page.goto(`${url()}#/compare/${DOC}/${OTHER}?sync=0`);
    await page.getByRole('heading', { name: 'Compare two documents' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Copy link' }).click();
    // From a file on disk, Copy link first says whom such a link works for (the same file, the same place: this other profile).
    if (url().startsWith('file:')) await page.getByRole('button', { name: 'Copy the file link anyway' }).click();
    await page.getByText(/Link copied|Link to this view/).first().waitFor(WAIT);
    const link = (await page.getByText('Link copied').count())
      ? await page.evaluate(() => navigator.clipboard.readText())
      : await page.getByLabel('Link to this view:').inputValue();
    expect(link).toContain(`#/compare/${DOC}/${OTHER}?sync=0`);
    expect(link).not.toContain('Private');

    const fresh = await launchBrowser();
    const other = await fresh.newPage();
    await other.goto(link);
    await other.getByRole('heading', { name: 'Compare two documents' }).waitFor(WAIT);
    expect(await other.getByLabel('Synchronised scrolling').isChecked()).toBe(false);
    await other.goto(`${url()}#/doc/${DOC}`);
    await other.locator('[data-testid="clean-text"] p').first().waitFor(WAIT);
    expect(await other.locator('mark.hl').count()).toBe(0);
    expect(await other.getByText('Private to this reader.').count()).toBe(0);
    await fresh.close();
    await session.close();
  });
});
