import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/corpus/front-matter.ts';

const fields = (block: string) => parseFrontMatter(`---\n${block}\n---\nBody.`, 'a.md')!.fields;
const problem = (block: string, file = 'b.md') => {
  try {
    parseFrontMatter(`---\n${block}\n---\nBody.`, file);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('parseFrontMatter', () => {
  it('reads key: value pairs and where the body starts', () => {
    const text = '---\ntitle: "A: title"\noutlet: Daily\n# comment\n---\nBody text.';
    const fm = parseFrontMatter(text, 'a.md')!;
    expect(fm.fields).toEqual({ title: 'A: title', outlet: 'Daily' });
    expect(text.slice(fm.bodyStart)).toBe('Body text.');
  });
  it('returns null without front matter and handles a BOM and CRLF', () => {
    expect(parseFrontMatter('Just text', 'a.txt')).toBeNull();
    const fm = parseFrontMatter('\uFEFF---\r\ndate: 2020\r\ntitle: Brexit: the deal\r\n---\r\nX', 'a.txt')!;
    expect(fm.fields).toEqual({ date: '2020', title: 'Brexit: the deal' });
  });

  it('reads YAML as people write it: quoted values with colons and escapes, lists, block scalars', () => {
    expect(fields(`title: 'It''s 10:30: the "deal"'\nauthor: "Ann \\"Jo\\" Lee"`)).toEqual({ title: `It's 10:30: the "deal"`, author: 'Ann "Jo" Lee' });
    expect(fields('author: [Ann Lee, "Chen, Bo"]')).toEqual({ author: 'Ann Lee, Chen, Bo' });
    expect(fields('author:\n  - Ann Lee\n  - Bo Chen\noutlet: Post')).toEqual({ author: 'Ann Lee, Bo Chen', outlet: 'Post' });
    expect(fields('provenance: >\n  Typed up from the\n  printed page.\n')).toEqual({ provenance: 'Typed up from the printed page.\n' });
    expect(fields('clean:\n  removeLines:\n    - "Advertisement"\n    - "Share this: on social"')).toEqual({ clean: { removeLines: ['Advertisement', 'Share this: on social'] } });
  });
  it('keeps every value as written (no numbers, booleans or timestamps)', () => {
    expect(fields('title: 007\ndate: 2020\noutlet: yes\nauthor: 1.10\nlanguage: en')).toEqual({ title: '007', date: '2020', outlet: 'yes', author: '1.10', language: 'en' });
    expect(fields('date: 2019-10-25')).toEqual({ date: '2019-10-25' });
    expect(fields('author: ~\noutlet:')).toEqual({ author: null, outlet: '' });
  });
  it('still reads a plain value with ": " in it, which YAML alone refuses', () => {
    expect(fields('title: Brexit: the deal # from the print edition\noutlet: News: Daily')).toEqual({ title: 'Brexit: the deal', outlet: 'News: Daily' });
    expect(fields('title: Breaking:')).toEqual({ title: 'Breaking:' });
    expect(fields('title: https://example.org/a:b')).toEqual({ title: 'https://example.org/a:b' });
  });
  it('ignores keys that are not metadata, whatever they hold (Jekyll, Hugo)', () => {
    expect(fields('layout: post\ntags: [a, b]\nparams:\n  hero: { image: x.png }\ntitle: T')).toEqual({ title: 'T' });
  });

  it('names the file and the line when it is broken', () => {
    expect(() => parseFrontMatter('---\ntitle: x\nno end', 'b.md')).toThrow(/b\.md: .*never closed/);
    expect(problem('just words')).toMatch(/^b\.md: front matter line 2: must be "key: value" lines/);
    expect(problem('title: x\noutlet: [Post, Daily\nauthor: y')).toMatch(/^b\.md: front matter line [34]: /);
    expect(problem('title: x\n  author: y')).toMatch(/^b\.md: front matter line 2: /);
    expect(problem('title: x\noutlet: y\ntitle: z')).toMatch(/^b\.md: front matter line 4: .*unique/);
    expect(problem('title: "unclosed\noutlet: y', 'c.md')).toMatch(/^c\.md: front matter line [23]: /);
    expect(problem('outlet: Post\nauthor:\n  name: Ann')).toBe('b.md: author: must be text or a list of texts (front matter line 3)');
  });
  it('refuses deep nesting and alias bombs quickly, naming the line', () => {
    const deep = `outlet: Post\ntitle: ${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const start = performance.now();
    expect(problem(deep)).toMatch(/^b\.md: front matter line 3: nested more than \d+ levels/);
    expect(problem(`tags:\n  ${'- '.repeat(20_000)}x`)).toMatch(/^b\.md: front matter line 3: nested/);
    expect(performance.now() - start).toBeLessThan(2000);
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]';
    expect(problem(bomb)).toMatch(/^b\.md: front matter: .*alias/i);
    expect(problem(`title: ${'x'.repeat(70_000)}`)).toMatch(/front matter is 70,008 characters long/);
  });
  it('does not let keys reach the prototype', () => {
    const fm = parseFrontMatter('---\nconstructor: x\ntitle: T\n---\n', 'd.md')!;
    expect(Object.getPrototypeOf(fm.fields)).toBeNull();
    expect(fm.fields).toEqual({ title: 'T' });
    expect(() => parseFrontMatter('---\n__proto__: x\n---\n', 'd.md')).toThrow(/line 2/);
  });
});
