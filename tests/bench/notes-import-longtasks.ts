/**
 * Browser bench: import a notes file of N note records (default 60,000)
 * through "Your notes" in the built single file (file://, headless
 * Chromium), and measure the main thread with a PerformanceObserver for
 * 'longtask' from the file being given until the result is shown.
 *
 *   npx tsx tests/bench/notes-import-longtasks.ts [--records 60000] [--families] [--profile]
 *
 * Records are half highlights, each with its note, or with --families notes
 * on formulas; --profile prints the functions that took the main thread.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileUrl, launchBrowser, makeTempDir, removeTempDirs } from '../e2e/harness.ts';

const args = process.argv.slice(2);
const wanted = Number(args[args.indexOf('--records') + 1]) || 60_000;
const dir = makeTempDir('refrain-notes-bench-');
const session = await launchBrowser();
try {
  const page = await session.newPage();
  await page.goto(`${fileUrl()}#/notes`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export everything (JSON)' }).click()]);
  const empty = join(dir, 'empty.json');
  await download.saveAs(empty);
  const file = JSON.parse(readFileSync(empty, 'utf8')) as Record<string, unknown>;
  const now = Date.now();
  // Half highlights, each with its note (a student's year of reading), or (--families) notes on formulas only.
  const base = { createdAt: now, rev: 1, updatedAt: now };
  const records = args.includes('--families')
    ? Array.from({ length: wanted }, (_, i) => ({ kind: 'note', target: { type: 'family', familyId: `f${i % 3000}` }, id: `n${i}`, text: `Note ${i} on this formula.`, ...base }))
    : Array.from({ length: wanted / 2 }, (_, i) => [
        { kind: 'highlight', docId: 'd1', id: `h${i}`, anchor: { quote: 'the river', prefix: '', suffix: '', start: i, end: i + 9 }, color: 'yellow', label: null, ...base },
        { kind: 'note', target: { type: 'highlight', docId: 'd1', highlightId: `h${i}` }, id: 'main', text: `Note ${i} on this passage.`, ...base },
      ]).flat();
  const path = join(dir, 'notes.json');
  writeFileSync(path, JSON.stringify({ ...file, records }));
  await page.evaluate(() => {
    const w = window as unknown as { __lt: number[] };
    w.__lt = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__lt.push(e.duration))).observe({ type: 'longtask' });
  });
  const profile = args.includes('--profile') ? await page.context().newCDPSession(page) : null;
  if (profile) {
    await profile.send('Profiler.enable');
    await profile.send('Profiler.start');
  }
  const start = Date.now();
  await page.locator('label.import input').setInputFiles(path);
  // A CSS selector, not getByText: Playwright's text search walks the whole (large) page in it.
  const result = page.locator('section.actions p[role="status"], section.actions p[role="alert"]');
  await result.waitFor({ timeout: 600_000 });
  if (profile) {
    const { profile: p } = (await profile.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[]; samples: number[]; timeDeltas: number[] } };
    const self = new Map<string, number>();
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const key = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}:${n.callFrame.url.slice(-20)}`;
      self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
    });
    console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${Math.round(v)} ms ${k}`).join('\n'));
  }
  const wall = Date.now() - start;
  await page.waitForTimeout(500);
  const lt = (await page.evaluate(() => (window as unknown as { __lt: number[] }).__lt)).map(Math.round);
  const said = await result.innerText();
  console.log(JSON.stringify({ records: wanted, wallMs: wall, longestTaskMs: Math.max(0, ...lt), longTasks: lt.length, blockedMs: lt.reduce((a, b) => a + b, 0), said: said.slice(0, 120) }));
} finally {
  await session.close();
  removeTempDirs();
}
