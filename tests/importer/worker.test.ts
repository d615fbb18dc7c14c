import { describe, expect, it } from 'vitest';
import { corpusHash } from '../../src/corpus/corpus-hash.ts';
import type { CorpusDocument } from '../../src/corpus/types.ts';
import { AnalysisSession } from '../../src/worker/handlers.ts';
import { analysisCacheKey, byDocId, toAnalysisDocs } from '../../src/worker/protocol.ts';
import { enc, PROSE } from './helpers.ts';

describe('worker: importFiles, open, primeReuse', () => {
  it('cleans a batch, names each file in progress, and hashes what it loads like assembleCorpus', () => {
    const session = new AnalysisSession();
    const stages: string[] = [];
    const out = session.handle('importFiles', { items: [{ kind: 'file', path: 'b.txt', name: 'b.txt', bytes: enc(PROSE) }, { kind: 'file', path: 'a.txt', name: 'a.txt', bytes: enc(`${PROSE} A.`) }, { kind: 'file', path: 'x.txt', name: 'x.txt', bytes: new Uint8Array(0) }], taken: [] }, (p) => stages.push(p.stage));
    expect(stages).toEqual(['Cleaning b.txt', 'Cleaning a.txt', 'Cleaning x.txt']);
    const docs = out.flatMap((o) => (o.ok ? [o.doc] : []));
    expect(out.map((o) => o.ok)).toEqual([true, true, false]);
    const { hash, documents, primed } = session.handle('open', { corpusId: 'x', docs: toAnalysisDocs(docs), cached: null }, () => {});
    expect(primed).toBe(false);
    const sorted: CorpusDocument[] = [...docs].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
    expect(documents).toBe(2);
    expect(hash).toBe(corpusHash(sorted));
    // A cached result comes back as bytes and is used instead of computing it.
    const cached = { passages: [], families: [{ id: 'f1', label: 'cached', members: [], variants: [], spread: { first: null, outlets: [], years: [] }, documents: 2, passages: [] }] };
    session.handle('primeReuse', { bytes: new TextEncoder().encode(JSON.stringify(cached)).buffer }, () => {});
    expect(session.handle('reuse', undefined, () => {}).families.map((f) => f.label)).toEqual(['cached']);
    expect(new TextDecoder().decode(session.handle('reuseBytes', undefined, () => {})!)).toBe(JSON.stringify(cached));
  });
});

describe('worker: open with a cached result', () => {
  const docs = toAnalysisDocs([
    { meta: { id: 'b', title: null, outlet: 'B', author: null, date: null, language: 'en', provenance: '', source: 'b' }, original: PROSE, text: PROSE, edits: [], wordCount: 1 },
    { meta: { id: 'a', title: null, outlet: 'A', author: null, date: null, language: 'en', provenance: '', source: 'a' }, original: PROSE, text: `${PROSE} A.`, edits: [], wordCount: 1 },
  ]);
  const result = (label: string) => new TextEncoder().encode(JSON.stringify({ passages: [], families: [{ id: 'f', label, members: [], variants: [], spread: { first: null, outlets: [], years: [] }, documents: 2, passages: [] }] })).buffer;

  it('uses it when its key is the documents’ cache key, in the same request', () => {
    const session = new AnalysisSession();
    const { hash, cacheKey } = session.handle('open', { corpusId: 'x', docs, cached: null }, () => {});
    expect(cacheKey).toBe(analysisCacheKey(hash, byDocId(docs)));
    const again = new AnalysisSession();
    expect(again.handle('open', { corpusId: 'x', docs, cached: { key: cacheKey, bytes: result('cached') } }, () => {}).primed).toBe(true);
    expect(again.handle('reuse', undefined, () => {}).families.map((f) => f.label)).toEqual(['cached']);
  });

  it('ignores it when the documents changed since (another key)', () => {
    const session = new AnalysisSession();
    const { cacheKey } = session.handle('open', { corpusId: 'x', docs, cached: null }, () => {});
    const edited = docs.map((d) => (d.id === 'a' ? { ...d, outlet: 'A renamed' } : d));
    const opened = session.handle('open', { corpusId: 'x', docs: edited, cached: { key: cacheKey, bytes: result('stale') } }, () => {});
    expect(opened.primed).toBe(false);
    expect(opened.cacheKey).not.toBe(cacheKey);
  });
});
