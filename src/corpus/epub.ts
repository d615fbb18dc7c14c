/**
 * An EPUB book (what libraries, Project Gutenberg and e-book stores give)
 * to one document: its text and metadata. An EPUB is a ZIP of XHTML
 * chapters; fflate unzips the container, the package (OPF) and the
 * chapters, and the HTML reader's parser (html/parse.ts) reads each.
 *
 * - The text is the chapters in reading order (the package's spine, less
 *   items marked `linear="no"`), each chapter's blocks as paragraphs, as
 *   for a web page's whole text (nothing is picked as "the article": a
 *   chapter is all text).
 * - Metadata from the package: title, authors (`dc:creator`), outlet (the
 *   publisher), date (`dc:date`, to the day) and language.
 * - A damaged archive, one without a package or chapters, or one that would
 *   unpack to more than archive.ts's limit (a ZIP bomb) is refused.
 *
 * What it misses: a book is one document (split it into chapter files to
 * compare chapters); images' text; DRM-protected books cannot be read (their
 * chapters are encrypted) and are refused as having no text.
 */
import { unpackParts } from './archive.ts';
import { parseHtml, type HtmlElement } from './html/parse.ts';
import { textOf } from './html/text.ts';
import { FIELD_LIMITS, shorten } from './limits.ts';
import { LANGUAGE_PATTERN, dateFromTimestamp } from './metadata.ts';

export interface EpubReading {
  text: string;
  fields: Partial<Record<'title' | 'outlet' | 'author' | 'date' | 'language', string>>;
}

const CONTAINER = 'META-INF/container.xml';
/** Parts unpacked: the container, packages and the (X)HTML chapters. */
const TEXT_PART = /\.(opf|x?html?|xml)$/i;
/** Authors named in the metadata at most (an anthology lists dozens). */
const MAX_AUTHORS = 5;

export const epubProvenance = (path: string) => `Imported from the EPUB book “${path}”: the text of its chapters in reading order.`;

/** The text and metadata of an EPUB file, or why it cannot be read. */
export function readEpub(bytes: Uint8Array): EpubReading | { error: string } {
  const parts = unpackParts(bytes, (name) => TEXT_PART.test(name), 'an EPUB book');
  if ('error' in parts) return parts;
  const part = parts.text;
  const container = part(CONTAINER);
  const rootPath = container ? elements(parseHtml(container).root).find((e) => e.tag === 'rootfile')?.attrs['full-path'] : undefined;
  const opf = rootPath ? part(rootPath) : null;
  if (!rootPath || opf === null) return { error: 'is not an EPUB book that can be read: it has no package (content.opf) named in its container' };

  const pkg = elements(parseHtml(opf).root);
  const base = rootPath.includes('/') ? rootPath.slice(0, rootPath.lastIndexOf('/') + 1) : '';
  const hrefs = new Map<string, string>();
  for (const e of pkg) if (e.tag === 'item' && e.attrs.id && e.attrs.href) hrefs.set(e.attrs.id, resolve(base, e.attrs.href));
  const chapters: string[] = [];
  for (const e of pkg) {
    if (e.tag !== 'itemref' || e.attrs.linear === 'no') continue;
    const html = part(hrefs.get(e.attrs.idref ?? '') ?? '');
    if (html === null) continue;
    const text = textOf(parseHtml(html).root).trim();
    if (text) chapters.push(text);
  }
  if (chapters.length === 0) return { error: 'has no chapters with text (an EPUB protected by DRM cannot be read)' };
  return { text: chapters.join('\n\n'), fields: packageFields(pkg) };
}

/** Every element under `root`, in document order. */
function elements(root: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack: HtmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  return out;
}

const textIn = (el: HtmlElement): string =>
  el.children
    .map((c) => (typeof c === 'string' ? c : textIn(c)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

function packageFields(pkg: HtmlElement[]): EpubReading['fields'] {
  const first = (tag: string) => pkg.map((e) => (e.tag === tag ? textIn(e) : '')).find(Boolean) ?? '';
  const out: EpubReading['fields'] = {};
  const title = first('dc:title');
  const authors = pkg.filter((e) => e.tag === 'dc:creator').map(textIn).filter(Boolean);
  const publisher = first('dc:publisher');
  const date = dateFromTimestamp(first('dc:date'));
  const language = first('dc:language');
  if (title) out.title = shorten(title, FIELD_LIMITS.title);
  if (authors.length) out.author = shorten(authors.slice(0, MAX_AUTHORS).join('; '), FIELD_LIMITS.author);
  if (publisher) out.outlet = shorten(publisher, FIELD_LIMITS.outlet);
  if (date) out.date = date;
  if (LANGUAGE_PATTERN.test(language)) out.language = language;
  return out;
}

/** `href` (URL-encoded, relative to the package's folder) as a path in the archive. */
function resolve(base: string, href: string): string {
  let path: string;
  try {
    path = decodeURIComponent(href.split('#')[0]!);
  } catch {
    path = href.split('#')[0]!;
  }
  const out: string[] = [];
  for (const seg of (base + path).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}
