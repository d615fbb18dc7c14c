import { describe, expect, it } from 'vitest';
import { parseHtml, type HtmlElement } from '../../../src/corpus/html/parse.ts';

/** The tree as a compact string: tag(children) and "text". */
function shape(el: HtmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? JSON.stringify(c) : `${c.tag}(${shape(c)})`)).join(' ');
}
const body = (html: string) => {
  const b = parseHtml(html).elements.find((e) => e.tag === 'body');
  return b ? shape(b) : shape(parseHtml(html).root);
};

describe('parseHtml', () => {
  it('closes what HTML closes implicitly: <p> before a block, <li> before <li>, cells', () => {
    expect(body('<body><p>a<div>b</div><ul><li>x<li>y</ul><table><tr><td>1<td>2<tr><td>3</table>')).toBe(
      'p("a") div("b") ul(li("x") li("y")) table(tr(td("1") td("2")) tr(td("3")))',
    );
  });
  it('keeps void elements empty and closes everything opened inside an element at its end tag', () => {
    expect(body('<body><div>a<br>b<img src=x><span><b>c</div>d')).toBe('div("a" br() "b" img() span(b("c"))) "d"');
  });
  it('ignores a stray end tag and reads </br> as <br>', () => {
    expect(body('<body>a</b></span>b</br>c')).toBe('"ab" br() "c"');
  });
  it('ends an unclosed <head> at the first body content', () => {
    const doc = parseHtml('<html><head><title>T</title><meta name=author content=A><p>text<meta itemprop=x content=y>');
    expect(doc.title).toBe('T');
    expect(doc.metas.map((m) => m.inHead)).toEqual([true, false]);
    expect(shape(doc.root)).toContain('p("text" meta())');
  });
  it('decodes every named entity (with and without the semicolon, as browsers do) and numeric ones', () => {
    expect(body('<body>&hellip; &NotEqualTilde; &amp &copy2024 &#x4e2d;&#20013; &bogus; &#0;')).toBe(JSON.stringify('… ≂̸ & ©2024 中中 &bogus; \ufffd'));
  });
  it('decodes attribute values and keeps the first of a repeated attribute', () => {
    const [meta] = parseHtml('<meta name="a&amp;b" name="c" content=\'&lt;x&gt;\'>').metas;
    expect({ ...meta!.attrs }).toEqual({ name: 'a&b', content: '<x>' });
  });
  it('stores no text of scripts and styles, but keeps JSON-LD', () => {
    const doc = parseHtml('<script>var a = "<p>no</p>";</script><style>p{}</style><script type="application/ld+json">{"a":1}</script><p>yes</p>');
    expect(doc.jsonLd).toEqual(['{"a":1}']);
    expect(shape(doc.root)).not.toContain('no');
    expect(shape(doc.root)).toContain('"yes"');
  });
  it('reads the rest of the file as a comment after an unclosed <!--, and as script after an unclosed <script>', () => {
    expect(body('<body><p>kept</p><!-- never closed <p>lost</p>')).toBe('p("kept")');
    expect(body('<body><p>kept</p><script>never closed <p>lost</p>')).toBe('p("kept") script()');
  });
  it('keeps one <html>, <head> and <body>', () => {
    const doc = parseHtml('<html lang=en><body class=a><p>x</p><html lang=fr><body id=b><head><title>late</title>');
    const html = doc.root.children.find((c): c is HtmlElement => typeof c !== 'string' && c.tag === 'html')!;
    expect(html.attrs['lang']).toBe('en');
    expect(doc.elements.filter((e) => e.tag === 'body')).toHaveLength(1);
    expect(doc.elements.every((e, i) => e.index === i)).toBe(true);
  });
});
