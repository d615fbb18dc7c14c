/**
 * Seeds: ordered pairs of content-word stems at most 1 + seedMaxSkip content
 * words apart, hashed to 32-bit ints. Skipped pairs survive a substituted or
 * inserted word ("protect the environment for future generations" /
 * "safeguard the environment for coming generations" share
 * environment..generations). Seeds are bucketed by a radix sort; buckets
 * found in too many documents are stock phrases and ignored; every other
 * bucket yields a hit for each pair of its occurrences.
 */
import { keepShape } from '../text/shapes.ts';
import type { Vocabulary } from '../text/vocabulary.ts';
import * as buffers from './buffers.ts';

// A module-local copy (some loaders compile imported bindings to getters).
const { radixSortPairs, grownCapacity, resized } = buffers;
import type { ReuseOptions } from './options.ts';
import { TOK_BANAL, type PreparedDoc } from './prepare.ts';

/**
 * The kept seeds, in generation order (document, then position), and their
 * buckets, sorted by hash (stably, so documents ascend within a bucket): a
 * seed pairs with the later occurrences in its bucket (all of them in a
 * small bucket, the next `seedPairFanout` in a large one).
 */
export interface SeedIndex {
  /** Kept seeds. */
  count: number;
  /**
   * Seeds that may recur, in generation order (document, then position):
   * the end of its partner range, content-word index, token index and
   * sorted position x side by side (four ints each). Such a seed pairs with
   * the seeds at sorted positions [x + 1, end) (the same end as in
   * `sorted`, here so that an empty range costs no read of `sorted`). Only
   * these can make a hit.
   */
  recurring: Int32Array;
  /** Recurring seeds of document d: [recurringStart[d], recurringStart[d + 1]). */
  recurringStart: Int32Array;
  /**
   * Rarity class of each recurring seed: floor(log2 occ) of its first stem
   * plus that of its second. Expected chance occurrences of the pair in the
   * corpus are about maxDistance * 2^(rarity + 1) / contentWords.
   */
  rarity: Uint8Array;
  /**
   * Recurring seeds in hash order: document, content-word index, token
   * index and the end of its partner range side by side (four ints each),
   * so a seed's range and its partners are one or two cache lines.
   */
  sorted: Int32Array;
  /** log2 of the expected chance occurrences of a pair of rarity class 0 (add the class). */
  chanceLog2Base: number;
  /** Seed buckets skipped as stock phrases. */
  banalSeeds: number;
}

/** Seeds in more documents than this are stock phrases. */
export function banalDocCap(docCount: number, options: ReuseOptions): number {
  let cap = Math.max(options.banalMaxDocs, Math.floor(docCount * options.banalCorpusShare));
  if (docCount >= options.banalMinCorpus) {
    cap = Math.min(cap, Math.max(2, Math.floor(docCount * options.banalDocFraction)));
  }
  return cap;
}

const SENTINEL = 0xffffffff;

/**
 * Growable seed columns: the hash and, for kept seeds, the content-word
 * index and rarity class (`kept`), else the document (stock-phrase count).
 */
class SeedColumns {
  length = 0;
  hash: Uint32Array;
  doc: Int32Array;
  pos: Int32Array;
  rarity: Uint8Array;
  /** `capacity`: the seeds expected (exactly that many slots, not rounded up). */
  constructor(readonly kept: boolean, capacity = 1024) {
    const n = Math.max(16, capacity);
    this.hash = new Uint32Array(n);
    this.doc = new Int32Array(kept ? 0 : n);
    this.pos = new Int32Array(kept ? n : 0);
    this.rarity = new Uint8Array(kept ? n : 0);
  }
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.hash.length) return;
    const n = grownCapacity(this.hash.length, need);
    this.hash = resized(this.hash, n, this.length);
    if (this.kept) {
      this.pos = resized(this.pos, n, this.length);
      this.rarity = resized(this.rarity, n, this.length);
    } else this.doc = resized(this.doc, n, this.length);
  }
}

/** A set of 32-bit hashes (open addressing). */
class HashSet32 {
  readonly keys: Uint32Array;
  readonly used: Uint8Array;
  readonly mask: number;
  size = 0;
  constructor(capacity: number) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Uint32Array(n);
    this.used = new Uint8Array(n);
    this.mask = n - 1;
  }
  add(h: number): void {
    let slot = (h ^ (h >>> 16)) & this.mask;
    while (this.used[slot]) {
      if (this.keys[slot] === h) return;
      slot = (slot + 1) & this.mask;
    }
    this.used[slot] = 1;
    this.keys[slot] = h;
  }
  has(h: number): boolean {
    let slot = (h ^ (h >>> 16)) & this.mask;
    while (this.used[slot]) {
      if (this.keys[slot] === h) return true;
      slot = (slot + 1) & this.mask;
    }
    return false;
  }
}

// Its hidden class survives between calls (see text/shapes.ts).
keepShape(new SeedColumns(true, 0));
keepShape(new HashSet32(0));

/** The stems of `d`'s content words into `out[0, m)` (grown if needed); returns `out`. */
function contentStemsOf(d: PreparedDoc, out: Int32Array): Int32Array {
  const ct = d.contentTok;
  const m = ct.length;
  if (m > out.length) out = new Int32Array(m * 2);
  const stem = d.corpus.stem;
  const off = d.offset;
  for (let k = 0; k < m; k++) out[k] = stem[off + ct[k]!]!;
  return out;
}

function seedHashOf(h1: number, h2: number): number {
  let h = h1 ^ h2;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Seed hashes found in too many documents (or too often): stock phrases.
 * Counted exactly over every seed, before any sampling, but only among seeds
 * that can qualify: a pair is in no more documents, and occurs no more
 * often, than its rarer stem allows.
 */
function banalSeedHashes(docs: readonly PreparedDoc[], stemHash: Int32Array, frequent: Uint8Array, maxDistance: number, docCap: number, maxOcc: number): HashSet32 {
  const cand = new SeedColumns(false);
  let cs: Int32Array = new Int32Array(256);
  for (const d of docs) {
    cs = contentStemsOf(d, cs);
    const m = d.contentTok.length;
    cand.reserve(m * maxDistance);
    const hashes = cand.hash;
    const seedDoc = cand.doc;
    let n = cand.length;
    for (let k = 0; k < m; k++) {
      const s1 = cs[k]!;
      if (!frequent[s1]) continue;
      const h1 = Math.imul(stemHash[s1]!, 0x9e3779b1);
      const last = Math.min(m - 1, k + maxDistance);
      for (let j = k + 1; j <= last; j++) {
        const s2 = cs[j]!;
        if (!frequent[s2]) continue;
        hashes[n] = seedHashOf(h1, stemHash[s2]!);
        seedDoc[n++] = d.index;
      }
    }
    cand.length = n;
  }
  const n = cand.length;
  const hashes = cand.hash;
  const seedDoc = cand.doc;
  radixSortPairs(hashes, seedDoc, n);
  const banal: number[] = [];
  for (let g0 = 0; g0 < n; ) {
    const h = hashes[g0]!;
    let g1 = g0 + 1;
    let df = 1;
    let prevDoc = seedDoc[g0]!;
    while (g1 < n && hashes[g1] === h) {
      const dx = seedDoc[g1]!;
      if (dx !== prevDoc) df++;
      prevDoc = dx;
      g1++;
    }
    if (g1 - g0 >= 2 && (df > docCap || g1 - g0 > maxOcc)) banal.push(h);
    g0 = g1;
  }
  const set = new HashSet32(banal.length);
  for (const h of banal) set.add(h);
  set.size = banal.length;
  return set;
}

/** Above this many frequent stems, stock phrases are counted by sorting hashes rather than in a dense table. */
const DENSE_MAX_STEMS = 1448;

/**
 * The same count as `banalSeedHashes` when few stems are frequent: pairs of
 * frequent stems indexed densely (`fidx` numbers the frequent stems), with
 * occurrences and documents counted exactly in one pass (three ints per pair,
 * side by side). Returns a flag per pair: 1 for a stock phrase.
 */
function banalPairsDense(docs: readonly PreparedDoc[], fidx: Int32Array, f: number, maxDistance: number, docCap: number, maxOcc: number): { flags: Uint8Array; count: number } {
  // The counts matter only up to the first value past each cap, so they
  // saturate there: then they fit one int per pair (a third of the table:
  // fewer cache misses in its random accesses).
  const occCap = Math.max(2, Math.floor(maxOcc) + 1);
  const dfCap = Math.max(1, Math.floor(docCap) + 1);
  if (occCap <= 0x7fff && dfCap <= 0xffff) return banalPairsPacked(docs, fidx, f, maxDistance, docCap, maxOcc, occCap, dfCap);
  const table = new Int32Array(f * f * 3);
  let cs: Int32Array = new Int32Array(256);
  for (const d of docs) {
    cs = contentStemsOf(d, cs);
    const m = d.contentTok.length;
    const doc = d.index + 1;
    for (let k = 0; k < m; k++) {
      const a = fidx[cs[k]!]!;
      if (a < 0) continue;
      const row = a * f;
      const last = Math.min(m - 1, k + maxDistance);
      for (let j = k + 1; j <= last; j++) {
        const b = fidx[cs[j]!]!;
        if (b < 0) continue;
        const at = (row + b) * 3;
        table[at] = table[at]! + 1;
        if (table[at + 1] !== doc) {
          table[at + 1] = doc;
          table[at + 2] = table[at + 2]! + 1;
        }
      }
    }
  }
  const flags = new Uint8Array(f * f);
  let count = 0;
  for (let p = 0; p < f * f; p++) {
    const occ = table[p * 3]!;
    if (occ >= 2 && (table[p * 3 + 2]! > docCap || occ > maxOcc)) {
      flags[p] = 1;
      count++;
    }
  }
  return { flags, count };
}

/**
 * `banalPairsDense` with one int per pair: bit 31 marks a pair already
 * counted in the current document (cleared after it), bits 16–30 count its
 * occurrences up to `occCap`, bits 0–15 its documents up to `dfCap`. Exact:
 * a count past its cap compares with the cap alike.
 */
function banalPairsPacked(docs: readonly PreparedDoc[], fidx: Int32Array, f: number, maxDistance: number, docCap: number, maxOcc: number, occCap: number, dfCap: number): { flags: Uint8Array; count: number } {
  const table = new Int32Array(f * f);
  let touched = new Int32Array(1024);
  let wf = new Int32Array(256);
  for (const d of docs) {
    const ct = d.contentTok;
    const m = ct.length;
    if (m * maxDistance > touched.length) touched = new Int32Array(m * maxDistance * 2);
    if (m > wf.length) wf = new Int32Array(m * 2);
    const stem = d.corpus.stem;
    const off = d.offset;
    for (let k = 0; k < m; k++) wf[k] = fidx[stem[off + ct[k]!]!]!;
    let nt = 0;
    for (let k = 0; k < m; k++) {
      const a = wf[k]!;
      if (a < 0) continue;
      const row = a * f;
      const last = Math.min(m - 1, k + maxDistance);
      for (let j = k + 1; j <= last; j++) {
        const b = wf[j]!;
        if (b < 0) continue;
        const p = row + b;
        let v = table[p]!;
        if (((v >>> 16) & 0x7fff) < occCap) v += 0x10000;
        if (v >= 0) {
          // First time in this document.
          if ((v & 0xffff) < dfCap) v++;
          v |= 0x80000000;
          touched[nt++] = p;
        }
        table[p] = v;
      }
    }
    for (let t = 0; t < nt; t++) {
      const p = touched[t]!;
      table[p] = table[p]! & 0x7fffffff;
    }
  }
  const flags = new Uint8Array(f * f);
  let count = 0;
  for (let p = 0; p < f * f; p++) {
    const v = table[p]!;
    const occ = (v >>> 16) & 0x7fff;
    if (occ >= 2 && ((v & 0xffff) > docCap || occ > maxOcc)) {
      flags[p] = 1;
      count++;
    }
  }
  return { flags, count };
}

export function collectSeeds(docs: readonly PreparedDoc[], vocab: Vocabulary, options: ReuseOptions): SeedIndex {
  const stemHash = Int32Array.from(vocab.stemHash);
  const stemCount = stemHash.length;
  const maxDistance = 1 + Math.max(0, Math.floor(options.seedMaxSkip));
  const docCap = banalDocCap(docs.length, options);

  // Stem document frequencies and occurrences: which stems could be part of a stock-phrase seed.
  const df = new Int32Array(stemCount);
  const occ = new Int32Array(stemCount);
  const lastDoc = new Int32Array(stemCount).fill(-1);
  let contentWords = 0;
  for (const d of docs) {
    const ct = d.contentTok;
    const stem = d.corpus.stem;
    const off = d.offset;
    contentWords += ct.length;
    for (let k = 0; k < ct.length; k++) {
      const s = stem[off + ct[k]!]!;
      occ[s] = occ[s]! + 1;
      if (lastDoc[s] !== d.index) {
        lastDoc[s] = d.index;
        df[s] = df[s]! + 1;
      }
    }
  }
  // The occurrence cap grows with the corpus like the document cap.
  const maxOcc = Math.floor(options.banalMaxOccurrences * Math.max(1, (docs.length * options.banalCorpusShare) / Math.max(1, options.banalMaxDocs)));
  const frequent = new Uint8Array(stemCount);
  for (let s = 0; s < stemCount; s++) frequent[s] = df[s]! > docCap || occ[s]! * maxDistance > maxOcc ? 1 : 0;
  // Per stem: floor(log2(occurrences)). A seed's rarity class is the sum for
  // its two stems; winnowing prefers the rarest seed of each window (then
  // the smallest hash), so the seeds kept are those least likely to meet by
  // chance. The class is global, so two copies of one window choose alike.
  const lg = new Uint8Array(stemCount);
  for (let s = 0; s < stemCount; s++) lg[s] = occ[s]! > 0 ? 31 - Math.clz32(occ[s]!) : 0;
  // Frequent stems numbered densely (-1 for the others).
  const fidx = new Int32Array(stemCount);
  let fCount = 0;
  for (let s = 0; s < stemCount; s++) fidx[s] = frequent[s] ? fCount++ : -1;
  const dense = fCount <= DENSE_MAX_STEMS;
  const densePairs = dense ? banalPairsDense(docs, fidx, fCount, maxDistance, docCap, maxOcc) : null;
  const banalPair = densePairs ? densePairs.flags : new Uint8Array(0);
  const banalSet = dense ? new HashSet32(0) : banalSeedHashes(docs, stemHash, frequent, maxDistance, docCap, maxOcc);
  const banalSeeds = densePairs ? densePairs.count : banalSet.size;
  const banalKeys = banalSet.keys;
  const banalUsed = banalSet.used;
  const banalMask = banalSet.mask;

  const large = contentWords >= options.winnowMinWords;
  const winnow = large ? Math.max(1, Math.floor(options.winnowWindow)) : 1;
  // In a large corpus, a pair of two common words (each in more than
  // `commonDocFraction` of the documents) is no seed: such pairs meet by
  // chance all over the corpus. Small corpora keep them (document
  // frequencies say little over a few documents).
  const common = new Uint8Array(stemCount);
  if (large) {
    const cap = options.commonDocFraction * docs.length;
    for (let s = 0; s < stemCount; s++) common[s] = df[s]! > cap ? 1 : 0;
  }
  // Per stem: bit 1 frequent (could be in a stock-phrase seed), bit 2 common.
  const flags = new Uint8Array(stemCount);
  for (let s = 0; s < stemCount; s++) flags[s] = frequent[s]! | (common[s]! << 1);
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
  const maxRarity = large && maxChance > 0 ? Math.floor(Math.log2(maxChance) - chanceLog2Base) : 63;
  const safeRarity = large && options.seedSafeChance > 0 ? Math.max(0, Math.floor(Math.log2(options.seedSafeChance) - chanceLog2Base)) : 0;
  const maxKey = maxRarity >= 63 ? SENTINEL - 1 : maxRarity < safeRarity ? -1 : (maxRarity - safeRarity + 1) * 2 ** 26 - 1;
  // Sized from the expected count (not rounded up to a power of two: fewer
  // fresh bytes, fewer external-memory GCs); grown if a corpus needs more.
  const kept = new SeedColumns(true, Math.ceil((contentWords * maxDistance * (winnow > 1 ? 2 : winnow + 1)) / (winnow + 1)) + 16);
  // Most seeds occur once and make no hit: after generation, those that
  // may recur are found with two bit sets indexed by hash bits (seen, seen
  // again; a false "again" only costs a sort slot). Allocated here, with the
  // kept-seed columns: one burst of fresh memory, not two (each burst costs
  // V8 a mark-compact).
  let bits = 1 << 16;
  while (bits < kept.hash.length * 8 && bits < 1 << 30) bits *= 2;
  const bitMask = bits - 1;
  // Word w of "seen" at 2w and of "again" at 2w + 1: one cache line.
  const seenAgain = new Int32Array(bits >>> 4);
  let scratchHash = new Uint32Array(1024);
  let scratchKey = new Uint32Array(1024);
  let scratchPos = new Int32Array(1024);
  let scratchRarity = new Uint8Array(1024);
  let wordHash = new Int32Array(256);
  let wordFlags = new Uint8Array(256);
  let wordLg = new Uint8Array(256);
  let wordF = new Int32Array(256);
  let wordFi = new Int32Array(256);
  const docStart = new Int32Array(docs.length + 1);
  for (const d of docs) {
    const ct = d.contentTok;
    const tokFlags = d.flags;
    const m = ct.length;
    const tokStem = d.corpus.stem;
    const off = d.offset;
    if (m * maxDistance > scratchHash.length) {
      scratchHash = new Uint32Array(m * maxDistance * 2);
      scratchKey = new Uint32Array(m * maxDistance * 2);
      scratchPos = new Int32Array(m * maxDistance * 2);
      scratchRarity = new Uint8Array(m * maxDistance * 2);
    }
    if (m > wordHash.length) {
      wordHash = new Int32Array(m * 2);
      wordFlags = new Uint8Array(m * 2);
      wordLg = new Uint8Array(m * 2);
      wordF = new Int32Array(m * 2);
      wordFi = new Int32Array(m * 2);
    }
    for (let k = 0; k < m; k++) {
      const st = tokStem[off + ct[k]!]!;
      wordHash[k] = stemHash[st]!;
      wordFlags[k] = flags[st]!;
      wordLg[k] = lg[st]!;
      const fi = fidx[st]!;
      wordFi[k] = fi;
      wordF[k] = fi * fCount;
    }
    let n = 0;
    for (let k = 0; k < m; k++) {
      const f1 = wordFlags[k]!;
      const l1 = wordLg[k]!;
      const h1 = Math.imul(wordHash[k]!, 0x9e3779b1);
      const last = Math.min(m - 1, k + maxDistance);
      for (let j = k + 1; j <= last; j++) {
        const h = seedHashOf(h1, wordHash[j]!);
        const rarity = l1 + wordLg[j]!;
        const rc = rarity - safeRarity;
        let key = (((rc > 0 ? rc : 0) << 26) | (h >>> 6)) >>> 0;
        const both = f1 & wordFlags[j]!;
        if (both !== 0) {
          let isBanal = false;
          if ((both & 1) !== 0 && dense) {
            isBanal = banalPair[wordF[k]! + wordFi[j]!] === 1;
          } else if ((both & 1) !== 0) {
            let slot = (h ^ (h >>> 16)) & banalMask;
            while (banalUsed[slot]) {
              if (banalKeys[slot] === h) {
                isBanal = true;
                break;
              }
              slot = (slot + 1) & banalMask;
            }
          }
          if (isBanal) {
            tokFlags[ct[k]!] = tokFlags[ct[k]!]! | TOK_BANAL;
            tokFlags[ct[j]!] = tokFlags[ct[j]!]! | TOK_BANAL;
            key = SENTINEL;
          } else if ((both & 2) !== 0) key = SENTINEL;
        }
        scratchHash[n] = h;
        scratchKey[n] = key;
        scratchRarity[n] = rarity;
        scratchPos[n++] = k;
      }
    }
    kept.reserve(n);
    kept.length += winnowInto(scratchKey, scratchHash, scratchPos, scratchRarity, n, winnow, maxKey, kept);
    docStart[d.index + 1] = kept.length;
  }

  const n = kept.length;
  const seedHash = kept.hash;
  const seedPos = kept.pos;
  // The seeds that may recur (bit sets above) are sorted, with their seed indices.
  // r counts the seeds whose bit is set again at the end: two when a bit is
  // first seen again, one more for each later time.
  // Without branches on the bits read: a branch on a cache miss that goes
  // the wrong way stalls the next seeds' reads until the miss is served.
  let r = 0;
  for (let i = 0; i < n; i++) {
    const b = seedHash[i]! & bitMask;
    const w = (b >>> 5) << 1;
    const sh = b & 31;
    const sw = seenAgain[w]!;
    const aw = seenAgain[w + 1]!;
    const s = (sw >>> sh) & 1;
    seenAgain[w] = sw | (1 << sh);
    seenAgain[w + 1] = aw | (s << sh);
    r += s * (2 - ((aw >>> sh) & 1));
  }
  // The recurring seeds' hashes, positions and rarity classes, compacted in
  // place in generation order (the r-th recurring seed is at most the r-th
  // kept seed, whose slots are read first). A document's "again" bits are
  // read first, in a loop without branches (independent reads: their cache
  // misses overlap), then its seeds.
  const seedRarity = kept.rarity;
  const recStart = new Int32Array(docs.length + 1);
  r = 0;
  let again = new Uint8Array(256);
  for (let d = 0; d < docs.length; d++) {
    const i0 = docStart[d]!;
    const i1 = docStart[d + 1]!;
    if (i1 - i0 > again.length) again = new Uint8Array(2 * (i1 - i0));
    for (let i = i0; i < i1; i++) {
      const b = seedHash[i]! & bitMask;
      again[i - i0] = (seenAgain[((b >>> 5) << 1) + 1]! >>> (b & 31)) & 1;
    }
    for (let i = i0; i < i1; i++) {
      if (again[i - i0] !== 0) {
        seedHash[r] = seedHash[i]!;
        seedPos[r] = seedPos[i]!;
        seedRarity[r++] = seedRarity[i]!;
      }
    }
    recStart[d + 1] = r;
  }
  // The recurring seeds' records (document, content-word index, token
  // index, sorted position) are read in generation order (sequentially), so
  // the sorted order gathers one cache line per seed and writes its sorted
  // position into the same line. No fresh memory when the columns have
  // their usual room: the hashes and seed indices move to the dead bit
  // sets, the records to the kept-seed hash column; the sort's
  // scratch and then the sorted records go to the position column (dead
  // once the records are written).
  const inPlace = 4 * r <= seedHash.length && 4 * r <= seedPos.length && r <= seenAgain.length;
  let rHash = seedHash.subarray(0, r);
  if (inPlace) {
    const moved = new Uint32Array(seenAgain.buffer, seenAgain.byteOffset, r);
    moved.set(rHash);
    rHash = moved;
  }
  const recRarity = seedRarity.subarray(0, r);
  const rec = inPlace ? new Int32Array(seedHash.buffer, seedHash.byteOffset, 4 * r) : new Int32Array(4 * r);
  for (let d = 0; d < docs.length; d++) {
    const ct = docs[d]!.contentTok;
    const y1 = recStart[d + 1]!;
    for (let y = recStart[d]!; y < y1; y++) {
      const pos = seedPos[y]!;
      rec[4 * y] = d;
      rec[4 * y + 1] = pos;
      rec[4 * y + 2] = ct[pos]!;
    }
  }
  const rIdx = inPlace && 2 * r <= seenAgain.length ? seenAgain.subarray(r, 2 * r) : new Int32Array(r);
  for (let x = 0; x < r; x++) rIdx[x] = x;
  if (inPlace) radixSortPairs(rHash, rIdx, r, new Uint32Array(seedPos.buffer, seedPos.byteOffset + 4 * r, r), seedPos.subarray(0, r));
  else radixSortPairs(rHash, rIdx, r, seedHash.subarray(r));
  // Bucket members in sorted order, and for each recurring seed the sorted
  // range of the later occurrences it pairs with (empty for the last of a
  // bucket, and for a lone seed that only seemed to recur).
  // Every slot of the sorted records is written below.
  const sortedDpt = inPlace ? seedPos.subarray(0, 4 * r) : new Int32Array(4 * r);
  const allPairsMax = options.seedAllPairsMax;
  const fanout = options.seedPairFanout;
  for (let g0 = 0; g0 < r; ) {
    const h = rHash[g0]!;
    let g1 = g0 + 1;
    while (g1 < r && rHash[g1] === h) g1++;
    const size = g1 - g0;
    for (let x = g0; x < g1; x++) {
      const at = 4 * rIdx[x]!;
      const end = size > allPairsMax ? Math.min(g1, x + 1 + fanout) : g1;
      sortedDpt[4 * x] = rec[at]!;
      sortedDpt[4 * x + 1] = rec[at + 1]!;
      sortedDpt[4 * x + 2] = rec[at + 2]!;
      sortedDpt[4 * x + 3] = end;
      // The document is copied; its slot now holds the end of the range.
      rec[at] = end;
      rec[at + 3] = x;
    }
    g0 = g1;
  }
  return {
    count: n,
    recurring: rec,
    recurringStart: recStart,
    rarity: recRarity,
    sorted: sortedDpt,
    chanceLog2Base,
    banalSeeds,
  };
}

/**
 * Appends to `out` the seeds of one document (`key`/`hash`/`pos` [0, n))
 * that winnowing keeps: for every window of `w` consecutive seeds the
 * smallest key (rarity class, then hash; rightmost on ties); a document
 * with at most `w` seeds keeps its minimum. Stock-phrase seeds (key
 * SENTINEL) are never kept. Returns how many were appended (`out` must have
 * room for n).
 */
function winnowInto(key: Uint32Array, hash: Uint32Array, pos: Int32Array, rarity: Uint8Array, n: number, w: number, maxKey: number, out: SeedColumns): number {
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
