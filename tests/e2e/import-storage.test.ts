/**
 * Imported documents are never lost to storage (issue #14), in the built file
 * over file:// in Chromium:
 * - two tabs importing into the same corpus both keep their documents
 *   (item 3; before: the second tab wrote its stale list of documents over
 *   the first tab's, and after reopening only its own were there).
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
    expect(await c.locator('.card').count()).toBe(3);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });
});
