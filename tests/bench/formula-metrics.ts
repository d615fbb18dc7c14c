/**
 * Formula metrics: how far a reuse result's families are what a reader calls
 * formulas. Pure functions over the result, the documents and the known
 * recurring text (planted passages, slogans, frames, footers, stock phrases;
 * chance sentences as negatives).
 *
 * - Member assignment: each family member is assigned the truth span it
 *   matches best by Jaccard (shared characters / characters in either), so
 *   a member that is the slogan inside a frame goes to the slogan, and a
 *   member that is the whole frame goes to the frame; no overlap: "none".
 * - Purity: a family's largest share of members assigned to one formula,
 *   averaged over families weighted by member count ("none" never counts
 *   as the majority).
 * - Fragmentation: families per formula, over the formulas that have at
 *   least one family (a family belongs to the formula most of its members
 *   are assigned to). 1 is ideal; fragments and neighbours raise it. A
 *   family that `contains` another family of the same formula, with longer
 *   members, is a frame around it (linked, as the issue asks), counted
 *   apart (`frames`), not as a fragment. Only planted formulas count
 *   (not the base corpus's stock phrases, `neutralKinds`: generic stock
 *   phrasing was never planted as a formula; their families are counted in
 *   `neutralFamilies`).
 * - Label verbatim: share of families whose label stands, as it is (case,
 *   punctuation; runs of white space read as one space), in the text of one
 *   of its members.
 * - Held: a formula's occurrence is held by a family when a member matches
 *   it with Jaccard ≥ `HELD_JACCARD` (a member that is the slogan with a
 *   word or two of context still holds it; a frame that contains it does
 *   not). A formula's best family is the one holding most occurrences.
 * - Precision: a passage is right when its two sides overlap two spans of
 *   the same recurring text (any kind but chance): it found text that
 *   recurs, not a chance resemblance. `chancePassages` counts the wrong
 *   ones with a side on a chance sentence.
 */
import { evaluate, type Rate } from './evaluate.ts';
import type { FamilyLike, ReuseInput, ReuseResultLike, Span, TruthGroup } from './types.ts';

/** A member holds an occurrence when they match at least this well (Jaccard). */
export const HELD_JACCARD = 0.5;

/** Recurring text with a kind; `chance` groups are negatives. */
export interface KnownGroup extends TruthGroup {
  kind?: string;
  outlet?: string;
}

/** The family fields these metrics read beyond FamilyLike's. */
export interface FormulaFamilyLike extends FamilyLike {
  label: string;
  boilerplate?: boolean;
  contains?: string[];
}

export interface HeldFormula {
  id: string;
  occurrences: number;
  /** Occurrences held by the best family. */
  held: number;
  /** held / occurrences. */
  share: number;
  /** Families holding at least one occurrence. */
  families: number;
  bestFamily: string | null;
  bestLabel: string | null;
  boilerplate: boolean;
}

export interface FormulaEvaluation {
  precision: Rate;
  /** Wrong passages with a side on a chance sentence. */
  chancePassages: number;
  families: number;
  purity: number;
  /** Formulas with at least one family, families belonging to them, and families / formulas. */
  fragmentation: { formulas: number; families: number; ratio: number; frames: number };
  labelVerbatim: Rate;
  /** Families whose members mostly match no known recurring text (or chance sentences). */
  strayFamilies: number;
  /** Families of neutral kinds (stock phrases): neither formulas nor stray. */
  neutralFamilies: number;
  held: Record<string, HeldFormula>;
  /** Families marked boilerplate that belong to a formula of a kind that is not boilerplate. */
  falseBoilerplate: number;
  /** Families marked boilerplate. */
  boilerplateFamilies: number;
}

function jaccard(a: Span, b: Span): number {
  if (a.doc !== b.doc) return 0;
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

interface Located { group: number; index: number; span: Span }

class SpanLookup {
  private readonly byDoc = new Map<string, Located[]>();
  constructor(groups: readonly TruthGroup[]) {
    groups.forEach((g, group) =>
      g.spans.forEach((span, index) => {
        let list = this.byDoc.get(span.doc);
        if (!list) this.byDoc.set(span.doc, (list = []));
        list.push({ group, index, span });
      }),
    );
  }
  /** The truth span matching `s` best by Jaccard, or null when none overlaps. */
  best(s: Span): Located | null {
    let best: Located | null = null, bestJ = 0;
    for (const l of this.byDoc.get(s.doc) ?? []) {
      const j = jaccard(l.span, s);
      if (j > bestJ) { bestJ = j; best = l; }
    }
    return best;
  }
  /** Truth spans matching `s` with Jaccard ≥ `min`. */
  matching(s: Span, min: number): Located[] {
    return (this.byDoc.get(s.doc) ?? []).filter((l) => jaccard(l.span, s) >= min);
  }
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The label stands verbatim in some member's text. */
export function labelIsVerbatim(f: FormulaFamilyLike, textOf: (doc: string) => string | undefined): boolean {
  const label = squash(f.label);
  if (!label) return false;
  return f.members.some((m) => squash(textOf(m.doc)?.slice(m.start, m.end) ?? '').includes(label));
}

export interface FormulaEvaluateOptions {
  /** Kinds whose formulas should be marked boilerplate (default ['footer']). */
  boilerplateKinds?: readonly string[];
  /** Kinds that are neither formulas nor boilerplate: never counted as false boilerplate (default ['stock']). */
  neutralKinds?: readonly string[];
}

export function evaluateFormulas(
  result: ReuseResultLike & { families?: FormulaFamilyLike[] },
  docs: readonly ReuseInput[],
  known: readonly KnownGroup[],
  options: FormulaEvaluateOptions = {},
): FormulaEvaluation {
  const boilerplateKinds = new Set(options.boilerplateKinds ?? ['footer']);
  const neutralKinds = new Set(options.neutralKinds ?? ['stock']);
  const families = result.families ?? [];
  const textById = new Map(docs.map((d) => [d.id, d.text]));
  const textOf = (doc: string): string | undefined => textById.get(doc);
  const isChance = (g: KnownGroup): boolean => g.kind === 'chance';

  // Precision: right when both sides lie on one recurring text (not chance).
  const recurring = known.filter((g) => !isChance(g));
  const p = evaluate({ passages: result.passages }, recurring);
  const chance = new SpanLookup(known.filter(isChance));
  const rightByPassage = new SpanLookup(recurring);
  let chancePassages = 0;
  for (const ps of result.passages) {
    const ga = new Set(rightByPassage.matching(ps.a, Number.MIN_VALUE).map((l) => l.group));
    const right = rightByPassage.matching(ps.b, Number.MIN_VALUE).some((l) => ga.has(l.group));
    if (!right && (chance.best(ps.a) || chance.best(ps.b))) chancePassages++;
  }

  // Families: member assignment, purity, fragmentation, labels.
  const lookup = new SpanLookup(known);
  let members = 0, pure = 0, verbatim = 0, stray = 0, falseBoilerplate = 0, boilerplateFamilies = 0;
  const formulaOf = new Map<string, number>();
  for (const f of families) {
    const counts = new Map<number, number>();
    for (const m of f.members) {
      const l = lookup.best(m);
      const g = l && !isChance(known[l.group]!) ? l.group : -1;
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    let top = -1, topN = 0;
    for (const [g, n] of counts) if (g >= 0 && (n > topN || (n === topN && g < top))) { top = g; topN = n; }
    members += f.members.length;
    pure += topN;
    if (top >= 0 && topN * 2 > f.members.length) formulaOf.set(f.id, top);
    else stray++;
    if (labelIsVerbatim(f, textOf)) verbatim++;
    if (f.boilerplate) {
      boilerplateFamilies++;
      const kind = top >= 0 ? known[top]!.kind ?? 'planted' : 'none';
      if (!boilerplateKinds.has(kind) && !neutralKinds.has(kind)) falseBoilerplate++;
    }
  }
  // Frames: families containing a family of the same formula, with longer members.
  const byId = new Map(families.map((f) => [f.id, f]));
  const meanLength = (f: FamilyLike): number => f.members.reduce((n, m) => n + m.end - m.start, 0) / Math.max(1, f.members.length);
  const familiesOf = new Map<number, number>();
  let frames = 0;
  let neutralFamilies = 0;
  for (const f of families) {
    const g = formulaOf.get(f.id);
    if (g === undefined) continue;
    if (neutralKinds.has(known[g]!.kind ?? '')) {
      neutralFamilies++;
      continue;
    }
    const frame = (f.contains ?? []).some((id) => {
      const inner = byId.get(id);
      return inner !== undefined && formulaOf.get(id) === g && meanLength(inner) < meanLength(f);
    });
    if (frame) frames++;
    else familiesOf.set(g, (familiesOf.get(g) ?? 0) + 1);
  }
  const fragFamilies = [...familiesOf.values()].reduce((a, b) => a + b, 0);

  // Held occurrences per formula (not chance).
  const held: Record<string, HeldFormula> = {};
  known.forEach((g) => {
    if (isChance(g) || g.spans.length === 0) return;
    const gl = new SpanLookup([g]);
    let best: FormulaFamilyLike | null = null, bestN = 0, holding = 0;
    for (const f of families) {
      const got = new Set<number>();
      for (const m of f.members) for (const l of gl.matching(m, HELD_JACCARD)) got.add(l.index);
      if (got.size > 0) holding++;
      if (got.size > bestN) { bestN = got.size; best = f; }
    }
    held[g.id] = {
      id: g.id,
      occurrences: g.spans.length,
      held: bestN,
      share: bestN / g.spans.length,
      families: holding,
      bestFamily: best?.id ?? null,
      bestLabel: best?.label ?? null,
      boilerplate: best?.boilerplate === true,
    };
  });

  return {
    precision: p.precision,
    chancePassages,
    families: families.length,
    purity: members ? pure / members : NaN,
    fragmentation: { formulas: familiesOf.size, families: fragFamilies, ratio: familiesOf.size ? fragFamilies / familiesOf.size : NaN, frames },
    labelVerbatim: { found: verbatim, total: families.length, rate: families.length ? verbatim / families.length : NaN },
    strayFamilies: stray,
    neutralFamilies,
    held,
    falseBoilerplate,
    boilerplateFamilies,
  };
}
