/**
 * What the versions of each formula swap, drop and add, read off the
 * formulas' multi-witness alignments (not off pairwise passage alignments,
 * whose context words made most of the old ledger's noise: "a ↔ of ×24").
 *
 * Two wordings of one formula differ in runs: stretches of the core between
 * words they share. A run with words on both sides is a swap ("future ↔
 * destiny", or a phrase-level "with a ↔ of"); with words on one side only, a
 * drop. Runs that only inflect a word ("build ↔ building": one stem, and a
 * stem with a vowel, so "https ↔ http" is a swap, not a plural) or rewrite a long
 * stretch (more than MAX_SWAP_WORDS on a side) are not swaps. Each wording is
 * compared with the formula's most used wordings (REFERENCE_WORDINGS), so the
 * cost stays linear in the wordings.
 *
 * The corpus-wide ledger counts, for each swap, the versions that use each
 * side (with their outlets and years) and the formulas it occurs in; it is
 * ranked by the less used side's versions, so a swap many versions make on
 * both sides comes first.
 */
import { yearOf } from '../corpus/metadata.ts';
import type { DocDate } from '../corpus/types.ts';
import { joinWords } from './formula-tokens.ts';
import type { AlignToken, MultiAlignment, Wording } from './multi-align.ts';

/** A stretch where two wordings differ: `a`'s words and `b`'s words there, and the column-by-column pairs. */
export interface Difference {
  a: AlignToken[];
  b: AlignToken[];
  pairs: [AlignToken | null, AlignToken | null][];
}

/** Longest side of a swap, in words; longer runs are rewrites, not swaps. */
export const MAX_SWAP_WORDS = 4;
/** Each wording is compared with this many of its formula's most used wordings. */
export const REFERENCE_WORDINGS = 5;
export const LEDGER_MAX_EXAMPLES = 5;

const key = (tokens: AlignToken[]) => tokens.map((t) => t.norm).join(' ');

/** The runs where `a` and `b` differ, over the core's columns; columns neither fills are passed over. */
export function differences(a: Wording, b: Wording): Difference[] {
  const out: Difference[] = [];
  let run: Difference | null = null;
  a.cells.forEach((x, c) => {
    const y = b.cells[c] ?? null;
    if (!x && !y) return;
    if (x && y && x.norm === y.norm) {
      if (run) out.push(run);
      run = null;
      return;
    }
    run ??= { a: [], b: [], pairs: [] };
    if (x) run.a.push(x);
    if (y) run.b.push(y);
    run.pairs.push([x, y]);
  });
  if (run) out.push(run);
  return out;
}

/**
 * The swap inside a run that also drops a word at its edge: "safeguard the"
 * ↔ "protect" is the swap "safeguard ↔ protect" beside a dropped "the". Kept
 * whole when the words swapped are only function words ("with a ↔ of" is
 * one phrase-level swap) or when the drop is inside it.
 */
export function swapOf(d: Difference): Difference {
  const both = d.pairs.flatMap(([x, y], i) => (x && y ? [i] : []));
  if (both.length === 0 || both.length === d.pairs.length) return d;
  const [first, last] = [both[0]!, both[both.length - 1]!];
  if (last - first + 1 !== both.length) return d;
  const block = d.pairs.slice(first, last + 1);
  if (!block.some(([x, y]) => x!.content || y!.content)) return d;
  return { a: block.map(([x]) => x!), b: block.map(([, y]) => y!), pairs: block };
}

export type DifferenceKind = 'swap' | 'drop' | 'inflection' | 'rewrite';

/**
 * The stemmer is a matching key and strips an "s" from anything; a stem
 * with no vowel ("http" of "https", "pdf" of "pdfs") is no word's stem.
 */
const WORD_STEM = /[aeiouy]/;

/** Each word of `a` is `b`'s word there or another form of it (one stem, a word's). */
const formsOfOneWord = (a: AlignToken[], b: AlignToken[]) =>
  a.length === b.length && a.every((t, i) => t.norm === b[i]!.norm || (t.stem === b[i]!.stem && WORD_STEM.test(t.stem)));

export function kindOf(d: Difference): DifferenceKind {
  if (d.a.length === 0 || d.b.length === 0) return 'drop';
  if (formsOfOneWord(d.a, d.b)) return 'inflection';
  if (d.a.length > MAX_SWAP_WORDS || d.b.length > MAX_SWAP_WORDS) return 'rewrite';
  return 'swap';
}

export interface DocInfo {
  outlet: string | null;
  date: DocDate | null;
}

export interface LedgerSide {
  /** As written (the first example's spelling). */
  words: string;
  /** Matching forms, space-joined. */
  key: string;
  versions: number;
  outlets: string[];
  years: string[];
}

export interface LedgerExample {
  family: string;
  label: string;
  /** The two wordings of the formula, as written, side `a`'s first. */
  a: string;
  b: string;
}

export interface LedgerEntry {
  /** The more used side first. */
  a: LedgerSide;
  b: LedgerSide;
  /** A content word is swapped (not only function words, as in "with a ↔ of"). */
  content: boolean;
  /** Formulas it occurs in. */
  families: number;
  examples: LedgerExample[];
}

export interface LedgerFormula {
  id: string;
  label: string;
  alignment: MultiAlignment;
}

interface Tally {
  words: string;
  key: string;
  versions: Set<string>;
  outlets: Set<string>;
  years: Set<string>;
}

/** Every swap in every formula, ranked (see the module comment). */
export function formulaLedger(formulas: readonly LedgerFormula[], docs: ReadonlyMap<string, DocInfo>): LedgerEntry[] {
  const entries = new Map<string, { sides: [Tally, Tally]; content: boolean; families: Set<string>; examples: LedgerExample[]; seen: Set<string> }>();
  const tally = (t: Tally, f: LedgerFormula, versions: number[]) => {
    for (const v of versions) {
      const doc = f.alignment.versions[v]!.doc;
      t.versions.add(`${f.id}\u0000${v}`);
      const info = docs.get(doc);
      if (info?.outlet) t.outlets.add(info.outlet);
      const year = info ? yearOf(info.date) : null;
      if (year) t.years.add(year);
    }
  };
  for (const f of formulas) {
    const ws = f.alignment.wordings;
    const refs = Math.min(REFERENCE_WORDINGS, ws.length);
    for (let r = 0; r < refs; r++) {
      for (let o = r + 1; o < ws.length; o++) {
        for (const run of differences(ws[r]!, ws[o]!)) {
          const d = swapOf(run);
          if (kindOf(d) !== 'swap') continue;
          const [x, y] = [key(d.a), key(d.b)];
          const id = x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
          let e = entries.get(id);
          if (!e) {
            const side = (tokens: AlignToken[]): Tally => ({ words: joinWords(tokens), key: key(tokens), versions: new Set(), outlets: new Set(), years: new Set() });
            e = { sides: x < y ? [side(d.a), side(d.b)] : [side(d.b), side(d.a)], content: [...d.a, ...d.b].some((t) => t.content), families: new Set(), examples: [], seen: new Set() };
            entries.set(id, e);
          }
          const [sa, sb] = e.sides[0].key === x ? [e.sides[0], e.sides[1]] : [e.sides[1], e.sides[0]];
          tally(sa, f, ws[r]!.versions);
          tally(sb, f, ws[o]!.versions);
          e.families.add(f.id);
          if (e.examples.length < LEDGER_MAX_EXAMPLES && !e.seen.has(f.id)) {
            e.seen.add(f.id);
            e.examples.push({ family: f.id, label: f.label, a: e.sides[0] === sa ? ws[r]!.text : ws[o]!.text, b: e.sides[0] === sa ? ws[o]!.text : ws[r]!.text });
          }
        }
      }
    }
  }
  const side = (t: Tally): LedgerSide => ({ words: t.words, key: t.key, versions: t.versions.size, outlets: [...t.outlets].sort(), years: [...t.years].sort() });
  return [...entries.values()]
    .map(({ sides, content, families, examples }): LedgerEntry => {
      const [a, b] = sides[0].versions.size >= sides[1].versions.size ? [sides[0], sides[1]] : [sides[1], sides[0]];
      const swapped = a !== sides[0];
      return { a: side(a), b: side(b), content, families: families.size, examples: swapped ? examples.map((x) => ({ ...x, a: x.b, b: x.a })) : examples };
    })
    .sort((x, y) => y.b.versions - x.b.versions || y.families - x.families || y.a.versions - x.a.versions || x.a.key.localeCompare(y.a.key) || x.b.key.localeCompare(y.b.key));
}

/** One way a wording departs from the base wording of its formula. */
export interface FormulaChange {
  /** 'moved': words one wording leaves out where the other has them, which it has in another place (a transposition). */
  kind: 'swap' | 'drop' | 'add' | 'moved' | 'inflection' | 'rewrite';
  /** The base's words and the other wording's words, as written (for 'moved', the words moved, in `base` when the base has them in the core, else in `other`). */
  base: string;
  other: string;
  /** Versions that make this change, and the wordings they use. */
  versions: number[];
  wordings: number[];
}

/**
 * What the other wordings of one formula swap, drop, add and move against
 * `base`, most versions first. A drop (or an addition) is a move when the
 * other side has each of its content words elsewhere, in its version's
 * words that stand for none of its counterpart's (outside the core, or
 * where the two differ): the column alignment keeps order, so a clause
 * that changed place is left out in one place and stands in another.
 */
export function changesAgainst(alignment: MultiAlignment, base: number): FormulaChange[] {
  const b = alignment.wordings[base];
  if (!b) return [];
  const changes = new Map<string, FormulaChange>();
  alignment.wordings.forEach((w, i) => {
    if (i === base) return;
    for (const d of differences(b, w)) {
      const k = kindOf(d);
      let kind: FormulaChange['kind'] = k === 'drop' ? (d.b.length === 0 ? 'drop' : 'add') : k;
      if (kind === 'drop' && standsElsewhere(d.a, alignment, w, b)) kind = 'moved';
      else if (kind === 'add' && standsElsewhere(d.b, alignment, b, w)) kind = 'moved';
      const words = kind === 'moved' ? (d.a.length ? d.a : d.b) : null;
      const id = words ? `moved\u0000${key(words)}` : `${kind}\u0000${key(d.a)}\u0000${key(d.b)}`;
      let c = changes.get(id);
      if (!c) changes.set(id, (c = { kind, base: words ? (d.a.length ? joinWords(d.a) : '') : joinWords(d.a), other: words ? (d.a.length ? '' : joinWords(d.b)) : joinWords(d.b), versions: [], wordings: [] }));
      // A move is seen from both sides (left out here, added there): one change for the wording.
      if (c.wordings.includes(i)) continue;
      for (const v of w.versions) c.versions.push(v);
      c.wordings.push(i);
    }
  });
  return [...changes.values()].sort((x, y) => y.versions.length - x.versions.length || x.base.localeCompare(y.base) || x.other.localeCompare(y.other));
}

/**
 * The content words of `words` (at least one) stand together, by stem and
 * in any order, among the words of `w`'s representative version that no
 * word of `other` matches in its column (its context around the core, and
 * the core words where the two wordings differ): within a run of such
 * words at most two longer than `words`.
 */
function standsElsewhere(words: readonly AlignToken[], alignment: MultiAlignment, w: Wording, other: Wording): boolean {
  const content = words.filter((t) => t.content);
  if (content.length === 0) return false;
  const rep = alignment.versions[w.representative]!;
  const { start, end } = alignment.core;
  const free = rep.tokens.map((t, k) => {
    const c = rep.columns[k]!;
    const o = c >= start && c < end ? other.cells[c - start] : null;
    return !(o && o.norm === t.norm);
  });
  const width = words.length + 2;
  for (let from = 0; from < rep.tokens.length; from++) {
    const need = new Map<string, number>();
    for (const t of content) need.set(t.stem, (need.get(t.stem) ?? 0) + 1);
    let missing = content.length;
    for (let k = from; k < rep.tokens.length && k < from + width && free[k]; k++) {
      const n = need.get(rep.tokens[k]!.stem) ?? 0;
      if (n === 0) continue;
      need.set(rep.tokens[k]!.stem, n - 1);
      if (--missing === 0) return true;
    }
  }
  return false;
}
