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
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { fileUrl, INDEX_HTML, launchBrowser, makeTempDir, removeTempDirs, ROOT, watchPage } from '../e2e/harness.ts';
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
  // The floor: Playwright hands files to an <input> over the DevTools protocol, and the least
  // any page must do, list the chosen files' names, already blocks it. Measured on a bare input.
  const bare = await session.newPage();
  await bare.setContent('<input type="file" multiple>');
  await bare.evaluate(() => {
    const w = window as unknown as { __lt: number[]; __names: string[] };
    w.__lt = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__lt.push(e.duration))).observe({ type: 'longtask' });
    document.querySelector('input')!.addEventListener('change', (e) => (w.__names = Array.from((e.target as HTMLInputElement).files ?? [], (f) => f.name)));
  });
  await bare.locator('input').setInputFiles(paths);
  await bare.waitForTimeout(300);
  const harnessLongTasks = ((await bare.evaluate(() => (window as unknown as { __lt: number[] }).__lt)) as number[]).map(Math.round);
  await bare.close();

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
  await page.goto(`${fileUrl()}#/library`);
  await page.getByRole('button', { name: /Drop files or a folder here/ }).waitFor();
  await page.evaluate(() => ((window as unknown as { __longTaskOn: boolean }).__longTaskOn = true));
  const profiler = args.includes('--profile') ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 500 });
    await profiler.send('Profiler.start');
  }
  const tracing = args.includes('--trace') && session.browser;
  if (tracing) await session.browser!.startTracing(page, { path: join(ROOT, 'test-results', 'import-trace.json'), categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'toplevel'] });
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
  if (tracing) await session.browser!.stopTracing();
  if (profiler) {
    // Main-thread functions by self time over the whole import: where long tasks come from.
    const { profile } = (await profiler.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byName = new Map<string, number>();
    for (const n of profile.nodes) {
      const name = `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber}`;
      byName.set(name, (byName.get(name) ?? 0) + (self.get(n.id) ?? 0) / 1000);
    }
    // The longest stretch of samples with no idle between them: what the longest task ran.
    const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
    let best = { from: 0, to: 0, ms: 0 };
    for (let i = 0, from = 0, ms = 0; i < profile.samples.length; i++) {
      if (idle.has(profile.samples[i]!)) { from = i + 1; ms = 0; continue; }
      ms += (profile.timeDeltas[i] ?? 0) / 1000;
      if (ms > best.ms) best = { from, to: i, ms };
    }
    const inTask = new Map<string, number>();
    const nodeName = new Map(profile.nodes.map((n) => [n.id, `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber}`]));
    for (let i = best.from; i <= best.to; i++) inTask.set(nodeName.get(profile.samples[i]!)!, (inTask.get(nodeName.get(profile.samples[i]!)!) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    const parents = new Map<number, number>();
    for (const n of profile.nodes as { id: number; children?: number[] }[]) for (const c of n.children ?? []) parents.set(c, n.id);
    const stacks = new Map<string, number>();
    for (let i = best.from; i <= best.to; i++) {
      const chain: string[] = [];
      for (let id: number | undefined = profile.samples[i]; id !== undefined && chain.length < 12; id = parents.get(id)) chain.push(nodeName.get(id)!);
      const k = chain.filter((c) => !c.startsWith('(root)')).reverse().join(' > ');
      stacks.set(k, (stacks.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
    console.log(`longest busy stretch ${best.ms.toFixed(0)} ms:`, [...inTask].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
    console.log('top stacks:\n  ' + [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${v.toFixed(0)} ms ${k}`).join('\n  '));
    console.log('main-thread self time (ms):', [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('\n  '));
  }
  const longTasks = (await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)) as number[];
  const summary = await page.locator('.progress .detail').innerText();
  // The library says how many documents the corpus now has (cells show only a few cards each).
  const cards = Number((await page.locator('p.summary').first().innerText()).match(/^([\d,]+) documents/)?.[1]?.replace(/,/g, '') ?? 0);
  const result = {
    documents: docs.length,
    words: docs.reduce((n, d) => n + (d.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0),
    imported: cards,
    longestTaskMs: longTasks.length ? Math.round(Math.max(...longTasks)) : 0,
    longTasks: longTasks.length,
    longTasksMs: longTasks.map((t) => Math.round(t)),
    harnessFileDeliveryLongTasksMs: harnessLongTasks,
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
    console.log(`  floor: the same files handed to a bare <input> that only lists their names: long tasks ${JSON.stringify(harnessLongTasks)} ms`);
    console.log(`Throughput: cleaning ${result.cleaningDocsPerSecond} docs/s (${result.cleaningMs} ms); end to end with reuse detection ${result.endToEndDocsPerSecond} docs/s (reuse ${result.reuseMs} ms)`);
    console.log(`Panel: ${result.summary}`);
    if (result.problems.length) console.log('Page problems:', result.problems);
  }
} finally {
  await session.close();
  removeTempDirs();
}

