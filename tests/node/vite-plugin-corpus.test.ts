import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../temp-dirs.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { corpusPlugin } from '../../src/node/vite-plugin-corpus.ts';

type Hook = (this: unknown, ...args: unknown[]) => unknown;

/** Calls the plugin's hooks as Vite would, with a context that records watched files and errors. */
async function loadThrough(dir: string, root: string) {
  const plugin = corpusPlugin({ dir, name: 'Test corpus' });
  (plugin.configResolved as Hook).call({}, { root });
  const id = (plugin.resolveId as Hook).call({}, 'virtual:refrain-corpus', undefined, {}) as string;
  const watched: string[] = [];
  const context = {
    addWatchFile: (f: string) => watched.push(f),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  const code = (await (plugin.load as Hook).call(context, id)) as string;
  return { plugin, id, code, watched };
}

/** The module's default export, evaluated as the bundle would. */
const corpusOf = (code: string): Corpus => new Function(code.replace('export default', 'return'))() as Corpus;

describe('corpusPlugin', () => {
  it('resolves only its virtual module', async () => {
    const plugin = corpusPlugin({ dir: 'seeds', name: 'x' });
    expect((plugin.resolveId as Hook).call({}, 'svelte', undefined, {})).toBeUndefined();
    await expect((plugin.load as Hook).call({}, 'other.ts')).resolves.toBeUndefined();
  });

  it('bundles the cleaned corpus of the folder, relative to the project root, and watches its files', async () => {
    const dir = makeTempDir('refrain-corpus-plugin-');
    writeFileSync(join(dir, 'a.txt'), 'The river council met on Tuesday to discuss the new bridge.\n');
    writeFileSync(join(dir, 'b.txt'), 'A text that says </script><script>alert(1)</script> in the middle.\n');
    const { code, watched } = await loadThrough(basename(dir), dirname(dir));
    // A text cannot close the inline script the module ends up in.
    expect(code).not.toContain('</script');
    const corpus = corpusOf(code);
    expect(corpus.name).toBe('Test corpus');
    expect(corpus.documents.map((d) => d.meta.id)).toEqual(['a', 'b']);
    expect(corpus.documents[1]!.text).toContain('</script><script>alert(1)</script>');
    expect(watched).toEqual(expect.arrayContaining([join(dir, 'a.txt'), join(dir, 'b.txt')]));
  });

  it('fails the build with a message naming the problem when the folder cannot be read', async () => {
    const root = makeTempDir('refrain-corpus-plugin-');
    await expect(loadThrough('missing', root)).rejects.toThrow(/^Corpus error in .*missing/);
  });
});
