import { FIELD_LIMITS } from '../../src/corpus/limits.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importItem, type ImportFile, type ImportOutcome } from '../../src/importer/read.ts';
import { MAX_FILE_BYTES } from '../../src/importer/limits.ts';
import { paragraphAt, simpleDocument } from '../corpus/pdf/sample-pdf.ts';
import { longBlock } from '../corpus/clean/helpers.ts';
import { enc, PROSE } from './helpers.ts';

const file = (name: string, content: string | Uint8Array, extra: Partial<ImportFile> = {}): ImportFile => ({
  kind: 'file',
  path: `folder/${name}`,
  name,
  bytes: typeof content === 'string' ? enc(content) : content,
  ...extra,
});

function ok(o: ImportOutcome) {
  if (!o.ok) throw new Error(`expected a document, got refusal: ${o.file}: ${o.reason}`);
  return o;
}
function refused(o: ImportOutcome) {
  if (o.ok) throw new Error(`expected a refusal, got ${o.doc.meta.id}`);
  return o;
}

describe('importItem: text and Markdown', () => {
  it('imports a .txt with its title from the file name and a date from it', () => {
    const { doc } = ok(importItem(file('2019-10-25_river-bridge.txt', PROSE), new Set()));
    expect(doc.meta).toMatchObject({ id: '2019-10-25_river-bridge', title: '2019 10 25 river bridge', date: { value: '2019-10-25', precision: 'day' }, language: 'en', source: 'folder/2019-10-25_river-bridge.txt' });
    expect(doc.text).toContain('river council');
    expect(doc.wordCount).toBeGreaterThan(20);
  });
  it('reads front matter, which wins over what the name implies', () => {
    const md = `---\ntitle: Bridge plans\noutlet: River Post\nauthor: Ann Lee\ndate: ~2020-11\nlanguage: en\n---\n${PROSE}`;
    const { doc } = ok(importItem(file('2019-01-01-x.md', md), new Set()));
    expect(doc.meta).toMatchObject({ title: 'Bridge plans', outlet: 'River Post', author: 'Ann Lee', date: { value: '2020-11', precision: 'month', approximate: true } });
    expect(doc.original.startsWith('The river council')).toBe(true);
  });
  it('reads YAML front matter: quoted values with colons, lists; an error names the file and the line', () => {
    const md = `---\ntitle: "Brexit: the deal"\nauthor: [Ann Lee, Bo Chen]\noutlet: 'The Post: Weekend'\ntags:\n  - politics\n---\n${PROSE}`;
    const { doc } = ok(importItem(file('a.md', md), new Set()));
    expect(doc.meta).toMatchObject({ title: 'Brexit: the deal', author: 'Ann Lee, Bo Chen', outlet: 'The Post: Weekend' });
    const broken = refused(importItem(file('b.md', `---\ntitle: x\nauthor: [Ann Lee\n---\n${PROSE}`), new Set()));
    expect(broken.file).toBe('folder/b.md');
    expect(broken.reason).toMatch(/^front matter line 3: /);
  });
  it("lets the user's fields win over front matter", () => {
    const md = `---\ntitle: From file\n---\n${PROSE}`;
    const { doc } = ok(importItem(file('a.md', md, { fields: { title: 'From form', outlet: 'Typed outlet' } }), new Set()));
    expect(doc.meta.title).toBe('From form');
    expect(doc.meta.outlet).toBe('Typed outlet');
  });
  it('refuses bad front matter naming the field', () => {
    expect(refused(importItem(file('a.md', `---\nlanguage: English\n---\n${PROSE}`), new Set())).reason).toMatch(/^language: "English" is not a language tag/);
  });
  it('reads front matter dates as people write them; one it cannot read is left out, the file imported, and the provenance says why', () => {
    const dated = (date: string) => ok(importItem(file('a.md', `---\ntitle: T\ndate: ${date}\n---\n${PROSE}`), new Set()));
    const cases: [string, string | null][] = [
      ['2019-03-05T10:00:00+01:00', '2019-03-05'],
      ['2019-03-05 10:00:00 +01:00', '2019-03-05'],
      ['2019-3-5', '2019-03-05'],
      ['5 March 2019', '2019-03-05'],
      ['March 2019', '2019-03'],
      ['2019/03/05', '2019-03-05'],
      ['05.03.2019', '2019-03-05'],
      ["'2019'", '2019'],
      ['Tue, 05 Mar 2019 10:00:00 +0100', '2019-03-05'],
      ['le 5 mars 2019', '2019-03-05'],
      ['~ 2019-03', '2019-03'],
    ];
    for (const [written, value] of cases) expect(dated(written).doc.meta.date?.value ?? null, written).toBe(value);
    const lost = dated('2019-13');
    expect([lost.doc.meta.date, lost.dateNote?.lost]).toEqual([null, 'none']);
    expect(lost.doc.meta.provenance).toBe('Imported by the reader from “folder/a.md”. Its date “2019-13” was not read (there is no month 13).');
    // A sidecar's provenance keeps its words, the note after them.
    const sidecar = JSON.stringify({ title: null, outlet: null, author: null, date: '03/04/2020', language: 'en', provenance: 'Typed up.' });
    const side = ok(importItem(file('b.txt', PROSE, { sidecar }), new Set()));
    expect([side.doc.meta.date?.value, side.doc.meta.provenance]).toEqual(['2020', 'Typed up. Its date “03/04/2020” was read as the year 2020 only: it could be 3 April or 4 March.']);
  });
  it('reads a sidecar dropped beside the file', () => {
    const sidecar = JSON.stringify({ title: null, outlet: 'Side', author: null, date: '2021', language: 'en', provenance: 'Typed up.' });
    const { doc } = ok(importItem(file('a.txt', PROSE, { sidecar }), new Set()));
    expect(doc.meta).toMatchObject({ title: null, outlet: 'Side', provenance: 'Typed up.' });
    expect(refused(importItem(file('b.txt', PROSE, { sidecar: '{' }), new Set())).file).toBe('folder/b.txt.meta.json');
  });
});

describe('importItem: HTML', () => {
  const html = `<html lang="en"><head><title>Page title</title><meta property="og:site_name" content="Web Daily">
    <meta name="author" content="Jo Bloggs"><meta property="article:published_time" content="2021-03-04T10:00:00Z">
    <script>window.pwned = 1</script><style>p { color: red }</style></head>
    <body><!-- comment --><p>First &amp; <b>foremost</b> paragraph of the article, long enough to be prose.</p><p>Second<br>line &#8217;s here, and the article goes on.</p>
    <img src="x.png" onerror="window.pwned = 2"><script>document.write('x')</script></body></html>`;
  it('converts to text with block boundaries and reads the head', () => {
    const { doc } = ok(importItem(file('page.html', html), new Set()));
    expect(doc.original).toBe('First & foremost paragraph of the article, long enough to be prose.\n\nSecond\nline ’s here, and the article goes on.');
    expect(doc.meta).toMatchObject({ title: 'Page title', outlet: 'Web Daily', author: 'Jo Bloggs', date: { value: '2021-03-04', precision: 'day' }, language: 'en' });
    expect(doc.text).not.toMatch(/pwned|script|color/);
  });
  it('refuses a page with no text', () => {
    expect(refused(importItem(file('empty.html', '<html><head><title>x</title></head><body><script>1</script></body></html>'), new Set())).reason).toMatch(/no text/);
  });
});

describe('importItem: TEI XML', () => {
  const letters = readFileSync(join(import.meta.dirname, '../fixtures/tei/harbour-letters.xml'));
  it('imports the text of a TEI file with the metadata of its header', () => {
    const { doc } = ok(importItem(file('harbour-letters.xml', letters), new Set()));
    expect(doc.original).toMatch(/^First letter\n\nThe council met on Tuesday to discuss the new bridge\./);
    expect(doc.original).not.toMatch(/editorial note|THE HARBOUR LETTERS|struck|teh/);
    expect(doc.meta).toMatchObject({ id: 'harbour-letters', title: 'The Harbour Letters', author: 'Ann Lee, Bo Chen', outlet: 'The Coastal Herald', date: { value: '1891-05-04' }, language: 'en' });
    expect(doc.meta.provenance).toMatch(/^Imported from the TEI file “folder\/harbour-letters.xml”/);
  });
  it('refuses XML that is not TEI, naming its first element', () => {
    expect(refused(importItem(file('feed.xml', '<?xml version="1.0"?><rss><channel><title>News</title></channel></rss>'), new Set())).reason).toMatch(/^is XML but not TEI \(its first element is <rss>\)/);
  });
});

describe('importItem: word processors', () => {
  it("imports a Word document's text and properties, with no encoding to choose", () => {
    const bytes = zipSync({
      'word/document.xml': strToU8('<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>An essay about the harbour and its ferry.</w:t></w:r></w:p></w:body></w:document>'),
      'docProps/core.xml': strToU8('<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title>Harbour essay</dc:title><dc:creator>Sam</dc:creator></cp:coreProperties>'),
    });
    const out = ok(importItem(file('essay.docx', bytes), new Set()));
    expect(out.doc.original).toBe('An essay about the harbour and its ferry.');
    expect(out.doc.meta).toMatchObject({ id: 'essay', title: 'Harbour essay', author: 'Sam' });
    expect(out.doc.meta.provenance).toMatch(/^Imported from the word processor's file “folder\/essay.docx”/);
    expect(out.readAs).toBeNull();
  });
});

describe('importItem: refusals', () => {
  it('refuses empty, binary and oversized files, naming the file', () => {
    expect(refused(importItem(file('e.txt', ''), new Set()))).toEqual({ ok: false, file: 'folder/e.txt', reason: 'is empty (0 bytes); nothing was added' });
    expect(refused(importItem(file('blank.txt', '  \n\n '), new Set())).reason).toMatch(/no text/);
    expect(refused(importItem(file('p.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), new Set())).reason).toMatch(/PNG image/);
    expect(refused(importItem(file('z.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])), new Set())).reason).toMatch(/ZIP archive/);
    expect(refused(importItem(file('big.txt', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61)), new Set())).reason).toMatch(/limit is 5 MB/);
  });
  it('takes a PDF larger than 5 MB whose bytes are a picture, counting its text, not its bytes', () => {
    const picture = { body: '<< /Type /XObject /Subtype /Image /Width 2000 /Height 1000 /BitsPerComponent 8 /ColorSpace /DeviceRGB >>', stream: new Uint8Array(6_000_000).fill(0x7f), raw: true };
    const pdf = simpleDocument([`${paragraphAt(72, 700, ['The ferry will run all winter, the council', 'said on Monday.'])}q 400 0 0 200 72 300 cm /Im1 Do Q`], { extra: [picture] });
    expect(pdf.length).toBeGreaterThan(MAX_FILE_BYTES);
    const r = importItem(file('report.pdf', pdf), new Set());
    if (!r.ok) throw new Error(r.reason);
    expect(r.doc.original).toBe('The ferry will run all winter, the council said on Monday.');
    expect(r.bytes).toBe(r.doc.original.length);
    // The same file downloaded without its extension is the same PDF.
    const bare = importItem(file('getfile', pdf), new Set());
    expect(bare.ok ? bare.doc.original : bare.reason).toBe('The ferry will run all winter, the council said on Monday.');
  });
  it('decodes UTF-16 with a BOM and UTF-8 with a BOM', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...PROSE].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(ok(importItem(file('u16.txt', utf16), new Set())).doc.text).toContain('river council');
    expect(ok(importItem(file('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(PROSE)])), new Set())).doc.original.startsWith('The')).toBe(true);
  });
});

describe('importItem: ids', () => {
  it('makes a clashing id unique and says so', () => {
    const taken = new Set(['a']);
    const first = ok(importItem(file('a.txt', PROSE), taken));
    expect(first.doc.meta.id).toBe('a-2');
    expect(first.renamedFrom).toBe('a');
    expect(ok(importItem(file('a.md', PROSE), taken)).doc.meta.id).toBe('a-3');
    expect([...taken]).toEqual(['a', 'a-2', 'a-3']);
  });
});

describe('importItem: prepared documents from a corpus file', () => {
  const meta = { id: 'x1', title: 'T', outlet: null, author: null, date: '~2020', language: 'en', provenance: 'P' };
  it('validates the metadata as a sidecar and re-cleans the text', () => {
    const { doc } = ok(importItem({ kind: 'prepared', path: 'x1.txt', meta, original: PROSE }, new Set()));
    expect(doc.meta).toMatchObject({ id: 'x1', date: { value: '2020', approximate: true }, source: 'x1.txt' });
    expect(doc.text).toContain('river council');
  });
  it('refuses hostile metadata naming the field', () => {
    expect(refused(importItem({ kind: 'prepared', path: 'x.txt', meta: { ...meta, id: '../../etc' }, original: PROSE }, new Set())).reason).toMatch(/^id:/);
    expect(refused(importItem({ kind: 'prepared', path: 'x.txt', meta: JSON.parse('{"__proto__": 1}'), original: PROSE }, new Set())).reason).toMatch(/__proto__|missing/);
    expect(refused(importItem({ kind: 'prepared', path: 'x.txt', meta, original: 'a\u0000b' }, new Set())).reason).toMatch(/binary/);
  });
});

describe('importItem: one set of length limits, whatever states the metadata (issue #14, item 9)', () => {
  const huge = 'A very long title.'.repeat(5900).slice(0, 100_000);
  it('refuses a title over the limit in front matter, a sidecar or a corpus file, naming file and field', () => {
    const long = huge.slice(0, 19_998);
    expect(refused(importItem(file('a.md', `---\ntitle: ${long}\n---\n${PROSE}`), new Set()))).toEqual({ ok: false, file: 'folder/a.md', reason: `title: is 19,998 characters long; the limit is ${FIELD_LIMITS.title}` });
    expect(refused(importItem(file('a.md', `---\ntitle: ${huge}\n---\n${PROSE}`), new Set())).reason).toBe('front matter is 100,008 characters long; at most 65,536 are read');
    const sidecar = JSON.stringify({ title: null, outlet: 'o'.repeat(FIELD_LIMITS.outlet + 1), author: null, date: null, language: 'en', provenance: '' });
    expect(refused(importItem(file('b.txt', PROSE, { sidecar }), new Set()))).toMatchObject({ file: 'folder/b.txt.meta.json', reason: expect.stringMatching(/^outlet: is 201 characters long; the limit is 200$/) });
    const meta = { id: 'x1', title: 'T', outlet: null, author: 'a'.repeat(20_000_000), date: null, language: 'en', provenance: 'P' };
    expect(refused(importItem({ kind: 'prepared', path: 'x1.txt', meta, original: PROSE }, new Set())).reason).toBe(`author: is 20,000,000 characters long; the limit is ${FIELD_LIMITS.author}`);
    expect(refused(importItem({ kind: 'prepared', path: 'x2.txt', meta: { ...meta, author: null, provenance: 'p'.repeat(FIELD_LIMITS.provenance + 1) }, original: PROSE }, new Set())).reason).toMatch(/^provenance: is 2,001 characters/);
  });
  it("shortens what a page or a file name only suggests, and refuses what the user types", () => {
    const page = `<html><head><title>${huge}</title><meta name="author" content="${huge}"></head><body><p>${PROSE}</p></body></html>`;
    const { doc } = ok(importItem(file('page.html', page), new Set()));
    expect(doc.meta.title!.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(doc.meta.author?.length ?? 0).toBeLessThanOrEqual(FIELD_LIMITS.author);
    const name = `${'n'.repeat(250)}.txt`;
    expect(ok(importItem(file(name, PROSE), new Set())).doc.meta.title!.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(refused(importItem(file('c.txt', PROSE, { fields: { title: huge } }), new Set())).reason).toMatch(/^title: is 100,000 characters long/);
  });
});

describe('importItem: input of any size (issue #14, item 7)', () => {
  it('imports a 200,000-line text file and the same lines as HTML', () => {
    const text = longBlock();
    expect(enc(text).length).toBeLessThan(MAX_FILE_BYTES);
    const fromText = ok(importItem(file('register.txt', text), new Set()));
    expect(fromText.doc.text).toContain('Entry 199999, box');
    const fromHtml = ok(importItem(file('register.html', `<p>${text.split('\n').join('<br>\n')}</p>`), new Set()));
    expect(fromHtml.doc.text).toContain('Entry 199999, box');
  }, 120_000);
});

describe('importItem: encodings (issue #14, "Legacy encodings")', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/encodings', name)));
  it('imports a windows-1252 essay and says how it was read', () => {
    const o = ok(importItem(file('essay.txt', fixture('essay-windows-1252.txt')), new Set()));
    expect(o.doc.text).toContain('“Don’t touch the stove — it’s older than you are,”');
    expect(o.readAs).toEqual({ encoding: 'windows-1252', how: 'detected', confidence: expect.any(Number) });
    expect(o.doc.meta.provenance).toBe('Imported by the reader from “folder/essay.txt”. Read as Western (windows-1252, ISO-8859-1) (detected).');
  });
  it('imports GB18030 and Big5 Chinese as Chinese', () => {
    for (const [name, encoding] of [['news-gb18030.txt', 'gb18030'], ['news-big5.txt', 'big5']] as const) {
      const o = ok(importItem(file(name, fixture(name)), new Set()));
      expect(o.readAs?.encoding).toBe(encoding);
      expect(o.doc.meta.language).toBe('zh');
      expect(o.doc.text).toMatch(/^新學?学?期/);
    }
  });
  it('says nothing of the encoding for plain UTF-8', () => {
    const o = ok(importItem(file('a.txt', PROSE), new Set()));
    expect(o.readAs).toEqual({ encoding: 'utf-8', how: 'UTF-8', confidence: null });
    expect(o.doc.meta.provenance).toBe('Imported by the reader from “folder/a.txt”.');
  });
  it('re-reads a file as the encoding chosen, keeping its document id', () => {
    const bytes = fixture('news-gb18030.txt');
    const first = ok(importItem(file('news.txt', bytes, { encoding: 'big5' }), new Set(['news', 'other'])));
    expect(first.doc.meta.id).toBe('news-2');
    const again = ok(importItem(file('news.txt', bytes, { encoding: 'gb18030', keepId: 'news-2' }), new Set(['news', 'news-2', 'other'])));
    expect(again.doc.meta.id).toBe('news-2');
    expect(again.readAs).toMatchObject({ encoding: 'gb18030', how: 'chosen' });
    expect(again.doc.meta.provenance).toMatch(/Read as Chinese, simplified \(GB18030, GBK, GB2312\) \(as the reader chose\)\.$/);
  });
});
