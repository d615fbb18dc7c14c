import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnsavedDocuments } from '../../src/state/unsaved-documents.ts';
import type { StoredDoc } from '../../src/state/corpora-records.ts';

const doc = (id: string) => ({ doc: { meta: { id } }, bytes: 1 }) as unknown as StoredDoc;
const quota = new DOMException('full', 'QuotaExceededError');

afterEach(() => void vi.useRealTimers());

describe('UnsavedDocuments', () => {
  it('lists documents that failed to save, per corpus, until a write saves them', () => {
    const u = new UnsavedDocuments();
    u.settle('c1', [doc('a'), doc('b')], false);
    u.settle('c2', [doc('x')], false);
    expect(u.ids('c1')).toEqual(['a', 'b']);
    expect(u.ids()).toEqual(['a', 'b', 'x']);
    expect(u.corpora()).toEqual(['c1', 'c2']);
    u.settle('c1', [doc('a'), doc('b')], true);
    expect(u.has('c1')).toBe(false);
    expect(u.of('c2').map((d) => d.doc.meta.id)).toEqual(['x']);
  });

  it('says how many are unsaved and why, or nothing when none is', () => {
    const u = new UnsavedDocuments();
    expect(u.message(quota)).toBeNull();
    u.settle('c1', [doc('a')], false);
    expect(u.message(quota)).toMatch(/^1 imported document is not saved \(QuotaExceededError: the disk is full\): kept in this tab only\..*keep it\.$/);
    u.settle('c1', [doc('b')], false);
    expect(u.message(null)).toMatch(/^2 imported documents are not saved: .*keep them\.$/);
  });

  it('retries once after the delay, only while something is unsaved, and not after cancel', () => {
    vi.useFakeTimers();
    const u = new UnsavedDocuments(1000);
    const retry = vi.fn();
    u.schedule(retry);
    vi.advanceTimersByTime(2000);
    expect(retry).not.toHaveBeenCalled();
    u.settle('c1', [doc('a')], false);
    u.schedule(retry);
    u.schedule(retry);
    vi.advanceTimersByTime(1000);
    expect(retry).toHaveBeenCalledTimes(1);
    u.schedule(retry);
    u.cancel();
    vi.advanceTimersByTime(1000);
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
