/**
 * The page's side of the analysis worker: typed requests that resolve with
 * the worker's answer. If a Worker cannot start (an old browser, a locked-down
 * profile), the same handlers run on the page instead, so nothing breaks.
 */
import { AnalysisSession } from './handlers.ts';
import type { Progress, RequestType, Requests, ResponseMessage } from './protocol.ts';
import AnalysisWorker from './analysis.worker.ts?worker&inline';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void };

export class AnalysisClient {
  #worker: Worker | null = null;
  #fallback: AnalysisSession | null = null;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  /** Why the worker is not used, when it is not. */
  readonly fallbackReason: string | null = null;

  constructor() {
    try {
      this.#worker = new AnalysisWorker();
      this.#worker.onmessage = (event: MessageEvent<ResponseMessage>) => this.#receive(event.data);
      this.#worker.onerror = (event) => {
        event.preventDefault();
        this.#failAll(`The analysis worker failed: ${event.message || 'unknown error'}`);
      };
    } catch (error) {
      this.#fallback = new AnalysisSession();
      this.fallbackReason = error instanceof Error ? error.message : String(error);
    }
  }

  /** `transfer`: buffers in the payload to hand over rather than copy (they become unusable here). */
  request<K extends RequestType>(type: K, payload: Requests[K][0], onProgress?: (p: Progress) => void, transfer: Transferable[] = []): Promise<Requests[K][1]> {
    if (this.#fallback) {
      const session = this.#fallback;
      return new Promise((resolve) => resolve(session.handle(type, payload, onProgress ?? (() => {}))));
    }
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
