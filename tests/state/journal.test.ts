import { describe, expect, it } from 'vitest';
import { JOURNAL_PREFIX, Journal, MAX_JOURNAL_CHARS, type JournalEntry, type JournalStorage } from '../../src/state/journal.ts';
import { corpusPrefix, type StateRecord } from '../../src/state/records.ts';

/** localStorage's part the journal uses, in memory. */
function memoryStorage(): JournalStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const journalOf = (storage: JournalStorage | null, corpus = 'c1') => new Journal(storage, corpus, corpusPrefix(corpus));
const view = (route: string): StateRecord => ({ kind: 'last-view', route, rev: 1, updatedAt: 1 });
const entry = (route: string, base = 0): JournalEntry<StateRecord> => ({ path: 'last-view', base, record: view(route) });

describe('Journal', () => {
  it('keeps one key per tab under the corpus, and another tab takes its entries back once', () => {
    const storage = memoryStorage();
    const closing = journalOf(storage);
    closing.write([entry('#/notes', 3)]);
    expect(closing.key.startsWith(`${JOURNAL_PREFIX}${corpusPrefix('c1')}`)).toBe(true);
    expect(storage.map.size).toBe(1);

    const next = journalOf(storage);
    expect(next.replay()).toEqual([entry('#/notes', 3)]);
    expect(storage.map.size).toBe(0);
    expect(next.replay()).toEqual([]);
  });

  it('never replays its own tab’s journal, nor another corpus’s', () => {
    const storage = memoryStorage();
    const mine = journalOf(storage);
    mine.write([entry('#/a')]);
    journalOf(storage, 'c2').write([entry('#/b')]);
    expect(mine.replay()).toEqual([]);
    expect(journalOf(storage, 'c2').replay()).toEqual([entry('#/b')]);
    expect(journalOf(storage).replay()).toEqual([entry('#/a')]);
  });

  it('drops entries that do not validate or do not belong at their path, keeping the rest', () => {
    const storage = memoryStorage();
    const entries = [entry('#/kept'), { path: 'doc/x', base: 0, record: view('#/wrong-path') }, { path: 'last-view', base: 'one', record: view('#/bad-base') }, { path: 'last-view', base: 0, record: { kind: 'nope' } }];
    storage.setItem(`${JOURNAL_PREFIX}${corpusPrefix('c1')}old-tab`, JSON.stringify({ corpus: 'c1', entries }));
    storage.setItem(`${JOURNAL_PREFIX}${corpusPrefix('c1')}broken-tab`, '{not json');
    expect(journalOf(storage).replay()).toEqual([entry('#/kept')]);
    expect(storage.map.size).toBe(0);
  });

  it('writing nothing removes the tab’s journal; a journal over the limit is not written', () => {
    const storage = memoryStorage();
    const j = journalOf(storage);
    j.write([entry('#/a')]);
    j.write([]);
    expect(storage.map.size).toBe(0);
    j.write([entry('x'.repeat(MAX_JOURNAL_CHARS))]);
    expect(storage.map.size).toBe(0);
  });

  it('never throws when storage is full, blocked or absent', () => {
    const full: JournalStorage = {
      length: 1,
      key: () => {
        throw new Error('SecurityError');
      },
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => journalOf(full).write([entry('#/a')])).not.toThrow();
    expect(journalOf(full).replay()).toEqual([]);
    const none = journalOf(null);
    expect(() => none.write([entry('#/a')])).not.toThrow();
    expect(none.replay()).toEqual([]);
  });
});
