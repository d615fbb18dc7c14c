/**
 * The IndexedDB transactions of the corpora database (corpora.ts queues and
 * retries them), each working on the object store it is given:
 *
 * - `loadCorpora`: every corpus record, purging the deleted ones with their
 *   documents and analyses.
 * - `writeGuarded`: one readwrite transaction whose request callbacks may
 *   write too; what they throw (a full disk) aborts it and is its error.
 * - `putDocumentsOnto`: documents added to a corpus's stored record, giving
 *   a document whose id another tab took meanwhile the next free id, and
 *   leaving out one that tab stored already (the same file imported in both).
 * - `readDocuments`, `readDocumentsById`: a corpus's stored documents.
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';
import {
  CURRENT_KEY,
  addDocuments,
  docKey,
  docPrefix,
  freeId,
  importedKey,
  infoKey,
  lastAnalysisKey,
  prefixRange,
  validDoc,
  validInfo,
  type CorpusInfo,
  type StoredDoc,
} from './corpora-records.ts';
import { sameDocument } from '../corpus/same-document.ts';

/** Wraps a request callback so that what it throws aborts the transaction (and becomes its error). */
export type Guard = (callback: () => void) => () => void;

/**
 * Reads every corpus record and, in the same readwrite transaction, purges
 * the deleted ones (with their documents); the caller awaits the commit.
 */
export async function loadCorpora(os: IDBObjectStore): Promise<{ infos: CorpusInfo[]; current: string | null; ignored: number }> {
  const keys = (await promisifyRequest(os.getAllKeys(prefixRange('c/')))) as string[];
  const values = await promisifyRequest(os.getAll(prefixRange('c/')));
  const current = await promisifyRequest(os.get(CURRENT_KEY));
  const infos: CorpusInfo[] = [];
  let ignored = 0;
  keys.forEach((k, i) => {
    const info = validInfo(values[i]);
    if (!info || infoKey(info.key) !== k) {
      ignored++;
      return;
    }
    if (info.deleted) {
      os.delete(k);
      os.delete(lastAnalysisKey(info.key));
      os.delete(importedKey(info.key));
      os.delete(prefixRange(docPrefix(info.key)));
    } else infos.push(info);
  });
  return { infos, current: typeof current === 'string' && infos.some((i) => i.key === current) ? current : null, ignored };
}

/** Runs `body` in one readwrite transaction; resolves when it commits, rejects with what aborted it. */
export function writeGuarded(useStore: UseStore, body: (os: IDBObjectStore, guard: Guard) => void): Promise<void> {
  return useStore('readwrite', (os) => {
    let thrown: { error: unknown } | null = null;
    const guard: Guard = (callback) => () => {
      try {
        callback();
      } catch (error) {
        thrown = { error };
        os.transaction.abort();
      }
    };
    guard(() => body(os, guard))();
    return promisifyRequest(os.transaction).catch((e: unknown) => {
      throw thrown ? (thrown as { error: unknown }).error : e;
    });
  });
}

/** This tab's side of a corpus: its record, its documents, the ids it knew before this change, and the ids of documents another tab had stored already. */
export interface HeldCorpus {
  info: CorpusInfo;
  held: Map<string, StoredDoc>;
  known: ReadonlySet<string>;
  already: Set<string>;
}

/**
 * Puts `docs` in corpus `key` and adds them to `base`, the stored record,
 * then hands it to `done`. A stored document under an id this tab did not
 * know is another tab's: the same document (corpus/same-document.ts) is
 * left out (its id in `mine.already`), another one takes the next free id
 * (in `mine` too).
 */
export function putDocumentsOnto(os: IDBObjectStore, guard: Guard, key: string, docs: StoredDoc[], base: CorpusInfo, mine: HeldCorpus, done: (next: CorpusInfo) => void): void {
  const { info, held, known, already } = mine;
  const before = docs.map((d) => os.get(docKey(key, d.doc.meta.id)));
  // Requests on one store complete in order: the last one's success sees them all.
  before[before.length - 1]!.onsuccess = guard(() => {
    const storedBytes = new Map<string, number>();
    const taken = new Set([...base.docIds, ...info.docIds, ...held.keys()]);
    already.clear(); // a retried transaction reads again
    docs.forEach((d, i) => {
      const id = d.doc.meta.id;
      const there = validDoc(before[i]!.result);
      if (there && !known.has(id) && sameDocument(there.doc, d.doc)) {
        held.set(id, there);
        already.add(id);
      } else if (there && !known.has(id)) {
        const free = freeId(id, taken);
        taken.add(free);
        held.set(id, there);
        d.doc.meta.id = free;
        held.set(free, d);
        info.docIds.push(free);
      } else if (there) storedBytes.set(id, there.bytes);
    });
    const added = docs.filter((d) => !already.has(d.doc.meta.id));
    addDocuments(base, added, (id) => storedBytes.get(id));
    base.deleted = false;
    base.updatedAt = info.updatedAt;
    for (const d of added) os.put(d, docKey(key, d.doc.meta.id));
    done(base);
  });
}

/** Every stored document of corpus `key`, and how many stored values were not documents. */
export async function readDocuments(os: IDBObjectStore, key: string): Promise<{ docs: StoredDoc[]; ignored: number }> {
  const values = await promisifyRequest(os.getAll(prefixRange(docPrefix(key))));
  const docs: StoredDoc[] = [];
  let ignored = 0;
  for (const v of values) {
    const d = validDoc(v);
    if (d) docs.push(d);
    else ignored++;
  }
  return { docs, ignored };
}

/** The stored documents of corpus `key` with these ids (those found). */
export async function readDocumentsById(os: IDBObjectStore, key: string, ids: readonly string[]): Promise<StoredDoc[]> {
  const values = await Promise.all(ids.map((id) => promisifyRequest(os.get(docKey(key, id)))));
  return values.flatMap((v) => validDoc(v) ?? []);
}
