import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../temp-dirs.ts';
import { listDocumentFiles, loadCorpusFromPaths, readCorpusFromPaths } from '../../src/node/load-corpus.ts';

const PROSE = 'The river council met on Tuesday to discuss the new bridge. Residents asked about the cost and the timetable for the works.';

/** A folder as an unlucky user has it: good files beside a pipe, a socket, links that lead nowhere or round in a loop. */
const dir = makeTempDir('refrain-load-');
let server: Server;
beforeAll(async () => {
  writeFileSync(join(dir, 'good.txt'), `${PROSE}\n`);
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'inner.md'), `---\ntitle: Inner\n---\n${PROSE} Inside.\n`);
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 159, 146, 150, 0, 255, 1, 2]));
  writeFileSync(join(dir, 'bad-meta.md'), `---\nlanguage: English\n---\n${PROSE}\n`);
  writeFileSync(join(dir, 'bad-date.md'), `---\ndate: 2019-13\n---\n${PROSE} Undated.\n`);
  writeFileSync(join(dir, 'photo.png'), Buffer.from([0x89, 0x50]));
  // A page saved "complete" brings a folder of its parts, an ad's .html among them.
  mkdirSync(join(dir, 'Bridge news_files'));
  writeFileSync(join(dir, 'Bridge news_files', 'ad.html'), `<html><body><p>${PROSE} Buy now.</p></body></html>`);
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
  symlinkSync(join(dir, 'loop-b.txt'), join(dir, 'loop-a.txt'));
  symlinkSync(join(dir, 'loop-a.txt'), join(dir, 'loop-b.txt'));
  symlinkSync(dir, join(dir, 'sub', 'back-up'));
  symlinkSync('/dev/null', join(dir, 'device.txt'));
  server = createServer();
  await new Promise<void>((done) => server.listen(join(dir, 'socket.txt'), done));
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('readCorpusFromPaths: regular files only, every problem named (issue #14, item 10)', () => {
  it('reads the good files and skips a pipe, a socket, a device, links and unreadable files, each by name', async () => {
    const { corpus, skipped, dates } = await readCorpusFromPaths([dir], 'Test', dir);
    // A date that cannot be read costs only itself: the document is read, the date left out, and both the result and the provenance say why.
    expect(corpus!.documents.map((d) => d.meta.id)).toEqual(['bad-date', 'good', 'inner']);
    expect(dates).toEqual([{ file: 'bad-date.md', date: { lost: 'none', note: 'Its date “2019-13” was not read (there is no month 13).' } }]);
    expect(corpus!.documents[0]!.meta).toMatchObject({ date: null, provenance: 'Its date “2019-13” was not read (there is no month 13).' });
    expect(Object.fromEntries(skipped.map((s) => [s.file.replace(dir, '<dir>'), s.reason]))).toEqual({
      '<dir>/pipe.txt': 'is a named pipe, not a regular file',
      '<dir>/socket.txt': 'is a socket, not a regular file',
      '<dir>/device.txt': 'is a device, not a regular file',
      '<dir>/dangling.txt': `is a link to ${JSON.stringify(join(dir, 'nowhere.txt'))}, which does not exist`,
      '<dir>/loop-a.txt': 'is a symbolic link loop',
      '<dir>/loop-b.txt': 'is a symbolic link loop',
      '<dir>/sub/back-up': 'is a folder already read (a link leads to it again)',
      'binary.txt': expect.stringMatching(/binary/),
      'bad-meta.md': 'language: "English" is not a language tag such as "en" or "zh"',
    });
  }, 20_000);

  it('names a path given directly, whatever it is', async () => {
    const one = async (name: string) => (await listDocumentFiles(join(dir, name))).skipped[0]?.reason;
    expect(await one('pipe.txt')).toBe('is a named pipe, not a file or a folder');
    expect(await one('dangling.txt')).toMatch(/^is a link to .*nowhere\.txt", which does not exist$/);
    expect(await one('loop-a.txt')).toBe('is a symbolic link loop');
    expect(await one('missing.txt')).toBe('no such file or folder');
    // Named directly, a file without extension is read as text, a page under another name as a page.
    writeFileSync(join(dir, 'speech'), PROSE);
    writeFileSync(join(dir, 'story.cms'), `<!DOCTYPE html><html><body><p>${PROSE}</p></body></html>`);
    for (const name of ['speech', 'story.cms']) expect((await listDocumentFiles(join(dir, name))).files).toEqual([join(dir, name)]);
    expect(await one('photo.png')).toBe('is not a .txt, .md, .html, .mhtml, .webarchive, .docx, .doc, .odt, .rtf, .pdf, .epub, .xml (TEI), .csv, .tsv, .xlsx or .json file');
  });

  it('the build stays strict: the first problem stops it, naming the file', async () => {
    await expect(loadCorpusFromPaths([dir], 'Test', dir)).rejects.toThrow(/pipe\.txt: is a named pipe|dangling\.txt: is a link|device\.txt|loop-a\.txt/);
    await expect(loadCorpusFromPaths([join(dir, 'sub', 'inner.md')], 'Test', dir)).resolves.toMatchObject({ documents: [{ meta: { title: 'Inner' } }] });
  });
});

describe('tables of documents in the CLI and the build', () => {
  const tables = makeTempDir('refrain-tables-');
  writeFileSync(join(tables, 'note.txt'), `${PROSE}\n`);
  writeFileSync(join(tables, 'press.csv'), `title,outlet,date,text\nFerry vote,Coastal Herald,2023-03-14,"${PROSE} One."\nBridge,Valley Post,2023-03-20,"${PROSE} Two."\n`);

  it('reads a document per row beside other files, with the metadata its columns give', async () => {
    const { corpus, skipped } = await readCorpusFromPaths([tables], 'Test', tables);
    expect(skipped).toEqual([]);
    expect(corpus!.documents.map((d) => [d.meta.id, d.meta.title, d.meta.outlet, d.meta.date?.value ?? null])).toEqual([
      ['note', 'note', null, null],
      ['press-row-2', 'Ferry vote', 'Coastal Herald', '2023-03-14'],
      ['press-row-3', 'Bridge', 'Valley Post', '2023-03-20'],
    ]);
    await expect(loadCorpusFromPaths([tables], 'Test', tables)).resolves.toMatchObject({ documents: [{ meta: { id: 'note' } }, { meta: { id: 'press-row-2' } }, { meta: { id: 'press-row-3' } }] });
  });

  it('skips a row without text in the CLI, and stops the build on it, naming the row', async () => {
    writeFileSync(join(tables, 'gaps.csv'), `id,text\nfull,"${PROSE} Three."\nempty,\n`);
    const { corpus, skipped } = await readCorpusFromPaths([tables], 'Test', tables);
    expect(corpus!.documents.map((d) => d.meta.id)).toContain('full');
    expect(skipped).toEqual([{ file: 'gaps.csv row 3', reason: 'has no text' }]);
    await expect(loadCorpusFromPaths([tables], 'Test', tables)).rejects.toThrow('gaps.csv row 3: has no text');
  });
});
