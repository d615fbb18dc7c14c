import { describe, expect, it } from 'vitest';
import { PassageAligner } from '../../src/interop/passage.ts';
import { DEFAULT_REUSE_OPTIONS } from '../../src/reuse/options.ts';

const A = 'Leaders agreed to build a community with a shared future in cyberspace.';
const B = 'Officials called for a community of shared future in the cyberspace.';
const span = (doc: string, text: string, phrase: string) => ({ doc, start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });

describe('PassageAligner', () => {
  it('aligns two spans word by word with the engine’s weights, substitutions and gaps as ops', () => {
    const aligner = new PassageAligner();
    const x = aligner.words(A, span('a', A, 'a community with a shared future in cyberspace'));
    const y = aligner.words(B, span('b', B, 'a community of shared future in the cyberspace'));
    const p = aligner.between(x, y);
    const ops = p.ops.map((o) => (o.op === 'match' ? o.a : o.op === 'sub' ? `${o.a}/${o.b}` : o.op === 'del' ? `-${o.a}` : `+${o.b}`));
    expect(ops).toEqual(['a', 'community', 'with/of', '-a', 'shared', 'future', 'in', '+the', 'cyberspace']);
    const { matchContent, matchFunction, mismatch, gapOpen } = DEFAULT_REUSE_OPTIONS;
    expect(p.score).toBe(4 * matchContent + 2 * matchFunction + mismatch + 2 * gapOpen);
    expect(p).toMatchObject({ scope: 'between', tier: 'close', expectedByChance: null, words: 8, contentMatches: 4, similarity: Math.round((6 / 9) * 1000) / 1000 });
  });

  it('puts the passage in canonical order: the earlier document, or the earlier span, first', () => {
    const aligner = new PassageAligner();
    const later = aligner.words(B, span('b', B, 'shared future'));
    const earlier = aligner.words(A, span('a', A, 'shared future'));
    expect(aligner.between(later, earlier)).toMatchObject({ a: { doc: 'a' }, b: { doc: 'b' } });
    const text = `${A} ${A}`;
    const first = aligner.words(text, { doc: 'a', start: 0, end: 20 });
    const second = aligner.words(text, { doc: 'a', start: A.length + 1, end: A.length + 21 });
    expect(aligner.between(second, first)).toMatchObject({ a: { start: 0 }, scope: 'internal', similarity: 1 });
  });
});
