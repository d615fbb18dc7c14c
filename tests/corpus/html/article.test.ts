import { describe, expect, it } from 'vitest';
import { htmlProvenance, readHtml } from '../../../src/corpus/html/index.ts';
import { findArticle } from '../../../src/corpus/html/article.ts';
import { parseHtml } from '../../../src/corpus/html/parse.ts';

const para = (n: number, topic = 'harbour') =>
  `<p>Paragraph ${n} about the ${topic}, which goes on for a while, with commas, clauses and enough words to read as running text in a news story.</p>`;
const paras = (k: number, topic?: string) => Array.from({ length: k }, (_, i) => para(i + 1, topic)).join('');
const find = (html: string) => findArticle(parseHtml(html));

describe('findArticle', () => {
  it('prefers the <article> over teaser <article>s and the surrounding page', () => {
    const a = find(`<nav>${'<a href=#>Section</a>'.repeat(20)}</nav><article class="story">${paras(6)}</article><section><article>${para(1, 'bus')}</article><article>${para(2, 'pool')}</article></section>`);
    expect(a.source).toBe('article');
    expect(a.text).toContain('Paragraph 6 about the harbour');
    expect(a.text).not.toMatch(/bus|pool|Section/);
  });
  it('takes the densest block when there is no <article>, not a long list of links', () => {
    const links = `<div>${Array.from({ length: 40 }, (_, i) => `<p><a href="/${i}">A related story with a long enough headline number ${i}</a></p>`).join('')}</div>`;
    const a = find(`<body>${links}<div id="x">${paras(5)}</div></body>`);
    expect(a.source).toBe('densest block');
    expect(a.text.split('\n\n')).toHaveLength(5);
  });
  it('takes a container of <br>-separated paragraphs as the block itself, not its layout row', () => {
    const text = Array.from({ length: 5 }, (_, i) => `Line ${i} of the story, long enough to count as a paragraph of running text here.`).join('<br><br>');
    const a = find(`<table><tr><td>${'<a href=#>Nav</a><br>'.repeat(10)}</td><td>${text}</td><td><b>Most popular</b><br><a href=#>Other</a></td></tr></table>`);
    expect(a.element.tag).toBe('td');
    expect(a.text).not.toMatch(/Nav|Most popular/);
  });
  it('leaves out furniture by tag, role, hidden state and class or id', () => {
    const a = find(
      `<article>${para(1)}<aside>${para(9, 'aside')}</aside><div role="navigation">menu</div><div hidden>${para(9, 'hidden')}</div>` +
        `<div style="display: none">${para(9, 'invisible')}</div><div class="share-bar">Share on Facebook</div><div id="comments">${paras(8, 'comment')}</div>` +
        `<div class="newsletterSignup">Sign up now</div>${para(2)}</article>`,
    );
    expect(a.text).toContain('Paragraph 1');
    expect(a.text).toContain('Paragraph 2');
    expect(a.text).not.toMatch(/aside|menu|hidden|invisible|Share|comment|Sign up/);
  });
  it('keeps a furniture-named element that also names the content and holds most of the text', () => {
    const a = find(`<div class="content has-sidebar">${paras(6)}</div><div class="sidebar">${para(1, 'sidebar')}</div>`);
    expect(a.text).toContain('Paragraph 6 about the harbour');
    expect(a.text).not.toContain('sidebar');
  });
  it('leaves byline and date rows and photo figures out of the text, but keeps them readable', () => {
    const a = find(`<article><h1>Head</h1><p class="byline">By Jane Doe</p><time datetime="2020-01-01">1 Jan</time><figure><img src=x><figcaption>A photo</figcaption></figure>${paras(3)}</article>`);
    expect(a.text.startsWith('Head\n\nParagraph 1')).toBe(true);
    expect([...a.elements()].some((e) => e.attrs['class'] === 'byline')).toBe(true);
    expect(a.headline).toBe('Head');
  });
  it('reads the whole page when no block is long enough (a short note)', () => {
    const a = find('<body><div>Just a short note.</div><div>And another line.</div></body>');
    expect(a.source).toBe('page');
    expect(a.text).toBe('Just a short note.\n\nAnd another line.');
  });
  it('reads even furniture when that is all the page has', () => {
    expect(find('<nav>Only navigation here</nav>').text).toBe('Only navigation here');
  });
});

describe('findArticle: a document in sections', () => {
  const entry = (name: string, topic: string) => `<dt>${name}</dt><dd><p>The ${name} account is used by ${topic}, which needs to own a few files on disk, and nothing else.</p></dd>`;
  const book = (toc: string, ch1: string, ch2: string, entries: string) =>
    `<body><div class="book"><div class="titlepage"><h1>Users and Groups</h1></div><div class="toc"><dl><dt><b>Contents</b></dt>${toc}</dl></div>` +
    `<div class="chapter"><h1>${ch1}</h1>${paras(2, 'policy')}</div><div class="chapter"><h1>${ch2}</h1>${para(1, 'pairs')}<dl>${entries}</dl></div></div></body>`;
  it('keeps every section of a book, not only its longest list, and leaves out its table of contents', () => {
    const entries = ['root', 'daemon', 'bin', 'sys', 'sync', 'games', 'man', 'mail', 'news', 'proxy'].map((n) => entry(n, 'daemons')).join('');
    const a = find(book('<dt>1. <a href="#i">Introduction</a></dt><dt>2. <a href="#e">Entries</a></dt>', 'Chapter 1. Introduction', 'Chapter 2. Entries', entries));
    // Said as done: the densest block widened to the sections around it (the provenance's words, index.ts).
    expect(a.source).toBe('sections');
    expect(a.text).toMatch(/^Users and Groups\n\nChapter 1\. Introduction\n\nParagraph 1 about the policy/);
    expect(a.text).toContain('The proxy account is used by daemons');
    expect(a.text).not.toContain('Contents');
    expect(htmlProvenance('users.html', readHtml(`<html>${book('<dt>1. <a href="#i">Introduction</a></dt>', 'Chapter 1. Introduction', 'Chapter 2. Entries', entries)}</html>`))).toMatch(/^Imported from the saved web page “users\.html”: the page’s main text with every section around it \(/);
  });
  it('does so in another language (French)', () => {
    const entries = ['racine', 'démon', 'courrier', 'nouvelles', 'jeux', 'manuel', 'mandataire', 'impression'].map((n) => `<dt>${n}</dt><dd><p>Le compte ${n} sert aux services, qui doivent posséder quelques fichiers sur le disque, et rien d’autre.</p></dd>`).join('');
    const a = find(book('<dt>1. <a href="#i">Introduction</a></dt>', 'Chapitre 1. Introduction', 'Chapitre 2. Les comptes', entries));
    expect(a.text).toContain('Chapitre 1. Introduction');
    expect(a.text).toContain('Le compte impression sert aux services');
  });
  it('does not widen into navigation, a rail of teasers with summaries, or short labels', () => {
    const teaser = (i: number) => `<div><h3><a href="/s${i}">Another story from the region, number ${i}</a></h3><p>A summary of that other story, which runs to a sentence or two, long enough to read as prose on its own here.</p></div>`;
    const rail = find(`<body><div><div class="col">${paras(6)}</div><div class="col">${[1, 2, 3, 4].map(teaser).join('')}</div></div></body>`);
    expect(rail.text).toContain('Paragraph 6 about the harbour');
    expect(rail.text).not.toContain('Another story');
    expect(rail.text).not.toContain('A summary');
    const labels = find(`<body><div><div>${paras(6)}</div><div><b>Weather</b><br>Sunny, 21°<br><b>Tides</b><br>High 06:12</div></div></body>`);
    expect(labels.text).not.toMatch(/Weather|Tides/);
  });
});
