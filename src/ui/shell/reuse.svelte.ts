/**
 * The engine's passages and families for the current corpus, computed once
 * in the worker and shared by every view that shows them.
 */
import type { ReuseResult } from '../../reuse/types.ts';
import type { AnalysisClient } from '../../worker/client.ts';

export class ReuseState {
  status = $state<'idle' | 'running' | 'ready' | 'error'>('idle');
  result = $state.raw<ReuseResult | null>(null);
  error = $state<string | null>(null);
  #analysis: AnalysisClient;
  #started: Promise<void> | null = null;

  constructor(analysis: AnalysisClient) {
    this.#analysis = analysis;
  }

  /** Starts the analysis if it has not started; safe to call from every view. */
  ensure(): Promise<void> {
    this.#started ??= (async () => {
      this.status = 'running';
      try {
        this.result = await this.#analysis.request('reuse', undefined);
        this.status = 'ready';
      } catch (error) {
        this.error = error instanceof Error ? error.message : String(error);
        this.status = 'error';
      }
    })();
    return this.#started;
  }
}
