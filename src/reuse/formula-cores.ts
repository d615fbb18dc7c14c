/**
 * Formulas, step 2 (see formulas.ts): the core of each occurrence. A
 * passage carries the context its two documents happen to share, so one
 * occurrence's extent depends on its partner. The core of an occurrence is
 * the stretch its alignments agree on: the tokens matched in at least
 * `formulaCoreShare` of the passages that touch it, from the first to the
 * last of them (the varied words inside stay), with function words trimmed
 * off both ends. It does not cross a sentence end or paragraph break unless
 * every occurrence of the group does (a quoted paragraph); otherwise the
 * piece holding most matches is kept. The counts are then taken again
 * against the partners' cores (`recountAgainstCores`), twice: words aligned
 * with what a partner lost at a sentence end drop out, so the cut reaches
 * the versions that do not cross it.
 */
import { OP_MATCH, OP_SUB } from './align.ts';
import type { FormulaOptions, PathColumns, TokenLayout, TokenPassage } from './formulas.ts';
import { KIND_BREAK, KIND_CONTENT, collectOccurrences, groupSides, tokenKinds, type Cores } from './formula-occurrences.ts';
import { radixOrder } from './radix-sort.ts';
import { TOK_CONTENT } from './prepare.ts';

/** Rounds of cores counted against the partners' cores (see recountAgainstCores). */
const CORE_ROUNDS = 2;

/** Steps 1 and 2: the occurrences with their cores, copies of frequent phrases' runs included. */
export function buildCores(passages: readonly TokenPassage[], path: PathColumns, layout: TokenLayout, options: FormulaOptions): Cores {
  const { cores, occOf } = collectOccurrences(passages, groupSides(passages, options.familyOverlap), path);
  const byDoc = radixOrder(cores.doc, cores.count);
  const kinds = tokenKinds(cores, layout, byDoc);
  // Per occurrence: 1 where its core was cut at a sentence end or paragraph break.
  const cut = new Uint8Array(cores.count);
  placeCores(cores, kinds, options.formulaCoreShare, options.minContentWordsShort, cut);
  const cover = new Int32Array(cores.countAt[cores.count]!);
  let row: Int32Array = new Int32Array(1024);
  for (let round = 0; round < CORE_ROUNDS; round++) {
    row = coverCores(cores, byDoc, cover, row);
    recountAgainstCores(cores, passages, path, occOf, cover, kinds, cut);
    placeCores(cores, kinds, options.formulaCoreShare, options.minContentWordsShort, cut);
  }
  return withCopies(cores, passages, occOf, layout);
}

/**
 * Which core covers each token of each occurrence: `at[countAt[o] + t -
 * first[o]]` becomes 1 + the occurrence (of any group) whose core is the
 * shortest covering token t of o's document (ties: the lowest), or 0. It is
 * laid out like the counts, so the recount reads it next to what it writes;
 * it is built document by document in a small scratch `row` (a corpus-wide
 * column read at the partners' tokens cost a cache miss a step, more at 8M
 * words). `byDoc`: the occurrences by document, ascending inside one.
 * Returns the row (grown if a document needed more).
 */
export function coverCores(c: Cores, byDoc: Uint32Array, at: Int32Array, row: Int32Array): Int32Array {
  const { coreFirst, coreLast, first, last, doc, countAt } = c;
  const coreLen = (o: number): number => coreLast[o]! - coreFirst[o]!;
  for (let x0 = 0; x0 < c.count; ) {
    const d = doc[byDoc[x0]!]!;
    let x1 = x0;
    let lo = first[byDoc[x0]!]!;
    let hi = lo;
    for (; x1 < c.count && doc[byDoc[x1]!] === d; x1++) {
      lo = Math.min(lo, first[byDoc[x1]!]!);
      hi = Math.max(hi, last[byDoc[x1]!]!);
    }
    if (row.length < hi - lo + 1) row = new Int32Array(Math.max(hi - lo + 1, row.length * 2));
    for (let x = x0; x < x1; x++) {
      const o = byDoc[x]!;
      for (let t = coreFirst[o]!; t <= coreLast[o]!; t++) {
        const prev = row[t - lo]! - 1;
        if (prev < 0 || coreLen(o) < coreLen(prev)) row[t - lo] = o + 1;
      }
    }
    for (let x = x0; x < x1; x++) {
      const o = byDoc[x]!;
      for (let t = first[o]!, k = countAt[o]!; t <= last[o]!; t++, k++) at[k] = row[t - lo]!;
    }
    for (let x = x0; x < x1; x++) {
      const o = byDoc[x]!;
      for (let t = coreFirst[o]!; t <= coreLast[o]!; t++) row[t - lo] = 0;
    }
    x0 = x1;
  }
  return row;
}

/**
 * The counts once more, counting only steps whose partner token lies in the
 * partner's core: an occurrence whose partner was cut at a sentence end
 * drops the words matched across it (where two formulas meet). A word
 * substituted for one of the partner's core words now counts too: it is a
 * varied word of the formula ("safeguard" for "protect"), even at an edge.
 * A matched partner token counts if any occurrence's core (of any group)
 * covers it: a variant linked to one extent of a formula still finds the
 * word it matches in the core of another. A substituted one counts if the
 * shortest core covering it is of the passage's own group or lies inside
 * the passage: a frame's word ("building ‹the slogan› at …") is no variant
 * of the word before the slogan elsewhere ("want ‹the slogan›").
 * Done twice (CORE_ROUNDS): a word a variant swapped at an edge joins its
 * core in the first round, and the word it replaced joins the other cores
 * in the second. `cover` is `coverCores`'s for the cores as they stand.
 * Where a partner's core was cut at a sentence end or paragraph break
 * (`cut`), its tokens count only on the core's side of the breaks
 * (`sideOfCore`): the words aligned with what was cut off drop out of this
 * version's counts too, even where another formula's core covers them (the
 * core is what the versions share: "… better benefit mankind, Chinese
 * President Xi Jinping said" is no version of "President Xi Jinping pointed
 * out" whose partner reads "… better benefit mankind. One world, one
 * Internet. President Xi Jinping pointed out").
 */
export function recountAgainstCores(cores: Cores, passages: readonly TokenPassage[], path: PathColumns, occOf: Int32Array, cover: Int32Array, kinds: Uint8Array, cut: Uint8Array): void {
  const { coreFirst, coreLast, countAt, counts, group, first: oFirst } = cores;
  const { op, ai, bj } = path;
  const side = new Int32Array(2);
  /** A substituted partner token (at `x` of the cover) on a side [first, last] of a passage of group `own` counts. */
  const subCounts = (x: number, first: number, last: number, own: number): boolean => {
    const c = cover[x]! - 1;
    return c >= 0 && (group[c] === own || (coreFirst[c]! >= first && coreLast[c]! <= last));
  };
  counts.fill(0);
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i]!;
    const ca = countAt[occOf[2 * i]!]! - oFirst[occOf[2 * i]!]!;
    const cb = countAt[occOf[2 * i + 1]!]! - oFirst[occOf[2 * i + 1]!]!;
    const own = group[occOf[2 * i]!]!;
    let aLo = p.aFirst;
    let aHi = p.aLast;
    let bLo = p.bFirst;
    let bHi = p.bLast;
    if (cut[occOf[2 * i]!]) {
      sideOfCore(cores, occOf[2 * i]!, p.aFirst, p.aLast, kinds, side);
      aLo = side[0]!;
      aHi = side[1]!;
    }
    if (cut[occOf[2 * i + 1]!]) {
      sideOfCore(cores, occOf[2 * i + 1]!, p.bFirst, p.bLast, kinds, side);
      bLo = side[0]!;
      bHi = side[1]!;
    }
    for (let s = p.at, end = p.at + p.steps; s < end; s++) {
      const o = op[s]!;
      if (o !== OP_MATCH && o !== OP_SUB) continue;
      const a = ai[s]!;
      const b = bj[s]!;
      const aCounts = b >= bLo && b <= bHi;
      const bCounts = a >= aLo && a <= aHi;
      if (o === OP_MATCH) {
        if (aCounts && cover[cb + b] !== 0) counts[ca + a]!++;
        if (bCounts && cover[ca + a] !== 0) counts[cb + b]!++;
      } else {
        if (aCounts && subCounts(cb + b, p.bFirst, p.bLast, own)) counts[ca + a]!++;
        if (bCounts && subCounts(ca + a, p.aFirst, p.aLast, own)) counts[cb + b]!++;
      }
    }
  }
}

/**
 * Into `out`: the tokens [lo, hi] of a passage's side [first, last] that lie
 * on occurrence `o`'s core's side of every sentence end and paragraph break
 * (from the break before the core to the one after it); the whole side when
 * the core is empty.
 */
function sideOfCore(c: Cores, o: number, first: number, last: number, kinds: Uint8Array, out: Int32Array): void {
  const cf = c.coreFirst[o]!;
  const cl = c.coreLast[o]!;
  out[0] = first;
  out[1] = last;
  if (cf > cl) return;
  if (first < cf) {
    const b = lastBreakIn(c, kinds, o, first, cf);
    if (b >= 0) out[0] = b;
  }
  if (last > cl) {
    const b = breakIn(c, kinds, o, cl, last);
    if (b >= 0) out[1] = b - 1;
  }
}

/**
 * The cores plus the copies of frequent phrases' passages (runs with the
 * very tokens of an aligned one): each takes the core of the occurrence its
 * source passage's side b belongs to, at the same place in its run.
 */
export function withCopies(c: Cores, passages: readonly TokenPassage[], occOf: Int32Array, layout: TokenLayout): Cores {
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
 * matches, and `cut` marks the occurrences whose core that shortened (1; 0
 * for the others). `kinds`: tokenKinds's.
 */
export function placeCores(cores: Cores, kinds: Uint8Array, share: number, minPiece: number, cut: Uint8Array): void {
  const { count, group } = cores;
  // Occurrences of a group are consecutive.
  for (let g0 = 0; g0 < count; ) {
    let g1 = g0 + 1;
    while (g1 < count && group[g1] === group[g0]) g1++;
    let crossing = 0;
    for (let o = g0; o < g1; o++) {
      coreOf(cores, kinds, o, share);
      trimPieces(cores, kinds, o, minPiece);
      // Too little left to be a formula a reader would quote.
      if (contentIn(cores, kinds, o, cores.coreFirst[o]!, cores.coreLast[o]!) < minPiece) cores.coreFirst[o] = cores.coreLast[o]! + 1;
      if (breakIn(cores, kinds, o, cores.coreFirst[o]!, cores.coreLast[o]!) >= 0) crossing++;
    }
    for (let o = g0; o < g1; o++) cut[o] = 0;
    if (crossing > 0 && crossing < g1 - g0) {
      for (let o = g0; o < g1; o++) {
        const before = cores.coreLast[o]! - cores.coreFirst[o]!;
        cutAtBreak(cores, kinds, o);
        if (cores.coreLast[o]! - cores.coreFirst[o]! < before) cut[o] = 1;
      }
    }
    g0 = g1;
  }
}

/** Where token t of occurrence o stands in `kinds` (and the counts) is base(o) + t. */
const base = (c: Cores, o: number): number => c.countAt[o]! - c.first[o]!;

/** Token t of occurrence o is a content word. */
const content = (c: Cores, kinds: Uint8Array, o: number, t: number): boolean => (kinds[base(c, o) + t]! & KIND_CONTENT) !== 0;

/** Content words among tokens [first, last] of occurrence o. */
function contentIn(c: Cores, kinds: Uint8Array, o: number, first: number, last: number): number {
  const at = base(c, o);
  let n = 0;
  for (let t = first; t <= last; t++) n += kinds[at + t]! & KIND_CONTENT;
  return n;
}

/** The first token in (first, last] of occurrence o with a break before it, or -1. */
function breakIn(c: Cores, kinds: Uint8Array, o: number, first: number, last: number): number {
  const at = base(c, o);
  for (let t = first + 1; t <= last; t++) if ((kinds[at + t]! & KIND_BREAK) !== 0) return t;
  return -1;
}

/** The last token in (first, last] of occurrence o with a break before it, or -1. */
function lastBreakIn(c: Cores, kinds: Uint8Array, o: number, first: number, last: number): number {
  const at = base(c, o);
  for (let t = last; t > first; t--) if ((kinds[at + t]! & KIND_BREAK) !== 0) return t;
  return -1;
}

/** Drops pieces of fewer than `minPiece` content words off both ends of the core, while another piece remains. */
function trimPieces(c: Cores, kinds: Uint8Array, o: number, minPiece: number): void {
  let cf = c.coreFirst[o]!;
  let cl = c.coreLast[o]!;
  for (;;) {
    const b = breakIn(c, kinds, o, cf, cl);
    if (b < 0 || contentIn(c, kinds, o, cf, b - 1) >= minPiece) break;
    cf = b;
  }
  for (;;) {
    const b = lastBreakIn(c, kinds, o, cf, cl);
    if (b < 0 || contentIn(c, kinds, o, b, cl) >= minPiece) break;
    cl = b - 1;
  }
  while (cf <= cl && !content(c, kinds, o, cf)) cf++;
  while (cl >= cf && !content(c, kinds, o, cl)) cl--;
  c.coreFirst[o] = cf;
  c.coreLast[o] = cl;
}

/** The core of occurrence `o` (see the file comment), trimmed to content words. */
function coreOf(c: Cores, kinds: Uint8Array, o: number, share: number): void {
  const need = Math.max(1, Math.ceil(c.links[o]! * share));
  const at = c.countAt[o]!;
  const first = c.first[o]!;
  const len = c.last[o]! - first + 1;
  let s = 0;
  while (s < len && c.counts[at + s]! < need) s++;
  let e = len - 1;
  while (e >= s && c.counts[at + e]! < need) e--;
  while (s <= e && (kinds[at + s]! & KIND_CONTENT) === 0) s++;
  while (e >= s && (kinds[at + e]! & KIND_CONTENT) === 0) e--;
  c.coreFirst[o] = first + s;
  c.coreLast[o] = first + e;
}

/** Keeps the piece of the core between breaks that holds most matches, trimmed to content words. */
function cutAtBreak(c: Cores, kinds: Uint8Array, o: number): void {
  const cf = c.coreFirst[o]!;
  const cl = c.coreLast[o]!;
  if (cf > cl) return;
  const at = base(c, o);
  let bestFirst = cf;
  let bestLast = cl;
  let best = -1;
  let pieceFirst = cf;
  let weight = 0;
  let nextBreak = breakIn(c, kinds, o, cf, cl);
  for (let t = cf; t <= cl + 1; t++) {
    if (t > cl || t === nextBreak) {
      if (t === nextBreak) nextBreak = breakIn(c, kinds, o, t, cl);
      if (weight > best) {
        best = weight;
        bestFirst = pieceFirst;
        bestLast = t - 1;
      }
      pieceFirst = t;
      weight = 0;
    }
    if (t <= cl && (kinds[at + t]! & KIND_CONTENT) !== 0) weight += c.counts[at + t]!;
  }
  while (bestFirst <= bestLast && !content(c, kinds, o, bestFirst)) bestFirst++;
  while (bestLast >= bestFirst && !content(c, kinds, o, bestLast)) bestLast--;
  c.coreFirst[o] = bestFirst;
  c.coreLast[o] = bestLast;
}
