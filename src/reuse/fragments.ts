/**
 * Fragments: a formula whose occurrences lie, all or all but one, inside
 * the occurrences of one longer formula is a cut-short piece of it, not a
 * formula of its own ("President Xi proposed the vision of building a
 * community" inside "… building a community with a shared future in
 * cyberspace"). It joins that formula: where the two overlap in a document
 * the longer occurrence stands, and its occurrences elsewhere (where the
 * longer formula was not found) become the longer formula's.
 *
 * formulas.ts already merges groups of passages that are fragments of one
 * another (step 3), but it votes group by group, before merged groups are
 * one formula, and demands `formulaFragmentShare` of the occurrences: with
 * few occurrences that is all of them. Here the test runs once more on the
 * finished formulas, with a fragment allowed one occurrence outside the
 * longer formula (nearly all, for a formula of three to five occurrences;
 * the share decides for larger ones). A formula that also stands alone in
 * documents the longer one reaches, or often elsewhere, stays its own
 * (a slogan in a frame: `contains` / `partOf`).
 *
 * Linear in the occurrences plus a sort: only occurrences that overlap in
 * one document are compared.
 */
import type { Formula, Occurrence } from './formulas.ts';
import { radixOrder } from './radix-sort.ts';
import { UnionFind } from './union-find.ts';

/**
 * Occurrence x (tokens [xf, xl]) lies inside y: all of it, or all but one
 * token at an edge, and at least two tokens of it; y is longer.
 */
function inside(xf: number, xl: number, yf: number, yl: number): boolean {
  if (yl - yf <= xl - xf) return false;
  const shared = Math.min(xl, yl) - Math.max(xf, yf) + 1;
  return shared >= 2 && shared >= xl - xf;
}

/** Distinct documents of occurrences sorted by document. */
function docCount(occ: readonly Occurrence[]): number {
  let n = 0;
  for (let k = 0; k < occ.length; k++) if (k === 0 || occ[k]!.doc !== occ[k - 1]!.doc) n++;
  return n;
}

/**
 * Of `occ`, all but one lie inside occurrences of `longer`: that one is in
 * a document `longer` does not reach (both sorted by document).
 */
function outsideOnlyWhereAbsent(occ: readonly Occurrence[], longer: readonly Occurrence[]): boolean {
  let inDocs = 0;
  let k = 0;
  for (const o of occ) {
    while (k < longer.length && longer[k]!.doc < o.doc) k++;
    if (k < longer.length && longer[k]!.doc === o.doc) inDocs++;
  }
  return inDocs === occ.length - 1;
}

/** The formulas with every fragment merged into the formula it is a piece of (`fragmentShare`: see the file comment). */
export function absorbFragments(formulas: readonly Formula[], fragmentShare: number): Formula[] {
  if (formulas.length < 2) return [...formulas];
  const cols = occurrenceColumns(formulas);
  const parent = chooseParents(formulas, countVotes(cols, formulas.length), cols, fragmentShare);
  if (parent.every((p) => p < 0)) return [...formulas];
  return mergeTrees(formulas, parent);
}

/** Every occurrence as columns, and their order by document and start (the longer first at one start). */
interface OccurrenceColumns {
  readonly total: number;
  /** The formula each occurrence belongs to; formula f's occurrences are [base[f], base[f + 1]). */
  readonly of: Int32Array;
  readonly base: Int32Array;
  /** Per occurrence: the formulas with an occurrence it lies inside (filled by countVotes). */
  readonly insideOf: Array<number[] | undefined>;
  readonly doc: Int32Array;
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly order: Uint32Array;
}

function occurrenceColumns(formulas: readonly Formula[]): OccurrenceColumns {
  let total = 0;
  for (const f of formulas) total += f.occurrences.length;
  const of = new Int32Array(total);
  const doc = new Int32Array(total);
  const first = new Int32Array(total);
  const last = new Int32Array(total);
  const shortFirst = new Int32Array(total);
  const base = new Int32Array(formulas.length + 1);
  let i = 0;
  for (let f = 0; f < formulas.length; f++) {
    base[f] = i;
    // An index, not for…of: this loop runs once a call, often not yet
    // optimised, and an iterator allocates a result per element there
    // (8M words: ≈ 5 MB of them).
    const occ = formulas[f]!.occurrences;
    for (let k = 0; k < occ.length; k++) {
      const o = occ[k]!;
      of[i] = f;
      doc[i] = o.doc;
      first[i] = o.first;
      last[i] = o.last;
      shortFirst[i] = 0x7fffffff - (o.last - o.first);
      i++;
    }
  }
  let order = radixOrder(shortFirst, total);
  order = radixOrder(first, total, order);
  order = radixOrder(doc, total, order);
  base[formulas.length] = total;
  return { total, of, base, insideOf: new Array(total), doc, first, last, order };
}

/**
 * Votes: how many occurrences of formula f lie inside one of formula g's,
 * keyed f * n + g (an occurrence votes once per g: its last vote is kept).
 * Only occurrences that overlap in one document are compared.
 */
function countVotes(c: OccurrenceColumns, n: number): Map<number, number> {
  const { total, of, doc, first, last, order, insideOf } = c;
  const votes = new Map<number, number>();
  const lastVote = new Int32Array(total).fill(-1);
  const vote = (x: number, g: number): void => {
    if (lastVote[x] === g) return;
    lastVote[x] = g;
    (insideOf[x] ??= []).push(g);
    const key = of[x]! * n + g;
    votes.set(key, (votes.get(key) ?? 0) + 1);
  };
  for (let a = 0; a < total; a++) {
    const x = order[a]!;
    const lx = last[x]!;
    for (let b = a + 1; b < total; b++) {
      const y = order[b]!;
      if (doc[y] !== doc[x] || first[y]! > lx) break;
      if (of[x] === of[y]) continue;
      if (inside(first[y]!, last[y]!, first[x]!, lx)) vote(y, of[x]!);
      else if (inside(first[x]!, lx, first[y]!, last[y]!)) vote(x, of[y]!);
    }
  }
  return votes;
}

/**
 * The formula each fragment joins (-1: none): the one holding most of its
 * occurrences (ties: the earlier). An occurrence inside a frame around a
 * formula (one it is `partOf`) counts for that formula too: a piece that
 * lies inside the formula in one document and inside its frame in another
 * ("better benefit mankind" inside "make the Internet better benefit
 * mankind" and inside "… govern the Internet well so that it can better
 * benefit mankind") is a piece of the formula.
 */
function chooseParents(formulas: readonly Formula[], votes: ReadonlyMap<number, number>, cols: OccurrenceColumns, fragmentShare: number): Int32Array {
  const n = formulas.length;
  const parent = new Int32Array(n).fill(-1);
  const best = new Int32Array(n);
  const docs = new Int32Array(n);
  for (let f = 0; f < n; f++) docs[f] = docCount(formulas[f]!.occurrences);
  for (const [key, direct] of votes) {
    const f = Math.floor(key / n);
    const g = key - f * n;
    const occ = formulas[f]!.occurrences;
    const v = formulas[g]!.partOf.length ? insideOrFrame(cols, f, g, formulas[g]!.partOf) : direct;
    // Inside `fragmentShare` of the time, or all but one occurrence that
    // stands where the longer formula was not found; and in no more
    // documents than it (a piece found in more is the formula that spread,
    // and the longer one its frame).
    if (v < 2 || v > occ.length || docs[f]! > docs[g]!) continue;
    if (v < fragmentShare * occ.length && !(v === occ.length - 1 && outsideOnlyWhereAbsent(occ, formulas[g]!.occurrences))) continue;
    if (v > best[f]! || (v === best[f]! && g < parent[f]!)) {
      best[f] = v;
      parent[f] = g;
    }
  }
  breakCycles(parent);
  return parent;
}

/**
 * A piece points at a longer formula, but counted inside a frame two
 * formulas of as many documents could point at each other: each cycle is
 * broken where a walk along the links first meets it (that formula heads).
 */
function breakCycles(parent: Int32Array): void {
  // 0: not seen; 1: on the current walk; 2: done.
  const state = new Uint8Array(parent.length);
  for (let f = 0; f < parent.length; f++) {
    let x = f;
    while (x >= 0 && state[x] === 0) {
      state[x] = 1;
      x = parent[x]!;
    }
    if (x >= 0 && state[x] === 1) parent[x] = -1;
    for (let y = f; y >= 0 && state[y] === 1; y = parent[y]!) state[y] = 2;
  }
}

/** Occurrences of formula f inside one of formula g's or of a frame around g. */
function insideOrFrame(cols: OccurrenceColumns, f: number, g: number, frames: readonly number[]): number {
  let v = 0;
  for (let x = cols.base[f]!; x < cols.base[f + 1]!; x++) {
    const list = cols.insideOf[x];
    if (list && list.some((h) => h === g || frames.includes(h))) v++;
  }
  return v;
}

/** One formula per tree of parent links (no cycles: see breakCycles), in the order of the trees' heads. */
function mergeTrees(formulas: readonly Formula[], parent: Int32Array): Formula[] {
  const n = formulas.length;
  const uf = new UnionFind(n);
  for (let f = 0; f < n; f++) if (parent[f]! >= 0) uf.union(f, parent[f]!);
  // The root of each tree: the formula none of it is a fragment of.
  const head = new Int32Array(n).fill(-1);
  for (let f = 0; f < n; f++) if (parent[f]! < 0) head[uf.find(f)] = f;
  const members = new Map<number, number[]>();
  for (let f = 0; f < n; f++) {
    const h = head[uf.find(f)]!;
    (members.get(h) ?? members.set(h, []).get(h)!).push(f);
  }
  // New indices: the heads in their old order.
  const newIndex = new Int32Array(n).fill(-1);
  const heads: number[] = [];
  for (let f = 0; f < n; f++) {
    if (parent[f]! >= 0) continue;
    newIndex[f] = heads.length;
    heads.push(f);
  }
  for (let f = 0; f < n; f++) newIndex[f] = newIndex[head[uf.find(f)]!]!;
  // Depth of each formula below its head: the head's occurrences win, then the shallower.
  const depth = new Int32Array(n).fill(-1);
  const depthOf = (f: number): number => {
    if (depth[f]! >= 0) return depth[f]!;
    return (depth[f] = parent[f]! < 0 ? 0 : depthOf(parent[f]!) + 1);
  };
  // (Filled in a loop, not by `map`: see hidden-classes.ts.)
  const out = new Array<Formula>(heads.length);
  for (let self = 0; self < heads.length; self++) {
    const group = members.get(heads[self]!)!;
    out[self] = relink(group.length === 1 ? formulas[heads[self]!]! : combine(formulas, group, depthOf), newIndex, self);
  }
  return out;
}

/**
 * One formula from a head and its fragments: their occurrences by document
 * and start, where two overlap in one document the one nearer the head
 * (the head's own first), then the longer. (Also how family-links.ts folds
 * one family into another.)
 */
export function combine(formulas: readonly Formula[], group: readonly number[], depthOf: (f: number) => number): Formula {
  const all: Array<{ f: number; k: number; o: Occurrence }> = [];
  for (const f of group) formulas[f]!.occurrences.forEach((o, k) => all.push({ f, k, o }));
  all.sort((x, y) => x.o.doc - y.o.doc || x.o.first - y.o.first || y.o.last - x.o.last || x.f - y.f);
  const rank = (e: { f: number; o: Occurrence }): number => -depthOf(e.f) * 1e6 + (e.o.last - e.o.first);
  const chosen: typeof all = [];
  for (const e of all) {
    const prev = chosen[chosen.length - 1];
    if (prev && prev.o.doc === e.o.doc && e.o.first <= prev.o.last) {
      if (rank(e) > rank(prev)) chosen[chosen.length - 1] = e;
      continue;
    }
    chosen.push(e);
  }
  const passages = new Set<number>();
  const contains = new Set<number>();
  const partOf = new Set<number>();
  for (const f of group) {
    for (const p of formulas[f]!.passages) passages.add(p);
    for (const c of formulas[f]!.contains) contains.add(c);
    for (const c of formulas[f]!.partOf) partOf.add(c);
  }
  // (Filled in a loop, not by `map`: see hidden-classes.ts.)
  const occurrences = new Array<Occurrence>(chosen.length);
  for (let k = 0; k < chosen.length; k++) occurrences[k] = chosen[k]!.o;
  return {
    occurrences,
    passages: [...passages].sort((a, b) => a - b),
    coreMask: (k) => formulas[chosen[k]!.f]!.coreMask(chosen[k]!.k),
    contains: [...contains],
    partOf: [...partOf],
  };
}

/** `contains` / `partOf` in the new indices, without links inside one formula. */
function relink(f: Formula, newIndex: Int32Array, self: number): Formula {
  const map = (list: readonly number[]): number[] => {
    // Most formulas have neither: no set and spread for them.
    if (list.length === 0) return [];
    const out = new Set<number>();
    for (const i of list) if (newIndex[i] !== self) out.add(newIndex[i]!);
    return [...out].sort((a, b) => a - b);
  };
  // A literal with Formula's fields in assemble()'s order, not a spread: a
  // spread's hidden class is held only weakly, so after a full GC the next
  // call would make a new one and deoptimise every reader of formulas.
  return { occurrences: f.occurrences, passages: f.passages, coreMask: f.coreMask, contains: map(f.contains), partOf: map(f.partOf) };
}
