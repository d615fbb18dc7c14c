/**
 * Families: passage spans that are one recurring formula. Each passage links
 * its two spans; two spans in one document are the same occurrence when they
 * overlap by at least `familyOverlap` of the longer one (so a slogan and a
 * long paragraph that contains it stay apart, and families do not chain
 * through long passages). Connected groups spanning `familyMinDocs`
 * documents become families.
 */
import { fnv1a } from '../text/vocabulary.ts';
import type { ReuseOptions } from './options.ts';
import type { Family, FamilyVariant, Passage, ReuseInput, Span } from './types.ts';

interface Node {
  doc: string;
  start: number;
  end: number;
  passage: number;
}

class UnionFind {
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

/** A readable normalised wording: case-folded, NFKC, punctuation collapsed. */
const NON_ASCII = /[^\x00-\x7f]/;

export function wordingOf(text: string): string {
  // NFKC leaves ASCII unchanged: skip the call for it.
  const folded = NON_ASCII.test(text) ? text.normalize('NFKC') : text;
  return folded.toLowerCase().replace(QUOTES, "'").replace(NON_WORD, ' ').trim();
}

/** Sort key for dates: dated before undated; a coarser date sorts before finer ones in its period. */
function dateKey(date: string | null | undefined): string {
  return date ?? '\uffff';
}

export function buildFamilies(passages: readonly Passage[], docs: readonly ReuseInput[], options: ReuseOptions): Family[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const nodes: Node[] = [];
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i]!;
    nodes.push({ ...p.a, passage: i }, { ...p.b, passage: i });
  }
  const uf = new UnionFind(nodes.length);
  for (let i = 0; i < passages.length; i++) uf.union(2 * i, 2 * i + 1);

  const order = nodes.map((_, i) => i);
  order.sort((x, y) => cmp(nodes[x]!.doc, nodes[y]!.doc) || nodes[x]!.start - nodes[y]!.start || nodes[x]!.end - nodes[y]!.end || x - y);
  for (let x = 0; x < order.length; x++) {
    const nx = nodes[order[x]!]!;
    for (let y = x + 1; y < order.length; y++) {
      const ny = nodes[order[y]!]!;
      if (ny.doc !== nx.doc || ny.start >= nx.end) break;
      const ov = Math.min(nx.end, ny.end) - ny.start;
      const longer = Math.max(nx.end - nx.start, ny.end - ny.start);
      if (ov >= options.familyOverlap * longer) uf.union(order[x]!, order[y]!);
    }
  }

  const groups = new Map<number, number[]>();
  for (const i of order) {
    const root = uf.find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(i);
  }

  const families: Family[] = [];
  for (const group of groups.values()) {
    // Members: per document, the union of overlapping spans (group is sorted by doc, start).
    const members: Span[] = [];
    const passageSet = new Set<number>();
    for (const i of group) {
      const n = nodes[i]!;
      passageSet.add(n.passage);
      const last = members[members.length - 1];
      if (last && last.doc === n.doc && n.start < last.end) last.end = Math.max(last.end, n.end);
      else members.push({ doc: n.doc, start: n.start, end: n.end });
    }
    const docIds = [...new Set(members.map((m) => m.doc))];
    if (docIds.length < options.familyMinDocs) continue;

    const counts = new Map<string, number>();
    for (const m of members) {
      const w = wordingOf(byId.get(m.doc)!.text.slice(m.start, m.end));
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const variants: FamilyVariant[] = [...counts]
      .map(([wording, count]) => ({ wording, count }))
      .sort((x, y) => y.count - x.count || x.wording.length - y.wording.length || cmp(x.wording, y.wording));

    const docOrder = (id: string) => dateKey(byId.get(id)?.date?.value);
    members.sort((x, y) => cmp(docOrder(x.doc), docOrder(y.doc)) || cmp(x.doc, y.doc) || x.start - y.start);
    const firstDoc = members[0]!.doc;
    const firstDate = byId.get(firstDoc)?.date?.value ?? null;
    const outlets = new Set<string>();
    const years = new Set<string>();
    for (const id of docIds) {
      const d = byId.get(id);
      if (d?.outlet) outlets.add(d.outlet);
      if (d?.date?.value) years.add(d.date.value.slice(0, 4));
    }
    const key = members.map((m) => `${m.doc}:${m.start}-${m.end}`).sort().join('|');
    families.push({
      id: `f${fnv1a(key).toString(36)}`,
      label: variants[0]!.wording,
      members,
      variants,
      spread: {
        first: { doc: firstDoc, date: firstDate },
        outlets: [...outlets].sort(cmp),
        years: [...years].sort(cmp),
      },
      documents: docIds.length,
      passages: [...passageSet].sort((x, y) => x - y),
    });
  }
  families.sort((x, y) => y.documents - x.documents || y.members.length - x.members.length || cmp(x.label, y.label) || cmp(x.id, y.id));
  return families;
}

/** Code-unit order: the same in every locale. */
export function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
