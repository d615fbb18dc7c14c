/**
 * What a saved page says about itself: headline, site name, byline, date
 * and language, from (strongest first) its JSON-LD `NewsArticle` (or any
 * `…Article`/`BlogPosting`), Open Graph and other `<meta>` tags, the
 * article's own markup (`<h1>`, `rel="author"`, a byline element,
 * `<time datetime>`) and the `<title>`. Values are read as text only and
 * shortened to the metadata limits: they are suggestions, and a too-long
 * suggestion must never cost the file.
 */
import { decodeHTML } from 'entities';
import { FIELD_LIMITS, shorten } from '../limits.ts';
import type { Article } from './article.ts';
import type { HtmlDocument, HtmlElement } from './parse.ts';
import { textOf } from './text.ts';

export interface HtmlMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** As the page writes it, e.g. `2019-10-25T08:00:00+08:00`. */
  published: string | null;
  language: string | null;
}

/** `<meta>` names (lowercased `property`/`name`/`itemprop`) in order of preference for each field. */
const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'headline'];
const OUTLET_KEYS = ['og:site_name', 'application-name', 'dc.publisher', 'publisher', 'twitter:site'];
const AUTHOR_KEYS = ['author', 'article:author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author'];
const DATE_KEYS = ['article:published_time', 'datepublished', 'dc.date', 'dc.date.issued', 'date', 'pubdate', 'publishdate', 'og:published_time', 'sailthru.date', 'parsely-pub-date'];
const LANGUAGE_KEYS = ['content-language', 'language', 'dc.language', 'inlanguage'];

/** JSON-LD larger than this is not read (a page's own article data is a few KB). */
const MAX_JSON_LD_CHARS = 512 * 1024;
/** Levels searched for the article object (`@graph`, arrays, `mainEntity`). */
const MAX_JSON_LD_DEPTH = 6;
/** A byline element holds a name or two, not a paragraph. */
const MAX_BYLINE_CHARS = 120;
/** Byline-looking elements tried (each costs its text: nested ones must not cost the page's size each). */
const MAX_BYLINE_TRIES = 5;
const ARTICLE_TYPE = /(?:Article|BlogPosting|Posting|Report)$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** Between a headline and the site's name in a `<title>`, longest first. */
const SEPARATORS = [' -- ', ' :: ', '--', ' | ', ' - ', ' – ', ' — ', ' · ', ' » ', '_', '|'];
/** A site name guessed from a `<title>` is short. */
const MAX_GUESSED_SITE_CHARS = 60;
/** Lines of the article text looked at for the headline the `<title>` starts with. */
const HEADLINE_LINES = 20;

/** Characters of a value read before it is shortened: bounds the work on a 5 MB `<title>`. */
const READ_FACTOR = 4;

/** A value as one line of text, shortened to `max`. */
function clean(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const text = value.slice(0, max * READ_FACTOR).replace(/\s+/g, ' ').trim();
  return text ? shorten(text, max) : null;
}

/** A JSON-LD value: JSON strings are not HTML, but pages often escape them as if they were ("&amp;"). */
function cleanLd(value: unknown, max: number): string | null {
  return typeof value === 'string' ? clean(value.includes('&') ? decodeHTML(value.slice(0, max * READ_FACTOR)) : value, max) : null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first article object in the page's JSON-LD, and every node by `@id` (for references). */
function jsonLdArticle(doc: HtmlDocument): { article: JsonObject | null; byId: Map<string, JsonObject> } {
  const byId = new Map<string, JsonObject>();
  let article: JsonObject | null = null;
  for (const source of doc.jsonLd) {
    if (source.length > MAX_JSON_LD_CHARS) continue;
    let value: Json;
    try {
      value = JSON.parse(source) as Json;
    } catch {
      continue; // pages ship broken JSON-LD; it is only a hint
    }
    const queue: Array<[Json, number]> = [[value, 0]];
    for (let q = 0; q < queue.length; q++) {
      const [v, depth] = queue[q]!;
      if (depth > MAX_JSON_LD_DEPTH) continue;
      if (Array.isArray(v)) {
        for (const x of v) queue.push([x, depth + 1]);
        continue;
      }
      if (!isObject(v)) continue;
      if (typeof v['@id'] === 'string' && !byId.has(v['@id'])) byId.set(v['@id'], v);
      const types = ([] as Json[]).concat(v['@type'] ?? []);
      if (!article && types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) article = v;
      for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) if (key in v) queue.push([v[key] ?? null, depth + 1]);
    }
  }
  return { article, byId };
}

/** Names in a JSON-LD `author`/`publisher`: a string, `{ name }`, a reference `{ "@id" }`, or a list of these. */
function jsonLdNames(value: Json | undefined, byId: Map<string, JsonObject>): string[] {
  const out: string[] = [];
  for (const v of ([] as Json[]).concat(value ?? [])) {
    if (typeof v === 'string') out.push(v);
    else if (isObject(v)) {
      const node = typeof v['@id'] === 'string' && !('name' in v) ? (byId.get(v['@id']) ?? v) : v;
      if (typeof node['name'] === 'string') out.push(node['name']);
    }
  }
  return out;
}

function metaValues(doc: HtmlDocument, article: Article | null): Map<string, string> {
  const values = new Map<string, string>();
  for (const { attrs, inHead, element } of doc.metas) {
    // In the body only the article's microdata counts (a `name="author"` there is often a comment's).
    const prop = attrs['itemprop'];
    const key = (inHead ? (attrs['property'] ?? attrs['name'] ?? attrs['http-equiv'] ?? prop) : prop)?.toLowerCase();
    if (!key || values.has(key)) continue;
    if (!inHead && !article?.contains(element)) continue;
    const content = attrs['content'];
    if (content !== undefined) values.set(key, content);
  }
  return values;
}

/** What the article's own markup says: a byline, a `<time>`. */
function fromMarkup(article: Article | null): { byline: string | null; time: string | null } {
  const out = { byline: null as string | null, time: null as string | null };
  if (!article) return out;
  let bylineTries = 0;
  for (const el of article.elements()) {
    if (!out.time && (el.tag === 'time' || el.attrs['itemprop'] === 'datePublished')) out.time = el.attrs['datetime'] ?? el.attrs['content'] ?? null;
    if (!out.byline && bylineTries < MAX_BYLINE_TRIES && isByline(el)) {
      bylineTries++;
      const text = textOf(el).replace(/\s+/g, ' ').replace(/^(?:by|written by|words by|von|par|por)\s+/i, '').trim();
      if (text && text.length <= MAX_BYLINE_CHARS) out.byline = text;
    }
    if (out.byline && out.time) break;
  }
  return out;
}

function isByline(el: HtmlElement): boolean {
  if (el.attrs['rel'] === 'author' || /\bauthor\b/.test(el.attrs['itemprop'] ?? '')) return true;
  const words = `${el.attrs['class'] ?? ''} ${el.attrs['id'] ?? ''}`.toLowerCase().split(/[\s_-]+/);
  return words.some((w) => w.startsWith('byline') || w === 'author' || w === 'authors' || w === 'author-name');
}

/**
 * The `<title>` without the site name a page appends or prefixes
 * ("Headline | Site"). With no site name known, a short last part is taken
 * for the site's name when the part before it stands as a line near the top
 * of the article text (the headline).
 */
function splitTitle(title: string | null, site: string | null, text: string): { title: string | null; site: string | null } {
  if (!title) return { title, site: null };
  for (const sep of SEPARATORS) {
    if (site && title.endsWith(`${sep}${site}`)) return { title: title.slice(0, -(sep.length + site.length)).trim() || title, site };
    if (site && title.startsWith(`${site}${sep}`)) return { title: title.slice(site.length + sep.length).trim() || title, site };
  }
  if (site) return { title, site };
  const lines = new Set(text.split('\n', HEADLINE_LINES).map((l) => l.trim()));
  for (const sep of SEPARATORS) {
    const at = title.lastIndexOf(sep);
    if (at <= 0) continue;
    const head = title.slice(0, at).trim();
    const tail = title.slice(at + sep.length).trim();
    if (head && tail && tail.length <= MAX_GUESSED_SITE_CHARS && lines.has(head)) return { title: head, site: tail };
  }
  return { title, site: null };
}

function languageTag(raw: string | null | undefined): string | null {
  const tag = raw?.trim().replace(/_/g, '-').split(/[,;\s]/)[0] ?? '';
  if (!LANGUAGE_TAG.test(tag)) return null;
  return tag.replace(/^[A-Za-z]+/, (primary) => primary.toLowerCase());
}

/** The page's metadata; `article` (from findArticle) lets the article's own markup speak. */
export function metaOf(doc: HtmlDocument, article: Article | null): HtmlMeta {
  const values = metaValues(doc, article);
  const pick = (keys: string[], max: number): string | null => {
    for (const k of keys) {
      const v = clean(values.get(k), max);
      if (v) return v;
    }
    return null;
  };
  const { article: ld, byId } = jsonLdArticle(doc);
  const markup = fromMarkup(article);
  const L = FIELD_LIMITS;

  const named = cleanLd(jsonLdNames(ld?.['publisher'], byId)[0], L.outlet) ?? pick(OUTLET_KEYS, L.outlet);
  const fromTitle = splitTitle(clean(doc.title, L.title * 2), pick(['og:site_name'], L.outlet) ?? named, article?.text ?? '');
  const outlet = named ?? clean(fromTitle.site, L.outlet);
  const ldAuthors = jsonLdNames(ld?.['author'], byId).map((n) => cleanLd(n, L.author)).filter((n): n is string => !!n && !/^https?:/.test(n));
  const metaAuthor = pick(AUTHOR_KEYS, L.author);
  const html = doc.root.children.find((e): e is HtmlElement => typeof e !== 'string' && e.tag === 'html');
  return {
    title:
      cleanLd(ld?.['headline'], L.title) ??
      pick(TITLE_KEYS, L.title) ??
      clean(article?.headline, L.title) ??
      clean(fromTitle.title, L.title),
    outlet,
    author: (ldAuthors.length ? shorten(ldAuthors.join(', '), L.author) : null) ?? (metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : null) ?? clean(markup.byline, L.author),
    published: cleanLd(ld?.['datePublished'], L.date + 40) ?? pick(DATE_KEYS, L.date + 40) ?? clean(markup.time, L.date + 40),
    language: languageTag(html?.attrs['lang']) ?? languageTag(typeof ld?.['inLanguage'] === 'string' ? ld['inLanguage'] : null) ?? languageTag(values.get('og:locale')) ?? LANGUAGE_KEYS.map((k) => languageTag(values.get(k))).find(Boolean) ?? null,
  };
}
