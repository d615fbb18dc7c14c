/**
 * The document title for each view: it names the view and its subject
 * ("Compare: A ↔ B — Refrain"), so tabs, history and bookmarks can be told
 * apart; in a teacher's edition, the edition's title follows the view's
 * ("Formula: “…” — Week 3: rivers — Refrain"), so a student's tabs also say
 * which reading set they belong to.
 */
import type { View } from '../../state/url.ts';

export const APP_NAME = 'Refrain';
/** Longest subject kept whole; longer ones are cut at a word and end with "…". */
export const MAX_SUBJECT = 60;
/** Each side of a comparison gets half as much. */
const MAX_SIDE = MAX_SUBJECT / 2;

export interface TitleNames {
  corpus: string;
  /** A document's name (its headline, or outlet and date), undefined when not in the corpus. */
  doc(id: string): string | undefined;
  /** A formula's label, undefined until the analysis has it. */
  family(id: string): string | undefined;
  /** The title of the teacher's edition the corpus came in, if it came in one. */
  edition?: string;
}

/** Cuts `s` to at most `max` characters, at a space when one is near. */
export function clip(s: string, max = MAX_SUBJECT): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.5 ? cut.slice(0, space) : cut}…`;
}

const quote = (s: string) => `“${clip(s)}”`;

function subject(view: View, names: TitleNames): string | null {
  switch (view.name) {
    case 'home':
      return clip(names.corpus);
    case 'library':
      return `Library: ${clip(names.corpus)}`;
    case 'doc':
      return `${view.mode === 'original' ? 'Original' : 'Reader'}: ${clip(names.doc(view.id) ?? view.id)}`;
    case 'compare':
      return `Compare: ${clip(names.doc(view.a) ?? view.a, MAX_SIDE)} ↔ ${clip(names.doc(view.b) ?? view.b, MAX_SIDE)}`;
    case 'phrases':
      return 'Recurring phrases';
    case 'family': {
      const label = names.family(view.id);
      return label ? `Formula: ${quote(label)}` : 'Formula';
    }
    case 'search':
      return view.q.trim() ? `Search: ${quote(view.q)}` : 'Search';
    case 'kwic':
      return view.q.trim() ? `Concordance: ${quote(view.q)}` : 'Concordance';
    case 'trends':
      return view.terms.length ? `Trends: ${clip(view.terms.join(', '))}` : 'Trends';
    case 'notes':
      return 'Your notes';
    default:
      return null;
  }
}

export function pageTitle(view: View, names: TitleNames): string {
  const s = subject(view, names);
  const edition = names.edition?.trim() ? clip(names.edition) : null;
  // Not twice: an edition's corpus is named after it, and the library names the corpus.
  return [s, edition && !s?.includes(edition) ? edition : null, APP_NAME].filter(Boolean).join(' — ');
}
