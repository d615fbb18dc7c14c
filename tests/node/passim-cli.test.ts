import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../temp-dirs.ts';
import { PHRASES, SLOGAN_DOCS, clusterRecord, documentsJsonl } from '../interop/fixture.ts';
import { jsonl } from '../interop/helpers.ts';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function run(script: string, args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, 'src/node/cli', script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** passim's output folder as Spark writes it: out.json/ with part files, _SUCCESS, .crc, and tmp/. */
function passimOutput(records: unknown[], { gzip = false } = {}): { dir: string; corpus: string } {
  const dir = makeTempDir('refrain-passim-');
  const corpus = join(dir, 'corpus.jsonl');
  writeFileSync(corpus, documentsJsonl());
  mkdirSync(join(dir, 'out', 'out.json'), { recursive: true });
  mkdirSync(join(dir, 'out', 'tmp', 'df.parquet'), { recursive: true });
  const half = Math.ceil(records.length / 2);
  const part = (name: string, rs: unknown[]) => (gzip ? writeFileSync(join(dir, 'out', 'out.json', `${name}.json.gz`), gzipSync(jsonl(rs))) : writeFileSync(join(dir, 'out', 'out.json', `${name}.json`), jsonl(rs)));
  part('part-00000-x', records.slice(0, half));
  part('part-00001-x', records.slice(half));
  writeFileSync(join(dir, 'out', 'out.json', '_SUCCESS'), '');
  writeFileSync(join(dir, 'out', 'out.json', '.part-00000-x.json.crc'), 'crc');
  return { dir, corpus };
}

describe('analyze --passim', () => {
  it("prints analyze's JSON contract from passim's output folder (gzipped parts too), marked as computed by passim", () => {
    const { dir, corpus } = passimOutput(['a', 'b', 'c'].map((id) => clusterRecord(id, 1)), { gzip: true });
    const r = run('analyze.ts', ['--json', '--passim', corpus, join(dir, 'out'), '--parameters', 'passim corpus.jsonl out']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['documents', 'passages', 'families', 'computedBy']);
    expect(out.documents.map((d: { id: string }) => d.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(out.families).toHaveLength(1);
    const text = new Map<string, string>(SLOGAN_DOCS.map((d) => [d.id, d.text]));
    for (const m of out.families[0].members) expect(text.get(m.doc)!.slice(m.start, m.end)).toBe(PHRASES[m.doc]);
    expect(out.computedBy).toMatchObject({ tool: 'passim', results: ['cluster'], parameters: 'passim corpus.jsonl out' });
  }, 60_000);

  it('warns about malformed lines by file and line, applies a selection, and still exits 0', () => {
    const { dir, corpus } = passimOutput(['a', 'b', 'c'].map((id) => clusterRecord(id, 1)));
    writeFileSync(join(dir, 'out', 'out.json', 'part-00002-x.json'), `{broken\n${JSON.stringify(clusterRecord('c', 2))}\n`);
    const r = run('analyze.ts', ['--passim', corpus, join(dir, 'out'), '--series', 'Daily A']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/part-00002-x\.json:1: not valid JSON/);
    expect(r.stderr).toMatch(/selection: 2 of 4 documents kept/);
    expect(r.stdout).toMatch(/^2 documents, 1 passage pair, 1 family \(0 marked boilerplate[^)]*\)\ncomputed by passim/);
  }, 60_000);

  it('refuses token offsets in one line, exit 1', () => {
    const { dir, corpus } = passimOutput(['a', 'b', 'c'].map((id) => clusterRecord(id, 1, { begin: 3, end: 11 })));
    const r = run('analyze.ts', ['--json', '--passim', corpus, join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/do not match the texts/);
  }, 60_000);
});
