/**
 * Reuse detection: where the same framing and phrasing recurs between
 * documents and inside one. See README.md in this folder for the method;
 * each stage is a module of its own:
 *
 *   prepare → stem-stats → stock-phrases → seeds → buckets → candidates
 *   → align-candidates (single-seed, align, passages) → passage-output
 *   → families
 */
import { Vocabulary } from '../text/vocabulary.ts';
import { CandidateAligner } from './align-candidates.ts';
import { forEachCandidateBatch } from './candidates.ts';
import { buildFamilies, cmp } from './families.ts';
import { keepHiddenClasses } from './hidden-classes.ts';
import { resolveOptions, type ReuseOptions } from './options.ts';
import { OpCache, dedupePassages, toPassage } from './passage-output.ts';
import { prepareDocs } from './prepare.ts';
import { collectSeeds } from './seeds.ts';
import type { ReuseInput, ReuseResult } from './types.ts';

export type { ReuseInput, Span, AlignOp, Passage, Family, FamilyVariant, FamilySpread, ReuseResult } from './types.ts';
export { DEFAULT_REUSE_OPTIONS, type ReuseOptions } from './options.ts';
export { wordingOf } from './families.ts';
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
  const vocab = new Vocabulary();
  const prepared = prepareDocs(sorted, vocab);
  if (prepared.length === 0) return { passages: [], families: [] };
  const seeds = collectSeeds(prepared, vocab, opts);
  const aligner = new CandidateAligner(prepared, prepared[0]!.corpus, seeds.chanceLog2Base, opts);
  forEachCandidateBatch(prepared.length, seeds, opts, (batch) => aligner.alignBatch(batch));

  const raw = aligner.raw;
  const opCache = new OpCache(vocab.surface);
  const passages = dedupePassages(raw.list).map((r) => toPassage(r, raw, prepared[r.docA]!, prepared[r.docB]!, opCache));
  const families = buildFamilies(passages, sorted, opts);
  return { passages, families };
}
