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
  it('carries what a web page left out, so the receiver cleans its article alone and still shows the rest', () => {
    const page = `<body><nav><a href="/">Home</a> · <a href="/news">News</a></nav><article><p>${PROSE}</p><p>${PROSE} More.</p></article><footer>© Times</footer></body>`;
    const docs = [doc('p.html', page), doc('b.txt', PROSE)];
    const file = JSON.parse(exportCorpus('Pages', docs, 1));
    expect(file.version).toBe(2);
    expect(file.documents[0].leftOut.map((d: { reason: string }) => d.reason)).toEqual(['outside the article: navigation', 'outside the article: footer']);
    expect(file.documents[1].leftOut).toBeUndefined();
    const parsed = parseCorpusFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    const taken = new Set<string>();
    expect(parsed.items.map((item) => importItem(item, taken)).map((o) => (o.ok ? o.doc : o))).toEqual(docs);
  });
  it('writes format 1 when nothing was left out, and reads format 1 files as before', () => {
    const text = exportCorpus('S', [doc('a.txt', PROSE)], 1);
    expect(JSON.parse(text).version).toBe(1);
    expect(parseCorpusFile(text).ok).toBe(true);
  });
  it('refuses left-out stretches that do not fit, naming the document', () => {
    const page = `<body><nav>Home · News</nav><article><p>${PROSE}</p></article></body>`;
    const good = JSON.parse(exportCorpus('S', [doc('p.html', page)], 1));
    const withLeftOut = (leftOut: unknown, version = 2) => parseCorpusFile(JSON.stringify({ ...good, version, documents: [{ ...good.documents[0], leftOut }] }), 'x.json');
    expect(withLeftOut(good.documents[0].leftOut, 1)).toMatchObject({ ok: false, error: expect.stringMatching(/unexpected field "leftOut"/) });
    expect(withLeftOut('all')).toMatchObject({ ok: false, error: expect.stringMatching(/documents\[0\]\.leftOut is "all"/) });
    expect(withLeftOut([{ start: 0, end: 2 }])).toMatchObject({ ok: false, error: expect.stringMatching(/leftOut\[0\] needs whole numbers/) });
    const parsed = withLeftOut([{ start: 0, end: 1e9, reason: 'x' }]);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(importItem(parsed.items[0]!, new Set())).toMatchObject({ ok: false, reason: expect.stringMatching(/^leftOut\[0\] runs from 0 to 1000000000/) });
  });
  it('names the file safely', () => {
    expect(exportFileName('My set: 2019/2020')).toBe('My-set-2019-2020.refrain-corpus.json');
    expect(exportFileName('///')).toBe('corpus.refrain-corpus.json');
  });
});
