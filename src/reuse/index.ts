/**
 * Reuse detection: where the same framing and phrasing recurs between
 * documents and inside one. See README.md in this folder for the method;
 * each stage is a module of its own:
 *
 *   prepare → stem-stats → stock-phrases → seeds → buckets → candidates
 *   → align-candidates (single-seed, align, passages) → frequent (stars of
 *   phrases too frequent to seed) → significance → passage-output
 *   → formulas (formula-occurrences, formula-cores, formula-extents)
 *   → fragments → frame-purity → families
 */
import { Vocabulary } from '../text/vocabulary.ts';
import { CandidateAligner } from './align-candidates.ts';
import { endDeadMemory, lendDeadMemory } from './dead-memory.ts';
import { forEachCandidateBatch } from './candidates.ts';
import { buildFamilies, cmp } from './families.ts';
import { findFormulas } from './formulas.ts';
import { absorbFragments } from './fragments.ts';
import { separateFrames } from './frame-purity.ts';
import { alignStars, frequentStars } from './frequent.ts';
import { keepHiddenClasses } from './hidden-classes.ts';
import { resolveOptions, type ReuseOptions } from './options.ts';
import { OpCache, TOUCH_PASSAGES, dedupePassages, toPassage, touchPassages } from './passage-output.ts';
import { prepareDocs } from './prepare.ts';
import { collectSeeds } from './seeds.ts';
import { sentenceBreaks } from './sentence-breaks.ts';
import { ChanceModel, coveredRuns } from './significance.ts';
import type { ReuseInput, ReuseResult } from './types.ts';

export type { ReuseInput, Span, AlignOp, Passage, Family, FamilyVariant, FamilySpread, ReuseResult } from './types.ts';
export { DEFAULT_REUSE_OPTIONS, type ReuseOptions } from './options.ts';
export { wordingOf, rankFamilies } from './families.ts';
export { describeChance } from './significance.ts';
export { ANALYSIS_ENGINE_VERSION } from './version.ts';

export function detectReuse(docs: ReuseInput[], options?: Partial<ReuseOptions>): ReuseResult {
  keepHiddenClasses();
  const opts = resolveOptions(options);
  const seen = new Set<string>();
  for (const d of docs) {
    if (typeof d.id !== 'string' || typeof d.text !== 'string') {
      throw new Error(`detectReuse: each document needs a string id and text, got id ${String(d.id)}`);
    }
    if (seen.has(d.id)) throw new Error(`detectReuse: duplicate document id "${d.id}"`);
    seen.add(d.id);
  }
  // Work in id order, so the result cannot depend on the order given.
  const sorted = [...docs].sort((x, y) => cmp(x.id, y.id));
  try {
    return detectSorted(sorted, opts);
  } finally {
    endDeadMemory();
  }
}

function detectSorted(sorted: ReuseInput[], opts: ReuseOptions): ReuseResult {
  const vocab = new Vocabulary();
  const prepared = prepareDocs(sorted, vocab);
  if (prepared.length === 0) return { passages: [], families: [] };
  const seeds = collectSeeds(prepared, vocab, opts);
  const aligner = new CandidateAligner(prepared, prepared[0]!.corpus, seeds.chanceLog2Base, opts);
  forEachCandidateBatch(prepared.length, seeds, opts, (batch) => aligner.alignBatch(batch), aligner.singleMaxRarity);
  // The buckets are read no more: their buffers hold the later stages' columns (dead-memory.ts).
  lendDeadMemory([seeds.recurring, seeds.sorted, seeds.rarity]);

  // Phrases too frequent to seed: each occurrence aligned once, with its representative.
  alignStars(frequentStars(prepared, Int32Array.from(vocab.stemHash), opts.minContentWords), aligner);

  // Passages expected by chance more than `maxExpectedByChance` times are not reported.
  const raw = aligner.raw;
  const corpus = prepared[0]!.corpus;
  // The content-word list is read no more either.
  lendDeadMemory([corpus.contentTok]);
  const { tokOffset } = aligner.docs;
  const found = dedupePassages(raw.list);
  const chance = new ChanceModel(corpus.type, corpus.typeStem, corpus.flags, corpus.flags.length, seeds.stats.occurrences, seeds.stats.contentWords, coveredRuns(found, tokOffset));
  const opCache = new OpCache(vocab.surface);
  const passages = [];
  const kept = [];
  for (let i = 0; i < found.length; i++) {
    // Side b of each passage lies anywhere in the corpus: read a batch ahead.
    if (i % TOUCH_PASSAGES === 0) touchPassages(found, i, Math.min(found.length, i + TOUCH_PASSAGES), raw, prepared, corpus.flags);
    const r = found[i]!;
    const e = chance.expected(r, raw, corpus.type, corpus.typeStem, corpus.flags, tokOffset[r.docA]!, tokOffset[r.docB]!, r.frequent);
    if (!(e <= opts.maxExpectedByChance)) continue;
    kept.push(r);
    passages.push(toPassage(r, raw, prepared[r.docA]!, prepared[r.docB]!, opCache, e));
  }
  const { breaks, breakStart } = sentenceBreaks(prepared, vocab.surface, corpus.flags);
  // A literal, not a spread: a spread's hidden class is held only weakly (hidden-classes.ts).
  const layout = { flags: corpus.flags, offset: tokOffset, breaks, breakStart };
  const formulas = separateFrames(absorbFragments(findFormulas(kept, raw, layout, opts), opts.formulaFragmentShare), kept, raw, prepared);
  const families = buildFamilies(formulas, prepared, sorted, vocab.norm, layout, opts);
  return { passages, families };
}
