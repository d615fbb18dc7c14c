/**
 * Search in the language of each document, in Chromium over the built file:
 * a French and a German text imported through the library, then a query in
 * one inflected form finds and marks the others ("oiseau" → "oiseaux",
 * "genehmigen" → "genehmigt"), each document read with its own language's
 * rules in one mixed corpus.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUrl, importThroughPanel, makeTempDir, openBuilt, screenshot, writeTempFiles, type BrowserSession, type PageWatch } from './harness.ts';

const paths = writeTempFiles({
  'oiseaux.txt':
    'Les oiseaux migrateurs sont revenus dans la vallée au printemps.\n\nLa mairie a présenté une étude sur les oiseaux de la région et sur les chevaux de la ferme.\n',
  'netze.md':
    '---\ntitle: Netzausbau\n---\nDie Regierung hat den Ausbau der Netze genehmigt, und sie will im Herbst weitere Anlagen genehmigen.\n\nDie Energiewenden der Nachbarländer sind nicht billig.\n',
});

let session: BrowserSession;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  ({ session, page, watch } = await openBuilt({ userDataDir: makeTempDir('refrain-search-languages-profile-') }));
  await importThroughPanel(page, paths);
});
afterAll(async () => session?.close());

/** The marked words of the results for `q`, once they show. */
async function marksFor(q: string): Promise<string[]> {
  await page.goto(`${fileUrl()}#/search?q=${encodeURIComponent(q)}`);
  const marks = page.locator('a.hit mark');
  await marks.first().waitFor({ timeout: 20_000 });
  return marks.allInnerTexts();
}

describe('search in the language of each imported text', () => {
  it('finds the plural of a French word from its singular', async () => {
    expect(await marksFor('oiseau')).toEqual(['oiseaux', 'oiseaux']);
    expect(await page.locator('.results h2').allInnerTexts()).toEqual(['oiseaux']);
    await screenshot(page, 'search-french-inflection');
  });

  it('finds German verb forms and plurals from another form', async () => {
    expect(await marksFor('genehmigen')).toEqual(['genehmigt', 'genehmigen']);
    expect(await marksFor('Energiewende')).toEqual(['Energiewenden']);
    expect(await page.locator('.results h2').allInnerTexts()).toEqual(['Netzausbau']);
    expect(watch.problems()).toEqual([]);
  });
});
