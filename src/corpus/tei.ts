/**
 * A TEI XML file (the Text Encoding Initiative's format, in which digital
 * editions and many humanities corpora are kept) to its reading text and
 * metadata, in one streaming pass (htmlparser2's tokenizer in XML mode:
 * linear in the input, nothing fetched or run).
 *
 * - The text is what `<text>` holds: its paragraphs, headings, verse lines
 *   and list items, each block a paragraph of its own, a verse line a line.
 *   Left out: the header, notes, page furniture (`<fw>`: running heads,
 *   page numbers, catchwords), deletions (`<del>`), and the side of a
 *   `<choice>` an editor did not choose (`<sic>`, `<orig>`, `<abbr>` give
 *   way to `<corr>`, `<reg>`, `<expan>`). A line or page break marked
 *   `break="no"` joins the word it splits.
 * - Metadata from `<teiHeader>`: the title (`type="main"` first), authors,
 *   the outlet (the journal or series a source was printed in, else its
 *   publisher), the date (of creation, else of the source, else of
 *   publication; `when` first) and the language (`xml:lang` of `<text>` or
 *   `<TEI>`, else `<language ident>`).
 *
 * - Entities: those the file's own DTD subset defines (`<!ENTITY council
 *   "the Council">`) are expanded, markup and all, up to 1M characters of
 *   replacement text beyond twice the file's length (a "billion laughs"
 *   file stays small); any other named one is read as the ISO character
 *   entity of that name where HTML names it so (`&eacute;`, `&mdash;`: the
 *   sets older TEI took from outside the file), the whole name matched
 *   (`&copyright;` is not "©right;").
 *
 * What it misses: an entity defined outside the file with a name that is
 * not an HTML character's stays as written (`&foo;`, ISO Greek's `&agr;`); `<app>` apparatus keeps
 * every reading; text in `<front>`/`<back>` (title pages, indexes) is kept
 * as text.
 */
import { decodeHTMLStrict } from 'entities';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { READABLE_FORMATS } from './document-kinds.ts';
import { FIELD_LIMITS, shorten } from './limits.ts';
import { LANGUAGE_PATTERN, dateFromTimestamp } from './metadata.ts';

export interface TeiReading {
  text: string;
  title: string | null;
  author: string | null;
  outlet: string | null;
  date: string | null;
  language: string | null;
}

/** Blocks of the text: each ends a paragraph. */
const BLOCKS = new Set(['p', 'head', 'div', 'div1', 'div2', 'div3', 'div4', 'lg', 'sp', 'list', 'item', 'ab', 'table', 'row', 'cell', 'castlist', 'castitem', 'opener', 'closer', 'salute', 'signed', 'dateline', 'byline', 'docauthor', 'doctitle', 'titlepart', 'titlepage', 'argument', 'epigraph', 'trailer', 'postscript', 'label', 'speaker', 'stage', 'floatingtext', 'body', 'front', 'back', 'group']);
/** Never read: their text is not the work's. */
const SKIPPED = new Set(['teiheader', 'note', 'fw', 'del', 'figdesc', 'interp', 'interpgrp', 'gap', 'surplus', 'metamark']);
/** In a `<choice>`, the side an editor did not choose. */
const UNCHOSEN = new Set(['sic', 'orig', 'abbr']);

/** Whether `raw` is a TEI document: its first element is `<TEI>` (or `<teiCorpus>`), after any declaration or comment. */
export function isTei(raw: string): boolean {
  const m = /^\uFEFF?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<([A-Za-z][\w:.-]*)/.exec(raw.slice(0, 20_000));
  return m !== null && /^(tei:)?(TEI|TEI\.2|teiCorpus)$/.test(m[1]!);
}

/** The first element name of `raw`, for a message about an XML file that is not TEI. */
export function rootName(raw: string): string | null {
  const m = /<([A-Za-z][\w:.-]*)/.exec(raw.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '').slice(0, 20_000));
  return m ? m[1]! : null;
}

interface Open {
  tag: string;
  attrs: Record<string, string>;
  /** Where its text starts in the header's text (`#header`). */
  from: number;
}

class TeiReader implements TokenizerCallbacks {
  readonly #xml: string;
  readonly #stack: Open[] = [];
  /** Open elements by name: "is a <x> open?" in constant time, so a deep or stray-tagged file stays linear. */
  readonly #openCount = new Map<string, number>();
  /** Open elements whose text is skipped (SKIPPED, or an unchosen side of a choice). */
  #skipping = 0;
  #inText = 0;
  #inHeader = 0;
  #tag = '';
  #attrs: Record<string, string> = {};
  #attrName = '';
  #attrValue = '';
  readonly #paragraphs: string[] = [];
  #block = '';
  /** The header's text so far; an element's is what was added while it was open. */
  #header = '';
  readonly #found = { mainTitle: null as string | null, title: null as string | null, authors: [] as string[], journal: null as string | null, publisher: null as string | null, creation: null as string | null, source: null as string | null, published: null as string | null, lang: null as string | null, ident: null as string | null };

  constructor(xml: string) {
    this.#xml = xml;
  }

  reading(): TeiReading {
    this.#flush();
    const f = this.#found;
    return {
      text: this.#paragraphs.join('\n\n'),
      title: f.mainTitle ?? f.title,
      author: f.authors.length ? f.authors.join(', ') : null,
      outlet: f.journal ?? f.publisher,
      date: f.creation ?? f.source ?? f.published,
      language: f.lang ?? f.ident,
    };
  }

  #has(tag: string): boolean {
    return (this.#openCount.get(tag) ?? 0) > 0;
  }

  #flush(): void {
    const p = this.#block.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/^\n+|\n+$/g, '').trim();
    if (p) this.#paragraphs.push(p);
    this.#block = '';
  }

  #open(tag: string, attrs: Record<string, string>, selfClosing: boolean): void {
    const name = tag.replace(/^tei:/, '').toLowerCase();
    if (name === 'tei' || name === 'text') {
      const lang = attrs['xml:lang'];
      if (lang && (name === 'text' || this.#found.lang === null)) this.#found.lang = lang;
    }
    if (name === 'language' && attrs['ident'] && this.#found.ident === null) this.#found.ident = attrs['ident'];
    if (name === 'date' && this.#inHeader && attrs['when']) this.#date(attrs['when']);
    if (this.#inText && !this.#skipping) {
      if (name === 'lb' || name === 'pb' || name === 'cb') {
        if (attrs['break'] !== 'no') this.#block += name === 'lb' ? '\n' : ' ';
      } else if (name === 'l') {
        if (this.#block && !this.#block.endsWith('\n')) this.#block += '\n';
      } else if (BLOCKS.has(name)) this.#flush();
    }
    if (selfClosing) return;
    const skipped = SKIPPED.has(name) || (UNCHOSEN.has(name) && this.#stack.at(-1)?.tag === 'choice');
    this.#stack.push({ tag: name, attrs, from: this.#header.length });
    this.#openCount.set(name, (this.#openCount.get(name) ?? 0) + 1);
    if (skipped && name !== 'teiheader') this.#skipping++;
    if (name === 'text') this.#inText++;
    if (name === 'teiheader') this.#inHeader++;
  }

  #close(tag: string): void {
    const name = tag.replace(/^tei:/, '').toLowerCase();
    if (!this.#has(name)) return; // a stray close tag
    for (;;) {
      const o = this.#stack.pop()!;
      this.#openCount.set(o.tag, this.#openCount.get(o.tag)! - 1);
      this.#closed(o);
      if (o.tag === name) break;
    }
  }

  #closed(o: Open): void {
    if ((SKIPPED.has(o.tag) && o.tag !== 'teiheader') || (UNCHOSEN.has(o.tag) && this.#stack.at(-1)?.tag === 'choice')) this.#skipping--;
    if (o.tag === 'text') this.#inText--;
    if (this.#inText && !this.#skipping && (BLOCKS.has(o.tag) || o.tag === 'l')) {
      if (o.tag === 'l') this.#block += '\n';
      else this.#flush();
    }
    if (this.#inHeader) this.#headerField(o);
    if (o.tag === 'teiheader') this.#inHeader--;
  }

  /** A header element's text, kept when its place names a field. */
  #headerField(o: Open): void {
    const text = this.#header.slice(o.from).replace(/\s+/g, ' ').trim();
    if (!text) return;
    const f = this.#found;
    const within = (tag: string) => this.#has(tag);
    if (o.tag === 'title' && within('titlestmt') && !within('sourcedesc')) {
      if (o.attrs['type'] === 'main' && f.mainTitle === null) f.mainTitle = text;
      else if (f.title === null && (o.attrs['type'] === undefined || o.attrs['type'] === 'main')) f.title = text;
    } else if (o.tag === 'author' && within('titlestmt') && !within('sourcedesc')) f.authors.push(text);
    else if (o.tag === 'title' && within('sourcedesc') && (o.attrs['level'] === 'j' || o.attrs['level'] === 's') && f.journal === null) f.journal = text;
    else if (o.tag === 'publisher' && within('sourcedesc') && f.publisher === null) f.publisher = text;
    else if (o.tag === 'date') this.#date(text);
  }

  /** A header date, by where it stands (creation, source, publication); the first of each. */
  #date(value: string): void {
    const f = this.#found;
    const v = value.trim();
    if (this.#has('creation')) f.creation ??= v;
    else if (this.#has('sourcedesc')) f.source ??= v;
    else if (this.#has('publicationstmt')) f.published ??= v;
  }

  #text(s: string): void {
    if (this.#inHeader) this.#header += s;
    else if (this.#inText && !this.#skipping) this.#block += s.replace(/\s+/g, ' ');
  }

  // Tokenizer callbacks.
  onopentagname(start: number, end: number): void {
    this.#tag = this.#xml.slice(start, end);
    this.#attrs = {};
  }
  onattribname(start: number, end: number): void {
    this.#attrName = this.#xml.slice(start, end);
  }
  onattribdata(start: number, end: number): void {
    this.#attrValue += this.#xml.slice(start, end);
  }
  onattribentity(codepoint: number): void {
    this.#attrValue += String.fromCodePoint(codepoint);
  }
  onattribend(): void {
    if (!(this.#attrName in this.#attrs)) this.#attrs[this.#attrName] = this.#attrValue;
    this.#attrValue = '';
  }
  onopentagend(): void {
    this.#open(this.#tag, this.#attrs, false);
  }
  onselfclosingtag(): void {
    this.#open(this.#tag, this.#attrs, true);
  }
  onclosetag(start: number, end: number): void {
    this.#close(this.#xml.slice(start, end));
  }
  ontext(start: number, end: number): void {
    this.#text(this.#xml.slice(start, end));
  }
  ontextentity(codepoint: number): void {
    this.#text(String.fromCodePoint(codepoint));
  }
  oncdata(start: number, end: number, endOffset: number): void {
    // `end` is past the section's closing "]]" (`endOffset` of them).
    this.#text(this.#xml.slice(start, end - endOffset));
  }
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}
}

type Fields = Partial<Record<'title' | 'outlet' | 'author' | 'date' | 'language', string>>;

/** The header's metadata as front-matter fields: a date read to the day it names, values shortened to the metadata limits. */
export function teiFields(t: TeiReading): Fields {
  const out: Fields = {};
  for (const k of ['title', 'outlet', 'author'] as const) if (t[k]) out[k] = shorten(t[k], FIELD_LIMITS[k]);
  const date = t.date ? dateFromTimestamp(t.date) : null;
  if (date) out.date = date;
  if (t.language && LANGUAGE_PATTERN.test(t.language)) out.language = t.language;
  return out;
}

/** The provenance sentence of a document read from a TEI file. */
export const teiProvenance = (path: string) => `Imported from the TEI file “${path}”: the text of its <text> (its header, notes, page furniture and deletions left out; editors' corrections, regularisations and expansions read).`;

/** Why an XML file that is not TEI is refused. */
export const notTei = (raw: string) => `is XML but not TEI (its first element is <${rootName(raw)?.slice(0, 40) ?? '?'}>); Refrain reads ${READABLE_FORMATS}`;

/** The reading text and header metadata of a TEI document (`isTei(raw)`). */
export function readTei(raw: string): TeiReading {
  const xml = expandEntities(raw);
  const reader = new TeiReader(xml);
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: true }, reader);
  tokenizer.write(xml);
  tokenizer.end();
  return reader.reading();
}

/** XML's own entities, which the tokenizer reads. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
/** Characters of replacement text the file's entities may add in all, beyond twice the file's length; past it they stay as written. */
const MAX_EXPANSION = 1 << 20;
/** Entities inside entities followed this deep. */
const MAX_DEPTH = 8;
/** The DOCTYPE and its internal subset, looked for near the top of the file. */
const DOCTYPE = /<!DOCTYPE[^>[]*(?:\[([\s\S]*?)\])?\s*>/;
const ENTITY_DECLARATION = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
/** A named entity reference, or a CDATA section (whose text is not markup). */
const REFERENCE_OR_CDATA = /<!\[CDATA\[[\s\S]*?\]\]>|&([A-Za-z_][\w.-]*);/g;

/**
 * `raw` with its named entities other than XML's own replaced: by the
 * replacement text its DTD subset gives them, else by the character HTML
 * names so, written as a character reference; unknown ones stay as written.
 */
function expandEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  const doctype = DOCTYPE.exec(raw.slice(0, 1_000_000));
  const defined = new Map<string, string>();
  for (const m of doctype?.[1]?.matchAll(ENTITY_DECLARATION) ?? []) if (!defined.has(m[1]!)) defined.set(m[1]!, m[2] ?? m[3]!);
  let budget = MAX_EXPANSION + 2 * raw.length;
  const expand = (s: string, depth: number): string =>
    s.replace(REFERENCE_OR_CDATA, (whole: string, name: string | undefined) => {
      if (name === undefined || XML_ENTITIES.has(name)) return whole;
      const value = defined.get(name);
      if (value !== undefined) {
        if (depth >= MAX_DEPTH || value.length > budget) return whole;
        budget -= value.length;
        return expand(value, depth + 1);
      }
      const character = decodeHTMLStrict(whole);
      return character === whole ? whole : Array.from(character, (c) => `&#${c.codePointAt(0)};`).join('');
    });
  const bodyStart = doctype ? doctype.index + doctype[0].length : 0;
  return raw.slice(0, bodyStart) + expand(raw.slice(bodyStart), 0);
}
