import { beforeEach, describe, expect, it } from 'vitest';
import type { IDBFactory } from 'fake-indexeddb';
import type { Corpus } from '../../src/corpus/types.ts';
import { carryNotes, recordsToCarry, type SeriesEntry, type SeriesIndex } from '../../src/edition/series.ts';
import { describeRange } from '../../src/state/anchor.ts';
import { documentIdentities } from '../../src/state/identity.ts';
import type { StateRecord } from '../../src/state/records.ts';
import { ReadingStore } from '../../src/state/store.ts';
import { freshIdb } from '../state/helpers.ts';
import { corpusOf } from './helpers.ts';

const RIVER = 'Every river town must publish its water quality report each spring.';
const BRIDGE = 'The bridge council met on Tuesday and agreed on nothing at all.';
const FERRY = 'The ferry runs twice a day in summer and once in winter.';

const first = corpusOf({ 'river.txt': RIVER, 'bridge.txt': BRIDGE, 'ferry.txt': FERRY });
/** The corrected file: the bridge text fixed, the river text under another file name, the ferry text dropped, a new one added. */
const corrected = corpusOf({ 'rivers.txt': RIVER, 'bridge.txt': BRIDGE.replace('nothing at all', 'nothing'), 'canal.txt': 'The canal is closed for repairs.' });

const base = { rev: 1, updatedAt: 1, createdAt: 1 };
const hl = (docId: string, text: string, start: number, end: number): StateRecord => ({ kind: 'highlight', docId, id: `h-${docId}`, anchor: describeRange(text, start, end), color: 'yellow', label: null, ...base });
const note = (target: Extract<StateRecord, { kind: 'note' }>['target'], text: string): StateRecord => ({ kind: 'note', target, id: 'main', text, ...base });

describe('recordsToCarry', () => {
  const records: StateRecord[] = [
    hl('river', RIVER, 6, 11),
    note({ type: 'highlight', docId: 'river', highlightId: 'h-river' }, 'who must?'),
    hl('bridge', BRIDGE, 4, 10),
    hl('ferry', FERRY, 4, 9),
    note({ type: 'pair', a: 'bridge', b: 'river' }, 'same council'),
    note({ type: 'family', familyId: 'f1' }, 'on the formula'),
    { ...note({ type: 'family', familyId: 'f2' }, 'gone'), deleted: true },
    { kind: 'last-view', route: '#/notes', rev: 1, updatedAt: 1 },
  ];
  const carry = (has: (path: string) => boolean = () => false) => recordsToCarry({ documents: documentIdentities(first.documents), records }, documentIdentities(corrected.documents), has);

  it('moves records onto the same text under another id and keeps them on a changed text, counting it', () => {
    const { records: out, changedTexts } = carry();
    expect(out.find((r) => r.kind === 'highlight' && r.docId === 'rivers')).toBeDefined();
    expect(out.find((r) => r.kind === 'note' && r.target.type === 'highlight')).toMatchObject({ target: { docId: 'rivers', highlightId: 'h-river' } });
    expect(out.find((r) => r.kind === 'highlight' && r.docId === 'bridge')).toBeDefined();
    expect(out.find((r) => r.kind === 'note' && r.target.type === 'pair')).toMatchObject({ target: { a: 'bridge', b: 'rivers' } });
    expect(out.find((r) => r.kind === 'note' && r.target.type === 'family')).toMatchObject({ text: 'on the formula' });
    expect(changedTexts).toBe(1); // the bridge
  });

  it('leaves behind records on a text the new file lacks, deletions, the last view, and what the reader already has here', () => {
    const { records: out } = carry((path) => path.includes('f1'));
    expect(out.some((r) => r.kind === 'highlight' && r.docId === 'ferry')).toBe(false);
    expect(out.some((r) => r.kind === 'last-view' || r.deleted)).toBe(false);
    expect(out.some((r) => r.kind === 'note' && r.target.type === 'family')).toBe(false);
    expect(out).toHaveLength(4);
  });
});

describe('carryNotes', () => {
  let idb: IDBFactory;
  let index: SeriesIndex & { entries: Map<string, SeriesEntry> };
  const open = (corpusId: string) => ReadingStore.open({ corpusId, indexedDB: idb, channel: null, storage: null, openTimeoutMs: 300 });
  const carry = async (corpus: Corpus) => {
    const target = await open(corpus.id);
    const carried = await carryNotes({ series: 'u1', corpus, target, index, open });
    return { carried, target };
  };

  beforeEach(() => {
    idb = freshIdb();
    const entries = new Map<string, SeriesEntry>();
    index = { entries, get: async (s) => entries.get(s), set: async (s, e) => void entries.set(s, e) };
  });

  it("brings the student's notes from the earlier file of the series, once, and remembers the latest", async () => {
    const { carried: none, target: earlier } = await carry(first);
    expect(none).toBeNull();
    expect(index.entries.get('u1')?.corpusId).toBe(first.id);
    await earlier.updateNote({ type: 'pair', a: 'bridge', b: 'river' }, 'same council');
    const { highlight } = await earlier.addHighlight('river', describeRange(RIVER, 6, 11), { color: 'yellow', label: null });
    await earlier.updateNote({ type: 'highlight', docId: 'river', highlightId: highlight!.id }, 'who must?');
    await earlier.close();

    const { carried, target } = await carry(corrected);
    expect(carried).toEqual({ records: 3, changedTexts: 1 });
    expect(target.notes({ type: 'highlight', docId: 'rivers', highlightId: highlight!.id }).map((n) => n.text)).toEqual(['who must?']);
    expect(target.comparisonNotes('rivers', 'bridge').map((n) => n.text)).toEqual(['same council']);
    expect(index.entries.get('u1')?.corpusId).toBe(corrected.id);
    await target.close();

    // Opened again: nothing new to bring, nothing written twice.
    const { carried: again, target: reopened } = await carry(corrected);
    expect(again).toBeNull();
    expect(reopened.allRecords().filter((r) => r.kind === 'note')).toHaveLength(2);
    await reopened.close();
  });

  it('never overwrites what the reader wrote in the new file, never throws without storage, and does not wait for a hung one', async () => {
    index.entries.set('u1', { corpusId: first.id, documents: documentIdentities(first.documents) });
    const earlier = await open(first.id);
    await earlier.updateNote({ type: 'family', familyId: 'f1' }, 'old');
    await earlier.close();
    const target = await open(corrected.id);
    await target.updateNote({ type: 'family', familyId: 'f1' }, 'new');
    expect(await carryNotes({ series: 'u1', corpus: corrected, target, index, open })).toBeNull();
    expect(target.familyNotes('f1').map((n) => n.text)).toEqual(['new']);
    const broken: SeriesIndex = { get: () => Promise.reject(new Error('no IndexedDB')), set: () => Promise.reject(new Error('no IndexedDB')) };
    expect(await carryNotes({ series: 'u1', corpus: corrected, target, index: broken, open })).toBeNull();
    const hanging: SeriesIndex = { get: () => new Promise(() => undefined), set: () => new Promise(() => undefined) };
    expect(await carryNotes({ series: 'u1', corpus: corrected, target, index: hanging, open }, 20)).toBeNull();
    await target.close();
  });
});
