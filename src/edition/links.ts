/**
 * Links that work for the person receiving them. A copied link names the
 * corpus it points into (`cid`, its content hash, and `corpus`, its name),
 * so that a reader who lacks that corpus is told which one the link needs
 * rather than that a formula "does not exist". The router ignores both
 * parameters (url.ts reads only the ones it knows), so older links and
 * older apps are unaffected.
 */
import { formatDocDate } from '../corpus/metadata.ts';
import type { DocMeta } from '../corpus/types.ts';
import type { View } from '../state/url.ts';

export const CORPUS_ID_PARAM = 'cid';
export const CORPUS_NAME_PARAM = 'corpus';
/** A corpus name in a link is cut to this many characters. */
export const MAX_LINKED_NAME = 80;

/** `hash` (a `#/…` view) naming the corpus it points into. */
export function withCorpus(hash: string, corpus: { id: string; name: string }): string {
  const name = [...corpus.name].slice(0, MAX_LINKED_NAME).join('');
  const params = `${CORPUS_ID_PARAM}=${encodeURIComponent(corpus.id)}&${CORPUS_NAME_PARAM}=${encodeURIComponent(name)}`;
  return `${hash}${hash.includes('?') ? '&' : '?'}${params}`;
}

/** The corpus a `#/…` link names, if it names one. */
export function linkedCorpus(hash: string): { id: string; name: string } | null {
  const q = hash.indexOf('?');
  if (q < 0) return null;
  let id: string | null = null;
  let name: string | null = null;
  for (const pair of hash.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq);
    let value: string;
    try {
      value = decodeURIComponent(pair.slice(eq + 1));
    } catch {
      continue;
    }
    if (key === CORPUS_ID_PARAM && id === null) id = value.slice(0, 100);
    if (key === CORPUS_NAME_PARAM && name === null) name = [...value].slice(0, MAX_LINKED_NAME).join('');
  }
  return id !== null && id !== '' ? { id, name: name || 'a corpus without a name' } : null;
}

/** A page address without its fragment: what a `#/…` view part is pasted after. */
export function pageAddress(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

export interface ViewNames {
  doc(id: string): Pick<DocMeta, 'title' | 'outlet' | 'date'> | undefined;
  formula(id: string): string | undefined;
}

const quoted = (s: string) => `“${s.length > 80 ? `${s.slice(0, 79)}…` : s}”`;

/** A view as a sentence part: "the formula “…”", "the comparison of … with …". */
export function describeView(view: View, names: ViewNames): string {
  const doc = (id: string) => {
    const m = names.doc(id);
    return m ? `the document ${m.title ? quoted(m.title) : `from ${m.outlet ?? 'an unnamed outlet'}, ${formatDocDate(m.date)}`}` : 'a document not in this corpus';
  };
  switch (view.name) {
    case 'home':
      return 'the first screen';
    case 'library':
      return 'the library';
    case 'doc':
      return doc(view.id);
    case 'compare':
      return `the comparison of ${doc(view.a)} with ${doc(view.b)}`;
    case 'phrases':
      return 'the list of formulas';
    case 'family': {
      const label = names.formula(view.id);
      return label === undefined ? 'a formula' : `the formula ${quoted(label)}`;
    }
    case 'search':
      return view.q ? `the search for ${quoted(view.q)}` : 'the search page';
    case 'kwic':
      return view.q ? `the concordance of ${quoted(view.q)}` : 'the concordance';
    case 'trends':
      return view.terms.length ? `the trends of ${view.terms.map(quoted).join(', ')}` : 'the trends page';
    case 'notes':
      return 'the notes page';
  }
}
