/**
 * A saved web page to a document: its article's reading text and what the
 * page says about itself. The parts: parse.ts (htmlparser2's tokenizer to a
 * light tree, linear), article.ts (which part is the article), text.ts (the
 * tree's text with paragraph breaks), meta.ts (headline, site, byline,
 * date, language). No DOM: runs in the import worker and in Node alike.
 */
import { dateFromTimestamp } from '../metadata.ts';
import { findArticle, type ArticleSource } from './article.ts';
import { metaOf, type HtmlMeta } from './meta.ts';
import { parseHtml } from './parse.ts';
import { textOf } from './text.ts';

export type { ArticleSource, HtmlMeta };

export interface HtmlReading {
  /** The article's text, paragraphs separated by a blank line. */
  text: string;
  meta: HtmlMeta;
  /** Where the text came from: the page's `<article>`, its densest text block, or the whole page. */
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
  return { text: article.text, meta: metaOf(doc, article), source: article.source, pageChars: article.pageChars, keptChars };
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
  page: 'the whole page’s text',
};

/** A provenance sentence saying what of the page was kept. */
export function htmlProvenance(path: string, reading: HtmlReading, savedFrom: string | null = null): string {
  const share = reading.pageChars ? Math.round((reading.keptChars / reading.pageChars) * 100) : 100;
  const left = reading.source === 'page' ? '' : '; navigation, links, comments and other page furniture left out';
  const from = savedFrom ? ` (saved from ${savedFrom})` : '';
  return `Imported from the saved web page “${path}”${from}: ${SOURCE_WORDS[reading.source]} (${share}% of the page’s text${left}).`;
}
