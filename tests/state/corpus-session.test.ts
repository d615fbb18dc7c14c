import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { corpusHash } from '../../src/corpus/corpus-hash.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { BUNDLED_KEY, CorpusSession, readingIdOf, type AnalysisPort, type ImportHooks } from '../../src/state/corpus-session.ts';
import { AnalysisSession } from '../../src/worker/handlers.ts';
import type { Progress, RequestType, Requests } from '../../src/worker/protocol.ts';
import { picked, PROSE } from '../importer/helpers.ts';

const BUNDLED: Corpus = { id: 'bundled-hash', name: 'Bundled', documents: [] };

/** The worker's own handlers, run in this thread; records what was asked. */
function standInWorker(): { port: AnalysisPort; asked: RequestType[] } {
  const worker = new AnalysisSession();
  const asked: RequestType[] = [];
  const port: AnalysisPort = {
    request<K extends RequestType>(type: K, payload: Requests[K][0], onProgress?: (p: Progress) => void): Promise<Requests[K][1]> {
      asked.push(type);
      try {
        return Promise.resolve(worker.handle(type, payload, onProgress ?? (() => undefined)));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
  return { port, asked };
}

let n = 0;
const start = (idb: IDBFactory, port: AnalysisPort) => CorpusSession.start(BUNDLED, port, { storage: { indexedDB: idb, newKey: () => `k${++n}`, openTimeoutMs: 300 } });

const hooks = (over: Partial<ImportHooks> = {}): ImportHooks => ({ existing: [], onDocuments: () => undefined, onProgress: () => undefined, onRefusal: () => undefined, cancelled: () => false, ...over });

describe('CorpusSession', () => {
  it('opens the bundled corpus for an unknown key', async () => {
    const { port, asked } = standInWorker();
    const session = await start(new IDBFactory(), port);
    const opened = await session.open('no-such-corpus');
    expect(opened).toMatchObject({ key: BUNDLED_KEY, readingId: 'bundled-hash' });
    expect(opened.corpus).toBe(BUNDLED);
    expect(asked).toEqual(['load', 'load']);
    expect(session.entries()).toEqual([{ key: BUNDLED_KEY, name: 'Bundled', documents: 0, bundled: true }]);
  });

  it('imports into a user corpus, then opens it from storage in id order, hashed by the worker', async () => {
    const idb = new IDBFactory();
    const { port } = standInWorker();
    const session = await start(idb, port);
    const { info } = await session.store.create('Mine');
    const shown: string[] = [];
    const summary = await session.importInto(info.key, [picked('b.txt', PROSE), picked('a.txt', `${PROSE} More.`)], hooks({ onDocuments: (d) => shown.push(...d.map((x) => x.meta.id)) }));
    expect(summary.imported).toBe(2);
    expect(shown.sort()).toEqual(['a', 'b']);

    const again = await start(idb, standInWorker().port);
    const opened = await again.open(info.key);
    expect(opened.key).toBe(info.key);
    expect(opened.readingId).toBe(readingIdOf(info.key));
    expect(opened.corpus.documents.map((d) => d.meta.id)).toEqual(['a', 'b']);
    expect(opened.corpus.id).toBe(corpusHash(opened.corpus.documents));
    expect(again.entries().map((e) => [e.name, e.documents])).toEqual([['Bundled', 0], ['Mine', 2]]);
  });

  it('opens a corpus with its stored analysis in one worker request, and looks it up again only when the documents changed', async () => {
    const idb = new IDBFactory();
    const first = standInWorker();
    const session = await start(idb, first.port);
    const { info } = await session.store.create('Mine');
    await session.importInto(info.key, [picked('a.txt', PROSE), picked('b.txt', `${PROSE} More.`)], hooks());
    const loaded = await session.load(info.key, await session.documents(info.key));
    expect(loaded.cached).toBe(false);
    await first.port.request('reuse', undefined);
    await session.keepAnalysis(info.key, loaded);

    const second = standInWorker();
    const reopened = await start(idb, second.port);
    await reopened.open(info.key);
    expect(second.asked.filter((t) => t !== 'load')).toEqual(['open']);
    expect((await reopened.load(info.key, await reopened.documents(info.key))).cached).toBe(true);

    // Another document: the last result no longer fits, so it is looked up by the new key (a miss) and not used.
    await reopened.importInto(info.key, [picked('c.txt', `${PROSE} Third.`)], hooks({ existing: await reopened.documents(info.key) }));
    const third = standInWorker();
    const grown = await start(idb, third.port);
    const after = await grown.load(info.key, await grown.documents(info.key));
    expect(after.cached).toBe(false);
    expect(third.asked.filter((t) => t !== 'load')).toEqual(['open']);
  });

  it('uses a stored analysis of the same content made for another corpus (a second request)', async () => {
    const idb = new IDBFactory();
    const { port } = standInWorker();
    const session = await start(idb, port);
    const one = (await session.store.create('One')).info;
    const two = (await session.store.create('Two')).info;
    for (const key of [one.key, two.key]) await session.importInto(key, [picked('a.txt', PROSE), picked('b.txt', `${PROSE} More.`)], hooks());
    const loaded = await session.load(one.key, await session.documents(one.key));
    await port.request('reuse', undefined);
    await session.keepAnalysis(one.key, loaded);
    const other = standInWorker();
    const reopened = await start(idb, other.port);
    expect((await reopened.load(two.key, await reopened.documents(two.key))).cached).toBe(true);
    expect(other.asked.filter((t) => t !== 'load')).toEqual(['open', 'primeReuse']);
  });
});
