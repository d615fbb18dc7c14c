/**
 * Families: passage spans that are one recurring formula. Each passage links
 * its two spans; two spans in one document are the same occurrence when they
 * overlap by at least `familyOverlap` of the longer one (so a slogan and a
 * long paragraph that contains it stay apart, and families do not chain
 * through long passages). Connected groups spanning `familyMinDocs`
 * documents become families.
 */
import { fnv1a } from '../text/vocabulary.ts';
import { radixOrder } from './radix-sort.ts';
import type { ReuseOptions } from './options.ts';
import type { Family, FamilyVariant, Passage, ReuseInput, Span } from './types.ts';

export class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(x: number, y: number): void {
    const rx = this.find(x);
    const ry = this.find(y);
    // Smaller root wins: the result does not depend on visiting order.
    if (rx < ry) this.parent[ry] = rx;
    else if (ry < rx) this.parent[rx] = ry;
  }
}

const QUOTES = /[\u2018\u2019\u201a\u201b`\u00b4]/g;
const NON_WORD = /[^\p{L}\p{N}\p{M}']+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const BACKTICK = /`/g;
const ASCII_NON_WORD = /[^a-z0-9']+/g;

/** A readable normalised wording: case-folded, NFKC, punctuation collapsed. */
export function wordingOf(text: string): string {
  // ASCII: NFKC leaves it unchanged, and the only quote to fold is the
  // backtick; letters, digits and the apostrophe are the word characters.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(BACKTICK, "'").replace(ASCII_NON_WORD, ' ').trim();
  return text.normalize('NFKC').toLowerCase().replace(QUOTES, "'").replace(NON_WORD, ' ').trim();
}

// Code units of an ASCII wording being built (reused), and a decoder that
// makes the one string.
let wordingBuf = new Uint8Array(1024);
const asciiDecoder = new TextDecoder('utf-8');

/**
 * `wordingOf(text.slice(start, end))` without the slice: an ASCII span is
 * folded in one pass into a byte buffer (lower case, backtick to
 * apostrophe, each run of other characters to one space between words),
 * which is exactly what the regex path gives; other spans take that path.
 */
export function wordingOfSpan(text: string, start: number, end: number): string {
  if (wordingBuf.length < end - start) wordingBuf = new Uint8Array(Math.max(end - start, wordingBuf.length * 2));
  const buf = wordingBuf;
  let w = 0;
  let space = false;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x80) return wordingOf(text.slice(start, end));
    if (c >= 65 && c <= 90) c += 32;
    else if (c === 96) c = 39;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39) {
      if (space && w > 0) buf[w++] = 32;
      space = false;
      buf[w++] = c;
    } else space = true;
  }
  return w === 0 ? '' : asciiDecoder.decode(buf.subarray(0, w));
}

/** Sort key for dates: dated before undated; a coarser date sorts before finer ones in its period. */
function dateKey(date: string | null | undefined): string {
  return date ?? '\uffff';
}

/** The spans of the passages as nodes (node 2i is side a of passage i, 2i + 1 side b), as columns. */
interface SpanNodes {
  n: number;
  doc: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

/**
 * Groups of nodes, in order of first appearance along the sorted nodes,
 * members in that order: group g is node[start[g], start[g + 1]) (one
 * column, not an array per group).
 */
interface NodeGroups {
  count: number;
  start: Int32Array;
  node: Int32Array;
}

/**
 * `docs` must be in id order (code units), as detectReuse works: a
 * document's index then orders like its id.
 */
export function buildFamilies(passages: readonly Passage[], docs: readonly ReuseInput[], options: ReuseOptions): Family[] {
  const nodes = spanNodes(passages, docs);
  // Nodes by document, start, end, then node: stable radix passes from the
  // minor key up (no comparator calls; the columns are non-negative ints).
  let order = radixOrder(nodes.end, nodes.n);
  order = radixOrder(nodes.start, nodes.n, order);
  order = radixOrder(nodes.doc, nodes.n, order);
  const uf = linkOccurrences(nodes, order, options.familyOverlap);
  const groups = groupNodes(uf, order, nodes.n);
  const dates = docs.map((d) => dateKey(d.date?.value));
  const families: Family[] = [];
  const members = new MemberSpans(nodes.n);
  for (let g = 0; g < groups.count; g++) {
    const g0 = groups.start[g]!;
    const g1 = groups.start[g + 1]!;
    const docCount = members.collect(nodes, groups.node, g0, g1);
    if (docCount < options.familyMinDocs) continue;
    const passageIds: number[] = [];
    for (let x = g0; x < g1; x++) passageIds.push(groups.node[x]! >> 1);
    families.push(familyOf(members, docCount, passageIds, docs, dates));
  }
  families.sort((x, y) => y.documents - x.documents || y.members.length - x.members.length || cmp(x.label, y.label) || cmp(x.id, y.id));
  return families;
}

function spanNodes(passages: readonly Passage[], docs: readonly ReuseInput[]): SpanNodes {
  const docIndex = new Map<string, number>();
  for (let d = 0; d < docs.length; d++) docIndex.set(docs[d]!.id, d);
  const n = passages.length * 2;
  const doc = new Int32Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i]!;
    doc[2 * i] = docIndex.get(p.a.doc)!;
    start[2 * i] = p.a.start;
    end[2 * i] = p.a.end;
    doc[2 * i + 1] = docIndex.get(p.b.doc)!;
    start[2 * i + 1] = p.b.start;
    end[2 * i + 1] = p.b.end;
  }
  return { n, doc, start, end };
}

/**
 * Links the two spans of each passage, and two spans in one document that
 * overlap by `overlapShare` of the longer (`order`: nodes by document,
 * start, end).
 */
function linkOccurrences(nodes: SpanNodes, order: Uint32Array, overlapShare: number): UnionFind {
  const { n, doc: nDoc, start: nStart, end: nEnd } = nodes;
  const uf = new UnionFind(n);
  for (let i = 0; i < n; i += 2) uf.union(i, i + 1);
  for (let x = 0; x < n; x++) {
    const ox = order[x]!;
    const dx = nDoc[ox]!;
    const sx = nStart[ox]!;
    const ex = nEnd[ox]!;
    for (let y = x + 1; y < n; y++) {
      const oy = order[y]!;
      const sy = nStart[oy]!;
      if (nDoc[oy] !== dx || sy >= ex) break;
      const ey = nEnd[oy]!;
      const ov = Math.min(ex, ey) - sy;
      const longer = Math.max(ex - sx, ey - sy);
      if (ov >= overlapShare * longer) uf.union(ox, oy);
    }
  }
  return uf;
}

function groupNodes(uf: UnionFind, order: Uint32Array, n: number): NodeGroups {
  const groupOf = new Int32Array(n).fill(-1);
  const groupAt = new Int32Array(n);
  const start = new Int32Array(n + 1);
  let count = 0;
  for (let x = 0; x < n; x++) {
    const root = uf.find(order[x]!);
    let g = groupOf[root]!;
    if (g < 0) {
      g = count++;
      groupOf[root] = g;
    }
    groupAt[x] = g;
    start[g + 1]!++;
  }
  for (let g = 0; g < count; g++) start[g + 1] = start[g + 1]! + start[g]!;
  const node = new Int32Array(n);
  const fill = start.slice(0, count);
  for (let x = 0; x < n; x++) node[fill[groupAt[x]!]!++] = order[x]!;
  return { count, start, node };
}

/** The members of the current group (reused columns): per document, the union of overlapping spans. */
export class MemberSpans {
  length = 0;
  readonly doc: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  constructor(capacity: number) {
    this.doc = new Int32Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  /** The members of group nodes `groupNode[g0, g1)` (sorted by document, start); returns their distinct documents. */
  collect(nodes: SpanNodes, groupNode: Int32Array, g0: number, g1: number): number {
    const { doc: mDoc, start: mStart, end: mEnd } = this;
    let mc = 0;
    let docCount = 0;
    for (let x = g0; x < g1; x++) {
      const i = groupNode[x]!;
      const d = nodes.doc[i]!;
      const last = mc - 1;
      if (last >= 0 && mDoc[last] === d && nodes.start[i]! < mEnd[last]!) {
        if (nodes.end[i]! > mEnd[last]!) mEnd[last] = nodes.end[i]!;
      } else {
        if (last < 0 || mDoc[last] !== d) docCount++;
        mDoc[mc] = d;
        mStart[mc] = nodes.start[i]!;
        mEnd[mc++] = nodes.end[i]!;
      }
    }
    this.length = mc;
    return docCount;
  }
}

/** The family of the current members: wordings, members in document order, spread and id. */
function familyOf(m: MemberSpans, docCount: number, passageIds: number[], docs: readonly ReuseInput[], dates: readonly string[]): Family {
  const { length: mc, doc: mDoc, start: mStart, end: mEnd } = m;
  const counts = new Map<string, number>();
  for (let k = 0; k < mc; k++) {
    const w = wordingOfSpan(docs[mDoc[k]!]!.text, mStart[k]!, mEnd[k]!);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const variants: FamilyVariant[] = [...counts].map(([wording, count]) => ({ wording, count }));
  sortSmall(variants, (x, y) => y.count - x.count || x.wording.length - y.wording.length || cmp(x.wording, y.wording));

  // Document order: date, then id (= index), then start.
  const mOrder: number[] = [];
  for (let k = 0; k < mc; k++) mOrder.push(k);
  sortSmall(mOrder, (x, y) => cmp(dates[mDoc[x]!]!, dates[mDoc[y]!]!) || mDoc[x]! - mDoc[y]! || mStart[x]! - mStart[y]!);
  const members: Span[] = mOrder.map((k) => ({ doc: docs[mDoc[k]!]!.id, start: mStart[k]!, end: mEnd[k]! }));
  const firstDoc = members[0]!.doc;
  const firstDate = docs[mDoc[mOrder[0]!]!]!.date?.value ?? null;
  const outlets = new Set<string>();
  const years = new Set<string>();
  let prevDoc = -1;
  for (let k = 0; k < mc; k++) {
    const di = mDoc[k]!;
    if (di === prevDoc) continue;
    prevDoc = di;
    const d = docs[di]!;
    if (d.outlet) outlets.add(d.outlet);
    if (d.date?.value) years.add(d.date.value.slice(0, 4));
  }
  const key = sortSmall(
    members.map((s) => `${s.doc}:${s.start}-${s.end}`),
    cmp,
  ).join('|');
  return {
    id: `f${fnv1a(key).toString(36)}`,
    label: variants[0]!.wording,
    members,
    variants,
    spread: {
      first: { doc: firstDoc, date: firstDate },
      outlets: sortSmall([...outlets], cmp),
      years: sortSmall([...years], cmp),
    },
    documents: docCount,
    passages: uniqueSorted(passageIds),
  };
}

/**
 * `a.sort(compare)` (stable), with short arrays sorted by insertion here:
 * most families have a few members, variants, outlets and years, and each
 * `Array.prototype.sort` call allocates its own work arrays (8M words:
 * ≈ 80 MB of garbage over ≈ 90K sorts of short arrays).
 */
export function sortSmall<T>(a: T[], compare: (x: T, y: T) => number): T[] {
  if (a.length > 16) return a.sort(compare);
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && compare(a[j]!, v) > 0) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
  return a;
}

/** The distinct values of `a` in ascending order (sorts `a`). */
function uniqueSorted(a: number[]): number[] {
  sortSmall(a, (x, y) => x - y);
  let w = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[w - 1]) a[w++] = a[i]!;
  a.length = w;
  return a;
}

/** Code-unit order: the same in every locale. */
export function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
