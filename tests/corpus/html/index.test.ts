/**
 * A web page's whole text and what of it its article leaves out, each with
 * why (readHtml's `page` and `leftOut`), and through the importer: the
 * original shows it, the clean text is the article's as before.
 */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/corpus/clean.ts';
import { LEFT_OUT_RULE, withoutLeftOut } from '../../../src/corpus/clean/left-out.ts';
import { readHtml } from '../../../src/corpus/html/index.ts';
import { importItem } from '../../../src/importer/read.ts';

const para = (n: number) =>
  `<p>Paragraph ${n} of the story about the harbour, which goes on for a while, with commas, clauses and enough words to read as running text.</p>`;
const story = [1, 2, 3, 4].map(para).join('');

/** Each left-out stretch's text (without the blank line that goes with it) and its reason. */
const leftOut = (html: string) => {
  const r = readHtml(html);
  return r.leftOut.map((d) => [r.page.slice(d.start, d.end).trim(), d.reason]);
};

describe('readHtml: the page’s whole text and what the article leaves out', () => {
  const navPage = `<html><head><title>Harbour</title></head><body><nav><a href="/">Home</a> · <a href="/news">News</a></nav>
    <article><h1>Harbour keeps its ferry</h1>${story}</article><footer>© Island Times 2023</footer></body></html>`;

  it('marks the navigation and the footer, and is the article without them', () => {
    const r = readHtml(navPage);
    expect(leftOut(navPage)).toEqual([
      ['Home · News', 'outside the article: navigation'],
      ['© Island Times 2023', 'outside the article: footer'],
    ]);
    expect(r.page.startsWith('Home · News\n\nHarbour keeps its ferry')).toBe(true);
    expect(withoutLeftOut(r.page, r.leftOut)).toBe(r.text);
  });

  it('marks comments, a share bar and the byline inside the article, each with its own reason', () => {
    const html = `<body><article><h1>Orchard</h1><p class="byline">By Ruth Calloway</p>${para(1)}<div class="share-bar">Share on Facebook</div>${para(2)}
      <section id="comments"><h2>2 Comments</h2><p>Lovely piece, thank you for writing it.</p><p>This made me cry.</p></section></article>
      <div class="sidebar"><h3>Recent Posts</h3><a href="/a">Too many pumpkins</a></div></body>`;
    const r = readHtml(html);
    expect(leftOut(html)).toEqual([
      ['By Ruth Calloway', 'the article’s byline or date line (read as its metadata)'],
      ['Share on Facebook', 'outside the article: share buttons'],
      ['2 Comments\n\nLovely piece, thank you for writing it.\n\nThis made me cry.', 'outside the article: comments'],
      ['Recent Posts\n\nToo many pumpkins', 'outside the article: sidebar'],
    ]);
    expect(withoutLeftOut(r.page, r.leftOut)).toBe(r.text);
    expect(r.text).not.toMatch(/Ruth|Share|Comments|pumpkins/);
  });

  it('names text around the chosen block that no part of the page names', () => {
    const html = `<body><div><p>Other stories</p><p><a href="/x">Bridge repairs start</a></p></div><div id="main">${story}</div></body>`;
    expect(leftOut(html)).toEqual([['Other stories\n\nBridge repairs start', 'outside the article: elsewhere on the page']]);
  });

  it('leaves a page whose article is all its text as it was: nothing left out', () => {
    const html = `<body><h1>Notes</h1>${story}</body>`;
    const r = readHtml(html);
    expect(r.leftOut).toEqual([]);
    expect(r.page).toBe(r.text);
  });
});

describe('importing a web page', () => {
  const html = `<body><header class="masthead">The Island Times</header><nav><a href="/">Home</a> · <a href="/sport">Sport</a></nav>
    <article><h1>Harbour keeps its ferry</h1>${story}</article><footer>© Island Times 2023</footer></body>`;
  const imported = (source: string) => {
    const o = importItem({ kind: 'file', path: 'p.html', name: 'p.html', bytes: new TextEncoder().encode(source) }, new Set());
    if (!o.ok) throw new Error(o.reason);
    return o.doc;
  };

  it('keeps the whole page as the original, its furniture marked, and cleans the article alone', () => {
    const doc = imported(html);
    const r = readHtml(html);
    expect(doc.original).toBe(r.page);
    expect(doc.text).toBe(cleanText(r.text, undefined, { title: doc.meta.title }).text);
    expect(doc.edits.filter((e) => e.rule === LEFT_OUT_RULE).map((e) => doc.original.slice(e.start, e.end).trim())).toEqual([
      'The Island Times',
      'Home · Sport',
      '© Island Times 2023',
    ]);
    expect(doc.meta.provenance).toContain('struck through in “Original”');
  });

  it('reads a page with nothing left out as before', () => {
    const doc = imported(`<body>${story}</body>`);
    expect(doc.original).toBe(readHtml(`<body>${story}</body>`).text);
    expect(doc.edits.some((e) => e.rule === LEFT_OUT_RULE)).toBe(false);
    expect(doc.meta.provenance).not.toContain('Original');
  });
});
