/**
 * Families from passages known only by their character spans (passages
 * imported from passim or TextPAIR, src/interop/), where the formula stage
 * (formulas.ts), which reads each passage's alignment token by token, cannot
 * run. Each passage links its two spans; two spans in one document are one
 * occurrence when they overlap by at least `familyOverlap` of the longer
 * one. Connected groups spanning `familyMinDocs` documents become families;
 * members are per-document unions of spans, the label the most common
 * wording as it stands in the earliest member that has it.
 */
import { isStopword } from '../text/stopwords.ts';
import { fnv1a } from '../text/vocabulary.ts';
import { cmp, dateKey, rankFamilies, sortSmall, uniqueSorted, wordingOf, wordingOfSpan } from './families.ts';
import type { ReuseOptions } from './options.ts';
import { radixOrder } from './radix-sort.ts';
import type { Family, FamilyVariant, Passage, ReuseInput, Span } from './types.ts';
import { UnionFind, unionOverlapping } from './union-find.ts';

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
export function familiesFromSpans(passages: readonly Passage[], docs: readonly ReuseInput[], options: Pick<ReuseOptions, 'familyOverlap' | 'familyMinDocs' | 'namesShare'>): Family[] {
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
    families.push(familyOf(members, docCount, passageIds, docs, dates, options.namesShare));
  }
  families.sort(rankFamilies);
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
  const uf = new UnionFind(nodes.n);
  for (let i = 0; i < nodes.n; i += 2) uf.union(i, i + 1);
  unionOverlapping(uf, order, nodes.n, nodes, overlapShare);
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
function familyOf(m: MemberSpans, docCount: number, passageIds: number[], docs: readonly ReuseInput[], dates: readonly string[], namesShare: number): Family {
  const { length: mc, doc: mDoc, start: mStart, end: mEnd } = m;
  // Document order: date, then id (= index), then start.
  const mOrder: number[] = [];
  for (let k = 0; k < mc; k++) mOrder.push(k);
  sortSmall(mOrder, (x, y) => cmp(dates[mDoc[x]!]!, dates[mDoc[y]!]!) || mDoc[x]! - mDoc[y]! || mStart[x]! - mStart[y]!);
  const members: Span[] = mOrder.map((k) => ({ doc: docs[mDoc[k]!]!.id, start: mStart[k]!, end: mEnd[k]! }));
  // Wordings by count; the earliest member holding each gives its text.
  const counts = new Map<string, { count: number; at: number; text: string }>();
  mOrder.forEach((k, at) => {
    const text = docs[mDoc[k]!]!.text;
    const w = wordingOfSpan(text, mStart[k]!, mEnd[k]!);
    const c = counts.get(w);
    if (c) c.count++;
    else counts.set(w, { count: 1, at, text: text.slice(mStart[k]!, mEnd[k]!).replace(/\s+/g, ' ') });
  });
  const variants: FamilyVariant[] = [...counts].map(([wording, c]) => ({ wording, text: c.text, count: c.count }));
  const firstAt = new Map([...counts].map(([w, c]) => [w, c.at]));
  sortSmall(variants, (x, y) => y.count - x.count || firstAt.get(x.wording)! - firstAt.get(y.wording)!);
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
  const label = variants[0]!.text;
  return {
    id: `f${fnv1a(key).toString(36)}`,
    label,
    core: variants[0]!.wording,
    kind: namesShareOfText(label) >= namesShare ? 'names' : 'framing',
    boilerplate: false,
    contains: [],
    partOf: [],
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


/** Share of a text's content words, after its first, that are capitalised or hold digits. */
function namesShareOfText(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu) ?? [];
  let content = 0;
  let names = 0;
  words.forEach((w, i) => {
    if (isStopword(wordingOf(w))) return;
    content++;
    const c = w.charAt(0);
    if ((i > 0 && c !== c.toLowerCase()) || /\p{N}/u.test(w)) names++;
  });
  return content ? names / content : 0;
}
