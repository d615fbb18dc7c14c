/**
 * The user's own corpora in IndexedDB: each corpus's record, its documents,
 * and the analysis cache. Same rules as the reading-state store (store.ts):
 *
 * - Never lose data: everything is held in memory; without IndexedDB (or when
 *   it fails to open) the store runs in memory with a message for the banner.
 * - Nothing half-written: a batch of documents and the corpus record that
 *   lists them go in one readwrite transaction, so a reload finds either the
 *   whole batch or none of it. A failed write is retried once, then reported
 *   (status + the promise's outcome) and the data stays in memory.
 * - Documents storage refused (a full disk: QuotaExceededError) are held as
 *   unsaved: listed by `unsaved`, named in the status (the banner, with an
 *   export offer), written again with the corpus's next change, every
 *   RETRY_MS, and on `retryUnsaved`. The stored record never lists a
 *   document that is not stored, so counts after a reload are true.
 * - Another tab may have changed a corpus record since this one read it (it
 *   imported documents too): every change to a record is a compare-and-set
 *   inside its readwrite transaction, which reads the stored record and
 *   applies this change to it (documents are added to the stored list, never
 *   a stale list written over it). A document id another tab took meanwhile
 *   gives this tab's document the next free id (`-2`, `-3`…) rather than
 *   overwriting the other's.
 * - Deleting marks the record deleted (undo clears the mark); deleted corpora
 *   are purged on the next open, in one transaction. Adding documents to a
 *   corpus another tab deleted restores it (its documents are never purged
 *   under a running import).
 * - The analysis is a cache keyed by `analysisCacheKey` (content hash and
 *   what the engine groups by) and ANALYSIS_ENGINE_VERSION: a different
 *   engine never reads another's result. Each corpus remembers the key of its
 *   last result, so opening it can hand that result to the worker with the
 *   documents in one request (the worker checks that it still fits).
 *   It keeps the MAX_CACHED_ANALYSES most recently used results (every
 *   import makes a new content hash; the old results would pile up).
 *
 * - An analysis another tool computed (passim, TextPAIR: src/interop) is
 *   part of its corpus, not a cache: stored with the corpus and its
 *   documents in one transaction, never evicted, and deleted with the
 *   corpus. It is used while the documents stay as they were imported
 *   (its cache key); after an edit Refrain analyses the corpus itself.
 *
 * Its own database (CORPORA_DB_NAME), so reading state's versioning and
 * migrations are untouched; keys are `c/<key>`, `d/<key>/<docId>`,
 * `a/<hash>` (the result), `m/<hash>` (when it was last used), `k/<key>`
 * (the cache key of a corpus's last result), `x/<key>` (an imported
 * analysis), `current`.
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';
import type { CorpusDocument } from '../corpus/types.ts';
import { ANALYSIS_ENGINE_VERSION } from '../reuse/version.ts';
import { isPlainObject } from '../validate/fields.ts';
import type { ComputedBy } from '../interop/convert.ts';
import type { CachedAnalysis } from '../worker/protocol.ts';
import type { StateDb } from './idb.ts';
import { errorName, StorageLifecycle, type StorageStatus } from './lifecycle.ts';

export const CORPORA_DB_NAME = 'refrain-corpora';
export const CORPORA_STORE_NAME = 'corpora';
export const CORPORA_DB_VERSION = 1;
/** Cached analyses kept, most recently used first; older ones are deleted when one is stored. */
export const MAX_CACHED_ANALYSES = 4;
export const MAX_NAME_LENGTH = 200;
/** How long after a failed save of documents they are written again. */
export const RETRY_MS = 20_000;

export interface CorpusInfo {
  /** Storage key, stable across edits (the content hash changes with every document). */
  key: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Ids of its documents, in the order they were added. */
  docIds: string[];
  /** Bytes of the files its documents came from, for the size limit. */
  bytes: number;
  deleted: boolean;
}

export interface StoredDoc {
  doc: CorpusDocument;
  bytes: number;
}

/** The same status as the reading state's (lifecycle.ts): `persistent`, and a sentence for the banner. */
export type CorporaStatus = StorageStatus;

export type SaveOutcome = 'saved' | 'memory' | 'failed';

/** The engine's result as JSON bytes: stored and handed to the worker without the page ever parsing it. */
interface StoredAnalysis {
  engine: number;
  bytes: ArrayBuffer;
}

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

const enc = encodeURIComponent;
const infoKey = (key: string) => `c/${enc(key)}`;
const docPrefix = (key: string) => `d/${enc(key)}/`;
const docKey = (key: string, id: string) => `${docPrefix(key)}${enc(id)}`;
const analysisKey = (hash: string) => `a/${enc(hash)}`;
const analysisUsedKey = (hash: string) => `m/${enc(hash)}`;
/** The cache key of a corpus's last analysis. */
const lastAnalysisKey = (key: string) => `k/${enc(key)}`;
/** An analysis imported with the corpus (passim, TextPAIR). */
const importedKey = (key: string) => `x/${enc(key)}`;
const prefixRange = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

function validInfo(v: unknown): CorpusInfo | null {
  if (!isPlainObject(v)) return null;
  const { key, name, createdAt, updatedAt, docIds, bytes, deleted } = v;
  if (typeof key !== 'string' || typeof name !== 'string' || typeof createdAt !== 'number' || typeof updatedAt !== 'number') return null;
  if (!Array.isArray(docIds) || !docIds.every((d) => typeof d === 'string') || typeof bytes !== 'number' || typeof deleted !== 'boolean') return null;
  return { key, name, createdAt, updatedAt, docIds: [...docIds], bytes, deleted };
}

function validDoc(v: unknown): StoredDoc | null {
  if (!isPlainObject(v) || typeof v['bytes'] !== 'number' || !isPlainObject(v['doc'])) return null;
  const doc = v['doc'];
  if (!isPlainObject(doc['meta']) || typeof doc['text'] !== 'string' || typeof doc['original'] !== 'string' || !Array.isArray(doc['edits'])) return null;
  return v as unknown as StoredDoc;
}

/** A stored result's bytes when this engine made them. */
function usable(v: unknown): ArrayBuffer | null {
  return isPlainObject(v) && v['engine'] === ANALYSIS_ENGINE_VERSION && v['bytes'] instanceof ArrayBuffer ? v['bytes'] : null;
}

/** An analysis another tool computed, stored with its corpus: the bytes the worker reads, and what the page shows of where it came from. */
export interface ImportedAnalysis extends CachedAnalysis {
  computedBy: ComputedBy;
}

export class CorporaStore {
  readonly #life = new StorageLifecycle();
  #infos = new Map<string, CorpusInfo>();
  #docs = new Map<string, Map<string, StoredDoc>>();
  /** Imported analyses, kept here too when storage is unavailable. */
  #imported = new Map<string, ImportedAnalysis>();
  #current: string | null = null;
  #chain: Promise<unknown> = Promise.resolve();
  /** Per corpus, documents storage has not taken (see the top), by id. */
  readonly #unsaved = new Map<string, Map<string, StoredDoc>>();
  readonly #retryMs: number;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #lastError: unknown = null;
  /** Per corpus, how many record changes were queued: only the last adopts the stored record. */
  readonly #infoWrites = new Map<string, number>();
  readonly #now: () => number;
  readonly #newKey: () => string;
  /** Records that failed validation on open (left untouched). */
  ignoredRecords = 0;

  private constructor(opts: CorporaOptions) {
    this.#now = opts.now ?? Date.now;
    this.#retryMs = opts.retryMs ?? RETRY_MS;
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
      const keys = (await promisifyRequest(os.getAllKeys(prefixRange('c/')))) as string[];
      const values = await promisifyRequest(os.getAll(prefixRange('c/')));
      const current = await promisifyRequest(os.get('current'));
      keys.forEach((k, i) => {
        const info = validInfo(values[i]);
        if (!info || infoKey(info.key) !== k) {
          this.ignoredRecords++;
          return;
        }
        if (info.deleted) {
          os.delete(k);
          os.delete(lastAnalysisKey(info.key));
          os.delete(importedKey(info.key));
          os.delete(prefixRange(docPrefix(info.key)));
        } else this.#infos.set(info.key, info);
      });
      this.#current = typeof current === 'string' && this.#infos.has(current) ? current : null;
      await promisifyRequest(os.transaction);
    });
  }

  /** One readwrite transaction, retried once; on failure the store keeps going in memory and says so. */
  /** `body` may write in request callbacks: `guard` wraps one, so what it throws (a full disk) aborts the transaction and is reported. */
  #write(label: string, body: (os: IDBObjectStore, guard: (callback: () => void) => () => void) => void): Promise<SaveOutcome> {
    const run = async (): Promise<SaveOutcome> => {
      const db = this.#life.db;
      if (!db) return 'memory';
      const attempt = () =>
        db.useStore('readwrite', (os) => {
          let thrown: { error: unknown } | null = null;
          const guard = (callback: () => void) => () => {
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
      const result = await this.#life.retryOnce(attempt);
      if (result.ok) return 'saved';
      this.#lastError = result.error;
      this.#life.setStatus({ message: this.#unsavedMessage(result.error) ?? `Could not save ${label} (${errorName(result.error)}). It is kept in this tab; use Export to be safe.` });
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
    return this.#write('the current corpus', (os) => (key === null ? os.delete('current') : os.put(key, 'current')));
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
      os.put({ key: analysis.key, bytes: analysis.bytes, computedBy: analysis.computedBy }, importedKey(info.key));
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
      const v = (await db.useStore('readonly', (os) => promisifyRequest(os.get(importedKey(key))))) as unknown;
      if (!isPlainObject(v) || typeof v['key'] !== 'string' || !(v['bytes'] instanceof ArrayBuffer) || !isPlainObject(v['computedBy'])) return null;
      return { key: v['key'], bytes: v['bytes'], computedBy: v['computedBy'] as unknown as ComputedBy };
    } catch {
      return null;
    }
  }

  /**
   * Adds (or replaces) documents and updates the corpus record, in one
   * transaction (see the top), with the corpus's unsaved documents.
   */
  async putDocuments(key: string, batch: StoredDoc[]): Promise<SaveOutcome> {
    if (!this.#infos.has(key)) throw new Error(`corpora: no corpus ${JSON.stringify(key)}`);
    if (batch.length === 0 && !this.#unsaved.has(key)) return 'saved';
    const held = await this.#held(key);
    // Read the record and what is unsaved after the await: a retry or another tab's
    // change may have replaced either meanwhile, and a stale copy would drop documents.
    const info = this.#infos.get(key);
    if (!info) throw new Error(`corpora: no corpus ${JSON.stringify(key)}`);
    const pending = this.#unsaved.get(key);
    const docs = [...(pending?.values() ?? [])].filter((p) => !batch.some((d) => d.doc.meta.id === p.doc.meta.id)).concat(batch);
    if (docs.length === 0) return 'saved';
    const known = new Set(info.docIds);
    addDocuments(info, docs, (id) => held.get(id)?.bytes);
    for (const d of docs) held.set(d.doc.meta.id, d);
    info.updatedAt = this.#now();
    const label = batch.length === 1 ? `“${batch[0]!.doc.meta.source}”` : `${docs.length} documents`;
    const outcome = await this.#putDocuments(key, label, docs, known, info, held);
    const unsaved = this.#unsaved.get(key) ?? new Map<string, StoredDoc>();
    if (outcome === 'saved') for (const d of docs) unsaved.delete(d.doc.meta.id);
    else for (const d of docs) unsaved.set(d.doc.meta.id, d);
    if (unsaved.size) this.#unsaved.set(key, unsaved);
    else this.#unsaved.delete(key);
    if (outcome === 'saved' && docs.length > batch.length) this.#afterRetry();
    if (outcome === 'failed') {
      this.#life.setStatus({ message: this.#unsavedMessage(this.#lastError) });
      this.#scheduleRetry();
    }
    return outcome;
  }

  /** Ids of the documents of corpus `key` (of every corpus, without a key) held in this tab only. */
  unsaved(key?: string): string[] {
    const of = key === undefined ? [...this.#unsaved.values()] : [this.#unsaved.get(key) ?? new Map<string, StoredDoc>()];
    return of.flatMap((m) => [...m.keys()]);
  }

  /** Writes every unsaved document again; true when none is left. */
  async retryUnsaved(): Promise<boolean> {
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    for (const key of [...this.#unsaved.keys()]) if (this.#infos.has(key)) await this.putDocuments(key, []);
    return this.#unsaved.size === 0;
  }

  #scheduleRetry(): void {
    if (this.#retryTimer !== null || !this.#life.db || this.#unsaved.size === 0) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.retryUnsaved();
    }, this.#retryMs);
  }

  /** A retry saved documents: the banner says what is still unsaved, or goes. */
  #afterRetry(): void {
    this.#life.setStatus({ message: this.#unsavedMessage(null) });
  }

  /** The banner's sentence while documents are unsaved; null when none is. */
  #unsavedMessage(error: unknown): string | null {
    const n = this.unsaved().length;
    if (n === 0) return null;
    const why = error === null ? '' : ` (${errorName(error)}${errorName(error) === 'QuotaExceededError' ? ': the disk is full' : ''})`;
    return `${n === 1 ? '1 imported document is' : `${n} imported documents are`} not saved${why}: kept in this tab only. Refrain tries again; free some disk space, or export the corpus to keep ${n === 1 ? 'it' : 'them'}.`;
  }

  #putDocuments(key: string, label: string, docs: StoredDoc[], known: ReadonlySet<string>, info: CorpusInfo, held: Map<string, StoredDoc>): Promise<SaveOutcome> {
    return this.#changeInfo(key, label, (os, base, done, guard) => {
      const before = docs.map((d) => os.get(docKey(key, d.doc.meta.id)));
      // Requests on one store complete in order: the last one's success sees them all.
      before[before.length - 1]!.onsuccess = guard(() => {
        const storedBytes = new Map<string, number>();
        const taken = new Set([...base.docIds, ...info.docIds, ...held.keys()]);
        docs.forEach((d, i) => {
          const id = d.doc.meta.id;
          const there = validDoc(before[i]!.result);
          if (there && !known.has(id)) {
            // Another tab's document under this id: this one takes the next free id.
            const free = freeId(id, taken);
            taken.add(free);
            held.set(id, there);
            d.doc.meta.id = free;
            held.set(free, d);
            info.docIds.push(free);
          } else if (there) storedBytes.set(id, there.bytes);
        });
        addDocuments(base, docs, (id) => storedBytes.get(id));
        base.deleted = false;
        base.updatedAt = info.updatedAt;
        for (const d of docs) os.put(d, docKey(key, d.doc.meta.id));
        done(base);
      });
    });
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
      if (deleted) os.delete('current');
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
    change: (os: IDBObjectStore, base: CorpusInfo, done: (next: CorpusInfo) => void, guard: (callback: () => void) => () => void) => void,
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
        const values = await db.useStore('readonly', (os) => Promise.all(missing.map((id) => promisifyRequest(os.get(docKey(key, id))))));
        values.forEach((v) => {
          const d = validDoc(v);
          if (d && !held.has(d.doc.meta.id)) held.set(d.doc.meta.id, d);
        });
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
        const range = prefixRange(docPrefix(key));
        const values = await db.useStore('readonly', (os) => promisifyRequest(os.getAll(range)));
        for (const v of values) {
          const d = validDoc(v);
          if (d && !held.has(d.doc.meta.id)) held.set(d.doc.meta.id, d);
          else if (!d) this.ignoredRecords++;
        }
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
      const bytes = usable(await db.useStore('readonly', (os) => promisifyRequest(os.get(analysisKey(hash)))));
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
      return await db.useStore('readonly', async (os) => {
        const hash = (await promisifyRequest(os.get(lastAnalysisKey(key)))) as unknown;
        if (typeof hash !== 'string') return null;
        const bytes = usable(await promisifyRequest(os.get(analysisKey(hash))));
        return bytes ? { key: hash, bytes } : null;
      });
    } catch {
      return null;
    }
  }

  /** Keeps a result among the most recently used (the worker took it). */
  markAnalysisUsed(hash: string): void {
    const at = this.#now();
    void this.#write('the analysis', (os) => os.put(at, analysisUsedKey(hash)));
  }

  /**
   * Stores a result (as the last one of corpus `key`, when given) and, in the
   * same transaction, deletes all but the most recently used MAX_CACHED_ANALYSES.
   */
  putAnalysis(hash: string, bytes: ArrayBuffer, key?: string): Promise<SaveOutcome> {
    const value: StoredAnalysis = { engine: ANALYSIS_ENGINE_VERSION, bytes };
    const at = this.#now();
    return this.#write('the analysis', (os) => {
      os.put(value, analysisKey(hash));
      os.put(at, analysisUsedKey(hash));
      if (key !== undefined) os.put(hash, lastAnalysisKey(key));
      const results = os.getAllKeys(prefixRange('a/'));
      const usedKeys = os.getAllKeys(prefixRange('m/'));
      const usedAt = os.getAll(prefixRange('m/'));
      // Requests on one store complete in order: the last one's success sees all three.
      usedAt.onsuccess = () => {
        const when = new Map<string, number>();
        (usedKeys.result as string[]).forEach((k, i) => when.set(k.slice(2), typeof usedAt.result[i] === 'number' ? usedAt.result[i] : 0));
        const held = (results.result as string[]).map((k) => k.slice(2));
        held.sort((x, y) => (when.get(y) ?? 0) - (when.get(x) ?? 0) || (x === enc(hash) ? -1 : y === enc(hash) ? 1 : 0));
        for (const k of held.slice(MAX_CACHED_ANALYSES)) {
          os.delete(`a/${k}`);
          os.delete(`m/${k}`);
        }
        for (const k of when.keys()) if (!held.includes(k)) os.delete(`m/${k}`);
      };
    });
  }

  close(): void {
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#life.close();
  }
}

/** Adds documents to a corpus record: new ids at the end, bytes counted once (`before`: a replaced document's bytes). */
function addDocuments(info: CorpusInfo, docs: readonly StoredDoc[], before: (id: string) => number | undefined): void {
  const ids = new Set(info.docIds);
  for (const d of docs) {
    const id = d.doc.meta.id;
    info.bytes += d.bytes - (before(id) ?? 0);
    if (!ids.has(id)) {
      ids.add(id);
      info.docIds.push(id);
    }
  }
}

/** `id`, or `id-2`, `id-3`… : the first not in `taken`. */
function freeId(id: string, taken: ReadonlySet<string>): string {
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH) || 'Untitled corpus';
}
