import { afterEach, describe, expect, it } from 'vitest';
import { forceCloseDatabase } from 'fake-indexeddb';
import { describeRange } from '../../src/state/anchor.ts';
import { openStateDb, type ConnectionHandlers, type StateDb } from '../../src/state/idb.ts';
import { ReadingStore, type JournalStorage } from '../../src/state/store.ts';
import { MAIN_NOTE_ID, SCHEMA_VERSION, isConflictCopy } from '../../src/state/records.ts';
import { CORPUS, dump, failingPuts, freshIdb, intercepting, key, nextEvent, openStore, seed } from './helpers.ts';

const TEXT = 'The minister said the economy was resilient. Critics disagreed.';
const opened: ReadingStore[] = [];
const channels: BroadcastChannel[] = [];
async function track(p: Promise<ReadingStore>): Promise<ReadingStore> {
  const s = await p;
  opened.push(s);
  return s;
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  for (const c of channels.splice(0)) c.close();
});

/** Records every connection a factory opens, so a test can close it under the store. */
function capturing(factory: IDBFactory): { factory: IDBFactory; dbs: IDBDatabase[] } {
  const dbs: IDBDatabase[] = [];
  const wrapped = {
    open(name: string, version?: number) {
      const req = factory.open(name, version);
      req.addEventListener('success', () => dbs.push(req.result));
      return req;
    },
    deleteDatabase: factory.deleteDatabase.bind(factory),
    cmp: factory.cmp.bind(factory),
    databases: factory.databases.bind(factory),
  } as IDBFactory;
  return { factory: wrapped, dbs };
}

describe('ReadingStore: saving and loading', () => {
  it('keeps reading state, highlights, notes, comparisons and the last view across reopen', async () => {
    const idb = freshIdb();
    const a = await openStore(idb);
    expect(a.status).toMatchObject({ persistent: true, readOnly: false, message: null });
    expect(await a.setPosition('d1', 120)).toBe('saved');
    expect(await a.markRead('d1')).toBe('saved');
    const { highlight } = await a.addHighlight('d1', describeRange(TEXT, 4, 12), { color: 'yellow', label: 'claim' });
    expect(highlight).not.toBeNull();
    await a.updateNote({ type: 'highlight', docId: 'd1', highlightId: highlight!.id }, 'a hedge');
    await a.updateNote({ type: 'family', familyId: 'f1' }, 'family note');
    await a.updateNote({ type: 'pair', a: 'd2', b: 'd1' }, 'pair note');
    await a.saveComparison({ a: 'd1', b: 'd2', label: 'first vs second', route: '#/compare/d1/d2?sync=0' });
    await a.setLastView('#/doc/d1?at=120');
    await a.close();

    const b = await track(openStore(idb));
    expect(b.getDocState('d1')).toEqual({ position: 120, read: true });
    expect(b.listHighlights('d1').map((h) => h.anchor.quote)).toEqual(['minister']);
    expect(b.highlightNotes('d1', highlight!.id).map((n) => n.text)).toEqual(['a hedge']);
    expect(b.familyNotes('f1').map((n) => n.text)).toEqual(['family note']);
    expect(b.comparisonNotes('d1', 'd2').map((n) => n.text)).toEqual(['pair note']);
    expect(b.listComparisons().map((c) => c.label)).toEqual(['first vs second']);
    expect(b.lastView()).toBe('#/doc/d1?at=120');
  });

  it('keys every record by corpus: another corpus in the same database sees nothing', async () => {
    const idb = freshIdb();
    const a = await track(openStore(idb));
    await a.updateNote({ type: 'family', familyId: 'f1' }, 'mine');
    const other = await track(openStore(idb, { corpusId: 'another-corpus' }));
    expect(other.familyNotes('f1')).toEqual([]);
    expect(Object.keys(await dump(idb)).every((k) => k.startsWith(`${CORPUS}/`) || k.startsWith('another-corpus/'))).toBe(true);
  });

  it('stores one record per note, with rev and updatedAt', async () => {
    const idb = freshIdb();
    const a = await track(openStore(idb));
    await a.updateNote({ type: 'family', familyId: 'f1' }, 'one');
    await a.updateNote({ type: 'family', familyId: 'f1' }, 'two');
    await a.updateNote({ type: 'family', familyId: 'f2' }, 'three');
    const db = await dump(idb);
    expect(db[key('note/family/f1/main')]).toMatchObject({ text: 'two', rev: 2 });
    expect(db[key('note/family/f2/main')]).toMatchObject({ text: 'three', rev: 1 });
    expect(typeof (db[key('note/family/f1/main')] as { updatedAt: unknown }).updatedAt).toBe('number');
    expect(db[key('schema')]).toEqual({ version: SCHEMA_VERSION });
  });

  it('deletes a highlight and its notes as tombstones', async () => {
    const idb = freshIdb();
    const a = await track(openStore(idb));
    const { highlight } = await a.addHighlight('d1', describeRange(TEXT, 4, 12), { color: 'yellow' });
    await a.updateNote({ type: 'highlight', docId: 'd1', highlightId: highlight!.id }, 'n');
    expect(await a.deleteHighlight('d1', highlight!.id)).toBe('saved');
    expect(a.listHighlights('d1')).toEqual([]);
    expect(a.highlightNotes('d1', highlight!.id)).toEqual([]);
    const db = await dump(idb);
    expect(db[key(`hl/d1/${highlight!.id}`)]).toMatchObject({ deleted: true });
  });

  it('refuses a note over the length limit with a message, keeping the old one', async () => {
    const a = await track(openStore(freshIdb()));
    await a.updateNote({ type: 'family', familyId: 'f' }, 'ok');
    const errors: string[] = [];
    a.subscribe((e) => e.type === 'error' && errors.push(e.message));
    expect(await a.updateNote({ type: 'family', familyId: 'f' }, 'x'.repeat(200_000))).toBe('invalid');
    expect(errors[0]).toMatch(/text is 200000 characters long/);
    expect(a.familyNotes('f')[0]?.text).toBe('ok');
  });
});

describe('ReadingStore: schema versions', () => {
  const v1 = {
    [key('schema')]: { version: 1 },
    [key('doc/d1')]: { position: 42, read: true },
    [key('hl/d1/h1')]: { start: 4, end: 12, quote: 'minister', prefix: 'The ', suffix: ' said', color: 'green', note: 'on the minister' },
    [key('hl/d1/h2')]: { start: 0, end: 3, quote: 'The', prefix: '', suffix: ' min', color: 'blue' },
    [key('family-note/f1')]: { text: 'family' },
    [key('compare-note/d2/d1')]: { text: 'pair' },
    [key('saved/s1')]: { a: 'd1', b: 'd2', label: 'saved one' },
    [key('last-view')]: { route: '#/phrases' },
    [key('hl/d1/broken')]: { start: 'x' },
    'another-corpus/doc/d1': { position: 1, read: false },
  };

  it('migrates every earlier version (v1) to the current one on open', async () => {
    expect(SCHEMA_VERSION).toBe(2); // add a fixture here when adding a version
    const idb = freshIdb();
    await seed(idb, v1);
    const s = await track(openStore(idb));
    expect(s.openedVersion).toBe(1);
    expect(s.getDocState('d1')).toEqual({ position: 42, read: true });
    expect(s.listHighlights('d1').map((h) => [h.id, h.color, h.anchor.quote])).toEqual([
      ['h2', 'blue', 'The'],
      ['h1', 'green', 'minister'],
    ]);
    expect(s.highlightNotes('d1', 'h1').map((n) => n.text)).toEqual(['on the minister']);
    expect(s.familyNotes('f1').map((n) => n.text)).toEqual(['family']);
    expect(s.comparisonNotes('d1', 'd2').map((n) => n.text)).toEqual(['pair']);
    expect(s.listComparisons().map((c) => [c.id, c.label])).toEqual([['s1', 'saved one']]);
    expect(s.lastView()).toBe('#/phrases');
    const db = await dump(idb);
    expect(db[key('schema')]).toEqual({ version: 2 });
    expect(db[key('family-note/f1')]).toBeUndefined();
    expect(db[key('saved/s1')]).toBeUndefined();
    expect(db[key('note/pair/d1/d2/main')]).toMatchObject({ kind: 'note', rev: 1, updatedAt: 0 });
    // What it cannot read it leaves alone; other corpora are not touched.
    expect(db[key('hl/d1/broken')]).toEqual({ start: 'x' });
    expect(db['another-corpus/doc/d1']).toEqual({ position: 1, read: false });
  });

  it('migrates all or nothing: a put failing mid-migration leaves the v1 data as it was', async () => {
    const idb = freshIdb();
    await seed(idb, v1);
    const before = await dump(idb);
    let puts = 0;
    const s = await track(
      openStore(idb, {
        openDb: (h) =>
          intercepting(openStateDb({ factory: idb, ...h }), (os) =>
            failingPuts(os, () => puts > 2, () => puts++, () => new DOMException('full', 'QuotaExceededError')),
          ),
      }),
    );
    expect(s.status).toMatchObject({ persistent: false, reason: 'open-failed' });
    expect(await dump(idb)).toEqual(before);
  });

  it('migrates once: a second open finds version 2 and changes nothing', async () => {
    const idb = freshIdb();
    await seed(idb, v1);
    await (await openStore(idb)).close();
    const before = await dump(idb);
    const s = await track(openStore(idb));
    expect(s.openedVersion).toBe(2);
    expect(await dump(idb)).toEqual(before);
  });

  it('treats data without a schema record as v1', async () => {
    const idb = freshIdb();
    await seed(idb, { [key('family-note/f1')]: { text: 'old' } });
    const s = await track(openStore(idb));
    expect(s.familyNotes('f1').map((n) => n.text)).toEqual(['old']);
  });

  it('goes read-only on data from a newer version, and neither downgrades nor destroys it', async () => {
    const idb = freshIdb();
    const newer = {
      [key('schema')]: { version: 3 },
      [key('note/family/f1/main')]: { kind: 'note', shape: 'from the future', rev: 7 },
      [key('doc/d1')]: { kind: 'doc', docId: 'd1', position: 5, read: true, rev: 1, updatedAt: 1 },
    };
    await seed(idb, newer);
    const s = await track(openStore(idb));
    expect(s.status).toMatchObject({ readOnly: true, reason: 'newer-schema' });
    expect(s.status.message).toMatch(/newer version of Refrain \(data version 3/);
    expect(s.getDocState('d1')).toEqual({ position: 5, read: true }); // readable where understood
    expect(await s.updateNote({ type: 'family', familyId: 'f1' }, 'overwrite?')).toBe('read-only');
    expect(await s.setPosition('d1', 9)).toBe('read-only');
    expect(await dump(idb)).toEqual(newer);
  });

  it('an open tab stops writing once another app version has migrated the corpus', async () => {
    const idb = freshIdb();
    const s = await track(openStore(idb));
    await s.setPosition('d1', 1);
    await seed(idb, { [key('schema')]: { version: 3 } });
    expect(await s.setPosition('d1', 2)).toBe('read-only');
    expect(s.status.reason).toBe('newer-schema');
    expect((await dump(idb))[key('doc/d1')]).toMatchObject({ position: 1 });
  });
});

describe('ReadingStore: IndexedDB unavailable', () => {
  it('runs from memory when there is no IndexedDB, saying why', async () => {
    const s = await track(openStore(null));
    expect(s.status).toMatchObject({ persistent: false, reason: 'unavailable' });
    expect(s.status.message).toMatch(/IndexedDB is unavailable/);
    expect(await s.updateNote({ type: 'family', familyId: 'f' }, 'kept in memory')).toBe('memory');
    expect(s.familyNotes('f')[0]?.text).toBe('kept in memory');
  });

  it('runs from memory when open() throws (SecurityError, private mode / file://)', async () => {
    const throwing = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const s = await track(openStore(throwing));
    expect(s.status).toMatchObject({ persistent: false, reason: 'open-failed' });
    expect(s.status.message).toMatch(/SecurityError/);
    expect(await s.setPosition('d', 3)).toBe('memory');
    expect(s.getDocState('d').position).toBe(3);
  });

  it('runs from memory when the open request errors (VersionError: a newer database layout)', async () => {
    const idb = freshIdb();
    const newer = openStateDb({ factory: idb, version: 9 });
    await newer.useStore('readonly', () => undefined);
    newer.close();
    const s = await track(openStore(idb));
    expect(s.status).toMatchObject({ persistent: false, reason: 'open-failed' });
    expect(s.status.message).toMatch(/VersionError/);
  });

  it('does not hang when open() never answers, and catches up when it does', async () => {
    const idb = freshIdb();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const slow = (h: Parameters<typeof openStateDb>[0]) => openStateDb(h);
    const s = await track(
      openStore(idb, {
        openTimeoutMs: 50,
        openDb: (handlers) => {
          const db = slow({ factory: idb, ...handlers });
          return { useStore: (mode, cb) => gate.then(() => db.useStore(mode, cb)), close: () => db.close() };
        },
      }),
    );
    expect(s.status).toMatchObject({ persistent: false, reason: 'blocked' });
    expect(await s.setPosition('d', 7)).toBe('memory');
    const back = nextEvent(s, (e) => e.type === 'status' && e.status.persistent);
    release();
    await back;
    await s.flush();
    expect((await dump(idb))[key('doc/d')]).toMatchObject({ position: 7 });
  });
});

describe('ReadingStore: failed writes', () => {
  it('retries a QuotaExceededError once, reports it, keeps earlier data and the change', async () => {
    const idb = freshIdb();
    let failing = false;
    let attempts = 0;
    const s = await track(
      openStore(idb, {
        openDb: (h) =>
          intercepting(openStateDb({ factory: idb, ...h }), (os) =>
            failingPuts(os, () => failing, () => attempts++, () => new DOMException('Quota exceeded', 'QuotaExceededError')),
          ),
      }),
    );
    await s.updateNote({ type: 'family', familyId: 'f' }, 'first');
    failing = true;
    attempts = 0;
    const errors: string[] = [];
    s.subscribe((e) => e.type === 'error' && errors.push(e.message));
    expect(await s.updateNote({ type: 'family', familyId: 'f' }, 'second')).toBe('failed');
    expect(attempts).toBe(2);
    expect(errors[0]).toMatch(/QuotaExceededError/);
    expect(s.status).toMatchObject({ reason: 'write-failed' });
    expect((await dump(idb))[key('note/family/f/main')]).toMatchObject({ text: 'first', rev: 1 });
    expect(s.familyNotes('f')[0]?.text).toBe('second'); // kept in the tab
    expect(s.pendingCount).toBe(1);
    failing = false;
    await s.flush();
    expect((await dump(idb))[key('note/family/f/main')]).toMatchObject({ text: 'second', rev: 2 });
    expect(s.status).toMatchObject({ reason: null, message: null });
  });

  it('an aborted transaction mid-write leaves the earlier record whole', async () => {
    const idb = freshIdb();
    let abort = false;
    const s = await track(
      openStore(idb, {
        openDb: (h) =>
          intercepting(openStateDb({ factory: idb, ...h }), (os) =>
            new Proxy(os, {
              get(t, p) {
                if (p === 'put')
                  return (v: unknown, k?: IDBValidKey) => {
                    const r = t.put(v, k);
                    if (abort) t.transaction.abort();
                    return r;
                  };
                const v: unknown = Reflect.get(t, p, t);
                return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
              },
            }),
          ),
      }),
    );
    await s.saveComparison({ id: 'c', a: 'x', b: 'y', label: 'before' });
    abort = true;
    expect((await s.saveComparison({ id: 'c', a: 'x', b: 'y', label: 'after' })).outcome).toBe('failed');
    expect((await dump(idb))[key('cmp/c')]).toMatchObject({ label: 'before', rev: 1 });
  });

  it('reopens after the browser closes the connection (onclose) and keeps the change', async () => {
    const { factory, dbs } = capturing(freshIdb());
    const s = await track(openStore(factory));
    await s.setPosition('d', 1);
    expect(dbs).toHaveLength(1);
    forceCloseDatabase(dbs[0] as never);
    expect(await s.setPosition('d', 2)).toBe('saved');
    expect(dbs).toHaveLength(2);
    expect((await dump(factory))[key('doc/d')]).toMatchObject({ position: 2 });
  });

  it('reopens on InvalidStateError when the connection closed without an event', async () => {
    const { factory, dbs } = capturing(freshIdb());
    const s = await track(openStore(factory));
    await s.setPosition('d', 1);
    dbs[0]!.close();
    expect(await s.setPosition('d', 2)).toBe('saved');
    expect((await dump(factory))[key('doc/d')]).toMatchObject({ position: 2 });
  });
});

describe('ReadingStore: two tabs', () => {
  let n = 0;
  function channelPair(): [BroadcastChannel, BroadcastChannel] {
    const name = `refrain-test-${n++}`;
    const pair: [BroadcastChannel, BroadcastChannel] = [new BroadcastChannel(name), new BroadcastChannel(name)];
    channels.push(...pair);
    return pair;
  }

  it('a change saved in one tab appears in the other', async () => {
    const idb = freshIdb();
    const [c1, c2] = channelPair();
    const a = await track(openStore(idb, { channel: c1 }));
    const b = await track(openStore(idb, { channel: c2 }));
    const seen = nextEvent(b, (e) => e.type === 'change' && e.origin === 'remote' && e.paths.includes('note/family/f/main'));
    await a.updateNote({ type: 'family', familyId: 'f' }, 'from tab A');
    await seen;
    expect(b.familyNotes('f')[0]?.text).toBe('from tab A');
  });

  it('edits to different notes in both tabs are both kept', async () => {
    const idb = freshIdb();
    const a = await track(openStore(idb));
    const b = await track(openStore(idb));
    await Promise.all([a.updateNote({ type: 'family', familyId: 'f1' }, 'A'), b.updateNote({ type: 'family', familyId: 'f2' }, 'B')]);
    const c = await track(openStore(idb));
    expect(c.familyNotes('f1')[0]?.text).toBe('A');
    expect(c.familyNotes('f2')[0]?.text).toBe('B');
  });

  it('a stale tab cannot overwrite a newer record; its text is kept as a separate note', async () => {
    const idb = freshIdb();
    const a = await track(openStore(idb));
    await a.updateNote({ type: 'family', familyId: 'f' }, 'v1');
    const b = await track(openStore(idb)); // no channel: B never hears of A's next edit
    await a.updateNote({ type: 'family', familyId: 'f' }, 'v2 from A');
    const conflict = nextEvent(b, (e) => e.type === 'conflict');
    expect(await b.updateNote({ type: 'family', familyId: 'f' }, 'stale edit from B')).toBe('conflict');
    expect(await conflict).toMatchObject({ path: 'note/family/f/main', kept: { text: 'v2 from A' } });
    await b.flush();
    const db = await dump(idb);
    expect(db[key('note/family/f/main')]).toMatchObject({ text: 'v2 from A', rev: 2 });
    expect(b.familyNotes('f').map((x) => [x.text, isConflictCopy(x)])).toEqual([
      ['v2 from A', false],
      ['stale edit from B', true],
    ]);
    expect(Object.values(db).filter((v) => (v as { text?: string }).text === 'stale edit from B')).toHaveLength(1);
  });

  it('an old tab closes at once on versionchange when idle, so the upgrading tab is never blocked', async () => {
    const idb = freshIdb();
    const old = await track(openStore(idb));
    await old.setPosition('d', 1);
    let blocked = false;
    const upgraded = openStateDb({ factory: idb, version: 2, onBlocked: () => (blocked = true) });
    await upgraded.useStore('readonly', () => undefined);
    expect(blocked).toBe(false);
    expect(old.status).toMatchObject({ readOnly: true, reason: 'upgraded-elsewhere' });
    upgraded.close();
  });

  it('an old tab flushes its pending change and closes on versionchange, so the upgrade completes', async () => {
    const idb = freshIdb();
    const old = await track(openStore(idb));
    const pending = old.setPosition('d', 5);
    const statusSeen = nextEvent(old, (e) => e.type === 'status' && e.status.reason === 'upgraded-elsewhere');
    const upgraded = openStateDb({ factory: idb, version: 2 });
    await upgraded.useStore('readonly', () => undefined); // resolves only once the old tab closed
    await statusSeen;
    expect(await pending).toBe('saved');
    expect(old.status).toMatchObject({ readOnly: true });
    expect(old.status.message).toMatch(/Reload this tab/);
    expect(await old.setPosition('d', 6)).toBe('read-only');
    const [pos] = await Promise.all([
      upgraded.useStore('readonly', (os) => new Promise((r) => (os.get(key('doc/d')).onsuccess = (ev) => r((ev.target as IDBRequest).result)))),
    ]);
    expect(pos).toMatchObject({ position: 5 });
    upgraded.close();
  });

  it('the upgrading tab reports `blocked` instead of hanging, and saves once unblocked', async () => {
    const idb = freshIdb();
    // An old tab that ignores versionchange (an app version without the handler).
    const oldConn = await new Promise<IDBDatabase>((resolve) => {
      const r = idb.open('refrain', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('state');
      r.onsuccess = () => resolve(r.result);
    });
    const s = await track(openStore(idb, { openTimeoutMs: 5000, openDb: (h) => openStateDb({ factory: idb, version: 2, ...h }) }));
    expect(s.status).toMatchObject({ persistent: false, reason: 'blocked' });
    expect(s.status.message).toMatch(/close it/);
    expect(await s.updateNote({ type: 'family', familyId: 'f' }, 'while blocked')).toBe('memory');
    const back = nextEvent(s, (e) => e.type === 'status' && e.status.persistent);
    oldConn.close();
    await back;
    await s.flush();
    expect((await dump(idb, 2))[key('note/family/f/main')]).toMatchObject({ text: 'while blocked' });
  });
});

describe('ReadingStore: one note edited in two tabs (issue #14, item 1)', () => {
  let n = 0;
  function channelPair(): [BroadcastChannel, BroadcastChannel] {
    const name = `refrain-conflict-${n++}`;
    const pair: [BroadcastChannel, BroadcastChannel] = [new BroadcastChannel(name), new BroadcastChannel(name)];
    channels.push(...pair);
    return pair;
  }
  const t = { type: 'family', familyId: 'f' } as const;

  // Before: the editor kept B's text for 600 ms, B's store heard of A's save meanwhile and
  // took its rev, so B's save passed compare-and-set and A's words were gone.
  it('an edit begun on an older text never overwrites the newer note: both are kept', async () => {
    const idb = freshIdb();
    const [c1, c2] = channelPair();
    const a = await track(openStore(idb, { channel: c1 }));
    const b = await track(openStore(idb, { channel: c2 }));
    const seen = nextEvent(b, (e) => e.type === 'change' && e.origin === 'remote');
    await a.updateNote(t, 'original v0');
    await seen;
    const heard = nextEvent(b, (e) => e.type === 'change' && e.origin === 'remote');
    expect(await a.editNote(t, 'original v0TEXT FROM A', { base: 'original v0' })).toEqual({ outcome: 'saved', noteId: MAIN_NOTE_ID });
    await heard; // B's store now holds A's text; B's field still holds B's words, begun on v0
    const conflict = nextEvent(b, (e) => e.type === 'conflict');
    const r = await b.editNote(t, 'original v0TEXT FROM B', { base: 'original v0' });
    expect(r.outcome).toBe('conflict');
    expect(r.noteId).not.toBe(MAIN_NOTE_ID);
    expect(await conflict).toMatchObject({ path: 'note/family/f/main', kept: { text: 'original v0TEXT FROM A' }, copy: { id: r.noteId } });
    await b.flush();
    const c = await track(openStore(idb));
    expect(c.familyNotes('f').map((x) => [x.text, isConflictCopy(x)])).toEqual([
      ['original v0TEXT FROM A', false],
      ['original v0TEXT FROM B', true],
    ]);
    // The writer goes on in its copy.
    expect(await b.editNote(t, 'original v0TEXT FROM B, more', { base: 'original v0TEXT FROM B', noteId: r.noteId })).toEqual({ outcome: 'saved', noteId: r.noteId });
  });

  // Before: the conflict dropped only the losing write; a keystroke queued while it was
  // being committed kept the other tab's rev as its base and overwrote the other tab's note.
  it('a keystroke queued behind a write that lost to another tab goes to the copy, not over the other tab’s note', async () => {
    const idb = freshIdb();
    const a = await track(openStore(idb));
    await a.updateNote(t, 'v0');
    let onCommitRead: (() => void) | null = null;
    const b = await track(
      openStore(idb, {
        // No channel: B never hears of A's edit. The next keystroke comes while B's commit reads the record.
        openDb: (h) =>
          intercepting(openStateDb({ factory: idb, ...h }), (os) =>
            new Proxy(os, {
              get(target, prop) {
                if (prop === 'get')
                  return (k: IDBValidKey) => {
                    const req = target.get(k);
                    const then = onCommitRead;
                    if (then && String(k).endsWith('/main')) (onCommitRead = null), then();
                    return req;
                  };
                const v: unknown = Reflect.get(target, prop, target);
                return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
              },
            }),
          ),
      }),
    );
    await a.updateNote(t, 'from A');
    let second: Promise<unknown> = Promise.resolve();
    onCommitRead = () => (second = b.updateNote(t, 'v0 xy'));
    await b.updateNote(t, 'v0 x');
    await second;
    await b.flush();
    const db = await dump(idb);
    expect(db[key('note/family/f/main')]).toMatchObject({ text: 'from A' });
    const texts = Object.values(db).flatMap((v) => ((v as { kind?: string }).kind === 'note' ? [(v as { text: string }).text] : []));
    expect(texts.sort()).toEqual(['from A', 'v0 xy']);
  });

  it('an edit on the current text is saved in place, and deleting through an edit leaves a tombstone', async () => {
    const idb = freshIdb();
    const a = await track(openStore(idb));
    expect(await a.editNote(t, 'one', { base: '' })).toEqual({ outcome: 'saved', noteId: MAIN_NOTE_ID });
    expect(await a.editNote(t, 'one two', { base: 'one' })).toEqual({ outcome: 'saved', noteId: MAIN_NOTE_ID });
    expect(await a.editNote(t, '', { base: 'one two' })).toEqual({ outcome: 'saved', noteId: MAIN_NOTE_ID });
    expect(a.familyNotes('f')).toEqual([]);
    expect((await dump(idb))[key('note/family/f/main')]).toMatchObject({ deleted: true });
  });
});

describe('ReadingStore: what was typed just before the page went away (issue #14, item 2)', () => {
  /** A connection whose writes never finish: the page is gone before they would. */
  function stalling(idb: IDBFactory): (h: ConnectionHandlers) => StateDb {
    return (h) => {
      const db = openStateDb({ factory: idb, ...h });
      let loaded = false;
      return {
        useStore: (mode, cb) => {
          if (mode === 'readwrite' && loaded) return new Promise(() => undefined);
          loaded = true;
          return db.useStore(mode, cb);
        },
        close: () => db.close(),
      };
    };
  }

  it('journals pending changes synchronously when the page hides, and the next open saves them', async () => {
    const idb = freshIdb();
    const journal = memoryJournal();
    const a = await openStore(idb, { openDb: stalling(idb), journal });
    void a.updateNote(t2, 'typed just before closing');
    void a.setLastView('#/notes');
    a.pageHiding();
    // The tab is gone: nothing reached IndexedDB.
    expect((await dump(idb))[key('note/family/g/main')]).toBeUndefined();
    const b = await track(openStore(idb, { journal }));
    await b.flush();
    expect(b.familyNotes('g').map((x) => x.text)).toEqual(['typed just before closing']);
    expect(b.lastView()).toBe('#/notes');
    expect((await dump(idb))[key('note/family/g/main')]).toMatchObject({ text: 'typed just before closing' });
    expect(journal.size()).toBe(0);
  });

  it('a journaled change never overwrites what another tab saved since: a note is kept as a conflict copy', async () => {
    const idb = freshIdb();
    const journal = memoryJournal();
    const other = await track(openStore(idb));
    await other.updateNote(t2, 'v0');
    const a = await openStore(idb, { openDb: stalling(idb), journal });
    void a.updateNote(t2, 'v0 and the closing words');
    a.pageHiding();
    await other.updateNote(t2, 'v1 from the other tab');
    const b = await track(openStore(idb, { journal }));
    await b.flush();
    expect(b.familyNotes('g').map((x) => x.text)).toEqual(['v1 from the other tab', 'v0 and the closing words']);
  });

  it('a change made after the page hid is journaled too (the last view, saved on pagehide)', async () => {
    const idb = freshIdb();
    const journal = memoryJournal();
    const a = await openStore(idb, { openDb: stalling(idb), journal });
    a.pageHiding();
    void a.setLastView('#/phrases');
    const b = await track(openStore(idb, { journal }));
    expect(b.lastView()).toBe('#/phrases');
  });
});

const t2 = { type: 'family', familyId: 'g' } as const;

/** localStorage's part the journal uses, in memory. */
function memoryJournal(): JournalStorage & { size(): number } {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    size: () => m.size,
  };
}

describe('ReadingStore: persistent storage request', () => {
  it('asks navigator.storage.persist() and records the answer', async () => {
    let asked = 0;
    const s = await track(openStore(freshIdb(), { storage: { persisted: async () => false, persist: async () => (asked++, true) } }));
    expect(asked).toBe(1);
    expect(s.status.durable).toBe(true);
  });

  it('does not ask again when already persisted', async () => {
    let asked = 0;
    const s = await track(openStore(freshIdb(), { storage: { persisted: async () => true, persist: async () => (asked++, true) } }));
    expect(asked).toBe(0);
    expect(s.status.durable).toBe(true);
  });

  it('handles its absence or failure', async () => {
    const none = await track(openStore(freshIdb(), { storage: {} }));
    expect(none.status.durable).toBeNull();
    const failing = await track(openStore(freshIdb(), { storage: { persist: () => Promise.reject(new Error('nope')) } }));
    expect(failing.status).toMatchObject({ durable: null, persistent: true });
  });
});

