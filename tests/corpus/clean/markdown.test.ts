import { describe, expect, it } from 'vitest';
import { markdownEdits, markdownLine } from '../../../src/corpus/clean/markdown.ts';
import { cleanText } from '../../../src/corpus/clean.ts';

/** The line with its Markdown edits applied. */
function stripped(line: string): string {
  let out = '';
  let pos = 0;
  for (const e of markdownEdits(line, 0, line.length).sort((a, b) => a.start - b.start)) {
    out += line.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return out + line.slice(pos);
}

describe('markdownEdits', () => {
  it('keeps a link’s text and drops its address, saying which', () => {
    const line = 'As [the agency](https://news.example/a "Agency") said, see [below](#notes) and [home](/).';
    expect(stripped(line)).toBe('As the agency said, see below and home.');
    expect(markdownEdits(line, 0, line.length).map((e) => e.reason)).toContain('Markdown link: its address (https://news.example/a) removed');
  });

  it('drops inline images and the marks of headings, quotes and bold', () => {
    expect(stripped('## A shared future ##')).toBe('A shared future');
    expect(stripped('> > “We will build it,” he said.')).toBe('“We will build it,” he said.');
    expect(stripped('The **common responsibility** of __all__ ![logo](img/l.png)')).toBe('The common responsibility of all ');
    expect(stripped('It was voted down.[^vote] See[^2].')).toBe('It was voted down. See.');
    expect(stripped('[^vote]: By 12 votes to 3.')).toBe('By 12 votes to 3.');
  });

  it('leaves what prose writes: single stars and underscores, brackets without an address, list markers, hashtags', () => {
    for (const line of ['5 * 3 = 15 and a_b_c', 'He said [sic] it twice [1].', '- first item', '#MeToo spread', 'See [the report](page 4).', '2 ** 3 is 8', 'In Python, 2**10 is 1024 and 3**4 is 81', 'snake__case__var', 'f(**kwargs) then g(**opts)', '>50% of respondents'])
      expect(stripped(line), line).toBe(line);
  });

  it('leaves code spans as written, and takes the marks off around one', () => {
    expect(stripped('Run `fee.py --boat __default__` and `[x](http://a.b)` then **pay**')).toBe('Run `fee.py --boat __default__` and `[x](http://a.b)` then pay');
    expect(stripped('See [`INSTALL.md`](./INSTALL.md) and **`npm ci`**.')).toBe('See `INSTALL.md` and `npm ci`.');
  });

  it('takes off linked images (badges) whole, relative and parenthesised addresses, and reference-style links', () => {
    expect(stripped('[![CI](https://ci.example/badge.svg)](https://ci.example/r) [![npm](b.svg)](https://npm.example/x) Read [the policy](SECURITY.md).')).toBe('  Read the policy.');
    expect(stripped('See [the town](https://en.wikipedia.org/wiki/Harbour_(town)) and [the report][3].')).toBe('See the town and the report.');
  });

  it('costs time linear in the line on hostile input', () => {
    for (const unit of ['[', '![', '**a ', '__a ', '](', '[a][', '`']) {
      const line = unit.repeat(Math.ceil(400_000 / unit.length));
      const t = performance.now();
      markdownEdits(line, 0, line.length);
      expect(performance.now() - t, unit).toBeLessThan(3_000);
    }
    const spaces = `# a${' '.repeat(400_000)}x`;
    const t = performance.now();
    markdownEdits(spaces, 0, spaces.length);
    expect(performance.now() - t).toBeLessThan(3_000);
  });
});

describe('markdownLine', () => {
  it('removes lines that are only images, link references or thematic breaks', () => {
    expect(markdownLine('![Photo](https://x.example/p.jpg) ![b](c.png)')?.reason).toBe('a Markdown image');
    expect(markdownLine('[1]: https://news.example/a')?.rule).toBe('markdown');
    for (const l of ['***', '- - -', '___']) expect(markdownLine(l), l).not.toBeNull();
    expect(markdownLine('=====')?.reason).toBe('a Markdown heading underline');
    expect(markdownLine('[![CI](https://ci.example/badge.svg)](https://ci.example/r) [![npm](b.svg)](https://npm.example/x)')?.reason).toBe('a Markdown image');
    for (const l of ['A line of text.', '- item', '**Bold lead**', '[^1]: The source is the council’s minutes.', '[Note]: see page 4']) expect(markdownLine(l), l).toBeNull();
  });
});

describe('cleanText on Markdown with code', () => {
  it('leaves a fenced code block as written', () => {
    const md = 'The fee is **fixed**.\n\n```python\n# compute the fee\nfee = base * length**2 + tax**2\n```\n\nThat is all.';
    const r = cleanText(md);
    expect(r.text).toContain('# compute the fee');
    expect(r.text).toContain('fee = base * length**2 + tax**2');
    expect(r.text.startsWith('The fee is fixed.')).toBe(true);
  });
});

describe('cleanText on an article clipped to Markdown', () => {
  it('reads as its words, every mark a recorded edit', () => {
    const md = [
      '# Ferry saved',
      '',
      '![The ferry](https://img.example/ferry.jpg)',
      '',
      'The **harbour town** voted to keep its ferry, [the council](https://town.example/council) said on Monday.',
      '',
      '> “It is a victory for the island,” the mayor said.',
      '',
      '---',
      '',
      'The service will run all winter, twice a day, with cheaper fares for pupils.',
    ].join('\n');
    const r = cleanText(md, undefined, { title: 'Ferry saved' });
    expect(r.text).toBe(
      'The harbour town voted to keep its ferry, the council said on Monday.\n\n“It is a victory for the island,” the mayor said.\n\nThe service will run all winter, twice a day, with cheaper fares for pupils.',
    );
    expect(r.edits.filter((e) => e.rule === 'markdown').length).toBeGreaterThanOrEqual(6);
  });
});
