import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlTitle, htmlToText } from '../../src/corpus/html-to-text.ts';

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
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities, leaving unknown ones', () => {
    expect(decodeEntities('&amp; &#8217; &#x4e2d; &bogus; &#0;')).toBe('& ’ 中 &bogus; &#0;');
  });
});

describe('htmlTitle', () => {
  it('reads the <title>', () => {
    expect(htmlTitle('<title> A &amp; B </title>')).toBe('A & B');
    expect(htmlTitle('<p>none</p>')).toBeNull();
  });
});
