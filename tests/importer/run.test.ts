import { describe, expect, it } from 'vitest';
import { cleanHere } from '../../src/importer/read.ts';
import { BATCH_FILES, describeDates, planImport, rereadFile, runImport, type ImportedDoc, type PickedFile, type Progress, type RunOptions } from '../../src/importer/run.ts';
import { parseCorpusFile } from '../../src/importer/corpus-file.ts';
import { readTable } from '../../src/importer/table-file.ts';
import { MAX_META_DEPTH, MAX_META_JSON_CHARS } from '../../src/corpus/limits.ts';
import { MAX_CORPUS_DOCUMENTS } from '../../src/importer/limits.ts';
import { picked, PROSE } from './helpers.ts';
import { paragraphAt, simpleDocument } from '../corpus/pdf/sample-pdf.ts';

describe('planImport', () => {
  it('sorts documents, pairs sidecars, skips notes and hidden files, refuses other formats', () => {
    const plan = planImport([picked('f/b.txt', PROSE), picked('f/a.md', PROSE), picked('f/a.md.meta.json', '{}'), picked('f/README.md', 'x'), picked('f/.DS_Store', 'x'), picked('f/pic.png', 'x')]);
    expect(plan.documents.map((d) => d.path)).toEqual(['f/a.md', 'f/b.txt']);
    expect([...plan.sidecars.keys()]).toEqual(['f/a.md']);
    expect(plan.skipped.map((s) => s.file)).toEqual(['f/README.md', 'f/.DS_Store']);
    expect(plan.refused.map((r) => r.path)).toEqual(['f/pic.png']);
  });

  it('reads a README chosen as a file: only in a folder is it a note about the folder', () => {
    const plan = planImport([picked('README.md', PROSE), picked('b.txt', PROSE)]);
    expect(plan.documents.map((d) => d.path)).toEqual(['README.md', 'b.txt']);
    expect(plan.skipped).toEqual([]);
  });
});

const noop = { ids: [], documents: 0, bytes: 0 };

describe('runImport: files imported again', () => {
  const importAll = async (files: PickedFile[], existing: ImportedDoc[] = []) => {
    const docs: ImportedDoc[] = [];
    const ids = existing.map((d) => d.doc.meta.id);
    const summary = await runImport({
      files,
      existing: { ids, documents: ids.length, bytes: 0, docs: existing.map((d) => d.doc) },
      clean: cleanHere,
      readTable: async (b, p) => readTable(b, p),
      accept: async (d) => void docs.push(...d),
    });
    return { docs, summary };
  };
  const csv = `title,outlet,date,text\nFirst,River Gazette,2021-05-04,"${PROSE} One."\nSecond,Valley Post,2021-05-09,"${PROSE} One."\n`;
  const files = () => [picked('set/a.txt', `${PROSE} A.`), picked('set/b.md', `---\noutlet: Valley Post\n---\n${PROSE} B.`), picked('set/rows.csv', csv)];

  it('adds nothing when the same files come again, and names each one', async () => {
    const first = await importAll(files());
    expect(first.docs.map((d) => d.doc.meta.id)).toEqual(['a', 'b', 'rows-row-2', 'rows-row-3']);
    const again = await importAll(files(), first.docs);
    expect(again.docs).toEqual([]);
    expect(again.summary).toMatchObject({ imported: 0, refused: [], read: [], notImported: 0 });
    expect(again.summary.repeated).toEqual([
      { file: 'set/a.txt', of: 'a' },
      { file: 'set/b.md', of: 'b' },
      { file: 'set/rows.csv row 2', of: 'rows-row-2' },
      { file: 'set/rows.csv row 3', of: 'rows-row-3' },
    ]);
  });

  it('adds a file once when it comes twice in one import (another folder, another name, other line breaks)', async () => {
    const { docs, summary } = await importAll([picked('x/a.txt', PROSE), picked('y/a.txt', PROSE), picked('y/copy.txt', PROSE.replace(/\n\n/g, '\r\n'))]);
    expect(docs.map((d) => d.doc.meta.id)).toEqual(['a']);
    expect(summary.repeated).toEqual([
      { file: 'y/a.txt', of: 'a' },
      { file: 'y/copy.txt', of: 'a' },
    ]);
  });

  it('still adds another text under a name the corpus has (as -2), and the same text from another outlet', async () => {
    const first = await importAll([picked('a.txt', PROSE)]);
    const { docs, summary } = await importAll([picked('a.txt', `${PROSE} Revised.`), picked('a.md', `---\noutlet: Valley Post\n---\n${PROSE}`)], first.docs);
    expect(docs.map((d) => d.doc.meta.id)).toEqual(['a-2', 'a-3']);
    expect(summary.repeated).toEqual([]);
  });

  it('counts as repeated what storage found another tab had stored, and lists it not among the files read', async () => {
    const summary = await runImport({
      files: [picked('a.txt', PROSE), picked('b.txt', `${PROSE} B.`)],
      existing: noop,
      clean: cleanHere,
      accept: async (d) => d.filter((x) => x.doc.meta.id === 'a').map((x) => ({ file: x.doc.meta.source, of: x.doc.meta.id })),
    });
    expect(summary).toMatchObject({ imported: 1, repeated: [{ file: 'a.txt', of: 'a' }] });
    expect(summary.read.map((r) => r.id)).toEqual(['b']);
  });
});

describe('runImport: the dates tally', () => {
  const csv = (tag: string) => `title,date,text\nA,next week,"${PROSE} ${tag} one."\nB,03/04/2019,"${PROSE} ${tag} two."\nC,2019-05-01,"${PROSE} ${tag} three."\n`;
  const files = () => [picked('a.csv', csv('a')), picked('b.csv', csv('b'))];

  it('counts the dates of two tables imported at once', async () => {
    const summary = await runImport({ files: files(), existing: noop, clean: cleanHere, readTable: async (b, p) => readTable(b, p), accept: async () => {} });
    expect(summary).toMatchObject({ imported: 6, dates: { notRead: 2, yearOnly: 2 } });
  });

  it('counts only the dates of the documents added, not of those another import (another tab, or another import in this one) stored first', async () => {
    // The other import stored a.csv's rows while this one was reading: storage says so, and they are not added again.
    const summary = await runImport({
      files: files(),
      existing: noop,
      clean: cleanHere,
      readTable: async (b, p) => readTable(b, p),
      accept: async (d) => d.filter((x) => x.doc.meta.id.startsWith('a-')).map((x) => ({ file: x.doc.meta.source, of: x.doc.meta.id })),
    });
    expect(summary.imported).toBe(3);
    expect(summary.repeated).toHaveLength(3);
    expect(summary.dates).toEqual({ notRead: 1, yearOnly: 1 });
  });
});

describe('runImport: tables', () => {
  it('imports a document per row of a CSV beside other files, and refuses rows and tables by name', async () => {
    const csv = `title,outlet,date,text\nFirst,River Gazette,2021-05-04,"${PROSE} One."\nSecond,Valley Post,2021-05-09,"${PROSE} Two."\nNo text,Valley Post,2021,\n`;
    const files = [picked('set/rows.csv', csv), picked('set/a.txt', `${PROSE} Three.`), picked('set/people.csv', 'name,email\nAnn,a@b.c\n')];
    const docs: ImportedDoc[] = [];
    const summary = await runImport({ files, existing: noop, clean: cleanHere, readTable: async (b, p) => readTable(b, p), accept: async (d) => void docs.push(...d) });
    expect(docs.map((d) => [d.doc.meta.id, d.doc.meta.title, d.doc.meta.outlet])).toEqual([
      ['a', 'a', null],
      ['rows-row-2', 'First', 'River Gazette'],
      ['rows-row-3', 'Second', 'Valley Post'],
    ]);
    expect(summary.imported).toBe(3);
    expect(summary.refused).toEqual([
      { file: 'set/people.csv', reason: expect.stringMatching(/^has no text column/) },
      { file: 'set/rows.csv row 4', reason: 'has no text' },
    ]);
  });
});

describe('runImport: dates not read', () => {
  it('counts the documents whose date was left out or kept to the year only, from files and from tables alike', async () => {
    const csv = `title,date,text\nOne,10/11/2019,"${PROSE} One."\nTwo,someday,"${PROSE} Two."\nThree,5 March 2019,"${PROSE} Three."\n`;
    const files = [picked('d/rows.csv', csv), picked('d/a.md', `---\ndate: 2019-13\n---\n${PROSE} Four.`), picked('d/b.md', `---\ndate: 2019-03-05T10:00:00+01:00\n---\n${PROSE} Five.`)];
    const summary = await runImport({ files, existing: noop, clean: cleanHere, readTable: async (b, p) => readTable(b, p), accept: async () => {} });
    expect(summary).toMatchObject({ imported: 5, refused: [], dates: { notRead: 2, yearOnly: 1 } });
    expect(describeDates(summary.dates)).toBe('2 dates not read, 1 read to the year only');
    expect(describeDates({ notRead: 0, yearOnly: 1 })).toBe('1 date read to the year only');
    expect(describeDates({ notRead: 1, yearOnly: 1200 })).toBe('1 date not read, 1,200 read to the year only');
    expect(describeDates({ notRead: 1, yearOnly: 0 })).toBe('1 date not read');
    expect(describeDates({ notRead: 0, yearOnly: 0 })).toBeNull();
  });
});

describe('runImport', () => {
  it('hands documents on batch by batch, with progress, and reports refusals by file', async () => {
    const files = Array.from({ length: BATCH_FILES + 5 }, (_, i) => picked(`d${String(i).padStart(2, '0')}.txt`, `${PROSE} Number ${i}.`));
    files.push(picked('empty.txt', ''), picked('img.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])));
    const batches: ImportedDoc[][] = [];
    const stages: Progress[] = [];
    const summary = await runImport({ files, existing: noop, clean: cleanHere, accept: async (docs) => void batches.push(docs), onProgress: (p) => stages.push(p) });
    expect(batches.map((b) => b.length)).toEqual([BATCH_FILES, 5]);
    expect(summary).toMatchObject({ imported: BATCH_FILES + 5, notImported: 0, stopped: null, cancelled: false });
    expect(summary.refused).toEqual([
      { file: 'img.png', reason: 'is a PNG image, not text; save it as .txt, .md or .html first' },
      { file: 'empty.txt', reason: 'is empty (0 bytes); nothing was added' },
    ]);
    expect(stages.at(-1)).toMatchObject({ stage: 'done', done: BATCH_FILES + 6, total: BATCH_FILES + 6 });
    expect(stages.some((s) => s.stage === 'cleaning' && s.file === 'd03.txt')).toBe(true);
  });

  it('stops when cancelled, keeping what was accepted', async () => {
    const files = Array.from({ length: BATCH_FILES * 3 }, (_, i) => picked(`d${i}.txt`, `${PROSE} Number ${i}.`));
    let accepted = 0;
    const summary = await runImport({ files, existing: noop, clean: cleanHere, accept: async (d) => void (accepted += d.length), cancelled: () => accepted >= BATCH_FILES });
    expect(summary).toMatchObject({ imported: BATCH_FILES, cancelled: true, notImported: BATCH_FILES * 2 });
  });

  it('names the file the cleaner died on and keeps earlier batches', async () => {
    const files = Array.from({ length: BATCH_FILES * 2 }, (_, i) => picked(`d${String(i).padStart(2, '0')}.txt`, `${PROSE} Number ${i}.`));
    let calls = 0;
    const summary = await runImport({
      files,
      existing: noop,
      clean: async (items, taken, onFile) => {
        if (++calls === 2) {
          onFile(items[3]!.path);
          throw new Error('out of memory');
        }
        return cleanHere(items, taken, onFile);
      },
      accept: async () => {},
    });
    expect(summary.imported).toBe(BATCH_FILES);
    expect(summary.stopped).toBe(`The import stopped while cleaning d${BATCH_FILES + 3}.txt (out of memory). Everything imported before it is kept.`);
  });

  it('stops when storing fails, saying why', async () => {
    const summary = await runImport({ files: [picked('a.txt', PROSE)], existing: noop, clean: cleanHere, accept: () => Promise.reject(new Error('QuotaExceededError')) });
    expect(summary).toMatchObject({ imported: 0, stopped: 'The import stopped: QuotaExceededError. Everything imported before it is kept.' });
  });

  it('enforces the document limit across the existing corpus', async () => {
    const summary = await runImport({ files: [picked('a.txt', `${PROSE} A.`), picked('b.txt', `${PROSE} B.`)], existing: { ids: [], documents: MAX_CORPUS_DOCUMENTS - 1, bytes: 0 }, clean: cleanHere, accept: async () => {} });
    expect(summary.imported).toBe(1);
    expect(summary.refused).toEqual([{ file: 'b.txt', reason: 'would be document 2,001; a corpus holds at most 2,000' }]);
  });

  it('reads a full corpus\'s files again before refusing them: one it already holds is named as repeated, not refused for the limit', async () => {
    const first: ImportedDoc[] = [];
    await runImport({ files: [picked('f/a.txt', `${PROSE} A.`)], existing: noop, clean: cleanHere, accept: async (d) => void first.push(...d) });
    const full = { ids: ['a'], documents: MAX_CORPUS_DOCUMENTS, bytes: first[0]!.bytes, docs: first.map((d) => d.doc) };
    const summary = await runImport({ files: [picked('f/a.txt', `${PROSE} A.`), picked('f/b.txt', `${PROSE} B.`)], existing: full, clean: cleanHere, accept: async () => {} });
    expect(summary.repeated).toEqual([{ file: 'f/a.txt', of: 'a' }]);
    expect(summary.refused).toEqual([{ file: 'f/b.txt', reason: 'would be document 2,001; a corpus holds at most 2,000' }]);
    expect(summary.imported).toBe(0);
  });

  it('keeps ids unique against the corpus and across batches', async () => {
    const ids: string[] = [];
    await runImport({ files: [picked('x/a.txt', `${PROSE} X.`), picked('y/a.txt', `${PROSE} Y.`)], existing: { ids: ['a'], documents: 1, bytes: 10 }, clean: cleanHere, accept: async (d) => void ids.push(...d.map((x) => x.doc.meta.id)) });
    expect(ids).toEqual(['a-2', 'a-3']);
  });

  it('reads a file whose name says nothing by its first bytes: a page saved as .cms, a text without extension, RTF saved as .doc', async () => {
    const page = `<!DOCTYPE html><html><head><title>Bridge news</title></head><body><article><p>${PROSE}</p></article></body></html>`;
    const files = [
      picked('f/story.cms', page),
      picked('f/speech', `${PROSE} Spoken.`),
      picked('f/letter.doc', `{\\rtf1\\ansi{\\info{\\title A letter}}${PROSE} Written.}`),
      picked('f/data.json', '{"a": 1}'),
      picked('f/blob', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])),
      picked('f/.git/objects/ab/cdef', PROSE),
      picked('f/Bridge news_files/style.css', 'p { color: red }'),
    ];
    const docs: ImportedDoc[] = [];
    const summary = await runImport({ files, existing: noop, clean: cleanHere, accept: async (d) => void docs.push(...d) });
    expect(docs.map((d) => [d.doc.meta.id, d.doc.meta.title])).toEqual([
      ['letter', 'A letter'],
      ['speech', 'speech'],
      ['story', 'Bridge news'],
    ]);
    // A .json file is a dataset of documents, read as a table (here without a table reader).
    expect(summary.refused.map((r) => r.file)).toEqual(['f/blob', 'f/data.json']);
    expect(summary.refused[1]!.reason).toMatch(/is a table/);
    expect(summary.skipped.map((r) => r.file)).toEqual(['f/.git/objects/ab/cdef', 'f/Bridge news_files/style.css']);
  });

  it('allows a PDF its 50 MB when its name does not say it is one (a download saved as "getfile")', async () => {
    const picture = { body: '<< /Type /XObject /Subtype /Image /Width 2000 /Height 1000 /BitsPerComponent 8 /ColorSpace /DeviceRGB >>', stream: new Uint8Array(6_000_000).fill(0x7f), raw: true };
    const pdf = simpleDocument([`${paragraphAt(72, 700, ['The ferry will run all winter.'])}q 400 0 0 200 72 300 cm /Im1 Do Q`], { extra: [picture] });
    const docs: ImportedDoc[] = [];
    const summary = await runImport({ files: [picked('f/getfile', pdf), picked('f/bigtext', new Uint8Array(6_000_000).fill(0x61))], existing: noop, clean: cleanHere, accept: async (d) => void docs.push(...d) });
    expect(docs.map((d) => d.doc.original)).toEqual(['The ferry will run all winter.']);
    expect(summary.refused).toEqual([{ file: 'f/bigtext', reason: expect.stringMatching(/limit is 5 MB per file$/) }]);
  });

  it('reports a folder with nothing to import', async () => {
    const summary = await runImport({ files: [picked('f/README.md', 'x'), picked('f/notes.rtf', 'x')], existing: noop, clean: cleanHere, accept: async () => {} });
    expect(summary.refused.map((r) => r.file)).toEqual(['f/notes.rtf']);
    expect(summary.skipped.map((r) => r.file)).toEqual(['f/README.md']);
  });
});

describe('runImport: how each file was read', () => {
  const cp1252 = Uint8Array.from([...`${PROSE} Don’t.`].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0))));
  it('lists every imported file with the encoding it was read as, and re-reads one as another, keeping its id', async () => {
    const summary = await runImport({ files: [picked('a.txt', PROSE), picked('b.txt', cp1252)], existing: noop, clean: cleanHere, accept: async () => {} });
    expect(summary.read.map((r) => [r.file, r.id, r.readAs.encoding, r.readAs.how])).toEqual([
      ['a.txt', 'a', 'utf-8', 'UTF-8'],
      ['b.txt', 'b', 'windows-1252', 'detected'],
    ]);
    const b = summary.read[1]!;
    const again = await rereadFile(b, 'iso-8859-2', ['a', 'b'], cleanHere);
    if (!again.ok) throw new Error(again.reason);
    expect(again.doc.meta.id).toBe('b');
    expect(again.readAs).toMatchObject({ encoding: 'iso-8859-2', how: 'chosen' });
    // ISO-8859-2 has a control character at 0x92 where windows-1252 has ’: what the reader asked for.
    expect(again.doc.text).toContain('Don\u0092t');
  });
  it('says why a file cannot be read again', async () => {
    const gone = { ...picked('c.txt', PROSE), load: async () => Promise.reject(new Error('the file was moved')) };
    const r = await rereadFile({ file: 'c.txt', id: 'c', readAs: { encoding: 'utf-8', how: 'UTF-8', confidence: null }, source: gone }, 'windows-1252', [], cleanHere);
    expect(r).toEqual({ ok: false, file: 'c.txt', reason: 'could not be read again (the file was moved)' });
  });
});

describe('runImport: a shared corpus file with one hostile document (issue #14, item 8)', () => {
  const meta = (id: string) => ({ id, title: id, outlet: null, author: null, date: null, language: 'en', provenance: 'P' });
  /** As the page does it (ui/shell/corpora.svelte.ts importCorpusFile). */
  const entries = (text: string): PickedFile[] => {
    const parsed = parseCorpusFile(text, 'shared.json');
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.items.map((item) => ({ path: item.path, name: `${item.path}.txt`, size: item.original.length, load: async () => item }));
  };
  /** Posting to the worker clones the batch, as structuredClone does. */
  const cloneLikeWorker: RunOptions['clean'] = (items, taken, onFile) => cleanHere(structuredClone(items), taken, onFile);

  it('refuses only the document whose meta is 10,000 levels deep, by name, before the batch is posted', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { nested: deep };
    const json = `{"format":"refrain-corpus","version":1,"name":"Shared","exportedAt":1,"documents":[${[
      JSON.stringify({ source: 'a', meta: meta('a'), original: PROSE }),
      `{"source":"deep","meta":{"id":"deep","title":"Deep","clean":${'{"x":'.repeat(10_000)}1${'}'.repeat(10_000)}},"original":${JSON.stringify(PROSE)}}`,
      JSON.stringify({ source: 'c', meta: meta('c'), original: `${PROSE} Also.` }),
    ].join(',')}]}`;
    const imported: string[] = [];
    const summary = await runImport({ files: entries(json), existing: noop, clean: cloneLikeWorker, accept: async (docs) => void imported.push(...docs.map((d) => d.doc.meta.id)) });
    expect(imported).toEqual(['a', 'c']);
    expect(summary.refused).toEqual([{ file: 'deep', reason: `meta is nested more than ${MAX_META_DEPTH} levels deep; a document's metadata is a few fields` }]);
    expect(summary.stopped).toBeNull();
  });

  it('refuses a meta too large to be metadata, and lets a normal one with clean overrides through', async () => {
    const big = { ...meta('big'), clean: { removeLines: Array.from({ length: 40 }, () => 'x'.repeat(MAX_META_JSON_CHARS / 32)) } };
    const fine = { ...meta('fine'), clean: { removeLines: ['Advertisement'], keepLines: ['Share'] } };
    const json = JSON.stringify({ format: 'refrain-corpus', version: 1, name: 'S', exportedAt: 1, documents: [{ source: 'big', meta: big, original: PROSE }, { source: 'fine', meta: fine, original: PROSE }] });
    const summary = await runImport({ files: entries(json), existing: noop, clean: cloneLikeWorker, accept: async () => {} });
    expect(summary.imported).toBe(1);
    expect(summary.refused).toEqual([{ file: 'big', reason: expect.stringMatching(/^meta is more than 65,536 characters as JSON/) }]);
  });
});
