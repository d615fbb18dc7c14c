/**
 * The reading-state store: the one module that owns saved state.
 *
 * Design (see also idb.ts and records.ts):
 * - IndexedDB through idb-keyval: idb-keyval's `get`/`getMany` and its
 *   `UseStore` callback shape for every transaction, over our own
 *   `openStateDb` instead of `createStore`, because `createStore` cannot
 *   report `blocked`/`versionchange` or pick a version. The data schema is a
 *   per-corpus record with data migrations run on open, in one transaction.
 * - All records of the corpus are held in memory (`#cache`); reads are
 *   synchronous. Writes update the cache at once and are queued per key
 *   (`#pending`, coalescing); the queue is flushed one record per readwrite
 *   transaction that checks the corpus schema version and the record's `rev`
 *   (compare-and-set) before putting the whole record.
 * - Failure never loses the cache: without IndexedDB the store runs in memory
 *   (`status.persistent === false`, with a reason for the banner) and export
 *   still works; a failed write is retried once, then reported, and stays
 *   pending for the next flush; a closed connection is reopened by the next
 *   write; a newer schema (another app version) makes the store read-only.
 * - Other tabs hear of every saved record over a BroadcastChannel
 *   (`{corpus, key, rev}`) and re-read it.
 */

import { getMany, promisifyRequest } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import type { Anchor } from './anchor.ts';
import { openStateDb, type ConnectionHandlers, type StateDb } from './idb.ts';
import {
  MAIN_NOTE_ID,
  SCHEMA_PATH,
  SCHEMA_VERSION,
  corpusPrefix,
  isPlainObject,
  migrateEntries,
  pairTarget,
  recordPath,
  targetPath,
  validateRecord,
  type ComparisonRecord,
  type DocRecord,
  type HighlightRecord,
  type NoteRecord,
  type NoteTarget,
  type StateRecord,
} from './records.ts';

export type StatusReason = 'unavailable' | 'open-failed' | 'blocked' | 'newer-schema' | 'write-failed' | 'upgraded-elsewhere';

export interface StoreStatus {
  /** Changes reach IndexedDB (false: kept in this tab's memory only). */
  persistent: boolean;
  /** Changes are refused (saved by a newer app version, or upgraded elsewhere). */
  readOnly: boolean;
  reason: StatusReason | null;
  /** A sentence for the banner, or null when all is well. */
  message: string | null;
  /** `navigator.storage.persist()` granted; null where unavailable or unanswered. */
  durable: boolean | null;
}

export type StoreEvent =
  | { type: 'change'; paths: string[]; origin: 'local' | 'remote' | 'import' }
  | { type: 'status'; status: StoreStatus }
  | { type: 'error'; message: string; path?: string }
  /** Another tab saved `path` first; `kept` is its record; a losing note's text was saved as `copy`. */
  | { type: 'conflict'; path: string; kept: StateRecord | null; copy: NoteRecord | null };

export type WriteOutcome = 'saved' | 'memory' | 'failed' | 'conflict' | 'read-only' | 'invalid';

/** What one tab tells the others after saving a record. */
export interface ChangeMessage {
  corpus: string;
  key: string;
  rev: number;
}

/** The part of BroadcastChannel we use (tests may pass their own). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  close(): void;
}

export interface StorageLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

export interface StoreOptions {
  corpusId: string;
  /** Default `globalThis.indexedDB`; null: run in memory. */
  indexedDB?: IDBFactory | null;
  /** Replace the connection (tests inject failures here). */
  openDb?: (handlers: ConnectionHandlers) => StateDb;
  /** Default: a BroadcastChannel named CHANNEL_NAME where available; null: none. */
  channel?: ChannelLike | null;
  /** Default `navigator.storage`; null: do not ask. */
  storage?: StorageLike | null;
  now?: () => number;
  newId?: () => string;
  /** How long to wait for IndexedDB before running from memory meanwhile. */
  openTimeoutMs?: number;
}

export const CHANNEL_NAME = 'refrain-state';
export const OPEN_TIMEOUT_MS = 4000;
/** Marks the text of a note kept from a losing concurrent edit. */
export const CONFLICT_MARKER = '(conflict copy) ';

const OK_STATUS: StoreStatus = { persistent: true, readOnly: false, reason: null, message: null, durable: null };

export interface DocState {
  position: number | null;
  read: boolean;
}

export interface HighlightStyle {
  color: string;
  label?: string | null;
}

export interface SaveComparisonInput {
  a: string;
  b: string;
  label: string;
  route?: string | null;
  id?: string;
}

function errorName(e: unknown): string {
  if (typeof e === 'object' && e !== null) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    if (typeof name === 'string' && name !== 'Error') return name;
    if (typeof message === 'string') return message;
  }
  return String(e);
}

function defaultId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

type CommitResult = { type: 'ok'; rev: number } | { type: 'conflict'; current: unknown } | { type: 'newer-schema'; version: number };

function schemaVersionOf(v: unknown): number | undefined {
  return isPlainObject(v) && typeof v['version'] === 'number' ? v['version'] : undefined;
}

export class ReadingStore {
  readonly corpusId: string;
  readonly #prefix: string;
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #listeners = new Set<(e: StoreEvent) => void>();
  readonly #cache = new Map<string, StateRecord>();
  /** rev of each path as last seen in IndexedDB: the compare in compare-and-set. */
  readonly #base = new Map<string, number>();
  readonly #pending = new Map<string, StateRecord>();
  readonly #outcomes = new WeakMap<StateRecord, WriteOutcome>();
  #status: StoreStatus = { ...OK_STATUS };
  #db: StateDb | null = null;
  #dbReady = false;
  #channel: ChannelLike | null = null;
  #flushChain: Promise<void> = Promise.resolve();
  #flushing = 0;
  #closed = false;
  /** Records found in the database that failed validation (left untouched). */
  ignoredRecords = 0;
  /** Schema version found on open (0: none yet), for tests and diagnostics. */
  openedVersion = 0;

  private constructor(opts: StoreOptions) {
    this.corpusId = opts.corpusId;
    this.#prefix = corpusPrefix(opts.corpusId);
    this.#now = opts.now ?? Date.now;
    this.#newId = opts.newId ?? defaultId;
  }

  /** Opens the store for one corpus. Never throws: problems end up in `status`. */
  static async open(opts: StoreOptions): Promise<ReadingStore> {
    const store = new ReadingStore(opts);
    await store.#start(opts);
    return store;
  }

  get status(): StoreStatus {
    return { ...this.#status };
  }

  subscribe(listener: (e: StoreEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(e: StoreEvent): void {
    for (const l of this.#listeners) {
      try {
        l(e);
      } catch {
        // A listener's bug must not break saving.
      }
    }
  }

  #setStatus(patch: Partial<StoreStatus>): void {
    this.#status = { ...this.#status, ...patch };
    this.#emit({ type: 'status', status: this.status });
  }

  // -------------------------------------------------------------------------
  // Opening

  async #start(opts: StoreOptions): Promise<void> {
    const persistAsked = this.#requestPersist(opts.storage);
    this.#openChannel(opts.channel);

    const factory = opts.indexedDB === undefined ? (globalThis as { indexedDB?: IDBFactory }).indexedDB : opts.indexedDB;
    if (!opts.openDb && !factory) {
      this.#setStatus({
        persistent: false,
        reason: 'unavailable',
        message: 'This browser offers no storage here (IndexedDB is unavailable): notes and highlights last only until the tab is closed. Use Export to keep them.',
      });
      await persistAsked;
      return;
    }
    const handlers: ConnectionHandlers = {
      onBlocked: () => {
        if (this.#dbReady) return;
        this.#setStatus({
          persistent: false,
          reason: 'blocked',
          message: 'Another Refrain tab with an older version is open: close it to save changes. Until then changes are kept in this tab only.',
        });
        settle();
      },
      onVersionChange: () => {
        const retire = (): void => {
          this.#dbReady = false;
          this.#setStatus({
            readOnly: true,
            reason: 'upgraded-elsewhere',
            message: 'Refrain was updated in another tab. Reload this tab to keep editing; your changes so far are saved.',
          });
        };
        if (this.#pending.size === 0 && this.#flushing === 0) return retire();
        return this.flush().then(retire);
      },
    };
    this.#db = opts.openDb ? opts.openDb(handlers) : openStateDb({ factory: factory as IDBFactory, ...handlers });

    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const timer = setTimeout(() => {
      if (!this.#dbReady && this.#status.persistent) {
        this.#setStatus({ persistent: false, reason: 'blocked', message: 'Storage is slow to answer: changes are kept in this tab until it does.' });
      }
      settle();
    }, opts.openTimeoutMs ?? OPEN_TIMEOUT_MS);

    this.#load(this.#db.useStore).then(
      ({ version, entries }) => {
        clearTimeout(timer);
        this.#adopt(version, entries);
        settle();
      },
      (e: unknown) => {
        clearTimeout(timer);
        this.#db = null;
        this.#setStatus({
          persistent: false,
          reason: 'open-failed',
          message: `Saved state cannot be opened here (${errorName(e)}): notes and highlights last only until the tab is closed. Use Export to keep them.`,
        });
        settle();
      },
    );
    await settled;
    await persistAsked;
  }

  #openChannel(given: ChannelLike | null | undefined): void {
    let channel = given;
    if (channel === undefined) {
      try {
        channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
      } catch {
        channel = null;
      }
    }
    this.#channel = channel;
    channel?.addEventListener('message', (ev) => this.#onMessage(ev.data));
  }

  async #requestPersist(given: StorageLike | null | undefined): Promise<void> {
    const storage = given === undefined ? (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage : given;
    if (!storage || typeof storage.persist !== 'function') return;
    try {
      const already = typeof storage.persisted === 'function' ? await storage.persisted() : false;
      const durable = already || (await storage.persist());
      this.#status = { ...this.#status, durable: durable === true };
    } catch {
      // Refused or unsupported: best-effort storage is still storage.
    }
  }

  /** Reads the corpus, migrating it first if it is older, in one transaction. */
  #load(useStore: UseStore): Promise<{ version: number; entries: Map<string, unknown> }> {
    const prefix = this.#prefix;
    const KeyRange = (globalThis as { IDBKeyRange?: typeof IDBKeyRange }).IDBKeyRange;
    return useStore('readwrite', (os) => {
      const range = KeyRange ? KeyRange.bound(prefix, `${prefix}\uffff`) : undefined;
      const keysReq = os.getAllKeys(range);
      const valuesReq = os.getAll(range);
      return Promise.all([promisifyRequest(keysReq), promisifyRequest(valuesReq)]).then(([keys, values]) => {
        const raw: [string, unknown][] = [];
        keys.forEach((k, i) => {
          if (typeof k === 'string' && k.startsWith(prefix)) raw.push([k.slice(prefix.length), values[i]]);
        });
        const schema = raw.find(([p]) => p === SCHEMA_PATH)?.[1];
        const version = schemaVersionOf(schema) ?? (raw.length ? 1 : 0);
        let entries = new Map(raw);
        try {
          if (version === 0) {
            os.put({ version: SCHEMA_VERSION }, prefix + SCHEMA_PATH);
          } else if (version < SCHEMA_VERSION) {
            const migrated = migrateEntries(version, raw);
            for (const p of migrated.plan.del) os.delete(prefix + p);
            for (const [p, v] of migrated.plan.put) os.put(v, prefix + p);
            entries = migrated.entries;
          }
        } catch (e) {
          os.transaction.abort(); // a migration is all or nothing
          throw e;
        }
        return promisifyRequest(os.transaction).then(() => ({ version, entries }));
      });
    });
  }

  #adopt(version: number, entries: Map<string, unknown>): void {
    this.openedVersion = version;
    for (const [path, value] of entries) {
      if (path === SCHEMA_PATH) continue;
      const checked = validateRecord(value);
      if (!checked.ok || recordPath(checked.value) !== path) {
        this.ignoredRecords++;
        continue;
      }
      this.#base.set(path, checked.value.rev);
      // A change made while we waited for the database stays on top.
      if (!this.#pending.has(path)) this.#cache.set(path, checked.value);
    }
    this.#dbReady = true;
    if (version > SCHEMA_VERSION) {
      this.#setStatus({ persistent: true, ...this.#newerSchemaStatus(version) });
    } else if (!this.#status.persistent || this.#status.reason === 'blocked') {
      this.#setStatus({ persistent: true, reason: null, message: null });
    }
    this.#emit({ type: 'change', paths: [...this.#cache.keys()], origin: 'remote' });
    if (this.#pending.size) void this.flush();
  }

  #newerSchemaStatus(version: number): Partial<StoreStatus> {
    return {
      readOnly: true,
      reason: 'newer-schema',
      message: `These notes were saved by a newer version of Refrain (data version ${version}, this one reads ${SCHEMA_VERSION}). They are shown read-only so nothing is lost; open the newer version to edit.`,
    };
  }

  // -------------------------------------------------------------------------
  // Cross-tab

  #onMessage(data: unknown): void {
    if (!isPlainObject(data) || data['corpus'] !== this.corpusId) return;
    const key = data['key'];
    const rev = data['rev'];
    if (typeof key !== 'string' || typeof rev !== 'number') return;
    if (key === SCHEMA_PATH) {
      if (rev > SCHEMA_VERSION) this.#setStatus(this.#newerSchemaStatus(rev));
      return;
    }
    const cached = this.#cache.get(key);
    if (cached && cached.rev >= rev && !this.#pending.has(key)) return;
    void this.#refresh([key]);
  }

  async #refresh(paths: string[]): Promise<void> {
    if (!this.#db || !this.#dbReady) return;
    let values: unknown[];
    try {
      values = await getMany(
        paths.map((p) => this.#prefix + p),
        this.#db.useStore,
      );
    } catch {
      return; // The next message or write will try again.
    }
    const changed: string[] = [];
    paths.forEach((path, i) => {
      const checked = validateRecord(values[i]);
      if (!checked.ok || recordPath(checked.value) !== path) return;
      // Our own unsaved edit: leave the base alone so its compare-and-set notices the other tab's record.
      if (this.#pending.has(path)) return;
      const cached = this.#cache.get(path);
      if (cached && cached.rev >= checked.value.rev) return;
      this.#cache.set(path, checked.value);
      this.#base.set(path, checked.value.rev);
      changed.push(path);
    });
    if (changed.length) this.#emit({ type: 'change', paths: changed, origin: 'remote' });
  }

  #broadcast(path: string, rev: number): void {
    const message: ChangeMessage = { corpus: this.corpusId, key: path, rev };
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel: other tabs will see the change on reload.
    }
  }

  // -------------------------------------------------------------------------
  // Writing

  /** Validates, stamps and queues a record; resolves once it is saved or the failure reported. */
  #write(record: StateRecord): Promise<WriteOutcome> {
    if (this.#status.readOnly || this.#closed) {
      this.#emit({ type: 'error', message: this.#status.message ?? 'Saved state is read-only.' });
      return Promise.resolve('read-only');
    }
    const path = recordPath(record);
    const prev = this.#cache.get(path);
    const stamped = { ...record, rev: (prev?.rev ?? 0) + 1, updatedAt: this.#now() } as StateRecord;
    const checked = validateRecord(stamped);
    if (!checked.ok) {
      this.#emit({ type: 'error', message: `Not saved: ${checked.error}`, path });
      return Promise.resolve('invalid');
    }
    const rec = checked.value;
    this.#cache.set(path, rec);
    this.#pending.set(path, rec);
    this.#emit({ type: 'change', paths: [path], origin: 'local' });
    if (!this.#db) return Promise.resolve('memory');
    return this.flush().then(() => this.#outcomes.get(rec) ?? (this.#pending.get(path) === rec ? (this.#dbReady ? 'failed' : 'memory') : 'saved'));
  }

  /** Saves every pending change; safe to call at any time (e.g. on `pagehide`). */
  flush(): Promise<void> {
    this.#flushing++;
    this.#flushChain = this.#flushChain.then(() => this.#flushOnce()).finally(() => this.#flushing--);
    return this.#flushChain;
  }

  async #flushOnce(): Promise<void> {
    for (const [path, rec] of [...this.#pending]) {
      if (!this.#db || !this.#dbReady || this.#status.readOnly) return;
      if (this.#pending.get(path) !== rec) continue;
      await this.#commitWithRetry(path, rec);
    }
  }

  async #commitWithRetry(path: string, rec: StateRecord): Promise<void> {
    const db = this.#db;
    if (!db) return;
    let result: CommitResult;
    try {
      result = await this.#commit(db.useStore, path, rec);
    } catch {
      try {
        // Once more: a transient abort, or a connection the browser closed (reopened by useStore).
        result = await this.#commit(db.useStore, path, rec);
      } catch (e) {
        this.#outcomes.set(rec, 'failed');
        const message = `Could not save a change (${errorName(e)}). It is kept in this tab and will be retried; use Export to be safe.`;
        this.#setStatus({ reason: 'write-failed', message });
        this.#emit({ type: 'error', message, path });
        return;
      }
    }
    if (result.type === 'ok') {
      this.#base.set(path, result.rev);
      if (this.#pending.get(path) === rec) this.#pending.delete(path);
      const cached = this.#cache.get(path);
      if (cached === rec && rec.rev !== result.rev) this.#cache.set(path, { ...rec, rev: result.rev });
      this.#outcomes.set(rec, 'saved');
      if (this.#status.reason === 'write-failed') this.#setStatus({ reason: null, message: null });
      this.#broadcast(path, result.rev);
    } else if (result.type === 'newer-schema') {
      this.#outcomes.set(rec, 'read-only');
      this.#setStatus(this.#newerSchemaStatus(result.version));
    } else {
      this.#outcomes.set(rec, 'conflict');
      this.#resolveConflict(path, rec, result.current);
    }
  }

  /**
   * One record, one readwrite transaction: refuse if the corpus schema is
   * newer than ours or the stored rev is not the one we last saw.
   */
  #commit(useStore: UseStore, path: string, rec: StateRecord): Promise<CommitResult> {
    const key = this.#prefix + path;
    const expected = this.#base.get(path) ?? 0;
    return useStore('readwrite', (os) =>
      promisifyRequest(os.get(this.#prefix + SCHEMA_PATH)).then((schema): CommitResult | Promise<CommitResult> => {
        const version = schemaVersionOf(schema) ?? SCHEMA_VERSION;
        if (version > SCHEMA_VERSION) return { type: 'newer-schema', version };
        return promisifyRequest(os.get(key)).then((current: unknown) => {
          const currentRev = isPlainObject(current) && typeof current['rev'] === 'number' ? current['rev'] : 0;
          if (currentRev !== expected) return { type: 'conflict', current } as CommitResult;
          const rev = currentRev + 1;
          try {
            os.put({ ...rec, rev }, key);
          } catch (e) {
            os.transaction.abort();
            throw e;
          }
          return promisifyRequest(os.transaction).then(() => ({ type: 'ok', rev }) as CommitResult);
        });
      }),
    );
  }

  #resolveConflict(path: string, mine: StateRecord, current: unknown): void {
    const checked = validateRecord(current);
    const theirs = checked.ok && recordPath(checked.value) === path ? checked.value : null;
    if (this.#pending.get(path) === mine) this.#pending.delete(path);
    if (theirs) {
      this.#cache.set(path, theirs);
      this.#base.set(path, theirs.rev);
    } else {
      this.#cache.delete(path);
      const rev = isPlainObject(current) && typeof current['rev'] === 'number' ? current['rev'] : 0;
      this.#base.set(path, rev);
    }
    // A stale tab cannot overwrite the newer record, but a note's words are not thrown away.
    let copy: NoteRecord | null = null;
    if (mine.kind === 'note' && !mine.deleted && mine.text !== '' && (!theirs || theirs.kind !== 'note' || theirs.deleted || theirs.text !== mine.text)) {
      copy = { ...mine, id: `${mine.id}-${this.#newId()}`, text: CONFLICT_MARKER + mine.text, createdAt: this.#now(), rev: 0, updatedAt: 0 };
      void this.#write(copy);
    }
    this.#emit({ type: 'conflict', path, kept: theirs, copy });
    this.#emit({ type: 'change', paths: [path], origin: 'remote' });
  }

  /**
   * Writes several already-validated records all or nothing (used by import).
   * Each is compared-and-set against the rev this tab knows; one mismatch or
   * failure aborts the whole transaction. Returns null on success, else a message.
   */
  async commitBatch(records: StateRecord[]): Promise<string | null> {
    if (this.#status.readOnly) return this.#status.message ?? 'Saved state is read-only.';
    const paths = records.map(recordPath);
    const apply = (revs: number[] | null): void => {
      records.forEach((r, i) => {
        const path = paths[i]!;
        const rec = revs ? { ...r, rev: revs[i]! } : r;
        this.#cache.set(path, rec);
        if (revs) this.#base.set(path, revs[i]!);
        else this.#pending.set(path, rec);
      });
      this.#emit({ type: 'change', paths, origin: 'import' });
    };
    if (!this.#db || !this.#dbReady) {
      apply(null);
      return null;
    }
    await this.flush();
    const db = this.#db;
    const attempt = (): Promise<number[] | string> =>
      db.useStore('readwrite', (os) => {
        const tx = os.transaction;
        return promisifyRequest(os.get(this.#prefix + SCHEMA_PATH)).then(async (schema) => {
          const version = schemaVersionOf(schema) ?? SCHEMA_VERSION;
          if (version > SCHEMA_VERSION) return `the saved state is from a newer version (${version})`;
          const currents = await Promise.all(paths.map((p) => promisifyRequest(os.get(this.#prefix + p))));
          const revs: number[] = [];
          for (let i = 0; i < paths.length; i++) {
            const cur = currents[i];
            const curRev = isPlainObject(cur) && typeof cur['rev'] === 'number' ? cur['rev'] : 0;
            if (curRev !== (this.#base.get(paths[i]!) ?? 0)) {
              tx.abort();
              return 'another tab changed the same records meanwhile; try again';
            }
            revs.push(curRev + 1);
          }
          try {
            records.forEach((r, i) => os.put({ ...r, rev: revs[i] }, this.#prefix + paths[i]!));
          } catch (e) {
            // A put that throws (QuotaExceededError, DataCloneError) does not abort the
            // transaction by itself: the earlier puts would commit. Abort: all or nothing.
            tx.abort();
            throw e;
          }
          await promisifyRequest(tx);
          return revs;
        });
      });
    let result: number[] | string;
    try {
      result = await attempt();
    } catch {
      try {
        result = await attempt();
      } catch (e) {
        const message = `Import not saved (${errorName(e)}); nothing was changed.`;
        this.#emit({ type: 'error', message });
        return message;
      }
    }
    if (typeof result === 'string') return result;
    apply(result);
    paths.forEach((p, i) => this.#broadcast(p, result[i]!));
    return null;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.flush();
    this.#closed = true;
    this.#channel?.close();
    this.#db?.close();
    this.#db = null;
    this.#dbReady = false;
  }

  // -------------------------------------------------------------------------
  // Reading

  /** Every record of the corpus, tombstones included (for export). */
  allRecords(): StateRecord[] {
    return [...this.#cache.values()];
  }

  /** Changes not yet in IndexedDB (for a "not saved" indicator). */
  get pendingCount(): number {
    return this.#pending.size;
  }

  getRecord(path: string): StateRecord | undefined {
    return this.#cache.get(path);
  }

  #live(prefix: string): StateRecord[] {
    const out: StateRecord[] = [];
    for (const [path, r] of this.#cache) if (path.startsWith(prefix) && !r.deleted) out.push(r);
    return out;
  }

  getDocState(docId: string): DocState {
    const r = this.#cache.get(`doc/${encodeURIComponent(docId)}`);
    return r && r.kind === 'doc' && !r.deleted ? { position: r.position, read: r.read } : { position: null, read: false };
  }

  listHighlights(docId: string): HighlightRecord[] {
    return this.#live(`hl/${encodeURIComponent(docId)}/`)
      .filter((r): r is HighlightRecord => r.kind === 'highlight')
      .sort((x, y) => x.anchor.start - y.anchor.start || x.createdAt - y.createdAt);
  }

  notes(target: NoteTarget): NoteRecord[] {
    return this.#live(targetPath(target))
      .filter((r): r is NoteRecord => r.kind === 'note')
      .sort((x, y) => (x.id === MAIN_NOTE_ID ? -1 : y.id === MAIN_NOTE_ID ? 1 : x.createdAt - y.createdAt));
  }

  highlightNotes(docId: string, highlightId: string): NoteRecord[] {
    return this.notes({ type: 'highlight', docId, highlightId });
  }

  familyNotes(familyId: string): NoteRecord[] {
    return this.notes({ type: 'family', familyId });
  }

  comparisonNotes(a: string, b: string): NoteRecord[] {
    return this.notes(pairTarget(a, b));
  }

  listComparisons(): ComparisonRecord[] {
    return this.#live('cmp/')
      .filter((r): r is ComparisonRecord => r.kind === 'comparison')
      .sort((x, y) => y.createdAt - x.createdAt);
  }

  lastView(): string | null {
    const r = this.#cache.get('last-view');
    return r && r.kind === 'last-view' && !r.deleted ? r.route : null;
  }

  // -------------------------------------------------------------------------
  // Changing

  setPosition(docId: string, position: number): Promise<WriteOutcome> {
    const { read } = this.getDocState(docId);
    return this.#write({ kind: 'doc', docId, position, read, rev: 0, updatedAt: 0 } satisfies DocRecord);
  }

  markRead(docId: string, read = true): Promise<WriteOutcome> {
    const { position } = this.getDocState(docId);
    return this.#write({ kind: 'doc', docId, position, read, rev: 0, updatedAt: 0 } satisfies DocRecord);
  }

  /** Adds a highlight; it is listed at once, the promise settles when saved (or reported). */
  async addHighlight(docId: string, anchor: Anchor, style: HighlightStyle): Promise<{ highlight: HighlightRecord | null; outcome: WriteOutcome }> {
    const id = this.#newId();
    const outcome = await this.#write({
      kind: 'highlight',
      docId,
      id,
      anchor,
      color: style.color,
      label: style.label ?? null,
      createdAt: this.#now(),
      rev: 0,
      updatedAt: 0,
    });
    const highlight = this.#cache.get(`hl/${encodeURIComponent(docId)}/${encodeURIComponent(id)}`);
    return { highlight: highlight?.kind === 'highlight' ? highlight : null, outcome };
  }

  updateHighlight(docId: string, id: string, change: Partial<HighlightStyle> & { anchor?: Anchor }): Promise<WriteOutcome> {
    const cur = this.#cache.get(`hl/${encodeURIComponent(docId)}/${encodeURIComponent(id)}`);
    if (!cur || cur.kind !== 'highlight' || cur.deleted) return Promise.resolve('invalid');
    return this.#write({ ...cur, ...change, label: change.label === undefined ? cur.label : change.label });
  }

  /** Deletes a highlight and its notes (as tombstones, so nothing brings them back). */
  async deleteHighlight(docId: string, id: string): Promise<WriteOutcome> {
    const cur = this.#cache.get(`hl/${encodeURIComponent(docId)}/${encodeURIComponent(id)}`);
    if (!cur || cur.kind !== 'highlight' || cur.deleted) return 'invalid';
    const notes = this.highlightNotes(docId, id);
    const outcomes = await Promise.all([this.#write({ ...cur, deleted: true }), ...notes.map((n) => this.#write({ ...n, deleted: true }))]);
    return outcomes.find((o) => o !== 'saved') ?? 'saved';
  }

  /** Creates or replaces the text of a note (by default the target's main note). */
  updateNote(target: NoteTarget, text: string, noteId: string = MAIN_NOTE_ID): Promise<WriteOutcome> {
    const t = target.type === 'pair' ? pairTarget(target.a, target.b) : target;
    const path = targetPath(t) + encodeURIComponent(noteId);
    const cur = this.#cache.get(path);
    const createdAt = cur && cur.kind === 'note' && !cur.deleted ? cur.createdAt : this.#now();
    return this.#write({ kind: 'note', target: t, id: noteId, text, createdAt, rev: 0, updatedAt: 0 });
  }

  deleteNote(target: NoteTarget, noteId: string = MAIN_NOTE_ID): Promise<WriteOutcome> {
    const t = target.type === 'pair' ? pairTarget(target.a, target.b) : target;
    const cur = this.#cache.get(targetPath(t) + encodeURIComponent(noteId));
    if (!cur || cur.kind !== 'note' || cur.deleted) return Promise.resolve('invalid');
    return this.#write({ ...cur, deleted: true });
  }

  async saveComparison(input: SaveComparisonInput): Promise<{ comparison: ComparisonRecord | null; outcome: WriteOutcome }> {
    const id = input.id ?? this.#newId();
    const path = `cmp/${encodeURIComponent(id)}`;
    const cur = this.#cache.get(path);
    const outcome = await this.#write({
      kind: 'comparison',
      id,
      a: input.a,
      b: input.b,
      label: input.label,
      route: input.route ?? null,
      createdAt: cur && cur.kind === 'comparison' ? cur.createdAt : this.#now(),
      rev: 0,
      updatedAt: 0,
    });
    const comparison = this.#cache.get(path);
    return { comparison: comparison?.kind === 'comparison' ? comparison : null, outcome };
  }

  deleteComparison(id: string): Promise<WriteOutcome> {
    const cur = this.#cache.get(`cmp/${encodeURIComponent(id)}`);
    if (!cur || cur.kind !== 'comparison' || cur.deleted) return Promise.resolve('invalid');
    return this.#write({ ...cur, deleted: true });
  }

  setLastView(route: string): Promise<WriteOutcome> {
    return this.#write({ kind: 'last-view', route, rev: 0, updatedAt: 0 });
  }
}
