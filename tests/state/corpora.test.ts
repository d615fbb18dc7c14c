import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { importItem } from '../../src/importer/read.ts';
import { ANALYSIS_ENGINE_VERSION } from '../../src/reuse/version.ts';
import { MAX_CACHED_ANALYSES, CORPORA_DB_NAME, CORPORA_STORE_NAME, CorporaStore, type CorporaOptions, type StoredDoc } from '../../src/state/corpora.ts';
import { openStateDb, type StateDb } from '../../src/state/idb.ts';

const TEXT = 'The river council met on Tuesday to discuss the new bridge and the cost of the works for the town.';

function stored(name: string, text = `${TEXT} ${name}`): StoredDoc {
  const o = importItem({ kind: 'file', path: name, name, bytes: new TextEncoder().encode(text) }, new Set());
  if (!o.ok) throw new Error(o.reason);
  return { doc: o.doc, bytes: o.bytes };
}

let n = 0;
const open = (factory: IDBFactory | null, extra: Partial<CorporaOptions> = {}) =>
  CorporaStore.open({ indexedDB: factory, now: () => 1000 + n, newKey: () => `k${++n}`, openTimeoutMs: 300, ...extra });

/** A connection whose transactions fail after `okCalls` successful ones. */
function failingDb(factory: IDBFactory, okCalls: number): () => StateDb {
  return () => {
    const real = openStateDb({ factory, name: CORPORA_DB_NAME, storeName: CORPORA_STORE_NAME });
    let calls = 0;
    return { ...real, useStore: (mode, cb) => (mode === 'readwrite' && ++calls > okCalls ? Promise.reject(new DOMException('disk full', 'QuotaExceededError')) : real.useStore(mode, cb)) };
  };
}

describe('CorporaStore', () => {
  it('keeps corpora, documents and the current choice across reopen', async () => {
    const idb = new IDBFactory();
    const a = await open(idb);
    const { info } = await a.create('  My   texts ');
    expect(await a.putDocuments(info.key, [stored('one.txt'), stored('two.txt')])).toBe('saved');
    await a.setCurrent(info.key);
    a.close();
    const b = await open(idb);
    expect(b.list().map((i) => [i.name, i.docIds])).toEqual([['My texts', ['one', 'two']]]);
    expect(b.current).toBe(info.key);
    expect((await b.documents(info.key)).map((d) => d.doc.text)).toEqual([stored('one.txt').doc.text, stored('two.txt').doc.text]);
    expect(b.status).toMatchObject({ persistent: true, message: null });
  });

  it('renames, deletes with undo, and purges deleted corpora on the next open', async () => {
    const idb = new IDBFactory();
    const a = await open(idb);
    const x = (await a.create('X')).info;
    const y = (await a.create('Y')).info;
    await a.putDocuments(x.key, [stored('one.txt')]);
    await a.rename(y.key, 'Why');
    await a.remove(x.key);
    expect(a.list().map((i) => i.name)).toEqual(['Why']);
    await a.restore(x.key);
    expect(a.list().map((i) => i.name)).toEqual(['X', 'Why']);
    await a.remove(x.key);
    a.close();
    const b = await open(idb);
    expect(b.list().map((i) => i.name)).toEqual(['Why']);
    const db = openStateDb({ factory: idb, name: CORPORA_DB_NAME, storeName: CORPORA_STORE_NAME });
    const keys = await db.useStore('readonly', (os) => new Promise<IDBValidKey[]>((ok) => (os.getAllKeys().onsuccess = (e) => ok((e.target as IDBRequest<IDBValidKey[]>).result))));
    expect(keys.filter((k) => String(k).startsWith(`d/${x.key}`))).toEqual([]);
    db.close();
  });

  it('writes a batch and its corpus record all or nothing, keeping the batch in memory and saying so', async () => {
    const idb = new IDBFactory();
    const a = await open(idb, { openDb: failingDb(idb, 2) });
    const { info } = await a.create('C'); // write 1 (plus the open's readwrite transaction)
    expect(await a.putDocuments(info.key, [stored('one.txt')])).toBe('failed');
    expect(a.status.message).toMatch(/1 imported document is not saved \(QuotaExceededError: the disk is full\): kept in this tab only/);
    expect(a.unsaved(info.key)).toEqual(['one']);
    expect((await a.documents(info.key)).map((d) => d.doc.meta.id)).toEqual(['one']);
    a.close();
    const b = await open(idb);
    expect(b.list()[0]!.docIds).toEqual([]);
    expect(await b.documents(info.key)).toEqual([]);
  });

  // Issue #14, item 4. Before: a document storage refused was never written again, and the next batch's
  // record listed it anyway: after a reload "2 documents" where 1 opened.
  describe('documents a full disk refused', () => {
    /** A connection whose readwrite transactions fail while `disk.full`. */
    function diskDb(factory: IDBFactory, disk: { full: boolean }): () => StateDb {
      return () => {
        const real = openStateDb({ factory, name: CORPORA_DB_NAME, storeName: CORPORA_STORE_NAME });
        return { ...real, useStore: (mode, cb) => (mode === 'readwrite' && disk.full ? Promise.reject(new DOMException('disk full', 'QuotaExceededError')) : real.useStore(mode, cb)) };
      };
    }

    it('are written with the next batch once there is room, and never counted before they are stored', async () => {
      const idb = new IDBFactory();
      const disk = { full: false };
      const a = await open(idb, { openDb: diskDb(idb, disk) });
      const { info } = await a.create('C');
      disk.full = true;
      expect(await a.putDocuments(info.key, [stored('one.txt')])).toBe('failed');
      expect(await a.putDocuments(info.key, [stored('two.txt')])).toBe('failed');
      expect(a.unsaved()).toEqual(['one', 'two']);
      expect(a.status.message).toMatch(/^2 imported documents are not saved/);
      disk.full = false;
      expect(await a.putDocuments(info.key, [stored('three.txt')])).toBe('saved');
      expect(a.unsaved()).toEqual([]);
      expect(a.status.message).toBeNull();
      a.close();
      const b = await open(idb);
      expect(b.info(info.key)).toMatchObject({ docIds: ['one', 'two', 'three'], bytes: ['one', 'two', 'three'].reduce((n, x) => n + stored(`${x}.txt`).bytes, 0) });
      expect((await b.documents(info.key)).length).toBe(3);
    });

    it('are written again on their own, and when asked', async () => {
      const idb = new IDBFactory();
      const disk = { full: false };
      const a = await open(idb, { openDb: diskDb(idb, disk), retryMs: 20 });
      const { info } = await a.create('C');
      disk.full = true;
      await a.putDocuments(info.key, [stored('one.txt')]);
      expect(await a.retryUnsaved()).toBe(false);
      disk.full = false;
      await expect.poll(() => a.unsaved(), { timeout: 2000 }).toEqual([]);
      expect(a.status.message).toBeNull();
      disk.full = true;
      await a.putDocuments(info.key, [stored('two.txt')]);
      disk.full = false;
      expect(await a.retryUnsaved()).toBe(true);
      a.close();
      const b = await open(idb);
      expect(b.info(info.key)!.docIds).toEqual(['one', 'two']);
    });
  });

  // Issue #14, item 3. Before: each tab wrote its own (stale) list of documents over the stored record,
  // so after reopening only the last tab's document was listed.
  it('keeps every document when two tabs import into the same corpus', async () => {
    const idb = new IDBFactory();
    const a = await open(idb);
    const { info } = await a.create('Shared');
    const b = await open(idb); // the second tab, open on the corpus before the first imports
    expect(b.info(info.key)!.docIds).toEqual([]);
    expect(await a.putDocuments(info.key, [stored('from-a.txt')])).toBe('saved');
    expect(await b.putDocuments(info.key, [stored('from-b.txt')])).toBe('saved');
    expect(await a.rename(info.key, 'Shared, renamed')).toBe('saved');
    // Each tab now lists both, and reads the other's document.
    expect((await b.documents(info.key)).map((d) => d.doc.meta.id)).toEqual(['from-a', 'from-b']);
    expect((await a.documents(info.key)).map((d) => d.doc.meta.id)).toEqual(['from-a', 'from-b']);
    a.close();
    b.close();
    const c = await open(idb);
    expect(c.info(info.key)).toMatchObject({ name: 'Shared, renamed', docIds: ['from-a', 'from-b'], bytes: stored('from-a.txt').bytes + stored('from-b.txt').bytes });
    expect((await c.documents(info.key)).map((d) => d.doc.meta.id)).toEqual(['from-a', 'from-b']);
  });

  it('gives a document the next free id when another tab took its id meanwhile, and overwrites nothing', async () => {
    const idb = new IDBFactory();
    const a = await open(idb);
    const { info } = await a.create('Shared');
    const b = await open(idb);
    await a.putDocuments(info.key, [stored('essay.txt', `${TEXT} First student.`)]);
    const theirs = stored('essay.txt', `${TEXT} Second student.`);
    expect(await b.putDocuments(info.key, [theirs])).toBe('saved');
    expect(theirs.doc.meta.id).toBe('essay-2');
    a.close();
    b.close();
    const c = await open(idb);
    expect((await c.documents(info.key)).map((d) => [d.doc.meta.id, d.doc.text.split('. ').pop()])).toEqual([
      ['essay', 'First student.'],
      ['essay-2', 'Second student.'],
    ]);
  });

  it('stores once the same file two tabs import, and tells the second tab', async () => {
    const idb = new IDBFactory();
    const a = await open(idb);
    const { info } = await a.create('Shared');
    const b = await open(idb);
    await a.putDocuments(info.key, [stored('essay.txt')]);
    const heard: string[][] = [];
    expect(await b.putDocuments(info.key, [stored('essay.txt'), stored('other.txt')], (ids) => heard.push(ids))).toBe('saved');
    expect(heard).toEqual([['essay']]);
    expect((await b.documents(info.key)).map((d) => d.doc.meta.id)).toEqual(['essay', 'other']);
    a.close();
    b.close();
    const c = await open(idb);
    expect(c.info(info.key)).toMatchObject({ docIds: ['essay', 'other'], bytes: stored('essay.txt').bytes + stored('other.txt').bytes });
  });

  it('a tab deleting a corpus while another imports into it keeps the import', async () => {
    const idb = new IDBFactory();
    const a = await open(idb);
    const { info } = await a.create('Shared');
    const b = await open(idb);
    await a.remove(info.key);
    await b.putDocuments(info.key, [stored('late.txt')]);
    a.close();
    b.close();
    const c = await open(idb);
    expect((await c.documents(info.key)).map((d) => d.doc.meta.id)).toEqual(['late']);
  });

  it('runs in memory with a banner when IndexedDB is unavailable', async () => {
    const a = await open(null);
    expect(a.status).toMatchObject({ persistent: false, message: expect.stringMatching(/IndexedDB is unavailable/) });
    const { info, outcome } = await a.create('M');
    expect(outcome).toBe('memory');
    expect(await a.putDocuments(info.key, [stored('one.txt')])).toBe('memory');
    expect((await a.documents(info.key)).length).toBe(1);
  });

  it('caches the analysis by content hash and engine version', async () => {
    const idb = new IDBFactory();
    const a = await open(idb);
    const bytes = new TextEncoder().encode('{"passages":[],"families":[]}').buffer;
    expect(await a.getAnalysis('h1')).toBeNull();
    await a.putAnalysis('h1', bytes);
    expect(new TextDecoder().decode((await a.getAnalysis('h1'))!)).toBe('{"passages":[],"families":[]}');
    const db = openStateDb({ factory: idb, name: CORPORA_DB_NAME, storeName: CORPORA_STORE_NAME });
    await db.useStore('readwrite', (os) => new Promise((ok) => (os.put({ engine: ANALYSIS_ENGINE_VERSION + 1, bytes }, 'a/h2').onsuccess = ok)));
    db.close();
    expect(await a.getAnalysis('h2')).toBeNull();
  });

  it('keeps only the most recently used analyses', async () => {
    const idb = new IDBFactory();
    let clock = 0;
    const a = await open(idb, { now: () => ++clock });
    const bytes = (s: string) => new TextEncoder().encode(s).buffer;
    for (let i = 0; i < MAX_CACHED_ANALYSES; i++) await a.putAnalysis(`h${i}`, bytes(`r${i}`));
    expect(await a.getAnalysis('h0')).not.toBeNull(); // h0 used again: h1 is now the oldest
    await a.putAnalysis('new', bytes('fresh'));
    expect(await a.getAnalysis('h1')).toBeNull();
    for (const h of ['h0', 'h2', 'h3', 'new']) expect(await a.getAnalysis(h)).not.toBeNull();
    a.close();
    const db = openStateDb({ factory: idb, name: CORPORA_DB_NAME, storeName: CORPORA_STORE_NAME });
    const keys = (await db.useStore('readonly', (os) => new Promise<IDBValidKey[]>((ok) => (os.getAllKeys().onsuccess = (e) => ok((e.target as IDBRequest<IDBValidKey[]>).result))))) as string[];
    db.close();
    expect(keys.filter((k) => k.startsWith('a/')).sort()).toEqual(['a/h0', 'a/h2', 'a/h3', 'a/new']);
    expect(keys.filter((k) => k.startsWith('m/')).sort()).toEqual(['m/h0', 'm/h2', 'm/h3', 'm/new']);
  });

  it('ignores malformed records instead of failing', async () => {
    const idb = new IDBFactory();
    const db = openStateDb({ factory: idb, name: CORPORA_DB_NAME, storeName: CORPORA_STORE_NAME });
    await db.useStore('readwrite', (os) => new Promise((ok) => (os.put({ key: 'zz', name: 5 }, 'c/zz').onsuccess = ok)));
    db.close();
    const a = await open(idb);
    expect(a.list()).toEqual([]);
    expect(a.ignoredRecords).toBe(1);
  });
});
