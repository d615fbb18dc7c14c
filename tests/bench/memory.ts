/**
 * Peak memory around one call. A synchronous call blocks the main thread,
 * so a worker thread samples the process's resident set (process-wide) every
 * few milliseconds; V8 heap figures are read before and right after.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

/** A full GC, exposed at runtime (no --expose-gc needed). */
export const collectGarbage: () => void = (() => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as () => void;
    return () => fn();
  } catch {
    return () => {};
  }
})();

const SAMPLER = `
const { parentPort } = require('node:worker_threads');
let peak = process.memoryUsage.rss();
const t = setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak) peak = r; }, 2);
parentPort.on('message', () => { clearInterval(t); const r = process.memoryUsage.rss(); parentPort.postMessage(Math.max(peak, r)); });
parentPort.postMessage('ready');
`;

export interface PeakResult<T> {
  value: T;
  ms: number;
  /** Peak resident set during the call minus the resident set just before, MB. */
  peakRssMb: number;
  /**
   * V8 heap grown for the call, MB: heap committed right after the call minus
   * the live heap just before (after a full GC). An approximation of the
   * call's peak heap: V8 does not shrink committed space until later GCs.
   */
  peakHeapMb: number;
  /** Live heap right after the call (before GC) minus before, MB. */
  heapDeltaMb: number;
}

const MB = 1024 * 1024;

export async function measurePeak<T>(fn: () => T): Promise<PeakResult<T>> {
  return measurePeakAsync(async () => fn());
}

/** `measurePeak` for an asynchronous call (an import reading streams). */
export async function measurePeakAsync<T>(fn: () => Promise<T>): Promise<PeakResult<T>> {
  collectGarbage();
  collectGarbage();
  const worker = new Worker(SAMPLER, { eval: true });
  await new Promise<void>((resolve) => worker.once('message', () => resolve()));
  const before = getHeapStatistics();
  const rssBefore = process.memoryUsage.rss();
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  const after = getHeapStatistics();
  const peakRss = await new Promise<number>((resolve) => {
    worker.once('message', (m: number) => resolve(m));
    worker.postMessage('stop');
  });
  await worker.terminate();
  return {
    value,
    ms,
    peakRssMb: Math.max(0, peakRss - rssBefore) / MB,
    peakHeapMb: Math.max(0, Math.max(after.total_heap_size, after.used_heap_size) - before.used_heap_size) / MB,
    heapDeltaMb: (after.used_heap_size - before.used_heap_size) / MB,
  };
}
