/**
 * The lifecycle both stores share (reading state, store.ts; the user's
 * corpora, corpora.ts): open the database with a deadline, run from memory
 * with a sentence for the banner when it cannot be opened, keep the status
 * and tell its listeners, and retry a failed write once.
 *
 * Never throws: every problem ends up in `status`, and the store above keeps
 * everything in memory, so what the user did is never lost with the
 * connection; the banner offers export.
 */
import type { UseStore } from 'idb-keyval';
import { openStateDb, type ConnectionHandlers, type StateDb } from './idb.ts';

export type StatusReason = 'unavailable' | 'open-failed' | 'blocked' | 'newer-schema' | 'write-failed' | 'upgraded-elsewhere';

export interface StorageStatus {
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

export const OK_STATUS: StorageStatus = { persistent: true, readOnly: false, reason: null, message: null, durable: null };

/** How long to wait for IndexedDB before running from memory meanwhile. */
export const OPEN_TIMEOUT_MS = 4000;

/** The most telling short name of an error (`QuotaExceededError`), for messages. */
export function errorName(e: unknown): string {
  if (typeof e === 'object' && e !== null) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    if (typeof name === 'string' && name !== 'Error') return name;
    if (typeof message === 'string') return message;
  }
  return String(e);
}

/** A set of listeners; one listener's bug never stops the others (nor a save). */
export class Listeners<E> {
  readonly #set = new Set<(e: E) => void>();

  add(listener: (e: E) => void): () => void {
    this.#set.add(listener);
    return () => this.#set.delete(listener);
  }

  emit(e: E): void {
    for (const l of this.#set) {
      try {
        l(e);
      } catch {
        // A listener's bug must not break saving.
      }
    }
  }
}

/** What the banner says, per store, when it runs from memory. */
export interface MemoryMessages {
  /** There is no IndexedDB at all. */
  unavailable: string;
  /** Opening or reading failed, with the error's name. */
  openFailed(why: string): string;
  /** The database did not answer before the deadline. */
  slow: string;
}

export interface OpenOptions<T> {
  /** Default `globalThis.indexedDB`; null: run in memory. */
  indexedDB?: IDBFactory | null;
  /** Replace the connection (tests inject failures here). */
  openDb?: (handlers: ConnectionHandlers) => StateDb;
  /** Which database (default: openStateDb's, the reading state's). */
  database?: { name: string; storeName: string; version: number };
  openTimeoutMs?: number;
  messages: MemoryMessages;
  /** Another tab's newer app version wants the database: finish writing first. */
  onVersionChange?: () => Promise<void> | void;
  /** Reads what the store holds (one transaction). */
  load(useStore: UseStore): Promise<T>;
  /** Takes what `load` read; called at most once. */
  adopt(loaded: T): void;
  /**
   * After the deadline: 'wait' keeps the connection and adopts the load when
   * it comes (changes made meanwhile stay on top); 'memory' gives the
   * database up for this tab.
   */
  afterDeadline: 'wait' | 'memory';
}

export class StorageLifecycle {
  readonly #listeners = new Listeners<StorageStatus>();
  #status: StorageStatus = { ...OK_STATUS };
  #db: StateDb | null = null;
  #ready = false;

  get status(): StorageStatus {
    return { ...this.#status };
  }

  /** The connection, or null when running from memory. */
  get db(): StateDb | null {
    return this.#db;
  }

  /** Loaded and not given up: writes can go to the database. */
  get ready(): boolean {
    return this.#db !== null && this.#ready;
  }

  onStatus(listener: (s: StorageStatus) => void): () => void {
    return this.#listeners.add(listener);
  }

  setStatus(patch: Partial<StorageStatus>, opts: { quiet?: boolean } = {}): void {
    this.#status = { ...this.#status, ...patch };
    if (!opts.quiet) this.#listeners.emit(this.status);
  }

  #memory(reason: StatusReason, message: string): void {
    this.#db?.close();
    this.#db = null;
    this.#ready = false;
    this.setStatus({ persistent: false, reason, message });
  }

  /** Opens and loads; resolves once loaded, failed (running from memory) or past the deadline. */
  async open<T>(opts: OpenOptions<T>): Promise<void> {
    const factory = opts.indexedDB === undefined ? (globalThis as { indexedDB?: IDBFactory }).indexedDB : opts.indexedDB;
    if (!opts.openDb && !factory) return this.#memory('unavailable', opts.messages.unavailable);

    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    let pastDeadline = false;
    const handlers: ConnectionHandlers = {
      onBlocked: () => {
        if (this.#ready) return;
        this.setStatus({
          persistent: false,
          reason: 'blocked',
          message: 'Another Refrain tab with an older version is open: close it to save changes. Until then changes are kept in this tab only.',
        });
        settle();
      },
      onVersionChange: () => {
        const retire = (): void => {
          this.#ready = false;
          this.setStatus({
            readOnly: true,
            reason: 'upgraded-elsewhere',
            message: 'Refrain was updated in another tab. Reload this tab to keep editing; your changes so far are saved.',
          });
        };
        const finishing = opts.onVersionChange?.();
        return finishing ? finishing.then(retire) : retire();
      },
    };
    let db: StateDb;
    try {
      db = opts.openDb ? opts.openDb(handlers) : openStateDb({ factory: factory!, ...(opts.database ?? {}), ...handlers });
    } catch (e) {
      return this.#memory('open-failed', opts.messages.openFailed(errorName(e)));
    }
    this.#db = db;

    const timer = setTimeout(() => {
      pastDeadline = true;
      if (opts.afterDeadline === 'memory') this.#memory('open-failed', opts.messages.slow);
      else if (!this.#ready && this.#status.persistent) this.setStatus({ persistent: false, reason: 'blocked', message: opts.messages.slow });
      settle();
    }, opts.openTimeoutMs ?? OPEN_TIMEOUT_MS);

    opts.load(db.useStore).then(
      (loaded) => {
        clearTimeout(timer);
        if (this.#db !== db || (pastDeadline && opts.afterDeadline === 'memory')) return;
        this.#ready = true;
        opts.adopt(loaded);
        if (!this.#status.persistent || this.#status.reason === 'blocked') this.setStatus({ persistent: true, reason: null, message: null });
        settle();
      },
      (e: unknown) => {
        clearTimeout(timer);
        if (this.#db === db) this.#memory('open-failed', opts.messages.openFailed(errorName(e)));
        settle();
      },
    );
    await settled;
  }

  /** Runs one attempt, and once more if it throws (a transient abort, or a connection the browser closed and useStore reopens). */
  async retryOnce<R>(attempt: () => Promise<R>): Promise<{ ok: true; value: R } | { ok: false; error: unknown }> {
    try {
      return { ok: true, value: await attempt() };
    } catch {
      try {
        return { ok: true, value: await attempt() };
      } catch (error) {
        return { ok: false, error };
      }
    }
  }

  close(): void {
    this.#db?.close();
    this.#db = null;
    this.#ready = false;
  }
}
