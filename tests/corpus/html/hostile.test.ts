/**
 * Issue #14, item 6: the regular-expression converter was quadratic on an
 * unclosed `<!--` or `<script>` (a 4.9 MB file did not finish in 160 s; the
 * CLI died with "Maximum call stack size exceeded"). Every hostile shape
 * here is 4.9 MB, inside the 5 MB file limit, and must be read with work
 * that grows linearly: the tree builder's steps stay within the input's
 * length. (Time per size is in the bench: `npm run bench -- --only=import`.)
 */
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/corpus/html/parse.ts';
import { readHtml } from '../../../src/corpus/html/index.ts';
import { importItem } from '../../../src/importer/read.ts';
import { MAX_FILE_BYTES } from '../../../src/importer/limits.ts';

const SIZE = 4.9 * 1024 * 1024;
const fill = (unit: string, size = SIZE) => unit.repeat(Math.floor(size / unit.length));

export const HOSTILE: Array<[string, string]> = [
  ['unclosed <!-- openers', `<p>Kept before.</p>${fill('<!-- note ')}`],
  ['unclosed <script> openers', `<p>Kept before.</p>${fill('<script> var x ')}`],
  ['lone less-than signs', `<p>Kept before.</p>${fill('a < b and ')}`],
  ['a million nested <div>s', `<p>Kept before.</p>${fill('<div>')}`],
  ['nested <div>s and stray end tags', `<p>Kept before.</p>${fill('<div>', SIZE / 2)}${fill('</b>', SIZE / 2)}`],
  ['an unclosed <title>', `<title>${fill('word ')}`],
  ['attributes without end', `<p>Kept before.</p><p ${fill('a=1 ')}`],
  ['entity-like runs', `<p>Kept before.</p><p>${fill('&ampx&#99999999999999999999&#x;')}`],
  ['<pre> of spaces', `<p>Kept before.</p><pre>${fill(' ')}x</pre>`],
  ['nested byline elements', `${fill('<div class="byline">', SIZE - 100)}<p>Kept before.</p>`],
];

describe('hostile HTML is read in linear work', () => {
  for (const [name, html] of HOSTILE) {
    it(`${name} (${(html.length / 1024 / 1024).toFixed(1)} MB)`, () => {
      expect(new TextEncoder().encode(html).length).toBeLessThanOrEqual(MAX_FILE_BYTES);
      expect(parseHtml(html).steps).toBeLessThanOrEqual(html.length);
      const r = readHtml(html);
      if (name !== 'an unclosed <title>') expect(r.text).toContain('Kept before.');
      if (!name.startsWith('unclosed')) return;
      // The two shapes the issue reproduced, through the whole import (cleaning included).
      const o = importItem({ kind: 'file', path: 'hostile.html', name: 'hostile.html', bytes: new TextEncoder().encode(html) }, new Set());
      if (o.ok) expect(o.doc.meta.title?.length ?? 0).toBeLessThanOrEqual(300);
      else expect(o.reason).toMatch(/no text/);
    }, 120_000);
  }
});
