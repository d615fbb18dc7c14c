import { describe, expect, it } from 'vitest';
import { htmlFields, htmlMeta } from '../../../src/corpus/html/index.ts';
import { FIELD_LIMITS } from '../../../src/corpus/limits.ts';

const PROSE = '<p>The river council met on Tuesday to discuss the new bridge, and residents asked about the cost and the timetable for the works, which will start in spring.</p>';

describe('htmlMeta', () => {
  it('reads title, Open Graph, author, published time and <html lang>', () => {
    const html = `<!doctype html><html lang="zh-CN"><head><title>Bridge &amp; river</title>
      <meta property="og:site_name" content="River Post"><meta name=author content='Li Wei'>
      <meta property="article:published_time" content="2019-10-25T08:00:00+08:00"></head><body><p>x</p></body></html>`;
    expect(htmlMeta(html)).toEqual({ title: 'Bridge & river', outlet: 'River Post', author: 'Li Wei', published: '2019-10-25T08:00:00+08:00', language: 'zh-CN' });
  });
  it('falls back to og:title and ignores meta tags in the body outside the article', () => {
    const html = '<head><meta content="Fallback" property="og:title"></head><body><meta name="author" content="Body author"></body>';
    expect(htmlMeta(html)).toMatchObject({ title: 'Fallback', author: null, outlet: null, language: null });
  });
  it('takes attribute values as text only', () => {
    const meta = htmlMeta('<head><meta name="author" content="&lt;img src=x onerror=alert(1)&gt;"></head>');
    expect(meta.author).toBe('<img src=x onerror=alert(1)>');
  });
  it('prefers a JSON-LD NewsArticle, resolving @id references in an @graph', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Gazette &amp; Times' },
        { '@type': 'Person', '@id': '#p', name: 'Ann Lee' },
        { '@type': ['NewsArticle'], headline: 'Real headline', author: [{ '@id': '#p' }, 'Bo Chen'], publisher: { '@id': '#org' }, datePublished: '2020-01-02', inLanguage: 'fr' },
      ],
    });
    const html = `<head><title>Other | Gazette</title><meta property="og:title" content="OG title"><script type="application/ld+json">${ld}</script></head>${PROSE}`;
    expect(htmlMeta(html)).toEqual({ title: 'Real headline', outlet: 'Gazette & Times', author: 'Ann Lee, Bo Chen', published: '2020-01-02', language: 'fr' });
  });
  it('survives broken, huge or deeply nested JSON-LD', () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const html = `<head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><script type="application/ld+json">${deep}</script><title>Kept</title></head>${PROSE}`;
    expect(htmlMeta(html).title).toBe('Kept');
  });
  it('reads the article’s own byline, <time> and <h1> when the head says nothing', () => {
    const html = `<body><nav><h1>Site</h1></nav><article><h1>The headline</h1><p class="byline">By Jane Doe</p><time datetime="2021-03-04">4 March</time>${PROSE}${PROSE}</article></body>`;
    expect(htmlMeta(html)).toMatchObject({ title: 'The headline', author: 'Jane Doe', published: '2021-03-04' });
  });
  it('takes the site name off the <title>, and guesses it when the headline stands in the text', () => {
    expect(htmlMeta(`<title>Bridge opens | River Post</title><meta property="og:site_name" content="River Post">${PROSE}`).title).toBe('Bridge opens');
    const guessed = htmlMeta(`<title>Bridge opens -- River Post</title><body><div><b>Bridge opens</b><br>${PROSE.replace(/<\/?p>/g, '')}</div>`);
    expect(guessed).toMatchObject({ title: 'Bridge opens', outlet: 'River Post' });
    expect(htmlMeta(`<title>Bridge opens - a river story</title>${PROSE}`).title).toBe('Bridge opens - a river story');
  });
  it('ignores an author given as a profile URL', () => {
    expect(htmlMeta(`<meta property="article:author" content="https://facebook.com/x">${PROSE}`).author).toBeNull();
  });
  it('shortens values to the metadata limits', () => {
    const meta = htmlMeta(`<title>${'word '.repeat(20_000)}</title><meta property="og:site_name" content="${'x'.repeat(5000)}">`);
    expect(meta.title!.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(meta.outlet!.length).toBeLessThanOrEqual(FIELD_LIMITS.outlet);
    expect(meta.title!.endsWith('…')).toBe(true);
  });
});

describe('htmlFields', () => {
  it('gives front-matter fields, the date read to the day', () => {
    expect(htmlFields({ title: 'T', outlet: null, author: 'A', published: '2019-10-25T08:00:00+08:00', language: 'en-GB' })).toEqual({ title: 'T', author: 'A', date: '2019-10-25', language: 'en-GB' });
    expect(htmlFields({ title: null, outlet: null, author: null, published: 'Friday', language: null })).toEqual({});
  });
});
