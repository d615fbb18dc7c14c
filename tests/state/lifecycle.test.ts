import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStateDb } from '../../src/state/idb.ts';
import { errorName, Listeners, StorageLifecycle, type MemoryMessages } from '../../src/state/lifecycle.ts';

const messages: MemoryMessages = { unavailable: 'no storage', openFailed: (why) => `failed: ${why}`, slow: 'slow' };

describe('StorageLifecycle', () => {
  it('opens, loads and adopts', async () => {
    const life = new StorageLifecycle();
    const adopted: string[] = [];
    await life.open({ indexedDB: new IDBFactory(), messages, load: async () => 'loaded', adopt: (v) => adopted.push(v), afterDeadline: 'memory' });
    expect(adopted).toEqual(['loaded']);
    expect(life.ready).toBe(true);
    expect(life.status).toMatchObject({ persistent: true, message: null });
    life.close();
  });

  it('runs from memory, saying why, without IndexedDB or when loading fails', async () => {
    const none = new StorageLifecycle();
    await none.open({ indexedDB: null, messages, load: async () => 1, adopt: () => undefined, afterDeadline: 'memory' });
    expect(none.status).toMatchObject({ persistent: false, reason: 'unavailable', message: 'no storage' });
    const failing = new StorageLifecycle();
    await failing.open({ indexedDB: new IDBFactory(), messages, load: () => Promise.reject(new DOMException('x', 'UnknownError')), adopt: () => undefined, afterDeadline: 'memory' });
    expect(failing.status).toMatchObject({ persistent: false, reason: 'open-failed', message: 'failed: UnknownError' });
    expect(failing.db).toBeNull();
  });

  it("after the deadline either waits for the database ('wait') or gives it up ('memory')", async () => {
    for (const policy of ['wait', 'memory'] as const) {
      const idb = new IDBFactory();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((r) => (release = r));
      const life = new StorageLifecycle();
      const adopted: number[] = [];
      await life.open({
        openDb: (h) => openStateDb({ factory: idb, ...h }),
        openTimeoutMs: 20,
        messages,
        load: () => gate.then(() => 7),
        adopt: (v) => adopted.push(v),
        afterDeadline: policy,
      });
      expect(life.status).toMatchObject({ persistent: false, message: 'slow' });
      release();
      await new Promise((r) => setTimeout(r, 10));
      expect(adopted).toEqual(policy === 'wait' ? [7] : []);
      expect(life.status.persistent).toBe(policy === 'wait');
      life.close();
    }
  });

  it('retries once', async () => {
    const life = new StorageLifecycle();
    let calls = 0;
    expect(await life.retryOnce(async () => (++calls === 1 ? Promise.reject(new Error('once')) : 'ok'))).toEqual({ ok: true, value: 'ok' });
    const failed = await life.retryOnce(() => Promise.reject(new DOMException('full', 'QuotaExceededError')));
    expect(failed.ok || errorName(failed.error)).toBe('QuotaExceededError');
  });
});

describe('Listeners', () => {
  it("keeps telling the others when one listener throws", () => {
    const l = new Listeners<number>();
    const seen: number[] = [];
    l.add(() => {
      throw new Error('bug');
    });
    const off = l.add((n) => seen.push(n));
    l.emit(1);
    off();
    l.emit(2);
    expect(seen).toEqual([1]);
  });
});
