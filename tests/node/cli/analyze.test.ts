import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../temp-dirs.ts';

const ROOT = join(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/node/cli/analyze.ts');

function run(args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('analyze CLI', () => {
  it('prints one JSON object for the bundled seeds', () => {
    const r = run(['--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['documents', 'passages', 'families']);
    expect(out.documents).toHaveLength(5);
    const texts = new Map<string, string>(out.documents.map((d: { id: string; text: string }) => [d.id, d.text]));
    for (const p of out.passages) {
      expect(texts.get(p.a.doc)!.length).toBeGreaterThanOrEqual(p.a.end);
      expect(typeof p.score).toBe('number');
      // The contract grows: significance and scope on every passage.
      expect(p.expectedByChance).toBeLessThanOrEqual(1);
      expect(p.scope).toBe(p.a.doc === p.b.doc ? 'internal' : 'between');
    }
    for (const f of out.families) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['label', 'core', 'kind', 'boilerplate', 'contains', 'partOf', 'members', 'variants']));
      // Every label stands as written in one of its members.
      expect(f.members.some((m: { doc: string; start: number; end: number }) => texts.get(m.doc)!.slice(m.start, m.end).replace(/\s+/g, ' ').includes(f.label))).toBe(true);
    }
    const slogan = out.families.find((f: { label: string }) => /community .*future in cyberspace/.test(f.label));
    expect(slogan).toBeDefined();
    expect(new Set(slogan.members.map((m: { doc: string }) => m.doc)).size).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('prints a readable report with word diffs', () => {
    const r = run([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('FAMILIES');
    expect(r.stdout).toMatch(/^5 documents, \d+ passage pairs, \d+ families \(\d+ marked boilerplate/);
    expect(r.stdout).toMatch(/expected by chance: (1 in [\d,]+|less than 1 in a billion)/);
    expect(r.stdout).toMatch(/\{\+.+\+\}|\[-.+-\]/);
  }, 60_000);

  it('fails with one line and no stack for bad input', () => {
    const dir = makeTempDir('refrain-cli-');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0, 159, 146, 150, 0, 255, 1, 2]));
    for (const args of [[join(dir, 'missing.txt')], [empty], [binary], ['--bogus']]) {
      const r = run(args);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      // The file and why, then (when nothing could be read) that nothing was.
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(r.stderr).not.toMatch(/\n\s+at |ENOENT/);
    }
  }, 60_000);

  it('explains itself on --help, on standard output, one option a line', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const option of ['--json', '--boilerplate', '--strict', '--passim', '--textpair']) expect(r.stdout).toMatch(new RegExp(`^\\s+.*${option}`, 'm'));
  }, 60_000);
});

describe('analyze CLI: one bad file never stops the rest (issue #14, item 10 and "One bad file")', () => {
  it('skips a named pipe, a dangling link and a binary file with one warning each, exits 0; --strict exits 1', () => {
    const dir = makeTempDir('refrain-cli-mixed-');
    const prose = 'The river council met on Tuesday to discuss the new bridge. Residents asked about the cost and the timetable for the works.';
    writeFileSync(join(dir, 'a-good.txt'), `${prose}\n`);
    writeFileSync(join(dir, 'b-good.md'), `---\ntitle: "Bridge: the plan"\n---\n${prose} More.\n`);
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 159, 146, 150, 0, 255, 1, 2]));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
    const r = run(['--json', dir]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).documents.map((d: { title: string }) => d.title)).toEqual(['a good', 'Bridge: the plan']);
    const warnings = r.stderr.trim().split('\n');
    expect(warnings).toHaveLength(3);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^analyze: skipped .*binary\.txt: .*binary/),
        `analyze: skipped ${join(dir, 'pipe.txt')}: is a named pipe, not a regular file`,
        `analyze: skipped ${join(dir, 'dangling.txt')}: is a link to ${JSON.stringify(join(dir, 'gone.txt'))}, which does not exist`,
      ]),
    );
    const strict = run(['--strict', dir]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toMatch(/--strict: 3 files could not be read/);
  }, 120_000);
});

describe('analyze CLI on hostile HTML (issue #14, item 6)', () => {
  it('reads a 4.9 MB page with an unclosed <!-- and one with unclosed <script>s without exhausting the stack', () => {
    const dir = makeTempDir('refrain-cli-html-');
    const fill = (unit: string) => unit.repeat(Math.floor((4.9 * 1024 * 1024) / unit.length));
    writeFileSync(join(dir, 'comment.html'), `<p>The first page keeps this sentence before its comment.</p>${fill('<!-- note ')}`);
    writeFileSync(join(dir, 'script.html'), `<p>The second page keeps this sentence before its scripts.</p>${fill('<script> var x ')}`);
    const r = run(['--json', dir]);
    expect(r.stderr).not.toMatch(/Maximum call stack/);
    expect(r.code).toBe(0);
    const texts = JSON.parse(r.stdout).documents.map((d: { text: string }) => d.text);
    expect(texts).toEqual(['The first page keeps this sentence before its comment.', 'The second page keeps this sentence before its scripts.']);
  }, 120_000);
});
