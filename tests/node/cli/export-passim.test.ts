import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../temp-dirs.ts';

const ROOT = join(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function run(args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, 'src/node/cli/export-passim.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('export-passim', () => {
  it('writes the bundled corpus as passim input, one document per line', () => {
    const r = run([]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    for (const l of lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(['id', 'date', 'text']));
    expect(lines.filter((l) => l.series && l.title)).not.toHaveLength(0);
    expect(r.stderr).toBe('export-passim: 5 documents\n');
  }, 60_000);

  it('fails with one line for a bad path', () => {
    const r = run([join(tmpdir(), 'no-such-folder-for-refrain')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('writes a folder the user names, with the cleaned texts', () => {
    const dir = makeTempDir('refrain-export-passim-');
    writeFileSync(join(dir, 'a.txt'), 'The river council met on Tuesday   to discuss the new bridge.\n');
    writeFileSync(join(dir, 'b.md'), '---\ntitle: "Bridge plan"\ndate: 2021-03-04\n---\nResidents asked about the cost of the bridge.\n');
    const r = run([dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('export-passim: 2 documents\n');
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(lines[1]).toMatchObject({ title: 'Bridge plan', date: '2021-03-04', text: 'Residents asked about the cost of the bridge.' });
  }, 60_000);

  it('answers --help and an unknown option with the usage on stderr, exit 2, and writes nothing', () => {
    for (const args of [['--help'], ['--bogus']]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/usage: npm run --silent export-passim/);
    }
  }, 60_000);
});
