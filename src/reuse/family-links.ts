/**
 * Families checked once more at the extents a reader sees. The formula
 * stages compare cores (the tokens the alignments agree on); a member is
 * then moved to the extent a reader would quote (readable-extent.ts), and
 * a core that ran across a sentence end is cut at it. So one version can
 * still run into the sentence before it, one formula can end up as two
 * families, and a frame can end up no longer holding the formula it was
 * said to contain:
 * - A member that alone runs across a sentence end is cut there
 *   (`cutAtBreaks`).
 * - A family at least half of whose members are, token for token, members
 *   of a larger family, and whose other members each lie inside one of
 *   that family's or stand in a document it does not reach, is that
 *   family again: it is folded into it (two copies of "Die Energiewende
 *   bleibt ein Gemeinschaftswerk, das keinen zurücklässt", one of them
 *   already a member of the slogan's family, are a version of the slogan).
 *   The larger family keeps its members and gains those in the documents
 *   it did not reach, and the folded one's passages and links. Of two
 *   families alike in size, the first formula stays.
 * - `contains` / `partOf` stand only where, at these extents, at least
 *   `formulaContainsShare` of the frame's members hold a member of the
 *   formula it contains (the share the formula stages ask), or that share
 *   of the formula's members lie inside the frame's ("Mr. Speaker, Vice
 *   President Cheney" in two of its three documents, inside the salutation
 *   of thirteen addresses); a member lies inside when `HELD` of its tokens
 *   do. A link the formula stages drew between formulas that, as read,
 *   do not overlap so is dropped.
 * - A formula holds its occurrences inside the members of the frames that
 *   contain it, also where only the frame's alignments reached them
 *   (`findInFrames`): its first occurrence and its documents are the
 *   formula's, wherever it is said.
 */
import type { Formula, Occurrence } from './formulas.ts';
import { combine } from './fragments.ts';
import type { MemberColumns } from './family-members.ts';
import { FirstOf } from './first-of.ts';
import { radixOrder } from './radix-sort.ts';
import { FNV_OFFSET, FNV_PRIME } from '../text/vocabulary.ts';
import { TOK_CONTENT, type PreparedDoc } from './prepare.ts';
import { breakWithin, breaksWithin, type SentenceBreaks } from './sentence-breaks.ts';

/**
 * Each family whose members, as read (`m`), mostly stay inside one
 * sentence, with the others cut there: a member that runs across a
 * sentence end or a paragraph break (`breaks`: abbreviations aside) keeps
 * the piece holding most of the content words (types) its uncut partners
 * use, ties to the longer; its occurrence is cut to that piece. The
 * formula stages cut by a vote of the passages touching an occurrence, so
 * a version aligned with a neighbouring sentence by other documents that
 * share it too ("… an Bedeutung. „Die Energiewende ist …") could keep
 * both. Where half or more of the members cross, all stay (a quoted
 * paragraph). Returns `formulas` itself when nothing is cut.
 */
export function cutAtBreaks(formulas: readonly Formula[], m: MemberColumns, prepared: readonly PreparedDoc[], breaks: SentenceBreaks): readonly Formula[] {
  // Which members cross a break, tested in document order: the breaks are
  // then read front to back, not at a random document per member (8M
  // words: 2.3 MB of breaks, a few cache misses a member in family order;
  // the pass grew 19x for 8x the members).
  const crosses = new Uint8Array(m.doc.length);
  const byDoc = radixOrder(m.doc, m.doc.length);
  for (let i = 0; i < byDoc.length; i++) {
    const x = byDoc[i]!;
    const doc = m.doc[x]!;
    crosses[x] = breakWithin(breaks, doc, prepared[doc]!.offset, m.readFirst[x]! + 1, m.readLast[x]!) ? 1 : 0;
  }
  let out: Formula[] | null = null;
  for (let f = 0; f < formulas.length; f++) {
    const b = m.base[f]!;
    const n = m.base[f + 1]! - b;
    if (n === 0) continue;
    const occ = formulas[f]!.occurrences;
    let crossing = 0;
    for (let k = 0; k < n; k++) crossing += crosses[b + k]!;
    if (crossing === 0 || 2 * crossing >= n) continue;
    const inside: number[][] = [];
    for (let k = 0; k < n; k++) inside.push(breaksWithin(breaks, m.doc[b + k]!, prepared[m.doc[b + k]!]!.offset, m.readFirst[b + k]! + 1, m.readLast[b + k]!));
    const words = new Set<number>();
    for (let k = 0; k < n; k++) {
      if (inside[k]!.length > 0) continue;
      const d = prepared[m.doc[b + k]!]!;
      for (let t = m.readFirst[b + k]!; t <= m.readLast[b + k]!; t++) if (d.flags[t]! & TOK_CONTENT) words.add(d.type[t]!);
    }
    // (Arrays filled in loops, not by `map`: see hidden-classes.ts.)
    const cut = new Array<Occurrence>(n);
    for (let k = 0; k < n; k++) {
      const o = occ[k]!;
      cut[k] = o;
      if (inside[k]!.length === 0) continue;
      const p = bestPiece(m.readFirst[b + k]!, m.readLast[b + k]!, inside[k]!, prepared[o.doc]!, words);
      const first = Math.max(o.first, p.first);
      const last = Math.min(o.last, p.last);
      if (first <= last) cut[k] = { doc: o.doc, first, last, links: o.links };
    }
    const order = new Array<number>(n);
    for (let k = 0; k < n; k++) order[k] = k;
    order.sort((x, y) => cut[x]!.doc - cut[y]!.doc || cut[x]!.first - cut[y]!.first);
    const occurrences = new Array<Occurrence>(n);
    for (let k = 0; k < n; k++) occurrences[k] = cut[order[k]!]!;
    const { passages, coreMask, contains, partOf } = formulas[f]!;
    out ??= formulas.slice();
    out[f] = {
      occurrences,
      passages,
      coreMask: (k) => {
        const j = order[k]!;
        return coreMask(j).subarray(cut[j]!.first - occ[j]!.first, cut[j]!.last - occ[j]!.first + 1);
      },
      contains,
      partOf,
    };
  }
  return out ?? formulas;
}

/** Of [first, last] cut before each of `starts`, the piece with most content words in `words` (ties: the longer), trimmed to content words. */
function bestPiece(first: number, last: number, starts: readonly number[], d: PreparedDoc, words: ReadonlySet<number>): { first: number; last: number } {
  let best = { first, last };
  let bestShared = -1;
  for (let k = 0; k <= starts.length; k++) {
    let a = k === 0 ? first : starts[k - 1]!;
    let z = k === starts.length ? last : starts[k]! - 1;
    while (a < z && !(d.flags[a]! & TOK_CONTENT)) a++;
    while (z > a && !(d.flags[z]! & TOK_CONTENT)) z--;
    let shared = 0;
    for (let t = a; t <= z; t++) if (d.flags[t]! & TOK_CONTENT && words.has(d.type[t]!)) shared++;
    if (shared > bestShared || (shared === bestShared && z - a > best.last - best.first)) {
      best = { first: a, last: z };
      bestShared = shared;
    }
  }
  return best;
}

/**
 * Per formula, the formula it is folded into, or -1 (formula f's members
 * are [m.base[f], m.base[f + 1]) of `m`, sorted by document; `offset[d]`
 * is document d's first token in the corpus). Families sharing a member
 * are found by keying members by their first token in the corpus (an int
 * table; `next` chains the members that share one).
 */
export function foldFamilies(formulas: number, m: MemberColumns, offset: Int32Array): Int32Array {
  const n = m.doc.length;
  const familyOf = new Int32Array(n);
  for (let f = 0; f < formulas; f++) familyOf.fill(f, m.base[f]!, m.base[f + 1]!);
  const firstAt = new FirstOf();
  const next = new Int32Array(n).fill(-1);
  const tail = new Int32Array(n);
  const shared = new Map<number, number>();
  for (let x = 0; x < n; x++) {
    const head = firstAt.of(offset[m.doc[x]!]! + m.readFirst[x]!, x);
    tail[x] = x;
    if (head === x) continue;
    for (let y = head; y >= 0; y = next[y]!) {
      if (m.readLast[y] !== m.readLast[x] || familyOf[y] === familyOf[x]) continue;
      // familyOf[y] < familyOf[x]: members are visited formula by formula.
      const pair = familyOf[y]! * formulas + familyOf[x]!;
      shared.set(pair, (shared.get(pair) ?? 0) + 1);
    }
    next[tail[head]!] = x;
    tail[head] = x;
  }
  const foldedInto = new Int32Array(formulas).fill(-1);
  const size = (f: number): number => m.base[f + 1]! - m.base[f]!;
  for (const [pair, count] of shared) {
    const a = Math.floor(pair / formulas);
    const b = pair - a * formulas;
    // a < b: the smaller folds into the larger; of two alike, b into a.
    const [from, into] = size(b) <= size(a) ? [b, a] : [a, b];
    if (2 * count < size(from) || !restFits(m, from, into)) continue;
    // Of several that take it, the largest (then the first).
    const was = foldedInto[from]!;
    if (was < 0 || size(into) > size(was) || (size(into) === size(was) && into < was)) foldedInto[from] = into;
  }
  return foldedInto;
}

/** Whether every member of `from` is one of `into`'s, lies inside one, or stands in a document `into` does not reach. */
function restFits(m: MemberColumns, from: number, into: number): boolean {
  const i1 = m.base[into + 1]!;
  let i = m.base[into]!;
  for (let x = m.base[from]!; x < m.base[from + 1]!; x++) {
    const doc = m.doc[x]!;
    while (i < i1 && m.doc[i]! < doc) i++;
    if (i === i1 || m.doc[i] !== doc) continue;
    let inside = false;
    for (let y = i; y < i1 && m.doc[y] === doc && !inside; y++) inside = m.readFirst[y]! <= m.readFirst[x]! && m.readLast[x]! <= m.readLast[y]!;
    if (!inside) return false;
  }
  return true;
}

/** The root a formula is folded into (itself if none). */
export function rootOf(foldedInto: Int32Array, f: number): number {
  while (foldedInto[f]! >= 0) f = foldedInto[f]!;
  return f;
}

/**
 * `formulas` with every folded one merged into its root, as a fragment
 * joins its formula (fragments.ts `combine`): where occurrences overlap in
 * a document the root's stands (every folded occurrence in a document the
 * root reaches lies inside one of the root's), elsewhere the folded ones'
 * are added; passages are joined. A folded formula is left with no
 * occurrences. (The links are settled from `formulas`: `settleLinks`.)
 */
export function mergeFolded(formulas: readonly Formula[], foldedInto: Int32Array): Formula[] {
  const groups = new Map<number, number[]>();
  for (let f = 0; f < formulas.length; f++) {
    if (foldedInto[f]! < 0) continue;
    const root = rootOf(foldedInto, f);
    const group = groups.get(root) ?? [root];
    group.push(f);
    groups.set(root, group);
  }
  const depthOf = (f: number): number => (foldedInto[f]! < 0 ? 0 : 1 + depthOf(foldedInto[f]!));
  const out = formulas.slice();
  for (let f = 0; f < formulas.length; f++) if (foldedInto[f]! >= 0) out[f] = { occurrences: [], passages: [], coreMask: formulas[f]!.coreMask, contains: [], partOf: [] };
  for (const [root, group] of groups) out[root] = combine(formulas, group, depthOf);
  return out;
}

/**
 * The links between the formulas that stay, from those the formula stages
 * gave (`formulas`, before folding), moved to the roots, each kept if at
 * least `containsShare` of the frame's members (in `m`) hold a member of
 * the formula it contains, or of its members lie inside the frame's.
 * Ascending per formula.
 */
export function settleLinks(formulas: readonly Formula[], foldedInto: Int32Array, m: MemberColumns, containsShare: number): { contains: number[][]; partOf: number[][] } {
  const contains: number[][] = [];
  const partOf: number[][] = [];
  for (let f = 0; f < formulas.length; f++) {
    contains.push([]);
    partOf.push([]);
  }
  const asked = new Set<number>();
  for (let f = 0; f < formulas.length; f++) {
    const frame = rootOf(foldedInto, f);
    const inner = formulas[f]!.contains;
    for (let k = 0; k < inner.length; k++) {
      const g = rootOf(foldedInto, inner[k]!);
      const key = frame * formulas.length + g;
      if (g === frame || asked.has(key)) continue;
      asked.add(key);
      if (holdsShare(m, frame, g) >= containsShare) {
        contains[frame]!.push(g);
        partOf[g]!.push(frame);
      }
    }
  }
  for (let f = 0; f < formulas.length; f++) {
    contains[f]!.sort((x, y) => x - y);
    partOf[f]!.sort((x, y) => x - y);
  }
  return { contains, partOf };
}

/** Share of a member's tokens inside a frame's member for the frame to hold it (a word or two at an edge may stand outside: "…, said"). */
const HELD = 0.8;

/**
 * The larger of two shares: of `frame`'s members that hold one of
 * `inner`'s, and of `inner`'s members held by one of `frame`'s (same
 * document, `HELD` of its tokens inside). Both lists are sorted by document.
 */
export function holdsShare(m: MemberColumns, frame: number, inner: number): number {
  const f0 = m.base[frame]!;
  const f1 = m.base[frame + 1]!;
  const g0 = m.base[inner]!;
  const g1 = m.base[inner + 1]!;
  if (f1 === f0 || g1 === g0) return 0;
  const held = new Uint8Array(g1 - g0);
  let g = g0;
  let holding = 0;
  for (let x = f0; x < f1; x++) {
    const doc = m.doc[x]!;
    while (g < g1 && m.doc[g]! < doc) g++;
    let holds = false;
    for (let y = g; y < g1 && m.doc[y] === doc; y++) {
      const inside = Math.min(m.readLast[x]!, m.readLast[y]!) - Math.max(m.readFirst[x]!, m.readFirst[y]!) + 1;
      if (inside >= HELD * (m.readLast[y]! - m.readFirst[y]! + 1)) {
        holds = true;
        held[y - g0] = 1;
      }
    }
    if (holds) holding++;
  }
  let heldCount = 0;
  for (let k = 0; k < held.length; k++) heldCount += held[k]!;
  return Math.max(holding / (f1 - f0), heldCount / (g1 - g0));
}

/**
 * Each formula's occurrences inside the members of the frames it is
 * `partOf` (settled: `partOf[g]`), where it has none yet: the alignments
 * that make a frame take a formula's words into the frame's occurrence,
 * so a document that says the formula only inside the frame was counted
 * under the frame alone ("L’État paiera, quoi qu’il en coûte. Aucune
 * entreprise ne sera livrée au risque de faillite" in the speech that
 * first said "Aucune entreprise …": the formula's first occurrence was a
 * later article's). Inside each frame member, the formula's wordings (its
 * members' readable extents, one per token class) are looked for by
 * stems, the longest at a token first; a match overlapping one of the
 * formula's members is none. Found occurrences join the formula with no
 * passage (their core is all of them, as a frequent phrase's copy). Cost:
 * each frame member's tokens once per formula it contains, each token
 * checked against the wordings that start with its stem and the next
 * (1M words: 1,759 wordings of 56 formulas; keyed by the first stem
 * alone, 109K wordings were compared at 558 tokens, mostly after "the"),
 * each by a hash of its stems first: the wordings under one key grow with
 * the formula, the frame's tokens with the frame (8M words: 363K
 * candidates at 40.8K tokens, 32x the 1M count for 7x the tokens), and
 * comparing a candidate whole read its member's tokens at a random place
 * in the corpus. Returns `formulas` itself when nothing is found.
 */
export function findInFrames(formulas: readonly Formula[], partOf: readonly (readonly number[])[], m: MemberColumns, prepared: readonly PreparedDoc[]): readonly Formula[] {
  let out: Formula[] | null = null;
  // Per formula: its wordings of two tokens or more by their first two
  // stems (a hash; the longest first), and the stems of its one-token ones.
  const byFirstStems = new Map<number, number[]>();
  const oneWord = new Set<number>();
  const byStems = new Map<number, number[]>();
  const longerFirst = (p: number, q: number): number => m.readLast[q]! - m.readFirst[q]! - (m.readLast[p]! - m.readFirst[p]!);
  // Per member kept as a wording: the hash of its stems (stemsHash); and at
  // a frame token, the hashes of its stems from there, up to `hashed` more.
  const wordHash = new Int32Array(m.doc.length);
  let ahead = new Int32Array(64);
  for (let g = 0; g < formulas.length; g++) {
    const frames = partOf[g]!;
    const g0 = m.base[g]!;
    const g1 = m.base[g + 1]!;
    if (frames.length === 0 || g1 === g0) continue;
    // The formula's wordings: one member per token class, and of those one
    // per stem sequence (classes that differ only in case or spelling).
    byFirstStems.clear();
    oneWord.clear();
    byStems.clear();
    const classes = new Set<number>();
    for (let y = g0; y < g1; y++) {
      if (classes.has(m.tokens[y]!)) continue;
      classes.add(m.tokens[y]!);
      const dy = prepared[m.doc[y]!]!;
      const a = m.readFirst[y]!;
      const len = m.readLast[y]! - a;
      if (len === 0) {
        oneWord.add(stemAt(dy, a));
        continue;
      }
      const h = stemsHash(dy, a, len);
      const same = byStems.get(h);
      if (same !== undefined && hasStems(same, m, prepared, dy, a, len)) continue;
      if (same) same.push(y);
      else byStems.set(h, [y]);
      wordHash[y] = h;
      const key = stemPair(stemAt(dy, a), stemAt(dy, a + 1));
      const list = byFirstStems.get(key);
      if (list) list.push(y);
      else byFirstStems.set(key, [y]);
    }
    byFirstStems.forEach((list) => list.sort(longerFirst));
    const found: Occurrence[] = [];
    for (let k = 0; k < frames.length; k++) {
      const frame = frames[k]!;
      let y = g0;
      for (let x = m.base[frame]!; x < m.base[frame + 1]!; x++) {
        const doc = m.doc[x]!;
        y = firstAtOrAfter(m.doc, y, g1, doc);
        const d = prepared[doc]!;
        const end = m.readLast[x]!;
        for (let t = m.readFirst[x]!; t <= end; t++) {
          // The longest wording that matches at t (it ends by the frame member's end).
          let last = -1;
          const starting = t < end ? byFirstStems.get(stemPair(stemAt(d, t), stemAt(d, t + 1))) : undefined;
          if (starting !== undefined) {
            let hashed = -1;
            for (let i = 0; i < starting.length; i++) {
              const p = starting[i]!;
              const len = m.readLast[p]! - m.readFirst[p]!;
              if (t + len > end) continue;
              if (ahead.length <= len) ahead = new Int32Array(Math.max(len + 1, ahead.length * 2));
              for (; hashed < len; hashed++) ahead[hashed + 1] = Math.imul((hashed < 0 ? FNV_OFFSET : ahead[hashed]!) ^ stemAt(d, t + hashed + 1), FNV_PRIME);
              if (ahead[len] !== wordHash[p] || !sameStems(prepared[m.doc[p]!]!, m.readFirst[p]!, d, t, len)) continue;
              last = t + len;
              break;
            }
          }
          if (last < 0 && oneWord.has(stemAt(d, t))) last = t;
          if (last < 0 || overlapsMember(m, y, g1, doc, t, last)) continue;
          found.push({ doc, first: t, last, links: 0 });
          t = last;
        }
      }
    }
    if (found.length === 0) continue;
    out ??= formulas.slice();
    out[g] = withOccurrences(formulas[g]!, apart(found));
  }
  return out ?? formulas;
}

/**
 * The first index in [from, to) of ascending `values` holding `value` or
 * more (`to` if none): a galloping search from `from`. findInFrames steps
 * through a formula's members once per frame, and a frame of a few
 * members inside a formula of thousands made that quadratic (8M words:
 * 2.4M steps for 1,797 frame members; 1M: 25K).
 */
function firstAtOrAfter(values: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = from;
  for (let step = 1; hi < to && values[hi]! < value; step *= 2) {
    lo = hi + 1;
    hi = Math.min(to, hi + step);
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const stemAt = (d: PreparedDoc, t: number): number => d.corpus.typeStem[d.type[t]!]!;

/** A key of two stems (equal keys may be other stems: the wordings are compared whole). */
const stemPair = (s: number, t: number): number => Math.imul(s, 0x9e3779b1) ^ t;

/** FNV-1a over the stems of tokens [a, a + len] of `d` (as an int32). */
function stemsHash(d: PreparedDoc, a: number, len: number): number {
  let h = FNV_OFFSET;
  for (let k = 0; k <= len; k++) h = Math.imul(h ^ stemAt(d, a + k), FNV_PRIME);
  return h;
}

/** Tokens [a, a + len] of `da` and [b, b + len] of `db` have the same stems. */
function sameStems(da: PreparedDoc, a: number, db: PreparedDoc, b: number, len: number): boolean {
  for (let k = 0; k <= len; k++) if (stemAt(da, a + k) !== stemAt(db, b + k)) return false;
  return true;
}

/** One of the members `ys` has tokens [a, a + len] of `d`'s stems. */
function hasStems(ys: readonly number[], m: MemberColumns, prepared: readonly PreparedDoc[], d: PreparedDoc, a: number, len: number): boolean {
  for (let i = 0; i < ys.length; i++) {
    const z = ys[i]!;
    if (m.readLast[z]! - m.readFirst[z]! === len && sameStems(prepared[m.doc[z]!]!, m.readFirst[z]!, d, a, len)) return true;
  }
  return false;
}

/** [first, last] of `doc` overlaps one of the members [y, end) (sorted by document, from `doc`'s first). */
function overlapsMember(m: MemberColumns, y: number, end: number, doc: number, first: number, last: number): boolean {
  for (; y < end && m.doc[y] === doc; y++) if (m.readFirst[y]! <= last && first <= m.readLast[y]!) return true;
  return false;
}

/** `found` by document and first token, less each that overlaps the one before (two frames' members may hold the same words). */
function apart(found: Occurrence[]): Occurrence[] {
  found.sort((a, b) => a.doc - b.doc || a.first - b.first);
  const kept: Occurrence[] = [];
  for (let k = 0; k < found.length; k++) {
    const o = found[k]!;
    const prev = kept[kept.length - 1];
    if (prev === undefined || prev.doc !== o.doc || prev.last < o.first) kept.push(o);
  }
  return kept;
}

/** `f` with `added` among its occurrences (sorted by document, then first token); theirs is an all-1 core mask. */
function withOccurrences(f: Formula, added: readonly Occurrence[]): Formula {
  const n = f.occurrences.length;
  // (Arrays filled in loops, not by `map` or `concat`: see hidden-classes.ts.)
  const all = new Array<Occurrence>(n + added.length);
  for (let k = 0; k < n; k++) all[k] = f.occurrences[k]!;
  for (let k = 0; k < added.length; k++) all[n + k] = added[k]!;
  const order = new Array<number>(all.length);
  for (let k = 0; k < all.length; k++) order[k] = k;
  order.sort((x, y) => all[x]!.doc - all[y]!.doc || all[x]!.first - all[y]!.first);
  const occurrences = new Array<Occurrence>(all.length);
  for (let k = 0; k < all.length; k++) occurrences[k] = all[order[k]!]!;
  const { passages, coreMask, contains, partOf } = f;
  return {
    occurrences,
    passages,
    coreMask: (k) => {
      const j = order[k]!;
      return j < n ? coreMask(j) : new Uint8Array(all[j]!.last - all[j]!.first + 1).fill(1);
    },
    contains,
    partOf,
  };
}
