/**
 * What the views know of the engine's result for the current corpus. The
 * result itself stays in the worker (megabytes for a large corpus); the page
 * holds the overview (families) and asks for details when a view needs
 * them: one family, the passages between two documents, those of one, and
 * the formulas' alignments (wordings per family, the ledger), which the
 * worker makes after the overview so the lists do not wait for them.
 */
import type { Passage } from '../../reuse/types.ts';
import type { FormulaOverview, Requests, ReuseOverview } from '../../worker/protocol.ts';
import type { AnalysisClient } from '../../worker/client.ts';

export class ReuseState {
  status = $state<'idle' | 'running' | 'ready' | 'error'>('idle');
  overview = $state.raw<ReuseOverview | null>(null);
  /** Wordings per family and the ledger, once asked for with `ensureFormulas` and ready. */
  formulas = $state.raw<FormulaOverview | null>(null);
  error = $state<string | null>(null);
  /** 0..1 while the worker finds passages. */
  progress = $state(0);
  /** Counts resets: a view that fetched details reads it, so it fetches again after one. */
  generation = $state(0);
  #analysis: AnalysisClient;
  #started: Promise<void> | null = null;
  /** Details already fetched, by request, so moving around a view does not ask twice. */
  #details = new Map<string, Promise<unknown>>();

  constructor(analysis: AnalysisClient) {
    this.#analysis = analysis;
  }

  /** Forgets what it knew: the worker's corpus changed (documents were imported). */
  reset(): void {
    this.#started = null;
    this.#details.clear();
    this.overview = null;
    this.formulas = null;
    this.status = 'idle';
    this.progress = 0;
    this.generation++;
  }

  /** Starts the analysis if it has not started; safe to call from every view. */
  ensure(onProgress?: (fraction: number) => void): Promise<void> {
    this.#started ??= (async () => {
      this.status = 'running';
      try {
        this.overview = await this.#analysis.request('reuse', undefined, (p) => {
          this.progress = p.fraction;
          onProgress?.(p.fraction);
        });
        this.status = 'ready';
      } catch (error) {
        this.error = error instanceof Error ? error.message : String(error);
        this.status = 'error';
      }
    })();
    return this.#started;
  }

  /** Asks for the formulas' alignments (after the overview); `formulas` is set when they arrive. */
  ensureFormulas(): void {
    const generation = this.generation;
    void this.#detail('formulas', () => this.#analysis.request('formulas', undefined)).then(
      (f) => generation === this.generation && (this.formulas = f),
      () => {},
    );
  }

  #detail<T>(key: string, ask: () => Promise<T>): Promise<T> {
    let p = this.#details.get(key) as Promise<T> | undefined;
    if (!p) {
      p = this.ensure().then(ask);
      this.#details.set(key, p);
      p.catch(() => this.#details.delete(key));
    }
    return p;
  }

  family(id: string): Promise<Requests['family'][1]> {
    return this.#detail(`family\u0000${id}`, () => this.#analysis.request('family', { id }));
  }

  between(a: string, b: string, repeats: boolean): Promise<Passage[]> {
    return this.#detail(`between\u0000${a}\u0000${b}\u0000${repeats}`, () => this.#analysis.request('passagesBetween', { a, b, repeats }));
  }

  of(doc: string): Promise<Passage[]> {
    return this.#detail(`of\u0000${doc}`, () => this.#analysis.request('passagesOf', { doc }));
  }
}
