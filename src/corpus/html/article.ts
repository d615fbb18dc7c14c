/**
 * Which part of a saved web page is the article. In order:
 *  1. Page furniture is set aside: navigation, asides, footers, forms,
 *     dialogs, hidden elements, ARIA landmarks that are not content, a page
 *     header outside the article, and elements whose class or id names
 *     furniture (comments, share bars, related links, cookie banners,
 *     newsletters, ads…) unless they also name content and hold most of the
 *     page's text (`<div class="content has-sidebar">`).
 *     The article's own metadata rows (byline, dateline, `<time>`, kicker)
 *     and photo figures are left out of the text too, but read for the
 *     metadata (see meta.ts).
 *  2. Paragraphs (a block with at least MIN_PARAGRAPH_CHARS of its own text,
 *     mostly not links) are scored by length and commas, as Readability
 *     does; a `<p>`-like paragraph gives its score to its parent and half to
 *     its grandparent, a container holding text of its own (a `<div>` or
 *     `<td>` of `<br>`-separated paragraphs) to itself and half to its
 *     parent; a candidate's score is discounted by its share of link text.
 *     The best-scored block is the densest text block. It is widened to
 *     the document it is part of (`widened`): to its highest ancestor whose
 *     other text is mostly prose (paragraphs holding a sentence, or long:
 *     code, definitions) with little link text. A book, a manual or a long
 *     report in sections keeps every section and heading, not only its
 *     longest; a news page, whose other text is navigation, related links
 *     and labels, keeps its story alone. Lists of links beside what is
 *     taken in (a table of contents, a "Next: …" bar) are left out.
 *     On /usr/share/doc's 291 HTML files (DocBook, Texinfo, Sphinx, Node's
 *     API pages) the pages keeping less than half their text went from 41
 *     to 10, the median share kept from 86% to 93%.
 *  3. An `<article>` (or `itemprop="articleBody"`) holding at least half as
 *     much paragraph score as the densest block is preferred: it is the
 *     page's own word for its article, and teaser `<article>`s of related
 *     stories hold little.
 *  4. When what was found is shorter than MIN_ARTICLE_CHARS, the whole page
 *     (furniture still set aside, or if nothing is left, everything) is
 *     taken instead: a short note or a page with no paragraphs is still read.
 * Linear: two bottom-up passes over the elements, no recursion.
 */
import { TEXTLESS, type HtmlDocument, type HtmlElement } from './parse.ts';
import { BLOCK, textOf } from './text.ts';

/** The page's `<article>`; its densest block of text; that block widened to the sections around it (`widened`); the whole page. */
export type ArticleSource = 'article' | 'densest block' | 'sections' | 'page';

export interface Article {
  element: HtmlElement;
  source: ArticleSource;
  /** The reading text of `element`, furniture left out. */
  text: string;
  /** Whether an element was left out of the text (its descendants with it): furniture and metadata rows. */
  skip(el: HtmlElement): boolean;
  /** Why `skip` leaves an element out, in plain words; null when it does not. */
  reason(el: HtmlElement): string | null;
  /** Whether an element is in the article and not in its furniture (metadata rows count as in, for meta.ts). */
  contains(el: HtmlElement): boolean;
  /** The article's elements in document order, as `contains` says. */
  elements(): Generator<HtmlElement>;
  /** Characters of text on the whole page (furniture included), for the provenance note. */
  pageChars: number;
  /** The text of the article's first `<h1>`, else of the page's first one outside the furniture. */
  headline: string | null;
}

/** A block with this much text of its own is a paragraph. */
const MIN_PARAGRAPH_CHARS = 25;
/** …unless this share of that text or more is link text (a list of links). */
const MAX_PARAGRAPH_LINK_SHARE = 0.5;
/** A paragraph scores a point per this many characters… */
const CHARS_PER_POINT = 100;
/** …up to this many. */
const MAX_LENGTH_POINTS = 3;
/** An <article> is preferred when it holds at least this share of the densest block's paragraph score. */
const ARTICLE_MIN_SHARE = 0.5;
/** What is found must be at least this long, or the whole page is read. */
const MIN_ARTICLE_CHARS = 200;
/** A paragraph this long is prose (or code, or a definition) even without a sentence end; a shorter one needs one. */
const LONG_PARAGRAPH_CHARS = 80;
/** The densest block widens to its parent when the parent's other text is at most this share link text… */
const MAX_SECTION_LINK_SHARE = 0.25;
/** …and at least this share paragraphs (prose, not labels or headings alone). */
const MIN_SECTION_PROSE_SHARE = 0.5;
/** A furniture-named element is kept when it also names content and holds this share of the page's text. */
const HEAVY_SHARE = 0.5;

/** Elements and ARIA roles that are page furniture, with what they are in plain words (for the reader's Original). */
const FURNITURE_TAGS = new Map([['nav', 'navigation'], ['aside', 'aside'], ['footer', 'footer'], ['form', 'form'], ['dialog', 'dialog'], ['menu', 'menu'], ['button', 'button']]);
const FURNITURE_ROLES = new Map([
  ['navigation', 'navigation'], ['banner', 'page header'], ['contentinfo', 'footer'], ['complementary', 'aside'], ['search', 'search box'], ['dialog', 'dialog'],
  ['alertdialog', 'dialog'], ['menu', 'menu'], ['menubar', 'menu'], ['toolbar', 'toolbar'], ['form', 'form'],
]);
/** Class or id words (and the start of words: "sharebar", "related-links") that name furniture, with what it is. */
const FURNITURE_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:comment|disqus)/, 'comments'],
  [/^(?:cookie|consent|gdpr)/, 'cookie notice'],
  [/^(?:share|sharing|social)/, 'share buttons'],
  [/^(?:related|recommend|outbrain|taboola|popular|trending)/, 'related or popular stories'],
  [/^(?:promo|advert|sponsor)|^(?:ad|ads|adslot)$/, 'advertising'],
  [/^(?:newsletter|subscri|signup|login|paywall)/, 'sign-up or subscription box'],
  [/^(?:sidebar|widget)/, 'sidebar'],
  [/^(?:popup|modal|overlay)/, 'pop-up'],
  [/^(?:breadcrumb|navbar|navigation|menu|toolbar)|^nav$/, 'navigation'],
  [/^(?:banner|masthead)/, 'page header'],
  [/^footer/, 'footer'],
  [/^(?:tags?|topics)$/, 'tags'],
  [/^(?:hidden|print)$/, 'hidden or print-only text'],
];
const FURNITURE_WORD = new RegExp(FURNITURE_WORDS.map(([re]) => `(?:${re.source})`).join('|'));
/** Class or id words that name a row of the article's metadata. */
const METADATA_WORD = /^(?:byline|dateline|timestamp|kicker|eyebrow|meta|posted|published|author|authors)$/;
/** Elements that are a paragraph themselves; others holding text of their own are containers. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'li', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'caption', 'summary', 'address', 'legend']);
const MEDIA = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'svg', 'canvas', 'object', 'embed']);
/** Blocks for scoring: a table cell is a column of a layout table, not inline text. */
const isBlock = (tag: string): boolean => BLOCK.has(tag) || tag === 'td' || tag === 'th';
/** A metadata row is short. */
const MAX_METADATA_ROW_CHARS = 160;
/** Class or id words that name the content. */
const CONTENT_WORD = /^(?:article|body|content|entry|main|post|story|text|blog)/;

function words(el: HtmlElement): string[] {
  const { class: cls, id } = el.attrs;
  if (!cls && !id) return [];
  const s = `${cls ?? ''} ${id ?? ''}`.toLowerCase();
  return s.split(/[\s_-]+/).filter(Boolean);
}

function isHidden(el: HtmlElement): boolean {
  const a = el.attrs;
  return 'hidden' in a || a['aria-hidden'] === 'true' || /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(a['style'] ?? '');
}

/** Flags per element (by `index`). */
const FURNITURE = 1;
const METADATA = 2;

/** Why an element flagged by `leftOut` (and `widened`) is left out, in plain words: the first of the checks that flag it. */
function reasonOf(el: HtmlElement, flag: number): string {
  if (flag === METADATA) return el.tag === 'figure' ? 'a photo’s caption, left out of the article’s text' : 'the article’s byline or date line (read as its metadata)';
  const role = el.attrs['role']?.trim().toLowerCase();
  const what =
    FURNITURE_TAGS.get(el.tag) ??
    (role ? FURNITURE_ROLES.get(role) : undefined) ??
    (isHidden(el) ? 'hidden text' : el.tag === 'header' ? 'page header' : undefined) ??
    words(el).reduce<string | undefined>((found, x) => found ?? FURNITURE_WORDS.find(([re]) => re.test(x))?.[1], undefined) ??
    'a list of links beside it';
  return `outside the article: ${what}`;
}

/**
 * Bottom-up figures per element, in columns indexed by `el.index`: each
 * element adds its figures to its parent's, children first (reverse
 * document order), so nothing recurses and nothing is allocated per element.
 */
class Figures {
  /** Visible characters in the subtree (left-out and textless elements count nothing). */
  readonly chars: Int32Array;
  /** Of which inside links. */
  readonly links: Int32Array;
  /** Characters of the element's own text: its text and its inline descendants', not its blocks'. */
  readonly own: Int32Array;
  readonly ownLinks: Int32Array;
  readonly ownCommas: Int32Array;
  /** Sentence ends in the element's own text. */
  readonly ownStops: Int32Array;
  /** Paragraph score of every paragraph in the subtree. */
  readonly paraScore: Float64Array;
  /** Characters of the own text of the subtree's paragraphs that hold a sentence end or are long (its prose, code and definitions; not its labels, headings or link lists). */
  readonly prose: Int32Array;

  constructor(elements: readonly HtmlElement[], text: OwnText, left: (i: number) => boolean) {
    const n = elements.length;
    this.chars = new Int32Array(n);
    this.links = new Int32Array(n);
    this.own = new Int32Array(n);
    this.ownLinks = new Int32Array(n);
    this.ownCommas = new Int32Array(n);
    this.ownStops = new Int32Array(n);
    this.paraScore = new Float64Array(n);
    this.prose = new Int32Array(n);
    for (let k = n - 1; k >= 0; k--) {
      const el = elements[k]!;
      if (TEXTLESS.has(el.tag) || left(k)) continue;
      // What the children added, plus the element's own text.
      const chars = this.chars[k]! + text.chars[k]!;
      const own = this.own[k]! + text.chars[k]!;
      const commas = this.ownCommas[k]! + text.commas[k]!;
      const stops = this.ownStops[k]! + text.stops[k]!;
      const links = el.tag === 'a' ? chars : this.links[k]!;
      const ownLinks = el.tag === 'a' ? own : this.ownLinks[k]!;
      [this.chars[k], this.own[k], this.ownCommas[k], this.ownStops[k], this.links[k], this.ownLinks[k]] = [chars, own, commas, stops, links, ownLinks];
      if (isBlock(el.tag)) {
        const score = this.paragraphScore(k);
        this.paraScore[k] = this.paraScore[k]! + score;
        if (score && (stops || own >= LONG_PARAGRAPH_CHARS)) this.prose[k] = this.prose[k]! + own;
      }
      const p = el.parent?.index;
      if (p === undefined) continue;
      this.chars[p] = this.chars[p]! + chars;
      this.prose[p] = this.prose[p]! + this.prose[k]!;
      this.links[p] = this.links[p]! + links;
      this.paraScore[p] = this.paraScore[p]! + this.paraScore[k]!;
      if (!isBlock(el.tag)) {
        this.own[p] = this.own[p]! + own;
        this.ownLinks[p] = this.ownLinks[p]! + ownLinks;
        this.ownCommas[p] = this.ownCommas[p]! + commas;
        this.ownStops[p] = this.ownStops[p]! + stops;
      }
    }
  }

  paragraphScore(k: number): number {
    const own = this.own[k]!;
    if (own < MIN_PARAGRAPH_CHARS || this.ownLinks[k]! >= own * MAX_PARAGRAPH_LINK_SHARE) return 0;
    return 1 + this.ownCommas[k]! + Math.min(MAX_LENGTH_POINTS, Math.floor(own / CHARS_PER_POINT));
  }
}

/** Visible characters, commas and sentence ends of each element's own text nodes (not its descendants'), read once. */
interface OwnText {
  chars: Int32Array;
  commas: Int32Array;
  stops: Int32Array;
}

/** What may follow a full stop, "!" or "?" that ends a sentence: a space, a closing quote or bracket (not "21.5", "node.js"). */
const SENTENCE_GAP = new Set([32, 9, 10, 13, 12, 0xa0, 34, 39, 41, 93, 0x201d, 0x2019, 0xbb]);

function ownText(elements: readonly HtmlElement[]): OwnText {
  const out: OwnText = { chars: new Int32Array(elements.length), commas: new Int32Array(elements.length), stops: new Int32Array(elements.length) };
  for (let k = 0; k < elements.length; k++) {
    let chars = 0;
    let commas = 0;
    let stops = 0;
    for (const s of elements[k]!.children) {
      if (typeof s !== 'string') continue;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) chars++;
        if (c === 44 || c === 0xff0c || c === 0x3001) commas++;
        else if (c === 0x3002 || c === 0xff01 || c === 0xff1f) stops++;
        else if ((c === 46 || c === 33 || c === 63) && (i + 1 === s.length || SENTENCE_GAP.has(s.charCodeAt(i + 1)))) stops++;
      }
    }
    out.chars[k] = chars;
    out.commas[k] = commas;
    out.stops[k] = stops;
  }
  return out;
}

/** Each element's flags with its ancestors' (a subtree is left out with its root). */
function inherited(elements: readonly HtmlElement[], flags: Uint8Array): Uint8Array {
  const out = new Uint8Array(elements.length);
  for (let k = 0; k < elements.length; k++) {
    const p = elements[k]!.parent;
    out[k] = flags[k]! | (p ? out[p.index]! : 0);
  }
  return out;
}

/**
 * What is left out, as flags by index: FURNITURE (structural, then by name;
 * see the module comment) and METADATA (the article's byline and date rows,
 * photo figures), which meta.ts still reads. Flags are the elements' own;
 * `inherited` gives what lies under them.
 */
function leftOut(elements: readonly HtmlElement[], text: OwnText): Uint8Array {
  const n = elements.length;
  const flags = new Uint8Array(n);
  const inArticle = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const el = elements[k]!;
    const p = el.parent;
    if (p && (inArticle[p.index] || p.tag === 'article')) inArticle[k] = 1;
    const role = el.attrs['role']?.trim().toLowerCase();
    if (FURNITURE_TAGS.has(el.tag) || (role && FURNITURE_ROLES.has(role)) || isHidden(el) || (el.tag === 'header' && !inArticle[k])) flags[k] = FURNITURE;
  }
  const structural = inherited(elements, flags);
  const byStructure = new Figures(elements, text, (k) => structural[k] !== 0);
  const total = byStructure.chars[0]!;
  const hasMedia = new Uint8Array(n);
  for (let k = n - 1; k > 0; k--) {
    const el = elements[k]!;
    if (el.parent && (MEDIA.has(el.tag) || hasMedia[k])) hasMedia[el.parent.index] = 1;
  }
  for (let k = 1; k < n; k++) {
    const el = elements[k]!;
    if (flags[k] || el.tag === 'html' || el.tag === 'body') continue;
    const chars = byStructure.chars[k]!;
    const w = words(el);
    if (w.some((x) => FURNITURE_WORD.test(x)) && !(chars >= total * HEAVY_SHARE && w.some((x) => CONTENT_WORD.test(x)))) flags[k] = FURNITURE;
    else if (chars <= MAX_METADATA_ROW_CHARS && (w.some((x) => METADATA_WORD.test(x)) || el.attrs['rel'] === 'author' || (el.tag === 'time' && el.parent?.tag !== 'p'))) flags[k] = METADATA;
    else if (el.tag === 'figure' && hasMedia[k]) flags[k] = METADATA;
  }
  return flags;
}

/**
 * The densest block widened to the document it is a part of: to its highest
 * ancestor (below `<html>`) whose text besides the block is mostly prose
 * (MIN_SECTION_PROSE_SHARE of its characters in paragraphs that hold a
 * sentence or are long) and little link text (MAX_SECTION_LINK_SHARE). So a
 * book, a manual or a long report in sections keeps every section, with its
 * headings, not only its longest; a page whose other text is navigation,
 * lists of related links or short labels keeps the block alone. Lists of
 * links beside the blocks taken in (a table of contents, a "Next: …" bar)
 * are left out as furniture: `flags` is marked.
 */
function widened(block: HtmlElement, figures: Figures, flags: Uint8Array): HtmlElement {
  const b = block.index;
  let top = block;
  for (let p = block.parent; p && p.tag !== 'html'; p = p.parent) {
    const k = p.index;
    const chars = figures.chars[k]! - figures.chars[b]!;
    const links = figures.links[k]! - figures.links[b]!;
    const prose = figures.prose[k]! - figures.prose[b]!;
    if (links <= chars * MAX_SECTION_LINK_SHARE && prose >= chars * MIN_SECTION_PROSE_SHARE) top = p;
  }
  for (let child = block; child !== top && child.parent; child = child.parent) {
    for (const sibling of child.parent.children) {
      if (typeof sibling === 'string' || sibling === child) continue;
      const k = sibling.index;
      if (figures.chars[k]! > 0 && figures.links[k]! >= figures.chars[k]! * MAX_PARAGRAPH_LINK_SHARE) flags[k] = FURNITURE;
    }
  }
  return top;
}

/** The article of a parsed page, and its reading text. */
export function findArticle(doc: HtmlDocument): Article {
  const { root, elements } = doc;
  const n = elements.length;
  const text = ownText(elements);
  const flags = leftOut(elements, text);
  const skip = (el: HtmlElement): boolean => flags[el.index] !== 0;
  const under = inherited(elements, flags);
  const figures = new Figures(elements, text, (k) => under[k] !== 0);
  let pageChars = 0;
  for (let k = 0; k < n; k++) if (!TEXTLESS.has(elements[k]!.tag)) pageChars += text.chars[k]!;

  // The densest block: each paragraph's score to its parent, half to its grandparent.
  const scores = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const el = elements[k]!;
    if (!isBlock(el.tag) || figures.chars[k] === 0) continue;
    const score = figures.paragraphScore(k);
    if (!score) continue;
    // A <p> scores for the block around it; a container with text of its own scores for itself.
    const first = PARAGRAPH_TAGS.has(el.tag) ? el.parent : el;
    if (first) scores[first.index] = scores[first.index]! + score;
    const second = first?.parent;
    if (second) scores[second.index] = scores[second.index]! + score / 2;
  }
  let densest: HtmlElement | null = null;
  let best = 0;
  let article: HtmlElement | null = null;
  let articleScore = 0;
  for (let k = 0; k < n; k++) {
    const el = elements[k]!;
    const chars = figures.chars[k]!;
    const weighted = scores[k]! * (1 - (chars ? figures.links[k]! / chars : 0));
    if (weighted > best) [densest, best] = [el, weighted];
    const isArticle = el.tag === 'article' || /\barticleBody\b/.test(el.attrs['itemprop'] ?? '');
    if (isArticle && figures.paraScore[k]! > articleScore) [article, articleScore] = [el, figures.paraScore[k]!];
  }

  // Subtree ends (a subtree is a run of indices).
  const end = new Int32Array(n);
  for (let k = n - 1; k >= 0; k--) {
    end[k] = Math.max(end[k]!, k + 1);
    const p = elements[k]!.parent?.index;
    if (p !== undefined && end[k]! > end[p]!) end[p] = end[k]!;
  }

  const found = (element: HtmlElement, source: ArticleSource, text: string, skipped = skip): Article => {
    // What lies under furniture, as `flags` says once the article is chosen.
    const underFurniture = inherited(elements, flags.map((f) => f & FURNITURE));
    const from = element.index;
    const to = end[from]!;
    const contains = (el: HtmlElement): boolean => el.index >= from && el.index < to && !underFurniture[el.index];
    function* inside(): Generator<HtmlElement> {
      for (let k = from; k < to; k++) if (!(underFurniture[k]! & FURNITURE)) yield elements[k]!;
    }
    let h1: HtmlElement | undefined;
    for (const el of inside()) if (el.tag === 'h1') { h1 = el; break; }
    if (!h1) h1 = elements.find((el) => el.tag === 'h1' && !underFurniture[el.index]);
    const reason = (el: HtmlElement): string | null => (skipped(el) ? reasonOf(el, flags[el.index]!) : null);
    return { element, source, text, skip: skipped, reason, contains, elements: inside, pageChars, headline: h1 ? textOf(h1) || null : null };
  };
  const densestScore = densest ? figures.paraScore[densest.index]! : 0;
  const choice: Array<[HtmlElement | null, ArticleSource]> = [];
  if (article && articleScore >= densestScore * ARTICLE_MIN_SHARE) choice.push([article, 'article']);
  choice.push([densest, 'densest block']);
  for (const [candidate, source] of choice) {
    if (!candidate) continue;
    const el = source === 'densest block' ? widened(candidate, figures, flags) : candidate;
    const text = textOf(el, skip);
    if (text.length >= MIN_ARTICLE_CHARS) return found(el, el === candidate ? source : 'sections', text);
  }
  const page = textOf(root, skip);
  return page ? found(root, 'page', page) : found(root, 'page', textOf(root), () => false);
}
