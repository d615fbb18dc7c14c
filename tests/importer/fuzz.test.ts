/**
 * Fuzzing the importer with hostile bytes, names, front matter, sidecars and
 * corpus files: it never throws, never yields a broken document, and never
 * touches the ids (documents) already in the corpus.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCorpusFile } from '../../src/importer/corpus-file.ts';
import { cleanHere, importItem, type ImportItem } from '../../src/importer/read.ts';
import { runImport, type ImportedDoc } from '../../src/importer/run.ts';
import { enc, picked, PROSE } from './helpers.ts';

const ID = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,127}$/u;
const name = fc.oneof(fc.constantFrom('a.txt', 'b.md', 'c.html', 'd.htm', 'README.md', '.x.txt', 'x.png'), fc.string({ maxLength: 20 }).map((s) => `${s}.txt`), fc.string({ maxLength: 12 }));
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.string({ maxLength: 400 }).map(enc),
  fc.tuple(fc.dictionary(fc.constantFrom('title', 'date', 'id', 'language', 'outlet', 'clean', '__proto__'), fc.string({ maxLength: 20 })), fc.string({ maxLength: 200 })).map(([fm, body]) => enc(`---\n${Object.entries(fm).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body} ${PROSE}`)),
  fc.string({ maxLength: 200 }).map((s) => enc(`<html><head><title>${s}</title><meta name="author" content="${s}"></head><body><p>${s}</p><script>${s}</script><p>${PROSE}</p></body></html>`)),
);
const item: fc.Arbitrary<ImportItem> = fc.oneof(
  fc.record({ kind: fc.constant('file' as const), path: name, name, bytes, sidecar: fc.option(fc.oneof(fc.json(), fc.string()), { nil: undefined }) }),
  fc.record({ kind: fc.constant('prepared' as const), path: name, meta: fc.oneof(fc.anything(), fc.record({ id: fc.string(), title: fc.option(fc.string()), outlet: fc.constant(null), author: fc.constant(null), date: fc.option(fc.string()), language: fc.constantFrom('en', 'zh', 'xx-YY', ''), provenance: fc.string() })), original: fc.string({ maxLength: 300 }) }),
);

describe('importer fuzz', () => {
  it('importItem never throws, yields only sound documents, and never reuses a taken id', () => {
    fc.assert(
      fc.property(item, fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'README', 'document', 'x'), { maxLength: 6 }), (it, existing) => {
        const taken = new Set(existing);
        const out = importItem(it, taken);
        if (!out.ok) {
          expect(typeof out.file).toBe('string');
          expect(out.reason.length).toBeGreaterThan(0);
          expect([...taken]).toEqual(existing);
          return;
        }
        const { doc } = out;
        expect(existing).not.toContain(doc.meta.id);
        expect(doc.meta.id).toMatch(ID);
        expect(doc.text.trim().length).toBeGreaterThan(0);
        expect(doc.wordCount).toBeGreaterThanOrEqual(0);
        for (const e of doc.edits) expect(e.start <= e.end && e.end <= doc.original.length).toBe(true);
        expect([...taken]).toEqual([...existing, doc.meta.id]);
      }),
      { numRuns: 400, seed: 20240607 },
    );
  });

  it('runImport keeps earlier documents untouched and ids unique, whatever it is given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, bytes), { maxLength: 12 }), async (entries) => {
        const existing = ['a', 'b'];
        const accepted: ImportedDoc[] = [];
        const summary = await runImport({ files: entries.map(([n, b], i) => picked(`f${i}/${n}`, b)), existing: { ids: existing, documents: 2, bytes: 0 }, clean: cleanHere, accept: async (d) => void accepted.push(...d) });
        const ids = accepted.map((d) => d.doc.meta.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of existing) expect(ids).not.toContain(id);
        expect(summary.imported).toBe(accepted.length);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('parseCorpusFile never throws on hostile JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything().map((v) => JSON.stringify({ format: 'refrain-corpus', version: 1, name: 'n', exportedAt: 1, documents: [v] }))), (text) => {
        const r = parseCorpusFile(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
