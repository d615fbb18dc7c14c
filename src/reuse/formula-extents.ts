/**
 * Formulas, step 3 (see formulas.ts): groups whose cores are the same
 * formula at different extents are merged, and frames are linked to what
 * they contain.
 *
 * Cores in one document vote: overlapping by `formulaSameExtent` (shared /
 * either) is a vote for "same extent", one inside the other (all of it, or
 * all but one token at an edge) a vote for "inside". Two groups are the
 * same formula when same-extent votes reach half of the smaller group's
 * occurrences; a group is a fragment of another when it lies inside it for
 * `formulaFragmentShare` of its occurrences. Each group joins at most one
 * other. A group inside another less often than that is a formula of its
 * own; when most occurrences of the larger one contain one of it
 * (`formulaContainsShare`), the larger is a frame around it: `contains` /
 * `partOf`.
 */
import type { Formula, FormulaOptions, Occurrence } from './formulas.ts';
import type { Cores } from './formula-occurrences.ts';
import { radixOrder } from './radix-sort.ts';
import { UnionFind } from './union-find.ts';

/** The occurrences that kept a core, in document and start order, and their groups. */
export interface LiveCores {
  /** Dense group number per occurrence. */
  groupNo: Int32Array;
  /** Per group: its occurrences with a core. */
  sizes: number[];
  /** Occurrences with a core, ascending; `ord` orders them by document, then core start. */
  live: Int32Array;
  ord: Uint32Array;
}

/** Votes between groups, keyed x * groups + y: same extent (x < y), and y inside x. */
export interface ExtentVotes {
  same: Map<number, number>;
  inside: Map<number, number>;
}

/** Which group joins which, and the frames (x contains y) among those that stay apart. */
export interface Merges {
  /** Per group: the group it joins, or -1. */
  parent: Int32Array;
  /** Per group: 1 if it joins as a fragment. */
  fragment: Uint8Array;
  frames: Array<[number, number]>;
}

/** Step 3, and the formulas as the caller reads them. */
export function mergeExtents(c: Cores, options: FormulaOptions): Formula[] {
  const live = liveCores(c);
  const votes = voteExtents(c, live, options.formulaSameExtent);
  const merges = chooseMerges(votes, live.sizes, options.formulaFragmentShare, options.formulaContainsShare);
  return assembleFormulas(c, live, merges, options.formulaCoreShare);
}

/** Dense group numbers, each group's size, and the cores in document and start order. */
export function liveCores(c: Cores): LiveCores {
  const count = c.count;
  // (A group's occurrences are consecutive, then come the copies.)
  const groupNo = new Int32Array(count);
  const sizes: number[] = [];
  // Group ids are sides (passage indices × 2 + 0 or 1): numbered through a
  // column indexed by them, not a map (8M words: ≈ 150K look-ups).
  let maxGroup = -1;
  for (let o = 0; o < count; o++) if (c.group[o]! > maxGroup) maxGroup = c.group[o]!;
  const numberOf = new Int32Array(maxGroup + 1).fill(-1);
  for (let o = 0; o < count; o++) {
    let g = numberOf[c.group[o]!]!;
    if (g < 0) {
      g = sizes.length;
      numberOf[c.group[o]!] = g;
      sizes.push(0);
    }
    groupNo[o] = g;
    if (c.coreFirst[o]! <= c.coreLast[o]!) sizes[g]!++;
  }
  let n = 0;
  for (let o = 0; o < count; o++) if (c.coreFirst[o]! <= c.coreLast[o]!) n++;
  const live = new Int32Array(n);
  const keyDoc = new Int32Array(n);
  const keyFirst = new Int32Array(n);
  for (let o = 0, k = 0; o < count; o++) {
    if (c.coreFirst[o]! > c.coreLast[o]!) continue;
    live[k] = o;
    keyDoc[k] = c.doc[o]!;
    keyFirst[k++] = c.coreFirst[o]!;
  }
  let ord = radixOrder(keyFirst, live.length);
  ord = radixOrder(keyDoc, live.length, ord);
  return { groupNo, sizes, live, ord };
}

/** The votes of overlapping cores of different groups in one document. */
export function voteExtents(c: Cores, { groupNo, sizes, live, ord }: LiveCores, sameExtent: number): ExtentVotes {
  const groups = sizes.length;
  const same = new Map<number, number>();
  const inside = new Map<number, number>();
  const vote = (m: Map<number, number>, k: number): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  for (let i = 0; i < live.length; i++) {
    const x = live[ord[i]!]!;
    const fx = c.coreFirst[x]!;
    const lx = c.coreLast[x]!;
    for (let j = i + 1; j < live.length; j++) {
      const y = live[ord[j]!]!;
      if (c.doc[y] !== c.doc[x] || c.coreFirst[y]! > lx) break;
      const gx = groupNo[x]!;
      const gy = groupNo[y]!;
      if (gx === gy) continue;
      const fy = c.coreFirst[y]!;
      const ly = c.coreLast[y]!;
      const shared = Math.min(lx, ly) - fy + 1;
      const either = Math.max(lx, ly) - fx + 1;
      if (shared >= sameExtent * either) {
        vote(same, Math.min(gx, gy) * groups + Math.max(gx, gy));
        continue;
      }
      // Inside: all of it, or all but one token at an edge.
      if (shared >= ly - fy) vote(inside, gx * groups + gy);
      else if (shared >= lx - fx) vote(inside, gy * groups + gx);
    }
  }
  return { same, inside };
}

/**
 * Each group joins at most one other (so merges cannot chain through a
 * group that resembles two formulas): of the groups that are its own
 * formula at another extent (and larger), or that contain it as a
 * fragment, the one with most votes.
 */
export function chooseMerges({ same, inside }: ExtentVotes, sizes: readonly number[], fragmentShare: number, containsShare: number): Merges {
  const groups = sizes.length;
  const parent = new Int32Array(groups).fill(-1);
  const parentVotes = new Float64Array(groups);
  const fragment = new Uint8Array(groups);
  const offer = (g: number, to: number, v: number, isFragment: boolean): void => {
    if (v > parentVotes[g]! || (v === parentVotes[g]! && to < parent[g]!)) {
      parent[g] = to;
      parentVotes[g] = v;
      fragment[g] = isFragment ? 1 : 0;
    }
  };
  // (forEach: no [key, value] pair allocated per entry.)
  same.forEach((v, k) => {
    const gx = Math.floor(k / groups);
    const gy = k - gx * groups;
    if (v * 2 < Math.min(sizes[gx]!, sizes[gy]!)) return;
    // The smaller joins the larger (ties: the later joins the earlier).
    if (sizes[gy]! < sizes[gx]! || (sizes[gy] === sizes[gx] && gy > gx)) offer(gy, gx, v, false);
    else offer(gx, gy, v, false);
  });
  const frames: Array<[number, number]> = [];
  inside.forEach((v, k) => {
    const gx = Math.floor(k / groups);
    const gy = k - gx * groups;
    if (v >= fragmentShare * sizes[gy]!) offer(gy, gx, v, true);
    else if (v >= containsShare * sizes[gx]!) frames.push([gx, gy]);
  });
  return { parent, fragment, frames };
}

/** One formula per merged root (in order of its first core), with the frames linked. */
export function assembleFormulas(c: Cores, { groupNo, sizes, live, ord }: LiveCores, { parent, fragment, frames }: Merges, share: number): Formula[] {
  const groups = sizes.length;
  const merged = new UnionFind(groups);
  for (let g = 0; g < groups; g++) if (parent[g]! >= 0) merged.union(g, parent[g]!);
  // Its cores, per document the union of overlapping ones. Each live core's
  // formula (numbered by first core), then the cores of formula f as
  // cores[start[f], start[f + 1]) in core order: columns, not a map from
  // root to formula and an array per formula grown by push (8M words:
  // ≈ 150K cores, the map and the pushes a tenth of findFormulas).
  const rootOf = new Int32Array(groups);
  for (let g = 0; g < groups; g++) rootOf[g] = merged.find(g);
  const formulaOfRoot = new Int32Array(groups).fill(-1);
  const formulaOfCore = new Int32Array(live.length);
  let nFormulas = 0;
  for (let i = 0; i < live.length; i++) {
    const r = rootOf[groupNo[live[ord[i]!]!]!]!;
    if (formulaOfRoot[r]! < 0) formulaOfRoot[r] = nFormulas++;
    formulaOfCore[i] = formulaOfRoot[r]!;
  }
  const start = new Int32Array(nFormulas + 1);
  for (let i = 0; i < live.length; i++) start[formulaOfCore[i]! + 1]!++;
  for (let f = 0; f < nFormulas; f++) start[f + 1]! += start[f]!;
  const cores = new Int32Array(live.length);
  const fill = start.slice(0, nFormulas);
  for (let i = 0; i < live.length; i++) cores[fill[formulaOfCore[i]!]!++] = live[ord[i]!]!;
  let maxPassage = -1;
  for (let x = 0; x < c.passageList.length; x++) if (c.passageList[x]! > maxPassage) maxPassage = c.passageList[x]!;
  const seenPassage = new Int32Array(maxPassage + 1);
  // Per group, its rank (not a fragment, then most occurrences): a column,
  // not a closure, as a closure made per call would be inlined into
  // assemble's optimised code and, dead after the call, throw it away.
  const groupRank = new Int32Array(groups);
  for (let g = 0; g < groups; g++) groupRank[g] = (fragment[g] ? 0 : 1 << 30) + sizes[g]!;
  const formulas: Formula[] = [];
  const passageBuf = new Int32Array(maxPassage + 1);
  for (let f = 0; f < nFormulas; f++) formulas.push(assemble(c, cores.subarray(start[f]!, start[f + 1]!), share, groupNo, groupRank, seenPassage, f + 1, passageBuf));
  linkFrames(formulas, frames, (g) => (formulaOfRoot[rootOf[g]!]! >= 0 ? formulaOfRoot[rootOf[g]!]! : undefined));
  return formulas;
}

/** `contains` / `partOf` between the formulas of frame pairs of groups (x contains y), ascending. */
function linkFrames(formulas: Formula[], frames: ReadonlyArray<[number, number]>, formulaOfGroup: (g: number) => number | undefined): void {
  const seen = new Set<number>();
  for (const [gx, gy] of frames) {
    const fx = formulaOfGroup(gx);
    const fy = formulaOfGroup(gy);
    if (fx === undefined || fy === undefined || fx === fy || seen.has(fx * formulas.length + fy)) continue;
    seen.add(fx * formulas.length + fy);
    formulas[fx]!.contains.push(fy);
    formulas[fy]!.partOf.push(fx);
  }
  for (const f of formulas) {
    f.contains.sort((a, b) => a - b);
    f.partOf.sort((a, b) => a - b);
  }
}

/**
 * A formula from its cores (in document, start order). Where cores of
 * merged groups overlap in one document, the core of the group that ranks
 * first (`groupRank`: not a fragment, then most occurrences) is the occurrence.
 */
function assemble(c: Cores, list: Int32Array, share: number, groupNo: Int32Array, groupRank: Int32Array, seen: Int32Array, stamp: number, passageBuf: Int32Array): Formula {
  const chosen: number[] = [];
  // Its passages, gathered in `passageBuf` (room for every passage) and
  // sorted there (a numeric sort, no comparator calls), then copied to an
  // array of their exact length.
  let nPassages = 0;
  for (let i = 0; i < list.length; i++) {
    const o = list[i]!;
    for (let x = c.passageStart[o]!; x < c.passageStart[o + 1]!; x++) {
      const p = c.passageList[x]!;
      if (seen[p] === stamp) continue;
      seen[p] = stamp;
      passageBuf[nPassages++] = p;
    }
    const last = chosen.length - 1;
    const prev = chosen[last];
    if (prev !== undefined && c.doc[prev] === c.doc[o] && c.coreFirst[o]! <= c.coreLast[prev]!) {
      const ro = groupRank[groupNo[o]!]!;
      const rp = groupRank[groupNo[prev]!]!;
      if (ro > rp || (ro === rp && c.links[o]! > c.links[prev]!)) chosen[last] = o;
      continue;
    }
    chosen.push(o);
  }
  // An array of its length filled in a loop, not `map`: `map` gives an
  // array of one elements kind from the builtin and of another once
  // inlined into optimised code, and each reader of the occurrences
  // compiled for one deoptimised at the first of the other (see
  // hidden-classes.ts).
  const occurrences = new Array<Occurrence>(chosen.length);
  for (let k = 0; k < chosen.length; k++) {
    const o = chosen[k]!;
    occurrences[k] = { doc: c.doc[o]!, first: c.coreFirst[o]!, last: c.coreLast[o]!, links: c.links[o]! };
  }
  const coreMask = (k: number): Uint8Array => {
    const o = chosen[k]!;
    const h = occurrences[k]!;
    const mask = new Uint8Array(h.last - h.first + 1);
    if (c.links[o] === 0) return mask.fill(1);
    const need = Math.max(1, Math.ceil(c.links[o]! * share));
    const base = c.countAt[o]! - c.first[o]!;
    for (let t = Math.max(h.first, c.first[o]!); t <= Math.min(h.last, c.last[o]!); t++) if (c.counts[base + t]! >= need) mask[t - h.first] = 1;
    return mask;
  };
  passageBuf.subarray(0, nPassages).sort();
  const passages = new Array<number>(nPassages);
  for (let x = 0; x < nPassages; x++) passages[x] = passageBuf[x]!;
  return { occurrences, passages, coreMask, contains: [], partOf: [] };
}
