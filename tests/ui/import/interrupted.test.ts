import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { interruptedMessage, markImportEnded, markImportRunning, takeInterruptedImport } from '../../../src/ui/import/interrupted.ts';

class MemoryStorage {
  #items = new Map<string, string>();
  getItem(k: string) {
    return this.#items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.#items.set(k, v);
  }
  removeItem(k: string) {
    this.#items.delete(k);
  }
}

const run = { key: 'c1', name: 'My texts', files: 400, before: 3 };

describe('an import cut short by a reload', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', new MemoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('is found once after a reload while it ran, and never after it ended', () => {
    markImportRunning(run);
    expect(takeInterruptedImport()).toEqual(run);
    expect(takeInterruptedImport()).toBeNull();
    markImportRunning(run);
    markImportEnded();
    expect(takeInterruptedImport()).toBeNull();
  });
  it('ignores a mark it cannot read, and storage that throws', () => {
    sessionStorage.setItem('refrain-import-running', '{"key":1}');
    expect(takeInterruptedImport()).toBeNull();
    vi.stubGlobal('sessionStorage', { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => {} });
    expect(() => markImportRunning(run)).not.toThrow();
    expect(takeInterruptedImport()).toBeNull();
  });
  it('says how far it got', () => {
    expect(interruptedMessage(run, 23)).toBe('The import of 400 files into “My texts” was cut short when the page was reloaded: 20 of them were saved. Import the rest again.');
    expect(interruptedMessage({ ...run, files: 1 }, 4)).toMatch(/^The import of 1 file into .*: 1 of them was saved/);
    expect(interruptedMessage(run, null)).toBe('The import of 400 files was cut short when the page was reloaded; nothing from it was kept. Import them again.');
  });
});
