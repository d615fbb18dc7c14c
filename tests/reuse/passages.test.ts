import { describe, expect, it } from 'vitest';
import { AlignPath, AlignWindow, OP_DEL, OP_MATCH, OP_SUB, alignBanded } from '../../src/reuse/align.ts';
import { DEFAULT_REUSE_OPTIONS, type ReuseOptions } from '../../src/reuse/options.ts';
import { RawPassages, extractPassages } from '../../src/reuse/passages.ts';
import type { PreparedDoc } from '../../src/reuse/prepare.ts';
import { pairOf, prepared } from './fixtures.ts';

function setup(a: string, b: string) {
  const { docs, vocab } = prepared([a, b]);
  const pair = pairOf(docs, 0, 1);
  const text = (d: PreparedDoc, first: number, last: number): string => d.text.slice(d.start[first], d.start[last]! + vocab.surface[d.type[last]!]!.length);
  return { docs, pair, text };
}

/** The alignment of both whole documents, cut into passages. */
function cut(a: string, b: string, options: ReuseOptions = DEFAULT_REUSE_OPTIONS) {
  const { docs, pair, text } = setup(a, b);
  const path = new AlignPath();
  const w = Object.assign(new AlignWindow(), { a0: 0, a1: pair.countA, b0: 0, b1: pair.countB, dLo: -pair.countA, dHi: pair.countB });
  alignBanded(pair, w, options, path);
  const out = new RawPassages();
  extractPassages(pair, path, options, out);
  return out.list.map((p) => ({ a: text(docs[0]!, p.aFirst, p.aLast), b: text(docs[1]!, p.bFirst, p.bLast), p, ops: Array.from(out.op.subarray(p.at, p.at + p.steps)) }));
}

describe('extractPassages', () => {
  it('takes one substituted content word on each flank, inside the sentence', () => {
    const got = cut('Yes. We must protect the environment for future generations', 'Now. It is time to safeguard the environment for coming generations');
    expect(got.map((g) => [g.a, g.b])).toEqual([['protect the environment for future generations', 'safeguard the environment for coming generations']]);
    const p = got[0]!.p;
    // Matches the, environment (content), for, generations (content); two subs, one of them the flank.
    expect([p.contentMatches, p.matched, p.steps]).toEqual([2, 4, 6]);
    expect(p.score).toBe(1 + 3 + 1 - 1 + 3 - 1);
    // The flank stands before the alignment proper, as a substitution.
    expect(got[0]!.ops[0]).toBe(OP_SUB);
  });

  it('splits at a blank line', () => {
    const para = 'Markets opened slowly on Monday as traders weighed weather reports';
    const got = cut(`${para}\n\n${para}`, `${para}\n\n${para}`);
    expect(got.map((g) => g.a)).toEqual([para, para]);
    expect(got[1]!.p.aFirst).toBe(10);
    expect(cut(`${para}\n\n${para}`, `${para}\n\n${para}`, { ...DEFAULT_REUSE_OPTIONS, splitParagraphs: false })).toHaveLength(1);
  });

  it('splits at an unaligned stretch of splitUnaligned tokens', () => {
    const { docs, pair, text } = setup('alpha beta gamma delta epsilon. one two three four five six seven eight. zeta eta theta iota kappa', 'alpha beta gamma delta epsilon. zeta eta theta iota kappa');
    const path = new AlignPath();
    for (let i = 0; i < 5; i++) path.push(OP_MATCH, i, i);
    for (let i = 5; i < 13; i++) path.push(OP_DEL, i, -1);
    for (let i = 13; i < 18; i++) path.push(OP_MATCH, i, i - 8);
    const out = new RawPassages();
    extractPassages(pair, path, DEFAULT_REUSE_OPTIONS, out);
    expect(out.list.map((p) => text(docs[0]!, p.aFirst, p.aLast))).toEqual(['alpha beta gamma delta epsilon', 'zeta eta theta iota kappa']);
    const joined = new RawPassages();
    extractPassages(pair, path, { ...DEFAULT_REUSE_OPTIONS, splitUnaligned: 9 }, joined);
    expect(joined.list).toHaveLength(1);
  });

  it('cuts an alignment that fails the content-match ratio at its unaligned stretches of splitUnalignedWeak tokens, each piece judged alone', () => {
    // Clauses in another order: one clause aligned, the other left between it and one matched word.
    const { docs, pair, text } = setup('alpha beta gamma delta epsilon. red orange yellow green blue indigo violet zeta', 'alpha beta gamma delta epsilon. oak elm ash pine fir yew beech zeta');
    const path = new AlignPath();
    for (let i = 0; i < 5; i++) path.push(OP_MATCH, i, i);
    for (let i = 5; i < 12; i++) path.push(OP_SUB, i, i);
    path.push(OP_MATCH, 12, 12);
    // As a whole: 6 of the longer side's 13 content words matched, under half; the stretch, 7 tokens, is under splitUnaligned.
    const out = new RawPassages();
    extractPassages(pair, path, DEFAULT_REUSE_OPTIONS, out);
    // The piece before the stretch passes; "zeta" alone does not.
    expect(out.list.map((p) => text(docs[0]!, p.aFirst, p.aLast))).toEqual(['alpha beta gamma delta epsilon']);
    expect(out.list[0]!.contentMatches).toBe(5);
    const whole = new RawPassages();
    extractPassages(pair, path, { ...DEFAULT_REUSE_OPTIONS, splitUnalignedWeak: 8 }, whole);
    expect(whole.list).toEqual([]);
  });

  it('keeps nothing under the thresholds', () => {
    expect(cut('one of the best in the world', 'one of the best in the world')).toEqual([]);
    expect(cut('protect the environment for generations', 'protect the environment for generations', { ...DEFAULT_REUSE_OPTIONS, minContentWords: 4 })).toEqual([]);
    expect(cut('protect the environment for future generations', 'protect the environment for future generations')).toHaveLength(1);
  });
});
