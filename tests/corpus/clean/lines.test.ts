import { describe, expect, it } from 'vitest';
import { applyInner, blocksOf, resolveOverlaps, splitLines } from '../../../src/corpus/clean/lines.ts';

describe('splitLines', () => {
  it('splits at \\n, \\r\\n and \\r and trims invisible whitespace', () => {
    const src = ' a \r\nb\rc\u200b\n\n\u00a0';
    const lines = splitLines(src);
    expect(lines.map((l) => src.slice(l.cs, l.ce))).toEqual(['a', 'b', 'c', '', '']);
    expect(lines.map((l) => l.blank)).toEqual([false, false, false, true, true]);
    expect(lines.map((l) => l.i)).toEqual([0, 1, 2, 3, 4]);
  });
  it('gives one blank line for the empty string', () => {
    expect(splitLines('')).toHaveLength(1);
  });
});

describe('blocksOf', () => {
  it('groups runs of non-blank lines', () => {
    const blocks = blocksOf(splitLines('a\nb\n\n\nc\n'));
    expect(blocks.map((b) => b.map((l) => l.i))).toEqual([[0, 1], [4]]);
  });
});

describe('resolveOverlaps', () => {
  it('keeps the first group’s edit where two overlap, sorted by start', () => {
    const e = (start: number, end: number, rule: string) => ({ start, end, replacement: '', rule, reason: rule });
    expect(resolveOverlaps([[e(5, 8, 'a')], [e(6, 7, 'b'), e(0, 2, 'c')]]).map((x) => x.rule)).toEqual(['c', 'a']);
  });
});

describe('applyInner', () => {
  it('applies a line’s repairs to its trimmed content', () => {
    const src = '  a\\$b  ';
    const [line] = splitLines(src);
    line!.inner = [{ start: 3, end: 4, replacement: '', rule: 'stray-escape', reason: '' }];
    expect(applyInner(src, line!)).toBe('a$b');
  });
});
