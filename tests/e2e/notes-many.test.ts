/**
 * Many notes at once (issue #14, 'Also'): a notes file of 6,000 records
 * (3,000 highlights, each with its note) imported in Chromium over the
 * built file. The page lists the first 300 of each list with "Show all",
 * and every record is saved (the count survives a reload). The freeze
 * itself is measured by tests/bench/notes-import-longtasks.ts, not here:
 * timings on a shared machine are not a test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, openBuilt, type BrowserSession, type PageWatch } from './harness.ts';

const dir = makeTempDir('refrain-notes-many-');
let session: BrowserSession;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  ({ session, page, watch } = await openBuilt({ hash: '#/notes', userDataDir: makeTempDir('refrain-notes-many-profile-') }));
});
afterAll(async () => session?.close());

describe('importing thousands of notes', () => {
  it('saves all 6,000 records and lists the first 300 highlights with "Show all"', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export everything (JSON)' }).click()]);
    const empty = join(dir, 'empty.json');
    await download.saveAs(empty);
    const file = JSON.parse(readFileSync(empty, 'utf8')) as Record<string, unknown>;
    const base = { createdAt: 1_700_000_000_000, rev: 1, updatedAt: 1_700_000_000_000 };
    const records = Array.from({ length: 3000 }, (_, i) => [
      { kind: 'highlight', docId: 'd1', id: `h${i}`, anchor: { quote: 'the river', prefix: '', suffix: '', start: i, end: i + 9 }, color: 'yellow', label: null, ...base },
      { kind: 'note', target: { type: 'highlight', docId: 'd1', highlightId: `h${i}` }, id: 'main', text: `Note ${i} on this passage.`, ...base },
    ]).flat();
    const path = join(dir, 'many.json');
    writeFileSync(path, JSON.stringify({ ...file, records }));
    await page.locator('label.import input').setInputFiles(path);
    const said = page.locator('section.actions p[role="status"]');
    await said.waitFor({ timeout: 120_000 });
    expect(await said.innerText()).toMatch(/^Imported many\.json: 6000 added/);
    const list = page.locator('section[aria-labelledby="hl-title"] > ul > li');
    expect(await list.count()).toBe(300);
    expect(await list.nth(0).locator('blockquote').innerText()).toBe('Note 0 on this passage.');
    await page.getByRole('button', { name: 'Show all 3,000 highlights' }).click();
    await expect.poll(() => list.count()).toBe(3000);
    expect(await list.nth(2999).locator('blockquote').innerText()).toBe('Note 2999 on this passage.');
    await page.reload();
    await expect.poll(() => page.locator('.summary').innerText(), { timeout: 30_000 }).toMatch(/3,000 highlights, 3,000 notes/);
    expect(watch.problems()).toEqual([]);
  });
});
