import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeRange } from '../../src/state/anchor.ts';
import { openStateDb } from '../../src/state/idb.ts';
import type { ReadingStore } from '../../src/state/store.ts';
import { documentIdentities } from '../../src/state/identity.ts';
import { exportState, importState, IMPORTED_MARKER } from '../../src/state/transfer.ts';
import { CORPUS, dump, failingPuts, freshIdb, intercepting, openStore } from './helpers.ts';

const TEXT = 'The minister said the economy was resilient. Critics disagreed.';
const opened: ReadingStore[] = [];
async function track(p: Promise<ReadingStore>): Promise<ReadingStore> {
  const s = await p;
  opened.push(s);
  return s;
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function populated(idb: IDBFactory | null = freshIdb()): Promise<ReadingStore> {
  const s = await track(openStore(idb));
  await s.setPosition('d1', 10);
  const { highlight } = await s.addHighlight('d1', describeRange(TEXT, 4, 12), { color: 'yellow', label: 'who' });
  await s.updateNote({ type: 'highlight', docId: 'd1', highlightId: highlight!.id }, 'the speaker');
  await s.updateNote({ type: 'family', familyId: 'f1' }, 'recurs in 3 outlets');
  await s.updateNote({ type: 'pair', a: 'd1', b: 'd2' }, 'same framing');
  await s.saveComparison({ a: 'd1', b: 'd2', label: 'pair' });
  await s.setLastView('#/phrases');
  return s;
}

const snapshot = (s: ReadingStore): string => JSON.stringify(s.allRecords());

/** The export with its saved comparison's link replaced. */
function withRoute(file: Record<string, unknown>, route: string): Record<string, unknown> {
  const records = (file['records'] as Record<string, unknown>[]).map((r) => (r['kind'] === 'comparison' ? { ...r, route } : r));
  return { ...file, records };
}

describe('exportState', () => {
  it('writes a versioned file holding every record', async () => {
    const s = await populated();
    const file = JSON.parse(exportState(s, { now: 123, documents: [{ meta: { id: 'd1' }, text: TEXT }] })) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'refrain-state', version: 3, corpus: CORPUS, exportedAt: 123, documents: documentIdentities([{ meta: { id: 'd1' }, text: TEXT }]) });
    expect((file['records'] as unknown[]).length).toBe(s.allRecords().length);
  });

  it('works when IndexedDB is unavailable (memory store)', async () => {
    const s = await populated(null);
    expect(s.status.persistent).toBe(false);
    expect((JSON.parse(exportState(s)) as { records: unknown[] }).records).toHaveLength(7);
  });
});

describe('importState', () => {
  it('saves a batch larger than one chunk of requests in one transaction, every record with its revision', async () => {
    const idb = freshIdb();
    const s = await track(openStore(idb));
    const file = JSON.parse(exportState(s)) as Record<string, unknown>;
    const records = Array.from({ length: 1234 }, (_, i) => ({ kind: 'note', target: { type: 'family', familyId: `f${i}` }, id: 'main', text: `n${i}`, createdAt: 1, rev: 1, updatedAt: 1 }));
    expect(await importState(s, JSON.stringify({ ...file, records }))).toMatchObject({ ok: true, added: 1234 });
    const saved = Object.entries(await dump(idb)).filter(([k]) => k.includes('/note/'));
    expect(saved).toHaveLength(1234);
    expect(saved.every(([, v]) => (v as { rev: number }).rev === 1)).toBe(true);
    expect(s.familyNotes('f1233')[0]?.text).toBe('n1233');
  });

  it('round-trips into an empty store', async () => {
    const src = await populated();
    const dst = await track(openStore(freshIdb()));
    const r = await importState(dst, exportState(src));
    expect(r).toMatchObject({ ok: true, added: 7 });
    expect(dst.familyNotes('f1')[0]?.text).toBe('recurs in 3 outlets');
    expect(dst.listHighlights('d1')[0]?.anchor.quote).toBe('minister');
    expect(await importState(dst, exportState(src))).toMatchObject({ ok: true, added: 0, unchanged: 7 });
  });

  it('newer updatedAt wins; an older import does not overwrite', async () => {
    const idb = freshIdb();
    const s = await track(openStore(idb));
    await s.setPosition('d1', 10);
    const file = JSON.parse(exportState(s)) as { records: { position?: number; updatedAt: number }[] };
    const rec = file.records[0]!;
    rec.position = 99;
    rec.updatedAt += 60_000;
    expect(await importState(s, JSON.stringify(file))).toMatchObject({ ok: true, replaced: 1 });
    expect(s.getDocState('d1').position).toBe(99);
    rec.position = 1;
    rec.updatedAt -= 120_000;
    expect(await importState(s, JSON.stringify(file))).toMatchObject({ ok: true, keptLocal: 1 });
    expect(s.getDocState('d1').position).toBe(99);
    expect((await dump(idb))[`${CORPUS}/doc/d1`]).toMatchObject({ position: 99 });
  });

  it('keeps both texts when a note changed on both sides, the imported one marked', async () => {
    const s = await track(openStore(freshIdb()));
    await s.updateNote({ type: 'family', familyId: 'f1' }, 'local text');
    const file = JSON.parse(exportState(s)) as { records: { text?: string; updatedAt: number }[] };
    file.records[0]!.text = 'their text';
    file.records[0]!.updatedAt += 5000;
    expect(await importState(s, JSON.stringify(file))).toMatchObject({ ok: true, copies: 1 });
    expect(s.familyNotes('f1').map((n) => n.text)).toEqual(['local text', IMPORTED_MARKER + 'their text']);
    expect(await importState(s, JSON.stringify(file))).toMatchObject({ ok: true, copies: 0 }); // idempotent
    expect(s.familyNotes('f1')).toHaveLength(2);
  });

  it('keeps a deletion: an older export does not bring a deleted highlight back', async () => {
    const s = await populated();
    const before = exportState(s);
    const h = s.listHighlights('d1')[0]!;
    await s.deleteHighlight('d1', h.id);
    await importState(s, before);
    expect(s.listHighlights('d1')).toEqual([]);
  });

  const hostile: [string, (file: Record<string, unknown>) => unknown, RegExp][] = [
    ['truncated JSON', () => '{"format":"refrain-state","vers', /not valid JSON/],
    ['not an object', () => [1, 2], /holds an array/],
    ['wrong format', (f) => ({ ...f, format: 'other' }), /not a Refrain export/],
    ['a newer version', (f) => ({ ...f, version: 4 }), /newer version of Refrain \(format version 4/],
    ['another corpus', (f) => ({ ...f, corpus: 'other-corpus' }), /another corpus \("other-corpus"\)/],
    ['records not a list', (f) => ({ ...f, records: {} }), /records is a object/],
    ['wrong field type', (f) => ({ ...f, records: [{ ...(f['records'] as object[])[0], read: 'yes' }] }), /records\[0\]\.read is "yes", expected true or false/],
    ['a huge string', (f) => ({ ...f, records: [{ kind: 'last-view', route: 'x'.repeat(9000), rev: 1, updatedAt: 1 }] }), /records\[0\]\.route is 9000 characters long/],
    ['an unknown kind', (f) => ({ ...f, records: [{ kind: 'script', rev: 1, updatedAt: 1 }] }), /records\[0\]\.kind is "script"/],
    ['a far-future timestamp', (f) => ({ ...f, records: [{ kind: 'last-view', route: '#/', rev: 1, updatedAt: 9e15 }] }), /updatedAt is 9000000000000000/],
    // Issue #14, item 11: a saved comparison's link was only length-checked, and followed.
    ['a comparison linking off the app', (f) => withRoute(f, 'http://evil.example/phish'), /route is "http:\/\/evil\.example\/phish", expected this app's own link to comparing d1 and d2/],
    ['a javascript: link', (f) => withRoute(f, 'javascript:alert(1)'), /route is "javascript:alert\(1\)", expected this app's own link/],
    ['a protocol-relative link', (f) => withRoute(f, '//evil.example/#/compare/d1/d2'), /route is .*expected this app's own link/],
    ['a link to another view', (f) => withRoute(f, '#/doc/d1'), /route is "#\/doc\/d1", expected this app's own link/],
    ['a link to another comparison', (f) => withRoute(f, '#/compare/d1/d3'), /route is "#\/compare\/d1\/d3", expected this app's own link/],
    ['a link the router does not understand', (f) => withRoute(f, '#/compare/d1/d2?sync=maybe'), /route is .*expected this app's own link/],
  ];
  it.each(hostile)('rejects %s with a message, changing nothing', async (_name, mutate, message) => {
    const idb = freshIdb();
    const s = await populated(idb);
    const before = snapshot(s);
    const beforeDb = await dump(idb);
    const out = mutate(JSON.parse(exportState(s)) as Record<string, unknown>);
    const r = await importState(s, typeof out === 'string' ? out : JSON.stringify(out));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
    expect(snapshot(s)).toBe(before);
    expect(await dump(idb)).toEqual(beforeDb);
  });

  it("accepts a saved comparison's own link, either way round", async () => {
    for (const route of ['#/compare/d1/d2', '#/compare/d2/d1?sync=0']) {
      const s = await populated();
      const r = await importState(s, JSON.stringify(withRoute(JSON.parse(exportState(s)) as Record<string, unknown>, route)));
      expect(r).toMatchObject({ ok: true });
    }
  });

  it('rejects __proto__ and constructor keys at any depth', async () => {
    const s = await populated();
    const before = snapshot(s);
    const good = exportState(s);
    const attacks = [
      good.replace('"format"', '"__proto__":{"polluted":1},"format"'),
      good.replace('"quote"', '"__proto__":{"x":1},"quote"'),
      good.replace('"kind"', '"constructor":{"prototype":{}},"kind"'),
    ];
    for (const a of attacks) {
      const r = await importState(s, a);
      expect(r).toMatchObject({ ok: false });
      if (!r.ok) expect(r.error).toMatch(/__proto__|constructor/);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(snapshot(s)).toBe(before);
  });

  it('writes all of a merge or none of it (a put fails halfway)', async () => {
    const idb = freshIdb();
    const src = await populated();
    let puts = 0;
    let armed = false;
    const s = await track(
      openStore(idb, {
        openDb: (h) =>
          intercepting(openStateDb({ factory: idb, ...h }), (os) =>
            failingPuts(os, () => armed && puts > 3, () => puts++, () => new DOMException('full', 'QuotaExceededError')),
          ),
      }),
    );
    await s.updateNote({ type: 'family', familyId: 'f1' }, 'mine');
    const beforeDb = await dump(idb);
    armed = true;
    const r = await importState(s, exportState(src));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/QuotaExceededError.*nothing was changed/);
    expect(await dump(idb)).toEqual(beforeDb);
    expect(s.listHighlights('d1')).toEqual([]);
  });

  it('never throws and never corrupts existing records on random JSON (fuzz)', async () => {
    const s = await populated();
    const before = snapshot(s);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) => {
        const r = await importState(s, JSON.stringify(v));
        expect(r.ok).toBe(false);
        expect(snapshot(s)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated valid exports; rejected ones change nothing, accepted ones stay valid (fuzz)', async () => {
    const src = await populated();
    const valid = JSON.parse(exportState(src)) as Record<string, unknown>;
    const pathArb = fc.array(fc.oneof(fc.constantFrom('records', 'format', 'version', 'corpus', 'text', 'anchor', 'quote', 'target', 'rev', 'updatedAt', '__proto__', 'kind'), fc.nat({ max: 8 })), { minLength: 1, maxLength: 4 });
    const mutation = fc.record({ path: pathArb, value: fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string({ maxLength: 3 }).map((x) => x.repeat(40_000))) });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.nat(), async (mutations, cut) => {
        const dst = await openStore(null);
        await dst.updateNote({ type: 'family', familyId: 'f1' }, 'existing');
        const before = snapshot(dst);
        const file = structuredClone(valid) as Record<string, unknown>;
        for (const m of mutations) {
          let node: unknown = file;
          for (const step of m.path.slice(0, -1)) node = isObj(node) ? (node as Record<string | number, unknown>)[step] : undefined;
          const last = m.path[m.path.length - 1]!;
          if (isObj(node)) {
            if (m.value === undefined) delete (node as Record<string | number, unknown>)[last];
            else Object.defineProperty(node, last, { value: m.value, enumerable: true, configurable: true, writable: true });
          }
        }
        let json = JSON.stringify(file);
        if (cut % 5 === 0) json = json.slice(0, cut % json.length);
        const r = await importState(dst, json);
        if (!r.ok) expect(snapshot(dst)).toBe(before);
        else {
          expect(dst.familyNotes('f1')[0]?.text).toBe('existing');
          for (const rec of dst.allRecords()) expect(JSON.stringify(rec)).not.toMatch(/__proto__/);
        }
        await dst.close();
      }),
      { numRuns: 300 },
    );
  });
});

function isObj(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}

describe('notes follow the texts they were written on (issue #14, item 5)', () => {
  const OTHER_TEXT = 'A different article about rivers and bridges, not the one the notes are on.';
  const docs = (...pairs: [string, string][]) => pairs.map(([id, text]) => ({ meta: { id }, text }));
  const written = docs(['d1', TEXT], ['d2', `${TEXT} Second.`]);

  // Before: an export carried the storage key of the corpus it came from ("user-<key>"), so the same
  // corpus imported into a fresh profile (another key) refused its own notes.
  it('imports into the same texts under another corpus id (the corpus re-imported in a fresh profile)', async () => {
    const src = await track(openStore(freshIdb(), { corpusId: 'user-k1' }));
    await src.updateNote({ type: 'pair', a: 'd1', b: 'd2' }, 'same framing');
    const { highlight } = await src.addHighlight('d1', describeRange(TEXT, 4, 12), { color: 'yellow' });
    await src.updateNote({ type: 'highlight', docId: 'd1', highlightId: highlight!.id }, 'the speaker');
    const file = exportState(src, { documents: written });
    const dst = await track(openStore(freshIdb(), { corpusId: 'user-k9' }));
    const r = await importState(dst, file, written);
    expect(r).toMatchObject({ ok: true, added: 3, moved: 0, elsewhere: 0 });
    expect(dst.comparisonNotes('d1', 'd2').map((n) => n.text)).toEqual(['same framing']);
    expect(dst.highlightNotes('d1', highlight!.id).map((n) => n.text)).toEqual(['the speaker']);
  });

  it('moves notes to a document found under another name (same text)', async () => {
    const src = await populated();
    await src.saveComparison({ a: 'd1', b: 'd2', label: 'linked', route: '#/compare/d1/d2?sync=0', id: 'c2' });
    const dst = await track(openStore(freshIdb(), { corpusId: 'elsewhere' }));
    const here = docs(['renamed-1', TEXT], ['d2', `${TEXT} Second.`]);
    const r = await importState(dst, exportState(src, { documents: written }), here);
    expect(r).toMatchObject({ ok: true, moved: 1 });
    expect(dst.listHighlights('renamed-1').map((h) => h.anchor.quote)).toEqual(['minister']);
    expect(dst.listHighlights('d1')).toEqual([]);
    expect(dst.getDocState('renamed-1').position).toBe(10);
    expect(dst.comparisonNotes('renamed-1', 'd2').map((n) => n.text)).toEqual(['same framing']);
    const linked = dst.listComparisons().find((c) => c.id === 'c2')!;
    expect([linked.a, linked.b, linked.route]).toEqual(['renamed-1', 'd2', '#/compare/renamed-1/d2?sync=0']);
  });

  it('keeps notes on a document whose text was corrected (same name), and those on documents not here', async () => {
    const src = await populated();
    const dst = await track(openStore(freshIdb(), { corpusId: 'elsewhere' }));
    const here = docs(['d1', `${TEXT} (corrected)`], ['d2', `${TEXT} Second.`]);
    const r = await importState(dst, exportState(src, { documents: [...written, ...docs(['d3', 'gone'])] }), here);
    expect(r).toMatchObject({ ok: true, moved: 0 });
    expect(dst.listHighlights('d1').map((h) => h.anchor.quote)).toEqual(['minister']);
  });

  it('refuses notes written on other texts, saying so', async () => {
    const src = await populated();
    const dst = await track(openStore(freshIdb(), { corpusId: 'elsewhere' }));
    const before = snapshot(dst);
    const r = await importState(dst, exportState(src, { documents: written }), docs(['x', OTHER_TEXT]));
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/written on other texts: none of the 2 documents they were written on is in this corpus/) });
    expect(snapshot(dst)).toBe(before);
  });

  it('reads an older export (version 2, no document list) into a corpus holding the documents its notes are on', async () => {
    const src = await populated();
    const v2: Record<string, unknown> = { ...(JSON.parse(exportState(src, { documents: written })) as Record<string, unknown>), version: 2 };
    delete v2['documents'];
    const dst = await track(openStore(freshIdb(), { corpusId: 'user-new-key' }));
    expect(await importState(dst, JSON.stringify(v2), written)).toMatchObject({ ok: true });
    const lacking = await track(openStore(freshIdb(), { corpusId: 'user-other' }));
    expect(await importState(lacking, JSON.stringify(v2), docs(['x', OTHER_TEXT]))).toMatchObject({ ok: false, error: expect.stringMatching(/another corpus/) });
  });
});
