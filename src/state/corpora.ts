/**
 * The user's own corpora in IndexedDB: each corpus's record, its documents,
 * and its analyses. Same rules as the reading-state store (store.ts):
 *
 * - Never lose data: everything is held in memory; without IndexedDB (or when
 *   it fails to open) the store runs in memory with a message for the banner.
 * - Nothing half-written: a batch of documents and the corpus record that
 *   lists them go in one readwrite transaction, so a reload finds either the
 *   whole batch or none of it. A failed write is retried once, then reported
 *   (status + the promise's outcome) and the data stays in memory.
 * - Documents storage refused (a full disk) are held as unsaved
 *   (unsaved-documents.ts), named in the status (the banner, with an export
 *   offer), and written again with the corpus's next change, every RETRY_MS,
 *   and on `retryUnsaved`. The stored record never lists a document that is
 *   not stored, so counts after a reload are true.
 * - Another tab may have changed a corpus record since this one read it:
 *   every change to a record is a compare-and-set in its transaction, applied
 *   to the stored record (documents are added to the stored list, never a
 *   stale list written over it; an id another tab took meanwhile gives this
 *   tab's document the next free one, unless that tab stored the same
 *   document, which is then not added twice, corpora-transactions.ts).
 * - Deleting marks the record deleted (undo clears the mark); deleted corpora
 *   are purged on the next open, in one transaction. Adding documents to a
 *   corpus another tab deleted restores it (its documents are never purged
 *   under a running import).
 * - Analyses (analysis-cache.ts): a cache of the engine's results, and the
 *   one another tool computed, kept with its corpus and used while the
 *   documents stay as they were imported.
 *
 * Its own database (CORPORA_DB_NAME), so reading state's versioning and
 * migrations are untouched; keys and record shapes: corpora-records.ts.
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';
import type { CachedAnalysis } from '../worker/protocol.ts';
import { putAnalysis, putAnalysisUsed, putImportedAnalysis, readAnalysis, readImportedAnalysis, readLastAnalysis, type ImportedAnalysis } from './analysis-cache.ts';
import { CURRENT_KEY, addDocuments, cleanName, docKey, infoKey, validInfo, type CorpusInfo, type StoredDoc } from './corpora-records.ts';
import { loadCorpora, putDocumentsOnto, readDocuments, readDocumentsById, writeGuarded, type Guard } from './corpora-transactions.ts';
import type { StateDb } from './idb.ts';
import { errorName, StorageLifecycle, type StorageStatus } from './lifecycle.ts';
import { UnsavedDocuments } from './unsaved-documents.ts';

export { MAX_CACHED_ANALYSES, type ImportedAnalysis } from './analysis-cache.ts';
export { MAX_NAME_LENGTH, cleanName, type CorpusInfo, type StoredDoc } from './corpora-records.ts';
export { RETRY_MS } from './unsaved-documents.ts';

export const CORPORA_DB_NAME = 'refrain-corpora';
export const CORPORA_STORE_NAME = 'corpora';
export const CORPORA_DB_VERSION = 1;

/** The same status as the reading state's (lifecycle.ts): `persistent`, and a sentence for the banner. */
export type CorporaStatus = StorageStatus;

export type SaveOutcome = 'saved' | 'memory' | 'failed';

export interface CorporaOptions {
  /** Default `globalThis.indexedDB`; null: memory only. */
  indexedDB?: IDBFactory | null;
  /** Replace the connection (tests inject failures here). */
  openDb?: () => StateDb;
  now?: () => number;
  newKey?: () => string;
  openTimeoutMs?: number;
  /** Default RETRY_MS. */
  retryMs?: number;
}

export class CorporaStore {
  readonly #life = new StorageLifecycle();
  #infos = new Map<string, CorpusInfo>();
  #docs = new Map<string, Map<string, StoredDoc>>();
  /** Imported analyses, kept here too when storage is unavailable. */
  #imported = new Map<string, ImportedAnalysis>();
  #current: string | null = null;
  #chain: Promise<unknown> = Promise.resolve();
  /** Documents storage has not taken (see the top). */
  readonly #unsaved: UnsavedDocuments;
  #lastError: unknown = null;
  /** Per corpus, how many record changes were queued: only the last adopts the stored record. */
  readonly #infoWrites = new Map<string, number>();
  readonly #now: () => number;
  readonly #newKey: () => string;
  /** Records that failed validation on open (left untouched). */
  ignoredRecords = 0;

  private constructor(opts: CorporaOptions) {
    this.#now = opts.now ?? Date.now;
    this.#unsaved = new UnsavedDocuments(opts.retryMs);
    this.#newKey = opts.newKey ?? (() => `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
  }

  /** Opens the store; never throws: problems end up in `status`. */
  static async open(opts: CorporaOptions = {}): Promise<CorporaStore> {
    const store = new CorporaStore(opts);
    const memory = (why: string) => `Imported texts cannot be saved in this browser (${why}): they last only until the tab is closed. Use Export to keep them.`;
    await store.#life.open({
      indexedDB: opts.indexedDB,
      openDb: opts.openDb,
      database: { name: CORPORA_DB_NAME, storeName: CORPORA_STORE_NAME, version: CORPORA_DB_VERSION },
      openTimeoutMs: opts.openTimeoutMs,
      messages: { unavailable: memory('IndexedDB is unavailable'), openFailed: memory, slow: memory('storage did not answer') },
      load: (useStore) => store.#load(useStore),
      adopt: () => undefined,
      afterDeadline: 'memory',
    });
    return store;
  }

  get status(): CorporaStatus {
    return this.#life.status;
  }

  onStatus(listener: (s: CorporaStatus) => void): () => void {
    return this.#life.onStatus(listener);
  }

  /** Reads every corpus record and purges the deleted ones (with their documents) in one transaction. */
  #load(useStore: UseStore): Promise<void> {
    return useStore('readwrite', async (os) => {
      const { infos, current, ignored } = await loadCorpora(os);
      for (const info of infos) this.#infos.set(info.key, info);
      this.#current = current;
      this.ignoredRecords += ignored;
      await promisifyRequest(os.transaction);
    });
  }

  /** One readwrite transaction, retried once; on failure the store keeps going in memory and says so. */
  #write(label: string, body: (os: IDBObjectStore, guard: Guard) => void): Promise<SaveOutcome> {
    const run = async (): Promise<SaveOutcome> => {
      const db = this.#life.db;
      if (!db) return 'memory';
      const result = await this.#life.retryOnce(() => writeGuarded(db.useStore, body));
      if (result.ok) return 'saved';
      this.#lastError = result.error;
      this.#life.setStatus({ message: this.#unsaved.message(result.error) ?? `Could not save ${label} (${errorName(result.error)}). It is kept in this tab; use Export to be safe.` });
      return 'failed';
    };
    const p = this.#chain.then(run, run);
    this.#chain = p;
    return p;
  }

  list(): CorpusInfo[] {
    return [...this.#infos.values()].filter((i) => !i.deleted).sort((a, b) => a.createdAt - b.createdAt);
  }

  info(key: string): CorpusInfo | undefined {
    const i = this.#infos.get(key);
    return i && { ...i, docIds: [...i.docIds] };
  }

  get current(): string | null {
    return this.#current;
  }

  setCurrent(key: string | null): Promise<SaveOutcome> {
    this.#current = key;
    return this.#write('the current corpus', (os) => (key === null ? os.delete(CURRENT_KEY) : os.put(key, CURRENT_KEY)));
  }

  async create(name: string): Promise<{ info: CorpusInfo; outcome: SaveOutcome }> {
    const now = this.#now();
    const info: CorpusInfo = { key: this.#newKey(), name: cleanName(name), createdAt: now, updatedAt: now, docIds: [], bytes: 0, deleted: false };
    this.#infos.set(info.key, info);
    this.#docs.set(info.key, new Map());
    const outcome = await this.#write(`the corpus “${info.name}”`, (os) => os.put(info, infoKey(info.key)));
    return { info: { ...info }, outcome };
  }

  /**
   * A new corpus with its documents and the analysis another tool computed
   * (`analysis.key`: the documents' cache key), in one transaction: a
   * reload finds all of it or none of it.
   */
  async createImported(name: string, docs: StoredDoc[], analysis: ImportedAnalysis): Promise<{ info: CorpusInfo; outcome: SaveOutcome }> {
    const now = this.#now();
    const info: CorpusInfo = {
      key: this.#newKey(),
      name: cleanName(name),
      createdAt: now,
      updatedAt: now,
      docIds: docs.map((d) => d.doc.meta.id),
      bytes: docs.reduce((n, d) => n + d.bytes, 0),
      deleted: false,
    };
    this.#infos.set(info.key, info);
    this.#docs.set(info.key, new Map(docs.map((d) => [d.doc.meta.id, d])));
    this.#imported.set(info.key, { ...analysis, bytes: analysis.bytes.slice(0) });
    const snapshot = { ...info, docIds: [...info.docIds] };
    const outcome = await this.#write(`the corpus “${info.name}”`, (os) => {
      os.put(snapshot, infoKey(info.key));
      for (const d of docs) os.put(d, docKey(info.key, d.doc.meta.id));
      putImportedAnalysis(os, info.key, analysis);
    });
    // Stored: the database holds it, so this tab need not hold a second copy.
    if (outcome === 'saved') this.#imported.delete(info.key);
    return { info: { ...info, docIds: [...info.docIds] }, outcome };
  }

  /** The analysis imported with corpus `key` (a fresh copy: it is handed to the worker), or null. */
  async importedAnalysis(key: string): Promise<ImportedAnalysis | null> {
    const held = this.#imported.get(key);
    if (held) return { ...held, bytes: held.bytes.slice(0) };
    const db = this.#life.db;
    if (!db) return null;
    try {
      return await db.useStore('readonly', (os) => readImportedAnalysis(os, key));
    } catch {
      return null;
    }
  }

  /**
   * Adds (or replaces) documents and updates the corpus record, in one
   * transaction (see the top), with the corpus's unsaved documents.
   * `onAlready` hears the ids of those another tab had stored already (not added).
   */
  async putDocuments(key: string, batch: StoredDoc[], onAlready?: (ids: string[]) => void): Promise<SaveOutcome> {
    if (!this.#infos.has(key)) throw new Error(`corpora: no corpus ${JSON.stringify(key)}`);
    if (batch.length === 0 && !this.#unsaved.has(key)) return 'saved';
    const held = await this.#held(key);
    // Read the record and what is unsaved after the await: a retry or another tab's
    // change may have replaced either meanwhile, and a stale copy would drop documents.
    const info = this.#infos.get(key);
    if (!info) throw new Error(`corpora: no corpus ${JSON.stringify(key)}`);
    const docs = this.#unsaved.of(key).filter((p) => !batch.some((d) => d.doc.meta.id === p.doc.meta.id)).concat(batch);
    if (docs.length === 0) return 'saved';
    const known = new Set(info.docIds);
    addDocuments(info, docs, (id) => held.get(id)?.bytes);
    for (const d of docs) held.set(d.doc.meta.id, d);
    info.updatedAt = this.#now();
    const label = batch.length === 1 ? `“${batch[0]!.doc.meta.source}”` : `${docs.length} documents`;
    const mine = { info, held, known, already: new Set<string>() };
    const outcome = await this.#changeInfo(key, label, (os, base, done, guard) => putDocumentsOnto(os, guard, key, docs, base, mine, done));
    if (outcome === 'saved' && mine.already.size) onAlready?.([...mine.already]);
    this.#unsaved.settle(key, docs, outcome === 'saved');
    // A retry saved documents: the banner says what is still unsaved, or goes.
    if (outcome === 'saved' && docs.length > batch.length) this.#life.setStatus({ message: this.#unsaved.message(null) });
    if (outcome === 'failed') {
      this.#life.setStatus({ message: this.#unsaved.message(this.#lastError) });
      if (this.#life.db) this.#unsaved.schedule(() => void this.retryUnsaved());
    }
    return outcome;
  }

  /** Ids of the documents of corpus `key` (of every corpus, without a key) held in this tab only. */
  unsaved(key?: string): string[] {
    return this.#unsaved.ids(key);
  }

  /** Writes every unsaved document again; true when none is left. */
  async retryUnsaved(): Promise<boolean> {
    this.#unsaved.cancel();
    for (const key of this.#unsaved.corpora()) if (this.#infos.has(key)) await this.putDocuments(key, []);
    return this.#unsaved.ids().length === 0;
  }

  rename(key: string, name: string): Promise<SaveOutcome> {
    const info = this.#infos.get(key);
    if (!info) return Promise.resolve('failed');
    info.name = cleanName(name);
    info.updatedAt = this.#now();
    return this.#changeInfo(key, 'the new name', (_os, base, done) => done({ ...base, name: info.name, updatedAt: info.updatedAt }));
  }

  /** Marks a corpus deleted (undo with `restore`); its documents go on the next open. */
  remove(key: string): Promise<SaveOutcome> {
    return this.#mark(key, true);
  }

  restore(key: string): Promise<SaveOutcome> {
    return this.#mark(key, false);
  }

  #mark(key: string, deleted: boolean): Promise<SaveOutcome> {
    const info = this.#infos.get(key);
    if (!info) return Promise.resolve('failed');
    info.deleted = deleted;
    if (deleted && this.#current === key) this.#current = null;
    return this.#changeInfo(key, deleted ? 'the deletion' : 'the restored corpus', (os, base, done) => {
      if (deleted) os.delete(CURRENT_KEY);
      done({ ...base, deleted });
    });
  }

  /**
   * Compare-and-set of corpus `key`'s record: in one readwrite transaction,
   * reads the stored record (this tab's when there is none) and lets `change`
   * write what it needs and hand over the record to store. When no later
   * change of this record is queued, this tab then holds the stored record
   * (with what other tabs added).
   */
  #changeInfo(
    key: string,
    label: string,
    change: (os: IDBObjectStore, base: CorpusInfo, done: (next: CorpusInfo) => void, guard: Guard) => void,
  ): Promise<SaveOutcome> {
    const seq = (this.#infoWrites.get(key) ?? 0) + 1;
    this.#infoWrites.set(key, seq);
    let written: CorpusInfo | null = null;
    const outcome = this.#write(label, (os, guard) => {
      const mine = this.#infos.get(key)!;
      const read = os.get(infoKey(key));
      read.onsuccess = guard(() => {
        const base = validInfo(read.result) ?? { ...mine, docIds: [...mine.docIds] };
        change(
          os,
          base,
          (next) => {
            written = next;
            os.put(next, infoKey(key));
          },
          guard,
        );
      });
    });
    return outcome.then((o) => {
      if (o === 'saved' && written && this.#infoWrites.get(key) === seq) this.#infos.set(key, { ...(written as CorpusInfo), docIds: [...(written as CorpusInfo).docIds] });
      return o;
    });
  }

  /** The corpus's documents in the order added (read from IndexedDB once, then held). */
  async documents(key: string): Promise<StoredDoc[]> {
    const info = this.#infos.get(key);
    if (!info) return [];
    const held = await this.#held(key);
    const missing = info.docIds.filter((id) => !held.has(id));
    const db = this.#life.db;
    if (missing.length && db) {
      // Listed by another tab's import since this tab read the corpus.
      try {
        const found = await db.useStore('readonly', (os) => readDocumentsById(os, key, missing));
        for (const d of found) if (!held.has(d.doc.meta.id)) held.set(d.doc.meta.id, d);
      } catch (e) {
        this.#life.setStatus({ message: `Could not read the saved documents (${errorName(e)}).` });
      }
    }
    return info.docIds.flatMap((id) => held.get(id) ?? []);
  }

  async #held(key: string): Promise<Map<string, StoredDoc>> {
    let held = this.#docs.get(key);
    if (held) return held;
    held = new Map();
    this.#docs.set(key, held);
    const db = this.#life.db;
    if (db) {
      try {
        const { docs, ignored } = await db.useStore('readonly', (os) => readDocuments(os, key));
        for (const d of docs) if (!held.has(d.doc.meta.id)) held.set(d.doc.meta.id, d);
        this.ignoredRecords += ignored;
      } catch (e) {
        this.#life.setStatus({ message: `Could not read the saved documents (${errorName(e)}).` });
      }
    }
    return held;
  }

  async getAnalysis(hash: string): Promise<ArrayBuffer | null> {
    const db = this.#life.db;
    if (!db) return null;
    try {
      const bytes = await db.useStore('readonly', (os) => readAnalysis(os, hash));
      if (bytes) this.markAnalysisUsed(hash);
      return bytes;
    } catch {
      return null; // a cache: recomputing is always possible
    }
  }

  /** The last analysis stored for corpus `key`, with its cache key: the worker uses it if it still fits. */
  async lastAnalysis(key: string): Promise<CachedAnalysis | null> {
    const db = this.#life.db;
    if (!db) return null;
    try {
      return await db.useStore('readonly', (os) => readLastAnalysis(os, key));
    } catch {
      return null;
    }
  }

  /** Keeps a result among the most recently used (the worker took it). */
  markAnalysisUsed(hash: string): void {
    const at = this.#now();
    void this.#write('the analysis', (os) => putAnalysisUsed(os, hash, at));
  }

  /**
   * Stores a result (as the last one of corpus `key`, when given) and, in the
   * same transaction, deletes all but the most recently used MAX_CACHED_ANALYSES.
   */
  putAnalysis(hash: string, bytes: ArrayBuffer, key?: string): Promise<SaveOutcome> {
    const at = this.#now();
    return this.#write('the analysis', (os) => putAnalysis(os, hash, bytes, at, key));
  }

  close(): void {
    this.#unsaved.cancel();
    this.#life.close();
  }
}
