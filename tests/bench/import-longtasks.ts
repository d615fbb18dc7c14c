/**
 * Browser bench: import 1,000 synthetic documents through the real import
 * panel of the built single file (file://, headless Chromium) and measure
 * the page's responsiveness with a PerformanceObserver for 'longtask'
 * (main-thread tasks over 50 ms) from the moment the files are given until
 * reuse detection has finished.
 *
 *   npx tsx tests/bench/import-longtasks.ts [--docs 1000] [--json]
 *
 * Builds dist/ first when it is missing. Reports the longest task, the
 * number of long tasks, and throughput (documents per second, cleaning and
 * end to end including reuse detection).
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { fileUrl, INDEX_HTML, launchBrowser, makeTempDir, ROOT, watchPage } from '../e2e/harness.ts';
import { generateCorpus } from './synthetic-corpus.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const docsWanted = Number(args[args.indexOf('--docs') + 1]) || 1000;
const DOC_WORDS = 600;

if (!existsSync(INDEX_HTML) || args.includes('--build')) {
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error' });
}

const corpus = generateCorpus({ words: Math.ceil(docsWanted * DOC_WORDS * 1.05), docWords: DOC_WORDS, seed: 7 });
const docs = corpus.docs.slice(0, docsWanted);
const dir = makeTempDir('refrain-import-bench-');
const paths = docs.map((d, i) => {
  const path = join(dir, `${String(i).padStart(4, '0')}-${d.id}.txt`);
  const date = d.date ? `date: ${d.date.value}\n` : '';
  writeFileSync(path, `---\ntitle: Synthetic ${d.id}\noutlet: ${d.outlet ?? 'not named'}\n${date}---\n${d.text}\n`);
  return path;
});

const session = await launchBrowser();
try {
  const page = await session.newPage();
  const watch = watchPage(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[]; __longTaskOn: boolean };
    w.__longTasks = [];
    w.__longTaskOn = false;
    new PerformanceObserver((list) => {
      if (w.__longTaskOn) for (const e of list.getEntries()) { w.__longTasks.push(e.duration); (w as unknown as { __starts: number[] }).__starts = [...((w as unknown as { __starts?: number[] }).__starts ?? []), Math.round(e.startTime)]; }
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(fileUrl());
  await page.getByRole('button', { name: /Drop files or a folder here/ }).waitFor();
  await page.evaluate(() => ((window as unknown as { __longTaskOn: boolean }).__longTaskOn = true));
  const t0 = Date.now();
  // setInputFiles itself reads the files in the test process and hands them to the page over CDP.
  await page.getByTestId('import-files').setInputFiles(paths);
  const tGiven = Date.now();
  await page.getByTestId('import-stage').filter({ hasText: /Finding recurring passages|Done/ }).waitFor({ timeout: 600_000 });
  const tCleaned = Date.now();
  const pCleaned = await page.evaluate(() => Math.round(performance.now()));
  await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout: 600_000 });
  const tDone = Date.now();
  const pDone = await page.evaluate(() => Math.round(performance.now()));
  if (args.includes('--debug')) console.log('cleaned at', pCleaned, 'done at', pDone, 'long tasks start', await page.evaluate(() => (window as unknown as { __starts?: number[] }).__starts));
  await page.waitForTimeout(300); // let the observer deliver the last entries
  const longTasks = (await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)) as number[];
  const summary = await page.locator('.progress .detail').innerText();
  const cards = await page.locator('.card').count();
  const result = {
    documents: docs.length,
    words: docs.reduce((n, d) => n + (d.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0),
    imported: cards,
    longestTaskMs: longTasks.length ? Math.round(Math.max(...longTasks)) : 0,
    longTasks: longTasks.length,
    longTasksMs: longTasks.map((t) => Math.round(t)),
    setInputFilesMs: tGiven - t0,
    cleaningDocsPerSecond: Math.round((docs.length / ((tCleaned - tGiven) / 1000)) * 10) / 10,
    endToEndDocsPerSecond: Math.round((docs.length / ((tDone - tGiven) / 1000)) * 10) / 10,
    cleaningMs: tCleaned - tGiven,
    reuseMs: tDone - tCleaned,
    summary,
    problems: watch.problems(),
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(`Imported ${result.imported}/${result.documents} documents (${result.words.toLocaleString('en')} words) through the import panel`);
    console.log(`Long tasks (>50 ms) while importing and analysing: ${result.longTasks}; longest ${result.longestTaskMs} ms ${result.longTasksMs.length ? `(${result.longTasksMs.join(', ')})` : ''}`);
    console.log(`Throughput: cleaning ${result.cleaningDocsPerSecond} docs/s (${result.cleaningMs} ms); end to end with reuse detection ${result.endToEndDocsPerSecond} docs/s (reuse ${result.reuseMs} ms)`);
    console.log(`Panel: ${result.summary}`);
    if (result.problems.length) console.log('Page problems:', result.problems);
  }
} finally {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
}

