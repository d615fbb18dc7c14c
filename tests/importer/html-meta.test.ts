import { describe, expect, it } from 'vitest';
import { htmlMeta } from '../../src/importer/html-meta.ts';

describe('htmlMeta', () => {
  it('reads title, Open Graph, author, published time and <html lang>', () => {
    const html = `<!doctype html><html lang="zh-CN"><head><title>Bridge &amp; river</title>
      <meta property="og:site_name" content="River Post"><meta name=author content='Li Wei'>
      <meta property="article:published_time" content="2019-10-25T08:00:00+08:00"></head><body><p>x</p></body></html>`;
    expect(htmlMeta(html)).toEqual({ title: 'Bridge & river', outlet: 'River Post', author: 'Li Wei', published: '2019-10-25T08:00:00+08:00', language: 'zh-CN' });
  });
  it('falls back to og:title and ignores meta tags in the body', () => {
    const html = '<head><meta content="Fallback" property="og:title"></head><body><meta name="author" content="Body author"></body>';
    expect(htmlMeta(html)).toMatchObject({ title: 'Fallback', author: null, outlet: null, language: null });
  });
  it('takes attribute values as text only', () => {
    const meta = htmlMeta('<head><meta name="author" content="&lt;img src=x onerror=alert(1)&gt;"></head>');
    expect(meta.author).toBe('<img src=x onerror=alert(1)>');
  });
});
