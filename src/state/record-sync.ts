/**
 * One corpus's reading-state records: held in memory, written through a
 * queue, kept in step with other tabs. The reading API (store.ts) sits on
 * top; the connection's lifecycle is lifecycle.ts.
 *
 * - Loading: every record of the corpus in one readwrite transaction that
 *   first migrates older data (records.ts), all or nothing.
 * - Writing: a write updates the in-memory record at once and is queued per
 *   path (`#pending`, coalescing); the queue is flushed one record per
 *   readwrite transaction that checks the corpus schema version and the
 *   record's `rev` (compare-and-set) before putting the whole record. A
 *   failed write is retried once, then reported, and stays pending for the
 *   next flush; a newer schema makes the store read-only.
 * - A stale write (another tab saved the record first) never overwrites: the
 *   other tab's record is kept, and a note's losing text (the latest one
 *   this tab had queued for it) is saved beside it as a conflict copy.
 * - Other tabs hear of every saved record over a BroadcastChannel
 *   (`{corpus, key, rev}`) and re-read it.
 * - The journal: an IndexedDB transaction begun while the page is being
 *   closed or reloaded does not finish (Chromium drops it with the page), so
 *   when the page hides, the changes still queued are written synchronously
 *   to localStorage with the rev they were based on; the next open of the
 *   corpus (any tab) queues them again, through the same compare-and-set,
 *   and removes the journal.
 */
import { getMany, promisifyRequest, type UseStore } from 'idb-keyval';
import { isPlainObject } from '../validate/fields.ts';
import { errorName, Listeners, type StorageLifecycle, type StorageStatus } from './lifecycle.ts';
import {
  CONFLICT_COPY_PREFIX,
  SCHEMA_PATH,
  SCHEMA_VERSION,
  corpusPrefix,
  migrateEntries,
  recordPath,
  validateRecord,
  type NoteRecord,
  type NoteTarget,
  type StateRecord,
} from './records.ts';

export type StoreEvent =
  | { type: 'change'; paths: string[]; origin: 'local' | 'remote' | 'import' }
  | { type: 'status'; status: StorageStatus }
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

export const CHANNEL_NAME = 'refrain-state';
/** Prefix of the journal's localStorage keys: `<prefix><corpus>/<tab>`. */
export const JOURNAL_PREFIX = 'refrain-journal/';
/** A journal larger than this is not written (localStorage holds about 5 MB per origin). */
export const MAX_JOURNAL_CHARS = 1_000_000;

/** The part of localStorage the journal uses (tests pass their own). */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

interface JournalEntry {
  path: string;
  /** The rev in IndexedDB the change was based on. */
  base: number;
  record: unknown;
}

type CommitResult = { type: 'ok'; rev: number } | { type: 'conflict'; current: unknown } | { type: 'newer-schema'; version: number };

function schemaVersionOf(v: unknown): number | undefined {
  return isPlainObject(v) && typeof v['version'] === 'number' ? v['version'] : undefined;
}

function revOf(v: unknown): number {
  return isPlainObject(v) && typeof v['rev'] === 'number' ? v['rev'] : 0;
}

export interface SyncOptions {
  corpusId: string;
  lifecycle: StorageLifecycle;
  /** Default: a BroadcastChannel named CHANNEL_NAME where available; null: none. */
  channel?: ChannelLike | null;
  /** Default: localStorage where available; null: no journal. */
  journal?: JournalStorage | null;
  now: () => number;
  newId: () => string;
}

/** Unique per page, whatever ids the store is given (tests give predictable ones). */
function tabId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function defaultJournal(): JournalStorage | null {
  try {
    return (globalThis as { localStorage?: JournalStorage }).localStorage ?? null;
  } catch {
    return null; // a SecurityError where storage is blocked
  }
}

/** Records per chunk of requests in one commitBatch transaction (a few tens of milliseconds of main thread each). */
const BATCH_CHUNK = 500;

export class RecordSync {
  readonly corpusId: string;
  readonly events = new Listeners<StoreEvent>();
  readonly #prefix: string;
  readonly #life: StorageLifecycle;
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #cache = new Map<string, StateRecord>();
  /** rev of each path as last seen in IndexedDB: the compare in compare-and-set. */
  readonly #base = new Map<string, number>();
  readonly #pending = new Map<string, StateRecord>();
  readonly #outcomes = new WeakMap<StateRecord, WriteOutcome>();
  #channel: ChannelLike | null = null;
  readonly #journal: JournalStorage | null;
  readonly #journalKey: string;
  /** This tab's journal holds changes (remove it once they are saved). */
  #journaled = false;
  /** The page is hiding: journal every change as it is made. */
  #hiding = false;
  /** The last conflict copy made for each path's losing write, and the text it was made with. */
  readonly #copies = new Map<string, { id: string; text: string }>();
  #flushChain: Promise<void> = Promise.resolve();
  #flushing = 0;
  #closed = false;
  /** Records found in the database that failed validation (left untouched). */
  ignoredRecords = 0;
  /** Schema version found on open (0: none yet), for tests and diagnostics. */
  openedVersion = 0;

  constructor(opts: SyncOptions) {
    this.corpusId = opts.corpusId;
    this.#prefix = corpusPrefix(opts.corpusId);
    this.#life = opts.lifecycle;
    this.#now = opts.now;
    this.#newId = opts.newId;
    this.#journal = opts.journal === undefined ? defaultJournal() : opts.journal;
    this.#journalKey = `${JOURNAL_PREFIX}${this.#prefix}${tabId()}`;
    this.#openChannel(opts.channel);
  }

  get status(): StorageStatus {
    return this.#life.status;
  }

  #setStatus(patch: Partial<StorageStatus>): void {
    this.#life.setStatus(patch);
  }

  #emit(e: StoreEvent): void {
    this.events.emit(e);
  }

  /** Finish writing before another app version takes the database (nothing to do: undefined). */
  beforeVersionChange(): Promise<void> | undefined {
    return this.#pending.size === 0 && this.#flushing === 0 ? undefined : this.flush();
  }

  // -------------------------------------------------------------------------
  // Loading

  /** Reads the corpus, migrating it first if it is older, in one transaction. */
  load(useStore: UseStore): Promise<{ version: number; entries: Map<string, unknown> }> {
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

  /** Takes what `load` read; changes made while waiting for the database stay on top. */
  adopt({ version, entries }: { version: number; entries: Map<string, unknown> }): void {
    this.openedVersion = version;
    for (const [path, value] of entries) {
      if (path === SCHEMA_PATH) continue;
      const checked = validateRecord(value);
      if (!checked.ok || recordPath(checked.value) !== path) {
        this.ignoredRecords++;
        continue;
      }
      this.#base.set(path, checked.value.rev);
      if (!this.#pending.has(path)) this.#cache.set(path, checked.value);
    }
    if (version > SCHEMA_VERSION) this.#setStatus({ persistent: true, ...this.#newerSchemaStatus(version) });
    else this.#replayJournals();
    this.#emit({ type: 'change', paths: [...this.#cache.keys()], origin: 'remote' });
    if (this.#pending.size) void this.flush();
  }

  // -------------------------------------------------------------------------
  // The journal (see the top)

  /** The page is hiding (pagehide, visibilitychange to hidden, beforeunload): journal what is queued, and what comes. */
  pageHiding(): void {
    this.#hiding = true;
    this.#writeJournal();
  }

  pageShowing(): void {
    this.#hiding = false;
  }

  #writeJournal(): void {
    if (!this.#journal || !this.#life.db) return; // from memory: the banner says changes are not kept
    try {
      if (this.#pending.size === 0) return this.#clearJournal();
      const entries: JournalEntry[] = [...this.#pending].map(([path, record]) => ({ path, base: this.#base.get(path) ?? 0, record }));
      const json = JSON.stringify({ corpus: this.corpusId, entries });
      if (json.length > MAX_JOURNAL_CHARS) return;
      this.#journal.setItem(this.#journalKey, json);
      this.#journaled = true;
    } catch {
      // Storage full or blocked: the flush that follows may still finish.
    }
  }

  #clearJournal(): void {
    if (!this.#journaled) return;
    try {
      this.#journal?.removeItem(this.#journalKey);
      this.#journaled = false;
    } catch {
      // Left for the next open, which finds its changes already saved.
    }
  }

  /** Queues the changes journaled by closed pages of this corpus, each on the rev it was based on. */
  #replayJournals(): void {
    const journal = this.#journal;
    if (!journal) return;
    const mine = `${JOURNAL_PREFIX}${this.#prefix}`;
    try {
      const keys: string[] = [];
      for (let i = 0; i < journal.length; i++) {
        const k = journal.key(i);
        if (k !== null && k.startsWith(mine) && k !== this.#journalKey) keys.push(k);
      }
      for (const k of keys) {
        const raw = journal.getItem(k);
        journal.removeItem(k);
        let parsed: unknown;
        try {
          parsed = raw === null ? null : JSON.parse(raw);
        } catch {
          continue;
        }
        const entries = isPlainObject(parsed) && Array.isArray(parsed['entries']) ? parsed['entries'] : [];
        for (const e of entries as unknown[]) {
          if (!isPlainObject(e) || typeof e['path'] !== 'string' || typeof e['base'] !== 'number') continue;
          const checked = validateRecord(e['record']);
          if (!checked.ok || recordPath(checked.value) !== e['path'] || this.#pending.has(e['path'])) continue;
          this.#cache.set(e['path'], checked.value);
          this.#pending.set(e['path'], checked.value);
          this.#base.set(e['path'], e['base']);
        }
      }
    } catch {
      // Unreadable storage: nothing to replay.
    }
  }

  #newerSchemaStatus(version: number): Partial<StorageStatus> {
    return {
      readOnly: true,
      reason: 'newer-schema',
      message: `These notes were saved by a newer version of Refrain (data version ${version}, this one reads ${SCHEMA_VERSION}). They are shown read-only so nothing is lost; open the newer version to edit.`,
    };
  }

  // -------------------------------------------------------------------------
  // Reading

  get(path: string): StateRecord | undefined {
    return this.#cache.get(path);
  }

  /** Every record held, as [path, record], tombstones included. */
  entries(): IterableIterator<[string, StateRecord]> {
    return this.#cache.entries();
  }

  /** Changes not yet in IndexedDB. */
  get pendingCount(): number {
    return this.#pending.size;
  }

  // -------------------------------------------------------------------------
  // Cross-tab

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
    const db = this.#life.db;
    if (!db || !this.#life.ready) return;
    let values: unknown[];
    try {
      values = await getMany(
        paths.map((p) => this.#prefix + p),
        db.useStore,
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
  write(record: StateRecord): Promise<WriteOutcome> {
    if (this.status.readOnly || this.#closed) {
      this.#emit({ type: 'error', message: this.status.message ?? 'Saved state is read-only.' });
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
    if (this.#hiding) this.#writeJournal();
    if (!this.#life.db) return Promise.resolve('memory');
    return this.flush().then(() => this.#outcomes.get(rec) ?? (this.#pending.get(path) === rec ? (this.#life.ready ? 'failed' : 'memory') : 'saved'));
  }

  /** Saves every pending change; safe to call at any time (e.g. on `pagehide`). */
  flush(): Promise<void> {
    this.#flushing++;
    this.#flushChain = this.#flushChain.then(() => this.#flushOnce()).finally(() => this.#flushing--);
    return this.#flushChain;
  }

  async #flushOnce(): Promise<void> {
    for (const [path, rec] of [...this.#pending]) {
      if (!this.#life.ready || this.status.readOnly) return;
      if (this.#pending.get(path) !== rec) continue;
      await this.#commitWithRetry(path, rec);
    }
  }

  async #commitWithRetry(path: string, rec: StateRecord): Promise<void> {
    const db = this.#life.db;
    if (!db) return;
    const attempt = await this.#life.retryOnce(() => this.#commit(db.useStore, path, rec));
    if (!attempt.ok) {
      this.#outcomes.set(rec, 'failed');
      const message = `Could not save a change (${errorName(attempt.error)}). It is kept in this tab and will be retried; use Export to be safe.`;
      this.#setStatus({ reason: 'write-failed', message });
      this.#emit({ type: 'error', message, path });
      return;
    }
    const result = attempt.value;
    if (result.type === 'ok') {
      this.#base.set(path, result.rev);
      if (this.#pending.get(path) === rec) this.#pending.delete(path);
      const cached = this.#cache.get(path);
      if (cached === rec && rec.rev !== result.rev) this.#cache.set(path, { ...rec, rev: result.rev });
      this.#outcomes.set(rec, 'saved');
      if (this.status.reason === 'write-failed') this.#setStatus({ reason: null, message: null });
      if (this.#pending.size === 0) this.#clearJournal();
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
          const currentRev = revOf(current);
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
    // A change queued behind the losing one was made on it, not on theirs: it loses too.
    const latest = this.#pending.get(path) ?? mine;
    this.#pending.delete(path);
    this.#outcomes.set(latest, 'conflict');
    if (theirs) {
      this.#cache.set(path, theirs);
      this.#base.set(path, theirs.rev);
    } else {
      this.#cache.delete(path);
      this.#base.set(path, revOf(current));
    }
    // A stale tab cannot overwrite the newer record, but a note's words are not thrown away.
    const copy =
      latest.kind === 'note' && !latest.deleted && latest.text.trim() !== '' && (!theirs || theirs.kind !== 'note' || theirs.deleted || theirs.text !== latest.text)
        ? this.#conflictCopy(latest.target, latest.text)
        : null;
    if (copy) this.#copies.set(path, { id: copy.id, text: copy.text });
    this.#emit({ type: 'conflict', path, kept: theirs, copy });
    this.#emit({ type: 'change', paths: [path], origin: 'remote' });
  }

  /** Saves `text` as a new note on `target` beside the one it lost to. */
  #conflictCopy(target: NoteTarget, text: string): NoteRecord {
    const now = this.#now();
    const copy: NoteRecord = { kind: 'note', target, id: `${CONFLICT_COPY_PREFIX}${this.#newId()}`, text, createdAt: now, rev: 0, updatedAt: 0 };
    void this.write(copy);
    return copy;
  }

  /**
   * Keeps `text`, written on an older version of the note at `path`, as a
   * conflict copy (the caller found the note changed since); returns the copy.
   */
  keepAsConflictCopy(path: string, target: NoteTarget, text: string): NoteRecord {
    const copy = this.#conflictCopy(target, text);
    this.#copies.set(path, { id: copy.id, text });
    const kept = this.#cache.get(path) ?? null;
    this.#emit({ type: 'conflict', path, kept, copy });
    return copy;
  }

  /** The last conflict copy made when a write to `path` lost, and the text that lost. */
  conflictCopyOf(path: string): { id: string; text: string } | undefined {
    return this.#copies.get(path);
  }

  /**
   * Writes several already-validated records all or nothing (used by import).
   * Each is compared-and-set against the rev this tab knows; one mismatch or
   * failure aborts the whole transaction. Returns null on success, else a message.
   */
  async commitBatch(records: StateRecord[]): Promise<string | null> {
    if (this.status.readOnly) return this.status.message ?? 'Saved state is read-only.';
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
    if (!this.#life.ready) {
      apply(null);
      return null;
    }
    await this.flush();
    const db = this.#life.db!;
    const attempt = (): Promise<number[] | string> =>
      db.useStore('readwrite', (os) => {
        const tx = os.transaction;
        return promisifyRequest(os.get(this.#prefix + SCHEMA_PATH)).then(async (schema) => {
          const version = schemaVersionOf(schema) ?? SCHEMA_VERSION;
          if (version > SCHEMA_VERSION) return `the saved state is from a newer version (${version})`;
          // Requests are made a chunk at a time, each chunk from the previous one's last success (the
          // transaction stays active), so 60,000 imported records are many short tasks, not one long freeze.
          const currents: unknown[] = [];
          for (let at = 0; at < paths.length; at += BATCH_CHUNK) {
            const chunk = paths.slice(at, at + BATCH_CHUNK).map((p) => promisifyRequest(os.get(this.#prefix + p)));
            for (const v of await Promise.all(chunk)) currents.push(v);
          }
          const revs: number[] = [];
          for (let i = 0; i < paths.length; i++) {
            const curRev = revOf(currents[i]);
            if (curRev !== (this.#base.get(paths[i]!) ?? 0)) {
              tx.abort();
              return 'another tab changed the same records meanwhile; try again';
            }
            revs.push(curRev + 1);
          }
          for (let at = 0; at < records.length; at += BATCH_CHUNK) {
            let last: IDBRequest | null = null;
            try {
              for (let i = at; i < Math.min(at + BATCH_CHUNK, records.length); i++) last = os.put({ ...records[i]!, rev: revs[i] }, this.#prefix + paths[i]!);
            } catch (e) {
              // A put that throws (QuotaExceededError, DataCloneError) does not abort the
              // transaction by itself: the earlier puts would commit. Abort: all or nothing.
              tx.abort();
              throw e;
            }
            if (last && at + BATCH_CHUNK < records.length) await promisifyRequest(last);
          }
          await promisifyRequest(tx);
          return revs;
        });
      });
    const outcome = await this.#life.retryOnce(attempt);
    if (!outcome.ok) {
      const message = `Import not saved (${errorName(outcome.error)}); nothing was changed.`;
      this.#emit({ type: 'error', message });
      return message;
    }
    const result = outcome.value;
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
  }
}
