import { describe, expect, it } from 'vitest';
import { applyEdits, buildEdits } from '../../../src/corpus/clean/edits.ts';
import { separators } from '../../../src/corpus/clean/paragraphs.ts';
import { linesOf, PROSE, PROSE2 } from './helpers.ts';

describe('buildEdits / applyEdits', () => {
  it('removes a removed line through the whitespace after it and normalises the gaps', () => {
    const src = `Home\r\n${PROSE}\r\n\r\n\r\n${PROSE2}  \n`;
    const lines = linesOf(src);
    lines[0]!.removed = { rule: 'furniture', reason: 'site furniture "Home"' };
    const edits = buildEdits(src, lines, separators(lines));
    expect(applyEdits(src, edits)).toBe(`${PROSE}\n\n${PROSE2}`);
    expect(edits[0]).toEqual({ start: 0, end: 6, replacement: '', rule: 'furniture', reason: 'site furniture "Home"' });
    expect(edits.slice(1).every((e) => e.rule === 'whitespace')).toBe(true);
  });
  it('merges neighbouring removals with the same reason', () => {
    const src = `x\ny\n${PROSE}`;
    const lines = linesOf(src);
    for (const l of lines.slice(0, 2)) l.removed = { rule: 'furniture', reason: 'same' };
    expect(buildEdits(src, lines, separators(lines))).toEqual([{ start: 0, end: 4, replacement: '', rule: 'furniture', reason: 'same' }]);
  });
  it('makes no edit for text already clean', () => {
    const src = `${PROSE}\n\n${PROSE2}`;
    const lines = linesOf(src);
    expect(buildEdits(src, lines, separators(lines))).toEqual([]);
  });
});
