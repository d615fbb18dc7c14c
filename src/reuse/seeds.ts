/**
 * Seeds: ordered pairs of content-word stems at most 1 + seedMaxSkip content
 * words apart, hashed to 32-bit ints. Skipped pairs survive a substituted or
 * inserted word ("protect the environment for future generations" /
 * "safeguard the environment for coming generations" share
 * environment..generations). Seeds are bucketed by a radix sort; buckets
 * found in too many documents are stock phrases and ignored; every other
 * bucket yields a hit for each pair of its occurrences.
 */
import type { Vocabulary } from '../text/vocabulary.ts';
import { IntBuffer, radixOrder } from './buffers.ts';
import type { ReuseOptions } from './options.ts';
import type { PreparedDoc } from './prepare.ts';

export interface Hits {
  count: number;
  docA: Int32Array;
  docB: Int32Array;
  /** Content-word index of the seed in each document. */
  posA: Int32Array;
  posB: Int32Array;
  /** Hit indices sorted by (docA, docB, posA). */
  order: Uint32Array;
  /** Seed buckets skipped as stock phrases. */
  banalSeeds: number;
}

/** Seeds in more documents than this are stock phrases. */
export function banalDocCap(docCount: number, options: ReuseOptions): number {
  let cap = options.banalMaxDocs;
  if (docCount >= options.banalMinCorpus) {
    cap = Math.min(cap, Math.max(2, Math.floor(docCount * options.banalDocFraction)));
  }
  return cap;
}

export function collectHits(docs: readonly PreparedDoc[], vocab: Vocabulary, options: ReuseOptions): Hits {
  const stemHash = Int32Array.from(vocab.stemHash);
  const maxDistance = 1 + Math.max(0, Math.floor(options.seedMaxSkip));

  let total = 0;
  for (const d of docs) total += d.contentTok.length * maxDistance;
  const seedHash = new Uint32Array(total);
  const seedDoc = new Int32Array(total);
  const seedPos = new Int32Array(total);
  // Content index of the seed's second word, to mark stock phrases.
  const seedEnd = new Int32Array(total);
  let contentWords = 0;
  for (const d of docs) contentWords += d.contentTok.length;
  const winnow = contentWords >= options.winnowMinWords ? Math.max(1, Math.floor(options.winnowWindow)) : 1;
  let n = 0;
  for (const d of docs) {
    const n0 = n;
    const ct = d.contentTok;
    const stem = d.stem;
    const m = ct.length;
    for (let k = 0; k < m; k++) {
      const h1 = Math.imul(stemHash[stem[ct[k]!]!]!, 0x9e3779b1);
      const last = Math.min(m - 1, k + maxDistance);
      for (let j = k + 1; j <= last; j++) {
        let h = h1 ^ stemHash[stem[ct[j]!]!]!;
        h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
        seedHash[n] = (h ^ (h >>> 13)) >>> 0;
        seedDoc[n] = d.index;
        seedPos[n] = k;
        seedEnd[n] = j;
        n++;
      }
    }
    if (winnow > 1) n = n0 + winnowInPlace(seedHash, seedDoc, seedPos, seedEnd, n0, n, winnow);
  }

  const sorted = radixOrder(seedHash, n);
  const docCap = banalDocCap(docs.length, options);
  const maxOcc = options.banalMaxOccurrences;
  const docA = new IntBuffer(1024);
  const docB = new IntBuffer(1024);
  const posA = new IntBuffer(1024);
  const posB = new IntBuffer(1024);
  let banalSeeds = 0;

  for (let g0 = 0; g0 < n; ) {
    const h = seedHash[sorted[g0]!]!;
    let g1 = g0 + 1;
    while (g1 < n && seedHash[sorted[g1]!] === h) g1++;
    const size = g1 - g0;
    if (size >= 2) {
      // Within a bucket, seeds keep generation order: documents ascending.
      let df = 1;
      for (let x = g0 + 1; x < g1; x++) if (seedDoc[sorted[x]!] !== seedDoc[sorted[x - 1]!]) df++;
      if (df > docCap || size > maxOcc) {
        banalSeeds++;
        for (let x = g0; x < g1; x++) {
          const sx = sorted[x]!;
          const d = docs[seedDoc[sx]!]!;
          d.banal[d.contentTok[seedPos[sx]!]!] = 1;
          d.banal[d.contentTok[seedEnd[sx]!]!] = 1;
        }
      } else {
        for (let x = g0; x < g1; x++) {
          const sx = sorted[x]!;
          const dx = seedDoc[sx]!;
          const px = seedPos[sx]!;
          const yEnd = size > options.seedAllPairsMax ? Math.min(g1, x + 1 + options.seedPairFanout) : g1;
          for (let y = x + 1; y < yEnd; y++) {
            const sy = sorted[y]!;
            const py = seedPos[sy]!;
            const dy = seedDoc[sy]!;
            if (dx === dy && px === py) continue;
            docA.push(dx);
            docB.push(dy);
            posA.push(px);
            posB.push(py);
          }
        }
      }
    }
    g0 = g1;
  }

  const count = docA.length;
  const pairKey = new Uint32Array(count);
  const nd = docs.length;
  for (let i = 0; i < count; i++) pairKey[i] = docA.data[i]! * nd + docB.data[i]!;
  const byPos = radixOrder(posA.data, count);
  const order = radixOrder(pairKey, count, byPos);
  return {
    count,
    docA: docA.toArray(),
    docB: docB.toArray(),
    posA: posA.toArray(),
    posB: posB.toArray(),
    order,
    banalSeeds,
  };
}

/**
 * Keeps, for every window of `w` consecutive seeds in [n0, n1), the smallest
 * hash (rightmost on ties), compacting the arrays in place. Returns how many
 * were kept.
 */
function winnowInPlace(
  hash: Uint32Array,
  doc: Int32Array,
  pos: Int32Array,
  end: Int32Array,
  n0: number,
  n1: number,
  w: number,
): number {
  const len = n1 - n0;
  if (len <= w) {
    // Too short for a full window: keep the minimum alone.
    if (len === 0) return 0;
    let m = n0;
    for (let i = n0 + 1; i < n1; i++) if (hash[i]! <= hash[m]!) m = i;
    hash[n0] = hash[m]!;
    doc[n0] = doc[m]!;
    pos[n0] = pos[m]!;
    end[n0] = end[m]!;
    return 1;
  }
  let out = n0;
  let last = -1;
  for (let s = n0; s + w <= n1; s++) {
    let m = s;
    for (let i = s + 1; i < s + w; i++) if (hash[i]! <= hash[m]!) m = i;
    if (m !== last) {
      // m > last always, and out <= m, so copying forward is safe.
      hash[out] = hash[m]!;
      doc[out] = doc[m]!;
      pos[out] = pos[m]!;
      end[out] = end[m]!;
      out++;
      last = m;
    }
  }
  return out - n0;
}
