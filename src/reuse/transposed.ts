/**
 * Families that are pieces of one formula with its parts in another order
 * (a transposition): "peaceful, secure, open and cooperative cyberspace" /
 * "open, secure, peaceful and cooperative cyberspace", or a sentence whose
 * two clauses swapped. Alignment keeps order, so such a copy aligns with
 * the original piece by piece, and each run of pieces in the same order
 * becomes a family of its own. Read as a reader quotes them
 * (family-members.ts):
 * - A *stretch* is a chain of members in one sentence of one document
 *   (no sentence end or paragraph break inside it, sentence-breaks.ts),
 *   each standing next to the ones before it: overlapping them, or at most
 *   `MAX_GAP` tokens after, none of them a content word. A member that
 *   itself runs across a sentence end (a quoted paragraph) stands alone:
 *   formulas that merely follow each other, sentence after sentence, in
 *   either order are no transposition.
 * - Family a stands *before* family b where, in a stretch, a member of a
 *   starts before one of b and neither lies inside the other (that is a
 *   frame), unless a and b are frame and formula (a `contains` / `partOf`
 *   link of the formula stages that holds at these extents, as
 *   family-links.ts settles it).
 * - Pieces of one formula transposed are families whose order the
 *   documents contradict: a cycle of "before" (two in both orders, or
 *   three turned round: A B / B C / C A), where each family stands in a
 *   stretch with another of its cycle in `share` of its documents, all but
 *   one at most (in two documents, both). Formulas that always stand in one
 *   order side by side were aligned as one or are two formulas; two that
 *   merely meet now and then in either order fail the share. Families that
 *   fail it are set aside and the cycles found again (`ROUNDS`).
 * A cycle becomes one formula: per document, its occurrences in one
 * stretch are one occurrence from the first's first token to the last's
 * last, its core mask the pieces' masks (words between them varied); the
 * others stay as they are; passages are joined. Its members are then read
 * again (rereadMembers), so its label is the most common wording as it
 * stands and its variants the versions as written. The family with the
 * most occurrences keeps it (then the first); the others are left with
 * none.
 *
 * Linear in the members and their pairs: members are sorted once by
 * document and start, each is paired with at most `SCAN` members before it
 * in its stretch, and the cycles are Tarjan's strongly connected
 * components of the pairs.
 */
import type { Formula, Occurrence, TokenLayout } from './formulas.ts';
import type { MemberColumns } from './family-members.ts';
import { holdsShare } from './family-links.ts';
import { TOK_CONTENT, type PreparedDoc } from './prepare.ts';
import { radixOrder } from './radix-sort.ts';
import { breakWithin } from './sentence-breaks.ts';

/**
 * Most tokens between two pieces: punctuation is no token, so this is
 * function words ("and", "while the", "as well as"); a content word
 * between them is a word of neither, and the pieces are not one formula.
 */
const MAX_GAP = 3;
/** Members before each in its stretch (in start order) it is paired with: a few overlap it, and a neighbour comes right before those. */
const SCAN = 8;

/** What findTransposed finds: per formula, the formula its group is merged into (-1: none, or the one that keeps it); per member, its stretch. */
export interface Transposed {
  into: Int32Array;
  /**
   * Per member (of the member columns): its stretch, an id shared by the
   * members of one document that stand next to each other in a chain.
   */
  stretch: Int32Array;
}

/**
 * The groups of families that are one formula transposed (see the module
 * comment). Formula f's members are [m.base[f], m.base[f + 1]) of `m`,
 * sorted by document.
 */
export function findTransposed(formulas: readonly Formula[], m: MemberColumns, prepared: readonly PreparedDoc[], layout: TokenLayout, share: number, containsShare: number): Transposed {
  const nf = formulas.length;
  const n = m.doc.length;
  const into = new Int32Array(nf).fill(-1);
  const stretch = new Int32Array(n);
  const family = new Int32Array(n);
  for (let f = 0; f < nf; f++) family.fill(f, m.base[f]!, m.base[f + 1]!);
  let order = radixOrder(m.readFirst, n);
  order = radixOrder(m.doc, n, order);
  // Per pair of families (smaller index first) met in a stretch: the orders
  // seen (1: the smaller's member first, 2: the other's).
  const pairAt = new Map<number, number>();
  const pairKey: number[] = [];
  const pairOrders: number[] = [];
  let id = -1;
  let start = 0;
  let reach = -1;
  for (let i = 0; i < n; i++) {
    const y = order[i]!;
    const doc = m.doc[y]!;
    if (i === 0 || doc !== m.doc[order[i - 1]!] || !nextTo(doc, reach, m.readFirst[y]!, prepared[doc]!, layout) || breakWithin(layout, doc, layout.offset[doc]!, m.readFirst[order[start]!]! + 1, m.readLast[y]!)) {
      id++;
      start = i;
      reach = -1;
    }
    stretch[y] = id;
    reach = Math.max(reach, m.readLast[y]!);
    const fy = family[y]!;
    for (let j = Math.max(start, i - SCAN); j < i; j++) {
      const x = order[j]!;
      const fx = family[x]!;
      // Not the same family, nor one member inside the other (a frame).
      if (fx === fy || m.readLast[y]! <= m.readLast[x]! || m.readFirst[y] === m.readFirst[x]) continue;
      const key = fx < fy ? fx * nf + fy : fy * nf + fx;
      let p = pairAt.get(key);
      if (p === undefined) {
        p = pairKey.length;
        pairAt.set(key, p);
        pairKey.push(key);
        pairOrders.push(0);
      }
      pairOrders[p] = pairOrders[p]! | (fx < fy ? 1 : 2);
    }
  }
  // The order graph: an edge from family a to family b where a member of a
  // stands before one of b in a stretch (frame and formula aside).
  const from: number[] = [];
  const to: number[] = [];
  for (let p = 0; p < pairKey.length; p++) {
    const a = Math.floor(pairKey[p]! / nf);
    const b = pairKey[p]! - a * nf;
    if (linked(formulas, m, a, b, containsShare)) continue;
    if (pairOrders[p]! & 1) {
      from.push(a);
      to.push(b);
    }
    if (pairOrders[p]! & 2) {
      from.push(b);
      to.push(a);
    }
  }
  if (from.length === 0) return { into, stretch };
  const docs = new Int32Array(nf);
  for (let f = 0; f < nf; f++) docs[f] = docCount(m, f);
  // Families whose order the documents contradict: a cycle of the graph
  // (two that stand in both orders, or three in a round). Each must stand
  // in a stretch with another of its cycle in `needed` of its documents;
  // those that do not are set aside and the cycles found again (ROUNDS at
  // most: after that, a cycle still holding one that does not is not joined).
  const alive = new Uint8Array(nf).fill(1);
  let comp: Int32Array = new Int32Array(0);
  for (let round = 0; round < ROUNDS; round++) {
    comp = cycles(nf, from, to, alive);
    const covered = coveredDocs(comp, family, order, stretch, m.doc, nf);
    const failing = new Uint8Array(nf);
    let dropped = false;
    for (let f = 0; f < nf; f++) {
      if (comp[f]! < 0 || covered[f]! >= needed(docs[f]!, share)) continue;
      alive[f] = 0;
      failing[comp[f]!] = 1;
      dropped = true;
    }
    if (!dropped) break;
    if (round === ROUNDS - 1) for (let f = 0; f < nf; f++) if (comp[f]! >= 0 && failing[comp[f]!]) comp[f] = -1;
  }
  // Each cycle is kept by its family with the most occurrences (then the first).
  const keeper = new Int32Array(nf).fill(-1);
  for (let f = 0; f < nf; f++) {
    const c = comp[f]!;
    if (c < 0) continue;
    const k = keeper[c]!;
    if (k < 0 || formulas[f]!.occurrences.length > formulas[k]!.occurrences.length) keeper[c] = f;
  }
  for (let f = 0; f < nf; f++) {
    const c = comp[f]!;
    if (c >= 0 && keeper[c] !== f) into[f] = keeper[c]!;
  }
  return { into, stretch };
}

/** Rounds of setting aside families that stand too rarely with their cycle. */
const ROUNDS = 3;

/**
 * Per family, the id of its cycle in the graph of edges from[e] → to[e]
 * over the families with `alive` set (a strongly connected component of
 * more than one family; Tarjan's, iterative), or -1.
 */
function cycles(n: number, from: readonly number[], to: readonly number[], alive: Uint8Array): Int32Array {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) if (alive[from[e]!] && alive[to[e]!]) start[from[e]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const next = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let e = 0; e < from.length; e++) if (alive[from[e]!] && alive[to[e]!]) next[fill[from[e]!]!++] = to[e]!;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const call: number[] = [];
  const edge = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  let counter = 0;
  let comps = 0;
  for (let root = 0; root < n; root++) {
    if (index[root]! >= 0 || start[root] === start[root + 1]) continue;
    call.push(root);
    index[root] = low[root] = counter++;
    edge[root] = start[root]!;
    stack.push(root);
    onStack[root] = 1;
    while (call.length > 0) {
      const v = call[call.length - 1]!;
      if (edge[v]! < start[v + 1]!) {
        const w = next[edge[v]!++]!;
        if (index[w]! < 0) {
          index[w] = low[w] = counter++;
          edge[w] = start[w]!;
          stack.push(w);
          onStack[w] = 1;
          call.push(w);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      call.pop();
      if (call.length > 0) {
        const u = call[call.length - 1]!;
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] !== index[v]) continue;
      // v is the root of a component: one family alone is no cycle.
      const single = stack[stack.length - 1] === v;
      for (;;) {
        const w = stack.pop()!;
        onStack[w] = 0;
        if (!single) comp[w] = comps;
        if (w === v) break;
      }
      if (!single) comps++;
    }
  }
  return comp;
}

/**
 * Per family in a cycle (`comp`), the documents where one of its members
 * stands in a stretch with a member of another family of its cycle.
 * `order` lists the members by document and start, so a stretch's are
 * consecutive.
 */
function coveredDocs(comp: Int32Array, family: Int32Array, order: Uint32Array, stretch: Int32Array, doc: Int32Array, nf: number): Int32Array {
  const covered = new Int32Array(nf);
  const lastDoc = new Int32Array(nf).fill(-1);
  // Per cycle: the stretch that last met it, the first family met there, and whether another was.
  const seen = new Int32Array(nf).fill(-1);
  const firstFamily = new Int32Array(nf);
  const several = new Uint8Array(nf);
  const n = order.length;
  for (let i = 0; i < n; ) {
    const s = stretch[order[i]!]!;
    let j = i;
    for (; j < n && stretch[order[j]!] === s; j++) {
      const c = comp[family[order[j]!]!]!;
      if (c < 0) continue;
      if (seen[c] !== s) {
        seen[c] = s;
        firstFamily[c] = family[order[j]!]!;
        several[c] = 0;
      } else if (firstFamily[c] !== family[order[j]!]) several[c] = 1;
    }
    for (let k = i; k < j; k++) {
      const f = family[order[k]!]!;
      const c = comp[f]!;
      if (c < 0 || !several[c] || lastDoc[f] === doc[order[k]!]) continue;
      lastDoc[f] = doc[order[k]!]!;
      covered[f]!++;
    }
    i = j;
  }
  return covered;
}

/**
 * Documents of a family of `docs` in which a piece must stand in one
 * stretch with another: `share` of them, and all but one at most (in
 * two documents, both), at least two.
 */
function needed(docs: number, share: number): number {
  return Math.max(2, Math.min(docs - 1, Math.ceil(share * docs)));
}

/**
 * A member starting at token `first` of document `doc` (`d`) stands next
 * to a stretch reaching token `reach`: it overlaps it, or at most MAX_GAP
 * function words stand between them, with no sentence end or paragraph
 * break before any of them or it.
 */
function nextTo(doc: number, reach: number, first: number, d: PreparedDoc, layout: TokenLayout): boolean {
  if (first <= reach) return true;
  if (first - reach - 1 > MAX_GAP) return false;
  for (let t = reach + 1; t < first; t++) if (d.flags[t]! & TOK_CONTENT) return false;
  return !breakWithin(layout, doc, layout.offset[doc]!, reach + 1, first);
}

/** Distinct documents of formula f's members (sorted by document). */
function docCount(m: MemberColumns, f: number): number {
  let count = 0;
  for (let x = m.base[f]!; x < m.base[f + 1]!; x++) if (x === m.base[f] || m.doc[x] !== m.doc[x - 1]) count++;
  return count;
}

/**
 * `a` and `b` are frame and formula: the formula stages linked them, and
 * the link stands at the members as read (family-links.ts `settleLinks`).
 */
function linked(formulas: readonly Formula[], m: MemberColumns, a: number, b: number, containsShare: number): boolean {
  const f = formulas[a]!;
  if (f.contains.includes(b)) return holdsShare(m, a, b) >= containsShare;
  if (f.partOf.includes(b)) return holdsShare(m, b, a) >= containsShare;
  return false;
}

/**
 * `formulas` with each group of `t.into` (findTransposed) merged into the
 * formula that keeps it: per document, its occurrences whose members (as
 * read, `m`) stand in one stretch are one occurrence, from the first one's
 * first token to the last one's last. The others are left with no
 * occurrences. (The links are settled from `formulas`: `settleLinks`.)
 */
export function mergeTransposed(formulas: readonly Formula[], t: Transposed, m: MemberColumns): Formula[] {
  const out = formulas.slice();
  const groups = new Map<number, number[]>();
  for (let f = 0; f < formulas.length; f++) {
    const keep = t.into[f]!;
    if (keep < 0) continue;
    let group = groups.get(keep);
    if (!group) groups.set(keep, (group = [keep]));
    group.push(f);
    out[f] = { occurrences: [], passages: [], coreMask: formulas[f]!.coreMask, contains: [], partOf: [] };
  }
  for (const [keep, group] of groups) out[keep] = joinGroup(formulas, group, t.stretch, m);
  return out;
}

/** One formula of a group's: occurrences in one stretch joined (see mergeTransposed). */
function joinGroup(formulas: readonly Formula[], group: readonly number[], stretch: Int32Array, m: MemberColumns): Formula {
  // The group's members (indices into m) with their formula, by stretch (= document order) and first token.
  const xs: number[] = [];
  const fs: number[] = [];
  for (const f of group) {
    for (let x = m.base[f]!; x < m.base[f + 1]!; x++) {
      xs.push(x);
      fs.push(f);
    }
  }
  // (Filled in a loop, not by `map`: see hidden-classes.ts.)
  const byPlace = new Array<number>(xs.length);
  for (let i = 0; i < xs.length; i++) byPlace[i] = i;
  byPlace.sort((a, b) => stretch[xs[a]!]! - stretch[xs[b]!]! || m.first[xs[a]!]! - m.first[xs[b]!]! || a - b);
  const occurrences: Occurrence[] = [];
  const masks: Uint8Array[] = [];
  for (let i = 0; i < byPlace.length; ) {
    let j = i + 1;
    while (j < byPlace.length && stretch[xs[byPlace[j]!]!] === stretch[xs[byPlace[i]!]!]) j++;
    let first = Infinity;
    let last = -1;
    let links = 0;
    for (let r = i; r < j; r++) {
      const x = xs[byPlace[r]!]!;
      first = Math.min(first, m.first[x]!);
      last = Math.max(last, m.last[x]!);
    }
    // The pieces' masks; words between them are marked varied.
    const mask = new Uint8Array(last - first + 1);
    for (let r = i; r < j; r++) {
      const f = fs[byPlace[r]!]!;
      const k = xs[byPlace[r]!]! - m.base[f]!;
      const o = formulas[f]!.occurrences[k]!;
      links += o.links;
      const own = formulas[f]!.coreMask(k);
      for (let s = 0; s < own.length; s++) mask[o.first - first + s] = mask[o.first - first + s]! | own[s]!;
    }
    occurrences.push({ doc: m.doc[xs[byPlace[i]!]!]!, first, last, links });
    masks.push(mask);
    i = j;
  }
  const passages = new Set<number>();
  for (const f of group) for (const p of formulas[f]!.passages) passages.add(p);
  return {
    occurrences,
    passages: [...passages].sort((a, b) => a - b),
    coreMask: (k) => masks[k]!,
    contains: [],
    partOf: [],
  };
}
