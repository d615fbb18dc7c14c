/**
 * A reading set's files, one after another: a student's own notes follow
 * the teacher's corrected file even when its texts changed.
 *
 * Every file made from the same corpus of the teacher's carries the same
 * `series` (edition.series). A student's notes are stored under the corpus's
 * content id, so a file with the same texts finds them by itself; when a text
 * changed, or one was added, the content id is another. This browser remembers,
 * per series, the corpus id it last opened and its documents' identities
 * (id and text hash, state/identity.ts). Opening a file of the series with
 * another corpus id matches the two sets of documents by content (the same
 * text under any id, else the same id with a changed text) and copies the
 * notes, highlights, reading positions and comparisons across, onto the
 * matched documents. Nothing is overwritten and nothing is deleted: a record
 * the student already has in the new corpus stays as it is, and the earlier
 * corpus keeps its own (opening the earlier file again brings back whatever
 * was written since, the same way).
 *
 * What does not follow: records on a document the new file no longer has
 * (they stay with the earlier corpus), and notes on a formula whose passages
 * moved (a formula's id comes from where its passages are).
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Corpus } from '../corpus/types.ts';
import { documentIdentities, documentsOf, matchDocuments, moveRecord, type DocIdentity } from '../state/identity.ts';
import { recordPath, type StateRecord } from '../state/records.ts';
import type { ReadingStore } from '../state/store.ts';

export interface SeriesEntry {
  /** The corpus (content id) this browser last opened in the series. */
  corpusId: string;
  documents: DocIdentity[];
}

/** Where this browser keeps, per series, the corpus it last opened. */
export interface SeriesIndex {
  get(series: string): Promise<SeriesEntry | undefined>;
  set(series: string, entry: SeriesEntry): Promise<void>;
}

/** The index in IndexedDB, in a database of its own (under file:// every local file shares IndexedDB). */
export function idbSeriesIndex(store: UseStore = createStore('refrain-editions', 'series')): SeriesIndex {
  return {
    get: (series) => get<SeriesEntry>(series, store),
    set: (series, entry) => set(series, entry, store),
  };
}

export interface Carried {
  /** Highlights, notes and saved comparisons copied into the open corpus. */
  records: number;
  /** Of the documents they are on, those whose text changed (highlights are placed again by their quote). */
  changedTexts: number;
}

/** The kinds of record that are the student's own work. */
const CARRIED = new Set<StateRecord['kind']>(['highlight', 'note', 'comparison', 'doc']);

/**
 * The records of the earlier corpus (`earlier`, with its documents) as they
 * belong in `target`'s corpus (`here`): moved onto the matched documents, left
 * out when one of their documents is not matched or `target` has that record.
 */
export function recordsToCarry(earlier: { documents: readonly DocIdentity[]; records: readonly StateRecord[] }, here: readonly DocIdentity[], has: (path: string) => boolean): { records: StateRecord[]; changedTexts: number } {
  const match = matchDocuments(earlier.documents, here);
  const hashes = new Map(here.map((d) => [d.id, d.hash]));
  const before = new Map(earlier.documents.map((d) => [d.id, d.hash]));
  const records: StateRecord[] = [];
  const changed = new Set<string>();
  for (const r of earlier.records) {
    if (r.deleted || !CARRIED.has(r.kind)) continue;
    const docs = documentsOf(r);
    if (!docs.every((id) => match.ids.has(id))) continue;
    const moved = moveRecord(r, match.ids);
    if (has(recordPath(moved))) continue;
    records.push(moved);
    for (const id of docs) if (before.get(id) !== hashes.get(match.ids.get(id)!)) changed.add(match.ids.get(id)!);
  }
  return { records, changedTexts: changed.size };
}

export interface CarryInput {
  series: string;
  corpus: Corpus;
  /** The open corpus's reading store. */
  target: ReadingStore;
  index: SeriesIndex;
  /** Opens the reading store of another corpus (closed after reading). */
  open(corpusId: string): Promise<ReadingStore>;
}

/** How long opening waits for the carrying: IndexedDB can hang (a blocked upgrade), and the app must open regardless. */
export const CARRY_TIMEOUT_MS = 3000;

/**
 * Brings the student's records from the series' earlier corpus into the open
 * one, then remembers the open one as the series' latest. Null when there was
 * nothing to bring; never throws (without storage, nothing follows), and
 * gives up waiting after `timeoutMs`.
 */
export function carryNotes(input: CarryInput, timeoutMs = CARRY_TIMEOUT_MS): Promise<Carried | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  return Promise.race([carry(input), late]).finally(() => clearTimeout(timer));
}

async function carry({ series, corpus, target, index, open }: CarryInput): Promise<Carried | null> {
  try {
    const here = documentIdentities(corpus.documents);
    const entry = await index.get(series);
    let carried: Carried | null = null;
    if (entry && entry.corpusId !== corpus.id) {
      const earlier = await open(entry.corpusId);
      try {
        const { records, changedTexts } = recordsToCarry({ documents: entry.documents, records: earlier.allRecords() }, here, (path) => target.getRecord(path) !== undefined);
        // Not written (storage read-only): the series still points at the earlier corpus, to try again next time.
        if (records.length && (await target.commitBatch(records)) !== null) return null;
        const work = records.filter((r) => r.kind !== 'doc').length; // reading positions come too, unannounced
        if (work) carried = { records: work, changedTexts };
      } finally {
        await earlier.close();
      }
    }
    await index.set(series, { corpusId: corpus.id, documents: here });
    return carried;
  } catch {
    return null;
  }
}
