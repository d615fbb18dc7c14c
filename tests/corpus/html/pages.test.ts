/**
 * Issue #14, "A saved news web page imports as its article": six pages in
 * the shapes of real news sites (tests/fixtures/news-pages/README.md), each
 * read to its article text and metadata, through `readHtml` and through
 * the importer (cleaning included).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/corpus/clean.ts';
import { LEFT_OUT_RULE } from '../../../src/corpus/clean/left-out.ts';
import { readHtml } from '../../../src/corpus/html/index.ts';
import { importItem } from '../../../src/importer/read.ts';

const DIR = join(import.meta.dirname, '../../fixtures/news-pages');
const page = (name: string) => readFileSync(join(DIR, name), 'utf8');

interface Expected {
  file: string;
  source: string;
  first: string;
  last: string;
  /** Not in the article text. */
  absent: string[];
  /** In the article's text as read (its own header), removed by the cleaner. */
  cleaned?: string[];
  meta: { title: string; outlet: string | null; author: string | null; date: string | null; language: string };
}

const PAGES: Expected[] = [
  {
    file: 'semantic-article.html',
    source: 'article',
    first: 'Residents of Port Elling backed a local levy to run the crossing themselves.',
    last: 'weather and tides permitting.',
    absent: ['We use cookies', 'Skip to main content', 'Lifestyle', 'Share on Facebook', 'Photograph: Jo Bright', 'Related: ', 'Morning Tide', 'Ferries', 'Why the estuary bridge', 'harbourwatcher', 'I have taken this ferry', 'All rights reserved', 'Wed 14 Jun', 'By Miriam'],
    cleaned: ['Harbour town votes to keep its ferry after a decade of cuts\n'],
    meta: { title: 'Harbour town votes to keep its ferry after a decade of cuts', outlet: 'The Coastal Herald', author: 'Miriam Okafor, Tom Ellery', date: '2023-06-14', language: 'en-GB' },
  },
  {
    file: 'table-layout.html',
    source: 'densest block',
    first: 'Former workers at the Kettering Lane mill',
    last: 'to former staff and their families.',
    absent: ['Letters to the Editor', 'Most popular', 'Bypass plan', 'Subscribe', 'Advertisement', 'Copyright'],
    cleaned: ['By Derek Haines', 'Wednesday, March 12, 2008', 'Print this story'],
    meta: { title: 'Mill workers win back pension fund', outlet: 'Valley Evening Post', author: 'Derek Haines', date: '2008-03-12', language: 'en' },
  },
  {
    file: 'graph-teasers.html',
    source: 'article',
    first: 'For the first time in its history, the Northfield public library',
    last: 'has been restocked.',
    absent: ['Log in', 'Campus', 'Share this', 'Recommended for you', 'New night bus', 'thirty minutes', 'nonprofit newsroom'],
    meta: { title: 'Library opens its doors overnight for exam season', outlet: 'Northfield Gazette', author: 'Priya Raman', date: '2024-05-02', language: 'en-US' },
  },
  {
    file: 'chinese-portal.html',
    source: 'densest block',
    first: '东岭网讯（记者陈晓雯）新学期开学第一周',
    last: '让远程课堂和线下教学结合起来。',
    absent: ['首页', '分享到', '相关新闻', '热点排行', '版权所有', '全县山区学校完成网络改造'],
    meta: { title: '山区小学用上了远程音乐课', outlet: '东岭网', author: '陈晓雯', date: '2021-09-08', language: 'zh-CN' },
  },
  {
    file: 'blog-comments.html',
    source: 'article',
    first: 'We planted the first apple trees six winters ago',
    last: 'who will have to wait.',
    absent: ['Skip to content', 'A small farm', 'Posted on', 'Posted in', '9 Comments', 'Too many pumpkins', 'This made me cry', 'Leave a Reply', 'Recent Posts', 'Archives', 'WordPress', 'Akismet'],
    meta: { title: 'What the orchard taught me about patience', outlet: 'Field Notes', author: 'Ruth Calloway', date: '2019-11-03', language: 'en-US' },
  },
  {
    file: 'div-soup.html',
    source: 'densest block',
    first: 'The city council voted on Monday night',
    last: 'the city has applied for.',
    absent: ['Advertise with us', 'We use cookies', 'Other stories', 'Bridge repairs', 'Privacy', 'Copyright 2017'],
    meta: { title: 'Council approves plan for riverside park', outlet: null, author: null, date: null, language: 'en' },
  },
];

describe('a saved news page imports as its article', () => {
  for (const p of PAGES) {
    describe(p.file, () => {
      const html = page(p.file);
      it('reads the article, and nothing of the page around it', () => {
        const r = readHtml(html);
        expect(r.source).toBe(p.source);
        expect(r.text).toContain(p.first);
        expect(r.text).toContain(p.last);
        for (const a of p.absent) expect(r.text).not.toContain(a);
        for (const c of p.cleaned ?? []) expect(r.text).toContain(c);
        expect(r.keptChars).toBeLessThan(r.pageChars + 1);
      });
      it('imports with its metadata filled in and its text clean', () => {
        const o = importItem({ kind: 'file', path: `saved/${p.file}`, name: p.file, bytes: new TextEncoder().encode(html) }, new Set());
        if (!o.ok) throw new Error(o.reason);
        const { meta, text } = o.doc;
        expect({ title: meta.title, outlet: meta.outlet, author: meta.author, date: meta.date?.value ?? null, language: meta.language }).toEqual(p.meta);
        expect(text.startsWith(p.first)).toBe(true);
        expect(text.endsWith(p.last)).toBe(true);
        for (const a of [...p.absent, ...(p.cleaned ?? [])]) expect(text).not.toContain(a);
        expect(meta.provenance).toMatch(new RegExp(`^Imported from the saved web page “saved/${p.file}”: the page’s`));
      });
      it('keeps the whole page as its original, with what is not the article marked as left out', () => {
        const o = importItem({ kind: 'file', path: `saved/${p.file}`, name: p.file, bytes: new TextEncoder().encode(html) }, new Set());
        if (!o.ok) throw new Error(o.reason);
        const { original, edits, text } = o.doc;
        const r = readHtml(html);
        expect(text).toBe(cleanText(r.text, undefined, { title: o.doc.meta.title }).text);
        const leftOut = edits.filter((e) => e.rule === LEFT_OUT_RULE);
        for (const a of p.absent) {
          const at = original.indexOf(a);
          expect(at, a).toBeGreaterThanOrEqual(0);
          expect(leftOut.some((e) => e.start <= at && at < e.end), a).toBe(true);
        }
      });
    });
  }
});
