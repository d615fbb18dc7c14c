/**
 * Search index cost at ≥ 1,000,000 words (the synthetic news corpus):
 * index build time ÷ T0, median 5-word query time ÷ T0, and memory (JS heap
 * plus ArrayBuffers) retained by the index relative to the corpus text. T0 is
 * one pass of `text.toLowerCase().match(/[\p{L}\p{N}]+/gu)` over every document.
 * A query is timed as the user waits for it: parsing, the index lookup,
 * checking phrases, and marks and snippets for every result shown; each of the
 * 60 queries runs once (distinct queries, no cache), then all again.
 */
import { SearchEngine } from '../../src/search/engine.ts';
import { collectGarbage } from './memory.ts';
import { median, registerSuite, round, type Metric } from './metrics.ts';
import { t0Pass } from './reuse.bench.ts';
import { generateCorpus, makeRng } from './synthetic-corpus.ts';
import type { ReuseInput } from './types.ts';

const QUERIES = 60;

function timeT0(docs: readonly ReuseInput[]): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    t0Pass(docs);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Five consecutive words from random paragraphs: queries with at least one hit. */
function fiveWordQueries(docs: readonly ReuseInput[], n: number): string[] {
  const rng = makeRng(7);
  const out: string[] = [];
  while (out.length < n) {
    const d = docs[Math.floor(rng() * docs.length)]!;
    const words = d.text.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length < 10) continue;
    const at = Math.floor(rng() * (words.length - 5));
    out.push(words.slice(at, at + 5).join(' '));
  }
  return out;
}

export async function runSearchBench(docs: readonly ReuseInput[]): Promise<{ metrics: Metric[]; notes: string[] }> {
  const searchDocs = docs.map((d) => ({ id: d.id, title: null, outlet: d.outlet ?? null, date: d.date ?? null, text: d.text }));
  // Warm-up on a slice, so the JIT compiles the hot paths before timing.
  new SearchEngine(searchDocs.slice(0, 50)).search('the news of the day');
  const t0 = timeT0(docs);
  const chars = docs.reduce((n, d) => n + d.text.length, 0);

  // The index keeps typed arrays, whose backing stores V8 counts outside heapUsed:
  // retained memory is the JS heap plus ArrayBuffer memory.
  const liveBytes = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  collectGarbage();
  collectGarbage();
  const heapBefore = liveBytes();
  const t = performance.now();
  const engine = new SearchEngine(searchDocs);
  const buildMs = performance.now() - t;
  collectGarbage();
  collectGarbage();
  const retained = liveBytes() - heapBefore;

  // Two more builds: the first one is what a reader waits for, but on a shared machine a
  // single ~200 ms timing is easily preempted; the median of the others shows the noise.
  const rebuilds: number[] = [];
  for (let i = 0; i < 2; i++) {
    collectGarbage();
    const r = performance.now();
    new SearchEngine(searchDocs);
    rebuilds.push(performance.now() - r);
  }
  collectGarbage();

  const queries = fiveWordQueries(docs, QUERIES);
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const s = performance.now();
    hits += engine.search(q).totalHits;
    times.push(performance.now() - s);
  }
  const queryMs = median(times);
  // The same queries again: no result cache anywhere, but the JIT and the CPU caches are warm.
  const again = queries.map((q) => {
    const s = performance.now();
    engine.search(q);
    return performance.now() - s;
  });
  const sorted = [...times].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
  // Corpus text as UTF-16 in memory (2 bytes a code unit): the index's overhead on top of it.
  const corpusBytes = chars * 2;
  return {
    metrics: [
      { name: 'search_t0_ms', value: round(t0, 1), unit: 'ms' },
      { name: 'search_index_ms', value: round(buildMs, 0), unit: 'ms' },
      { name: 'index_vs_t0', value: round(buildMs / t0, 2), unit: '×T0', note: 'target ≤ 6' },
      { name: 'search_rebuild_vs_t0', value: round(median(rebuilds) / t0, 2), unit: '×T0', note: 'median of two more builds, same corpus' },
      { name: 'search_5word_ms', value: round(queryMs, 3), unit: 'ms', note: `median of ${QUERIES} distinct queries (no result cache), full search incl. snippets` },
      { name: 'search_5word_first_ms', value: round(times[0]!, 3), unit: 'ms', note: 'the first query after the build' },
      { name: 'search_5word_p90_ms', value: round(p90, 3), unit: 'ms' },
      { name: 'search_5word_repeat_ms', value: round(median(again), 3), unit: 'ms', note: 'the same queries again (no result cache; JIT and CPU caches warm)' },
      { name: 'search_5word_vs_t0', value: round(queryMs / t0, 5), unit: '×T0', note: 'target ≤ 0.002 (1/500)' },
      { name: 'search_index_retained_mb', value: round(retained / 2 ** 20, 1), unit: 'MB' },
      { name: 'search_index_vs_corpus', value: round(retained / corpusBytes, 2), unit: '×corpus', note: 'heap + ArrayBuffers retained ÷ corpus text (UTF-16 bytes)' },
    ],
    notes: [`${engine.unitCount.toLocaleString('en-US')} paragraphs indexed; ${hits} paragraph hits over ${QUERIES} queries`],
  };
}

registerSuite({
  name: 'search',
  description: 'search index build, 5-word query time and index memory on the synthetic corpus',
  async run(ctx) {
    const words = Number(ctx.flags.get('base-words') ?? (ctx.quick ? 100_000 : 1_000_000));
    ctx.log(`search: generating ${words.toLocaleString('en-US')}-word corpus`);
    const corpus = generateCorpus({ words, seed: 1 });
    const out = await runSearchBench(corpus.docs);
    for (const m of out.metrics) ctx.log(`search: ${m.name} = ${m.value} ${m.unit}`);
    return out;
  },
});
