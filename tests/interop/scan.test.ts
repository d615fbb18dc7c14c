import { describe, expect, it } from 'vitest';
import { alignedText, classify, describeKind, isResultFile, scanFiles, wordsOf } from '../../src/interop/scan.ts';
import { jsonl, memorySource } from './helpers.ts';
import { SLOGAN_DOCS, clusterRecord, documentsJsonl } from './fixture.ts';

const docs = () => memorySource('corpus.jsonl', documentsJsonl());

describe('classify', () => {
  it('names a file by its first record: documents, a kind of result, or why it is neither', async () => {
    expect(await classify(docs())).toEqual({ kind: 'documents' });
    expect(await classify(memorySource('part-0', jsonl([clusterRecord('a', 1)])))).toEqual({ kind: 'cluster' });
    expect(await classify(memorySource('a.txt', 'plain words'))).toEqual({ kind: 'texts' });
    expect(await classify(memorySource('x.json', jsonl([{ name: 'n' }])))).toMatchObject({ problem: expect.stringMatching(/^line 1: a record with fields name, which is neither/) });
    expect(await classify(memorySource('x.json', 'not json\n'))).toMatchObject({ problem: expect.stringMatching(/holds no JSON record \(line 1: /) });
    expect(await classify(memorySource('x.json', ''))).toEqual({ problem: 'is empty' });
  });
});

describe('scanFiles', () => {
  it('reads documents before the results that name them, and every record into columns', async () => {
    const records = [clusterRecord('a', 1), clusterRecord('b', 1), clusterRecord('c', 2), clusterRecord('a', 2)];
    const scan = await scanFiles([memorySource('out.json/part-0', jsonl(records)), docs()]);
    expect(scan.files.map((f) => [f.name, f.kind, f.records])).toEqual([
      ['corpus.jsonl', 'documents', SLOGAN_DOCS.length],
      ['out.json/part-0', 'cluster', 4],
    ]);
    expect(scan.ids).toEqual(SLOGAN_DOCS.map((d) => d.id));
    expect(scan.clusterKeys).toEqual(['1', '2']);
    expect(Array.from(scan.clusters.col('cluster').subarray(0, 4))).toEqual([0, 0, 1, 1]);
    expect(scan.resultKinds).toEqual(['cluster']);
    expect(scan.texts?.[0]).toBe(SLOGAN_DOCS[0]!.text);
  });

  it('reports by file and line a record naming no document read, one past its text’s end, and one of another kind', async () => {
    const records = [clusterRecord('a', 1), { ...clusterRecord('a', 1), id: 'zz' }, { ...clusterRecord('a', 1), begin: 0, end: 10_000 }, { id1: 'a', id2: 'b', begin1: 0, end1: 3, begin2: 0, end2: 3 }];
    const scan = await scanFiles([docs(), memorySource('part-0', jsonl(records))]);
    expect(scan.problems).toEqual([
      { file: 'part-0', line: 2, message: 'document "zz" is not in the documents read' },
      { file: 'part-0', line: 3, message: 'the passage ends at 10000, past the end of "a"' },
      { file: 'part-0', line: 4, message: 'not a passim cluster record like the file\'s first' },
    ]);
    expect(scan.clusters.length).toBe(1);
  });

  it('stops keeping texts once the corpus outgrows the limits (they are read again for the selection)', async () => {
    const scan = await scanFiles([docs()], { limits: { documents: 2, bytes: 1e9 } });
    expect(scan.documentCount).toBe(SLOGAN_DOCS.length);
    expect(scan.texts).toBeNull();
  });
});

describe('the small readers', () => {
  it('strip passim’s gaps, compare TextPAIR’s words, skip Spark’s bookkeeping', () => {
    expect(alignedText('a-b\u2010c')).toBe('abc');
    expect(wordsOf('  The <b>Shared</b>   future! ')).toBe('the b shared b future');
    expect(isResultFile('out.json/part-00000')).toBe(true);
    expect(['out.json/_SUCCESS', 'out.json/.part-0.crc', 'tmp/x/part-0', 'in.parquet/part-0'].some(isResultFile)).toBe(false);
    expect(describeKind('textpair')).toBe('TextPAIR alignment');
  });
});
