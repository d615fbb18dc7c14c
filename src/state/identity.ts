/**
 * Which texts notes were written on: a corpus's identity by content.
 *
 * A document's identity is its id and a hash of its cleaned text
 * (`DocIdentity`); a corpus's identity is the set of its documents'
 * identities. Notes, highlights, reading positions and comparisons all point
 * at documents by id, so this is what they follow:
 *
 * - Stored state is keyed by a corpus id: for the bundled corpus and a
 *   teacher's edition, `corpusHash` over ids and texts (the same texts in a
 *   corrected file find the same notes); for a corpus of the user's own, its
 *   storage key, since that corpus grows with every import and its notes must
 *   stay with it.
 * - An exported notes file lists the identities of the corpus's documents.
 *   Importing it matches them to the open corpus's documents by content, not
 *   by that key: the same id and text; else the same text under another id
 *   (the notes move to it); else the same id with a changed text (the notes
 *   stay with it, and highlights are placed again by their quote and its
 *   context, or listed as not placed). Notes on documents found neither way
 *   are kept too: they appear when such a document is added.
 * - The file is refused only when none of its documents is in the corpus.
 *
 * A teacher's corrected edition (issue #15) can carry a student's notes the
 * same way when its texts changed: `matchDocuments` between the two corpora,
 * then `moveRecord` for each record.
 */
import { corpusHash } from '../corpus/corpus-hash.ts';
import type { CorpusDocument } from '../corpus/types.ts';
import { pairTarget, comparisonView, type StateRecord } from './records.ts';
import { formatHash } from './url.ts';

export interface DocIdentity {
  id: string;
  /** A hash of the document's cleaned text (`textHash`). */
  hash: string;
}

/** What identities are made of: the document's id and its cleaned text. */
export type DocText = { meta: { id: string }; text: string };

/** A hash of one text: `corpusHash` of a document with no id (it reads only `meta.id` and `text`). */
export function textHash(text: string): string {
  return corpusHash([{ meta: { id: '' }, text } as CorpusDocument]);
}

export function documentIdentities(docs: readonly DocText[]): DocIdentity[] {
  return docs.map((d) => ({ id: d.meta.id, hash: textHash(d.text) }));
}

export interface DocumentMatch {
  /** Each matched document of the file, by its id there, to its id here. */
  ids: Map<string, string>;
  /** Matched by text (the same id, or another: `moved`). */
  byText: number;
  /** Of those, found under another id. */
  moved: number;
  /** Matched by id alone: the text changed. */
  byId: number;
}

/** Matches the documents a file lists (`from`) to those of a corpus (`here`); see the top. */
export function matchDocuments(from: readonly DocIdentity[], here: readonly DocIdentity[]): DocumentMatch {
  const hereIds = new Map(here.map((d) => [d.id, d.hash]));
  const byText = new Map<string, string[]>();
  for (const d of here) {
    const ids = byText.get(d.hash);
    if (ids) ids.push(d.id);
    else byText.set(d.hash, [d.id]);
  }
  const taken = new Set<string>();
  const match: DocumentMatch = { ids: new Map(), byText: 0, moved: 0, byId: 0 };
  const take = (fromId: string, toId: string) => {
    match.ids.set(fromId, toId);
    taken.add(toId);
  };
  // Exact matches first, so a moved text never takes a document that is exactly there.
  for (const d of from) {
    if (hereIds.get(d.id) === d.hash) {
      take(d.id, d.id);
      match.byText++;
    }
  }
  for (const d of from) {
    if (match.ids.has(d.id)) continue;
    const other = byText.get(d.hash)?.find((id) => !taken.has(id));
    if (other !== undefined) {
      take(d.id, other);
      match.byText++;
      match.moved++;
    } else if (hereIds.has(d.id) && !taken.has(d.id)) {
      take(d.id, d.id);
      match.byId++;
    }
  }
  return match;
}

/** The document ids a record points at. */
export function documentsOf(r: StateRecord): string[] {
  switch (r.kind) {
    case 'doc':
    case 'highlight':
      return [r.docId];
    case 'note':
      return r.target.type === 'highlight' ? [r.target.docId] : r.target.type === 'pair' ? [r.target.a, r.target.b] : [];
    case 'comparison':
      return [r.a, r.b];
    case 'last-view':
      return [];
  }
}

/** The record pointing at the documents `ids` maps its documents to (others unchanged). */
export function moveRecord(r: StateRecord, ids: ReadonlyMap<string, string>): StateRecord {
  const to = (id: string) => ids.get(id) ?? id;
  if (!documentsOf(r).some((id) => to(id) !== id)) return r;
  switch (r.kind) {
    case 'doc':
    case 'highlight':
      return { ...r, docId: to(r.docId) };
    case 'note':
      if (r.target.type === 'highlight') return { ...r, target: { ...r.target, docId: to(r.target.docId) } };
      if (r.target.type === 'pair') return { ...r, target: pairTarget(to(r.target.a), to(r.target.b)) };
      return r;
    case 'comparison': {
      const view = r.route === null ? null : comparisonView(r.route, r.a, r.b);
      const route = view ? formatHash({ ...view, a: to(view.a), b: to(view.b) }) : null;
      return { ...r, a: to(r.a), b: to(r.b), route };
    }
    case 'last-view':
      return r;
  }
}
