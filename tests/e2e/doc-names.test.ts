/**
 * Documents that share an outlet and a date (one edition's several texts, a
 * class's undated essays) are told apart by title wherever a view names one
 * document: why a formula's versions matched, its versions in context, the
 * concordance's sources. Imported through the panel in a fresh profile.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filler } from './custom-build.ts';
import { fileUrl, importThroughPanel, makeTempDir, openBuilt, writeTempFiles, type BrowserSession, type PageWatch } from './harness.ts';

const SHARED = 'Every river town must publish its water quality report each spring so that residents can judge the progress themselves.';
const edition = (title: string, seed: number) => `---\ntitle: ${title}\noutlet: River Gazette\ndate: 2021-05-04\n---\n${filler(seed, 5)}\n\n${SHARED}\n\n${filler(seed + 1, 5)}\n`;
const files = { 'morning.md': edition('Morning edition', 10), 'evening.md': edition('Evening edition', 20), 'other.md': `---\ntitle: Weekly digest\noutlet: Valley Post\ndate: 2021-05-09\n---\n${filler(30, 4)}\n\n${SHARED}\n` };
const paths = writeTempFiles(files, 'refrain-doc-names-');

let session: BrowserSession;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  ({ session, page, watch } = await openBuilt({ userDataDir: makeTempDir('refrain-doc-names-profile-') }));
  await importThroughPanel(page, paths);
});
afterAll(async () => session?.close());

describe('documents with the same outlet and date', () => {
  it('are named with their titles in the family view', async () => {
    await page.goto(`${fileUrl()}#/phrases`);
    const formula = page.locator('a[href^="#/family/"]', { hasText: /water quality report/ }).first();
    await formula.waitFor({ timeout: 30_000 });
    await formula.click();
    const why = page.locator('section', { has: page.getByRole('heading', { name: 'Why these versions matched' }) });
    await expect.poll(() => why.innerText(), { timeout: 20_000 }).toMatch(/“Morning edition” \(River Gazette, 4 May 2021\) ↔ “Evening edition” \(River Gazette, 4 May 2021\)|“Evening edition” \(River Gazette, 4 May 2021\) ↔ “Morning edition” \(River Gazette, 4 May 2021\)/);
    // A document no other shares its outlet and date with keeps the short name.
    expect(await why.innerText()).toMatch(/Valley Post, 9 May 2021/);
    expect(await why.innerText()).not.toMatch(/“Weekly digest”/);
    const versions = await page.locator('.collation .versions .src').allInnerTexts();
    expect(versions).toEqual(expect.arrayContaining(['“Morning edition” (River Gazette, 4 May 2021)', '“Evening edition” (River Gazette, 4 May 2021)', 'Valley Post, 9 May 2021']));
    expect(watch.problems()).toEqual([]);
  });

  it('are named with their titles in the concordance', async () => {
    await page.goto(`${fileUrl()}#/kwic?q=${encodeURIComponent('water quality')}`);
    await expect.poll(() => page.locator('td.src').allInnerTexts(), { timeout: 20_000 }).toEqual(
      expect.arrayContaining(['“Morning edition” (River Gazette, 4 May 2021)', '“Evening edition” (River Gazette, 4 May 2021)', 'Valley Post, 9 May 2021']),
    );
  });
});
