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
    for (const line of ['5 * 3 = 15 and a_b_c', 'He said [sic] it twice [1].', '- first item', '#MeToo spread', 'See [the report](page 4).', '2 ** 3 is 8'])
      expect(stripped(line), line).toBe(line);
  });
});

describe('markdownLine', () => {
  it('removes lines that are only images, link references or thematic breaks', () => {
    expect(markdownLine('![Photo](https://x.example/p.jpg) ![b](c.png)')?.reason).toBe('a Markdown image');
    expect(markdownLine('[1]: https://news.example/a')?.rule).toBe('markdown');
    for (const l of ['***', '- - -', '___']) expect(markdownLine(l), l).not.toBeNull();
    expect(markdownLine('=====')?.reason).toBe('a Markdown heading underline');
    for (const l of ['A line of text.', '- item', '**Bold lead**', '[^1]: The source is the council’s minutes.', '[Note]: see page 4']) expect(markdownLine(l), l).toBeNull();
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
