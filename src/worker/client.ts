/**
 * The page's side of the analysis worker: typed requests that resolve with
 * the worker's answer. There is no in-page fallback: it would put the whole
 * engine, the search index and the importer into the page's bundle a second
 * time. If a Worker cannot start, every request fails with a message that
 * says so; reading, notes and the library do not need it.
 */
import type { Progress, RequestType, Requests, ResponseMessage } from './protocol.ts';
import AnalysisWorker from './analysis.worker.ts?worker&inline';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void };

export class AnalysisClient {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  /** Why the worker could not start, when it could not. */
  readonly unavailable: string | null = null;

  constructor() {
    try {
      this.#worker = new AnalysisWorker();
      this.#worker.onmessage = (event: MessageEvent<ResponseMessage>) => this.#receive(event.data);
      this.#worker.onerror = (event) => {
        event.preventDefault();
        this.#failAll(`The analysis worker failed: ${event.message || 'unknown error'}`);
      };
    } catch (error) {
      this.unavailable = `This browser could not start Refrain's background worker (${error instanceof Error ? error.message : String(error)}), so analysis, search and import are unavailable; reading and notes still work.`;
    }
  }

  /** `transfer`: buffers in the payload to hand over rather than copy (they become unusable here). */
  request<K extends RequestType>(type: K, payload: Requests[K][0], onProgress?: (p: Progress) => void, transfer: Transferable[] = []): Promise<Requests[K][1]> {
    if (!this.#worker) return Promise.reject(new Error(this.unavailable ?? 'the analysis worker is not running'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.#worker!.postMessage({ id, type, payload }, transfer);
    });
  }

  #receive(message: ResponseMessage) {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    if ('progress' in message) return pending.onProgress?.(message.progress);
    this.#pending.delete(message.id);
    if ('error' in message) pending.reject(new Error(message.error));
    else pending.resolve(message.result);
  }

  #failAll(reason: string) {
    for (const p of this.#pending.values()) p.reject(new Error(reason));
    this.#pending.clear();
  }

  terminate() {
    this.#worker?.terminate();
    this.#failAll('analysis stopped');
  }
}
