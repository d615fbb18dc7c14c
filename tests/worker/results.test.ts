import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BROWSER_LIMITS, ResultsImport } from '../../src/worker/results.ts';
import { makeArchive } from '../bench/passim-archive.ts';
import { clusterRecord, documentsJsonl } from '../interop/fixture.ts';
import { jsonl } from '../interop/helpers.ts';

const file = (path: string, content: string | Uint8Array) => ({ file: new File([content as BlobPart], path.split("/").pop()!), path });
const noProgress = () => {};

describe('ResultsImport (the worker side)', () => {
  it('reads File streams (gzip too), skips Spark bookkeeping and passim tmp/, and builds the analysis as stored bytes', async () => {
    const results = new ResultsImport();
    const scanned = await results.scan(
      [
        file('corpus.jsonl', documentsJsonl()),
        file('out/out.json/part-00000.json.gz', gzipSync(jsonl(['a', 'b', 'c'].map((id) => clusterRecord(id, 1))))),
        file('out/out.json/_SUCCESS', ''),
        file('out/out.json/.part-00000.json.gz.crc', 'x'),
        file('out/tmp/df.parquet/part-0.parquet', 'PAR1'),
      ],
      noProgress,
    );
    expect(scanned.files.map((f) => [f.name, f.kind, f.records])).toEqual([
      ['corpus.jsonl', 'documents', 4],
      ['out/out.json/part-00000.json', 'cluster', 3],
    ]);
    expect(scanned.tooLarge).toBeNull();
    const built = await results.build(null, 'passim corpus.jsonl out', noProgress);
    const analysis = JSON.parse(new TextDecoder().decode(built.analysis));
    expect(analysis.families).toHaveLength(1);
    expect(analysis.computedBy).toMatchObject({ tool: 'passim', parameters: 'passim corpus.jsonl out' });
    expect(built.documents).toHaveLength(4);
  });

  it('asks for a selection past the browser limits, previews it, and refuses to build one still too large', async () => {
    const archive = makeArchive({ documents: BROWSER_LIMITS.documents + 10, records: 5000 });
    const results = new ResultsImport();
    const scanned = await results.scan([file('corpus.jsonl', archive.corpus), ...archive.parts.map((p, i) => file(`out.json/part-${i}`, p))], noProgress);
    expect(scanned.tooLarge).toMatch(/2,010 documents; the browser holds at most 2,000/);
    await expect(results.build(null, null, noProgress)).rejects.toThrow(/still too large/);
    const preview = results.preview({ series: ['The Morning Ledger'] });
    expect(preview.tooLarge).toBeNull();
    expect(preview.left.documents).toBe(2010 - preview.documents);
    const built = await results.build({ series: ['The Morning Ledger'] }, null, noProgress);
    expect(built.documents.every((d) => d.meta.outlet === 'The Morning Ledger')).toBe(true);
    expect(built.left).toEqual(preview.left);
  });

  it('stops a scan when cancelled, and says when no file is a result', async () => {
    const results = new ResultsImport();
    const archive = makeArchive({ documents: 50, records: 3000 });
    const running = results.scan([file('corpus.jsonl', archive.corpus), file('out.json/part-0', archive.parts[0]!)], noProgress);
    results.cancel();
    await expect(running).rejects.toThrow(/cancelled/);
    await expect(results.scan([file('_SUCCESS', '')], noProgress)).rejects.toThrow(/none of these files/);
  });
});
