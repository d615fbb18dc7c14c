/**
 * Formulas: from passages (pairs of aligned spans) to the recurring
 * formulas a reader would quote, each with its occurrences. Three steps,
 * each a module of its own:
 *
 * 1. Groups (formula-occurrences.ts). The two sides of a passage are
 *    linked, and two sides in one document that overlap by `familyOverlap`
 *    of the longer are one occurrence (union–find). An occurrence is the
 *    union of its sides. Sides of the frequent-phrase path (a star around a
 *    phrase in most documents) join only each other: at a star's centre,
 *    those that hold the centre's phrase (the stretch half of them cover)
 *    are one occurrence; any other by the same overlap as above. A star
 *    side on the words two phrases share is no reason to make them one.
 * 2. Cores (formula-cores.ts). The stretch of an occurrence that its
 *    alignments agree on, with function words trimmed off both ends, not
 *    across a sentence end or paragraph break (sentence-breaks.ts) unless
 *    every occurrence of the group crosses it.
 * 3. Extents (formula-extents.ts). Groups whose cores are the same formula
 *    at different extents are merged (a fragment joins what contains it);
 *    a larger formula around another is a frame: `contains` / `partOf`.
 *
 * Token indices are inside each document; everything here is linear in the
 * passages' lengths, plus sorts of the occurrences.
 */
import { buildCores } from './formula-cores.ts';
import { mergeExtents } from './formula-extents.ts';
import type { ReuseOptions } from './options.ts';
import type { SentenceBreaks } from './sentence-breaks.ts';

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

/** Where each document's tokens start in the corpus-wide `flags` column, and its sentence breaks. */
export interface TokenLayout extends SentenceBreaks {
  /** Per token: GAP_* bits of the gap before it, and TOK_CONTENT. */
  flags: Uint8Array;
  /** Per document: index of its first token in `flags`. */
  offset: Int32Array;
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

export type FormulaOptions = Pick<ReuseOptions, 'familyOverlap' | 'formulaCoreShare' | 'formulaSameExtent' | 'formulaFragmentShare' | 'formulaContainsShare' | 'minContentWordsShort'>;

export function findFormulas(passages: readonly TokenPassage[], path: PathColumns, layout: TokenLayout, options: FormulaOptions): Formula[] {
  return mergeExtents(buildCores(passages, path, layout, options), options);
}
