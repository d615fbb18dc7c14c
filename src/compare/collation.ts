/**
 * One formula as a collation table grouped by wording: each distinct core
 * wording once ("×7 — People's Daily 2019, China Daily 2019 …"), its versions
 * in date order (undated last), and its words marked against a base wording
 * (default: the most used): the same, substituted (the base's words shown
 * struck beside the new ones), inserted, or dropped (the base's words shown
 * struck where they are missing). Words outside the formula's core are the
 * passage's context: shown with each version, never marked.
 */
import { compareDocDates } from '../corpus/metadata.ts';
import type { DocDate } from '../corpus/types.ts';
import type { AlignToken, MultiAlignment, Wording } from './multi-align.ts';

export interface CollationDoc {
  id: string;
  title: string | null;
  outlet: string | null;
  date: DocDate | null;
  text: string;
}

export type Mark = 'same' | 'sub' | 'ins' | 'del';

/** A stretch of a wording with one mark. */
export interface CollationPiece {
  mark: Mark;
  /** This wording's words, as written ('' for a drop). */
  text: string;
  /** The base's words here, as written ('' for 'same' and 'ins'). */
  base: string;
  /** What stands after it in the text (a space, a comma and a space…). */
  sep: string;
}

export interface CollationVersion {
  /** Index into the alignment's versions. */
  index: number;
  doc: CollationDoc;
  /** The member span, and the part of it that is the formula's core. */
  start: number;
  end: number;
  coreStart: number;
  coreEnd: number;
  undated: boolean;
}

export interface CollationGroup {
  /** Index into the alignment's wordings. */
  wording: number;
  text: string;
  pieces: CollationPiece[];
  /** In date order, undated last. */
  versions: CollationVersion[];
  isBase: boolean;
  /** Words substituted, inserted and dropped against the base (0 for the base). */
  changes: { sub: number; ins: number; del: number };
}

export interface Collation {
  /** Ordered by their earliest version (undated last), then by use. */
  groups: CollationGroup[];
  /** Index into the alignment's wordings. */
  base: number;
  /** Groups whose wording differs from the base. */
  variantGroups: number;
}

/** Text of tokens first..last as written (with what stands between them). */
const span = (text: string, tokens: AlignToken[]) => (tokens.length ? text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end) : '');

/**
 * The pieces of `row` against `base`, column by column over the core: runs of
 * equal words, and runs that differ, each run one piece.
 */
export function markAgainst(row: Wording, base: Wording, rowText: string, baseText: string): CollationPiece[] {
  const pieces: (CollationPiece & { rowTokens: AlignToken[] })[] = [];
  let run: { mark: Mark; row: AlignToken[]; base: AlignToken[] } | null = null;
  const flush = () => {
    if (!run) return;
    const mark: Mark = run.mark === 'same' ? 'same' : run.row.length === 0 ? 'del' : run.base.length === 0 ? 'ins' : 'sub';
    pieces.push({ mark, text: span(rowText, run.row), base: mark === 'same' ? '' : span(baseText, run.base), sep: ' ', rowTokens: run.row });
    run = null;
  };
  row.cells.forEach((r, c) => {
    const b = base.cells[c] ?? null;
    if (!r && !b) return;
    const same = r !== null && b !== null && r.norm === b.norm;
    const kind: Mark = same ? 'same' : 'sub';
    if (run && run.mark !== kind) flush();
    run ??= { mark: kind, row: [], base: [] };
    if (r) run.row.push(r);
    if (b) run.base.push(b);
  });
  flush();
  // Separators as they stand in this wording's text, between the words it has.
  for (let i = 0; i < pieces.length; i++) {
    const here = pieces[i]!.rowTokens;
    const next = pieces.slice(i + 1).find((p) => p.rowTokens.length > 0);
    if (here.length && next && next === pieces[i + 1]) pieces[i]!.sep = rowText.slice(here[here.length - 1]!.end, next.rowTokens[0]!.start);
  }
  pieces[pieces.length - 1]!.sep = '';
  return pieces.map(({ rowTokens: _, ...p }) => p);
}

export function collate(alignment: MultiAlignment, docs: ReadonlyMap<string, CollationDoc>, baseWording = 0): Collation {
  if (alignment.wordings.length === 0) throw new Error('collate: the alignment has no wording (no version has a word in the core)');
  const base = Math.min(Math.max(0, baseWording), alignment.wordings.length - 1);
  const textOf = (version: number) => docs.get(alignment.versions[version]!.doc)?.text ?? '';
  const baseWording_ = alignment.wordings[base]!;
  const groups = alignment.wordings.map((w, wi): CollationGroup => {
    const versions = w.versions
      .map((index): CollationVersion | null => {
        const v = alignment.versions[index]!;
        const doc = docs.get(v.doc);
        if (!doc) return null;
        const core = v.tokens.filter((_, k) => v.columns[k]! >= alignment.core.start && v.columns[k]! < alignment.core.end);
        return { index, doc, start: v.start, end: v.end, coreStart: core[0]!.start, coreEnd: core[core.length - 1]!.end, undated: doc.date === null };
      })
      .filter((v): v is CollationVersion => v !== null)
      .sort((a, b) => compareDocDates(a.doc.date, b.doc.date) || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0) || a.start - b.start);
    const pieces = markAgainst(w, baseWording_, textOf(w.representative), textOf(baseWording_.representative));
    const changes = { sub: 0, ins: 0, del: 0 };
    for (const p of pieces) if (p.mark !== 'same') changes[p.mark]++;
    return { wording: wi, text: w.text, pieces, versions, isBase: wi === base, changes };
  });
  const firstDate = (g: CollationGroup) => g.versions[0]?.doc.date ?? null;
  const ordered = groups
    .filter((g) => g.versions.length > 0)
    .sort((a, b) => compareDocDates(firstDate(a), firstDate(b)) || b.versions.length - a.versions.length || a.wording - b.wording);
  return { groups: ordered, base, variantGroups: ordered.filter((g) => g.pieces.some((p) => p.mark !== 'same')).length };
}

/** The wording of the first version in `docId`, for links that name a base by document. */
export function wordingOfDoc(alignment: MultiAlignment, docId: string | undefined): number | undefined {
  if (docId === undefined) return undefined;
  const v = alignment.versions.find((x) => x.doc === docId && x.wording >= 0);
  return v?.wording;
}
