/**
 * passim's results read in Chromium over the built file (file://): a
 * corpus of 40 documents and its 300-odd cluster records (two part files,
 * Spark's _SUCCESS beside them) through "Import passim / TextPAIR
 * results…", the "computed by passim" mark, a family and a comparison
 * opened from it, the corpus and its analysis still there after a reload;
 * a corpus larger than the browser holds, narrowed by series before it is
 * imported; and the corpus exported for passim.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHash } from '../../src/state/url.ts';
import { makeArchive } from '../bench/passim-archive.ts';
import { fileUrl, makeTempDir, openBuilt, runAxe, screenshot, seriousViolations, type BrowserSession, type PageWatch } from './harness.ts';

interface ClusterRecord {
  cluster: number;
  id: string;
  begin: number;
  end: number;
  text: string;
  series: string;
}

function writeArchive(dir: string, documents: number, records: number): { files: string[]; records: ClusterRecord[] } {
  const archive = makeArchive({ documents, records, partRecords: Math.ceil(records / 2) });
  mkdirSync(join(dir, 'out.json'), { recursive: true });
  const files = [join(dir, 'corpus.jsonl')];
  writeFileSync(files[0]!, archive.corpus);
  archive.parts.forEach((p, i) => {
    const f = join(dir, 'out.json', `part-0000${i}-1b2c.json`);
    writeFileSync(f, p);
    files.push(f);
  });
  writeFileSync(join(dir, 'out.json', '_SUCCESS'), '');
  files.push(join(dir, 'out.json', '_SUCCESS'));
  return { files, records: archive.parts.flatMap((p) => p.trimEnd().split('\n').map((l) => JSON.parse(l) as ClusterRecord)) };
}

const small = writeArchive(makeTempDir('refrain-passim-small-'), 40, 300);
const large = writeArchive(makeTempDir('refrain-passim-large-'), 2010, 2500);

let session: BrowserSession;
let page: Page;
let watch: PageWatch;
const profile = makeTempDir('refrain-passim-profile-');

beforeAll(async () => {
  ({ session, page, watch } = await openBuilt({ hash: '#/library', userDataDir: profile }));
});
afterAll(async () => session?.close());

async function openResultsPanel() {
  await page.getByRole('button', { name: 'Import passim / TextPAIR results…' }).click();
  await page.getByRole('heading', { name: 'Import passim or TextPAIR results' }).waitFor();
}

describe('importing passim results', () => {
  it('imports a corpus and its clusters, marked as computed by passim', async () => {
    await openResultsPanel();
    await page.getByLabel('The command you ran, to show beside the analysis (optional)').fill('passim -n 15 corpus.jsonl out');
    await page.getByTestId('results-files').setInputFiles(small.files);
    await page.getByTestId('results-preview').filter({ hasText: 'Keeps 40 documents' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.files').innerText()).toMatch(/corpus\.jsonl: 40 documents[\s\S]*part-00000-1b2c\.json: \d+ passages in passim clusters/);
    expect(await page.locator('.files').innerText()).not.toMatch(/_SUCCESS/);
    await screenshot(page, 'interop-read');
    expect(seriousViolations(await runAxe(page, { include: '.results' }))).toEqual([]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported 40 documents with the analysis passim computed/).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { name: 'Import passim or TextPAIR results' }).count()).toBe(0);
    const mark = page.getByTestId('computed-by');
    await mark.getByText('Computed by passim').click();
    await expect.poll(() => mark.innerText()).toMatch(/its clusters[\s\S]*code points[\s\S]*passim -n 15 corpus\.jsonl out/);
    await screenshot(page, 'interop-imported');
    await page.keyboard.press('Escape');
    expect(watch.problems()).toEqual([]);
  });

  it("opens the largest cluster as a family, each member passim's passage, and compares two of them", async () => {
    const sizes = new Map<number, ClusterRecord[]>();
    for (const r of small.records) sizes.set(r.cluster, [...(sizes.get(r.cluster) ?? []), r]);
    const biggest = [...sizes.values()].sort((a, b) => b.length - a.length || a[0]!.cluster - b[0]!.cluster)[0]!;
    const firstWords = biggest[0]!.text.split(' ').slice(0, 3).join(' ');
    await page.goto(`${fileUrl()}#/phrases`);
    const family = page.getByRole('link', { name: new RegExp(firstWords.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await expect.poll(() => family.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await family.first().click();
    // One entry per version in the family view's list of wordings (inside each wording's details).
    await page.locator('.collation').waitFor();
    const versions = page.locator('.collation .versions > li');
    await expect.poll(() => versions.count()).toBe(biggest.length);
    // Each version is one of passim's passages for this cluster, at passim's offsets (its "Open in document" link highlights them).
    const spans = (await versions.locator('a', { hasText: 'Open in document' }).evaluateAll((links) => links.map((a) => a.getAttribute('href')!)))
      .map((h) => parseHash(h.slice(h.indexOf('#'))).view)
      .map((v) => (v.name === 'doc' ? `${v.id}:${v.hl?.start}-${v.hl?.end}` : ''));
    expect(spans.sort()).toEqual(biggest.map((r) => `${r.id}:${r.begin}-${r.end}`).sort());
    await screenshot(page, 'interop-family');
    await page.locator('.collation details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.getByRole('link', { name: /^Compare with the base's document/ }).first().click();
    await page.getByRole('heading', { name: 'Compare two documents' }).waitFor();
    await page.locator('section.column mark.pair').first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'interop-compare');
    expect(watch.problems()).toEqual([]);
  });

  it('keeps the corpus and its analysis after a reload, without recomputing it', async () => {
    await page.goto(`${fileUrl()}#/phrases`);
    await page.reload();
    await page.getByTestId('computed-by').waitFor({ timeout: 20_000 });
    const clusters = new Set(small.records.map((r) => r.cluster)).size;
    await expect.poll(() => page.getByText(new RegExp(`^${clusters} formulas recur across documents`)).count(), { timeout: 20_000 }).toBe(1);
  });

  it('exports the corpus for passim, one JSON document per line', async () => {
    await page.goto(`${fileUrl()}#/library`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export for passim' }).click()]);
    const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(40);
    expect(Object.keys(lines[0])).toEqual(['id', 'series', 'date', 'title', 'text']);
    expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
  });

  it('asks which part of a corpus too large for the browser to import, and says what it leaves out', async () => {
    await page.goto(`${fileUrl()}#/library`);
    await openResultsPanel();
    await page.getByTestId('results-files').setInputFiles(large.files);
    await page.getByText(/Too large for this browser \(2,010 documents; the browser holds at most 2,000\)/).waitFor({ timeout: 60_000 });
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /Evening Courier/ }).check();
    await page.getByTestId('results-preview').filter({ hasText: 'Keeps 335 documents' }).waitFor();
    expect(await page.getByTestId('results-preview').innerText()).toMatch(/leaves out 1,675 documents, [\d,]+ clusters/);
    await screenshot(page, 'interop-selection');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'interop-selection-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await importButton.click();
    await page.getByText(/Imported 335 documents with the analysis passim computed\. Left out: 1,675 documents/).waitFor({ timeout: 60_000 });
    expect(watch.problems()).toEqual([]);
    expect(watch.networkRequests().filter((u) => !u.startsWith('file:') && !u.startsWith('blob:'))).toEqual([]);
  });
});
