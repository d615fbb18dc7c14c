import { afterEach, describe, expect, it } from 'vitest';
import { StorageLifecycle } from '../../src/state/lifecycle.ts';
import { RecordSync, type StoreEvent } from '../../src/state/record-sync.ts';
import type { NoteRecord, StateRecord } from '../../src/state/records.ts';
import { CORPUS, dump, freshIdb, key } from './helpers.ts';

const messages = { unavailable: 'no IndexedDB', openFailed: (why: string) => `failed: ${why}`, slow: 'slow' };
let syncs: RecordSync[] = [];
let lives: StorageLifecycle[] = [];

/** A RecordSync over its own lifecycle, opened on `idb` (null: memory). */
async function openSync(idb: IDBFactory | null): Promise<{ sync: RecordSync; events: StoreEvent[] }> {
  const life = new StorageLifecycle();
  let n = 0;
  const sync = new RecordSync({ corpusId: CORPUS, lifecycle: life, channel: null, journal: null, now: () => 1000 + n, newId: () => `n${++n}` });
  const events: StoreEvent[] = [];
  sync.events.add((e) => events.push(e));
  await life.open({ indexedDB: idb, messages, load: (u) => sync.load(u), adopt: (l) => sync.adopt(l), afterDeadline: 'wait', openTimeoutMs: 300 });
  syncs.push(sync);
  lives.push(life);
  return { sync, events };
}

afterEach(async () => {
  for (const s of syncs) await s.close();
  for (const l of lives) l.close();
  syncs = [];
  lives = [];
});

const note = (text: string): NoteRecord => ({ kind: 'note', target: { type: 'family', familyId: 'g' }, id: 'main', text, createdAt: 1, rev: 0, updatedAt: 0 });
const PATH = 'note/family/g/main';

describe('RecordSync', () => {
  it('holds a write at once, stamps its rev and time, and saves it', async () => {
    const idb = freshIdb();
    const { sync, events } = await openSync(idb);
    const saving = sync.write(note('first'));
    expect(sync.get(PATH)).toMatchObject({ text: 'first', rev: 1, updatedAt: 1000 });
    expect(events).toContainEqual({ type: 'change', paths: [PATH], origin: 'local' });
    expect(await saving).toBe('saved');
    expect(sync.pendingCount).toBe(0);
    expect((await dump(idb))[key(PATH)]).toMatchObject({ text: 'first', rev: 1 });
  });

  it('without a database keeps writes in memory, pending', async () => {
    const { sync } = await openSync(null);
    expect(await sync.write(note('kept here'))).toBe('memory');
    expect(sync.get(PATH)).toMatchObject({ text: 'kept here' });
    expect(sync.pendingCount).toBe(1);
  });

  it('refuses an invalid record with a message naming the field, holding nothing', async () => {
    const { sync, events } = await openSync(freshIdb());
    const bad = { ...note('x'), target: { type: 'family', familyId: '' } } as StateRecord;
    expect(await sync.write(bad)).toBe('invalid');
    expect(sync.get(PATH)).toBeUndefined();
    expect(events.find((e) => e.type === 'error')).toMatchObject({ message: expect.stringMatching(/^Not saved: .*familyId/) });
  });

  it('a write that lost to another tab keeps the other tab’s record and saves its own text as a conflict copy', async () => {
    const idb = freshIdb();
    const a = await openSync(idb);
    const b = await openSync(idb);
    expect(await a.sync.write(note('from a'))).toBe('saved');
    expect(await b.sync.write(note('from b'))).toBe('conflict');
    await b.sync.flush();
    expect(b.sync.get(PATH)).toMatchObject({ text: 'from a' });
    const conflict = b.events.find((e) => e.type === 'conflict');
    expect(conflict).toMatchObject({ path: PATH, kept: { text: 'from a' }, copy: { text: 'from b' } });
    expect(b.sync.conflictCopyOf(PATH)).toMatchObject({ text: 'from b' });
  });

  it('commits a batch all or nothing: a record another tab saved since refuses the whole batch', async () => {
    const idb = freshIdb();
    const a = await openSync(idb);
    const b = await openSync(idb);
    await a.sync.write(note('from a'));
    const batch: StateRecord[] = [{ kind: 'last-view', route: '#/phrases', rev: 1, updatedAt: 1 }, { ...note('imported'), rev: 1 }];
    expect(await b.sync.commitBatch(batch)).toMatch(/another tab changed/);
    expect(b.sync.get('last-view')).toBeUndefined();
    expect(await a.sync.commitBatch(batch.slice(0, 1))).toBeNull();
    expect(a.sync.get('last-view')).toMatchObject({ route: '#/phrases', rev: 1 });
  });
});
