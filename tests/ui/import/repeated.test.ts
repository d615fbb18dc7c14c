import { describe, expect, it } from 'vitest';
import { NAMED_REPEATS, repeatedMessage } from '../../../src/ui/import/repeated.ts';

const files = (n: number) => Array.from({ length: n }, (_, i) => ({ file: `f${i + 1}.txt`, of: `f${i + 1}` }));

describe('repeatedMessage', () => {
  it('names the files, then says how many more', () => {
    expect(repeatedMessage([])).toBeNull();
    expect(repeatedMessage(files(1))).toBe('1 document already in this corpus, not added again: f1.txt.');
    expect(repeatedMessage(files(2))).toBe('2 documents already in this corpus, not added again: f1.txt, f2.txt.');
    expect(repeatedMessage(files(NAMED_REPEATS))).toBe(`${NAMED_REPEATS} documents already in this corpus, not added again: ${files(NAMED_REPEATS).map((f) => f.file).join(', ')}.`);
    expect(repeatedMessage(files(1234))).toBe('1,234 documents already in this corpus, not added again: f1.txt, f2.txt, f3.txt, f4.txt, f5.txt and 1,229 more.');
  });
});
