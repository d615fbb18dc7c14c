/**
 * Metadata an HTML page states about itself — `<title>`, `<meta>` tags
 * (Open Graph, article:*, author, Dublin Core) and `<html lang>` — read
 * without a DOM, so it runs in the import worker (which has no DOMParser)
 * and in Node. It only reads attribute values as text: nothing is
 * interpreted, fetched or run.
 */
import { decodeEntities, htmlTitle } from '../corpus/html-to-text.ts';

export interface HtmlMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** As the page writes it, e.g. `2019-10-25T08:00:00+08:00`. */
  published: string | null;
  language: string | null;
}

/** Names (lowercased `name`/`property`/`itemprop`) in order of preference for each field. */
const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'headline'];
const OUTLET_KEYS = ['og:site_name', 'application-name', 'dc.publisher', 'publisher', 'twitter:site'];
const AUTHOR_KEYS = ['author', 'article:author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author'];
const DATE_KEYS = ['article:published_time', 'datepublished', 'dc.date', 'dc.date.issued', 'date', 'pubdate', 'publishdate', 'og:published_time', 'sailthru.date', 'parsely-pub-date'];

const TAG = /<meta\b([^>]*)>/gi;
const ATTR = /([^\s=/"'<>]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const MAX_VALUE = 300;

function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

function clean(value: string | undefined): string | null {
  if (value === undefined) return null;
  const text = decodeEntities(value).replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE);
  return text || null;
}

export function htmlMeta(html: string): HtmlMeta {
  // Only the head matters; a cap keeps a huge body from costing anything.
  const headEnd = html.search(/<body\b/i);
  const head = html.slice(0, headEnd >= 0 ? Math.min(headEnd, 200_000) : 200_000);
  const values = new Map<string, string>();
  for (const m of head.matchAll(TAG)) {
    const attrs = attributes(m[1]!);
    const key = (attrs.get('property') ?? attrs.get('name') ?? attrs.get('itemprop'))?.toLowerCase();
    const content = attrs.get('content');
    if (key && content !== undefined && !values.has(key)) values.set(key, content);
  }
  const pick = (keys: string[]) => {
    for (const k of keys) {
      const v = clean(values.get(k));
      if (v) return v;
    }
    return null;
  };
  const lang = /<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)/i.exec(head)?.[1] ?? null;
  return {
    title: htmlTitle(head) ?? pick(TITLE_KEYS),
    outlet: pick(OUTLET_KEYS),
    author: pick(AUTHOR_KEYS),
    published: pick(DATE_KEYS),
    language: lang ? lang.replace(/^[A-Za-z]+/, (primary) => primary.toLowerCase()) : null,
  };
}
