/**
 * Formulas as readers mean them (issue #12): on the synthetic corpus with
 * slogans in 60% and 100% of the documents, a frame around a slogan, one
 * outlet's own slogan, outlet footers and chance-level phrasing; on a phrase
 * in every one of 1,000 documents (speed); and on the labelled real sets
 * (KJV gospels, the same passages in French, State of the Union addresses).
 * See formula-metrics.ts for the definitions.
 */
import { loadEngine } from './engine.ts';
import { evaluate } from './evaluate.ts';
import { evaluateFormulas, type FormulaEvaluation, type FormulaFamilyLike, type KnownGroup } from './formula-metrics.ts';
import { collectGarbage, measurePeak } from './memory.ts';
import { median, registerSuite, round, type BenchTable, type Metric } from './metrics.ts';
import { PARALLEL_DIR, PARALLEL_FR_DIR, SOTU_DIR, loadParallel } from './parallel-fixture.ts';
import { REWORD_LEVELS, generateCorpus, type FormulaOptions } from './synthetic-corpus.ts';
import type { ReuseInput, ReuseResultLike, Span } from './types.ts';

/** The formulas planted in the quality corpus. */
export const FORMULA_PLAN: FormulaOptions = { sloganShares: [1, 0.6], frameShare: 0.12, footerOutlets: 3, ownSloganQuotes: 6, chancePerDoc: 0.5 };
/** The speed case: one slogan in every one of about this many documents. */
const UBIQUITOUS_DOCS = 1000;
const UBIQUITOUS_DOC_WORDS = 300;

const r3 = (x: number): number | null => round(x, 3);
type Result = Omit<ReuseResultLike, 'families'> & { families?: FormulaFamilyLike[] };

/** Families with a member overlapping a labelled span: on a partly labelled set, only they can be judged. */
function touchingLabels(result: Result, truth: readonly KnownGroup[]): Result {
  const spans = truth.flatMap((g) => g.spans);
  const touches = (m: Span): boolean => spans.some((s) => s.doc === m.doc && s.start < m.end && m.start < s.end);
  return { passages: result.passages, families: (result.families ?? []).filter((f) => f.members.some(touches)) };
}

function realSetRows(name: string, all: FormulaEvaluation, judged: FormulaEvaluation, truth: readonly KnownGroup[]): BenchTable {
  return {
    title: `${name}: each labelled formula's best family (held = occurrences it holds)`,
    columns: ['formula', 'level', 'occurrences', 'held', 'families holding', 'best family label', 'boilerplate'],
    rows: truth.map((g) => {
      const h = judged.held[g.id];
      return [g.id, g.level, g.spans.length, h?.held ?? 0, h?.families ?? 0, h?.bestLabel ?? '—', h?.boilerplate ? 'yes' : ''];
    }).concat([['(all families)', '', '', '', all.families, `label verbatim ${all.labelVerbatim.found}/${all.labelVerbatim.total}`, `${all.boilerplateFamilies} marked`]]),
  };
}

registerSuite({
  name: 'formulas',
  description: 'families as formulas: precision, purity, fragmentation, labels, ubiquitous slogans, boilerplate; real labelled sets',
  async run(ctx) {
    const engine = await loadEngine(ctx.flags.get('engine'));
    const notes: string[] = [`engine: ${engine.name}`];
    const metrics: Metric[] = [];
    const tables: BenchTable[] = [];

    // 1. The synthetic corpus of the quality suite, with formulas planted.
    const synth = generateCorpus({ words: 120_000, docWords: 600, seed: 42, plantedShare: 0.1, formulas: FORMULA_PLAN });
    ctx.log(`formulas: ${synth.docs.length} docs, ${synth.planted.length} planted passages, ${synth.formulas.length} formulas and known recurring texts`);
    const mem = await measurePeak(() => engine.detectReuse(synth.docs) as Result);
    const sres = mem.value;
    const planted = evaluate(sres, synth.planted);
    const known: KnownGroup[] = [...synth.planted, ...synth.formulas];
    const f = evaluateFormulas(sres, synth.docs, known);
    const fo = evaluateFormulas(sres, synth.docs, known.filter((g) => g.level !== 'reordered'));
    const held = (id: string): number | null => r3(f.held[id]?.share ?? NaN);
    const footers = synth.formulas.filter((g) => g.kind === 'footer');
    const footersMarked = footers.filter((g) => f.held[g.id]?.boilerplate).length;
    metrics.push(
      ...REWORD_LEVELS.map((level) => ({ name: `formula_recall_${level}`, value: r3(planted.recallByLevel[level]?.rate ?? NaN), unit: 'ratio', note: `${planted.recallByLevel[level]?.found}/${planted.recallByLevel[level]?.total} planted pairs` })),
      { name: 'formula_precision', value: r3(f.precision.rate), unit: 'ratio', note: `${f.precision.found}/${f.precision.total} passages on recurring text (planted, slogans, frames, footers, stock phrases)` },
      { name: 'formula_precision_planted', value: r3(planted.precision.rate), unit: 'ratio', note: 'as `precision`: only reworded planted passages count as right' },
      { name: 'formula_chance_passages', value: f.chancePassages, unit: 'passages', note: 'wrong passages with a side on a chance sentence' },
      { name: 'formula_family_purity', value: r3(f.purity), unit: 'ratio', note: `${f.families} families; members assigned by Jaccard` },
      { name: 'formula_fragmentation', value: r3(f.fragmentation.ratio), unit: 'families/formula', note: `${f.fragmentation.families} families of ${f.fragmentation.formulas} planted formulas (and ${f.fragmentation.frames} frames linked to one; ${f.neutralFamilies} families of stock phrases not counted); target ≤ 1.2` },
      { name: 'formula_fragmentation_ordered', value: r3(fo.fragmentation.ratio), unit: 'families/formula', note: `without the reordered plants (a reordered copy is its chunks in another order: several formulas)` },
      { name: 'formula_stray_families', value: f.strayFamilies, unit: 'families', note: 'most members on no recurring text' },
      { name: 'formula_label_verbatim', value: r3(f.labelVerbatim.rate), unit: 'ratio', note: `${f.labelVerbatim.found}/${f.labelVerbatim.total} labels stand verbatim in a member` },
      { name: 'formula_ubiquitous_100', value: held('slogan-100'), unit: 'ratio', note: `slogan in 100% of documents: share of its ${f.held['slogan-100']?.occurrences} occurrences in its best family (target ≥ 0.95)` },
      { name: 'formula_ubiquitous_60', value: held('slogan-60'), unit: 'ratio', note: `slogan in 60% of documents: share in its best family` },
      { name: 'formula_frame_held', value: held('frame'), unit: 'ratio', note: 'the frame around the 100% slogan: share in its best family' },
      { name: 'formula_own_slogan_held', value: held('own-slogan'), unit: 'ratio', note: `one outlet's slogan, quoted by others${f.held['own-slogan']?.boilerplate ? ' (WRONGLY marked boilerplate)' : ''}` },
      { name: 'formula_boilerplate_footers', value: r3(footers.length ? footersMarked / footers.length : NaN), unit: 'ratio', note: `${footersMarked}/${footers.length} outlet footers' best family marked boilerplate` },
      { name: 'formula_boilerplate_false', value: f.falseBoilerplate, unit: 'families', note: 'families of slogans, frames or planted passages marked boilerplate' },
      { name: 'formula_peak_heap_mb', value: round(mem.peakHeapMb, 1), unit: 'MB', note: `${synth.words.toLocaleString('en-US')} words, ${Math.round(mem.ms)} ms` },
    );
    tables.push({
      title: `Synthetic formulas (${synth.docs.length} docs, ${synth.words.toLocaleString('en-US')} words)`,
      columns: ['formula', 'kind', 'occurrences', 'held', 'share', 'families holding', 'best family label', 'boilerplate'],
      rows: synth.formulas.filter((g) => g.kind !== 'chance').map((g) => {
        const h = f.held[g.id];
        return [g.id, g.kind, g.spans.length, h?.held ?? 0, r3(h?.share ?? 0), h?.families ?? 0, (h?.bestLabel ?? '—').slice(0, 70), h?.boilerplate ? 'yes' : ''];
      }),
    });

    // 2. Speed: one slogan in every one of ~1,000 documents.
    const ubiq = generateCorpus({ words: UBIQUITOUS_DOCS * UBIQUITOUS_DOC_WORDS, docWords: UBIQUITOUS_DOC_WORDS, seed: 1000, plantedShare: 0.03, formulas: { sloganShares: [1] } });
    ctx.log(`formulas: ubiquitous slogan, ${ubiq.docs.length} docs`);
    engine.detectReuse(generateCorpus({ words: 60_000, docWords: UBIQUITOUS_DOC_WORDS, seed: 1001, formulas: { sloganShares: [1] } }).docs);
    const times: number[] = [];
    let ures: Result | null = null;
    for (let i = 0; i < 3; i++) {
      collectGarbage();
      const t = performance.now();
      ures = engine.detectReuse(ubiq.docs) as Result;
      times.push(performance.now() - t);
    }
    const umem = await measurePeak(() => engine.detectReuse(ubiq.docs).passages.length);
    const uf = evaluateFormulas(ures!, ubiq.docs, ubiq.formulas.filter((g) => g.kind === 'slogan'));
    metrics.push(
      { name: 'ubiquitous_1000_ms', value: round(median(times), 0), unit: 'ms', note: `${ubiq.docs.length} docs, ${ubiq.words.toLocaleString('en-US')} words, median of 3 (target < 2,000)` },
      { name: 'ubiquitous_1000_held', value: r3(uf.held['slogan-100']?.share ?? NaN), unit: 'ratio', note: `share of the slogan's ${ubiq.docs.length} occurrences in one family` },
      { name: 'ubiquitous_1000_peak_heap_mb', value: round(umem.peakHeapMb, 1), unit: 'MB' },
    );

    // 3. Real labelled sets.
    for (const [name, dir, prefix] of [['KJV gospels', PARALLEL_DIR, 'kjv'], ['Louis Segond gospels (French)', PARALLEL_FR_DIR, 'lsg'], ['State of the Union', SOTU_DIR, 'sotu']] as const) {
      const real = loadParallel(dir);
      const t = performance.now();
      const rres = engine.detectReuse(real.docs) as Result;
      const ms = performance.now() - t;
      const e = evaluate(rres, real.truth);
      const all = evaluateFormulas(rres, real.docs, real.truth);
      const judged = evaluateFormulas(touchingLabels(rres, real.truth), real.docs, real.truth);
      const heldShares = real.truth.map((g) => judged.held[g.id]?.share ?? 0);
      metrics.push(
        { name: `${prefix}_recall`, value: r3(e.recall.rate), unit: 'ratio', note: `${e.recall.found}/${e.recall.total} labelled pairs` },
        { name: `${prefix}_precision`, value: r3(e.precision.rate), unit: 'ratio', note: `${e.precision.found}/${e.precision.total} passages (lower bound: unlabelled reuse counts as wrong)` },
        { name: `${prefix}_held`, value: r3(heldShares.reduce((a, b) => a + b, 0) / heldShares.length), unit: 'ratio', note: 'mean share of a formula\'s occurrences in its best family' },
        { name: `${prefix}_fragmentation`, value: r3(judged.fragmentation.ratio), unit: 'families/formula', note: `${judged.fragmentation.families} families of ${judged.fragmentation.formulas} labelled formulas` },
        { name: `${prefix}_family_purity`, value: r3(judged.purity), unit: 'ratio', note: `${judged.families} families touching a label` },
        { name: `${prefix}_label_verbatim`, value: r3(all.labelVerbatim.rate), unit: 'ratio', note: `${all.labelVerbatim.found}/${all.labelVerbatim.total} families` },
      );
      tables.push(realSetRows(`${name} (${real.docs.length} docs, ${Math.round(ms)} ms)`, all, judged, real.truth));
    }
    return { metrics, tables, notes, info: { engine: engine.name, ubiquitous_runs_ms: times.map((x) => round(x, 0)) } };
  },
});
