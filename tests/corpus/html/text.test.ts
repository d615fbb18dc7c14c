import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/corpus/html/index.ts';
import { parseHtml, type HtmlElement } from '../../../src/corpus/html/parse.ts';
import { textOf, textRuns } from '../../../src/corpus/html/text.ts';

describe('htmlToText', () => {
  it('drops scripts, styles and comments, keeping their text out', () => {
    const html = '<html><head><style>p{}</style><script>alert(1)</script></head><body><!-- c --><p>Hello</p><script>evil()</script></body></html>';
    expect(htmlToText(html)).toBe('Hello');
  });
  it('turns blocks into paragraphs and <br> into line breaks', () => {
    expect(htmlToText('<p>One <b>bold</b></p><p>Two<br>lines</p><div>Three</div>')).toBe('One bold\n\nTwo\nlines\n\nThree');
  });
  it('keeps tag-like text as text and ignores attributes', () => {
    expect(htmlToText('<p>&lt;img src=x onerror=alert(1)&gt;</p><img src=x onerror="alert(2)">')).toBe('<img src=x onerror=alert(1)>');
  });
  it('collapses whitespace as a browser does, but keeps a no-break space for the cleaner', () => {
    expect(htmlToText('<p>  a\n   b&nbsp;c  </p>\n\n<p>d</p>')).toBe('a b\u00a0c\n\nd');
  });
  it('makes <br><br> a paragraph break and separates table cells', () => {
    expect(htmlToText('a<br><br>b<br>c<table><tr><td>x</td><td>y</td></tr></table>')).toBe('a\n\nb\nc\n\nx y');
  });
  it('keeps the line breaks of <pre>', () => {
    expect(htmlToText('<pre>line one\nline two</pre>')).toBe('line one\nline two');
  });
  it('leaves out what a browser would not show as text', () => {
    expect(htmlToText('<p>a</p><template><p>t</p></template><noscript>enable JS</noscript><svg><text>s</text></svg><select><option>o</select><textarea>x</textarea><p>b</p>')).toBe('a\n\nb');
  });
});

describe('textRuns', () => {
  const runs = (html: string) => {
    const doc = parseHtml(html);
    const part = (el: HtmlElement) => (el.attrs['data-part'] === undefined ? undefined : el.attrs['data-part'] || null);
    return textRuns(doc.root, part).map((r) => [r.text, r.leftOut]);
  };
  it('cuts the text where the part changes, even inside a line, and joins runs of one part', () => {
    expect(runs('<div data-part="out">Menu</div><p data-part="">One <span data-part="share">Share</span> two</p><div data-part="out">a</div><div data-part="out">b</div>')).toEqual([
      ['Menu', 'out'],
      ['One', null],
      ['Share', 'share'],
      ['two', null],
      ['a\n\nb', 'out'],
    ]);
  });
  it('gives the text a single part would, runs of the kept part joined by blank lines', () => {
    const html = '<p>a<br>b</p><pre data-part="x">  code\n  more</pre><p>c d</p><table><tr><td>x</td><td data-part="y">y</td></tr></table>';
    const doc = parseHtml(html);
    const kept = textRuns(doc.root, (el) => (el.attrs['data-part'] ? el.attrs['data-part'] : undefined)).filter((r) => r.leftOut === null);
    expect(kept.map((r) => r.text).join('\n\n')).toBe(textOf(doc.root, (el) => el.attrs['data-part'] !== undefined));
  });
});
