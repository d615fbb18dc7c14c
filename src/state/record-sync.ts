/**
 * One corpus's reading-state records: held in memory, written through a
 * queue, kept in step with other tabs. The reading API (store.ts) sits on
 * top; the connection's lifecycle is lifecycle.ts; the transactions
 * themselves are record-transactions.ts.
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
 * - Other tabs hear of every saved record (tab-channel.ts) and re-read it.
 * - When the page hides, the changes still queued go to the journal
 *   (journal.ts); the next open of the corpus queues them again.
 */
import { getMany, type UseStore } from 'idb-keyval';
import { Journal, defaultJournal, type JournalStorage } from './journal.ts';
import { errorName, Listeners, type StorageLifecycle, type StorageStatus } from './lifecycle.ts';
import { commitRecord, commitRecords, loadRecords, revOf, type LoadedRecords } from './record-transactions.ts';
import {
  CONFLICT_COPY_PREFIX,
  SCHEMA_PATH,
  SCHEMA_VERSION,
  corpusPrefix,
  recordPath,
  validateRecord,
  type NoteRecord,
  type NoteTarget,
  type StateRecord,
} from './records.ts';
import { TabChannel, type ChannelLike } from './tab-channel.ts';

export type StoreEvent =
  | { type: 'change'; paths: string[]; origin: 'local' | 'remote' | 'import' }
  | { type: 'status'; status: StorageStatus }
  | { type: 'error'; message: string; path?: string }
  /** Another tab saved `path` first; `kept` is its record; a losing note's text was saved as `copy`. */
  | { type: 'conflict'; path: string; kept: StateRecord | null; copy: NoteRecord | null };

export type WriteOutcome = 'saved' | 'memory' | 'failed' | 'conflict' | 'read-only' | 'invalid';

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
  readonly #channel: TabChannel;
  readonly #journal: Journal;
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
    this.#journal = new Journal(opts.journal === undefined ? defaultJournal() : opts.journal, opts.corpusId, this.#prefix);
    this.#channel = new TabChannel(opts.channel, opts.corpusId, (key, rev) => this.#onMessage(key, rev));
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
  load(useStore: UseStore): Promise<LoadedRecords> {
    return loadRecords(useStore, this.#prefix);
  }

  /** Takes what `load` read; changes made while waiting for the database stay on top. */
  adopt({ version, entries }: LoadedRecords): void {
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
    if (!this.#life.db) return; // from memory: the banner says changes are not kept
    this.#journal.write([...this.#pending].map(([path, record]) => ({ path, base: this.#base.get(path) ?? 0, record })));
  }

  /** Queues the changes journaled by closed pages of this corpus, each on the rev it was based on. */
  #replayJournals(): void {
    for (const { path, base, record } of this.#journal.replay()) {
      if (this.#pending.has(path)) continue;
      this.#cache.set(path, record);
      this.#pending.set(path, record);
      this.#base.set(path, base);
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

  #onMessage(key: string, rev: number): void {
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
    const attempt = await this.#life.retryOnce(() => commitRecord(db.useStore, this.#prefix, path, rec, this.#base.get(path) ?? 0));
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
      if (this.#pending.size === 0) this.#journal.clear();
      this.#channel.post(path, result.rev);
    } else if (result.type === 'newer-schema') {
      this.#outcomes.set(rec, 'read-only');
      this.#setStatus(this.#newerSchemaStatus(result.version));
    } else {
      this.#outcomes.set(rec, 'conflict');
      this.#resolveConflict(path, rec, result.current);
    }
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
    const attempt = () => commitRecords(db.useStore, this.#prefix, records, paths, (p) => this.#base.get(p) ?? 0);
    const outcome = await this.#life.retryOnce(attempt);
    if (!outcome.ok) {
      const message = `Import not saved (${errorName(outcome.error)}); nothing was changed.`;
      this.#emit({ type: 'error', message });
      return message;
    }
    const result = outcome.value;
    if (typeof result === 'string') return result;
    apply(result);
    paths.forEach((p, i) => this.#channel.post(p, result[i]!));
    return null;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.flush();
    this.#closed = true;
    this.#channel?.close();
  }
}
