import { describe, expect, it } from 'vitest';
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
