/**
 * Imported documents are never lost to storage (issue #14), in the built file
 * over file:// in Chromium:
 * - two tabs importing into the same corpus both keep their documents
 *   (item 3; before: the second tab wrote its stale list of documents over
 *   the first tab's, and after reopening only its own were there);
 * - an import onto a full disk (IndexedDB's put throwing QuotaExceededError)
 *   says what was not saved, keeps it with a banner offering export and a
 *   retry, and saves it once there is room; counts after a reload are what
 *   opens (item 4; before: "1 imported", a banner about the analysis only,
 *   the document gone after a reload, and a later import counted it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, fileUrl, launchBrowser, makeTempDir, watchPage, type BrowserSession } from './harness.ts';

const dir = makeTempDir('refrain-import-storage-');
const TOPICS = ['bridge', 'library', 'harbour', 'orchard'];
/** A short article of its own on `topic`, as `<topic>.txt`. */
function article(topic: string): string {
  const path = join(dir, `${topic}.txt`);
  writeFileSync(
    path,
    `The town council met on Tuesday to discuss the ${topic} and what it would cost.\n\nResidents asked about the ${topic}, the timetable for the works and the closures nearby.\n\nThe ${topic} committee said the first stage would begin next spring.\n`,
  );
  return path;
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('import-files').setInputFiles([path]);
  await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
}

const chosenCorpus = (page: Page) => page.locator('#corpus-select option:checked').innerText();

let session: BrowserSession;
beforeAll(async () => {
  assertBuilt();
  session = await launchBrowser();
});
afterAll(async () => session?.close());

describe('two tabs importing into one corpus (item 3)', () => {
  it('keep every document', async () => {
    const [first, second, third] = TOPICS.slice(0, 3).map(article);
    const context = await session.newContext();
    const a = await context.newPage();
    const watch = watchPage(a);
    await a.goto(`${fileUrl()}#/library`);
    await importFile(a, first!);
    const b = await context.newPage();
    await b.goto(`${fileUrl()}#/library`);
    await expect.poll(() => chosenCorpus(b), { timeout: 15_000 }).toMatch(/1 document\b/);
    await importFile(a, second!);
    await importFile(b, third!);

    const c = await context.newPage();
    await c.goto(`${fileUrl()}#/library`);
    await expect.poll(() => chosenCorpus(c), { timeout: 15_000 }).toMatch(/3 documents/);
    await expect.poll(() => c.locator('.card').count(), { timeout: 15_000 }).toBe(3);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });
});

describe('an import onto a full disk (item 4)', () => {
  it('says what was not saved, keeps it, and saves it once there is room', async () => {
    const [fourth, fifth] = [article(TOPICS[3]!), article('market')];
    const context = await session.newContext({ acceptDownloads: true });
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      const w = window as unknown as { diskFull?: boolean };
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (w.diskFull && this.name === 'corpora') throw new DOMException('The disk is full', 'QuotaExceededError');
        return put.call(this, value, key);
      };
    });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${fileUrl()}#/library`);
    await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = true));
    await importFile(page, fourth);
    await expect.poll(() => page.locator('.progress .detail').innerText(), { timeout: 15_000 }).toMatch(/1 imported, 1 not saved: kept in this tab only/);
    const banner = page.getByRole('alert').filter({ hasText: 'not saved' });
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toMatch(/1 imported document is not saved \(QuotaExceededError: the disk is full\)/);
    const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Export corpus' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    await banner.getByRole('button', { name: 'Try again' }).click(); // still full: still there
    await banner.waitFor();

    // Room again: the next import saves both.
    await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = false));
    await importFile(page, fifth);
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
    await page.reload();
    // The disk was full when the corpus was made, so which corpus was open was not saved either: choose it.
    const made = page.locator('#corpus-select option', { hasText: 'My texts' });
    await expect.poll(() => made.innerText(), { timeout: 15_000 }).toMatch(/\(2 documents\)/);
    await page.locator('#corpus-select').selectOption((await made.getAttribute('value'))!);
    await expect.poll(() => chosenCorpus(page), { timeout: 15_000 }).toMatch(/\(2 documents/);
    await expect.poll(() => page.locator('.card').count(), { timeout: 15_000 }).toBe(2);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });
});
