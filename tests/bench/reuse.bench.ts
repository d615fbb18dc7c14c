/**
 * Reuse engine cost at ≥ 1,000,000 words: T0 baseline (one tokenising pass),
 * whole detectReuse time, its ratio to T0, scaling to an 8× corpus, peak
 * memory, and how cost grows with corpus size.
 */
import { loadEngine } from './engine.ts';
import { collectGarbage, measurePeak } from './memory.ts';
import { median, registerSuite, round, type BenchTable, type Metric } from './metrics.ts';
import { generateCorpus } from './synthetic-corpus.ts';
import type { ReuseInput } from './types.ts';

const SEED = 1;

/** T0: one pass of the reference tokeniser over every document; returns tokens seen. */
export function t0Pass(docs: readonly ReuseInput[]): number {
  let n = 0;
  for (const d of docs) n += d.text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return n;
}

function timeT0(docs: readonly ReuseInput[], passes: number): { ms: number; words: number } {
  const times: number[] = [];
  let words = 0;
  for (let i = 0; i < passes; i++) {
    const t = performance.now();
    words = t0Pass(docs);
    times.push(performance.now() - t);
  }
  return { ms: median(times), words };
}

registerSuite({
  name: 'reuse',
  description: 'reuse engine time, memory and scaling on synthetic news corpora',
  async run(ctx) {
    const engine = await loadEngine(ctx.flags.get('engine'));
    const baseWords = Number(ctx.flags.get('base-words') ?? (ctx.quick ? 100_000 : 1_000_000));
    const notes: string[] = [`engine: ${engine.name}`];
    const left = (): number => ctx.deadline - performance.now();
    const run = (docs: ReuseInput[]): { ms: number; passages: number } => {
      const t = performance.now();
      const r = engine.detectReuse(docs);
      return { ms: performance.now() - t, passages: r.passages.length };
    };
    // Every timed run starts after full GCs (no garbage of the generator or of an
    // earlier run is charged to it) and without the memory sampler's thread: memory is
    // measured in separate runs. Both sizes are timed alike.
    const timed = (docs: ReuseInput[]): { ms: number; passages: number } => {
      collectGarbage();
      collectGarbage();
      return run(docs);
    };

    // Warm the JIT first, so the timed runs measure the engine, not compilation: on a
    // corpus of the base size (another seed), so every path of the timed runs has run
    // at the sizes it will see (a 20k-word warm-up left winnowing, its rarity classes
    // and the larger tables cold: the first 1M run paid ≈ 140 ms for it, and a 400k
    // warm-up still left the first 1M run ≈ 60–100 ms slow while the JIT re-tiered).
    // The 20k corpus warms the small-corpus path that the growth runs below take.
    ctx.log(`reuse: warm-up`);
    run(generateCorpus({ words: 20_000, seed: SEED + 100 }).docs);
    if (!ctx.quick) run(generateCorpus({ words: baseWords, seed: SEED + 100 }).docs);

    ctx.log(`reuse: generating ${baseWords.toLocaleString('en-US')}-word corpus`);
    let gen = performance.now();
    let corpus: ReturnType<typeof generateCorpus> | null = generateCorpus({ words: baseWords, seed: SEED });
    const genMsPerWord = (performance.now() - gen) / corpus.words;
    const docs = corpus.docs;
    const t0 = timeT0(docs, 7);
    ctx.log(`reuse: T0 ${t0.ms.toFixed(1)} ms over ${t0.words.toLocaleString('en-US')} words`);

    // Memory, in a run of its own (not timed for the metrics).
    const first = await measurePeak(() => engine.detectReuse(docs));
    const times: number[] = [];
    const passages = first.value.passages.length;
    ctx.log(`reuse: memory run ${first.ms.toFixed(0)} ms, ${passages} passages, peak heap ≈ ${first.peakHeapMb.toFixed(0)} MB`);
    // Growth: base/8, base/4, base/2 (single runs; same generator, same seed).
    const growth: Array<{ words: number; docs: number; ms: number; passages: number }> = [];
    for (const f of [8, 4, 2]) {
      if (left() < (first.ms * 1.5) / f + 5_000) { notes.push(`growth at base/${f} skipped: time budget`); continue; }
      const c = generateCorpus({ words: baseWords / f, seed: SEED });
      const r = run(c.docs);
      growth.push({ words: c.words, docs: c.docs.length, ms: r.ms, passages: r.passages });
      ctx.log(`reuse: ${c.words.toLocaleString('en-US')} words ${r.ms.toFixed(0)} ms`);
    }

    // Up to 3 timed runs of the base corpus for the median, while the budget allows.
    while (times.length < 3 && (times.length === 0 || left() > first.ms * 1.3 + 10_000)) {
      const r = timed(docs);
      times.push(r.ms);
      ctx.log(`reuse: run ${times.length} ${r.ms.toFixed(0)} ms`);
    }
    const reuseMs = median(times);
    if (times.length < 3) notes.push(`reuse_ms is the median of ${times.length} run(s): time budget`);
    growth.push({ words: t0.words, docs: docs.length, ms: reuseMs, passages });

    // Scaling: 8× the base corpus if it fits the budget (assume up to 2.5× worse than linear), else base/8 → base.
    let scaling: number | null = null;
    let scaleFrom = 0, scaleTo = 0;
    corpus = null;
    const est8 = reuseMs * 8 * 2.5 + genMsPerWord * baseWords * 8 + 10_000;
    if (left() > est8 && ctx.flags.get('no-8x') === undefined) {
      ctx.log(`reuse: generating ${(baseWords * 8).toLocaleString('en-US')}-word corpus (8×)`);
      gen = performance.now();
      const big = generateCorpus({ words: baseWords * 8, seed: SEED });
      ctx.log(`reuse: generated in ${(performance.now() - gen).toFixed(0)} ms; running`);
      const r = timed(big.docs);
      const words8 = t0Pass(big.docs);
      growth.push({ words: words8, docs: big.docs.length, ms: r.ms, passages: r.passages });
      ctx.log(`reuse: 8× ${r.ms.toFixed(0)} ms`);
      scaling = r.ms / reuseMs;
      scaleFrom = t0.words;
      scaleTo = words8;
      if (left() > r.ms * 2 + 5_000) {
        const m = await measurePeak(() => engine.detectReuse(big.docs).passages.length);
        notes.push(`8× run: ${m.peakHeapMb.toFixed(0)} MB peak heap (approx.), ${m.peakRssMb.toFixed(0)} MB peak RSS growth (separate run)`);
      } else notes.push('8× memory not measured: time budget');
    } else {
      const small = growth.find((g) => Math.abs(g.words * 8 - t0.words) / t0.words < 0.1);
      if (small) {
        scaling = reuseMs / small.ms;
        scaleFrom = small.words;
        scaleTo = t0.words;
        notes.push(`reuse_scaling_8x measured from ${small.words.toLocaleString('en-US')} to ${t0.words.toLocaleString('en-US')} words: an 8× run on the base corpus would not fit the time budget (est. ${(est8 / 1000).toFixed(0)} s)`);
      } else {
        notes.push('reuse_scaling_8x not measured: time budget');
      }
    }

    const metrics: Metric[] = [
      { name: 'corpus_words', value: t0.words, unit: 'words' },
      { name: 'corpus_docs', value: docs.length, unit: 'docs' },
      { name: 't0_ms', value: round(t0.ms, 2), unit: 'ms', note: 'median of 7 passes' },
      { name: 'reuse_ms', value: round(reuseMs, 1), unit: 'ms', note: `median of ${times.length}` },
      { name: 'reuse_vs_t0', value: round(reuseMs / t0.ms, 2), unit: '×' },
      { name: 'reuse_ms_per_1k_words', value: round(reuseMs / (t0.words / 1000), 3), unit: 'ms' },
      { name: 'reuse_scaling_8x', value: round(scaling, 2), unit: '×', note: scaling === null ? 'not measured' : `${scaleFrom} → ${scaleTo} words` },
      { name: 'reuse_scaling_base_words', value: scaleFrom || null, unit: 'words' },
      { name: 'reuse_scaling_top_words', value: scaleTo || null, unit: 'words' },
      { name: 'reuse_peak_heap_mb', value: round(first.peakHeapMb, 1), unit: 'MB', note: 'V8 heap committed after the run minus live heap before' },
      { name: 'reuse_peak_rss_mb', value: round(first.peakRssMb, 1), unit: 'MB', note: 'peak resident set growth during the run' },
      { name: 'reuse_passages', value: passages, unit: 'passages' },
    ];
    const table: BenchTable = {
      title: 'Reuse cost by corpus size',
      columns: ['words', 'docs', 'reuse ms', 'ms / 1k words', 'passages'],
      rows: growth
        .sort((a, b) => a.words - b.words)
        .map((g) => [g.words, g.docs, round(g.ms, 0), round(g.ms / (g.words / 1000), 3), g.passages]),
    };
    return { metrics, tables: [table], notes, info: { engine: engine.name, reuse_runs_ms: times.map((t) => round(t, 1)) } };
  },
});
