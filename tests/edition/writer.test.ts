import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_BLOCK_ID, EDITION_BLOCK_ID, parseEdition } from '../../src/edition/format.ts';
import { editionFileName, makeEdition, scriptSafeJson, stripEdition, writeEdition } from '../../src/edition/writer.ts';
import { contentSecurityPolicy } from '../../src/node/vite-plugin-csp.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { APP_HTML, corpusOf } from './helpers.ts';

const HOSTILE = 'Before </script><script>window.__pwned = 1</script> and <!-- <script> hidden --> and \u2028 line \u2029 para & <b>bold</b> </SCRIPT > end.';

function edition(corpus: Corpus, extra: Partial<Parameters<typeof makeEdition>[0]> = {}) {
  return makeEdition({ title: 'Week 3: the shared future', introduction: 'Read the two reports.', opening: '#/phrases', corpus, teacher: null, analysis: null, madeAt: 1_700_000_000_000, ...extra });
}

/** The text of a data block, found as an HTML parser in script data state would: up to the first "</script". */
function blockText(html: string, id: string): string | null {
  const open = `<script type="application/json" id="${id}">`;
  const at = html.lastIndexOf(open);
  if (at < 0) return null;
  const start = at + open.length;
  return html.slice(start, html.toLowerCase().indexOf('</script', start));
}

describe('scriptSafeJson', () => {
  it('leaves no "<" (so no "</script" or "<!--") and parses back to the same value', () => {
    const value = { text: HOSTILE, more: ['<', '>', '&', '\u2028', '\u2029', '</script', '<!--'] };
    const safe = scriptSafeJson(JSON.stringify(value));
    expect(safe).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(safe)).toEqual(value);
  });

  it('holds for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), fc.string(), (a, b) => {
        const safe = scriptSafeJson(JSON.stringify({ a, b: `${b}</script><!--<script>` }));
        return !/[<>&\u2028\u2029]/.test(safe) && JSON.parse(safe).a === a;
      }),
    );
  });
});

describe('writeEdition', () => {
  const corpus = corpusOf({ 'a.txt': `${HOSTILE}\n\nA second paragraph about rivers.`, 'b.txt': 'Another text about rivers and bridges, long enough.' });

  it('puts the data block before </body> and changes nothing else', () => {
    const { edition: e } = edition(corpus);
    const html = writeEdition(APP_HTML, e);
    const text = blockText(html, EDITION_BLOCK_ID)!;
    const block = `<script type="application/json" id="${EDITION_BLOCK_ID}">${text}</script>`;
    expect(html.replace(block, '')).toBe(APP_HTML);
    expect(html.indexOf(block)).toBe(APP_HTML.lastIndexOf('</body>'));
  });

  it('keeps a hostile text inside the block: the parser sees one block, and reads it back unchanged', () => {
    const { edition: e } = edition(corpus);
    const html = writeEdition(APP_HTML, e);
    const text = blockText(html, EDITION_BLOCK_ID)!;
    expect(text).not.toContain('<');
    // Everything after the block is the document's end: nothing escaped from it.
    expect(html.slice(html.indexOf(text) + text.length)).toBe('</script></body></html>');
    const back = parseEdition(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.edition.corpus.documents.find((d) => d.meta.id === 'a')!.text).toContain('</script><script>window.__pwned = 1</script>');
    expect(back.edition).toEqual(JSON.parse(JSON.stringify(e)));
  });

  it('keeps the CSP hashes of the app: the inline script and style are byte for byte the same', () => {
    const { edition: e } = edition(corpus);
    const html = writeEdition(APP_HTML, e, JSON.stringify({ passages: [], families: [{ label: '</script>' }] }));
    const hashes = (h: string) => contentSecurityPolicy(h).match(/'sha256-[^']+'/g);
    const app = hashes(APP_HTML)!;
    // The policy the build wrote covers the app's script and style; the blocks only add hashes nobody needs (they never run).
    for (const h of app) expect(hashes(html)).toContain(h);
  });

  it('adds the analysis block after the data block, escaped the same way', () => {
    const { edition: e } = edition(corpus);
    const analysis = JSON.stringify({ passages: [], families: [{ label: 'a </script> b <!--' }] });
    const html = writeEdition(APP_HTML, e, analysis);
    const text = blockText(html, ANALYSIS_BLOCK_ID)!;
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(JSON.parse(analysis));
    expect(html.indexOf(ANALYSIS_BLOCK_ID)).toBeGreaterThan(html.lastIndexOf(`id="${EDITION_BLOCK_ID}"`));
  });

  it('replaces the blocks of an edition made from an edition, leaving one set', () => {
    const first = writeEdition(APP_HTML, edition(corpus).edition, '{"passages":[],"families":[]}');
    const second = writeEdition(first, edition(corpus, { title: 'Corrected' }).edition);
    expect(second.split(`id="${EDITION_BLOCK_ID}"`).length - 1).toBe(2); // the app script's mention, and the block
    expect(second).not.toContain(`id="${ANALYSIS_BLOCK_ID}"`);
    expect(stripEdition(second)).toBe(APP_HTML);
    expect(stripEdition(first)).toBe(APP_HTML);
    const back = parseEdition(blockText(second, EDITION_BLOCK_ID)!);
    expect(back.ok && back.edition.title).toBe('Corrected');
  });

  it('strips blocks the way a browser serialises them (whitespace before </body>)', () => {
    const html = writeEdition(APP_HTML, edition(corpus).edition).replace('</script></body>', '</script>\n\n</body>');
    expect(stripEdition(html)).toBe(APP_HTML);
  });

  it('does not mistake a mention of the tag in the app script for a block', () => {
    expect(stripEdition(APP_HTML)).toBe(APP_HTML);
  });

  it('refuses a page without </body></html>', () => {
    expect(() => writeEdition('<html><body>', edition(corpus).edition)).toThrow(/does not end with <\/body><\/html>/);
  });
});

describe('makeEdition', () => {
  const corpus = corpusOf({ 'a.txt': 'One text about rivers and their bridges.', 'b.txt': 'Two texts about rivers and their bridges.' });

  it('names the field at fault', () => {
    expect(() => edition(corpus, { title: '  ' })).toThrow('edition: the title is empty');
    expect(() => edition(corpus, { title: 'x'.repeat(201) })).toThrow(/title is 201 characters long/);
    expect(() => edition(corpus, { opening: 'family/x' })).toThrow(/opening view "family\/x" does not start with "#\/"/);
    expect(() => edition(corpus, { opening: '#/nowhere' })).toThrow(/not a view this app understands/);
  });

  it('keys the analysis to the corpus content and leaves out originals equal to the text', () => {
    const { edition: e } = edition(corpus, { analysis: { engine: 7, json: '{}' } });
    expect(e.analysis).toEqual({ engine: 7, corpus: corpus.id });
    const a = e.corpus.documents.find((d) => d.meta.id === 'a')!;
    expect(corpus.documents.find((d) => d.meta.id === 'a')!.original).toBe(a.text);
    expect('original' in a).toBe(false);
  });
});

describe('editionFileName', () => {
  it('is the title, safe on every disk', () => {
    expect(editionFileName('Week 3: “the shared future” / 2024')).toBe('Week-3-the-shared-future-2024.refrain.html');
    expect(editionFileName('???')).toBe('reading-set.refrain.html');
  });
});

