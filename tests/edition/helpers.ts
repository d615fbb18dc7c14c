import { assembleCorpus } from '../../src/corpus/assemble.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { EDITION_BLOCK_ID } from '../../src/edition/format.ts';

/** Stands in for the built app: a hashed inline script that itself mentions the block's tag, and a style. */
export const APP_HTML = [
  '<!doctype html>',
  '<html lang="en"><head><meta charset="utf-8"><title>Refrain</title>',
  `<script type="module">const tag = '<script type="application/json" id="${EDITION_BLOCK_ID}">'; console.log(tag, '</body>')</script>`,
  '<style>body { color: black }</style>',
  '</head>',
  '<body>',
  '    <div id="app"></div>',
  '  ',
  '</body></html>',
].join('\n');

const file = (name: string, text: string) => ({ path: name, name, bytes: new TextEncoder().encode(text) });

export function corpusOf(texts: Record<string, string>): Corpus {
  return assembleCorpus(
    'Test set',
    Object.entries(texts).map(([name, text]) => file(name, text)),
  );
}

