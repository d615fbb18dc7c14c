/**
 * The reading-state store: the one module that owns saved state, and its API
 * for the views: what a reader has read, highlighted, noted and compared.
 *
 * Design (see also records.ts, record-sync.ts and lifecycle.ts):
 * - IndexedDB through idb-keyval: idb-keyval's `get`/`getMany` and its
 *   `UseStore` callback shape for every transaction, over our own
 *   `openStateDb` instead of `createStore`, because `createStore` cannot
 *   report `blocked`/`versionchange` or pick a version. The data schema is a
 *   per-corpus record with data migrations run on open, in one transaction.
 * - All records of the corpus are held in memory; reads are synchronous.
 *   Writes go through the queue in record-sync.ts (compare-and-set per
 *   record, cross-tab sync, conflict copies).
 * - Failure never loses what is in memory: without IndexedDB the store runs
 *   in memory (`status.persistent === false`, with a reason for the banner)
 *   and export still works; a closed connection is reopened by the next
 *   write; a newer schema (another app version) makes the store read-only.
 */

import type { Anchor } from './anchor.ts';
import type { ConnectionHandlers, StateDb } from './idb.ts';
import { StorageLifecycle, type StorageStatus } from './lifecycle.ts';
import type { JournalStorage } from './journal.ts';
import { RecordSync, type StoreEvent, type WriteOutcome } from './record-sync.ts';
import type { ChannelLike } from './tab-channel.ts';
import {
  MAIN_NOTE_ID,
  pairTarget,
  targetPath,
  type ComparisonRecord,
  type DocRecord,
  type HighlightRecord,
  type NoteRecord,
  type NoteTarget,
  type StateRecord,
} from './records.ts';

export { type StoreEvent, type WriteOutcome } from './record-sync.ts';
export { JOURNAL_PREFIX, type JournalStorage } from './journal.ts';
export { CHANNEL_NAME, type ChangeMessage, type ChannelLike } from './tab-channel.ts';
export { OPEN_TIMEOUT_MS, type StatusReason } from './lifecycle.ts';
export type StoreStatus = StorageStatus;

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
  /** Where changes still queued when the page hides are kept (default localStorage; null: nowhere). */
  journal?: JournalStorage | null;
  /** Default `navigator.storage`; null: do not ask. */
  storage?: StorageLike | null;
  now?: () => number;
  newId?: () => string;
  /** How long to wait for IndexedDB before running from memory meanwhile. */
  openTimeoutMs?: number;
}

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

function defaultId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

async function requestPersist(given: StorageLike | null | undefined): Promise<boolean | null> {
  const storage = given === undefined ? (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage : given;
  if (!storage || typeof storage.persist !== 'function') return null;
  try {
    const already = typeof storage.persisted === 'function' ? await storage.persisted() : false;
    return already || (await storage.persist()) === true;
  } catch {
    return null; // Refused or unsupported: best-effort storage is still storage.
  }
}

export class ReadingStore {
  readonly corpusId: string;
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #life = new StorageLifecycle();
  readonly #sync: RecordSync;

  private constructor(opts: StoreOptions) {
    this.corpusId = opts.corpusId;
    this.#now = opts.now ?? Date.now;
    this.#newId = opts.newId ?? defaultId;
    this.#sync = new RecordSync({ corpusId: opts.corpusId, lifecycle: this.#life, channel: opts.channel, journal: opts.journal, now: this.#now, newId: this.#newId });
    this.#life.onStatus((status) => this.#sync.events.emit({ type: 'status', status }));
  }

  /** Opens the store for one corpus. Never throws: problems end up in `status`. */
  static async open(opts: StoreOptions): Promise<ReadingStore> {
    const store = new ReadingStore(opts);
    const durable = requestPersist(opts.storage);
    await store.#life.open({
      indexedDB: opts.indexedDB,
      openDb: opts.openDb,
      openTimeoutMs: opts.openTimeoutMs,
      messages: {
        unavailable: 'This browser offers no storage here (IndexedDB is unavailable): notes and highlights last only until the tab is closed. Use Export to keep them.',
        openFailed: (why) => `Saved state cannot be opened here (${why}): notes and highlights last only until the tab is closed. Use Export to keep them.`,
        slow: 'Storage is slow to answer: changes are kept in this tab until it does.',
      },
      onVersionChange: () => store.#sync.beforeVersionChange(),
      load: (useStore) => store.#sync.load(useStore),
      adopt: (loaded) => store.#sync.adopt(loaded),
      afterDeadline: 'wait',
    });
    const granted = await durable;
    if (granted !== null) store.#life.setStatus({ durable: granted }, { quiet: true });
    return store;
  }

  get status(): StoreStatus {
    return this.#life.status;
  }

  subscribe(listener: (e: StoreEvent) => void): () => void {
    return this.#sync.events.add(listener);
  }

  /** Records found in the database that failed validation (left untouched). */
  get ignoredRecords(): number {
    return this.#sync.ignoredRecords;
  }

  /** Schema version found on open (0: none yet), for tests and diagnostics. */
  get openedVersion(): number {
    return this.#sync.openedVersion;
  }

  /** Saves every pending change; safe to call at any time. */
  flush(): Promise<void> {
    return this.#sync.flush();
  }

  /**
   * The page is going away or out of sight (pagehide, visibilitychange to
   * hidden, beforeunload): keeps what is still queued, and whatever is
   * changed after, in the journal at once, and starts saving it.
   */
  pageHiding(): void {
    this.#sync.pageHiding();
    void this.#sync.flush();
  }

  /** The page is back (pageshow, visible): changes go to the queue only. */
  pageShowing(): void {
    this.#sync.pageShowing();
  }

  /** Writes several already-validated records all or nothing (import); null on success, else a message. */
  commitBatch(records: StateRecord[]): Promise<string | null> {
    return this.#sync.commitBatch(records);
  }

  async close(): Promise<void> {
    await this.#sync.close();
    this.#life.close();
  }

  // -------------------------------------------------------------------------
  // Reading

  /** Every record of the corpus, tombstones included (for export). */
  allRecords(): StateRecord[] {
    return [...this.#sync.entries()].map(([, r]) => r);
  }

  /** Changes not yet in IndexedDB (for a "not saved" indicator). */
  get pendingCount(): number {
    return this.#sync.pendingCount;
  }

  getRecord(path: string): StateRecord | undefined {
    return this.#sync.get(path);
  }

  #live(prefix: string): StateRecord[] {
    const out: StateRecord[] = [];
    for (const [path, r] of this.#sync.entries()) if (path.startsWith(prefix) && !r.deleted) out.push(r);
    return out;
  }

  getDocState(docId: string): DocState {
    const r = this.#sync.get(`doc/${encodeURIComponent(docId)}`);
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
    const r = this.#sync.get('last-view');
    return r && r.kind === 'last-view' && !r.deleted ? r.route : null;
  }

  // -------------------------------------------------------------------------
  // Changing

  setPosition(docId: string, position: number): Promise<WriteOutcome> {
    const { read } = this.getDocState(docId);
    return this.#sync.write({ kind: 'doc', docId, position, read, rev: 0, updatedAt: 0 } satisfies DocRecord);
  }

  markRead(docId: string, read = true): Promise<WriteOutcome> {
    const { position } = this.getDocState(docId);
    return this.#sync.write({ kind: 'doc', docId, position, read, rev: 0, updatedAt: 0 } satisfies DocRecord);
  }

  /** Adds a highlight; it is listed at once, the promise settles when saved (or reported). */
  async addHighlight(docId: string, anchor: Anchor, style: HighlightStyle): Promise<{ highlight: HighlightRecord | null; outcome: WriteOutcome }> {
    const id = this.#newId();
    const outcome = await this.#sync.write({
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
    const highlight = this.#sync.get(`hl/${encodeURIComponent(docId)}/${encodeURIComponent(id)}`);
    return { highlight: highlight?.kind === 'highlight' ? highlight : null, outcome };
  }

  updateHighlight(docId: string, id: string, change: Partial<HighlightStyle> & { anchor?: Anchor }): Promise<WriteOutcome> {
    const cur = this.#sync.get(`hl/${encodeURIComponent(docId)}/${encodeURIComponent(id)}`);
    if (!cur || cur.kind !== 'highlight' || cur.deleted) return Promise.resolve('invalid');
    return this.#sync.write({ ...cur, ...change, label: change.label === undefined ? cur.label : change.label });
  }

  /** Deletes a highlight and its notes (as tombstones, so nothing brings them back). */
  async deleteHighlight(docId: string, id: string): Promise<WriteOutcome> {
    const cur = this.#sync.get(`hl/${encodeURIComponent(docId)}/${encodeURIComponent(id)}`);
    if (!cur || cur.kind !== 'highlight' || cur.deleted) return 'invalid';
    const notes = this.highlightNotes(docId, id);
    const outcomes = await Promise.all([this.#sync.write({ ...cur, deleted: true }), ...notes.map((n) => this.#sync.write({ ...n, deleted: true }))]);
    return outcomes.find((o) => o !== 'saved') ?? 'saved';
  }

  /** Creates or replaces the text of a note (by default the target's main note). */
  updateNote(target: NoteTarget, text: string, noteId: string = MAIN_NOTE_ID): Promise<WriteOutcome> {
    const t = target.type === 'pair' ? pairTarget(target.a, target.b) : target;
    const path = targetPath(t) + encodeURIComponent(noteId);
    const cur = this.#sync.get(path);
    const createdAt = cur && cur.kind === 'note' && !cur.deleted ? cur.createdAt : this.#now();
    return this.#sync.write({ kind: 'note', target: t, id: noteId, text, createdAt, rev: 0, updatedAt: 0 });
  }

  /**
   * Saves what the reader is typing into a note: `text` was begun on the
   * note's text `base`. If the note changed since (another tab saved first),
   * the note is left as it is and `text` becomes a conflict copy beside it;
   * so it is if another tab's save wins while this one is being written. The
   * answer says which note now holds `text` (the writer goes on there). An
   * empty text deletes the note.
   */
  async editNote(target: NoteTarget, text: string, opts: { base: string; noteId?: string }): Promise<{ outcome: WriteOutcome; noteId: string }> {
    const t = target.type === 'pair' ? pairTarget(target.a, target.b) : target;
    const noteId = opts.noteId ?? MAIN_NOTE_ID;
    const path = targetPath(t) + encodeURIComponent(noteId);
    const cur = this.#sync.get(path);
    const curText = cur && cur.kind === 'note' && !cur.deleted ? cur.text : '';
    if (curText !== opts.base && curText !== text) {
      if (text.trim() === '') return { outcome: 'conflict', noteId };
      // Typed on words that already lost to another tab while being saved: they went to a copy, so does this.
      const lost = this.#sync.conflictCopyOf(path);
      if (lost && lost.text === opts.base) {
        const outcome = await this.updateNote(t, text, lost.id);
        return { outcome: outcome === 'saved' || outcome === 'memory' ? 'conflict' : outcome, noteId: lost.id };
      }
      const copy = this.#sync.keepAsConflictCopy(path, t, text);
      return { outcome: 'conflict', noteId: copy.id };
    }
    let outcome: WriteOutcome;
    if (text.trim() === '') outcome = curText === '' ? 'saved' : await this.deleteNote(t, noteId);
    else outcome = await this.updateNote(t, text, noteId);
    return { outcome, noteId: outcome === 'conflict' ? (this.#sync.conflictCopyOf(path)?.id ?? noteId) : noteId };
  }

  deleteNote(target: NoteTarget, noteId: string = MAIN_NOTE_ID): Promise<WriteOutcome> {
    const t = target.type === 'pair' ? pairTarget(target.a, target.b) : target;
    const cur = this.#sync.get(targetPath(t) + encodeURIComponent(noteId));
    if (!cur || cur.kind !== 'note' || cur.deleted) return Promise.resolve('invalid');
    return this.#sync.write({ ...cur, deleted: true });
  }

  async saveComparison(input: SaveComparisonInput): Promise<{ comparison: ComparisonRecord | null; outcome: WriteOutcome }> {
    const id = input.id ?? this.#newId();
    const path = `cmp/${encodeURIComponent(id)}`;
    const cur = this.#sync.get(path);
    const outcome = await this.#sync.write({
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
    const comparison = this.#sync.get(path);
    return { comparison: comparison?.kind === 'comparison' ? comparison : null, outcome };
  }

  deleteComparison(id: string): Promise<WriteOutcome> {
    const cur = this.#sync.get(`cmp/${encodeURIComponent(id)}`);
    if (!cur || cur.kind !== 'comparison' || cur.deleted) return Promise.resolve('invalid');
    return this.#sync.write({ ...cur, deleted: true });
  }

  setLastView(route: string): Promise<WriteOutcome> {
    return this.#sync.write({ kind: 'last-view', route, rev: 0, updatedAt: 0 });
  }
}
