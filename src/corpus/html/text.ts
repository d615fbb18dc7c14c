/**
 * An element's reading text, as a browser's `innerText` would lay it out:
 * whitespace collapsed, blocks separated by a blank line, `<br>` a line
 * break, table cells by a space, `<pre>` kept as written. Iterative (no
 * recursion) and linear: no regular expression here can backtrack over a
 * long run.
 */
import { TEXTLESS, type HtmlElement } from './parse.ts';

/** Elements that start and end a paragraph. */
export const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
const CELL = new Set(['td', 'th']);
const ASCII_WS = /[ \t\n\r\f]+/g;

/** Removes ASCII spaces and tabs at both ends (NBSP and other spaces are the cleaner's to judge). */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s.charCodeAt(a) === 32 || s.charCodeAt(a) === 9)) a++;
  while (b > a && (s.charCodeAt(b - 1) === 32 || s.charCodeAt(b - 1) === 9)) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

class TextWriter {
  #parts: string[] = [];
  /** Nothing written on the current line yet. */
  #lineEmpty = true;
  #space = false;
  /** Line breaks owed before the next text: 1 a line, 2 a paragraph. */
  #breaks = 0;

  text(raw: string, pre: boolean): void {
    if (pre) {
      if (!raw) return;
      this.#flush();
      this.#parts.push(raw);
      this.#lineEmpty = raw.endsWith('\n');
      return;
    }
    const s = raw.replace(ASCII_WS, ' ');
    if (s === '' || s === ' ') {
      if (s && !this.#lineEmpty) this.#space = true;
      return;
    }
    const lead = s.charCodeAt(0) === 32;
    const trail = s.charCodeAt(s.length - 1) === 32;
    if (lead && !this.#lineEmpty) this.#space = true;
    this.#flush();
    this.#parts.push(s.slice(lead ? 1 : 0, trail ? s.length - 1 : s.length));
    this.#lineEmpty = false;
    this.#space = trail;
  }

  block(): void {
    this.#space = false;
    if (this.#parts.length) this.#breaks = 2;
  }

  lineBreak(): void {
    this.#space = false;
    if (this.#breaks >= 2) return;
    if (this.#breaks === 1 || !this.#lineEmpty) this.#breaks += 1;
    else if (this.#parts.length) this.#breaks = 1;
    this.#lineEmpty = true;
  }

  cell(): void {
    if (!this.#lineEmpty) this.#space = true;
  }

  #flush(): void {
    if (this.#breaks && this.#parts.length) this.#parts.push(this.#breaks >= 2 ? '\n\n' : '\n');
    else if (this.#space && !this.#lineEmpty) this.#parts.push(' ');
    if (this.#breaks) this.#lineEmpty = true;
    this.#breaks = 0;
    this.#space = false;
  }

  toString(): string {
    // Lines trimmed, at most one blank line in a row, none at either end.
    const out: string[] = [];
    let blank = 0;
    for (const line of this.#parts.join('').split('\n')) {
      const t = trimSpaces(line);
      if (!t) {
        blank++;
        continue;
      }
      if (out.length) out.push(blank ? '\n\n' : '\n');
      out.push(t);
      blank = 0;
    }
    return out.join('');
  }
}

/** A stretch of the page's text: the article's (`leftOut` null) or left out of it, and why. */
export interface TextRun {
  text: string;
  leftOut: string | null;
}

/** What `part` says of an element whose text is not written at all (it still separates what stands around it). */
export const OMIT: unique symbol = Symbol('omit');

/**
 * The text of `root` in runs: `part(el)` says where a part of the page
 * starts, with the reason it is left out of the article (null: the
 * article's; undefined: the same as around it; OMIT: not written). A run
 * ends where the part changes, as a block would: runs joined by a blank
 * line are the text a single part would give. Neighbouring runs of one part
 * are one run. Textless elements are left out.
 */
export function textRuns(root: HtmlElement, part: (el: HtmlElement) => string | null | undefined | typeof OMIT): TextRun[] {
  const runs: TextRun[] = [];
  const first = part(root);
  let label: string | null = first === undefined || first === OMIT ? null : first;
  let w = new TextWriter();
  const close = (): void => {
    const text = w.toString();
    w = new TextWriter();
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.leftOut === label) last.text += `\n\n${text}`;
    else runs.push({ text, leftOut: label });
  };
  // Work items: a node to visit, or the end of a block / a <pre> / a part (with the part around it).
  type Item = HtmlElement | string | { end: HtmlElement; outer?: string | null };
  const stack: Item[] = [root];
  let pre = 0;
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      w.text(item, pre > 0);
      continue;
    }
    if ('end' in item) {
      if (item.end.tag === 'pre') pre--;
      if (BLOCK.has(item.end.tag)) w.block();
      if (item.outer !== undefined) {
        close();
        label = item.outer;
      }
      continue;
    }
    const el = item;
    if (el.tag === 'br') {
      w.lineBreak();
      continue;
    }
    const p = el === root ? undefined : part(el);
    if (el !== root && (TEXTLESS.has(el.tag) || p === OMIT)) {
      w.block();
      continue;
    }
    const end: { end: HtmlElement; outer?: string | null } = { end: el };
    if (p !== undefined && p !== OMIT && p !== label) {
      close();
      end.outer = label;
      label = p;
    }
    if (BLOCK.has(el.tag)) w.block();
    else if (CELL.has(el.tag)) w.cell();
    if (el.tag === 'pre') pre++;
    stack.push(end);
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  close();
  return runs;
}

/**
 * The text of `root`, leaving out textless elements and those `skip` says
 * are not reading text (they still separate what stands around them).
 */
export function textOf(root: HtmlElement, skip?: (el: HtmlElement) => boolean): string {
  const runs = textRuns(root, skip ? (el) => (skip(el) ? OMIT : undefined) : () => undefined);
  return runs.length ? runs[0]!.text : '';
}
