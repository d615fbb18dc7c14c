/**
 * Touch loops: CPU-cache warming, not part of the method. Where the engine
 * reads corpus-sized columns at random places one item at a time, behind
 * unpredictable branches, each cache miss waits for the one before. A tight
 * loop that first reads the same places independently lets the misses
 * overlap; the real work then finds the lines in cache. The sums go to
 * `sink`, so the reads are not optimised away.
 *
 * Measured at 8M words (in-process A/B, full GCs, alternating): the batch
 * touch took the single-seed test from ≈ 182 to 59–91 ms for ≈ 130 ms of
 * touching, and touching both ends of its window rather than its centre
 * saved ≈ 35 ms more; at 1M words both are within noise. See
 * tests/bench/HISTORY.md.
 */
import type { CandidateAligner } from './align-candidates.ts';
import { REC_END, REC_INTS, REC_SORTED, SORTED_DOC, SORTED_INTS } from './buckets.ts';
import { CAND_A_FIRST, CAND_B_FIRST, CAND_DIAG_MIN, CAND_DOC_A, CAND_DOC_B, CAND_INTS, CAND_SEEDS, type CandidateBatch } from './candidates.ts';
import type { PreparedDoc } from './prepare.ts';
import type { ReuseInput } from './types.ts';

const sink = new Int32Array(1);

/**
 * Before document A's hits are made: the start of each recurring seed's
 * partner range in the sorted records (the hit loop reads them between
 * making hits).
 */
export function touchPartnerRanges(recurring: Int32Array, sorted: Int32Array, s0: number, s1: number): void {
  let sum = 0;
  for (let i = s0; i < s1; i++) {
    const at = REC_INTS * i;
    const y0 = recurring[at + REC_SORTED]! + 1;
    if (recurring[at + REC_END]! > y0) sum += sorted[SORTED_INTS * y0 + SORTED_DOC]!;
  }
  sink[0] = sum;
}

/**
 * Before a batch is tested and aligned: for each single-seed candidate that
 * will be tested, B's types at both ends of the test's window (it spans one
 * or two cache lines); for each candidate that will be aligned, B's first
 * content word's token index, then that token's type.
 */
export function touchBatch(batch: CandidateBatch, aligner: CandidateAligner): void {
  const { type, flags, contentTok: ctAll } = aligner.corpus;
  const { tokOffset, contentOffset } = aligner.docs;
  const minSeeds = aligner.minSeeds;
  const win = aligner.options.singleSeedWindow;
  // The corpus's last token (the type column may have room past it).
  const last = flags.length - 1;
  const rec = batch.records;
  const nb = batch.length;
  let sum = 0;
  for (let k = 0; k < nb; k++) {
    const q = CAND_INTS * k;
    const db = rec[q + CAND_DOC_B]!;
    if (rec[q + CAND_SEEDS]! >= minSeeds) {
      // Aligned for sure: B's first content word (its token index is read next).
      sum += ctAll[contentOffset[db]! + rec[q + CAND_B_FIRST]!]!;
      continue;
    }
    const da = rec[q + CAND_DOC_A]!;
    const at = tokOffset[db]! + ctAll[contentOffset[da]! + rec[q + CAND_A_FIRST]!]! + rec[q + CAND_DIAG_MIN]!;
    sum += type[Math.max(0, Math.min(last, at - win))]! + type[Math.max(0, Math.min(last, at + win))]!;
  }
  for (let k = 0; k < nb; k++) {
    const q = CAND_INTS * k;
    if (rec[q + CAND_SEEDS]! < minSeeds) continue;
    const db = rec[q + CAND_DOC_B]!;
    sum += type[Math.min(last, tokOffset[db]! + ctAll[contentOffset[db]! + rec[q + CAND_B_FIRST]!]!)]!;
  }
  sink[0] = sum;
}

/** Members read a batch at a time (family-members.ts). */
export const TOUCH_MEMBERS = 64;

/**
 * Before members `order[from, to)` are read (in document order, but at
 * 8M words a member every ≈ 70 tokens of 100 MB of token columns and
 * 60 MB of text, each a new line of every column, out of the cache): the
 * start, type and flags of tokens `first` and `last` of each, and its
 * text at its first token. (A xor, not a sum: a sum of starts could leave
 * int32 and deoptimise the loop.) buildFamilies alone at 8M, both load
 * orders: 0.929 and 0.950 of its CPU time (8 rounds each); 1M 0.939.
 */
export function touchMembers(order: Uint32Array, from: number, to: number, doc: Int32Array, first: Int32Array, last: Int32Array, prepared: readonly PreparedDoc[]): void {
  const { type, flags } = prepared[0]!.corpus;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const x = order[i]!;
    const d = prepared[doc[x]!]!;
    const f = first[x]!;
    const l = last[x]!;
    sum ^= d.start[f]! ^ d.start[l]! ^ type[d.offset + f]! ^ type[d.offset + l]! ^ flags[d.offset + f]! ^ flags[d.offset + l]!;
  }
  for (let i = from; i < to; i++) {
    const x = order[i]!;
    const d = prepared[doc[x]!]!;
    sum ^= d.text.charCodeAt(d.start[first[x]!]!);
  }
  sink[0] = sum;
}

/**
 * Before `buildFamilies` (families.ts) reads documents [from, to)'s date
 * keys, outlets and years: their date's and outlet's strings. Each
 * document, its date and their strings lie apart in the heap, among the
 * texts (8M words: 13,362 documents in ≈ 60 MB): four dependent misses a
 * document, ≈ 3 µs there against ≈ 0.1 µs at 1M words. Read ahead, the
 * misses of 64 documents overlap: that pass with documentRanks and the
 * outlet count at 8M, in whole buildFamilies calls alternating with
 * main's, median 47.5 -> 29.4 ms and 40.4 -> 20.4 ms (10 rounds each
 * load order; min 28.1 -> 16.6, 28.6 -> 16.4); 1M 1.68 -> 1.44 ms.
 */
export function touchDocs(docs: readonly ReuseInput[], from: number, to: number): void {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const d = docs[i]!;
    sum ^= (d.date?.value?.length ?? 0) ^ (d.outlet?.length ?? 0);
  }
  sink[0] = sum;
}

/**
 * Before `variantsOf` (families.ts) reads the text of a family's token
 * classes [from, to) at each one's first member (`order[firstAt[k]]`,
 * from `b`): its span and the text at both ends. A class's first member
 * is anywhere in the corpus (8M words: 24K classes; its span columns, the
 * text's header and its characters, a miss each). The loop over the families
 * (toFamily) at 8M, alternating with main's in whole buildFamilies calls:
 * 0.910 and 0.915 of its CPU time (10 rounds each load order); 1M 0.924.
 */
export function touchClasses(firstAt: readonly number[], from: number, to: number, order: readonly number[], b: number, doc: Int32Array, spanStart: Int32Array, spanEnd: Int32Array, prepared: readonly PreparedDoc[]): void {
  let sum = 0;
  for (let k = from; k < to; k++) {
    const x = b + order[firstAt[k]!]!;
    const text = prepared[doc[x]!]!.text;
    sum ^= text.charCodeAt(spanStart[x]!) ^ text.charCodeAt(spanEnd[x]! - 1);
  }
  sink[0] = sum;
}
