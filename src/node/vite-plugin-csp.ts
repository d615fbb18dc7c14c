/**
 * Adds a Content-Security-Policy <meta> to the built single file, with the
 * hashes of its inline script and style computed from the final HTML.
 * `connect-src 'none'` (and no other source anywhere) makes "no network
 * request" a rule the browser enforces, not a promise.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function contentSecurityPolicy(html: string): string {
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => sha256(m[1]!));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1]!));
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ') || "'none'"}`,
    // The analysis worker is inlined and started from a blob: URL.
    'worker-src blob:',
    `style-src-elem ${styles.join(' ') || "'none'"}`,
    // Style attributes cannot run code; Svelte sets a few (widths, positions).
    "style-src-attr 'unsafe-inline'",
    'img-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function cspPlugin(): Plugin {
  return {
    name: 'refrain-csp',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const asset of Object.values(bundle)) {
          if (asset.type !== 'asset' || !asset.fileName.endsWith('.html')) continue;
          const html = String(asset.source);
          const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html)}" />`;
          asset.source = html.replace(/<head>/i, `<head>\n    ${meta}`);
        }
      },
    },
  };
}
