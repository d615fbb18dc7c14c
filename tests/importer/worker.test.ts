import { describe, expect, it } from 'vitest';
import { corpusHash } from '../../src/corpus/assemble.ts';
import type { CorpusDocument } from '../../src/corpus/types.ts';
import { AnalysisSession } from '../../src/worker/handlers.ts';
import { toAnalysisDocs } from '../../src/worker/protocol.ts';
import { enc, PROSE } from './helpers.ts';

describe('worker: importFiles, loadHashed, primeReuse', () => {
  it('cleans a batch, names each file in progress, and hashes what it loads like assembleCorpus', () => {
    const session = new AnalysisSession();
    const stages: string[] = [];
    const out = session.handle('importFiles', { items: [{ kind: 'file', path: 'b.txt', name: 'b.txt', bytes: enc(PROSE) }, { kind: 'file', path: 'a.txt', name: 'a.txt', bytes: enc(`${PROSE} A.`) }, { kind: 'file', path: 'x.txt', name: 'x.txt', bytes: new Uint8Array(0) }], taken: [] }, (p) => stages.push(p.stage));
    expect(stages).toEqual(['Cleaning b.txt', 'Cleaning a.txt', 'Cleaning x.txt']);
    const docs = out.flatMap((o) => (o.ok ? [o.doc] : []));
    expect(out.map((o) => o.ok)).toEqual([true, true, false]);
    const { hash, documents } = session.handle('loadHashed', { corpusId: 'x', docs: toAnalysisDocs(docs) }, () => {});
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
