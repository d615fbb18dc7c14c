import { describe, expect, it } from 'vitest';
import type { DocMeta } from '../../src/corpus/types.ts';
import { markdownText, notesAsMarkdown, type MarkdownContext } from '../../src/state/notes-markdown.ts';
import type { StateRecord } from '../../src/state/records.ts';

const base = { rev: 1, updatedAt: 1, createdAt: 1 };
const records: StateRecord[] = [
  { kind: 'highlight', docId: 'd1', id: 'h1', anchor: { quote: 'the economy was resilient', prefix: '', suffix: '', start: 22, end: 47 }, color: 'yellow', label: 'Official line', ...base },
  { kind: 'highlight', docId: 'd1', id: 'h2', anchor: { quote: 'Critics disagreed', prefix: '', suffix: '', start: 50, end: 67 }, color: 'pink', label: null, ...base },
  { kind: 'note', target: { type: 'highlight', docId: 'd1', highlightId: 'h1' }, id: 'main', text: 'The same words as the ministry’s release.', ...base },
  { kind: 'note', target: { type: 'family', familyId: 'fk5ogy0' }, id: 'main', text: 'Recurs in 3 outlets.', ...base },
  { kind: 'note', target: { type: 'family', familyId: 'fgone12' }, id: 'main', text: 'On a formula the engine no longer finds.', ...base },
  { kind: 'note', target: { type: 'pair', a: 'd1', b: 'd2' }, id: 'main', text: 'Same framing.', ...base },
  { kind: 'note', target: { type: 'family', familyId: 'fdel' }, id: 'main', text: 'deleted', ...base, deleted: true },
];

const metas: Record<string, Pick<DocMeta, 'title' | 'outlet' | 'date' | 'author'>> = {
  d1: { title: 'Economy holds', outlet: 'The Paper', date: { value: '2020-03', precision: 'month', approximate: false }, author: 'Ann Lee' },
  d2: { title: null, outlet: 'Daily Post', date: { value: '2021', precision: 'year', approximate: true }, author: null },
};

const context = (extra: Partial<MarkdownContext> = {}): MarkdownContext => ({
  corpusName: 'Economy, 2020–2021',
  doc: (id) => metas[id],
  formula: (id) => (id === 'fk5ogy0' ? 'a community with a shared future' : undefined),
  colour: (id) => ({ yellow: 'Important', pink: 'Disagree' })[id] ?? id,
  link: (hash) => `https://example.org/set/index.html${hash}`,
  linkNote: null,
  now: new Date(Date.UTC(2026, 11, 6)),
  ...extra,
});

describe('notesAsMarkdown', () => {
  it('names each document by title, outlet, date and author, with the quote, the label and the note', () => {
    const md = notesAsMarkdown(records, context());
    expect(md).toContain('# Notes on “Economy, 2020–2021”');
    expect(md).toContain('### Economy holds — The Paper — March 2020 — by Ann Lee');
    expect(md).toContain('> the economy was resilient');
    expect(md).toContain('*Official line*');
    expect(md).toContain('*Disagree*'); // no label: the colour's name
    expect(md).toContain('The same words as the ministry’s release.');
    // One heading per document, not per highlight.
    expect(md.slice(0, md.indexOf('## Formulas')).split('### Economy holds').length - 1).toBe(1);
  });

  it('names each formula by its label, never by its id', () => {
    const md = notesAsMarkdown(records, context());
    expect(md).toContain('### “a community with a shared future”');
    expect(md).toContain('### A formula this corpus’s analysis no longer finds');
    // The id appears only inside the link's address, never in the text a reader sees.
    const shown = md.replace(/\]\(<[^>]*>\)/g, ']');
    expect(shown).not.toContain('fk5ogy0');
    expect(shown).not.toContain('fgone12');
    expect(md).not.toContain('deleted');
  });

  it('links each note to its view', () => {
    const md = notesAsMarkdown(records, context());
    expect(md).toContain('[Open this passage in Refrain](<https://example.org/set/index.html#/doc/d1?at=22&hl=22-47>)');
    expect(md).toContain('[Open this formula in Refrain](<https://example.org/set/index.html#/family/fk5ogy0>)');
    expect(md).toContain('[Open this comparison in Refrain](<https://example.org/set/index.html#/compare/d1/d2>)');
    expect(md).toContain('### Economy holds — The Paper — March 2020 — by Ann Lee\n\ncompared with **No headline — Daily Post — about 2021 — author not named**');
  });

  it('says where links from a file on disk work, and keeps a path with spaces in one link', () => {
    const md = notesAsMarkdown(records, context({ link: (h) => `file:///home/ann/My Files/refrain.html${h}`, linkNote: 'These links open the file on the computer they were written on.' }));
    expect(md).toContain('exported 6 December 2026. These links open the file on the computer they were written on.');
    expect(md).toContain('(<file:///home/ann/My%20Files/refrain.html#/family/fk5ogy0>)');
  });

  it('never lets a title, quote or note become markup', () => {
    const md = notesAsMarkdown(records, context({ doc: (id) => (id === 'd1' ? { title: '<script>x</script>\n# Title', outlet: null, date: null, author: null } : undefined) }));
    expect(md).not.toMatch(/(^|[^\\])<script>/);
    expect(md).toContain('### \\<script\\>x\\</script\\> \\# Title — outlet not named — undated — author not named');
    for (const line of md.split('\n')) if (line.startsWith('#')) expect(line).toMatch(/^#{1,3} /);
  });

  it('says when there is nothing yet', () => {
    expect(notesAsMarkdown([], context())).toContain('No highlights or notes yet.');
  });
});

describe('markdownText', () => {
  it('escapes what Markdown would read as HTML or formatting', () => {
    expect(markdownText('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(markdownText('a *b* _c_ `d` [e](f) ~~g~~ | h &amp;')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\~\\~g\\~\\~ \\| h \\&amp;');
    expect(markdownText('back\\slash')).toBe('back\\\\slash');
  });

  it('escapes what only counts at the start of a line', () => {
    expect(markdownText('# not a heading')).toBe('\\# not a heading');
    expect(markdownText('- not a list')).toBe('\\- not a list');
    expect(markdownText('+ nor this')).toBe('\\+ nor this');
    expect(markdownText('12. not numbered')).toBe('12\\. not numbered');
    expect(markdownText('3) nor this')).toBe('3\\) nor this');
    expect(markdownText('===')).toBe('\\===');
    expect(markdownText('    not code')).toBe('not code');
    expect(markdownText('a - b. 2020-03 (c)')).toBe('a - b. 2020-03 (c)');
  });

  it('keeps line breaks as hard breaks', () => {
    expect(markdownText('one\ntwo\r\nthree')).toBe('one  \ntwo  \nthree');
  });
});
