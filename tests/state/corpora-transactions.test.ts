import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { promisifyRequest } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { docKey, importedKey, infoKey, type CorpusInfo, type StoredDoc } from '../../src/state/corpora-records.ts';
import { loadCorpora, putDocumentsOnto, readDocuments, readDocumentsById, writeGuarded } from '../../src/state/corpora-transactions.ts';
import { openStateDb, type StateDb } from '../../src/state/idb.ts';

const connect = () => openStateDb({ factory: new IDBFactory(), name: 'corpora-test', storeName: 'corpora' });
const info = (key: string, docIds: string[] = [], deleted = false): CorpusInfo => ({ key, name: key, createdAt: 1, updatedAt: 1, docIds, bytes: 0, deleted });
const doc = (id: string, text = id) => ({ doc: { meta: { id }, text, original: text, edits: [] }, bytes: text.length }) as unknown as StoredDoc;

async function seed(db: StateDb, values: Record<string, unknown>): Promise<void> {
  await writeGuarded(db.useStore, (os) => {
    for (const [k, v] of Object.entries(values)) os.put(v, k);
  });
}

describe('loadCorpora', () => {
  it('reads the live corpora and the current one, and purges deleted ones with their documents and analyses', async () => {
    const db = connect();
    await seed(db, { [infoKey('a')]: info('a'), [infoKey('b')]: info('b', ['x'], true), [docKey('b', 'x')]: doc('x'), [importedKey('b')]: { key: 'h' }, [infoKey('c')]: { broken: true }, current: 'b' });
    const loaded = await db.useStore('readwrite', async (os) => {
      const r = await loadCorpora(os);
      await promisifyRequest(os.transaction);
      return r;
    });
    expect(loaded).toEqual({ infos: [info('a')], current: null, ignored: 1 });
    const left = await db.useStore('readonly', (os) => promisifyRequest(os.getAllKeys()));
    expect(left).toEqual(['c/a', 'c/c', 'current']);
    db.close();
  });
});

describe('writeGuarded', () => {
  it('aborts the whole transaction when a guarded callback throws, and rejects with that error', async () => {
    const db = connect();
    const full = new DOMException('disk full', 'QuotaExceededError');
    const writing = writeGuarded(db.useStore, (os, guard) => {
      os.put(1, 'first');
      os.get('first').onsuccess = guard(() => {
        throw full;
      });
    });
    await expect(writing).rejects.toBe(full);
    expect(await db.useStore('readonly', (os) => promisifyRequest(os.get('first')))).toBeUndefined();
    db.close();
  });
});

describe('putDocumentsOnto', () => {
  it('adds documents to the stored record; one whose id another tab took meanwhile takes the next free id', async () => {
    const db = connect();
    await seed(db, { [docKey('k', 'a')]: doc('a', 'the other tab’s') });
    const mine = { info: info('k', ['b']), held: new Map<string, StoredDoc>(), known: new Set(['b']), already: new Set<string>() };
    let stored: CorpusInfo | null = null;
    const mineA = doc('a', 'this tab’s');
    await writeGuarded(db.useStore, (os, guard) => putDocumentsOnto(os, guard, 'k', [mineA, doc('b')], info('k', ['a']), mine, (next) => (stored = next)));
    expect(stored).toMatchObject({ docIds: ['a', 'a-2', 'b'], deleted: false });
    expect(mine.info.docIds).toEqual(['b', 'a-2']);
    expect(mineA.doc.meta.id).toBe('a-2');
    const { docs, ignored } = await db.useStore('readonly', (os) => readDocuments(os, 'k'));
    expect(docs.map((d) => [d.doc.meta.id, d.doc.text])).toEqual([['a', 'the other tab’s'], ['a-2', 'this tab’s'], ['b', 'b']]);
    expect(ignored).toBe(0);
    expect((await db.useStore('readonly', (os) => readDocumentsById(os, 'k', ['b', 'zz']))).map((d) => d.doc.meta.id)).toEqual(['b']);
    db.close();
  });
});
