/**
 * Frames keep only their own occurrences. A frame around a formula
 * ("President Xi Jinping proposed the vision of building ‹slogan›") is
 * linked by its passages to every stretch that shares the slogan and a word
 * or two around it; an occurrence whose words outside the contained formula
 * are only a name in another clause ("Just as President Xi Jinping has
 * mentioned, we should work jointly to build ‹slogan›") is a version of the
 * slogan, not of the frame.
 *
 * Rule: an occurrence of a frame that overlaps an occurrence of a formula
 * the frame contains stays in the frame only when at least one of its
 * content words outside that formula is matched word for word in one of
 * the frame's passages that touch it and is either not part of a name
 * (capitalised mid-sentence, or holding digits) or not cut off from the
 * formula by a clause break (, ; : — – a sentence end or a line break
 * between them): a name in another clause is an attribution, not the
 * frame's wording. Otherwise it leaves the frame (unless at least half
 * of the frame's occurrences are so written: then that is the frame's own
 * shape, "Groulio, a senior official in …"), with the passages that
 * touch it; it is already an occurrence of the contained formula (the
 * overlap is the precondition), so nothing is lost. Occurrences that overlap no contained formula are
 * kept as they are.
 *
 * Linear in the frames' occurrences and their tokens, times the contained
 * formulas' occurrences in one document.
 */
import { OP_MATCH } from './align.ts';
import type { Formula, Occurrence, PathColumns, TokenPassage } from './formulas.ts';
import { TOK_CONTENT, type PreparedDoc } from './prepare.ts';
import { gapBefore } from './readable-extent.ts';
import { GAP_PARAGRAPH, GAP_SENTENCE } from '../text/scan.ts';

const SENTENCE_START = GAP_SENTENCE | GAP_PARAGRAPH;
const DIGIT = /\p{N}/u;
const CLAUSE_BREAK = /[,;:.!?\u2014\u2013\n]/;

/** A clause break in the gaps between tokens a < b (the gaps after a, …, before b). */
function brokenBetween(d: PreparedDoc, a: number, b: number): boolean {
  for (let t = a + 1; t <= b; t++) if (CLAUSE_BREAK.test(gapBefore(d, t))) return true;
  return false;
}

/** A word capitalised mid-sentence or holding digits (part of a name, a date). */
function isName(d: PreparedDoc, t: number): boolean {
  const w = d.surface[d.type[t]!]!;
  const c = w.charAt(0);
  return (c !== c.toLowerCase() && t > 0 && (d.flags[t]! & SENTENCE_START) === 0) || DIGIT.test(w);
}

/** Whether frame occurrence `o` (`mask`: 1 for its tokens matched in a passage) shares a frame word joined to the inner span [iFirst, iLast]. */
export function holdsFrameWords(d: PreparedDoc, o: Occurrence, mask: Uint8Array, iFirst: number, iLast: number): boolean {
  for (let t = o.first; t <= o.last; t++) {
    if (t >= iFirst && t <= iLast) continue;
    if (mask[t - o.first] !== 1 || (d.flags[t]! & TOK_CONTENT) === 0) continue;
    if (!isName(d, t)) return true;
    if (t < iFirst ? !brokenBetween(d, t, iFirst) : !brokenBetween(d, iLast, t)) return true;
  }
  return false;
}

export function separateFrames(formulas: readonly Formula[], passages: readonly TokenPassage[], path: PathColumns, prepared: readonly PreparedDoc[]): Formula[] {
  // (Filled in a loop, not by `map`: see hidden-classes.ts.)
  const out = new Array<Formula>(formulas.length);
  for (let i = 0; i < formulas.length; i++) {
    const f = formulas[i]!;
    out[i] = f.contains.length ? purify(formulas, f, passages, path, prepared) : f;
  }
  return out;
}

/** Per occurrence of `f`: 1 for its tokens matched word for word in one of f's passages. */
function matchedMasks(f: Formula, passages: readonly TokenPassage[], { op, ai, bj }: PathColumns): Uint8Array[] {
  const masks = new Array<Uint8Array>(f.occurrences.length);
  for (let k = 0; k < masks.length; k++) masks[k] = new Uint8Array(f.occurrences[k]!.last - f.occurrences[k]!.first + 1);
  const byDoc = new Map<number, number[]>();
  f.occurrences.forEach((o, k) => {
    const list = byDoc.get(o.doc);
    if (list) list.push(k);
    else byDoc.set(o.doc, [k]);
  });
  const mark = (doc: number, first: number, last: number, p: TokenPassage, side: Int32Array): void => {
    for (const k of byDoc.get(doc) ?? []) {
      const o = f.occurrences[k]!;
      if (first > o.last || last < o.first) continue;
      for (let s = p.at, end = p.at + p.steps; s < end; s++) {
        if (op[s] !== OP_MATCH) continue;
        const t = side[s]!;
        if (t >= o.first && t <= o.last) masks[k]![t - o.first] = 1;
      }
    }
  };
  for (const i of f.passages) {
    const p = passages[i]!;
    mark(p.docA, p.aFirst, p.aLast, p, ai);
    mark(p.docB, p.bFirst, p.bLast, p, bj);
  }
  return masks;
}

/** Index of the first of `occ` (sorted by document) in document `doc` or after it. */
function firstInDoc(occ: readonly Occurrence[], doc: number): number {
  let lo = 0;
  let hi = occ.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (occ[mid]!.doc < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The occurrence of the contained formulas (in `contains` order, then their
 * own) overlapping `o` most (the first on a tie), or null. Found by binary
 * search in each contained formula's occurrences (sorted by document): a
 * slogan in every document is contained in hundreds of frames, and a
 * per-frame table of its occurrences cost |frame| × |slogan| at 8M words.
 */
function mostOverlapping(formulas: readonly Formula[], contains: readonly number[], o: Occurrence): Occurrence | null {
  let best: Occurrence | null = null;
  let bestShared = 0;
  for (const c of contains) {
    const occ = formulas[c]!.occurrences;
    for (let x = firstInDoc(occ, o.doc); x < occ.length && occ[x]!.doc === o.doc; x++) {
      const i = occ[x]!;
      const shared = Math.min(i.last, o.last) - Math.max(i.first, o.first) + 1;
      if (shared > bestShared) { best = i; bestShared = shared; }
    }
  }
  return best;
}

function purify(formulas: readonly Formula[], f: Formula, passages: readonly TokenPassage[], path: PathColumns, prepared: readonly PreparedDoc[]): Formula {
  const matched = matchedMasks(f, passages, path);
  const keep: number[] = [];
  const dropped: Occurrence[] = [];
  f.occurrences.forEach((o, k) => {
    const best = mostOverlapping(formulas, f.contains, o);
    if (!best || holdsFrameWords(prepared[o.doc]!, o, matched[k]!, Math.max(best.first, o.first), Math.min(best.last, o.last))) keep.push(k);
    else dropped.push(o);
  });
  // Most versions so written are the frame's own shape ("Name, a senior
  // official in …"), not attributions set apart from it.
  if (dropped.length === 0 || 2 * dropped.length >= f.occurrences.length) return f;
  // (dropped is sorted by document, as the occurrences are: searched, not scanned.)
  const touches = (doc: number, first: number, last: number): boolean => {
    for (let x = firstInDoc(dropped, doc); x < dropped.length && dropped[x]!.doc === doc; x++) {
      if (first <= dropped[x]!.last && last >= dropped[x]!.first) return true;
    }
    return false;
  };
  // (Filled in loops, not by `map` and `filter`: see hidden-classes.ts.)
  const occurrences = new Array<Occurrence>(keep.length);
  for (let x = 0; x < keep.length; x++) occurrences[x] = f.occurrences[keep[x]!]!;
  const kept: number[] = [];
  for (const p of f.passages) {
    const r = passages[p]!;
    if (!touches(r.docA, r.aFirst, r.aLast) && !touches(r.docB, r.bFirst, r.bLast)) kept.push(p);
  }
  return {
    occurrences,
    passages: kept,
    coreMask: (k) => f.coreMask(keep[k]!),
    contains: f.contains,
    partOf: f.partOf,
  };
}
