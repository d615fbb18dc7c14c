/**
 * What happens to each batch of candidates: a single-seed candidate must
 * pass the cheap test (single-seed.ts); the others, and those that pass,
 * are aligned over their seeds' extent and diagonals with a margin
 * (align.ts), and the alignment is cut into passages (passages.ts).
 */
import { AlignPath, AlignWindow, alignBanded } from './align.ts';
import { ANY_RARITY, CAND_A_FIRST, CAND_A_LAST, CAND_B_FIRST, CAND_B_LAST, CAND_DIAG_MAX, CAND_DIAG_MIN, CAND_DOC_A, CAND_DOC_B, CAND_INTS, CAND_SEEDS, type CandidateBatch } from './candidates.ts';
import type { ReuseOptions } from './options.ts';
import { DocPair, docColumnsOf, type DocColumns } from './pair.ts';
import { RawPassages, extractPassages } from './passages.ts';
import { touchBatch } from './prefetch.ts';
import type { CorpusColumns, PreparedDoc } from './prepare.ts';
import { diagonalSupport } from './single-seed.ts';

/**
 * Room for the kept passages' path steps, from the corpus's tokens: about
 * one step per 11 tokens on the bench's corpora (1M words: 88.5K steps
 * for 998K tokens, 8M: 726K for 7.99M), room for one per 8 at the start.
 * Grown by doubling from a few thousand, the columns (9 bytes a step) were
 * copied eight times at 8M words, on fresh pages.
 */
function stepsCapacity(tokens: number): number {
  return Math.max(4096, Math.ceil(tokens / 8));
}

/** One per detection: aligns the candidates batch by batch and keeps the raw passages. */
export class CandidateAligner {
  readonly docs: DocColumns;
  readonly pair: DocPair;
  readonly window = new AlignWindow();
  readonly path = new AlignPath();
  readonly raw: RawPassages;
  /** Candidates with fewer seeds must pass the single-seed test. */
  readonly minSeeds: number;
  /**
   * A lone seed whose pair is expected to occur by chance more than
   * `singleSeedMaxChance` times in the corpus is not enough on its own:
   * the highest rarity class a single-seed candidate may have. The
   * candidates above it are dropped as they are made (candidates.ts).
   */
  readonly singleMaxRarity: number;

  constructor(
    prepared: readonly PreparedDoc[],
    readonly corpus: CorpusColumns,
    chanceLog2Base: number,
    readonly options: ReuseOptions,
  ) {
    this.docs = docColumnsOf(prepared);
    this.raw = new RawPassages(stepsCapacity(corpus.flags.length));
    this.pair = new DocPair(corpus);
    this.minSeeds = options.minClusterSeeds;
    this.singleMaxRarity = options.singleSeedMaxChance > 0 ? Math.floor(Math.log2(options.singleSeedMaxChance) - chanceLog2Base) : ANY_RARITY;
  }

  /** Tests, aligns and cuts every candidate of `batch`, in order. */
  alignBatch(batch: CandidateBatch): void {
    touchBatch(batch, this);
    const rec = batch.records;
    for (let k = 0; k < batch.length; k++) this.alignCandidate(rec, CAND_INTS * k);
  }

  /** The candidate at `rec[q, q + CAND_INTS)`. */
  alignCandidate(rec: Int32Array, q: number): void {
    const opts = this.options;
    const pair = this.pair;
    const win = this.window;
    const ctAll = this.corpus.contentTok;
    const { contentOffset, contentCount } = this.docs;
    const da = rec[q + CAND_DOC_A]!;
    const db = rec[q + CAND_DOC_B]!;
    const aFirst = rec[q + CAND_A_FIRST]!;
    const aLast = rec[q + CAND_A_LAST]!;
    const bFirst = rec[q + CAND_B_FIRST]!;
    const bLast = rec[q + CAND_B_LAST]!;
    const diagMin = rec[q + CAND_DIAG_MIN]!;
    const single = rec[q + CAND_SEEDS]! < this.minSeeds;
    pair.set(this.docs, da, db);
    const ca = contentOffset[da]!;
    if (single && !diagonalSupport(pair, ctAll[ca + aFirst]!, diagMin, opts)) return;
    // The seeds' extent in tokens, with `alignMargin` tokens of context.
    const cb = contentOffset[db]!;
    const margin = opts.alignMargin;
    win.a0 = Math.max(0, ctAll[ca + aFirst]! - margin);
    win.a1 = Math.min(pair.countA, ctAll[ca + Math.min(aLast, contentCount[da]! - 1)]! + margin + 1);
    win.b0 = Math.max(0, ctAll[cb + bFirst]! - margin);
    win.b1 = Math.min(pair.countB, ctAll[cb + Math.min(bLast, contentCount[db]! - 1)]! + margin + 1);
    win.dLo = diagMin - opts.alignBand;
    win.dHi = rec[q + CAND_DIAG_MAX]! + opts.alignBand;
    // Inside one document, b must lie after a: never align a token with itself.
    if (pair.same) win.dLo = Math.max(win.dLo, 1);
    if (win.dHi < win.dLo) return;
    if (alignBanded(pair, win, opts, this.path, true) > 0) extractPassages(pair, this.path, opts, this.raw);
  }
}
