import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspPlugin } from '../../src/node/vite-plugin-csp.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

const HTML = '<!doctype html><html><head><script type="module">start("é")</script><style>body{}</style><STYLE media="print">p{}</STYLE></head><body></body></html>';

describe('contentSecurityPolicy', () => {
  it('allows exactly the inline script and styles of the page, by hash, and no network', () => {
    const d = directives(contentSecurityPolicy(HTML));
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual([hash('start("é")')]);
    expect(d.get('style-src-elem')).toEqual([hash('body{}'), hash('p{}')]);
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('worker-src')).toEqual(['blob:']);
    expect([...d.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it('allows no script at all on a page without one', () => {
    const d = directives(contentSecurityPolicy('<html><head></head><body>text</body></html>'));
    expect(d.get('script-src')).toEqual(["'none'"]);
    expect(d.get('style-src-elem')).toEqual(["'none'"]);
  });

  it('changes when a script changes (a tampered file does not run)', () => {
    expect(contentSecurityPolicy(HTML)).not.toBe(contentSecurityPolicy(HTML.replace('start', 'evil')));
  });
});

describe('cspPlugin', () => {
  type Asset = { type: 'asset' | 'chunk'; fileName: string; source?: string };
  const generate = (bundle: Record<string, Asset>) => {
    const hook = cspPlugin().generateBundle as unknown as { handler: (options: unknown, bundle: Record<string, Asset>) => void };
    hook.handler({}, bundle);
    return bundle;
  };

  it('puts the policy of the final HTML first in its head, and leaves other files alone', () => {
    const out = generate({ 'index.html': { type: 'asset', fileName: 'index.html', source: HTML }, 'a.js': { type: 'asset', fileName: 'a.js', source: '<head>' } });
    expect(out['index.html']!.source).toBe(HTML.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(HTML)}" />`));
    expect(out['a.js']!.source).toBe('<head>');
  });

  it('runs for the build only, after the other plugins', () => {
    expect(cspPlugin()).toMatchObject({ apply: 'build', enforce: 'post' });
  });
});
