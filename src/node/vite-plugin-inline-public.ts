/**
 * Inlines the static assets index.html names from `public/` (the icon) as
 * data: URLs in the built file. The single file has no neighbours to load,
 * and its Content-Security-Policy allows images only from data: (`img-src
 * data:`), so `<link rel="icon" href="/icon.svg">` would be refused and
 * logged. In development Vite serves `public/` as it is.
 */
import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

/** `href="/name.ext"` (a root-relative path into public/) in a <link> tag. */
const LINK_HREF = /(<link\b[^>]*\bhref=")\/([\w.-]+)(")/gi;

export function inlinePublic(html: string, publicDir: string): string {
  return html.replace(LINK_HREF, (_all, before: string, name: string, after: string) => {
    const type = TYPES[extname(name).toLowerCase()];
    if (!type) throw new Error(`refrain-inline-public: no data: type for public/${name} (known: ${Object.keys(TYPES).join(', ')})`);
    const bytes = readFileSync(join(publicDir, name));
    return `${before}data:${type};base64,${bytes.toString('base64')}${after}`;
  });
}

export function inlinePublicPlugin(): Plugin {
  let publicDir = resolve('public');
  return {
    name: 'refrain-inline-public',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir || publicDir;
    },
    transformIndexHtml: { order: 'pre', handler: (html) => inlinePublic(html, publicDir) },
  };
}
