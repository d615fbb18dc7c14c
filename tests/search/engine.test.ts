import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.ts';
import type { SearchDoc } from '../../src/search/types.ts';

const DOCS: SearchDoc[] = [
  {
    id: 'a',
    title: 'Alpha',
    outlet: 'Daily',
    date: { value: '2019-10-25', precision: 'day', approximate: false },
    text: 'Cyberspace governance matters.\n\nThe rule of law in cyberspace.\n\nNothing here.',
  },
  {
    id: 'b',
    title: 'Beta',
    outlet: 'Weekly',
    date: { value: '2020', precision: 'year', approximate: false },
    text: 'Governance of cyberspace, again governance.\n\nA rule and a law.',
  },
  { id: 'zh', title: '中文', outlet: null, date: null, text: '引言。\n\n推动构建网络空间命运共同体。' },
  { id: 'ja', title: '日本語', outlet: null, date: null, text: 'はじめに。\n\nカタカナのコンピューターを使う。' },
];

describe('SearchEngine.search', () => {
  const engine = new SearchEngine(DOCS);

  it('groups hits by document with marks at document-relative offsets', () => {
    const r = engine.search('governance cyberspace');
    expect(r.totalDocs).toBe(2);
    expect(r.totalHits).toBe(2);
    const b = r.docs.find((d) => d.id === 'b')!;
    const hit = b.hits[0]!;
    const text = DOCS[1]!.text;
    expect(text.slice(hit.first.start, hit.first.end)).toBe('Governance of cyberspace');
    expect(hit.snippet.marks.map((m) => hit.snippet.text.slice(m.start, m.end))).toEqual(['Governance', 'cyberspace', 'governance']);
  });

  it('links the reader to the first run of matched words, not just its first word', () => {
    const r = engine.search('governance cyberspace');
    const a = r.docs.find((d) => d.id === 'a')!;
    const text = DOCS[0]!.text;
    expect(text.slice(a.hits[0]!.first.start, a.hits[0]!.first.end)).toBe('Cyberspace governance');
    const b = r.docs.find((d) => d.id === 'b')!;
    expect(DOCS[1]!.text.slice(b.hits[0]!.first.start, b.hits[0]!.first.end)).toBe('Governance of cyberspace');
  });

  it('verifies phrases', () => {
    const r = engine.search('"rule of law"');
    expect(r.docs.map((d) => d.id)).toEqual(['a']);
    expect(r.totalHits).toBe(1);
  });

  it('filters by outlet and year (a year-precision date counts in its year)', () => {
    expect(engine.search('governance', { outlet: 'Weekly' }).docs.map((d) => d.id)).toEqual(['b']);
    expect(engine.search('governance', { year: '2020' }).docs.map((d) => d.id)).toEqual(['b']);
    expect(engine.search('governance', { year: '2021' }).totalHits).toBe(0);
  });

  it('finds Chinese words inside a run of Han characters', () => {
    const r = engine.search('空间');
    expect(r.docs.map((d) => d.id)).toEqual(['zh']);
    const hit = r.docs[0]!.hits[0]!;
    expect(DOCS[2]!.text.slice(hit.first.start, hit.first.end)).toBe('空间');
    expect(engine.search('网络空间').totalHits).toBe(1);
  });

  it('finds a Japanese word inside a run of kana', () => {
    const r = engine.search('コンピューター');
    expect(r.docs.map((d) => d.id)).toEqual(['ja']);
    const hit = r.docs[0]!.hits[0]!;
    expect(DOCS[3]!.text.slice(hit.first.start, hit.first.end)).toBe('コンピューター');
  });

  it('answers malformed queries with a message, never an exception', () => {
    for (const q of ['"unclosed', 'the of', 'x'.repeat(10_000), '', '"""', '((( ***']) {
      const r = engine.search(q);
      expect(r.docs).toBeDefined();
    }
    expect(engine.search('the of').query.error).toMatch(/common words/);
    expect(engine.search('x'.repeat(10_000)).query.error).toMatch(/10,000/);
  });

  it('says nothing was found rather than failing', () => {
    const r = engine.search('zebra');
    expect(r.totalHits).toBe(0);
    expect(r.query.error).toBeNull();
  });
});

describe('SearchEngine.kwic', () => {
  it('gives every occurrence with context', () => {
    const engine = new SearchEngine(DOCS);
    const r = engine.kwic('governance', 11);
    expect(r.total).toBe(3);
    expect(r.lines.map((l) => l.keyword)).toEqual(['governance', 'Governance', 'governance']);
    expect(r.lines[0]!.left).toBe('Cyberspace ');
    expect(r.lines[0]!.right).toBe(' matters. T');
  });
});
