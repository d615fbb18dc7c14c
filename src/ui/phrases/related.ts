/**
 * The formulas a family is linked to (a frame around a slogan contains the
 * slogan; the slogan is part of the frame), grouped as the Family view lists
 * them. A contained family of names ("Chinese President Xi Jinping") is
 * listed apart, as a name the formula mentions, not a formula it holds.
 */
import type { Family } from '../../reuse/types.ts';

type Linked = Pick<Family, 'contains' | 'partOf'>;
type Listed = Pick<Family, 'id' | 'label' | 'kind'>;

export interface RelatedGroup {
  /** How the view introduces the list. */
  title: string;
  families: Array<{ id: string; label: string }>;
}

/** The non-empty groups, in the order shown: part of, contains, names in it. A family not in `families` is listed by its id. */
export function relatedGroups(family: Linked, families: readonly Listed[]): RelatedGroup[] {
  const byId = new Map(families.map((f) => [f.id, f]));
  const pick = (ids: readonly string[], keep: (f: Listed | undefined) => boolean) =>
    ids.flatMap((id) => {
      const f = byId.get(id);
      return keep(f) ? [{ id, label: f?.label ?? id }] : [];
    });
  const names = (f: Listed | undefined) => f?.kind === 'names';
  return [
    { title: 'Part of a longer formula', families: pick(family.partOf, () => true) },
    { title: 'Contains the formula', families: pick(family.contains, (f) => !names(f)) },
    { title: 'Names in it', families: pick(family.contains, names) },
  ].filter((g) => g.families.length > 0);
}
