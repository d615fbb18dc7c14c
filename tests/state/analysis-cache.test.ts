import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { promisifyRequest } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { MAX_CACHED_ANALYSES, putAnalysis, putImportedAnalysis, readAnalysis, readImportedAnalysis, readLastAnalysis, usable } from '../../src/state/analysis-cache.ts';
import { analysisKey } from '../../src/state/corpora-records.ts';
import { openStateDb } from '../../src/state/idb.ts';
import { ANALYSIS_ENGINE_VERSION } from '../../src/reuse/version.ts';

const bytes = (n: number) => new Uint8Array([n]).buffer;
const connect = () => openStateDb({ factory: new IDBFactory(), name: 'cache-test', storeName: 'corpora' });

describe('the analysis cache', () => {
  it('keeps the most recently used results and remembers each corpus’s last one', async () => {
    const db = connect();
    for (let i = 0; i <= MAX_CACHED_ANALYSES; i++) await db.useStore('readwrite', (os) => (putAnalysis(os, `h${i}`, bytes(i), 100 + i, 'corpus'), promisifyRequest(os.transaction)));
    const kept = await db.useStore('readonly', (os) => Promise.all(Array.from({ length: MAX_CACHED_ANALYSES + 1 }, (_, i) => readAnalysis(os, `h${i}`))));
    expect(kept.map((b) => (b ? new Uint8Array(b)[0] : null))).toEqual([null, ...Array.from({ length: MAX_CACHED_ANALYSES }, (_, i) => i + 1)]);
    const last = await db.useStore('readonly', (os) => readLastAnalysis(os, 'corpus'));
    expect(last?.key).toBe(`h${MAX_CACHED_ANALYSES}`);
    expect(await db.useStore('readonly', (os) => readLastAnalysis(os, 'other'))).toBeNull();
    db.close();
  });

  it('never reads a result another engine version made', async () => {
    expect(usable({ engine: ANALYSIS_ENGINE_VERSION, bytes: bytes(1) })).not.toBeNull();
    expect(usable({ engine: ANALYSIS_ENGINE_VERSION - 1, bytes: bytes(1) })).toBeNull();
    const db = connect();
    await db.useStore('readwrite', (os) => (os.put({ engine: ANALYSIS_ENGINE_VERSION + 1, bytes: bytes(1) }, analysisKey('h')), promisifyRequest(os.transaction)));
    expect(await db.useStore('readonly', (os) => readAnalysis(os, 'h'))).toBeNull();
    db.close();
  });

  it('stores an imported analysis with where it came from', async () => {
    const db = connect();
    const computedBy = { tool: 'passim', results: ['cluster'], parameters: null, offsets: 'code points', boilerplate: [] } as const;
    await db.useStore('readwrite', (os) => (putImportedAnalysis(os, 'corpus', { key: 'ck', bytes: bytes(7), computedBy: { ...computedBy, results: ['cluster'], boilerplate: [] } }), promisifyRequest(os.transaction)));
    const read = await db.useStore('readonly', (os) => readImportedAnalysis(os, 'corpus'));
    expect(read).toMatchObject({ key: 'ck', computedBy: { tool: 'passim' } });
    expect(new Uint8Array(read!.bytes)[0]).toBe(7);
    expect(await db.useStore('readonly', (os) => readImportedAnalysis(os, 'none'))).toBeNull();
    db.close();
  });
});
