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

/**
 * The runs, in document order, each with its representative (another run)
 * if it names one: a star pair, a before b. One record per run, not per
 * pair (a run has at most one pair; 8M words: 119K runs, 117.6K pairs):
 * fresh memory at that size costs a page fault per 4 KB written.
 */
export interface StarPairs {
  /** Runs. */
  count: number;
  /** Per run, RUN_FIELDS ints: its document, first and last token (inside the document, inclusive), representative run or -1. */
  cols: Int32Array;
  /**
   * Per run: -1, or an earlier run with the same representative and the
   * very same tokens: its alignment would be the same, so it is not
   * aligned again; it joins that run's passage as a copy.
   */
  copyOf: Int32Array;
}

/** Fields of a run's record. */
export const RUN_DOC = 0;
export const RUN_FIRST = 1;
export const RUN_LAST = 2;
export const RUN_REP = 3;
export const RUN_FIELDS = 4;

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
  /** Per type, its stem's hash (the corpus keeps no stem column). */
  readonly typeHash: Int32Array;
  readonly firstRuns = new FirstOf();
  /** The current run's stock-phrase words (their stem hashes) and its pairs' representatives. */
  readonly words = new Int32Array(64);
  readonly rep = new Int32Array(2 * 64);
  /**
   * The first run of each (representative, tokens) class, by the class's
   * hash (a Map of 119K keys at 8M words cost a third of this step). A run
   * whose key is taken by another class tries the key's next probe
   * (`nextProbe`), so each class has a key of its own and no chain of
   * pairs is kept.
   */
  readonly firstPairs = new FirstOf();
  count = 0;
  cols = new Int32Array(1024 * RUN_FIELDS);
  copyOf = new Int32Array(1024);

  constructor(
    readonly docs: readonly PreparedDoc[],
    stemHash: Int32Array,
  ) {
    const typeStem = docs.length > 0 ? docs[0]!.corpus.typeStem : new Int32Array(0);
    this.typeHash = new Int32Array(typeStem.length);
    for (let t = 0; t < typeStem.length; t++) this.typeHash[t] = stemHash[typeStem[t]!]!;
  }

  /** Run of `d`'s content words [first, last]: its pairs, and its representative if it names another run. */
  add(d: PreparedDoc, first: number, last: number): void {
    const r = this.count;
    if (r === this.copyOf.length) this.#grow();
    const { cols, words, rep, typeHash } = this;
    const ct = d.contentTok;
    const type = d.type;
    const q = r * RUN_FIELDS;
    cols[q + RUN_DOC] = d.index;
    cols[q + RUN_FIRST] = ct[first]!;
    cols[q + RUN_LAST] = ct[last]!;
    cols[q + RUN_REP] = -1;
    this.copyOf[r] = -1;
    this.count = r + 1;
    let w = 0;
    for (let k = first; k <= last; k++) {
      if ((d.flags[ct[k]!]! & TOK_BANAL) !== 0 && w < words.length) words[w++] = typeHash[type[ct[k]!]!]!;
    }
    let m = 0;
    for (let i = 0; i < w; i++) {
      const h1 = firstStemPart(words[i]!);
      for (let j = i + 1; j <= Math.min(w - 1, i + RUN_PAIR_REACH); j++) rep[m++] = this.firstRuns.of(seedHash(h1, words[j]!), r);
    }
    // The representative comes first (an earlier run: earlier document, or earlier in this one).
    const best = mostVoted(rep, 0, m, r);
    if (best < 0) return;
    cols[q + RUN_REP] = best;
    // The first run of this one's class, if another came before it. Runs
    // of one class are equal, so a later run meets that run's key first.
    for (let key = tokensHash(d, ct[first]!, ct[last]!, best); ; key = nextProbe(key)) {
      const e = this.firstPairs.of(key, r);
      if (e === r) return;
      if (sameStar(this.docs, cols, e, r)) {
        this.copyOf[r] = e;
        return;
      }
    }
  }

  #grow(): void {
    const count = this.count;
    const n = grownCapacity(count, count + 1);
    this.cols = resized(this.cols, n * RUN_FIELDS, count * RUN_FIELDS);
    this.copyOf = resized(this.copyOf, n, count);
  }
}

/**
 * A hash of the tokens [first, last] of `d` (a run) and its
 * representative: a table key only (runs under one key are compared).
 */
function tokensHash(d: PreparedDoc, first: number, last: number, rep: number): number {
  let h = Math.imul(rep ^ 0x9e3779b1, 0x85ebca6b);
  for (let t = first; t <= last; t++) h = Math.imul(h ^ d.type[t]!, 0x01000193);
  return h >> 2;
}

/** The key a class tries when `key` is another's: a fixed odd step, so a run's probes never repeat. */
function nextProbe(key: number): number {
  return (key + 0x61c88647) | 0;
}

/** Runs `e` and `r` have one representative and the very same tokens. */
function sameStar(docs: readonly PreparedDoc[], cols: Int32Array, e: number, r: number): boolean {
  const qe = e * RUN_FIELDS;
  const qr = r * RUN_FIELDS;
  if (cols[qe + RUN_REP] !== cols[qr + RUN_REP]) return false;
  const e0 = cols[qe + RUN_FIRST]!;
  const r0 = cols[qr + RUN_FIRST]!;
  const len = cols[qr + RUN_LAST]! - r0;
  if (cols[qe + RUN_LAST]! - e0 !== len) return false;
  const typeE = docs[cols[qe + RUN_DOC]!]!.type;
  const typeR = docs[cols[qr + RUN_DOC]!]!.type;
  for (let k = 0; k <= len; k++) if (typeE[e0 + k] !== typeR[r0 + k]) return false;
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
  // The passage each aligned run gave (on side b), for its copies: an
  // index in `raw.list`, or -1.
  const gave = new Int32Array(stars.count).fill(-1);
  for (let k = 0; k < stars.count; k++) {
    const q = k * RUN_FIELDS;
    const rep = c[q + RUN_REP]!;
    if (rep < 0 || copyOf[k]! >= 0) continue;
    const qa = rep * RUN_FIELDS;
    const bFirst = c[q + RUN_FIRST]!;
    const bLast = c[q + RUN_LAST]!;
    pair.set(aligner.docs, c[qa + RUN_DOC]!, c[q + RUN_DOC]!);
    const aFirst = c[qa + RUN_FIRST]!;
    const aLast = c[qa + RUN_LAST]!;
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
 * Each copy (a run with the representative and the very tokens of an
 * aligned run, `copyOf`) onto the passage its source gave, in run order: (document,
 * shift, first token, last token), where a copy's token t is the
 * passage's side b token t - shift. The copies are grouped by source
 * first (a counting sort), so that each passage and its source's run are
 * read once and its array is made at its length: copy by copy, in run
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
    const srcFirst = c[s * RUN_FIELDS + RUN_FIRST]!;
    // Filled in a loop, not by `fill` or `map`: see hidden-classes.ts.
    const out = new Array<number>(4 * (to - from));
    for (let x = from, w = 0; x < to; x++) {
      const q = order[x]! * RUN_FIELDS;
      const bFirst = c[q + RUN_FIRST]!;
      out[w++] = c[q + RUN_DOC]!;
      out[w++] = bFirst - srcFirst;
      out[w++] = bFirst;
      out[w++] = c[q + RUN_LAST]!;
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
