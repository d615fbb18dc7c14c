/**
 * Reuse engine quality: recall per rewording level and precision on a
 * synthetic corpus with planted passages, and recall/precision on the real
 * labelled parallel set (tests/fixtures/parallel).
 */
import { loadEngine } from './engine.ts';
import { evaluate, type Evaluation } from './evaluate.ts';
import { registerSuite, round, type BenchTable, type Metric } from './metrics.ts';
import { loadParallel } from './parallel-fixture.ts';
import { REWORD_LEVELS, generateCorpus } from './synthetic-corpus.ts';

const r3 = (x: number): number | null => round(x, 3);

function recallRows(e: Evaluation): BenchTable['rows'] {
  return Object.entries(e.recallByLevel).map(([level, r]) => [level, r.found, r.total, r3(r.rate)]);
}

registerSuite({
  name: 'reuse-quality',
  description: 'recall and precision of the reuse engine against planted and labelled passages',
  async run(ctx) {
    const engine = await loadEngine(ctx.flags.get('engine'));
    const notes: string[] = [`engine: ${engine.name}`];

    // Synthetic: 200 documents of ~600 words, 10% of words in planted copies.
    const synth = generateCorpus({ words: 120_000, docWords: 600, seed: 42, plantedShare: 0.1 });
    ctx.log(`reuse-quality: ${synth.docs.length} docs, ${synth.planted.length} planted passages`);
    let t = performance.now();
    const sres = engine.detectReuse(synth.docs);
    const synthMs = performance.now() - t;
    const s = evaluate(sres, synth.planted, { keepMissed: 5 });

    // Real: the synoptic parallels.
    const real = loadParallel();
    t = performance.now();
    const rres = engine.detectReuse(real.docs);
    const realMs = performance.now() - t;
    const r = evaluate(rres, real.truth);

    const metrics: Metric[] = [
      ...REWORD_LEVELS.map((level) => ({ name: `recall_${level}`, value: r3(s.recallByLevel[level]?.rate ?? NaN), unit: 'ratio' })),
      { name: 'recall', value: r3(s.recall.rate), unit: 'ratio', note: `${s.recall.found}/${s.recall.total} planted pairs` },
      { name: 'recall_short', value: r3(s.recallByLength['1-12']?.rate ?? NaN), unit: 'ratio', note: 'planted passages of 6–12 words' },
      { name: 'precision', value: r3(s.precision.rate), unit: 'ratio', note: `${s.precision.found}/${s.precision.total} passages` },
      ...Object.entries(s.precisionByTier).map(([tier, p]) => ({ name: `precision_${tier}`, value: r3(p.rate), unit: 'ratio', note: `${p.found}/${p.total}` })),
      { name: 'char_precision', value: r3(s.charPrecision), unit: 'ratio', note: 'share of marked characters inside planted spans' },
      { name: 'family_purity', value: r3(s.families.purity), unit: 'ratio', note: `${s.families.count} families` },
      { name: 'quality_corpus_words', value: synth.words, unit: 'words' },
      { name: 'real_recall', value: r3(r.recall.rate), unit: 'ratio', note: `${r.recall.found}/${r.recall.total} labelled pairs` },
      ...['close', 'loose', 'short'].map((lv) => ({ name: `real_recall_${lv}`, value: r3(r.recallByLevel[lv]?.rate ?? NaN), unit: 'ratio', note: `${r.recallByLevel[lv]?.found ?? 0}/${r.recallByLevel[lv]?.total ?? 0}` })),
      { name: 'real_precision', value: r3(r.precision.rate), unit: 'ratio', note: `${r.precision.found}/${r.precision.total} passages` },
      { name: 'real_char_precision', value: r3(r.charPrecision), unit: 'ratio' },
    ];

    const tables: BenchTable[] = [
      {
        title: `Synthetic recall by rewording level (${synth.docs.length} docs, ${synth.words.toLocaleString('en-US')} words, ${Math.round(synthMs)} ms)`,
        columns: ['level', 'found', 'pairs', 'recall'],
        rows: recallRows(s),
      },
      {
        title: 'Synthetic recall by passage length (words)',
        columns: ['length', 'found', 'pairs', 'recall'],
        rows: Object.entries(s.recallByLength).map(([k, v]) => [k, v.found, v.total, r3(v.rate)]),
      },
      {
        title: `Real parallel set: recall per labelled passage (${real.docs.length} docs, ${Math.round(realMs)} ms)`,
        columns: ['passage', 'level', 'found', 'pairs'],
        rows: real.truth.map((g) => {
          const e = evaluate(rres, [g]);
          return [g.id, g.level, e.recall.found, e.recall.total];
        }),
      },
    ];
    for (const m of s.missed) {
      const text = (sp: { doc: string; start: number; end: number }): string =>
        synth.docs.find((d) => d.id === sp.doc)!.text.slice(sp.start, sp.end).slice(0, 90);
      notes.push(`missed (${m.level}): "${text(m.a)}" ~ "${text(m.b)}"`);
    }
    return { metrics, tables, notes, info: { engine: engine.name } };
  },
});
