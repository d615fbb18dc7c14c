import { describe, expect, it } from 'vitest';
import { describeWs, innerWhitespaceEdits, wsReason } from '../../../src/corpus/clean/whitespace.ts';

describe('innerWhitespaceEdits', () => {
  it('collapses runs, turns odd single spaces into a space, drops zero-width characters', () => {
    const s = 'a  b\tc\u200bd\u00a0e';
    const edits = innerWhitespaceEdits(s, 0, s.length);
    expect(edits.map((e) => [s.slice(e.start, e.end), e.replacement])).toEqual([['  ', ' '], ['\t', ' '], ['\u200b', '']]);
    expect(edits[2]?.reason).toBe('invisible zero-width character removed');
  });
});

describe('describeWs', () => {
  it('names each kind once', () => {
    expect(describeWs(' \u00a0 \u2003\u2009')).toBe('spaces, no-break spaces, em spaces, U+2009');
  });
});

describe('wsReason', () => {
  it('says what happened to a gap', () => {
    expect(wsReason('\r\n\r\n', '\n\n')).toBe('line endings normalised');
    expect(wsReason('  \n\n\n\n', '\n\n')).toBe('spaces at line ends removed; blank lines reduced to one');
    expect(wsReason('\n', '\n\n')).toBe('paragraph break widened to one blank line');
    expect(wsReason('\n\n', '')).toBe('leading/trailing blank lines removed');
  });
});
