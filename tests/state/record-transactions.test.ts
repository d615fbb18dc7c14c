import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_CHUNK, commitRecord, commitRecords, loadRecords, revOf, schemaVersionOf } from '../../src/state/record-transactions.ts';
import { SCHEMA_VERSION, corpusPrefix, recordPath, type StateRecord } from '../../src/state/records.ts';
import type { StateDb } from '../../src/state/idb.ts';
import { CORPUS, dump, freshIdb, key, rawDb, seed } from './helpers.ts';

const prefix = corpusPrefix(CORPUS);
const view = (route: string, rev = 0): StateRecord => ({ kind: 'last-view', route, rev, updatedAt: 5 });
const doc = (docId: string): StateRecord => ({ kind: 'doc', docId, position: 1, read: false, rev: 0, updatedAt: 5 });

let open: StateDb[] = [];
function connect(idb: IDBFactory): StateDb {
  const db = rawDb(idb);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

describe('loadRecords', () => {
  it('a new corpus is version 0 and gets its schema record', async () => {
    const idb = freshIdb();
    const loaded = await loadRecords(connect(idb).useStore, prefix);
    expect(loaded).toEqual({ version: 0, entries: new Map() });
    expect((await dump(idb))[key('schema')]).toEqual({ version: SCHEMA_VERSION });
  });

  it('reads only its corpus, and migrates data without a schema record as version 1', async () => {
    const idb = freshIdb();
    await seed(idb, { [key('last-view')]: { route: '#/phrases' }, 'other/last-view': { route: '#/x' } });
    const loaded = await loadRecords(connect(idb).useStore, prefix);
    expect(loaded.version).toBe(1);
    expect(loaded.entries.get('last-view')).toEqual({ kind: 'last-view', route: '#/phrases', rev: 1, updatedAt: 0 });
    const stored = await dump(idb);
    expect(stored[key('schema')]).toEqual({ version: SCHEMA_VERSION });
    expect(stored['other/last-view']).toEqual({ route: '#/x' });
  });

  it('leaves a newer version’s data as it is', async () => {
    const idb = freshIdb();
    await seed(idb, { [key('schema')]: { version: SCHEMA_VERSION + 1 }, [key('future')]: { shape: 'unknown' } });
    const loaded = await loadRecords(connect(idb).useStore, prefix);
    expect(loaded.version).toBe(SCHEMA_VERSION + 1);
    expect(loaded.entries.get('future')).toEqual({ shape: 'unknown' });
    expect((await dump(idb))[key('schema')]).toEqual({ version: SCHEMA_VERSION + 1 });
  });
});

describe('commitRecord', () => {
  it('stores the record at the next rev when the stored rev is the expected one, else reports the stored value', async () => {
    const idb = freshIdb();
    const db = connect(idb);
    expect(await commitRecord(db.useStore, prefix, 'last-view', view('#/a'), 0)).toEqual({ type: 'ok', rev: 1 });
    expect(await commitRecord(db.useStore, prefix, 'last-view', view('#/b'), 1)).toEqual({ type: 'ok', rev: 2 });
    const stale = await commitRecord(db.useStore, prefix, 'last-view', view('#/c'), 1);
    expect(stale).toEqual({ type: 'conflict', current: { ...view('#/b'), rev: 2 } });
    expect((await dump(idb))[key('last-view')]).toEqual({ ...view('#/b'), rev: 2 });
  });

  it('refuses to write over a newer schema', async () => {
    const idb = freshIdb();
    await seed(idb, { [key('schema')]: { version: SCHEMA_VERSION + 1 } });
    expect(await commitRecord(connect(idb).useStore, prefix, 'last-view', view('#/a'), 0)).toEqual({ type: 'newer-schema', version: SCHEMA_VERSION + 1 });
    expect((await dump(idb))[key('last-view')]).toBeUndefined();
  });
});

describe('commitRecords', () => {
  it('stores more than a chunk of records, each at its next rev', async () => {
    const idb = freshIdb();
    const records = Array.from({ length: BATCH_CHUNK * 2 + 1 }, (_, i) => doc(`d${i}`));
    const revs = await commitRecords(connect(idb).useStore, prefix, records, records.map(recordPath), () => 0);
    expect(revs).toEqual(records.map(() => 1));
    const stored = await dump(idb);
    expect(stored[key(`doc/d${BATCH_CHUNK * 2}`)]).toEqual({ ...doc(`d${BATCH_CHUNK * 2}`), rev: 1 });
  });

  it('writes nothing when one record changed since (all or nothing)', async () => {
    const idb = freshIdb();
    await seed(idb, { [key('doc/d1')]: { ...doc('d1'), rev: 3 } });
    const records = [doc('d0'), doc('d1')];
    const result = await commitRecords(connect(idb).useStore, prefix, records, records.map(recordPath), () => 0);
    expect(result).toMatch(/another tab changed/);
    const stored = await dump(idb);
    expect(stored[key('doc/d0')]).toBeUndefined();
    expect(stored[key('doc/d1')]).toMatchObject({ rev: 3 });
  });
});

describe('revOf and schemaVersionOf', () => {
  it('read the numbers of stored values, whatever else is there', () => {
    expect(revOf({ rev: 4 })).toBe(4);
    expect(revOf(undefined)).toBe(0);
    expect(revOf({ rev: '4' })).toBe(0);
    expect(schemaVersionOf({ version: 2 })).toBe(2);
    expect(schemaVersionOf('2')).toBeUndefined();
  });
});
