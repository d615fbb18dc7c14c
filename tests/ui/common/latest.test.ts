import { describe, expect, it } from 'vitest';
import { LatestRequest } from '../../../src/ui/common/latest.ts';

/** A promise and the functions that settle it, so a test decides the order answers land in. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}
const settle = () => new Promise((ok) => setTimeout(ok, 0));

describe('LatestRequest', () => {
  it('applies only the newest answer when answers arrive out of order', async () => {
    const latest = new LatestRequest();
    const first = deferred<string>();
    const second = deferred<string>();
    const seen: string[] = [];
    latest.run(() => first.promise, (v) => seen.push(v));
    latest.run(() => second.promise, (v) => seen.push(v));
    second.resolve('second');
    first.resolve('first');
    await settle();
    expect(seen).toEqual(['second']);
  });

  it('reports the newest request’s error, and drops a stale one', async () => {
    const latest = new LatestRequest();
    const stale = deferred<string>();
    const errors: string[] = [];
    latest.run(() => stale.promise, () => {}, (e) => errors.push(`stale ${e.message}`));
    latest.run(() => Promise.reject(new Error('boom')), () => {}, (e) => errors.push(e.message));
    stale.reject(new Error('late'));
    await settle();
    expect(errors).toEqual(['boom']);
  });

  it('turns a throw inside ask into the error callback, and a non-Error into an Error', async () => {
    const latest = new LatestRequest();
    const errors: Error[] = [];
    latest.run(() => { throw 'no worker'; }, () => {}, (e) => errors.push(e));
    await settle();
    expect(errors.map((e) => [e instanceof Error, e.message])).toEqual([[true, 'no worker']]);
  });

  it('drops the answer once its canceller ran (an $effect cleanup) or cancel() was called', async () => {
    const latest = new LatestRequest();
    const seen: number[] = [];
    const stop = latest.run(() => Promise.resolve(1), (v) => seen.push(v));
    stop();
    latest.run(() => Promise.resolve(2), (v) => seen.push(v));
    latest.cancel();
    await settle();
    expect(seen).toEqual([]);
  });

  it('a stale canceller does not cancel a newer request', async () => {
    const latest = new LatestRequest();
    const seen: number[] = [];
    const stopOld = latest.run(() => Promise.resolve(1), (v) => seen.push(v));
    latest.run(() => Promise.resolve(2), (v) => seen.push(v));
    stopOld();
    await settle();
    expect(seen).toEqual([2]);
  });
});
