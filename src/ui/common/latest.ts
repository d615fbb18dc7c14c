/**
 * "Latest request wins" for views that ask the worker again whenever their
 * input changes (typing, a filter, a route): answers can arrive out of
 * order, and only the answer to the newest question may be shown.
 */
export class LatestRequest {
  #ticket = 0;

  /**
   * Asks; `onValue` or `onError` runs only if no later `run` or `cancel`
   * came meanwhile. Returns a canceller, so it can be an `$effect`'s
   * cleanup: an answer that lands after the view moved on is dropped.
   */
  run<T>(ask: () => Promise<T>, onValue: (value: T) => void, onError?: (error: Error) => void): () => void {
    const mine = ++this.#ticket;
    const live = () => mine === this.#ticket;
    let answer: Promise<T>;
    try {
      answer = ask();
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (value) => {
        if (live()) onValue(value);
      },
      (error: unknown) => {
        if (live()) onError?.(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      if (live()) this.#ticket++;
    };
  }

  /** Drops the answer to any question still out (the input was cleared). */
  cancel(): void {
    this.#ticket++;
  }
}
