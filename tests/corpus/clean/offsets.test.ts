import { describe, expect, it } from 'vitest';
import { cleanOffsetToOriginal, originalOffsetToClean, segmentsOf } from '../../../src/corpus/clean/offsets.ts';
import type { Edit } from '../../../src/corpus/types.ts';

// "ab XX cd ef" with "XX " removed and "ef" replaced by "EF!": clean "ab cd EF!".
const original = 'ab XX cd ef';
const edits: Edit[] = [
  { start: 3, end: 6, replacement: '', rule: 'furniture', reason: 'r' },
  { start: 9, end: 11, replacement: 'EF!', rule: 'mojibake', reason: 'm' },
];

describe('segmentsOf', () => {
  it('cuts the original into kept, removed and replaced stretches covering it exactly', () => {
    const s = segmentsOf(original, edits);
    expect(s.map((x) => [x.kind, x.original, x.replacement])).toEqual([['kept', 'ab ', ''], ['removed', 'XX ', ''], ['kept', 'cd ', ''], ['replaced', 'ef', 'EF!']]);
    expect(s.map((x) => x.original).join('')).toBe(original);
  });
});

describe('cleanOffsetToOriginal', () => {
  it('maps across a removal with either affinity, and into a replacement (clamped)', () => {
    expect(cleanOffsetToOriginal(edits, 2)).toBe(2);
    expect(cleanOffsetToOriginal(edits, 3)).toBe(6);
    expect(cleanOffsetToOriginal(edits, 3, 'before')).toBe(3);
    expect(cleanOffsetToOriginal(edits, 5)).toBe(8);
    expect(cleanOffsetToOriginal(edits, 6)).toBe(9);
    expect(cleanOffsetToOriginal(edits, 8)).toBe(11);
    expect(cleanOffsetToOriginal(edits, 9)).toBe(11);
  });
});

describe('originalOffsetToClean', () => {
  it('maps a removed span onto its removal point and beyond the edits by the length change', () => {
    expect(originalOffsetToClean(edits, 4)).toBe(3);
    expect(originalOffsetToClean(edits, 7)).toBe(4);
    expect(originalOffsetToClean(edits, 10)).toBe(7);
    expect(originalOffsetToClean(edits, 11)).toBe(9);
    expect(originalOffsetToClean([], 5)).toBe(5);
  });
});
