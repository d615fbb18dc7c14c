/**
 * One family as a collation table: every member in date order (undated
 * last), each diffed word by word against a chosen base (default: the
 * earliest), and which words all members share.
 */
import { compareDocDates } from '../corpus/metadata.ts';
import type { DocDate } from '../corpus/types.ts';
import type { Family, Span } from '../reuse/types.ts';
import { diffPassages, type DiffOptions, type WordDiff } from './word-diff.ts';

export interface CollationDoc {
  id: string;
  title: string | null;
  outlet: string | null;
  date: DocDate | null;
  text: string;
}

export interface CollationRow {
  member: Span;
  doc: CollationDoc;
  isBase: boolean;
  undated: boolean;
  /** This member's side of the diff against the base (`b` pieces); null for the base row itself. */
  diff: WordDiff | null;
}

export interface Collation {
  base: CollationRow;
  rows: CollationRow[];
  /** Members whose wording differs from the base in at least one word. */
  variantRows: number;
}

export function collate(family: Family, docs: ReadonlyMap<string, CollationDoc>, baseDocId?: string, options?: Partial<DiffOptions>): Collation {
  const members = family.members
    .map((member) => ({ member, doc: docs.get(member.doc) }))
    .filter((m): m is { member: Span; doc: CollationDoc } => m.doc !== undefined)
    .sort((x, y) => compareDocDates(x.doc.date, y.doc.date) || x.doc.id.localeCompare(y.doc.id) || x.member.start - y.member.start);
  if (members.length === 0) throw new Error(`collate: family ${family.id} has no member in the corpus`);
  const baseIndex = Math.max(0, baseDocId ? members.findIndex((m) => m.doc.id === baseDocId) : 0);
  const base = members[baseIndex]!;
  const rows = members.map(({ member, doc }, i): CollationRow => ({
    member,
    doc,
    isBase: i === baseIndex,
    undated: doc.date === null,
    diff: i === baseIndex ? null : diffPassages(base.doc.text, base.member, doc.text, member, options),
  }));
  const variantRows = rows.filter((r) => r.diff && (r.diff.tooDifferent || r.diff.changes.length > 0)).length;
  return { base: rows[baseIndex]!, rows, variantRows };
}
