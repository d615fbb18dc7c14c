import { describe, expect, it } from 'vitest';
import { utf8Length } from '../../src/text/utf8.ts';

describe('utf8Length', () => {
  it('counts as TextEncoder does', () => {
    const enc = new TextEncoder();
    // Lone surrogates count as TextEncoder writes them (U+FFFD, three bytes).
    for (const s of ['', 'plain', 'caf\u00e9', '\u4e2d\u6587', '\u{1f600}\u{10ffff}', '\ud800', 'a\udc00b', '\ud800\ud800\udc00', '\u07ff\u0800\uffff'])
      expect(utf8Length(s), JSON.stringify(s)).toBe(enc.encode(s).length);
    expect(utf8Length('a\u00e9\u4e2d\u{1f600}')).toBe(1 + 2 + 3 + 4);
  });
});
