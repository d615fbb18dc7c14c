/**
 * Reuse detection: where the same framing and phrasing recurs between
 * documents and inside one. See README.md in this folder for the method.
 */
import { Vocabulary } from '../text/vocabulary.ts';
import { AlignPath, alignBanded } from './align.ts';
import { forEachCandidate } from './candidates.ts';
import { buildFamilies, cmp } from './families.ts';
import { resolveOptions, type ReuseOptions } from './options.ts';
import { OpCache, RawPassages, dedupePassages, extractPassages, toPassage } from './passages.ts';
import { TOK_BANAL, TOK_CONTENT, prepareDocs, type CorpusColumns } from './prepare.ts';
import { collectSeeds } from './seeds.ts';
import type { ReuseInput, ReuseResult } from './types.ts';

export type { ReuseInput, Span, AlignOp, Passage, Family, FamilyVariant, FamilySpread, ReuseResult } from './types.ts';
export { DEFAULT_REUSE_OPTIONS, type ReuseOptions } from './options.ts';
export { wordingOf } from './families.ts';

/** Candidates per batch (see the loop in detectReuse). */
const BATCH = 1024;
/** Where the batch's touch loop leaves its sum, so the reads are not dropped. */
const touched = new Int32Array(1);

export function detectReuse(docs: ReuseInput[], options?: Partial<ReuseOptions>): ReuseResult {
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
  const seeds = collectSeeds(prepared, vocab, opts);

  // A lone seed whose pair is expected to occur by chance more than
  // `singleSeedMaxChance` times in the corpus is not enough on its own.
  const singleMaxRarity = opts.singleSeedMaxChance > 0 ? Math.floor(Math.log2(opts.singleSeedMaxChance) - seeds.chanceLog2Base) : 1e9;
  const path = new AlignPath();
  const raw = new RawPassages();
  // Token offsets and counts per document, and the corpus-wide columns: the
  // single-seed test reads them without touching the partner's object.
  const tokOffset = new Int32Array(prepared.length);
  const tokCount = new Int32Array(prepared.length);
  const contentOffset = new Int32Array(prepared.length);
  const contentCount = new Int32Array(prepared.length);
  for (const d of prepared) {
    tokOffset[d.index] = d.offset;
    tokCount[d.index] = d.count;
    contentOffset[d.index] = d.contentOffset;
    contentCount[d.index] = d.contentTok.length;
  }
  const corpus = prepared.length > 0 ? prepared[0]!.corpus : null;
  const minSeeds = opts.minClusterSeeds;
  // Candidates are handled in batches, in their order: before a batch, one
  // tight loop reads the partner's tokens where each single-seed test will
  // look. Those reads are independent, so their cache misses overlap
  // (the test itself, one candidate at a time, waited for each in turn:
  // at 8M most tests read B's columns at a random place).
  // One record of 10 ints per candidate: [0] docA, [1] docB, [2] aFirst,
  // [3] aLast, [4] bFirst, [5] bLast, [6] diagMin, [7] diagMax, [8] seeds,
  // [9] rarity (the Candidate's fields, written in the visitor below).
  const batch = new Int32Array(BATCH * 10);
  let nb = 0;
  const flush = (): void => {
    const { stem, contentTok: ctAll } = corpus!;
    const last = stem.length - 1;
    const win = opts.singleSeedWindow;
    let sink = 0;
    for (let k = 0; k < nb; k++) {
      const q = 10 * k;
      const db = batch[q + 1]!;
      if (batch[q + 8]! >= minSeeds) {
        // Aligned for sure: B's first content word (its token index is read next).
        sink += ctAll[contentOffset[db]! + batch[q + 4]!]!;
        continue;
      }
      if (batch[q + 9]! > singleMaxRarity) continue;
      const da = batch[q]!;
      const at = tokOffset[db]! + ctAll[contentOffset[da]! + batch[q + 2]!]! + batch[q + 6]!;
      // Both ends of the ±singleSeedWindow window (it spans one or two lines).
      sink += stem[Math.max(0, Math.min(last, at - win))]! + stem[Math.max(0, Math.min(last, at + win))]!;
    }
    for (let k = 0; k < nb; k++) {
      const q = 10 * k;
      if (batch[q + 8]! < minSeeds) continue;
      const db = batch[q + 1]!;
      const x = Math.min(last, tokOffset[db]! + ctAll[contentOffset[db]! + batch[q + 4]!]!);
      sink += stem[x]!;
    }
    touched[0] = sink;
    for (let k = 0; k < nb; k++) {
      const q = 10 * k;
      const da = batch[q]!;
      const db = batch[q + 1]!;
      const aFirst = batch[q + 2]!;
      const aLast = batch[q + 3]!;
      const bFirst = batch[q + 4]!;
      const bLast = batch[q + 5]!;
      const diagMin = batch[q + 6]!;
      const diagMax = batch[q + 7]!;
      const A = prepared[da]!;
      const ctA = A.contentTok;
      if (batch[q + 8]! < minSeeds) {
        if (batch[q + 9]! > singleMaxRarity) continue;
        if (!diagonalSupport(A.corpus, A.offset, A.count, tokOffset[db]!, tokCount[db]!, da === db, ctA[aFirst]!, diagMin, opts)) continue;
      }
      // B's windows from the corpus-wide columns: its document object is
      // touched only when the alignment yields something.
      const cb = contentOffset[db]!;
      const a0 = Math.max(0, ctA[aFirst]! - opts.alignMargin);
      const a1 = Math.min(A.count, ctA[Math.min(aLast, ctA.length - 1)]! + opts.alignMargin + 1);
      const b0 = Math.max(0, ctAll[cb + bFirst]! - opts.alignMargin);
      const b1 = Math.min(tokCount[db]!, ctAll[cb + Math.min(bLast, contentCount[db]! - 1)]! + opts.alignMargin + 1);
      let dLo = diagMin - opts.alignBand;
      const dHi = diagMax + opts.alignBand;
      // Inside one document, b must lie after a: never align a token with itself.
      if (da === db) dLo = Math.max(dLo, 1);
      if (dHi < dLo) continue;
      if (alignBanded(A.corpus, A.offset, tokOffset[db]!, a0, a1, b0, b1, dLo, dHi, opts, path) > 0) {
        extractPassages(A.corpus, da, A.offset, A.count, db, tokOffset[db]!, tokCount[db]!, path, opts, raw);
      }
    }
    nb = 0;
  };
  forEachCandidate(prepared, seeds, opts, (c) => {
    const q = 10 * nb;
    batch[q] = c.docA;
    batch[q + 1] = c.docB;
    batch[q + 2] = c.aFirst;
    batch[q + 3] = c.aLast;
    batch[q + 4] = c.bFirst;
    batch[q + 5] = c.bLast;
    batch[q + 6] = c.diagMin;
    batch[q + 7] = c.diagMax;
    batch[q + 8] = c.seeds;
    batch[q + 9] = c.rarity;
    if (++nb === BATCH) flush();
  });
  if (nb > 0) flush();

  const opCache = new OpCache(vocab.surface);
  const passages = dedupePassages(raw.list).map((r) => toPassage(r, raw, prepared[r.docA]!, prepared[r.docB]!, opCache));
  const families = buildFamilies(passages, sorted, opts);
  return { passages, families };
}

/**
 * A cheap test before aligning a single-seed candidate around token `t` of
 * A: at least `minMatchedTokens` tokens match on the seed's diagonal within
 * ±`singleSeedWindow` tokens, and at least `minContentMatches` content
 * words outside stock phrases match within ±`singleSeedContext` tokens on
 * that diagonal or the next one on either side (one inserted or dropped
 * word). A passage needs both, so this drops most chance hits and few real
 * ones.
 */
function diagonalSupport(corpus: CorpusColumns, oa: number, countA: number, ob: number, countB: number, same: boolean, t: number, diag: number, opts: ReuseOptions): boolean {
  const { stem, flags } = corpus;
  const w = opts.singleSeedWindow;
  const lo = Math.max(0, t - w, -diag);
  const hi = Math.min(countA - 1, t + w, countB - 1 - diag);
  let matches = 0;
  if (!same || diag !== 0) {
    const shift = ob + diag;
    for (let i = lo; i <= hi; i++) if (stem[oa + i] === stem[shift + i]) matches++;
  }
  if (matches < opts.minMatchedTokens) return false;
  if (opts.minContentMatches <= 0) return true;
  const cw = opts.singleSeedContext;
  const lo2 = Math.max(0, t - cw);
  const hi2 = Math.min(countA - 1, t + cw);
  const bLast = countB - 1;
  let fresh = 0;
  for (let i = lo2; i <= hi2; i++) {
    const fa = flags[oa + i]!;
    if ((fa & TOK_CONTENT) === 0) continue;
    const s = stem[oa + i];
    const banalA = (fa & TOK_BANAL) !== 0;
    const j1 = Math.min(bLast, i + diag + 1);
    for (let j = Math.max(0, i + diag - 1); j <= j1; j++) {
      if (stem[ob + j] === s && (!same || j > i) && (!banalA || (flags[ob + j]! & TOK_BANAL) === 0)) {
        if (++fresh >= opts.minContentMatches) return true;
        break;
      }
    }
  }
  return false;
}
