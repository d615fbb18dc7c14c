/**
 * Phrases too frequent to seed: a slogan in most documents is made of
 * stock-phrase seeds (stock-phrases.ts), which seeding drops so that the
 * pairs of a phrase in n documents are not all aligned (n² / 2 of them).
 * Success must not hide a formula, so they take a path of their own, linear
 * in their occurrences:
 *
 * 1. Runs. In each document, a run is a stretch of content words inside
 *    stock phrases (TOK_BANAL), with at most one other content word between
 *    two of them (a variant word), inside one sentence. A run of fewer than
 *    `minContentWords` of them is generic stock phrasing ("said on
 *    Tuesday") and is left out.
 * 2. Stars. Each pair of neighbouring words of a run (next, and next but
 *    one) is hashed like a seed; a pair's representative is the first run
 *    (in document order) that has it. Each run is aligned with the
 *    representative most of its pairs point to, once: a star around the
 *    first occurrence of the phrase, never every pair of occurrences. A run
 *    that is its own representative is a star's centre.
 *
 * The caller aligns each pair returned here and cuts passages as for any
 * candidate, except that the stock-phrase words count as matches.
 */
import { GAP_PARAGRAPH, GAP_SENTENCE } from '../text/scan.ts';
import { AlignPath, OP_MATCH, alignBanded } from './align.ts';
import type { CandidateAligner } from './align-candidates.ts';
import { grownCapacity, resized } from './buffers.ts';
import { extractPassages, type RawPassage } from './passages.ts';
import type { DocPair } from './pair.ts';
import type { PreparedDoc } from './prepare.ts';
import { TOK_BANAL } from './prepare.ts';
import { FirstOf } from './first-of.ts';
import { firstStemPart, seedHash } from './seed-hash.ts';

/** Star pairs, six ints each: docA, aFirst, aLast, docB, bFirst, bLast (token indices, inclusive; a before b). */
export interface StarPairs {
  count: number;
  cols: Int32Array;
  /**
   * Per pair: -1, or an earlier pair with the same representative whose
   * run has the very same tokens: its alignment would be the same, so it is
   * not aligned again; its run joins that pair's passage as a copy.
   */
  copyOf: Int32Array;
}

/** Fields of a star pair's record. */
export const STAR_DOC_A = 0;
export const STAR_A_FIRST = 1;
export const STAR_A_LAST = 2;
export const STAR_DOC_B = 3;
export const STAR_B_FIRST = 4;
export const STAR_B_LAST = 5;
export const STAR_FIELDS = 6;

/** Content words apart that a run's pairs join: next, and next but one. */
const RUN_PAIR_REACH = 2;
/** At most this many other content words between two stock-phrase words of one run. */
const RUN_MAX_SKIP = 1;
/** A run stays inside one sentence: stock phrases that meet across a sentence end are two. */
const RUN_BREAK = GAP_SENTENCE | GAP_PARAGRAPH;
/**
 * Tokens around the runs that a star alignment may take: a function word
 * and a variant word at each end; the phrase, not its context (a frame
 * around it is found as any other passage).
 */
const STAR_MARGIN = 2;

/** Runs as columns: [0, count) of each (grown by doubling: 119K runs at 8M words). */
interface Runs {
  count: number;
  doc: Int32Array;
  /** Content-word indices (inside the document) of the run's first and last word. */
  first: Int32Array;
  last: Int32Array;
}

function addRun(runs: Runs, doc: number, first: number, last: number): void {
  if (runs.count === runs.doc.length) {
    const n = grownCapacity(runs.count, runs.count + 1);
    runs.doc = resized(runs.doc, n, runs.count);
    runs.first = resized(runs.first, n, runs.count);
    runs.last = resized(runs.last, n, runs.count);
  }
  runs.doc[runs.count] = doc;
  runs.first[runs.count] = first;
  runs.last[runs.count++] = last;
}

/**
 * Step 1: each run of stock-phrase words with at least `minWords` of them,
 * handed to `stars` as it is found, while its words are still in the cache.
 * (Runs first, then their pairs, read each run's flags, types and tokens
 * again after the whole corpus was scanned: at 8M words, frequentStars
 * alone took 1.30 of this time, minimum 252 vs 194 ms over 20 rounds.)
 */
function findRuns(docs: readonly PreparedDoc[], minWords: number, stars: StarBuilder): void {
  for (const d of docs) {
    const ct = d.contentTok;
    const flags = d.flags;
    let first = -1;
    let last = -1;
    let words = 0;
    for (let k = 0; k <= ct.length; k++) {
      const banal = k < ct.length && (flags[ct[k]!]! & TOK_BANAL) !== 0;
      if (k < ct.length && !banal) continue;
      // A run ends at the end of the document, before a gap of more than
      // RUN_MAX_SKIP other words, or at a sentence end or paragraph break.
      if (first >= 0 && (k === ct.length || k - last - 1 > RUN_MAX_SKIP || breakBetween(flags, ct[last]!, ct[k]!))) {
        if (words >= minWords) stars.add(d, first, last);
        first = -1;
        words = 0;
      }
      if (k === ct.length) break;
      if (first < 0) first = k;
      last = k;
      words++;
    }
  }
}

/** A sentence end or paragraph break between two tokens. */
function breakBetween(flags: Uint8Array, fromTok: number, toTok: number): boolean {
  for (let t = fromTok + 1; t <= toTok; t++) if ((flags[t]! & RUN_BREAK) !== 0) return true;
  return false;
}

/** Steps 1 and 2: the pairs to align. `stemHash` is the vocabulary's hash per stem. */
export function frequentStars(docs: readonly PreparedDoc[], stemHash: Int32Array, minWords: number): StarPairs {
  const stars = new StarBuilder(docs, stemHash);
  findRuns(docs, minWords, stars);
  return { count: stars.count, cols: stars.cols, copyOf: stars.copyOf };
}

/**
 * Step 2, run by run in document order. Each run's pairs name their
 * representative: the first run that has the pair's hash, from a table of
 * the distinct hashes (8M words: 765K pairs, 11.6K distinct hashes, a
 * table that stays in the cache; a sort of the pairs by hash and a write
 * at random to each cost five corpus-sized columns of fresh memory). A run
 * is paired with the one most of its pairs name; all of this needs only
 * the runs before it.
 */
export class StarBuilder {
  readonly runs: Runs = { count: 0, doc: new Int32Array(1024), first: new Int32Array(1024), last: new Int32Array(1024) };
  /** Per type, its stem's hash (the corpus keeps no stem column). */
  readonly typeHash: Int32Array;
  readonly firstRuns = new FirstOf();
  /** The current run's stock-phrase words (their stem hashes) and its pairs' representatives. */
  readonly words = new Int32Array(64);
  readonly rep = new Int32Array(2 * 64);
  /**
   * Earlier pairs by (representative, tokens of the run) hash: the first
   * pair with each key (a Map of 119K keys at 8M words cost a third of
   * this step), then a chain in pair order (no array per key: `nextSame`,
   * and the chain's last pair at its head's `lastSame`).
   */
  readonly firstPairs = new FirstOf();
  count = 0;
  cols = new Int32Array(1024 * STAR_FIELDS);
  copyOf = new Int32Array(1024);
  nextSame = new Int32Array(1024);
  lastSame = new Int32Array(1024);

  constructor(
    readonly docs: readonly PreparedDoc[],
    stemHash: Int32Array,
  ) {
    const typeStem = docs.length > 0 ? docs[0]!.corpus.typeStem : new Int32Array(0);
    this.typeHash = new Int32Array(typeStem.length);
    for (let t = 0; t < typeStem.length; t++) this.typeHash[t] = stemHash[typeStem[t]!]!;
  }

  /** Run of `d`'s content words [first, last]: its pairs, and its star pair if it names another run. */
  add(d: PreparedDoc, first: number, last: number): void {
    const runs = this.runs;
    const r = runs.count;
    addRun(runs, d.index, first, last);
    const { words, rep, typeHash } = this;
    const ct = d.contentTok;
    const type = d.type;
    let w = 0;
    for (let k = first; k <= last; k++) {
      if ((d.flags[ct[k]!]! & TOK_BANAL) !== 0 && w < words.length) words[w++] = typeHash[type[ct[k]!]!]!;
    }
    let m = 0;
    for (let i = 0; i < w; i++) {
      const h1 = firstStemPart(words[i]!);
      for (let j = i + 1; j <= Math.min(w - 1, i + RUN_PAIR_REACH); j++) rep[m++] = this.firstRuns.of(seedHash(h1, words[j]!), r);
    }
    const best = mostVoted(rep, 0, m, r);
    if (best < 0) return;
    const docs = this.docs;
    const count = this.count;
    if (count === this.copyOf.length) this.#grow();
    const { cols, copyOf, nextSame, lastSame } = this;
    const da = docs[runs.doc[best]!]!;
    copyOf[count] = -1;
    nextSame[count] = -1;
    const head = this.firstPairs.of(tokensHash(d, first, last, best), count);
    if (head !== count) {
      for (let e = head; e >= 0; e = nextSame[e]!) if (cols[e * STAR_FIELDS + STAR_A_FIRST] === da.contentTok[runs.first[best]!] && cols[e * STAR_FIELDS + STAR_DOC_A] === da.index && sameRunTokens(docs, cols, e, d, first, last)) {
        copyOf[count] = e;
        break;
      }
      nextSame[lastSame[head]!] = count;
      lastSame[head] = count;
    } else lastSame[count] = count;
    // The representative comes first (an earlier run: earlier document, or earlier in this one).
    const q = count * STAR_FIELDS;
    cols[q + STAR_DOC_A] = da.index;
    cols[q + STAR_A_FIRST] = da.contentTok[runs.first[best]!]!;
    cols[q + STAR_A_LAST] = da.contentTok[runs.last[best]!]!;
    cols[q + STAR_DOC_B] = d.index;
    cols[q + STAR_B_FIRST] = ct[first]!;
    cols[q + STAR_B_LAST] = ct[last]!;
    this.count = count + 1;
  }

  #grow(): void {
    const count = this.count;
    const n = grownCapacity(count, count + 1);
    this.cols = resized(this.cols, n * STAR_FIELDS, count * STAR_FIELDS);
    this.copyOf = resized(this.copyOf, n, count);
    this.nextSame = resized(this.nextSame, n, count);
    this.lastSame = resized(this.lastSame, n, count);
  }
}

/**
 * A hash of the tokens of a run (content words [first, last] of `d`) and
 * its representative: a table key only (pairs under one key are compared).
 */
function tokensHash(d: PreparedDoc, first: number, last: number, rep: number): number {
  let h = Math.imul(rep ^ 0x9e3779b1, 0x85ebca6b);
  for (let t = d.contentTok[first]!; t <= d.contentTok[last]!; t++) h = Math.imul(h ^ d.type[t]!, 0x01000193);
  return h >> 2;
}

/** Pair `e`'s run (side b) has the very tokens of `d`'s content words [first, last]. */
function sameRunTokens(docs: readonly PreparedDoc[], cols: Int32Array, e: number, d: PreparedDoc, first: number, last: number): boolean {
  const q = e * STAR_FIELDS;
  const other = docs[cols[q + STAR_DOC_B]!]!;
  const o0 = cols[q + STAR_B_FIRST]!;
  const t0 = d.contentTok[first]!;
  const len = d.contentTok[last]! - t0;
  if (cols[q + STAR_B_LAST]! - o0 !== len) return false;
  for (let k = 0; k <= len; k++) if (other.type[o0 + k] !== d.type[t0 + k]) return false;
  return true;
}

/**
 * The representative that most of `rep[from, to)` name, other than `self`
 * (ties: the earliest), or -1 if they all name `self`. Usually one name
 * has a majority: found in one pass (Boyer–Moore), counted in another;
 * otherwise every name is counted.
 */
function mostVoted(rep: Int32Array, from: number, to: number, self: number): number {
  let cand = -1;
  let lead = 0;
  let voters = 0;
  for (let x = from; x < to; x++) {
    const v = rep[x]!;
    if (v === self) continue;
    voters++;
    if (lead === 0) {
      cand = v;
      lead = 1;
    } else lead += v === cand ? 1 : -1;
  }
  if (voters === 0) return -1;
  let n = 0;
  for (let x = from; x < to; x++) if (rep[x] === cand) n++;
  if (n * 2 > voters) return cand;
  let best = -1;
  let bestN = 0;
  for (let x = from; x < to; x++) {
    const v = rep[x]!;
    if (v === self) continue;
    let c = 0;
    for (let y = from; y < to; y++) if (rep[y] === v) c++;
    if (c > bestN || (c === bestN && v < best)) {
      best = v;
      bestN = c;
    }
  }
  return best;
}

/**
 * Aligns each star pair (run with its representative, over the runs and
 * `STAR_MARGIN` tokens around them) and cuts passages as for any candidate,
 * with the stock-phrase words counting as matches; into `aligner.raw`.
 */
export function alignStars(stars: StarPairs, aligner: CandidateAligner): void {
  const { pair, window: win, path, options: opts, raw } = aligner;
  const c = stars.cols;
  const copyOf = stars.copyOf;
  const list = raw.list;
  // The passage each aligned pair gave (its run on side b), for its copies:
  // an index in `raw.list`, or -1.
  const gave = new Int32Array(stars.count).fill(-1);
  for (let k = 0; k < stars.count; k++) {
    if (copyOf[k]! >= 0) continue;
    const q = k * STAR_FIELDS;
    const bFirst = c[q + STAR_B_FIRST]!;
    const bLast = c[q + STAR_B_LAST]!;
    pair.set(aligner.docs, c[q + STAR_DOC_A]!, c[q + STAR_DOC_B]!);
    const aFirst = c[q + STAR_A_FIRST]!;
    const aLast = c[q + STAR_A_LAST]!;
    const flags = pair.corpus.flags;
    win.a0 = marginStart(flags, pair.offsetA, aFirst);
    win.a1 = marginEnd(flags, pair.offsetA, pair.countA, aLast);
    win.b0 = marginStart(flags, pair.offsetB, bFirst);
    win.b1 = marginEnd(flags, pair.offsetB, pair.countB, bLast);
    // Diagonals from the runs' starts to their ends, with the usual band.
    win.dLo = Math.min(bFirst - aFirst, bLast - aLast) - opts.alignBand;
    win.dHi = Math.max(bFirst - aFirst, bLast - aLast) + opts.alignBand;
    if (pair.same) win.dLo = Math.max(win.dLo, 1);
    if (win.dHi < win.dLo) continue;
    const before = list.length;
    if (sameWords(pair, aFirst, aLast, bFirst, bLast, path) || alignBanded(pair, win, opts, path) > 0) extractPassages(pair, path, opts, raw, true);
    // The passage on this run (the longest, if the path was cut).
    for (let x = before; x < list.length; x++) {
      const p = list[x]!;
      const g = gave[k]!;
      if (p.bLast >= bFirst && p.bFirst <= bLast && (g < 0 || p.bLast - p.bFirst > list[g]!.bLast - list[g]!.bFirst)) gave[k] = x;
    }
  }
  attachCopies(stars, gave, list);
}

/**
 * Each copy (a pair whose run has the very tokens of an aligned pair's,
 * `copyOf`) onto the passage its source gave, in pair order: (document,
 * shift, first token, last token), where a copy's token t is the
 * passage's side b token t - shift. The copies are grouped by source
 * first (a counting sort), so that each passage and its source's run are
 * read once and its array is made at its length: copy by copy, in pair
 * order, each read a passage made anywhere before and grew its array by
 * push (8M words: 66.6K copies of 3.4K passages).
 */
function attachCopies(stars: StarPairs, gave: Int32Array, list: readonly RawPassage[]): void {
  const { count, cols: c, copyOf } = stars;
  // end[s]: after the counting, the end of source s's group in `order`.
  const end = new Int32Array(count);
  let copies = 0;
  for (let k = 0; k < count; k++) {
    const src = copyOf[k]!;
    if (src >= 0 && gave[src]! >= 0) {
      end[src] = end[src]! + 1;
      copies++;
    }
  }
  if (copies === 0) return;
  for (let s = 0, at = 0; s < count; s++) {
    at += end[s]!;
    end[s] = at - end[s]!;
  }
  const order = new Int32Array(copies);
  for (let k = 0; k < count; k++) {
    const src = copyOf[k]!;
    if (src >= 0 && gave[src]! >= 0) order[end[src]!++] = k;
  }
  for (let s = 0, from = 0; s < count; s++) {
    const to = end[s]!;
    if (to === from) continue;
    const p = list[gave[s]!]!;
    const srcFirst = c[s * STAR_FIELDS + STAR_B_FIRST]!;
    // Filled in a loop, not by `fill` or `map`: see hidden-classes.ts.
    const out = new Array<number>(4 * (to - from));
    for (let x = from, w = 0; x < to; x++) {
      const q = order[x]! * STAR_FIELDS;
      const bFirst = c[q + STAR_B_FIRST]!;
      out[w++] = c[q + STAR_DOC_B]!;
      out[w++] = bFirst - srcFirst;
      out[w++] = bFirst;
      out[w++] = c[q + STAR_B_LAST]!;
    }
    p.copies = out;
    from = to;
  }
}

/** Up to STAR_MARGIN tokens before `first` (inside its document at `off`), not across a sentence end. */
function marginStart(flags: Uint8Array, off: number, first: number): number {
  let t = first;
  while (t > 0 && first - t < STAR_MARGIN && (flags[off + t]! & RUN_BREAK) === 0) t--;
  return t;
}

/** The end (exclusive) of up to STAR_MARGIN tokens after `last`, not across a sentence end. */
function marginEnd(flags: Uint8Array, off: number, count: number, last: number): number {
  let t = last + 1;
  while (t < count && t - last <= STAR_MARGIN && (flags[off + t]! & RUN_BREAK) === 0) t++;
  return t;
}

/**
 * Most occurrences of a frequent phrase are word for word its
 * representative's: when both runs hold the same stems, the path is all
 * matches, with no alignment to compute.
 */
function sameWords(pair: DocPair, aFirst: number, aLast: number, bFirst: number, bLast: number, path: AlignPath): boolean {
  const len = aLast - aFirst + 1;
  if (len !== bLast - bFirst + 1 || (pair.same && bFirst <= aLast)) return false;
  const { type, typeStem } = pair.corpus;
  const oa = pair.offsetA + aFirst;
  const ob = pair.offsetB + bFirst;
  // Mostly the very same types: their stems are not read.
  for (let k = 0; k < len; k++) {
    const ta = type[oa + k]!;
    const tb = type[ob + k]!;
    if (ta !== tb && typeStem[ta] !== typeStem[tb]) return false;
  }
  path.length = 0;
  for (let k = 0; k < len; k++) path.push(OP_MATCH, aFirst + k, bFirst + k);
  return true;
}
