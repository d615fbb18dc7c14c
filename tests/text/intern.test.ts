import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenColumns, internTokens } from '../../src/text/intern.ts';
import { scanTokens } from '../../src/text/scan.ts';
import { Vocabulary } from '../../src/text/vocabulary.ts';

function viaScan(text: string, vocab: Vocabulary): number[][] {
  const out: number[][] = [];
  scanTokens(text, { push: (s, e, kind, gap) => out.push([s, e, gap, vocab.typeOf(text.slice(s, e), kind)]) });
  return out;
}

function viaIntern(text: string, vocab: Vocabulary): number[][] {
  const cols = new TokenColumns(4);
  internTokens(text, vocab, cols);
  // A token ends where its type's surface ends.
  return Array.from({ length: cols.length }, (_, i) => [cols.start[i]!, cols.start[i]! + vocab.surface[cols.type[i]!]!.length, cols.gap[i]!, cols.type[i]!]);
}

const PIECES = ['a', 'Z', 'é', 'e\u0301', "'", '\u2019', ' ', '\n', '\n\n', '.', '!', ';', '—', '3', '网', '络', '𠀀', '\ud800', '\udc00', 'ABC', 'the', 'The', 'ǅ', '\u3002', 'ß', 'l', 'Qu', 'dell'];

describe('internTokens', () => {
  it('finds exactly the tokens of scanTokens, with the same type ids', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (xs, ys) => {
        const a = new Vocabulary();
        const b = new Vocabulary();
        for (const text of [xs.join(''), ys.join(''), xs.join('') + ys.join('')]) {
          expect(viaIntern(text, b)).toEqual(viaScan(text, a));
        }
        expect(b.norm).toEqual(a.norm);
        expect(b.stems).toEqual(a.stems);
      }),
      { numRuns: 300 },
    );
  });

  it('reads an ASCII text (its own loop) exactly as scanTokens, and shares its types with other texts', () => {
    const ascii = PIECES.filter((p) => /^[\x00-\x7f]+$/.test(p));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ascii), { maxLength: 60 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (xs, ys) => {
        const a = new Vocabulary();
        const b = new Vocabulary();
        for (const text of [xs.join(''), ys.join(''), xs.join('') + ys.join(''), xs.join('')]) {
          expect(viaIntern(text, b)).toEqual(viaScan(text, a));
        }
        expect(b.norm).toEqual(a.norm);
      }),
      { numRuns: 300 },
    );
  });

  it('numbers new surfaces in order of first occurrence, Han bigrams among them, repeats alike', () => {
    const vocab = new Vocabulary();
    vocab.typeOf('known', 0);
    const text = 'beta alpha beta 网络 alpha known gamma 网络';
    const cols = new TokenColumns(4);
    internTokens(text, vocab, cols);
    expect(Array.from(cols.type.subarray(0, cols.length))).toEqual([1, 2, 1, 3, 2, 0, 4, 3]);
    expect(vocab.surface).toEqual(['known', 'beta', 'alpha', '网络', 'gamma']);
    // The next text finds them all, and adds its own after them.
    internTokens('gamma delta', vocab, cols);
    expect(Array.from(cols.type.subarray(8, cols.length))).toEqual([4, 5]);
  });

  it('keeps distinct surfaces apart however many there are', () => {
    const vocab = new Vocabulary();
    const words = Array.from({ length: 20000 }, (_, i) => `w${i.toString(36)}`);
    const cols = new TokenColumns(4);
    internTokens(words.join(' '), vocab, cols);
    internTokens(words.reverse().join(' '), vocab, cols);
    expect(vocab.size).toBe(20000);
    for (let i = 0; i < 20000; i++) expect(cols.type[i]).toBe(cols.type[39999 - i]);
    expect(vocab.typeOf('w0', 0)).toBe(0);
  });
});
