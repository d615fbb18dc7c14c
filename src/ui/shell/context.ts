/**
 * What every view needs from the app: the corpus and the analysis worker.
 * Typed get/set behind a Symbol key, with a clear error when missing.
 */
import { getContext, setContext } from 'svelte';
import type { Corpus } from '../../corpus/types.ts';
import type { ReadingState } from '../../state/reading-state.svelte.ts';
import type { AnalysisClient } from '../../worker/client.ts';
import type { ReuseState } from './reuse.svelte.ts';

export interface AppContext {
  corpus: Corpus;
  analysis: AnalysisClient;
  /** Passages and families, computed once in the worker. */
  reuse: ReuseState;
  /** Highlights, notes, positions and saved comparisons, stored per corpus. */
  reading: ReadingState;
}

const KEY = Symbol('refrain-app');

export function setAppContext(context: AppContext): AppContext {
  return setContext(KEY, context);
}

export function getAppContext(): AppContext {
  const context = getContext<AppContext | undefined>(KEY);
  if (!context) throw new Error('Refrain: getAppContext() called outside <App>; views must be rendered inside the app shell.');
  return context;
}
