import { describe, expect, it } from 'vitest';
import { describeSide, diffPassages, unifiedDiff } from '../../src/compare/word-diff.ts';

const whole = (t: string) => ({ start: 0, end: t.length });
const diff = (a: string, b: string, options = {}) => diffPassages(a, whole(a), b, whole(b), options);

describe('diffPassages', () => {
  it('marks a substituted word on each side', () => {
    const a = 'protect the environment for future generations';
    const b = 'safeguard the environment for coming generations';
    const d = diff(a, b);
    if (d.tooDifferent) throw new Error('unexpected');
    expect(describeSide(a, d.a)).toBe('<del>protect</del> the environment for <del>future</del> generations');
    expect(describeSide(b, d.b)).toBe('<ins>safeguard</ins> the environment for <ins>coming</ins> generations');
    expect(d.changes.map((c) => [c.kind, c.a, c.b])).toEqual([
      ['sub', 'protect', 'safeguard'],
      ['sub', 'future', 'coming'],
    ]);
    expect(d.sameWords).toBe(4);
  });

  it('reports insertions and deletions with their offsets', () => {
    const a = 'a community with a shared future in cyberspace';
    const b = 'a community of shared future in the cyberspace';
    const d = diff(a, b);
    if (d.tooDifferent) throw new Error('unexpected');
    expect(describeSide(a, d.a)).toBe('a community <del>with a</del> shared future in cyberspace');
    expect(describeSide(b, d.b)).toBe('a community <ins>of</ins> shared future in <ins>the</ins> cyberspace');
    const ins = d.changes.find((c) => c.kind === 'ins')!;
    expect(b.slice(ins.bRange!.start, ins.bRange!.end)).toBe('the');
  });

  it('ignores case and punctuation by default, and can be told not to', () => {
    const a = 'Building a Community, together.';
    const b = 'building a community together';
    const loose = diff(a, b);
    expect(!loose.tooDifferent && loose.changes).toEqual([]);
    const strict = diff(a, b, { ignoreCase: false, ignorePunctuation: false });
    if (strict.tooDifferent) throw new Error('unexpected');
    expect(strict.changes.map((c) => [c.kind, c.a, c.b])).toEqual([
      ['sub', 'Building', 'building'],
      ['sub', 'Community,', 'community'],
      ['del', '.', ''],
    ]);
    expect(describeSide(a, strict.a)).toBe('<del>Building</del> a <del>Community,</del> together<del>.</del>');
  });

  it('keeps apostrophes inside words when punctuation counts', () => {
    const d = diff("China's future", "China's past", { ignorePunctuation: false });
    expect(!d.tooDifferent && d.changes.map((c) => c.a)).toEqual(['future']);
  });

  it('diffs only the given ranges, with offsets into the whole texts', () => {
    const a = 'XXXX one two three YYYY';
    const b = 'ZZ one 2 three';
    const d = diffPassages(a, { start: 5, end: 18 }, b, { start: 3, end: 14 });
    if (d.tooDifferent) throw new Error('unexpected');
    expect(d.a[0]).toEqual({ kind: 'same', start: 5, end: 9 });
    expect(describeSide(a, d.a)).toBe('one <del>two</del> three');
  });

  it('says "too different" instead of running away', () => {
    const words = (seed: number, n: number) => Array.from({ length: n }, (_, i) => `w${(i * seed) % 997}x${seed}`).join(' ');
    const d = diffPassages(words(3, 2000), whole(words(3, 2000)), words(7, 2000), whole(words(7, 2000)));
    expect(d).toEqual({ tooDifferent: true, aWords: 2000, bWords: 2000 });
  });

  it('handles Chinese character by character with correct offsets', () => {
    const a = '构建网络空间命运共同体';
    const b = '构建网络空间共同体';
    const d = diff(a, b);
    if (d.tooDifferent) throw new Error('unexpected');
    const deleted = d.a.filter((p) => p.kind === 'del').map((p) => a.slice(p.start, p.end)).join('');
    expect(deleted).toContain('命运');
    expect(d.b.every((p) => p.kind === 'same')).toBe(true);
  });

  it('covers both ranges completely, in order', () => {
    const a = 'one  two, three\n\nfour';
    const b = 'one three four five';
    const d = diff(a, b);
    if (d.tooDifferent) throw new Error('unexpected');
    expect(d.a.map((p) => a.slice(p.start, p.end)).join('')).toBe(a);
    expect(d.b.map((p) => b.slice(p.start, p.end)).join('')).toBe(b);
  });
});

describe('unifiedDiff', () => {
  it('interleaves deletions from A and insertions from B, losing no text of either', () => {
    const a = 'We must protect the environment for future generations.';
    const b = 'We must safeguard the environment for coming generations!';
    const pieces = unifiedDiff(a, b)!;
    const render = pieces.map((p) => (p.kind === 'ins' ? `<ins>${b.slice(p.start, p.end)}</ins>` : p.kind === 'del' ? `<del>${a.slice(p.start, p.end)}</del>` : a.slice(p.start, p.end))).join('');
    expect(render).toBe('We must <del>protect </del><ins>safeguard </ins>the environment for <del>future </del><ins>coming </ins>generations.');
    expect(pieces.filter((p) => p.kind !== 'ins').map((p) => a.slice(p.start, p.end)).join('')).toBe(a);
    expect(pieces.filter((p) => p.kind === 'ins').map((p) => b.slice(p.start, p.end)).join('')).toBe('safeguard coming ');
  });
  it('gives up on texts too different to diff', () => {
    const a = Array.from({ length: 1500 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 1500 }, (_, i) => `b${i}`).join(' ');
    expect(unifiedDiff(a, b)).toBeNull();
  });
});
