/**
 * Formulas, step 1 (see formulas.ts): the passages' sides grouped into
 * occurrences. The two sides of a passage are linked, and two sides in one
 * document that overlap by `familyOverlap` of the longer are one occurrence
 * (union–find); an occurrence is the union of its group's sides in one
 * document. Sides of the frequent-phrase path join only each other, and do
 * so when they overlap at all (they stand on one run of the phrase).
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
  const nDoc = new Int32Array(n);
  const nFirst = new Int32Array(n);
  const nLast = new Int32Array(n);
  const nEnd = new Int32Array(n);
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i]!;
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
  const normal = new Int32Array(n);
  const star = new Int32Array(n);
  let nn = 0;
  let ns = 0;
  for (let x = 0; x < n; x++) {
    const o = order[x]!;
    if (passages[o >> 1]!.frequent) star[ns++] = o;
    else normal[nn++] = o;
  }
  unionOverlapping(uf, normal, nn, { doc: nDoc, start: nFirst, end: nEnd }, familyOverlap);
  // Star sides that overlap at all stand on one run: one occurrence (a
  // linear sweep: a star's centre has a side per occurrence of the phrase).
  let reach = -1;
  for (let x = 0; x < ns; x++) {
    const o = star[x]!;
    if (x > 0 && nDoc[o] === nDoc[star[x - 1]!] && nFirst[o]! <= reach) uf.union(star[x - 1]!, o);
    else reach = -1;
    if (nLast[o]! > reach) reach = nLast[o]!;
  }
  const root = new Int32Array(n);
  for (let x = 0; x < n; x++) root[x] = uf.find(x);
  return { doc: nDoc, first: nFirst, last: nLast, root };
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
  const occOf = new Int32Array(n);
  // At most one occurrence per side; cut to size below.
  const oGroup = new Int32Array(n);
  const oDoc = new Int32Array(n);
  const oFirst = new Int32Array(n);
  const oLast = new Int32Array(n);
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
  const counts = new Int32Array(countAt[count]!);
  const links = new Int32Array(count);
  const passageStart = new Int32Array(count + 1);
  for (let i = 0; i < passages.length; i++) {
    passageStart[occOf[2 * i]! + 1]!++;
    if (occOf[2 * i + 1] !== occOf[2 * i]) passageStart[occOf[2 * i + 1]! + 1]!++;
  }
  for (let o = 0; o < count; o++) passageStart[o + 1] = passageStart[o + 1]! + passageStart[o]!;
  const passageList = new Int32Array(passageStart[count]!);
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
