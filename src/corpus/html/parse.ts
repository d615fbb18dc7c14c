/**
 * HTML to a light element tree, in time linear in the input whatever it
 * holds. htmlparser2's `Tokenizer` (a streaming state machine; entities
 * decoded with the full HTML table of the `entities` package) reads the
 * bytes; the tree is built here rather than by htmlparser2's `Parser`,
 * whose open-element stack is an array it `unshift`s and searches
 * (`indexOf`) on every tag, quadratic on a hostile page of a million nested
 * `<div>`s or stray `</b>`s. Here the stack is pushed and popped at its end
 * and a count per tag name answers "is a <x> open?" in constant time, so
 * each element is opened and closed once.
 *
 * The tree approximates a browser's, which is all text extraction needs:
 * void elements, the implied closes of `<p>`, `<li>`, table cells and
 * friends, a `<head>` that ends at the first body content, and a close tag
 * that closes everything opened inside its element. Script, style and the
 * like are kept as empty elements: their text is never stored, except
 * JSON-LD, collected for the metadata. Nothing is interpreted, fetched or
 * run: it is a tokenizer and arrays.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

export interface HtmlElement {
  /** Position in document order (`HtmlDocument.elements`); the root is 0, an element's descendants follow it. */
  index: number;
  tag: string;
  /** Attribute names lower-cased; the first of a repeated attribute wins. */
  attrs: Record<string, string>;
  /** Text (entities decoded) and child elements, in order. */
  children: Array<HtmlElement | string>;
  parent: HtmlElement | null;
}

export interface HtmlDocument {
  root: HtmlElement;
  /** Every element in document order, `elements[el.index] === el`. */
  elements: HtmlElement[];
  /** The first `<title>`'s text, as written (whitespace not yet collapsed). */
  title: string | null;
  /** Every `<meta>`, with whether it stood in the head. */
  metas: Array<{ attrs: Record<string, string>; inHead: boolean; element: HtmlElement }>;
  /** The text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** Tokens read plus elements opened and closed: the work done, for tests that it grows linearly with the input. */
  steps: number;
}

/** Shared by every element without attributes (most of them): one object fewer each. */
const NO_ATTRS: Record<string, string> = Object.freeze(Object.create(null));

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose text is never part of the reading text: it is not even stored. */
export const TEXTLESS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'textarea', 'select', 'title', 'head', 'noembed', 'noframes', 'canvas', 'video', 'audio', 'map', 'button']);
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template']);
const CLOSES_P = ['address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul'];
/** Opening the key closes an open element on top of the stack whose name is in the set (the HTML spec's common cases). */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ...CLOSES_P.map((t): [string, Set<string>] => [t, new Set(['p'])]),
  ['li', new Set(['li', 'p'])],
  ['dt', new Set(['dt', 'dd', 'p'])],
  ['dd', new Set(['dt', 'dd', 'p'])],
  ['tr', new Set(['tr', 'td', 'th'])],
  ['td', new Set(['td', 'th'])],
  ['th', new Set(['td', 'th'])],
  ['thead', new Set(['tbody', 'tfoot', 'tr', 'td', 'th'])],
  ['tbody', new Set(['thead', 'tbody', 'tr', 'td', 'th'])],
  ['tfoot', new Set(['thead', 'tbody', 'tr', 'td', 'th'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
]);

class TreeBuilder implements TokenizerCallbacks {
  readonly root: HtmlElement = { index: 0, tag: '#document', attrs: NO_ATTRS, children: [], parent: null };
  readonly doc: HtmlDocument = { root: this.root, elements: [this.root], title: null, metas: [], jsonLd: [], steps: 0 };
  #stack: HtmlElement[] = [this.root];
  #open = new Map<string, number>();
  #tag = '';
  #attrs: Record<string, string> = NO_ATTRS;
  #attrName = '';
  #attrValue = '';
  #title: string | null = null;
  #jsonLd: string | null = null;
  /** Body content has begun: a `<meta>` from here on is not the head's. */
  #inBody = false;
  /** One <html>, <head> and <body> each, as in a browser. */
  #singletons = new Map<string, HtmlElement>();

  constructor(private readonly html: string) {}

  get #top(): HtmlElement {
    return this.#stack[this.#stack.length - 1] ?? this.root;
  }

  #push(el: HtmlElement): void {
    this.doc.steps++;
    this.#stack.push(el);
    this.#open.set(el.tag, (this.#open.get(el.tag) ?? 0) + 1);
  }

  #pop(): HtmlElement | undefined {
    if (this.#stack.length <= 1) return undefined;
    this.doc.steps++;
    const el = this.#stack.pop()!;
    this.#open.set(el.tag, (this.#open.get(el.tag) ?? 1) - 1);
    if (el.tag === 'title' && this.#title !== null && this.doc.title === null) this.doc.title = this.#title;
    if (el.tag === 'script' && this.#jsonLd !== null) {
      this.doc.jsonLd.push(this.#jsonLd);
      this.#jsonLd = null;
    }
    return el;
  }

  #isOpen(tag: string): boolean {
    return (this.#open.get(tag) ?? 0) > 0;
  }

  /** Body content closes an open `<head>` (a page may leave out `</head>` and `<body>`). */
  #leaveHead(): void {
    this.#inBody = true;
    if (this.#top.tag === 'head') this.#pop();
  }

  #openElement(tag: string, attrs: Record<string, string>): void {
    if (!HEAD_CONTENT.has(tag) && tag !== 'html' && tag !== 'head') this.#leaveHead();
    if (tag === 'html' || tag === 'body' || tag === 'head') {
      // A repeated one only adds the attributes the first did not have; a <head> after the body starts is ignored.
      const first = this.#singletons.get(tag);
      if (first) return void (first.attrs = { ...attrs, ...first.attrs });
      if (tag === 'head' && this.#singletons.has('body')) return;
    }
    const closes = IMPLIES_CLOSE.get(tag);
    if (closes) while (closes.has(this.#top.tag)) this.#pop();
    const el: HtmlElement = { index: this.doc.elements.length, tag, attrs, children: [], parent: this.#top };
    this.doc.elements.push(el);
    this.#top.children.push(el);
    if (tag === 'html' || tag === 'body' || tag === 'head') this.#singletons.set(tag, el);
    if (tag === 'meta') this.doc.metas.push({ attrs, inHead: this.#isOpen('head') || !this.#inBody, element: el });
    if (VOID.has(tag)) return;
    this.#push(el);
    if (tag === 'title' && this.doc.title === null) this.#title = '';
    if (tag === 'script' && /^\s*application\/ld\+json\s*$/i.test(attrs['type'] ?? '')) this.#jsonLd = '';
  }

  #closeElement(tag: string): void {
    if (tag === 'br') return void this.#openElement('br', NO_ATTRS);
    if (tag === 'html' || tag === 'body') return; // content after </body> is still the body's, as in a browser
    if (!this.#isOpen(tag)) return;
    while (this.#stack.length > 1 && this.#pop()?.tag !== tag);
  }

  #text(s: string): void {
    const top = this.#top;
    if (top.tag === 'title') {
      if (this.#title !== null) this.#title += s;
      return;
    }
    if (top.tag === 'script') {
      if (this.#jsonLd !== null) this.#jsonLd += s;
      return;
    }
    if (TEXTLESS.has(top.tag)) return;
    if (top.tag === 'head' || top.tag === 'html' || top.tag === '#document') {
      if (!/[^ \t\n\r\f]/.test(s)) return; // whitespace between tags; an NBSP is text
      this.#leaveHead();
    }
    const target = this.#top;
    const last = target.children.length - 1;
    if (typeof target.children[last] === 'string') target.children[last] += s;
    else target.children.push(s);
  }

  // Tokenizer callbacks (indices into the one buffer written).
  onopentagname(start: number, end: number): void {
    this.doc.steps++;
    this.#tag = this.html.slice(start, end).toLowerCase();
    this.#attrs = NO_ATTRS;
  }
  onattribname(start: number, end: number): void {
    this.doc.steps++;
    this.#attrName = this.html.slice(start, end).toLowerCase();
  }
  onattribdata(start: number, end: number): void {
    this.doc.steps++;
    this.#attrValue += this.html.slice(start, end);
  }
  onattribentity(codepoint: number): void {
    this.doc.steps++;
    this.#attrValue += String.fromCodePoint(codepoint);
  }
  onattribend(): void {
    this.doc.steps++;
    if (this.#attrs === NO_ATTRS) this.#attrs = Object.create(null);
    if (!(this.#attrName in this.#attrs)) this.#attrs[this.#attrName] = this.#attrValue;
    this.#attrValue = '';
  }
  onopentagend(): void {
    this.doc.steps++;
    this.#openElement(this.#tag, this.#attrs);
  }
  onselfclosingtag(): void {
    this.doc.steps++;
    // HTML ignores "/>" on anything but void and foreign elements (whose text is not kept anyway).
    this.#openElement(this.#tag, this.#attrs);
  }
  onclosetag(start: number, end: number): void {
    this.doc.steps++;
    this.#closeElement(this.html.slice(start, end).toLowerCase());
  }
  ontext(start: number, end: number): void {
    this.doc.steps++;
    this.#text(this.html.slice(start, end));
  }
  ontextentity(codepoint: number): void {
    this.doc.steps++;
    this.#text(String.fromCodePoint(codepoint));
  }
  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {
    while (this.#pop());
  }
}

/** The page as an element tree, its `<title>`, `<meta>`s and JSON-LD blocks. */
export function parseHtml(html: string): HtmlDocument {
  const builder = new TreeBuilder(html);
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, builder);
  tokenizer.write(html);
  tokenizer.end();
  return builder.doc;
}
