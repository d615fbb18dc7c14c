/**
 * The journal: an IndexedDB transaction begun while the page is being closed
 * or reloaded does not finish (Chromium drops it with the page), so when the
 * page hides, the changes still queued are written synchronously to
 * localStorage, each with the rev it was based on. The next open of the
 * corpus (any tab) takes them back (`replay`) to queue them again through the
 * same compare-and-set, and removes them.
 *
 * One key per tab and corpus (`<prefix><corpus prefix><tab>`), so two tabs
 * never overwrite each other's journal. Storage that is full, blocked or
 * unreadable is never an error here: the flush that follows may still
 * finish, and the store keeps everything in memory.
 */
import { isPlainObject } from '../validate/fields.ts';
import { recordPath, validateRecord, type StateRecord } from './records.ts';

/** Prefix of the journal's localStorage keys: `<prefix><corpus>/<tab>`. */
export const JOURNAL_PREFIX = 'refrain-journal/';
/** A journal larger than this is not written (localStorage holds about 5 MB per origin). */
export const MAX_JOURNAL_CHARS = 1_000_000;

/** The part of localStorage the journal uses (tests pass their own). */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface JournalEntry<R = unknown> {
  path: string;
  /** The rev in IndexedDB the change was based on. */
  base: number;
  record: R;
}

/** Unique per page, whatever ids the store is given (tests give predictable ones). */
function tabId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** localStorage where the page may use it, else null. */
export function defaultJournal(): JournalStorage | null {
  try {
    return (globalThis as { localStorage?: JournalStorage }).localStorage ?? null;
  } catch {
    return null; // a SecurityError where storage is blocked
  }
}

export class Journal {
  readonly #storage: JournalStorage | null;
  readonly #corpusId: string;
  /** Every tab's journal of this corpus starts with this. */
  readonly #corpusKey: string;
  /** This tab's key. */
  readonly key: string;
  /** This tab's journal holds changes (remove it once they are saved). */
  #written = false;

  /** `corpusPrefix`: the corpus's record prefix (records.ts `corpusPrefix`). */
  constructor(storage: JournalStorage | null, corpusId: string, corpusPrefix: string) {
    this.#storage = storage;
    this.#corpusId = corpusId;
    this.#corpusKey = `${JOURNAL_PREFIX}${corpusPrefix}`;
    this.key = `${this.#corpusKey}${tabId()}`;
  }

  /** Replaces this tab's journal with `entries` (none: removes it). */
  write(entries: JournalEntry<StateRecord>[]): void {
    if (!this.#storage) return;
    try {
      if (entries.length === 0) return this.clear();
      const json = JSON.stringify({ corpus: this.#corpusId, entries });
      if (json.length > MAX_JOURNAL_CHARS) return;
      this.#storage.setItem(this.key, json);
      this.#written = true;
    } catch {
      // Storage full or blocked: the flush that follows may still finish.
    }
  }

  /** Removes this tab's journal, if it wrote one. */
  clear(): void {
    if (!this.#written) return;
    try {
      this.#storage?.removeItem(this.key);
      this.#written = false;
    } catch {
      // Left for the next open, which finds its changes already saved.
    }
  }

  /**
   * Takes the journals closed pages of this corpus left (not this tab's):
   * removes them and returns their valid entries, in order. An entry whose
   * record does not validate or does not belong at its path is dropped.
   */
  replay(): JournalEntry<StateRecord>[] {
    const storage = this.#storage;
    const out: JournalEntry<StateRecord>[] = [];
    if (!storage) return out;
    try {
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (k !== null && k.startsWith(this.#corpusKey) && k !== this.key) keys.push(k);
      }
      for (const k of keys) {
        const raw = storage.getItem(k);
        storage.removeItem(k);
        for (const e of parseEntries(raw)) out.push(e);
      }
    } catch {
      // Unreadable storage: nothing more to replay.
    }
    return out;
  }
}

function parseEntries(raw: string | null): JournalEntry<StateRecord>[] {
  let parsed: unknown;
  try {
    parsed = raw === null ? null : JSON.parse(raw);
  } catch {
    return [];
  }
  const entries = isPlainObject(parsed) && Array.isArray(parsed['entries']) ? (parsed['entries'] as unknown[]) : [];
  const out: JournalEntry<StateRecord>[] = [];
  for (const e of entries) {
    if (!isPlainObject(e) || typeof e['path'] !== 'string' || typeof e['base'] !== 'number') continue;
    const checked = validateRecord(e['record']);
    if (checked.ok && recordPath(checked.value) === e['path']) out.push({ path: e['path'], base: e['base'], record: checked.value });
  }
  return out;
}
