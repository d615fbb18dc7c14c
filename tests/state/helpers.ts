import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { entries, setMany, type UseStore } from 'idb-keyval';
import { openStateDb, type StateDb } from '../../src/state/idb.ts';
import { ReadingStore, type StoreEvent, type StoreOptions } from '../../src/state/store.ts';

export const CORPUS = 'corpus-abc123';

/** A fresh, empty IndexedDB (one per test: no state leaks between tests). */
export function freshIdb(): IDBFactory {
  return new IDBFactory();
}

export function openStore(factory: IDBFactory | null, extra: Partial<StoreOptions> = {}): Promise<ReadingStore> {
  let n = 0;
  return ReadingStore.open({
    corpusId: CORPUS,
    indexedDB: factory,
    channel: null,
    storage: null,
    now: () => 1_700_000_000_000 + n * 1000,
    newId: () => `id${++n}`,
    openTimeoutMs: 300,
    ...extra,
  });
}

/** Direct access to the database, as another app version or a test would see it. */
export function rawDb(factory: IDBFactory, version?: number): StateDb {
  return openStateDb(version === undefined ? { factory } : { factory, version });
}

export async function dump(factory: IDBFactory, version?: number): Promise<Record<string, unknown>> {
  const db = rawDb(factory, version);
  const all = await entries<string, unknown>(db.useStore);
  db.close();
  return Object.fromEntries(all);
}

export async function seed(factory: IDBFactory, values: Record<string, unknown>): Promise<void> {
  const db = rawDb(factory);
  await setMany(Object.entries(values), db.useStore);
  db.close();
}

/** Wraps a connection so each object store passes through `intercept`. */
export function intercepting(db: StateDb, intercept: (os: IDBObjectStore) => IDBObjectStore): StateDb {
  const useStore: UseStore = (mode, cb) => db.useStore(mode, (os) => cb(intercept(os)));
  return { useStore, close: () => db.close() };
}

/** An object store whose `put` throws `error` while `failing()` is true, counting attempts. */
export function failingPuts(os: IDBObjectStore, failing: () => boolean, onAttempt: () => void, error: () => Error): IDBObjectStore {
  return new Proxy(os, {
    get(target, prop) {
      if (prop === 'put') {
        return (value: unknown, key?: IDBValidKey) => {
          onAttempt();
          if (failing()) throw error();
          return target.put(value, key);
        };
      }
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

export function nextEvent(store: ReadingStore, pred: (e: StoreEvent) => boolean, timeoutMs = 2000): Promise<StoreEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out waiting for a store event'));
    }, timeoutMs);
    const off = store.subscribe((e) => {
      if (pred(e)) {
        clearTimeout(timer);
        off();
        resolve(e);
      }
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const key = (path: string): string => `${CORPUS}/${path}`;
