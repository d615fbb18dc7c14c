import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../temp-dirs.ts';
import { readText } from '../../src/interop/lines.ts';
import { ResultPathError, sourcesFromPaths } from '../../src/node/result-files.ts';

function folder(files: Record<string, string | Buffer>): string {
  const dir = makeTempDir('refrain-results-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('sourcesFromPaths', () => {
  it('reads passim’s output folder through out.json/ and align.json/, skipping Spark’s bookkeeping and tmp/', async () => {
    const dir = folder({ 'out.json/part-00000': 'a\n', 'out.json/_SUCCESS': '', 'out.json/.part-00000.crc': 'x', 'align.json/part-00000': 'b\n', 'tmp/x.parquet/part-0': 'no' });
    const sources = await sourcesFromPaths([dir]);
    expect(sources.map((s) => s.name)).toEqual([join(dir, 'out.json', 'part-00000'), join(dir, 'align.json', 'part-00000')]);
  });

  it('decompresses .gz parts on the fly, naming them without .gz', async () => {
    const dir = folder({ 'part-00000.json.gz': gzipSync('{"id":"a"}\n') });
    const [source] = await sourcesFromPaths([dir]);
    expect(source!.name).toBe(join(dir, 'part-00000.json'));
    expect(await readText(source!.open())).toBe('{"id":"a"}\n');
  });

  it('says what to do with a missing path, an empty folder, bzip2 and Parquet', async () => {
    await expect(sourcesFromPaths(['/no/such/path'])).rejects.toThrow('/no/such/path: no such file or folder');
    const empty = folder({ '_SUCCESS': '' });
    await expect(sourcesFromPaths([empty])).rejects.toThrow(/has no result files/);
    const bz = folder({ 'part-0.json.bz2': 'x' });
    await expect(sourcesFromPaths([join(bz, 'part-0.json.bz2')])).rejects.toThrow(/bzip2 files are not read; decompress it first/);
    const parquet = folder({ 'out.parquet': 'x' });
    await expect(sourcesFromPaths([join(parquet, 'out.parquet')])).rejects.toBeInstanceOf(ResultPathError);
  });
});
