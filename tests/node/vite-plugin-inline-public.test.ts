import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../temp-dirs.ts';
import { inlinePublic } from '../../src/node/vite-plugin-inline-public.ts';

describe('inlinePublic', () => {
  const dir = makeTempDir('refrain-public-');
  writeFileSync(join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

  it('replaces a root-relative link to public/ with a data: URL of the file', () => {
    const html = inlinePublic('<link rel="icon" type="image/svg+xml" href="/icon.svg" />', dir);
    const url = /href="([^"]+)"/.exec(html)![1]!;
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString()).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  it('leaves data: and relative links alone, and names a file type it cannot inline', () => {
    expect(inlinePublic('<link rel="icon" href="data:," />', dir)).toBe('<link rel="icon" href="data:," />');
    expect(() => inlinePublic('<link rel="manifest" href="/app.webmanifest" />', dir)).toThrow(/public\/app\.webmanifest/);
  });

  it('the repository’s index.html links an icon that exists in public/', () => {
    const html = inlinePublic('<link rel="icon" href="/icon.svg" />', join(import.meta.dirname, '../../public'));
    expect(html).toMatch(/href="data:image\/svg\+xml;base64,/);
  });
});
