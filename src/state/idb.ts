/**
 * The IndexedDB connection, as an idb-keyval `UseStore`.
 *
 * Why not idb-keyval's own `createStore`: it opens the database without a
 * version, so it can neither create the store at a version we choose nor hear
 * `blocked` or `versionchange`, and a closed connection is only noticed through
 * `onclose` (which not every browser fires). This is the same small function
 * with those cases handled; everything above it uses idb-keyval's
 * `get`/`getMany`/`promisifyRequest` with it, exactly as with a store from
 * `createStore`, and tests may pass any other `UseStore` in its place.
 *
 * The database version (DB_VERSION) describes the object-store layout only.
 * The data schema is versioned per corpus by a record (see records.ts), so one
 * Refrain file's migration never touches another corpus's records.
 */

import type { UseStore } from 'idb-keyval';

/** App-specific name: under file:// every local HTML file shares IndexedDB. */
export const DB_NAME = 'refrain';
export const STORE_NAME = 'state';
export const DB_VERSION = 1;

export interface ConnectionHandlers {
  /** Another connection (an older tab) keeps the database from upgrading. */
  onBlocked?: () => void;
  /**
   * A newer version of the app wants to upgrade the database (or delete it):
   * finish pending writes; the connection is closed when the promise settles
   * and never reopened.
   */
  onVersionChange?: () => Promise<void> | void;
  /** The browser closed the connection (storage cleared, disk error, Safari). */
  onClose?: () => void;
}

export interface StateDb {
  useStore: UseStore;
  close(): void;
}

export interface OpenOptions extends ConnectionHandlers {
  factory: IDBFactory;
  name?: string;
  storeName?: string;
  version?: number;
}

function isInvalidState(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'InvalidStateError';
}

/**
 * One connection to the state database, opened lazily and reopened when the
 * browser drops it. One closure on purpose (≈ 85 lines): the connection, its
 * pending open and the "retired" flag are shared by opening, the close and
 * version-change handlers and every transaction, and must change together.
 */
export function openStateDb(opts: OpenOptions): StateDb {
  const name = opts.name ?? DB_NAME;
  const storeName = opts.storeName ?? STORE_NAME;
  const version = opts.version ?? DB_VERSION;
  let dbp: Promise<IDBDatabase> | undefined;
  let db: IDBDatabase | undefined;
  /** Set when we gave the database up to a newer version: never reopen. */
  let retired = false;

  const getDB = (): Promise<IDBDatabase> => {
    if (retired) return Promise.reject(new DOMException('refrain: the database was upgraded by a newer version of the app', 'InvalidStateError'));
    if (dbp) return dbp;
    const p = new Promise<IDBDatabase>((resolve, reject) => {
      // open() itself throws in some private modes (SecurityError): reject, don't throw.
      const req = opts.factory.open(name, version);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(storeName)) req.result.createObjectStore(storeName);
      };
      req.onblocked = () => opts.onBlocked?.();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error(`refrain: opening IndexedDB "${name}" failed`));
    });
    dbp = p;
    p.then(
      (opened) => {
        db = opened;
        // Safari (and a cleared profile) may close the connection under us.
        opened.onclose = () => {
          if (db === opened) {
            db = undefined;
            dbp = undefined;
          }
          opts.onClose?.();
        };
        opened.onversionchange = () => {
          const giveUp = (): void => {
            retired = true;
            opened.close();
            if (db === opened) db = undefined;
            dbp = undefined;
          };
          // Close at once when there is nothing to finish (the upgrading tab then
          // never sees `blocked`); otherwise stay usable while the handler flushes.
          let finishing: Promise<void> | void;
          try {
            finishing = opts.onVersionChange?.();
          } catch {
            finishing = undefined;
          }
          if (finishing) void finishing.catch(() => undefined).finally(giveUp);
          else giveUp();
        };
      },
      () => {
        if (dbp === p) dbp = undefined;
      },
    );
    return p;
  };

  const useStore: UseStore = (txMode, callback) =>
    getDB().then((opened) => {
      let tx: IDBTransaction;
      try {
        tx = opened.transaction(storeName, txMode);
      } catch (e) {
        // A connection closed without `onclose` (or before it fired): reopen once.
        if (!isInvalidState(e) || retired) throw e;
        if (db === opened) db = undefined;
        dbp = undefined;
        return getDB().then((again) => callback(again.transaction(storeName, txMode).objectStore(storeName)));
      }
      return callback(tx.objectStore(storeName));
    });

  return {
    useStore,
    close() {
      retired = true;
      db?.close();
      db = undefined;
      dbp = undefined;
    },
  };
}
