/**
 * Formulas: from passages (pairs of aligned spans) to the recurring
 * formulas a reader would quote, each with its occurrences.
 *
 * 1. Groups. The two sides of a passage are linked, and two sides in one
 *    document that overlap by `familyOverlap` of the longer are one
 *    occurrence (union–find). An occurrence is the union of its sides.
 *    Sides of the frequent-phrase path (a star around a phrase in most
 *    documents) join only each other, and do so when they overlap at all
 *    (they stand on one run of the phrase): a passage that carries such a
 *    phrase with words around it is a formula of its own, related to the
 *    phrase in step 3, not a reason to give every occurrence its words.
 * 2. Cores. A passage carries the context its two documents happen to
 *    share, so one occurrence's extent depends on its partner. The core of
 *    an occurrence is the stretch its alignments agree on: the tokens
 *    matched in at least `formulaCoreShare` of the passages that touch it,
 *    from the first to the last of them (the varied words inside stay),
 *    with function words trimmed off both ends. It does not cross a
 *    sentence end or paragraph break unless every occurrence of the group
 *    does (a quoted paragraph); otherwise the piece holding most matches
 *    is kept.
 * 3. Extents. Groups whose cores are the same formula at different extents
 *    are merged: cores in one document overlapping by `formulaSameExtent`
 *    (shared / either) for half of the smaller group's occurrences, or a
 *    group whose occurrences lie inside another's for `formulaFragmentShare`
 *    of them (a fragment). A group inside another less often than that is a
 *    formula of its own; when most occurrences of the larger one contain one
 *    of it (`formulaContainsShare`), the larger is a frame around it:
 *    `contains` / `partOf`.
 *
 * Token indices are inside each document; everything here is linear in the
 * passages' lengths, plus sorts of the occurrences.
 */
import { GAP_PARAGRAPH, GAP_SENTENCE } from '../text/scan.ts';
import { OP_MATCH, OP_SUB } from './align.ts';
import { radixOrder } from './radix-sort.ts';
import { UnionFind } from './union-find.ts';
import type { ReuseOptions } from './options.ts';
import { TOK_CONTENT, type PreparedDoc } from './prepare.ts';

/** A passage in token space (the fields of a RawPassage this stage reads). */
export interface TokenPassage {
  docA: number;
  docB: number;
  aFirst: number;
  aLast: number;
  bFirst: number;
  bLast: number;
  /** Its steps are [at, at + steps) of the path columns. */
  at: number;
  steps: number;
  /** Found by the frequent-phrase path: its sides join only sides of that path (step 1). */
  frequent: boolean;
  /** Frequent path: runs with the very tokens of side b's run, as (document, shift, first, last) quadruples (see RawPassage). */
  copies: number[] | null;
}

/** Alignment steps of every passage, back to back. */
export interface PathColumns {
  op: Uint8Array;
  ai: Int32Array;
  bj: Int32Array;
}

/** Where each document's tokens start in the corpus-wide `flags` column. */
export interface TokenLayout {
  /** Per token: GAP_* bits of the gap before it, and TOK_CONTENT. */
  flags: Uint8Array;
  /** Per document: index of its first token in `flags`. */
  offset: Int32Array;
  /**
   * Corpus-wide indices of the tokens with a real sentence end or paragraph
   * break before them, ascending (punctuation after an abbreviation, "Mr.",
   * ends no sentence): `sentenceBreaks`.
   */
  breaks: Int32Array;
}

/** One occurrence of a formula: tokens [first, last] of document `doc`. */
export interface Occurrence {
  doc: number;
  first: number;
  last: number;
  /** Passages touching this occurrence (its weight as a representative). */
  links: number;
}

export interface Formula {
  /** Sorted by document, then first token. */
  occurrences: Occurrence[];
  /** Indices of the passages that link its occurrences, ascending. */
  passages: number[];
  /**
   * Occurrence k's core mask: 1 for the tokens its alignments agree on, 0
   * for the varied words inside it (all 1 for a copy of a frequent
   * phrase's run, which has no alignment of its own).
   */
  coreMask: (k: number) => Uint8Array;
  /** Indices (into the returned list) of formulas inside this one, and of those it lies inside. */
  contains: number[];
  partOf: number[];
}

type FormulaOptions = Pick<ReuseOptions, 'familyOverlap' | 'formulaCoreShare' | 'formulaSameExtent' | 'formulaFragmentShare' | 'formulaContainsShare' | 'minContentWordsShort'>;

const BREAK = GAP_SENTENCE | GAP_PARAGRAPH;
/** Rounds of cores counted against the partners' cores (see buildCores). */
const CORE_ROUNDS = 2;

/** Occurrences (the passages' sides, merged per group and document) with their cores. */
interface Cores {
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

export function findFormulas(passages: readonly TokenPassage[], path: PathColumns, layout: TokenLayout, options: FormulaOptions): Formula[] {
  const cores = buildCores(passages, path, layout, options);
  return mergeExtents(cores, options);
}

/** Steps 1 and 2 (see the file comment). */
function buildCores(passages: readonly TokenPassage[], path: PathColumns, layout: TokenLayout, options: FormulaOptions): Cores {
  // Nodes: the two sides of each passage (node 2i is side a of passage i).
  const n = passages.length * 2;
  const nDoc = new Int32Array(n);
  const nFirst = new Int32Array(n);
  const nLast = new Int32Array(n);
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i]!;
    nDoc[2 * i] = p.docA;
    nFirst[2 * i] = p.aFirst;
    nLast[2 * i] = p.aLast;
    nDoc[2 * i + 1] = p.docB;
    nFirst[2 * i + 1] = p.bFirst;
    nLast[2 * i + 1] = p.bLast;
  }
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
  for (let x = 0; x < nn; x++) {
    const ox = normal[x]!;
    const dx = nDoc[ox]!;
    const fx = nFirst[ox]!;
    const lx = nLast[ox]!;
    for (let y = x + 1; y < nn; y++) {
      const oy = normal[y]!;
      const fy = nFirst[oy]!;
      if (nDoc[oy] !== dx || fy > lx) break;
      const ly = nLast[oy]!;
      const shared = Math.min(lx, ly) - fy + 1;
      if (shared >= options.familyOverlap * Math.max(lx - fx + 1, ly - fy + 1)) uf.union(ox, oy);
    }
  }
  // Star sides that overlap at all stand on one run: one occurrence (a
  // linear sweep: a star's centre has a side per occurrence of the phrase).
  let reach = -1;
  for (let x = 0; x < ns; x++) {
    const o = star[x]!;
    if (x > 0 && nDoc[o] === nDoc[star[x - 1]!] && nFirst[o]! <= reach) uf.union(star[x - 1]!, o);
    else reach = -1;
    if (nLast[o]! > reach) reach = nLast[o]!;
  }

  // Occurrences: per group and document, the union of overlapping sides.
  // Nodes ordered by group root, then document and start.
  const root = new Int32Array(n);
  for (let x = 0; x < n; x++) root[x] = uf.find(x);
  order = radixOrder(nFirst, n);
  order = radixOrder(nDoc, n, order);
  order = radixOrder(root, n, order);
  const occOf = new Int32Array(n);
  const oGroup: number[] = [];
  const oDoc: number[] = [];
  const oFirst: number[] = [];
  const oLast: number[] = [];
  for (let x = 0; x < n; x++) {
    const i = order[x]!;
    const o = oGroup.length - 1;
    if (o >= 0 && oGroup[o] === root[i] && oDoc[o] === nDoc[i] && nFirst[i]! <= oLast[o]!) {
      if (nLast[i]! > oLast[o]!) oLast[o] = nLast[i]!;
    } else {
      oGroup.push(root[i]!);
      oDoc.push(nDoc[i]!);
      oFirst.push(nFirst[i]!);
      oLast.push(nLast[i]!);
    }
    occOf[i] = oGroup.length - 1;
  }
  const count = oGroup.length;
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
    group: Int32Array.from(oGroup),
    doc: Int32Array.from(oDoc),
    first: Int32Array.from(oFirst),
    last: Int32Array.from(oLast),
    coreFirst: new Int32Array(count),
    coreLast: new Int32Array(count),
    links,
    countAt,
    counts,
    passageStart,
    passageList,
  };
  placeCores(cores, layout, options.formulaCoreShare, options.minContentWordsShort);
  // Once more, counting only steps whose partner token lies in the
  // partner's core: an occurrence whose partner was cut at a sentence end
  // drops the words matched across it (where two formulas meet). A word
  // substituted for one of the partner's core words now counts too: it is a
  // varied word of the formula ("safeguard" for "protect"), even at an edge.
  // A matched partner token counts if any occurrence's core (of any group)
  // covers it: a variant linked to one extent of a formula still finds the
  // word it matches in the core of another. A substituted one counts if the
  // shortest core covering it is of the passage's own group or lies inside
  // the passage: a frame's word ("building ‹the slogan› at …") is no variant
  // of the word before the slogan elsewhere ("want ‹the slogan›").
  // Twice: a word a variant swapped at an edge joins its core in the first
  // round, and the word it replaced joins the other cores in the second.
  const { offset } = layout;
  const { coreFirst, coreLast } = cores;
  /** Per corpus-wide token: 1 + the shortest core covering it, or 0. */
  const inCore = new Int32Array(layout.flags.length);
  const coreLen = (o: number): number => coreLast[o]! - coreFirst[o]!;
  /** A substituted partner token at `t` of the document at `off`, on a side [first, last] of a passage of group `own`, counts. */
  const subCounts = (t: number, off: number, first: number, last: number, own: number): boolean => {
    const c = inCore[off + t]! - 1;
    return c >= 0 && (oGroup[c] === own || (coreFirst[c]! >= first && coreLast[c]! <= last));
  };
  for (let round = 0; round < CORE_ROUNDS; round++) {
    inCore.fill(0);
    for (let o = 0; o < count; o++) {
      if (coreFirst[o]! > coreLast[o]!) continue;
      const off = offset[oDoc[o]!]!;
      for (let t = off + coreFirst[o]!; t <= off + coreLast[o]!; t++) {
        const prev = inCore[t]! - 1;
        if (prev < 0 || coreLen(o) < coreLen(prev)) inCore[t] = o + 1;
      }
    }
    counts.fill(0);
    for (let i = 0; i < passages.length; i++) {
      const p = passages[i]!;
      const ca = countAt[occOf[2 * i]!]! - oFirst[occOf[2 * i]!]!;
      const cb = countAt[occOf[2 * i + 1]!]! - oFirst[occOf[2 * i + 1]!]!;
      const own = oGroup[occOf[2 * i]!]!;
      const offA = offset[p.docA]!;
      const offB = offset[p.docB]!;
      for (let s = p.at, end = p.at + p.steps; s < end; s++) {
        const o = op[s]!;
        if (o === OP_MATCH) {
          if (inCore[offB + bj[s]!] !== 0) counts[ca + ai[s]!]!++;
          if (inCore[offA + ai[s]!] !== 0) counts[cb + bj[s]!]!++;
        } else if (o === OP_SUB) {
          if (subCounts(bj[s]!, offB, p.bFirst, p.bLast, own)) counts[ca + ai[s]!]!++;
          if (subCounts(ai[s]!, offA, p.aFirst, p.aLast, own)) counts[cb + bj[s]!]!++;
        }
      }
    }
    placeCores(cores, layout, options.formulaCoreShare, options.minContentWordsShort);
  }
  return withCopies(cores, passages, occOf, layout);
}

/**
 * The cores plus the copies of frequent phrases' passages (runs with the
 * very tokens of an aligned one): each takes the core of the occurrence its
 * source passage's side b belongs to, at the same place in its run.
 */
function withCopies(c: Cores, passages: readonly TokenPassage[], occOf: Int32Array, layout: TokenLayout): Cores {
  let extra = 0;
  for (const p of passages) if (p.copies) extra += p.copies.length / 4;
  if (extra === 0) return c;
  const n = c.count + extra;
  const grow = (a: Int32Array): Int32Array => {
    const b = new Int32Array(n + (a.length - c.count));
    b.set(a);
    return b;
  };
  const out: Cores = {
    count: n,
    group: grow(c.group),
    doc: grow(c.doc),
    first: grow(c.first),
    last: grow(c.last),
    coreFirst: grow(c.coreFirst),
    coreLast: grow(c.coreLast),
    links: grow(c.links),
    countAt: c.countAt,
    counts: c.counts,
    passageStart: grow(c.passageStart),
    passageList: c.passageList,
  };
  const listEnd = c.passageStart[c.count]!;
  let o = c.count;
  for (let i = 0; i < passages.length; i++) {
    const copies = passages[i]!.copies;
    if (!copies) continue;
    const src = occOf[2 * i + 1]!;
    if (c.coreFirst[src]! > c.coreLast[src]!) continue;
    for (let x = 0; x < copies.length; x += 4) {
      const doc = copies[x]!;
      const shift = copies[x + 1]!;
      const first = copies[x + 2]!;
      const last = copies[x + 3]!;
      // The source's core, moved onto this run and kept inside it.
      let cf = Math.max(first, c.coreFirst[src]! + shift);
      let cl = Math.min(last, c.coreLast[src]! + shift);
      const off = layout.offset[doc]!;
      while (cf <= cl && (layout.flags[off + cf]! & TOK_CONTENT) === 0) cf++;
      while (cl >= cf && (layout.flags[off + cl]! & TOK_CONTENT) === 0) cl--;
      if (cf > cl) continue;
      out.group[o] = c.group[src]!;
      out.doc[o] = doc;
      out.first[o] = first;
      out.last[o] = last;
      out.coreFirst[o] = cf;
      out.coreLast[o] = cl;
      out.links[o] = 0;
      // No passage of its own.
      out.passageStart[o + 1] = listEnd;
      o++;
    }
  }
  out.count = o;
  return out;
}


/**
 * Each occurrence's core from the counts. A sentence end or paragraph break
 * stays inside a core only if what lies on each side of it holds at least
 * `minPiece` content words, and every occurrence of the group crosses one
 * (a quoted paragraph); otherwise the core is cut to its piece holding most
 * matches.
 */
function placeCores(cores: Cores, layout: TokenLayout, share: number, minPiece: number): void {
  const { count, group, doc } = cores;
  // Occurrences of a group are consecutive.
  for (let g0 = 0; g0 < count; ) {
    let g1 = g0 + 1;
    while (g1 < count && group[g1] === group[g0]) g1++;
    let crossing = 0;
    for (let o = g0; o < g1; o++) {
      const off = layout.offset[doc[o]!]!;
      coreOf(cores, o, share, layout.flags, off);
      trimPieces(cores, o, layout, off, minPiece);
      // Too little left to be a formula a reader would quote.
      if (contentIn(layout.flags, off, cores.coreFirst[o]!, cores.coreLast[o]!) < minPiece) cores.coreFirst[o] = cores.coreLast[o]! + 1;
      if (breakIn(layout, off, cores.coreFirst[o]!, cores.coreLast[o]!) >= 0) crossing++;
    }
    if (crossing > 0 && crossing < g1 - g0) {
      for (let o = g0; o < g1; o++) cutAtBreak(cores, o, layout, layout.offset[doc[o]!]!);
    }
    g0 = g1;
  }
}

/** Index in `breaks` of the first break at or after corpus-wide token `pos`. */
function lowerBound(breaks: Int32Array, pos: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first token in (first, last] (inside its document, at `off`) with a break before it, or -1. */
function breakIn(layout: TokenLayout, off: number, first: number, last: number): number {
  const { breaks } = layout;
  const k = lowerBound(breaks, off + first + 1);
  return k < breaks.length && breaks[k]! <= off + last ? breaks[k]! - off : -1;
}

/** The last token in (first, last] with a break before it, or -1. */
function lastBreakIn(layout: TokenLayout, off: number, first: number, last: number): number {
  const { breaks } = layout;
  const k = lowerBound(breaks, off + last + 1) - 1;
  return k >= 0 && breaks[k]! > off + first ? breaks[k]! - off : -1;
}

function contentIn(flags: Uint8Array, off: number, first: number, last: number): number {
  let n = 0;
  for (let t = first; t <= last; t++) n += (flags[off + t]! >>> 3) & 1;
  return n;
}

/** Drops pieces of fewer than `minPiece` content words off both ends of the core, while another piece remains. */
function trimPieces(c: Cores, o: number, layout: TokenLayout, off: number, minPiece: number): void {
  const { flags } = layout;
  let cf = c.coreFirst[o]!;
  let cl = c.coreLast[o]!;
  for (;;) {
    const b = breakIn(layout, off, cf, cl);
    if (b < 0 || contentIn(flags, off, cf, b - 1) >= minPiece) break;
    cf = b;
  }
  for (;;) {
    const b = lastBreakIn(layout, off, cf, cl);
    if (b < 0 || contentIn(flags, off, b, cl) >= minPiece) break;
    cl = b - 1;
  }
  while (cf <= cl && (flags[off + cf]! & TOK_CONTENT) === 0) cf++;
  while (cl >= cf && (flags[off + cl]! & TOK_CONTENT) === 0) cl--;
  c.coreFirst[o] = cf;
  c.coreLast[o] = cl;
}

/** The core of occurrence `o` (see the file comment), trimmed to content words. */
function coreOf(c: Cores, o: number, share: number, flags: Uint8Array, off: number): void {
  const need = Math.max(1, Math.ceil(c.links[o]! * share));
  const base = c.countAt[o]!;
  const first = c.first[o]!;
  const len = c.last[o]! - first + 1;
  let s = 0;
  while (s < len && c.counts[base + s]! < need) s++;
  let e = len - 1;
  while (e >= s && c.counts[base + e]! < need) e--;
  while (s <= e && (flags[off + first + s]! & TOK_CONTENT) === 0) s++;
  while (e >= s && (flags[off + first + e]! & TOK_CONTENT) === 0) e--;
  c.coreFirst[o] = first + s;
  c.coreLast[o] = first + e;
}

/** Keeps the piece of the core between breaks that holds most matches, trimmed to content words. */
function cutAtBreak(c: Cores, o: number, layout: TokenLayout, off: number): void {
  const { flags } = layout;
  const cf = c.coreFirst[o]!;
  const cl = c.coreLast[o]!;
  if (cf > cl) return;
  const base = c.countAt[o]! - c.first[o]!;
  let bestFirst = cf;
  let bestLast = cl;
  let best = -1;
  let pieceFirst = cf;
  let weight = 0;
  let nextBreak = breakIn(layout, off, cf, cl);
  for (let t = cf; t <= cl + 1; t++) {
    if (t > cl || t === nextBreak) {
      if (t === nextBreak) nextBreak = breakIn(layout, off, t, cl);
      if (weight > best) {
        best = weight;
        bestFirst = pieceFirst;
        bestLast = t - 1;
      }
      pieceFirst = t;
      weight = 0;
    }
    if (t <= cl && (flags[off + t]! & TOK_CONTENT) !== 0) weight += c.counts[base + t]!;
  }
  while (bestFirst <= bestLast && (flags[off + bestFirst]! & TOK_CONTENT) === 0) bestFirst++;
  while (bestLast >= bestFirst && (flags[off + bestLast]! & TOK_CONTENT) === 0) bestLast--;
  c.coreFirst[o] = bestFirst;
  c.coreLast[o] = bestLast;
}

/** Step 3 (see the file comment), and the formulas as the caller reads them. */
function mergeExtents(c: Cores, options: FormulaOptions): Formula[] {
  const count = c.count;
  // Dense group numbers, and each group's size (occurrences with a core).
  // (A group's occurrences are consecutive, then come the copies.)
  const groupNo = new Int32Array(count);
  const sizes: number[] = [];
  const numberOf = new Map<number, number>();
  for (let o = 0; o < count; o++) {
    let g = numberOf.get(c.group[o]!);
    if (g === undefined) {
      g = sizes.length;
      numberOf.set(c.group[o]!, g);
      sizes.push(0);
    }
    groupNo[o] = g;
    if (c.coreFirst[o]! <= c.coreLast[o]!) sizes[g]!++;
  }
  const groups = sizes.length;
  // Cores by document and start.
  const live: number[] = [];
  for (let o = 0; o < count; o++) if (c.coreFirst[o]! <= c.coreLast[o]!) live.push(o);
  const keyDoc = new Int32Array(live.length);
  const keyFirst = new Int32Array(live.length);
  live.forEach((o, k) => {
    keyDoc[k] = c.doc[o]!;
    keyFirst[k] = c.coreFirst[o]!;
  });
  let ord = radixOrder(keyFirst, live.length);
  ord = radixOrder(keyDoc, live.length, ord);
  // Votes between groups: same extent, and y inside x (keyed x * groups + y).
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
      if (shared >= options.formulaSameExtent * either) {
        vote(same, Math.min(gx, gy) * groups + Math.max(gx, gy));
        continue;
      }
      // Inside: all of it, or all but one token at an edge.
      if (shared >= ly - fy) vote(inside, gx * groups + gy);
      else if (shared >= lx - fx) vote(inside, gy * groups + gx);
    }
  }
  // Each group joins at most one other (so merges cannot chain through a
  // group that resembles two formulas): of the groups that are its own
  // formula at another extent (and larger), or that contain it as a
  // fragment, the one with most votes.
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
  for (const [k, v] of same) {
    const gx = Math.floor(k / groups);
    const gy = k - gx * groups;
    if (v * 2 < Math.min(sizes[gx]!, sizes[gy]!)) continue;
    // The smaller joins the larger (ties: the later joins the earlier).
    if (sizes[gy]! < sizes[gx]! || (sizes[gy] === sizes[gx] && gy > gx)) offer(gy, gx, v, false);
    else offer(gx, gy, v, false);
  }
  const frames: Array<[number, number]> = [];
  for (const [k, v] of inside) {
    const gx = Math.floor(k / groups);
    const gy = k - gx * groups;
    if (v >= options.formulaFragmentShare * sizes[gy]!) offer(gy, gx, v, true);
    else if (v >= options.formulaContainsShare * sizes[gx]!) frames.push([gx, gy]);
  }
  const merged = new UnionFind(groups);
  for (let g = 0; g < groups; g++) if (parent[g]! >= 0) merged.union(g, parent[g]!);

  // One formula per merged root: its cores, per document the union of overlapping ones.
  const rootOf = new Int32Array(groups);
  const formulaOf = new Map<number, number>();
  for (let g = 0; g < groups; g++) rootOf[g] = merged.find(g);
  const byFormula: number[][] = [];
  for (let i = 0; i < live.length; i++) {
    const o = live[ord[i]!]!;
    const r = rootOf[groupNo[o]!]!;
    let f = formulaOf.get(r);
    if (f === undefined) {
      f = byFormula.length;
      formulaOf.set(r, f);
      byFormula.push([]);
    }
    byFormula[f]!.push(o);
  }
  let maxPassage = -1;
  for (let x = 0; x < c.passageList.length; x++) if (c.passageList[x]! > maxPassage) maxPassage = c.passageList[x]!;
  const seenPassage = new Int32Array(maxPassage + 1);
  const formulas: Formula[] = byFormula.map((list, f) => assemble(c, list, options.formulaCoreShare, (o) => (fragment[groupNo[o]!] ? 0 : 1 << 30) + sizes[groupNo[o]!]!, seenPassage, f + 1));
  const seen = new Set<number>();
  for (const [gx, gy] of frames) {
    const fx = formulaOf.get(rootOf[gx]!);
    const fy = formulaOf.get(rootOf[gy]!);
    if (fx === undefined || fy === undefined || fx === fy || seen.has(fx * formulas.length + fy)) continue;
    seen.add(fx * formulas.length + fy);
    formulas[fx]!.contains.push(fy);
    formulas[fy]!.partOf.push(fx);
  }
  for (const f of formulas) {
    f.contains.sort((a, b) => a - b);
    f.partOf.sort((a, b) => a - b);
  }
  return formulas;
}

/**
 * A formula from its cores (in document, start order). Where cores of
 * merged groups overlap in one document, the core of the group that ranks
 * first (`rank`: not a fragment, then most occurrences) is the occurrence.
 */
function assemble(c: Cores, list: readonly number[], share: number, rank: (o: number) => number, seen: Int32Array, stamp: number): Formula {
  const chosen: number[] = [];
  const passages: number[] = [];
  for (const o of list) {
    for (let x = c.passageStart[o]!; x < c.passageStart[o + 1]!; x++) {
      const p = c.passageList[x]!;
      if (seen[p] === stamp) continue;
      seen[p] = stamp;
      passages.push(p);
    }
    const last = chosen.length - 1;
    const prev = chosen[last];
    if (prev !== undefined && c.doc[prev] === c.doc[o] && c.coreFirst[o]! <= c.coreLast[prev]!) {
      if (rank(o) > rank(prev) || (rank(o) === rank(prev) && c.links[o]! > c.links[prev]!)) chosen[last] = o;
      continue;
    }
    chosen.push(o);
  }
  const occurrences: Occurrence[] = chosen.map((o) => ({ doc: c.doc[o]!, first: c.coreFirst[o]!, last: c.coreLast[o]!, links: c.links[o]! }));
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
  return { occurrences, passages: passages.sort((a, b) => a - b), coreMask, contains: [], partOf: [] };
}

/** Title-like abbreviations ("Mr", "Dr", "St"): a capital and at most two small letters. */
const ABBREVIATION = /^\p{Lu}\p{Ll}{0,2}$/u;

/**
 * `TokenLayout.breaks`: the corpus-wide indices of the tokens after a
 * sentence end or paragraph break, except sentence punctuation that ends an
 * abbreviation ("Mr. Speaker").
 */
export function sentenceBreaks(prepared: readonly PreparedDoc[], surface: readonly string[], flags: Uint8Array): Int32Array {
  const abbrev = new Uint8Array(surface.length);
  for (let t = 0; t < surface.length; t++) abbrev[t] = ABBREVIATION.test(surface[t]!) ? 1 : 0;
  const out: number[] = [];
  for (const d of prepared) {
    const n = d.type.length;
    for (let t = 1; t < n; t++) {
      const f = flags[d.offset + t]!;
      if ((f & BREAK) === 0) continue;
      if (abbrev[d.type[t - 1]!] === 1) continue;
      out.push(d.offset + t);
    }
  }
  return Int32Array.from(out);
}
