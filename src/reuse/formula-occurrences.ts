/**
 * Formulas, step 1 (see formulas.ts): the passages' sides grouped into
 * occurrences. The two sides of a passage are linked, and two sides in one
 * document that overlap by `familyOverlap` of the longer are one occurrence
 * (union–find); an occurrence is the union of its group's sides in one
 * document. Sides of the frequent-phrase path join only each other: at a
 * star's centre, the sides that hold its phrase; any other by the same
 * overlap (see groupSides).
 *
 * The result is a table of occurrences (`Cores`) whose cores step 2
 * (formula-cores.ts) places, with per-token counts of the passages matching
 * each token.
 */
import { OP_MATCH } from './align.ts';
import { TOK_CONTENT_BIT } from './prepare.ts';
import { radixOrder } from './radix-sort.ts';
import { markBreaks } from './sentence-breaks.ts';
import { UnionFind, unionOverlapping } from './union-find.ts';
import type { PathColumns, TokenLayout, TokenPassage } from './formulas.ts';
import { int32Column } from './dead-memory.ts';

/** Occurrences (the passages' sides, merged per group and document) with their cores. */
export interface Cores {
  count: number;
  group: Int32Array;
  doc: Int32Array;
  /** The occurrence as the passages' sides cover it. */
  first: Int32Array;
  last: Int32Array;
  /** Its core, or first > last when nothing is left. */
  coreFirst: Int32Array;
  coreLast: Int32Array;
  links: Int32Array;
  /** Per token of [first, last], at countAt[o] + t - first: passages matching it. */
  countAt: Int32Array;
  counts: Int32Array;
  /** The passages touching occurrence o: passageList[passageStart[o], passageStart[o + 1]). */
  passageStart: Int32Array;
  passageList: Int32Array;
}

/** The passages' sides: node 2i is side a of passage i, 2i + 1 its side b. */
export interface Sides {
  doc: Int32Array;
  first: Int32Array;
  last: Int32Array;
  /** The root of each side's group. */
  root: Int32Array;
}

/** The sides of the passages, grouped (see the file comment). */
export function groupSides(passages: readonly TokenPassage[], familyOverlap: number): Sides {
  const n = passages.length * 2;
  const nDoc = int32Column(n);
  const nFirst = int32Column(n);
  const nLast = int32Column(n);
  const nEnd = int32Column(n);
  // Per passage: 1 if of the frequent-phrase path, read below in side
  // order from this column, not from the passages (8M words: 91K sides,
  // the passage objects read at random, a cache miss each).
  const frequent = new Uint8Array(passages.length);
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i]!;
    frequent[i] = p.frequent ? 1 : 0;
    nDoc[2 * i] = p.docA;
    nFirst[2 * i] = p.aFirst;
    nLast[2 * i] = p.aLast;
    nDoc[2 * i + 1] = p.docB;
    nFirst[2 * i + 1] = p.bFirst;
    nLast[2 * i + 1] = p.bLast;
  }
  for (let x = 0; x < n; x++) nEnd[x] = nLast[x]! + 1;
  const uf = new UnionFind(n);
  for (let i = 0; i < passages.length; i++) uf.union(2 * i, 2 * i + 1);
  let order = radixOrder(nLast, n);
  order = radixOrder(nFirst, n, order);
  order = radixOrder(nDoc, n, order);
  // The two paths' sides apart, each in document and start order.
  const normal = int32Column(n);
  const star = int32Column(n);
  let nn = 0;
  let ns = 0;
  for (let x = 0; x < n; x++) {
    const o = order[x]!;
    if (frequent[o >> 1] === 1) star[ns++] = o;
    else normal[nn++] = o;
  }
  unionOverlapping(uf, normal, nn, { doc: nDoc, start: nFirst, end: nEnd }, familyOverlap);
  // Star sides. Side a of a star passage stands on its representative's
  // run (a star's centre), side b on the run aligned with it (frequent.ts).
  // The centre's phrase is the stretch that half of its sides a cover
  // (weighted by the runs each stands for, copies included); the sides a
  // that cover `familyOverlap` of it hold the phrase and are one occurrence,
  // however far they reach past it (a slogan and the frame some documents
  // put around it, aligned with one run: the cores keep what most of them
  // share). Every other star side joins by the overlap above: a side that
  // holds only part of the phrase holds words two phrases share ("the GNU
  // General Public License" in "the terms of …" and in "the complete text
  // of … can be found in"), and joined at any overlap such sides chained
  // every clause that shares a word with another into one formula.
  centrePhrases(passages, star, ns, nDoc, nFirst, nLast, uf, familyOverlap);
  // Identical spans (most of a centre's) are joined at once, so the
  // overlap test sees each span once.
  let distinct = 0;
  for (let x = 0; x < ns; x++) {
    const o = star[x]!;
    const prev = distinct > 0 ? star[distinct - 1]! : -1;
    if (prev >= 0 && nDoc[o] === nDoc[prev] && nFirst[o] === nFirst[prev] && nLast[o] === nLast[prev]) uf.union(prev, o);
    else star[distinct++] = o;
  }
  unionOverlapping(uf, star, distinct, { doc: nDoc, start: nFirst, end: nEnd }, familyOverlap);
  const root = int32Column(n);
  for (let x = 0; x < n; x++) root[x] = uf.find(x);
  return { doc: nDoc, first: nFirst, last: nLast, root };
}

/**
 * Joins the sides a of each star centre that hold its phrase (see
 * groupSides). A centre is a run of sides a in one document overlapping
 * one another (`star`: star sides in document and start order); per token
 * of it, the weight of the sides covering it, by a difference array.
 * Linear in the sides and the centres' tokens.
 */
function centrePhrases(passages: readonly TokenPassage[], star: Int32Array, ns: number, nDoc: Int32Array, nFirst: Int32Array, nLast: Int32Array, uf: UnionFind, share: number): void {
  let cover = new Int32Array(64);
  for (let x0 = 0; x0 < ns; ) {
    // The next centre: sides a from x0 overlapping one another (sides b skipped).
    while (x0 < ns && (star[x0]! & 1) === 1) x0++;
    if (x0 >= ns) break;
    const d = nDoc[star[x0]!]!;
    const lo = nFirst[star[x0]!]!;
    let hi = nLast[star[x0]!]!;
    let x1 = x0 + 1;
    for (; x1 < ns; x1++) {
      const o = star[x1]!;
      if (nDoc[o] !== d || nFirst[o]! > hi) break;
      if ((o & 1) === 0 && nLast[o]! > hi) hi = nLast[o]!;
    }
    if (cover.length < hi - lo + 2) cover = new Int32Array(Math.max(hi - lo + 2, cover.length * 2));
    cover.fill(0, 0, hi - lo + 2);
    let total = 0;
    for (let x = x0; x < x1; x++) {
      const o = star[x]!;
      if ((o & 1) === 1) continue;
      const copies = passages[o >> 1]!.copies;
      const w = 1 + (copies ? copies.length / 4 : 0);
      cover[nFirst[o]! - lo]! += w;
      cover[nLast[o]! - lo + 1]! -= w;
      total += w;
    }
    // The phrase: from the first token covered by half the weight to the last.
    let pFirst = -1;
    let pLast = -1;
    let run = 0;
    for (let t = 0; t <= hi - lo; t++) {
      run += cover[t]!;
      if (run * 2 >= total) {
        if (pFirst < 0) pFirst = t + lo;
        pLast = t + lo;
      }
    }
    let holder = -1;
    const need = share * (pLast - pFirst + 1);
    for (let x = x0; x < x1; x++) {
      const o = star[x]!;
      if ((o & 1) === 1 || Math.min(nLast[o]!, pLast) - Math.max(nFirst[o]!, pFirst) + 1 < need) continue;
      if (holder < 0) holder = o;
      else uf.union(holder, o);
    }
    x0 = x1;
  }
}

/**
 * The occurrences of the grouped sides: per group and document, the union
 * of overlapping sides, ordered by group root, then document and start
 * (so a group's occurrences are consecutive). Counts hold, per token, the
 * passages whose alignment matches it; cores are left empty for step 2.
 * `occOf[side]` is the occurrence each side belongs to.
 */
export function collectOccurrences(passages: readonly TokenPassage[], sides: Sides, path: PathColumns): { cores: Cores; occOf: Int32Array } {
  const { doc: nDoc, first: nFirst, last: nLast, root } = sides;
  const n = nDoc.length;
  let order = radixOrder(nFirst, n);
  order = radixOrder(nDoc, n, order);
  order = radixOrder(root, n, order);
  const occOf = int32Column(n);
  // At most one occurrence per side; cut to size below.
  const oGroup = int32Column(n);
  const oDoc = int32Column(n);
  const oFirst = int32Column(n);
  const oLast = int32Column(n);
  let count = 0;
  for (let x = 0; x < n; x++) {
    const i = order[x]!;
    const o = count - 1;
    if (o >= 0 && oGroup[o] === root[i] && oDoc[o] === nDoc[i] && nFirst[i]! <= oLast[o]!) {
      if (nLast[i]! > oLast[o]!) oLast[o] = nLast[i]!;
    } else {
      oGroup[count] = root[i]!;
      oDoc[count] = nDoc[i]!;
      oFirst[count] = nFirst[i]!;
      oLast[count++] = nLast[i]!;
    }
    occOf[i] = count - 1;
  }
  const countAt = new Int32Array(count + 1);
  for (let o = 0; o < count; o++) countAt[o + 1] = countAt[o]! + oLast[o]! - oFirst[o]! + 1;
  const counts = int32Column(countAt[count]!);
  const links = new Int32Array(count);
  const passageStart = new Int32Array(count + 1);
  for (let i = 0; i < passages.length; i++) {
    passageStart[occOf[2 * i]! + 1]!++;
    if (occOf[2 * i + 1] !== occOf[2 * i]) passageStart[occOf[2 * i + 1]! + 1]!++;
  }
  for (let o = 0; o < count; o++) passageStart[o + 1] = passageStart[o + 1]! + passageStart[o]!;
  const passageList = int32Column(passageStart[count]!);
  const fill = passageStart.slice(0, count);
  const { op, ai, bj } = path;
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i]!;
    const oa = occOf[2 * i]!;
    const ob = occOf[2 * i + 1]!;
    links[oa]!++;
    links[ob]!++;
    passageList[fill[oa]!++] = i;
    if (ob !== oa) passageList[fill[ob]!++] = i;
    const ca = countAt[oa]! - oFirst[oa]!;
    const cb = countAt[ob]! - oFirst[ob]!;
    for (let s = p.at, end = p.at + p.steps; s < end; s++) {
      if (op[s] !== OP_MATCH) continue;
      counts[ca + ai[s]!]!++;
      counts[cb + bj[s]!]!++;
    }
  }
  const cores: Cores = {
    count,
    group: oGroup.slice(0, count),
    doc: oDoc.slice(0, count),
    first: oFirst.slice(0, count),
    last: oLast.slice(0, count),
    coreFirst: new Int32Array(count),
    coreLast: new Int32Array(count),
    links,
    countAt,
    counts,
    passageStart,
    passageList,
  };
  return { cores, occOf };
}

/** Bits of `tokenKinds`: a content word; a real sentence end or paragraph break before the token. */
export const KIND_CONTENT = 1;
export const KIND_BREAK = 2;

/**
 * Per token of each occurrence's [first, last], laid out like the counts
 * (at countAt[o] + t - first): KIND_CONTENT, KIND_BREAK. Copied once,
 * document by document (`byDoc`: the occurrences by document), so the
 * cores, placed three times, read them beside the counts: the corpus-wide
 * flags and break list at a random document cost a cache miss or two per
 * occurrence each time (8M words: ≈ 150K occurrences).
 */
export function tokenKinds(c: Cores, layout: TokenLayout, byDoc: Uint32Array): Uint8Array {
  const { flags, offset } = layout;
  const kinds = new Uint8Array(c.countAt[c.count]!);
  for (let x = 0; x < c.count; x++) {
    const o = byDoc[x]!;
    const doc = c.doc[o]!;
    const off = offset[doc]!;
    const first = c.first[o]!;
    const last = c.last[o]!;
    const at = c.countAt[o]! - first;
    for (let t = first; t <= last; t++) kinds[at + t] = (flags[off + t]! >>> TOK_CONTENT_BIT) & KIND_CONTENT;
    markBreaks(layout, doc, off, first, last, kinds, at, KIND_BREAK);
  }
  return kinds;
}
