import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../temp-dirs.ts';
import { describeComputedBy, importFromPaths, takeImportArgs } from '../../../src/node/cli/import-results.ts';
import { clusterRecord, documentsJsonl, PHRASES } from '../../interop/fixture.ts';
import { jsonl } from '../../interop/helpers.ts';

describe('takeImportArgs', () => {
  it('is null without --passim or --textpair, and leaves argv alone', () => {
    const argv = ['--json', 'seeds'];
    expect(takeImportArgs(argv)).toBeNull();
    expect(argv).toEqual(['--json', 'seeds']);
  });

  it('takes the paths and the selection, and leaves the other options in argv', () => {
    const argv = ['--json', '--passim', 'corpus.jsonl', 'out', '--series', 'Daily A, Daily B', '--from', '2019', '--to', '2020-06', '--touching', 'a,b', '--min-size', '3', '--parameters', 'passim corpus.jsonl out', '--strict'];
    expect(takeImportArgs(argv)).toEqual({
      tool: 'passim',
      paths: ['corpus.jsonl', 'out'],
      parameters: 'passim corpus.jsonl out',
      selection: { series: ['Daily A', 'Daily B'], from: '2019', to: '2020-06', touching: ['a', 'b'], minSize: 3 },
    });
    expect(argv).toEqual(['--json', '--strict']);
    expect(takeImportArgs(['--textpair', 't.jsonl', 'alignments.jsonl'])?.tool).toBe('textpair');
  });

  it('refuses an option without its value, and an import without files', () => {
    expect(() => takeImportArgs(['--passim', 'c.jsonl', '--from'])).toThrow('--from needs a value');
    expect(() => takeImportArgs(['--passim', 'c.jsonl', '--series', '--json'])).toThrow('--series needs a value');
    expect(() => takeImportArgs(['--textpair', '--json'])).toThrow(/--textpair needs the documents/);
  });
});

describe('describeComputedBy', () => {
  it('names the tool, the kinds of result, the offsets and the command given', () => {
    expect(describeComputedBy({ tool: 'passim', results: ['cluster', 'pair'], parameters: 'passim in out', offsets: 'code points', boilerplate: [] })).toBe(
      'computed by passim (clusters, pairwise alignments; offsets in code points): passim in out',
    );
    expect(describeComputedBy({ tool: 'textpair', results: ['textpair'], parameters: null, offsets: 'UTF-8 bytes', boilerplate: [] })).toBe('computed by TextPAIR (alignments; offsets in UTF-8 bytes)');
  });
});

describe('importFromPaths', () => {
  function files(records: unknown[]) {
    const dir = makeTempDir('refrain-import-results-');
    writeFileSync(join(dir, 'corpus.jsonl'), documentsJsonl());
    writeFileSync(join(dir, 'out.json'), jsonl(records));
    return [join(dir, 'corpus.jsonl'), join(dir, 'out.json')];
  }

  it("builds the corpus and the families from passim's files", async () => {
    const paths = files(['a', 'b', 'c'].map((id) => clusterRecord(id, 1)));
    const r = await importFromPaths({ tool: 'passim', paths, parameters: 'passim run', selection: {} });
    expect(r.warnings).toEqual([]);
    expect(r.corpus.documents.map((d) => d.meta.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(r.computedBy).toMatchObject({ tool: 'passim', parameters: 'passim run' });
    expect(r.result.families).toHaveLength(1);
    const text = new Map(r.corpus.documents.map((d) => [d.meta.id, d.text]));
    for (const m of r.result.families[0]!.members) expect(text.get(m.doc)!.slice(m.start, m.end)).toBe(PHRASES[m.doc]);
  });

  it('says what a selection left out and names ids it does not know', async () => {
    const paths = files(['a', 'b', 'c'].map((id) => clusterRecord(id, 1)));
    const r = await importFromPaths({ tool: 'passim', paths, parameters: null, selection: { touching: ['a', 'nobody'] } });
    expect(r.warnings.some((w) => w.startsWith('--touching: no document "nobody"'))).toBe(true);
    expect(r.warnings.some((w) => /^selection: \d+ of 4 documents kept/.test(w))).toBe(true);
  });

  it('refuses results of the other tool', async () => {
    const paths = files(['a', 'b'].map((id) => clusterRecord(id, 1)));
    await expect(importFromPaths({ tool: 'textpair', paths, parameters: null, selection: {} })).rejects.toThrow('--textpair was given, but the files hold passim results');
  });
});
