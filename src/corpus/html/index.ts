/**
 * A saved web page to a document: its article's reading text, the page's
 * whole text with what the article leaves out marked (each part with why,
 * for the reader's Original; clean/left-out.ts), and what the page says
 * about itself. The parts: parse.ts (htmlparser2's tokenizer to a light
 * tree, linear), article.ts (which part is the article), text.ts (the
 * tree's text with paragraph breaks, in runs by part), meta.ts (headline,
 * site, byline, date, language). No DOM: runs in the import worker and in
 * Node alike.
 */
import { dateFromTimestamp } from '../metadata.ts';
import type { LeftOut } from '../types.ts';
import { findArticle, type Article, type ArticleSource } from './article.ts';
import { metaOf, type HtmlMeta } from './meta.ts';
import { parseHtml, type HtmlDocument } from './parse.ts';
import { textOf, textRuns } from './text.ts';

export type { ArticleSource, HtmlMeta };

export interface HtmlReading {
  /** The article's text, paragraphs separated by a blank line. */
  text: string;
  /** The page's whole text (scripts, styles and the like aside): `text` with what was left out of it around and inside it. */
  page: string;
  /** The stretches of `page` not in `text`, with why: `page` without them is `text` (clean/left-out.ts). */
  leftOut: LeftOut[];
  meta: HtmlMeta;
  /** Where the text came from: the page's `<article>`, its densest text block (alone, or with the sections around it), or the whole page. */
  source: ArticleSource;
  /** Characters of text on the whole page and in what was kept, for the provenance note. */
  pageChars: number;
  keptChars: number;
}

export function readHtml(html: string): HtmlReading {
  const doc = parseHtml(html);
  const article = findArticle(doc);
  let keptChars = 0;
  for (let i = 0; i < article.text.length; i++) if (article.text.charCodeAt(i) > 32) keptChars++;
  const { page, leftOut } = pageText(doc, article);
  return { text: article.text, page, leftOut, meta: metaOf(doc, article), source: article.source, pageChars: article.pageChars, keptChars };
}

/** Text outside the element read as the article, and in no part of the page the reading names. */
const ELSEWHERE = 'outside the article: elsewhere on the page';

/**
 * The page's text, the article's and the rest, and the stretches of it that
 * are not the article's: each run left out with the blank line that parts
 * it from what follows (or, after the article's last run, from what
 * precedes), so that without them it is the article's text. Should the two
 * ever differ, the page reads as its article alone, as before.
 */
function pageText(doc: HtmlDocument, article: Article): { page: string; leftOut: LeftOut[] } {
  const runs = textRuns(doc.root, (el) => (el === article.element ? null : el === doc.root ? ELSEWHERE : (article.reason(el) ?? undefined)));
  const lastKept = runs.findLastIndex((r) => r.leftOut === null);
  const leftOut: LeftOut[] = [];
  let page = '';
  let kept = '';
  for (const [i, run] of runs.entries()) {
    const sep = i ? '\n\n' : '';
    if (run.leftOut === null) kept += (kept ? '\n\n' : '') + run.text;
    else if (i < lastKept) leftOut.push({ start: page.length + sep.length, end: page.length + sep.length + run.text.length + 2, reason: run.leftOut });
    else leftOut.push({ start: page.length, end: page.length + sep.length + run.text.length, reason: run.leftOut });
    page += sep + run.text;
  }
  return kept === article.text ? { page, leftOut } : { page: article.text, leftOut: [] };
}

/** The whole page's text, nothing left out but scripts, styles and the like. */
export function htmlToText(html: string): string {
  return textOf(parseHtml(html).root);
}

/** The page's metadata alone. */
export function htmlMeta(html: string): HtmlMeta {
  const doc = parseHtml(html);
  return metaOf(doc, findArticle(doc));
}

/** The page's metadata as front-matter fields (`date` read to the day), for what a file implies. */
export function htmlFields(meta: HtmlMeta): Partial<Record<'title' | 'outlet' | 'author' | 'date' | 'language', string>> {
  const out: Partial<Record<'title' | 'outlet' | 'author' | 'date' | 'language', string>> = {};
  if (meta.title) out.title = meta.title;
  if (meta.outlet) out.outlet = meta.outlet;
  if (meta.author) out.author = meta.author;
  const date = meta.published ? dateFromTimestamp(meta.published) : null;
  if (date) out.date = date;
  if (meta.language) out.language = meta.language;
  return out;
}

const SOURCE_WORDS: Record<ArticleSource, string> = {
  article: 'the page’s article',
  'densest block': 'the page’s main block of text',
  sections: 'the page’s main text with every section around it',
  page: 'the whole page’s text',
};

/** A provenance sentence saying what of the page was kept. */
export function htmlProvenance(path: string, reading: HtmlReading, savedFrom: string | null = null): string {
  const share = reading.pageChars ? Math.round((reading.keptChars / reading.pageChars) * 100) : 100;
  const left = reading.leftOut.length
    ? '; the rest (navigation, links, comments and other page furniture) left out, struck through in “Original”'
    : reading.source === 'page' ? '' : '; navigation, links, comments and other page furniture left out';
  const from = savedFrom ? ` (saved from ${savedFrom})` : '';
  return `Imported from the saved web page “${path}”${from}: ${SOURCE_WORDS[reading.source]} (${share}% of the page’s text${left}).`;
}
