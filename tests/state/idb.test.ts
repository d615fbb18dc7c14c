import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, forceCloseDatabase } from 'fake-indexeddb';
import { get, set } from 'idb-keyval';
import { DB_NAME, DB_VERSION, STORE_NAME, openStateDb, type StateDb } from '../../src/state/idb.ts';

let open: StateDb[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});
function connect(opts: Parameters<typeof openStateDb>[0]): StateDb {
  const db = openStateDb(opts);
  open.push(db);
  return db;
}

/** The underlying IDBDatabase of a fresh connection to DB_NAME. */
function nativeOpen(factory: IDBFactory, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, version);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('openStateDb', () => {
  it('creates its object store at its version and serves idb-keyval calls', async () => {
    const factory = new IDBFactory();
    const db = connect({ factory });
    await set('k', { v: 1 }, db.useStore);
    expect(await get('k', db.useStore)).toEqual({ v: 1 });
    const native = await nativeOpen(factory, DB_VERSION);
    expect([...native.objectStoreNames]).toEqual([STORE_NAME]);
    native.close();
  });

  it('opens lazily: a factory that throws rejects the first transaction instead of throwing', async () => {
    const factory = {
      open: () => {
        throw new DOMException('blocked here', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const db = connect({ factory });
    await expect(get('k', db.useStore)).rejects.toThrow('blocked here');
  });

  it('reopens after the browser closes the connection, and tells onClose', async () => {
    const factory = new IDBFactory();
    let closed = 0;
    const db = connect({ factory, onClose: () => closed++ });
    await set('k', 1, db.useStore);
    const first = await anyConnection(db);
    forceCloseDatabase(first as never); // its typing asks for the class, not an instance
    await set('k', 2, db.useStore);
    expect(closed).toBe(1);
    expect(await anyConnection(db)).not.toBe(first);
    expect(await get('k', db.useStore)).toBe(2);
  });

  it('hands the database over to a newer version once onVersionChange has finished, and never reopens', async () => {
    const factory = new IDBFactory();
    const order: string[] = [];
    const db = connect({
      factory,
      onVersionChange: () => new Promise<void>((resolve) => setTimeout(() => (order.push('flushed'), resolve()), 10)),
    });
    await set('k', 1, db.useStore);
    const newer = await nativeOpen(factory, DB_VERSION + 1);
    order.push('upgraded');
    newer.close();
    expect(order).toEqual(['flushed', 'upgraded']);
    await expect(get('k', db.useStore)).rejects.toThrow(/upgraded by a newer version/);
  });

  it('reports blocked when an older connection will not let go', async () => {
    const factory = new IDBFactory();
    const old = await nativeOpen(factory, DB_VERSION);
    let blocked = 0;
    const db = connect({ factory, version: DB_VERSION + 1, onBlocked: () => blocked++ });
    const waiting = set('k', 1, db.useStore);
    await new Promise((r) => setTimeout(r, 20));
    expect(blocked).toBe(1);
    old.close();
    await waiting;
    expect(await get('k', db.useStore)).toBe(1);
  });
});

/** The IDBDatabase behind a StateDb (read from a transaction's store). */
function anyConnection(db: StateDb): Promise<IDBDatabase> {
  return db.useStore('readonly', (os) => Promise.resolve(os.transaction.db));
}
