import { describe, expect, it } from 'vitest';
import { ANALYSIS_BLOCK_ID, EDITION_BLOCK_ID } from '../../src/edition/format.ts';
import { takeEditionFromPage } from '../../src/edition/page.ts';
import { makeEdition, scriptSafeJson } from '../../src/edition/writer.ts';
import { corpusOf } from './helpers.ts';

/**
 * The few DOM calls takeEditionFromPage makes, over a flat list of elements
 * (unit tests run in Node; the built page is covered by tests/e2e/edition.test.ts).
 */
class FakeElement {
  constructor(
    readonly tagName: string,
    readonly attrs: Record<string, string>,
    readonly textContent = '',
    readonly list: FakeElement[],
  ) {}
  getAttribute(name: string): string | null {
    return this.attrs[name] ?? null;
  }
  remove(): void {
    this.list.splice(this.list.indexOf(this), 1);
  }
  get outerHTML(): string {
    const attrs = Object.entries(this.attrs).map(([k, v]) => ` ${k}="${v}"`).join('');
    const tag = this.tagName.toLowerCase();
    return `<${tag}${attrs}>${this.textContent}</${tag}>`;
  }
}

function fakeDocument(elements: Array<[string, Record<string, string>, string?]>): Document {
  const list: FakeElement[] = [];
  for (const [tag, attrs, text] of elements) list.push(new FakeElement(tag.toUpperCase(), attrs, text ?? '', list));
  const external = (e: FakeElement) =>
    (e.tagName === 'SCRIPT' && 'src' in e.attrs) || (e.tagName === 'LINK' && (/(^|\s)stylesheet(\s|$)/.test(e.attrs['rel'] ?? '') ? 'href' in e.attrs : e.attrs['rel'] === 'modulepreload'));
  const doc = {
    getElementById: (id: string) => list.find((e) => e.attrs['id'] === id) ?? null,
    querySelector: (selector: string) => {
      expect(selector).toBe('script[src], link[rel~="stylesheet"][href], link[rel="modulepreload"]');
      return list.find(external) ?? null;
    },
    documentElement: {
      get outerHTML() {
        return `<html>${list.map((e) => e.outerHTML).join('')}</html>`;
      },
    },
  };
  return doc as unknown as Document;
}

const APP: Array<[string, Record<string, string>, string?]> = [
  ['script', { type: 'module' }, 'start()'],
  ['style', {}, 'body { color: black }'],
  ['div', { id: 'app' }],
];
const { edition } = makeEdition({ title: 'Bridges', introduction: 'Read both.', opening: null, corpus: corpusOf({ 'a.txt': 'A text about rivers and bridges.' }), teacher: null, analysis: null, madeAt: 1 });
const block = (id: string, text: string): [string, Record<string, string>, string] => ['script', { type: 'application/json', id }, text];

describe('takeEditionFromPage', () => {
  it('keeps the app as it is when the page carries no edition', () => {
    const page = takeEditionFromPage(fakeDocument(APP));
    expect(page).toEqual({
      appHtml: '<!doctype html>\n<html><script type="module">start()</script><style>body { color: black }</style><div id="app"></div></html>',
      notSelfContained: null,
      edition: null,
      analysis: null,
      error: null,
    });
  });

  it('reads the edition and analysis blocks and takes them out of the copy it keeps', () => {
    const analysis = '{"passages":[],"families":[]}';
    const withBlocks = takeEditionFromPage(fakeDocument([...APP, block(EDITION_BLOCK_ID, scriptSafeJson(JSON.stringify(edition))), block(ANALYSIS_BLOCK_ID, analysis)]));
    expect(withBlocks.error).toBeNull();
    expect(withBlocks.edition).toEqual(edition);
    expect(withBlocks.analysis).toBe(analysis);
    expect(withBlocks.appHtml).toBe(takeEditionFromPage(fakeDocument(APP)).appHtml);
  });

  it('says what is wrong with a block it cannot read, and still takes it out', () => {
    const page = takeEditionFromPage(fakeDocument([...APP, block(EDITION_BLOCK_ID, '{"title": ')]));
    expect(page.edition).toBeNull();
    expect(page.error).toMatch(/\S/);
    expect(page.appHtml).not.toContain(EDITION_BLOCK_ID);
  });

  it('reads only a JSON script element with the block id', () => {
    const page = takeEditionFromPage(fakeDocument([...APP, ['div', { id: EDITION_BLOCK_ID, type: 'application/json' }, JSON.stringify(edition)]]));
    expect(page.edition).toBeNull();
    expect(page.error).toBeNull();
    expect(page.appHtml).toContain(EDITION_BLOCK_ID);
  });

  it('keeps no copy of a page that loads its code from separate files (the development server), and says why', () => {
    for (const external of [
      ['script', { type: 'module', src: '/src/main.ts' }],
      ['link', { rel: 'stylesheet', href: '/theme.css' }],
      ['link', { rel: 'modulepreload', href: '/chunk.js' }],
    ] as Array<[string, Record<string, string>]>) {
      const page = takeEditionFromPage(fakeDocument([...APP, external, block(EDITION_BLOCK_ID, scriptSafeJson(JSON.stringify(edition)))]));
      expect(page.appHtml).toBeNull();
      expect(page.notSelfContained).toMatch(/npm run build/);
      // The edition is still read: the development server can open a file's data.
      expect(page.edition).toEqual(edition);
    }
  });
});
