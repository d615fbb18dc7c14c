/**
 * The Original view's legend: what the cleaner removed or repaired in one
 * document, grouped by kind (its rule's name; for text a web page's reader
 * left out, the reason, which says what it was: "outside the article:
 * navigation"), in order of first appearance, with how many of each.
 */
import { CLEANING_RULES } from '../../corpus/clean.ts';
import { LEFT_OUT_RULE } from '../../corpus/clean/left-out.ts';
import type { Edit } from '../../corpus/types.ts';

export interface EditGroup {
  /** What a reader calls it: "site furniture", "outside the article: footer". */
  label: string;
  /** Repairs put something in place of what they take out; removals leave nothing. */
  repair: boolean;
  count: number;
}

const NAMES = new Map(CLEANING_RULES.map((r) => [r.id, r.name]));

/** `edits`' groups, removals and repairs apart. */
export function editGroups(edits: readonly Edit[]): EditGroup[] {
  const groups = new Map<string, EditGroup>();
  for (const e of edits) {
    const repair = e.replacement !== '';
    const label = e.rule === LEFT_OUT_RULE ? e.reason : (NAMES.get(e.rule) ?? e.rule);
    const key = `${repair ? 'r' : 'd'}\u0000${label}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { label, repair, count: 1 });
  }
  return [...groups.values()];
}
