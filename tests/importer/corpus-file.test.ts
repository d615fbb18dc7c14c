import { describe, expect, it } from 'vitest';
import { exportCorpus, exportFileName, parseCorpusFile } from '../../src/importer/corpus-file.ts';
import { importItem } from '../../src/importer/read.ts';
import { enc, PROSE } from './helpers.ts';

function doc(name: string, text: string) {
  const o = importItem({ kind: 'file', path: name, name, bytes: enc(text) }, new Set());
  if (!o.ok) throw new Error(o.reason);
  return o.doc;
}

describe('exportCorpus / parseCorpusFile', () => {
  it('round-trips: the same ids, metadata and cleaned text after re-cleaning', () => {
    const docs = [doc('a.md', `---\ntitle: A\noutlet: O\ndate: ~2020-02\n---\n${PROSE}`), doc('b.txt', `${PROSE} More.`)];
    const parsed = parseCorpusFile(exportCorpus('My set', docs, 1));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.name).toBe('My set');
    const taken = new Set<string>();
    const again = parsed.items.map((item) => importItem(item, taken));
    expect(again.map((o) => (o.ok ? o.doc : o))).toEqual(docs);
  });
  it('refuses a wrong envelope naming the field', () => {
    const good = JSON.parse(exportCorpus('S', [doc('a.txt', PROSE)]));
    const bad = (patch: object) => {
      const r = parseCorpusFile(JSON.stringify({ ...good, ...patch }), 'x.json');
      return r.ok ? 'accepted' : r.error;
    };
    expect(bad({ format: 'refrain-state' })).toMatch(/^x.json: format is "refrain-state"/);
    expect(bad({ version: 99 })).toMatch(/newer Refrain/);
    expect(bad({ name: '' })).toMatch(/name is ""/);
    expect(bad({ extra: 1 })).toMatch(/unexpected field "extra"/);
    expect(bad({ documents: [] })).toMatch(/nothing to import/);
    expect(bad({ documents: [{ source: 'a', meta: {}, original: 5 }] })).toMatch(/documents\[0\]\.original is 5/);
    expect(bad({ documents: [{ source: 'a', meta: [], original: '' }] })).toMatch(/documents\[0\]\.meta is an array/);
    expect(parseCorpusFile('{"format":', 'x.json')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(parseCorpusFile('null')).toMatchObject({ ok: false });
  });
  it('names the file safely', () => {
    expect(exportFileName('My set: 2019/2020')).toBe('My-set-2019-2020.refrain-corpus.json');
    expect(exportFileName('///')).toBe('corpus.refrain-corpus.json');
  });
});
