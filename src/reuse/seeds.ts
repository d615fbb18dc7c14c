/**
 * Seeds: ordered pairs of content-word stems at most 1 + seedMaxSkip content
 * words apart, hashed to 32-bit ints. Skipped pairs survive a substituted or
 * inserted word ("protect the environment for future generations" /
 * "safeguard the environment for coming generations" share
 * environment..generations). Stock-phrase seeds and pairs of two common
 * stems are dropped; in a large corpus the rest are winnowed, rarest
 * first. The kept seeds then go to their buckets (buckets.ts).
 */
import type { Vocabulary } from '../text/vocabulary.ts';
import { grownCapacity, resized } from './buffers.ts';
import { bucketSeeds, recurrenceBits, type Buckets } from './buckets.ts';
import type { ReuseOptions } from './options.ts';
import { TOK_BANAL, type PreparedDoc } from './prepare.ts';
import { firstStemPart, seedHash } from './seed-hash.ts';
import { stemStatistics, type StemStats } from './stem-stats.ts';
import { findStockPhrases, pairBit, STOCK_FIRST, STOCK_SECOND, stockRoles, type StockPhrases } from './stock-phrases.ts';

/** The kept seeds' buckets, as the candidates read them. */
export interface SeedIndex extends Buckets {
  /** Kept seeds. */
  count: number;
  /** log2 of the expected chance occurrences of a pair of rarity class 0 (add the class). */
  chanceLog2Base: number;
  /** Seed buckets skipped as stock phrases. */
  banalSeeds: number;
  /** Per-stem counts over the content words (the chance model starts from them). */
  stats: StemStats;
}

/**
 * Per stem, as the first stem of a seed: it is the first stem of a stock
 * phrase (`stockRoles`); it is in more than `commonDocFraction` of the
 * documents (large corpora only). The same facts for the stem as a seed's
 * second stem sit SECOND_SHIFT bits higher, so a seed's first stem's flags
 * and its second's shifted down say with one `&` whether it may be a stock
 * phrase and whether both stems are common.
 */
const STEM_STOCK = 1;
const STEM_COMMON = 2;
const SECOND_SHIFT = 2;

/**
 * A type's word facts in one int (`SeedPolicy.typeInfo`): its stem's flags
 * (above), floor(log2 occurrences) and, when stock phrases are counted
 * densely, its frequent-stem index + 1 (0: not frequent; fewer than
 * DENSE_MAX_STEMS, 11 bits).
 */
const INFO_FLAGS = 0xf;
const INFO_LOG2_SHIFT = 4;
const INFO_LOG2_MASK = 0x1f;
const INFO_FREQUENT_SHIFT = 9;

/**
 * A seed's winnowing key: its rarity class above `safeRarity` in the high
 * bits, then the top 26 bits of its hash, so the smallest key is the rarest
 * seed of a window, then the smallest hash.
 */
const KEY_HASH_BITS = 26;
const KEY_HASH_DROP = 32 - KEY_HASH_BITS;
/** The key of a seed never kept (a stock phrase, or two common stems). */
const KEY_NEVER = 0xffffffff;
/** The rarity class is at most 2 × 31: with no rarity limit, every other key is kept. */
const NO_RARITY_LIMIT = 63;

/** How seeds are chosen in this corpus, computed once per detection. */
export interface SeedPolicy {
  /** A content word pairs with the next `maxDistance` content words. */
  maxDistance: number;
  /** Winnowing window (1: every seed is kept). */
  winnow: number;
  /** Per stem: STEM_STOCK | STEM_COMMON as a first stem, and shifted by SECOND_SHIFT as a second. */
  stemFlags: Uint8Array;
  /**
   * Per type: its stem's hash, and its stem's facts packed (INFO_*: flags,
   * floor(log2(occurrences)), frequent-stem index); a seed's rarity class
   * is the sum of its two stems' log2. By type, not by stem: each content
   * word is then two reads by its type, not a read of its stem and four
   * by that (generation and winnowing alone, thread CPU, both orders:
   * 1M words 0.95–0.97 of the time, 8M 0.95–0.97).
   */
  typeHash: Int32Array;
  typeInfo: Int32Array;
  /** Rarity classes up to this rank alike. */
  safeRarity: number;
  /** Seeds with a larger key are never kept. */
  maxKey: number;
  /** log2 of the expected chance occurrences of a pair of rarity class 0. */
  chanceLog2Base: number;
}

export function seedPolicy(
  docCount: number,
  stats: StemStats,
  stock: StockPhrases,
  maxDistance: number,
  options: ReuseOptions,
  typeStem: Int32Array,
  stemHash: Int32Array,
): SeedPolicy {
  const { docFreq, occurrences, contentWords } = stats;
  const stemCount = docFreq.length;
  const large = contentWords >= options.winnowMinWords;
  const winnow = large ? Math.max(1, Math.floor(options.winnowWindow)) : 1;
  // In a large corpus, a pair of two common words (each in more than
  // `commonDocFraction` of the documents) is no seed: such pairs meet by
  // chance all over the corpus. Small corpora keep them (document
  // frequencies say little over a few documents).
  const commonCap = options.commonDocFraction * docCount;
  const roles = stockRoles(stock);
  const stemFlags = new Uint8Array(stemCount);
  for (let s = 0; s < stemCount; s++) {
    const common = large && docFreq[s]! > commonCap ? STEM_COMMON : 0;
    const first = (roles[s]! & STOCK_FIRST) !== 0 ? STEM_STOCK : 0;
    const second = (roles[s]! & STOCK_SECOND) !== 0 ? STEM_STOCK : 0;
    stemFlags[s] = first | common | ((second | common) << SECOND_SHIFT);
  }
  // A seed's rarity class is the sum of floor(log2 occ) of its two stems:
  // winnowing prefers the rarest seed of each window (then the smallest
  // hash), so the seeds kept are those least likely to meet by chance. The
  // class is global, so two copies of one window choose alike.
  const stemLog2 = new Uint8Array(stemCount);
  for (let s = 0; s < stemCount; s++) stemLog2[s] = occurrences[s]! > 0 ? 31 - Math.clz32(occurrences[s]!) : 0;
  const typeHash = new Int32Array(typeStem.length);
  const typeInfo = new Int32Array(typeStem.length);
  for (let t = 0; t < typeStem.length; t++) {
    const s = typeStem[t]!;
    typeHash[t] = stemHash[s]!;
    const frequent = stock.dense ? stock.frequentIndex[s]! + 1 : 0;
    typeInfo[t] = stemFlags[s]! | (stemLog2[s]! << INFO_LOG2_SHIFT) | (frequent << INFO_FREQUENT_SHIFT);
  }
  const chanceLog2Base = 1 + Math.log2(maxDistance) - Math.log2(Math.max(1, contentWords));
  // Rarity classes up to `safeRarity` (expected chance occurrences of the
  // pair up to about `seedSafeChance`) rank alike, so winnowing spreads its
  // picks by hash among them; rarer-than-that seeds are not preferred over
  // each other (that would crowd the kept seeds onto the rarest words, which
  // a rewording may swap). Seeds above `maxRarity` (more than about
  // `seedMaxChance` chance occurrences) are not kept at all: their buckets
  // are mostly chance meetings, whose number grows with the square of the
  // corpus. Only in large corpora (small ones keep every seed).
  const maxChance = options.seedMaxChance;
  const maxRarity = large && maxChance > 0 ? Math.floor(Math.log2(maxChance) - chanceLog2Base) : NO_RARITY_LIMIT;
  const safeRarity = large && options.seedSafeChance > 0 ? Math.max(0, Math.floor(Math.log2(options.seedSafeChance) - chanceLog2Base)) : 0;
  const maxKey = maxRarity >= NO_RARITY_LIMIT ? KEY_NEVER - 1 : maxRarity < safeRarity ? -1 : (maxRarity - safeRarity + 1) * 2 ** KEY_HASH_BITS - 1;
  return { maxDistance, winnow, stemFlags, typeHash, typeInfo, safeRarity, maxKey, chanceLog2Base };
}

/**
 * Growable columns of kept seeds: hash, content-word index and rarity
 * class. `capacity`: the seeds expected (exactly that many slots, not
 * rounded up: fewer fresh bytes, fewer external-memory GCs).
 */
export class SeedColumns {
  length = 0;
  hash: Uint32Array;
  pos: Int32Array;
  rarity: Uint8Array;
  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.hash = new Uint32Array(n);
    this.pos = new Int32Array(n);
    this.rarity = new Uint8Array(n);
  }
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.hash.length) return;
    const n = grownCapacity(this.hash.length, need);
    this.hash = resized(this.hash, n, this.length);
    this.pos = resized(this.pos, n, this.length);
    this.rarity = resized(this.rarity, n, this.length);
  }
}

/**
 * One document's seeds before winnowing (hash, key, content-word index,
 * rarity class; `n` of them), and its content words' per-stem facts, in
 * reused arrays grown to the largest document.
 */
export class DocSeeds {
  n = 0;
  hash = new Uint32Array(1024);
  key = new Uint32Array(1024);
  pos = new Int32Array(1024);
  rarity = new Uint8Array(1024);
  wordHash = new Int32Array(256);
  /** The word's type's `typeInfo`. */
  wordInfo = new Int32Array(256);

  /** Room for `words` content words and `seeds` seeds. */
  reserve(words: number, seeds: number): void {
    if (seeds > this.hash.length) {
      this.hash = new Uint32Array(seeds * 2);
      this.key = new Uint32Array(seeds * 2);
      this.pos = new Int32Array(seeds * 2);
      this.rarity = new Uint8Array(seeds * 2);
    }
    if (words > this.wordHash.length) {
      this.wordHash = new Int32Array(words * 2);
      this.wordInfo = new Int32Array(words * 2);
    }
  }
}

export function collectSeeds(docs: readonly PreparedDoc[], vocab: Vocabulary, options: ReuseOptions): SeedIndex {
  const stemHash = Int32Array.from(vocab.stemHash);
  const maxDistance = 1 + Math.max(0, Math.floor(options.seedMaxSkip));
  const stats = stemStatistics(docs, stemHash.length);
  const stock = findStockPhrases(docs, stats, stemHash, maxDistance, options);
  const policy = seedPolicy(docs.length, stats, stock, maxDistance, options, docs.length > 0 ? docs[0]!.corpus.typeStem : new Int32Array(0), stemHash);
  const winnow = policy.winnow;
  const kept = new SeedColumns(Math.ceil((stats.contentWords * maxDistance * (winnow > 1 ? 2 : winnow + 1)) / (winnow + 1)) + 16);
  // Allocated here, with the kept-seed columns: one burst of fresh memory,
  // not two (each burst costs V8 a mark-compact).
  const bits = recurrenceBits(kept.hash.length);
  const scratch = new DocSeeds();
  const docStart = new Int32Array(docs.length + 1);
  for (const d of docs) {
    generateSeeds(d, policy, stock, scratch);
    kept.reserve(scratch.n);
    kept.length += winnowInto(scratch, winnow, policy.maxKey, kept);
    docStart[d.index + 1] = kept.length;
  }
  const { recurring, recurringStart, rarity, sorted } = bucketSeeds(docs, kept, docStart, bits, options);
  return { count: kept.length, recurring, recurringStart, rarity, sorted, chanceLog2Base: policy.chanceLog2Base, banalSeeds: stock.count, stats };
}

/**
 * Every seed of `d` into `out`, with its winnowing key (KEY_NEVER for a
 * stock phrase or two common stems). Marks the tokens of stock-phrase
 * seeds TOK_BANAL.
 */
export function generateSeeds(d: PreparedDoc, policy: SeedPolicy, stock: StockPhrases, out: DocSeeds): void {
  const ct = d.contentTok;
  const tokFlags = d.flags;
  const m = ct.length;
  const { maxDistance, typeHash, typeInfo, safeRarity } = policy;
  const { dense, pairBits, frequentCount, hashes: stockHashes } = stock;
  out.reserve(m, m * maxDistance);
  const { hash, key: keys, pos, rarity: rarities, wordHash, wordInfo } = out;
  const tokType = d.corpus.type;
  const off = d.offset;
  for (let k = 0; k < m; k++) {
    const t = tokType[off + ct[k]!]!;
    wordHash[k] = typeHash[t]!;
    wordInfo[k] = typeInfo[t]!;
  }
  let n = 0;
  for (let k = 0; k < m; k++) {
    const info = wordInfo[k]!;
    // The stem's flags as a first stem (its flags as a second are shifted above them).
    const f1 = info & (STEM_STOCK | STEM_COMMON);
    const l1 = (info >>> INFO_LOG2_SHIFT) & INFO_LOG2_MASK;
    // The stem's row in the stock-phrase table (read only for a frequent stem).
    const row = ((info >>> INFO_FREQUENT_SHIFT) - 1) * frequentCount;
    const h1 = firstStemPart(wordHash[k]!);
    const last = Math.min(m - 1, k + maxDistance);
    for (let j = k + 1; j <= last; j++) {
      const h = seedHash(h1, wordHash[j]!);
      const next = wordInfo[j]!;
      const rarity = l1 + ((next >>> INFO_LOG2_SHIFT) & INFO_LOG2_MASK);
      const rc = rarity - safeRarity;
      let key = (((rc > 0 ? rc : 0) << KEY_HASH_BITS) | (h >>> KEY_HASH_DROP)) >>> 0;
      const both = f1 & (next >>> SECOND_SHIFT);
      if (both !== 0) {
        let isStock = false;
        if ((both & STEM_STOCK) !== 0) isStock = dense ? pairBit(pairBits, row + (next >>> INFO_FREQUENT_SHIFT) - 1) === 1 : stockHashes.has(h);
        if (isStock) {
          tokFlags[ct[k]!] = tokFlags[ct[k]!]! | TOK_BANAL;
          tokFlags[ct[j]!] = tokFlags[ct[j]!]! | TOK_BANAL;
          key = KEY_NEVER;
        } else if ((both & STEM_COMMON) !== 0) key = KEY_NEVER;
      }
      hash[n] = h;
      keys[n] = key;
      rarities[n] = rarity;
      pos[n++] = k;
    }
  }
  out.n = n;
}

/**
 * Appends to `out` the seeds of one document (`seeds`) that winnowing
 * keeps: for every window of `w` consecutive seeds the smallest key (rarity
 * class, then hash; rightmost on ties); a document with at most `w` seeds
 * keeps its minimum. Keys above `maxKey` (KEY_NEVER among them) are never
 * kept. Returns how many were appended (`out` must have room for `n`
 * seeds: `winnowFour` writes each seed to the next slot, kept or not).
 */
export function winnowInto(seeds: DocSeeds, w: number, maxKey: number, out: SeedColumns): number {
  const { n, key, hash, pos, rarity } = seeds;
  const oh = out.hash;
  const op = out.pos;
  const or = out.rarity;
  let o = out.length;
  const o0 = o;
  if (w <= 1) {
    for (let i = 0; i < n; i++) {
      const k = key[i]!;
      if (k > maxKey) continue;
      oh[o] = hash[i]!;
      or[o] = rarity[i]!;
      op[o++] = pos[i]!;
    }
    return o - o0;
  }
  if (n <= w) {
    if (n === 0) return 0;
    let m = 0;
    for (let i = 1; i < n; i++) if (key[i]! <= key[m]!) m = i;
    if (key[m]! > maxKey) return 0;
    oh[o] = hash[m]!;
    or[o] = rarity[m]!;
    op[o] = pos[m]!;
    return 1;
  }
  if (w === FOUR && n >= 2 * FOUR) return winnowFour(seeds, maxKey, out);
  let last = -1;
  let m = -1;
  for (let s = 0; s + w <= n; s++) {
    // The minimum of window [s, s + w): rescan only when the old one left it.
    const e = s + w - 1;
    if (m < s) {
      m = s;
      for (let i = s + 1; i <= e; i++) if (key[i]! <= key[m]!) m = i;
    } else if (key[e]! <= key[m]!) m = e;
    if (m !== last) {
      last = m;
      const k = key[m]!;
      if (k > maxKey) continue;
      oh[o] = hash[m]!;
      or[o] = rarity[m]!;
      op[o++] = pos[m]!;
    }
  }
  return o - o0;
}

/** The default winnowing window, which `winnowFour` serves. */
const FOUR = 4;

/**
 * `winnowInto` for windows of four seeds (the default), with no branch
 * that depends on the keys. Seed i is the rightmost minimum of some window
 * exactly when the seeds just before it with a key at least its own (at
 * most 3, `a`) and those just after it with a larger key (at most 3, `b`)
 * make a + b ≥ 3: a window reaching a seeds left and 3 − a right holds it
 * as its rightmost minimum, and no other window can. So each seed is
 * judged by six comparisons with its neighbours, and written to the next
 * slot whether kept or not (the slot advances only if it is). The
 * rescanning loop's compares depend on the hashes and mispredict: 1M
 * words, winnowing alone (generation subtracted) ≈ 18.6 → 15.5 ms, 8M
 * ≈ 355 → 325 ms (thread CPU, medians of 30 and 8 runs).
 */
function winnowFour(seeds: DocSeeds, maxKey: number, out: SeedColumns): number {
  const { n, key, hash, pos, rarity } = seeds;
  const oh = out.hash;
  const op = out.pos;
  const or = out.rarity;
  const o0 = out.length;
  let o = o0;
  const span = FOUR - 1;
  // The first and last three seeds have fewer neighbours on one side.
  for (let i = 0; i < span; i++) o += keepAt(seeds, i, maxKey, out, o);
  let k0 = key[0]!;
  let k1 = key[1]!;
  let k2 = key[2]!;
  let k3 = key[3]!;
  let k4 = key[4]!;
  let k5 = key[5]!;
  const end = n - span;
  for (let i = span; i < end; i++) {
    // k0 … k6: the keys of seeds i − 3 … i + 3.
    const k6 = key[i + 3]!;
    const l1 = +(k2 >= k3);
    const l2 = l1 & +(k1 >= k3);
    const l3 = l2 & +(k0 >= k3);
    const r1 = +(k4 > k3);
    const r2 = r1 & +(k5 > k3);
    const r3 = r2 & +(k6 > k3);
    oh[o] = hash[i]!;
    or[o] = rarity[i]!;
    op[o] = pos[i]!;
    o += +(l1 + l2 + l3 + r1 + r2 + r3 >= span) & +(k3 <= maxKey);
    k0 = k1;
    k1 = k2;
    k2 = k3;
    k3 = k4;
    k4 = k5;
    k5 = k6;
  }
  for (let i = end; i < n; i++) o += keepAt(seeds, i, maxKey, out, o);
  return o - o0;
}

/** Writes seed i to slot o of `out`; 1 if winnowing (window of four) keeps it, else 0. */
function keepAt(seeds: DocSeeds, i: number, maxKey: number, out: SeedColumns, o: number): number {
  const { n, key } = seeds;
  const k = key[i]!;
  let a = 0;
  while (a < FOUR - 1 && i - a > 0 && key[i - a - 1]! >= k) a++;
  let b = 0;
  while (b < FOUR - 1 && i + b + 1 < n && key[i + b + 1]! > k) b++;
  out.hash[o] = seeds.hash[i]!;
  out.rarity[o] = seeds.rarity[i]!;
  out.pos[o] = seeds.pos[i]!;
  return a + b >= FOUR - 1 && k <= maxKey ? 1 : 0;
}
