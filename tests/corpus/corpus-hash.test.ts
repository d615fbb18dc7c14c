import { describe, expect, it } from 'vitest';
import { corpusHash } from '../../src/corpus/corpus-hash.ts';
import type { CorpusDocument } from '../../src/corpus/types.ts';

const doc = (id: string, text: string) => ({ meta: { id }, text }) as CorpusDocument;

describe('corpusHash', () => {
  it('is stable, short, and changes with any id or text the reader sees', () => {
    const base = corpusHash([doc('a', 'one'), doc('b', 'two')]);
    expect(base).toMatch(/^[0-9a-z]{1,11}$/);
    expect(corpusHash([doc('a', 'one'), doc('b', 'two')])).toBe(base);
    expect(corpusHash([doc('a', 'one'), doc('b', 'two.')])).not.toBe(base);
    expect(corpusHash([doc('a', 'one'), doc('c', 'two')])).not.toBe(base);
  });

  it('keeps id and text apart, so moving words between them changes the hash', () => {
    expect(corpusHash([doc('ab', 'c')])).not.toBe(corpusHash([doc('a', 'bc')]));
    expect(corpusHash([doc('a', 'b'), doc('c', 'd')])).not.toBe(corpusHash([doc('a', 'b\u0001c'), doc('', 'd')]));
  });
});
