import { describe, expect, it } from 'vitest';
import { strayEscapeEdits } from '../../../src/corpus/clean/stray-escape.ts';

describe('strayEscapeEdits', () => {
  it('removes a backslash before $ % & # _ *, not before letters or after another backslash', () => {
    const s = 'costs \\$5, 10\\% \\n \\\\$ \\_x';
    expect(strayEscapeEdits(s, 0, s.length).map((e) => s.slice(e.start, e.end + 1))).toEqual(['\\$', '\\%', '\\_']);
  });
  it('ignores a backslash at the end of the range', () => {
    expect(strayEscapeEdits('a\\', 0, 2)).toEqual([]);
  });
});
