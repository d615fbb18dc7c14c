/**
 * Every version of one formula aligned together, CollateX-style: each
 * version's words in columns, so that words the versions share stand in one
 * column and a swapped word stands in the column of the word it replaces.
 *
 * Method (our own code; the idea is CollateX's progressive alignment of each
 * witness against what was aligned before, with near matching):
 * 1. Tokenize each version's span with the project's one scanner (function
 *    words those of its document's language, src/text/language.ts; Han runs
 *    become single characters) and merge identical spans (same matching
 *    forms): 200 versions cost what their distinct wordings cost.
 * 2. Find the medoid (the span most like the others) and, by aligning each
 *    span with it (star alignment, linear in the spans), each span's stretch
 *    that is the formula: the rest is context the engine's spans may carry
 *    ("the vision of ‹formula›, he said") and is never aligned or counted as
 *    a difference, only shown.
 * 3. Merge identical stretches again and align them progressively, the
 *    medoid's first, then by likeness to it (column-align.ts): matching words
 *    share a column (same form, inflection, spelling variant), a swapped word
 *    takes the column of the word it replaces.
 * 4. The core is the run of columns from the first to the last that more
 *    than half of the versions fill, trimmed of function-word columns at the
 *    ends that not every version fills, and widened over the columns just
 *    past an end filled only by versions that leave that end's column
 *    empty (they replaced its word: "im Stich lässt" for "zurücklässt");
 *    versions are grouped by their core wording ("wordings"), the unit
 *    the views show.
 *
 * Cost: O(S · L²) for the star step and O(W · L · C) for the columns, for S
 * distinct spans, W distinct stretches of about L words and C columns.
 */
import { alignIntoColumns } from './column-align.ts';
import type { Language } from '../text/function-words.ts';
import { languageOfText } from '../text/language.ts';
import { matchPairs, versionTokens, type AlignToken } from './formula-tokens.ts';

export { versionTokens, type AlignToken } from './formula-tokens.ts';

/** One occurrence of the formula: a span of a document's text (offsets are UTF-16, end exclusive). */
export interface VersionInput {
  doc: string;
  start: number;
  end: number;
  /** The whole document's text. */
  text: string;
  /** The document's language (src/text/language.ts), if the caller knows it; read from `text` otherwise. */
  language?: Language | null;
}

export interface AlignedVersion {
  doc: string;
  start: number;
  end: number;
  tokens: AlignToken[];
  /** Column of each token. */
  columns: number[];
  /** Index of its wording in `wordings`, or -1 when it has no word in the core. */
  wording: number;
}

/** One core wording and the versions that use it. */
export interface Wording {
  /** Per core column: the word as written in the representative version, or null where this wording has none. */
  cells: (AlignToken | null)[];
  /** Matching forms of the core words, joined by spaces: the wording's identity. */
  key: string;
  /** The core as written in its representative version (the most common spelling; ties: the earliest). */
  text: string;
  /** Index of the representative version. */
  representative: number;
  /** Indices into `versions`, in input order. */
  versions: number[];
}

export interface MultiAlignment {
  versions: AlignedVersion[];
  columnCount: number;
  /** Versions with a word in each column. */
  support: number[];
  /** The formula's core: columns [start, end). */
  core: { start: number; end: number };
  /** Most used first (ties: first seen). */
  wordings: Wording[];
  /** Distinct full token sequences aligned (what the alignment cost grows with). */
  distinctSequences: number;
}

/** A column is core when more than this share of the versions fill it. */
export const CORE_SHARE = 0.5;
/** Medoid words more than this share of the versions match mark the region where the formula is; the rest of a span is context. */
export const CONTEXT_SHARE = 0.2;
/** The medoid is searched among (and measured against) at most this many of the most used distinct wordings. */
export const MEDOID_SAMPLE = 300;

interface Sequence {
  tokens: AlignToken[];
  /** Indices into the versions. */
  versions: number[];
}

/** Dice overlap of the matching forms of two sequences. */
function likeness(a: readonly AlignToken[], b: readonly AlignToken[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const bag = new Map<string, number>();
  for (const t of a) bag.set(t.norm, (bag.get(t.norm) ?? 0) + 1);
  let shared = 0;
  for (const t of b) {
    const n = bag.get(t.norm);
    if (n) (shared++, bag.set(t.norm, n - 1));
  }
  return (2 * shared) / (a.length + b.length);
}

/** The sequence most like the others (weighted by their versions), measured against the most used ones. */
function medoidOf(sequences: Sequence[]): number {
  const sample = sequences.map((_, i) => i).sort((a, b) => sequences[b]!.versions.length - sequences[a]!.versions.length || a - b).slice(0, MEDOID_SAMPLE);
  let medoid = 0;
  let best = -1;
  sequences.forEach((s, a) => {
    let sum = 0;
    for (const b of sample) sum += (a === b ? 1 : likeness(s.tokens, sequences[b]!.tokens)) * sequences[b]!.versions.length;
    if (sum > best) (best = sum), (medoid = a);
  });
  return medoid;
}

/** Unmatched words a stretch may take beyond those standing for the medoid's, where it replaces the medoid's edge words. */
const REPLACEMENT_SLACK = 2;

/**
 * Each span's stretch that may be the formula, found against the medoid (a
 * local alignment of each span with it): the medoid's region is its words
 * that more than CONTEXT_SHARE of the versions match; a span's stretch runs
 * from its first to its last word matched in that region, widened by as many
 * unmatched words as the medoid's region has beyond the match on each side
 * ("protect" where the medoid says "safeguard"), and where it replaced all of
 * them by up to REPLACEMENT_SLACK more ("das niemanden im Stich lässt" where
 * the medoid says "das niemanden zurücklässt"). Further out is context. The
 * column alignment and the core rule then decide word by word.
 */
function formulaStretches(sequences: Sequence[], medoid: number): [number, number][] {
  const m = sequences[medoid]!.tokens;
  const pairs = sequences.map((s, i) => (i === medoid ? m.map((_, k): [number, number] => [k, k]) : matchPairs(s.tokens, m)));
  const support = new Array<number>(m.length).fill(0);
  let total = 0;
  sequences.forEach((s, i) => {
    total += s.versions.length;
    for (const [, k] of pairs[i]!) support[k]! += s.versions.length;
  });
  let ms = support.findIndex((x) => x > total * CONTEXT_SHARE);
  let me = support.length - 1 - [...support].reverse().findIndex((x) => x > total * CONTEXT_SHARE);
  if (ms === -1) (ms = 0), (me = m.length - 1);
  return sequences.map((s, i) => {
    const inRegion = pairs[i]!.filter(([, k]) => k >= ms && k <= me);
    if (inRegion.length === 0) return [0, s.tokens.length];
    const matched = new Set(pairs[i]!.map(([j]) => j));
    let [from, fromM] = inRegion[0]!;
    let [to, toM] = inRegion[inRegion.length - 1]!;
    const [from0, to0] = [from, to];
    for (; fromM > ms && from > 0 && !matched.has(from - 1); fromM--) from--;
    for (; toM < me && to + 1 < s.tokens.length && !matched.has(to + 1); toM++) to++;
    // A replacement may be longer than what it replaces ("im Stich lässt" for "zurücklässt").
    for (let k = 0; k < REPLACEMENT_SLACK && from < from0 && fromM === ms && from > 0 && !matched.has(from - 1); k++) from--;
    for (let k = 0; k < REPLACEMENT_SLACK && to > to0 && toM === me && to + 1 < s.tokens.length && !matched.has(to + 1); k++) to++;
    return [from, to + 1];
  });
}

/** Aligns every version of one formula. Versions with no word at all are kept, with no wording. */
export function alignVersions(inputs: readonly VersionInput[]): MultiAlignment {
  // Function words are those of each document's language, told once per document.
  // English's where the document is in none Refrain lists, as the reuse engine reads it (src/reuse/prepare.ts).
  const languages = new Map<string, Language>();
  const languageOf = (v: VersionInput) => languages.get(v.doc) ?? languages.set(v.doc, (v.language === undefined ? languageOfText(v.text) : v.language) ?? 'en').get(v.doc)!;
  const versions: AlignedVersion[] = inputs.map((v) => ({ doc: v.doc, start: v.start, end: v.end, tokens: versionTokens(v.text, v.start, v.end, languageOf(v)), columns: [], wording: -1 }));
  const dedupe = (seqs: { tokens: AlignToken[]; version: number }[]): Sequence[] => {
    const byKey = new Map<string, Sequence>();
    for (const { tokens, version } of seqs) {
      if (tokens.length === 0) continue;
      const key = tokens.map((t) => t.norm).join(' ');
      const seq = byKey.get(key);
      if (seq) seq.versions.push(version);
      else byKey.set(key, { tokens, versions: [version] });
    }
    return [...byKey.values()];
  };

  // 1. Identical spans once; each span's formula stretch found against the medoid.
  const spans = dedupe(versions.map((v, version) => ({ tokens: v.tokens, version })));
  const ranges = new Map<number, [number, number]>();
  if (spans.length > 0) {
    formulaStretches(spans, medoidOf(spans)).forEach((r, i) => spans[i]!.versions.forEach((v) => ranges.set(v, r)));
  }

  // 2. Identical stretches once, aligned the medoid's first, then by likeness to it.
  const cores = dedupe(versions.map((v, version) => {
    const [from, to] = ranges.get(version) ?? [0, 0];
    return { tokens: v.tokens.slice(from, to), version };
  }));
  const ordered = cores.length > 0 ? guideOrder(cores).map((i) => cores[i]!) : [];
  const columnAlignment = alignIntoColumns(ordered.map((c) => ({ tokens: c.tokens, versions: c.versions.length })));
  ordered.forEach((seq, i) => {
    for (const v of seq.versions) {
      const [from] = ranges.get(v)!;
      const cols = new Array<number>(versions[v]!.tokens.length).fill(-1);
      columnAlignment.columns[i]!.forEach((c, k) => (cols[from + k] = c));
      versions[v]!.columns = cols;
    }
  });
  for (const v of versions) if (v.columns.length === 0) v.columns = new Array<number>(v.tokens.length).fill(-1);

  // 3. The core: first to last column most versions fill.
  const { support, functionOnly, columnCount } = columnAlignment;
  const counted = versions.filter((v) => v.tokens.length > 0).length;
  let coreStart = support.findIndex((s) => s > counted * CORE_SHARE);
  let coreEnd = support.length - [...support].reverse().findIndex((s) => s > counted * CORE_SHARE);
  if (coreStart === -1) (coreStart = 0), (coreEnd = columnCount);
  // Trimmed to begin and end on a content word most versions have, or on a word every version has
  // ("…judge the progress themselves"): a function word only some versions have there is context.
  const edge = (c: number) => (functionOnly[c] ? support[c]! >= counted : support[c]! > counted * CORE_SHARE);
  while (coreEnd - coreStart > 1 && !edge(coreStart)) coreStart++;
  while (coreEnd - coreStart > 1 && !edge(coreEnd - 1)) coreEnd--;
  // Past each end, the columns of versions that replaced the core's edge word ("im Stich lässt" for "zurücklässt").
  const fills = (v: AlignedVersion, c: number) => v.columns.includes(c);
  const replacing = (c: number, edgeColumn: number) => {
    const users = versions.filter((v) => fills(v, c));
    return users.length > 0 && users.every((v) => !fills(v, edgeColumn));
  };
  for (let k = 0, last = coreEnd - 1; k <= REPLACEMENT_SLACK && coreEnd < columnCount && replacing(coreEnd, last); k++) coreEnd++;
  for (let k = 0, first = coreStart; k <= REPLACEMENT_SLACK && coreStart > 0 && replacing(coreStart - 1, first); k++) coreStart--;

  // 4. Versions grouped by core wording.
  const wordings = groupWordings(versions, inputs, coreStart, coreEnd);
  return { versions, columnCount, support, core: { start: coreStart, end: coreEnd }, wordings, distinctSequences: cores.length };
}

/** The medoid's stretch first (it is the most like the others), then the rest by likeness to it, more used first on ties. */
function guideOrder(cores: Sequence[]): number[] {
  const first = medoidOf(cores);
  const like = cores.map((c, i) => (i === first ? Infinity : likeness(cores[first]!.tokens, c.tokens)));
  return cores.map((_, i) => i).sort((a, b) => like[b]! - like[a]! || cores[b]!.versions.length - cores[a]!.versions.length || a - b);
}

function groupWordings(versions: AlignedVersion[], inputs: readonly VersionInput[], coreStart: number, coreEnd: number): Wording[] {
  const groups = new Map<string, number[]>();
  versions.forEach((v, i) => {
    const core = v.tokens.filter((_, k) => v.columns[k]! >= coreStart && v.columns[k]! < coreEnd);
    if (core.length === 0) return;
    const key = core.map((t) => t.norm).join(' ');
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const coreText = (i: number) => {
    const v = versions[i]!;
    const ks = v.columns.flatMap((c, k) => (c >= coreStart && c < coreEnd ? [k] : []));
    return inputs[i]!.text.slice(v.tokens[ks[0]!]!.start, v.tokens[ks[ks.length - 1]!]!.end);
  };
  const wordings = [...groups].map(([key, members]): Wording => {
    // The most common spelling among its versions (case, punctuation), ties to the earliest.
    const spellings = new Map<string, { count: number; first: number }>();
    for (const i of members) {
      const t = coreText(i);
      const s = spellings.get(t);
      if (s) s.count++;
      else spellings.set(t, { count: 1, first: i });
    }
    let best: [string, { count: number; first: number }] | undefined;
    for (const e of spellings) if (!best || e[1].count > best[1].count) best = e;
    const representative = best![1].first;
    const rep = versions[representative]!;
    const cells = new Array<AlignToken | null>(coreEnd - coreStart).fill(null);
    rep.tokens.forEach((t, k) => {
      const c = rep.columns[k]!;
      if (c >= coreStart && c < coreEnd) cells[c - coreStart] = t;
    });
    return { cells, key, text: best![0], representative, versions: members };
  });
  wordings.sort((a, b) => b.versions.length - a.versions.length || a.versions[0]! - b.versions[0]!);
  wordings.forEach((w, i) => w.versions.forEach((v) => (versions[v]!.wording = i)));
  return wordings;
}
