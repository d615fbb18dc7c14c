/**
 * Documents storage refused (a full disk: QuotaExceededError), per corpus:
 * held in this tab, listed for the banner, and written again with the
 * corpus's next change, after a delay, or when the user asks. corpora.ts
 * does the writing; this keeps the list, the banner's sentence and the timer.
 */
import { errorName } from './lifecycle.ts';
import type { StoredDoc } from './corpora-records.ts';

/** How long after a failed save of documents they are written again. */
export const RETRY_MS = 20_000;

export class UnsavedDocuments {
  /** Corpus key → document id → document. */
  readonly #byCorpus = new Map<string, Map<string, StoredDoc>>();
  readonly #retryMs: number;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(retryMs = RETRY_MS) {
    this.#retryMs = retryMs;
  }

  /** Corpus `key` has unsaved documents. */
  has(key: string): boolean {
    return this.#byCorpus.has(key);
  }

  /** The unsaved documents of corpus `key`. */
  of(key: string): StoredDoc[] {
    return [...(this.#byCorpus.get(key)?.values() ?? [])];
  }

  /** Keys of the corpora with unsaved documents. */
  corpora(): string[] {
    return [...this.#byCorpus.keys()];
  }

  /** Ids of the unsaved documents of corpus `key` (of every corpus, without a key). */
  ids(key?: string): string[] {
    const of = key === undefined ? [...this.#byCorpus.values()] : [this.#byCorpus.get(key) ?? new Map<string, StoredDoc>()];
    return of.flatMap((m) => [...m.keys()]);
  }

  /** After writing `docs` to corpus `key`: saved, they leave the list; not, they join it. */
  settle(key: string, docs: readonly StoredDoc[], saved: boolean): void {
    const unsaved = this.#byCorpus.get(key) ?? new Map<string, StoredDoc>();
    if (saved) for (const d of docs) unsaved.delete(d.doc.meta.id);
    else for (const d of docs) unsaved.set(d.doc.meta.id, d);
    if (unsaved.size) this.#byCorpus.set(key, unsaved);
    else this.#byCorpus.delete(key);
  }

  /** The banner's sentence while documents are unsaved (with why, when `error` is given); null when none is. */
  message(error: unknown): string | null {
    const n = this.ids().length;
    if (n === 0) return null;
    const why = error === null ? '' : ` (${errorName(error)}${errorName(error) === 'QuotaExceededError' ? ': the disk is full' : ''})`;
    return `${n === 1 ? '1 imported document is' : `${n} imported documents are`} not saved${why}: kept in this tab only. Refrain tries again; free some disk space, or export the corpus to keep ${n === 1 ? 'it' : 'them'}.`;
  }

  /** Calls `retry` after the delay, unless a retry is already due or nothing is unsaved. */
  schedule(retry: () => void): void {
    if (this.#timer !== null || this.#byCorpus.size === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      retry();
    }, this.#retryMs);
  }

  /** Forgets a due retry (one is starting now, or the store closes). */
  cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
