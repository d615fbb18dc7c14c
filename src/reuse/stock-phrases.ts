/**
 * Stock phrases: seeds (stem pairs at most `maxDistance` content words
 * apart) found in too many documents, or too often, to say anything. They
 * are counted exactly over every seed, before any sampling, but only among
 * pairs of *frequent* stems: a pair is in no more documents, and occurs no
 * more often, than its rarer stem allows.
 *
 * Three counts give one result: with few frequent stems, a dense table per
 * (frequent stem × frequent stem), two bytes per pair (and two carry bytes)
 * or, when the caps do not fit those, three ints; with many, the seed hashes sorted with
 * their documents (tests/reuse/stock-phrases.test.ts checks that they agree).
 */
import { radixSortPairs } from './radix-sort.ts';
import { grownCapacity, resized } from './buffers.ts';
import type { ReuseOptions } from './options.ts';
import type { PreparedDoc } from './prepare.ts';
import { firstStemPart, seedHash } from './seed-hash.ts';
import { contentStemsOf, type StemStats } from './stem-stats.ts';

/** Seeds in more documents than this are stock phrases. */
export function banalDocCap(docCount: number, options: ReuseOptions): number {
  let cap = Math.max(options.banalMaxDocs, Math.floor(docCount * options.banalCorpusShare));
  if (docCount >= options.banalMinCorpus) {
    cap = Math.min(cap, Math.max(2, Math.floor(docCount * options.banalDocFraction)));
  }
  return cap;
}

/** Seeds occurring more often than this are stock phrases: the cap grows with the corpus like the document cap. */
export function banalOccurrenceCap(docCount: number, options: ReuseOptions): number {
  return Math.floor(options.banalMaxOccurrences * Math.max(1, (docCount * options.banalCorpusShare) / Math.max(1, options.banalMaxDocs)));
}

/**
 * The dense tables hold at most this many pairs (2^21: 8 MB packed with
 * the carries, 25 MB wide); with more frequent stems the hashes are sorted instead.
 */
const DENSE_MAX_PAIRS = 2 ** 21;
/** Above this many frequent stems (1,448), stock phrases are counted by sorting hashes. */
export const DENSE_MAX_STEMS = Math.floor(Math.sqrt(DENSE_MAX_PAIRS));

/** A set of 32-bit hashes (open addressing, linear probing, at most half full). */
export class HashSet32 {
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
    this.size++;
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

export interface StockPhrases {
  /** Per stem: 1 if it could be in a stock-phrase seed (in more than the document cap, or often enough to pass the occurrence cap). */
  frequent: Uint8Array;
  /** Per stem: its number among the frequent stems, -1 for the others. */
  frequentIndex: Int32Array;
  frequentCount: number;
  /**
   * Counted densely: bit p = frequentIndex[a] * frequentCount +
   * frequentIndex[b] of `pairBits` (`pairBit`) is 1 for a stock phrase. A
   * bit per pair, not a byte: seeding reads it at random for a third of its
   * seeds, and at 8M words the table is 124 KB instead of 1 MB.
   */
  dense: boolean;
  pairBits: Int32Array;
  /** Counted by sorting: the stock phrases' seed hashes. */
  hashes: HashSet32;
  /** Stock-phrase seeds (distinct pairs). */
  count: number;
}

/** What a count needs: the frequent stems and the caps. */
export interface PairCount {
  frequentIndex: Int32Array;
  frequentCount: number;
  maxDistance: number;
  docCap: number;
  maxOcc: number;
}

export function findStockPhrases(docs: readonly PreparedDoc[], stats: StemStats, stemHash: Int32Array, maxDistance: number, options: ReuseOptions): StockPhrases {
  const stemCount = stemHash.length;
  const docCap = banalDocCap(docs.length, options);
  const maxOcc = banalOccurrenceCap(docs.length, options);
  const { docFreq, occurrences } = stats;
  const frequent = new Uint8Array(stemCount);
  for (let s = 0; s < stemCount; s++) frequent[s] = docFreq[s]! > docCap || occurrences[s]! * maxDistance > maxOcc ? 1 : 0;
  const frequentIndex = new Int32Array(stemCount);
  let frequentCount = 0;
  for (let s = 0; s < stemCount; s++) frequentIndex[s] = frequent[s] ? frequentCount++ : -1;
  const count: PairCount = { frequentIndex, frequentCount, maxDistance, docCap, maxOcc };
  if (frequentCount <= DENSE_MAX_STEMS) {
    const { bits, stock } = countDense(docs, count);
    return { frequent, frequentIndex, frequentCount, dense: true, pairBits: bits, hashes: new HashSet32(0), count: stock };
  }
  const hashes = countBySorting(docs, stemHash, frequent, count);
  return { frequent, frequentIndex, frequentCount, dense: false, pairBits: new Int32Array(0), hashes, count: hashes.size };
}

/**
 * Packed pair counts, two bytes per pair: bit 15 marks a pair already
 * counted in the current document (cleared after it), bits 8–14 the low 7
 * bits of its documents, bits 0–7 the low 8 bits of its occurrences; the
 * high bytes are carried into two byte tables, read only when a low part
 * wraps (hot pairs, 1 in 128 or 256 of their counts). A high byte
 * saturates: a count is exact until then, and never reads below
 * PACKED_*_MAX after, so it compares alike with any cap below that. Two bytes instead of one int per pair: the
 * table the count reads at random is half the size (1M words: 1.3 MB
 * instead of 2.7 MB, 815 frequent stems; the count alone 0.76× of the
 * int table's time at its minimum, 0.81× at its median, 40 runs).
 */
const PACKED_IN_DOC = 0x8000;
const PACKED_OCC_LOW = 0xff;
const PACKED_DOCS_LOW = 0x7f00;
const PACKED_DOCS_ONE = 0x100;
const PACKED_DOCS_SHIFT = 8;
const BYTE_MAX = 0xff;
/** The largest counts told apart: past them a count stays past (a saturated high byte). */
const PACKED_OCC_MAX = BYTE_MAX * (PACKED_OCC_LOW + 1);
const PACKED_DOCS_MAX = BYTE_MAX * ((PACKED_DOCS_LOW >>> PACKED_DOCS_SHIFT) + 1);
/** Wide pair counts, when a cap does not fit the packed bits: occurrences, last document + 1, documents. */
const WIDE_OCC = 0;
const WIDE_LAST_DOC = 1;
const WIDE_DOCS = 2;
const WIDE_INTS = 3;

/** A stem's roles in the stock phrases (`stockRoles`): the first stem of one, the second of one. */
export const STOCK_FIRST = 1;
export const STOCK_SECOND = 2;

/**
 * Per stem, STOCK_FIRST if it is the first stem of a stock phrase and
 * STOCK_SECOND if it is the second of one. Counted densely, they come from
 * the phrases found (1M words: 124 first and 177 second stems of 816
 * frequent); counted by sorting, where only hashes are kept, every frequent
 * stem has both roles. A seed can be a stock phrase only if its stems have
 * these roles: seeding reads the pair bit for 14% of its seeds instead of
 * the 38% whose stems are both frequent.
 */
export function stockRoles(stock: StockPhrases): Uint8Array {
  const { frequent, frequentIndex, frequentCount: f } = stock;
  const roles = new Uint8Array(frequent.length);
  if (!stock.dense) {
    for (let s = 0; s < roles.length; s++) roles[s] = frequent[s] ? STOCK_FIRST | STOCK_SECOND : 0;
    return roles;
  }
  const byIndex = new Uint8Array(f);
  const bits = stock.pairBits;
  // By the set bits of each word: the pairs are f² (a million at 8M words), the phrases a few hundred.
  for (let w = 0; w < bits.length; w++) {
    for (let x = bits[w]!; x !== 0; x &= x - 1) {
      const p = (w << 5) + 31 - Math.clz32(x & -x);
      const a = Math.floor(p / f);
      byIndex[a] = byIndex[a]! | STOCK_FIRST;
      byIndex[p - a * f] = byIndex[p - a * f]! | STOCK_SECOND;
    }
  }
  for (let s = 0; s < roles.length; s++) roles[s] = frequentIndex[s]! >= 0 ? byIndex[frequentIndex[s]!]! : 0;
  return roles;
}

/** Bit p of `bits` (see StockPhrases.pairBits). */
export function pairBit(bits: Int32Array, p: number): number {
  return (bits[p >>> 5]! >>> (p & 31)) & 1;
}

/** The count over a dense table of frequent-stem pairs: a bit per pair (StockPhrases.pairBits), 1 for a stock phrase. */
export function countDense(docs: readonly PreparedDoc[], count: PairCount): { bits: Int32Array; stock: number } {
  // The counts matter only up to the first value past each cap.
  if (count.maxOcc < PACKED_OCC_MAX && count.docCap < PACKED_DOCS_MAX) return countPacked(docs, count);
  return countWide(docs, count);
}

/** Three ints per pair (for caps that do not fit the packed bits). */
export function countWide(docs: readonly PreparedDoc[], count: PairCount): { bits: Int32Array; stock: number } {
  const { frequentIndex: fidx, frequentCount: f, maxDistance, docCap, maxOcc } = count;
  const table = new Int32Array(f * f * WIDE_INTS);
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
        const at = (row + b) * WIDE_INTS;
        table[at + WIDE_OCC] = table[at + WIDE_OCC]! + 1;
        if (table[at + WIDE_LAST_DOC] !== doc) {
          table[at + WIDE_LAST_DOC] = doc;
          table[at + WIDE_DOCS] = table[at + WIDE_DOCS]! + 1;
        }
      }
    }
  }
  const bits = new Int32Array((f * f + 31) >>> 5);
  let stock = 0;
  for (let p = 0; p < f * f; p++) {
    const occ = table[p * WIDE_INTS + WIDE_OCC]!;
    if (occ >= 2 && (table[p * WIDE_INTS + WIDE_DOCS]! > docCap || occ > maxOcc)) {
      bits[p >>> 5] = bits[p >>> 5]! | (1 << (p & 31));
      stock++;
    }
  }
  return { bits, stock };
}

/** Two bytes per pair (see PACKED_IN_DOC), for caps below PACKED_OCC_MAX and PACKED_DOCS_MAX. */
export function countPacked(docs: readonly PreparedDoc[], count: PairCount): { bits: Int32Array; stock: number } {
  const { frequentIndex: fidx, frequentCount: f, maxDistance, docCap, maxOcc } = count;
  const table = new Uint16Array(f * f);
  const occHigh = new Uint8Array(f * f);
  const docsHigh = new Uint8Array(f * f);
  let touched = new Int32Array(1024);
  let wf = new Int32Array(256);
  // Per type, its stem's frequent-stem index: one read per word, not two.
  const typeStem = docs.length > 0 ? docs[0]!.corpus.typeStem : new Int32Array(0);
  const typeFidx = new Int32Array(typeStem.length);
  for (let t = 0; t < typeStem.length; t++) typeFidx[t] = fidx[typeStem[t]!]!;
  for (const d of docs) {
    const ct = d.contentTok;
    const m = ct.length;
    if (m * maxDistance > touched.length) touched = new Int32Array(m * maxDistance * 2);
    if (m > wf.length) wf = new Int32Array(m * 2);
    const type = d.corpus.type;
    const off = d.offset;
    for (let k = 0; k < m; k++) wf[k] = typeFidx[type[off + ct[k]!]!]!;
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
        if ((v & PACKED_OCC_LOW) === PACKED_OCC_LOW) {
          if (occHigh[p]! < BYTE_MAX) occHigh[p] = occHigh[p]! + 1;
          v &= ~PACKED_OCC_LOW;
        } else v++;
        if (v < PACKED_IN_DOC) {
          if ((v & PACKED_DOCS_LOW) === PACKED_DOCS_LOW) {
            if (docsHigh[p]! < BYTE_MAX) docsHigh[p] = docsHigh[p]! + 1;
            v &= ~PACKED_DOCS_LOW;
          } else v += PACKED_DOCS_ONE;
          v |= PACKED_IN_DOC;
          touched[nt++] = p;
        }
        table[p] = v;
      }
    }
    for (let t = 0; t < nt; t++) {
      const p = touched[t]!;
      table[p] = table[p]! & ~PACKED_IN_DOC;
    }
  }
  const bits = new Int32Array((f * f + 31) >>> 5);
  let stock = 0;
  for (let p = 0; p < f * f; p++) {
    const v = table[p]!;
    const occ = occHigh[p]! * (PACKED_OCC_LOW + 1) + (v & PACKED_OCC_LOW);
    const inDocs = docsHigh[p]! * ((PACKED_DOCS_LOW >>> PACKED_DOCS_SHIFT) + 1) + ((v & PACKED_DOCS_LOW) >>> PACKED_DOCS_SHIFT);
    if (occ >= 2 && (inDocs > docCap || occ > maxOcc)) {
      bits[p >>> 5] = bits[p >>> 5]! | (1 << (p & 31));
      stock++;
    }
  }
  return { bits, stock };
}

/** The count by sorting every frequent pair's seed hash with its document. */
export function countBySorting(docs: readonly PreparedDoc[], stemHash: Int32Array, frequent: Uint8Array, count: PairCount): HashSet32 {
  const { maxDistance, docCap, maxOcc } = count;
  let hashes = new Uint32Array(1024);
  let seedDoc = new Int32Array(1024);
  let n = 0;
  let cs: Int32Array = new Int32Array(256);
  for (const d of docs) {
    cs = contentStemsOf(d, cs);
    const m = d.contentTok.length;
    if (n + m * maxDistance > hashes.length) {
      const cap = grownCapacity(hashes.length, n + m * maxDistance);
      hashes = resized(hashes, cap, n);
      seedDoc = resized(seedDoc, cap, n);
    }
    for (let k = 0; k < m; k++) {
      const s1 = cs[k]!;
      if (!frequent[s1]) continue;
      const h1 = firstStemPart(stemHash[s1]!);
      const last = Math.min(m - 1, k + maxDistance);
      for (let j = k + 1; j <= last; j++) {
        const s2 = cs[j]!;
        if (!frequent[s2]) continue;
        hashes[n] = seedHash(h1, stemHash[s2]!);
        seedDoc[n++] = d.index;
      }
    }
  }
  radixSortPairs(hashes, seedDoc, n);
  const stock: number[] = [];
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
    if (g1 - g0 >= 2 && (df > docCap || g1 - g0 > maxOcc)) stock.push(h);
    g0 = g1;
  }
  const set = new HashSet32(stock.length);
  for (const h of stock) set.add(h);
  return set;
}
