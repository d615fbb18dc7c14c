import { describe, expect, it } from 'vitest';
import { ImportCancelled, readJsonLines, readLines } from '../../src/interop/lines.ts';
import { memorySource } from './helpers.ts';

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('readLines', () => {
  it('splits on newlines across chunk boundaries, decoding UTF-8 split inside a character', async () => {
    const text = '\ufeffpremier 𠀀 line\r\nsecond — 🌍\n\nlast without newline';
    for (const chunk of [1, 2, 3, 5, 64]) {
      const lines = await all(readLines(memorySource('x', text, chunk).open()));
      expect(lines).toEqual([
        { text: 'premier 𠀀 line', line: 1 },
        { text: 'second — 🌍', line: 2 },
        { text: '', line: 3 },
        { text: 'last without newline', line: 4 },
      ]);
    }
  });

  it('reads strings as well as bytes, and stops when cancelled', async () => {
    expect(await all(readLines(['a\nb', 'c\n']))).toEqual([
      { text: 'a', line: 1 },
      { text: 'bc', line: 2 },
    ]);
    const many = Array.from({ length: 5000 }, (_, i) => `${i}\n`);
    await expect(all(readLines(many, { cancelled: () => true }))).rejects.toBeInstanceOf(ImportCancelled);
  });
});

describe('readJsonLines', () => {
  it('reports a malformed line by its number and goes on', async () => {
    const text = '{"a":1}\n{"a":\n\n[1,2]\n"text"\n{"a":2}\n';
    const out = await all(readJsonLines(memorySource('x', text).open()));
    expect(out.map((o) => ('value' in o ? ['ok', o.line, o.value['a']] : ['error', o.line]))).toEqual([
      ['ok', 1, 1],
      ['error', 2],
      ['error', 4],
      ['error', 5],
      ['ok', 6, 2],
    ]);
    expect(out[1]).toMatchObject({ error: expect.stringContaining('not valid JSON') });
    expect(out[2]).toMatchObject({ error: expect.stringContaining('an array') });
  });
});
