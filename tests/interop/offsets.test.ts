import { describe, expect, it } from 'vitest';
import { TextOffsets } from '../../src/interop/offsets.ts';

const encoder = new TextEncoder();
const cps = (s: string) => [...s];

describe('TextOffsets.fromCodePoint', () => {
  it('is the identity without astral characters', () => {
    const o = new TextOffsets('plain text — with BMP only');
    expect(o.hasAstral).toBe(false);
    expect(o.fromCodePoint(5)).toBe(5);
    expect(o.fromCodePoint(o.text.length)).toBe(o.text.length);
    expect(o.fromCodePoint(o.text.length + 1)).toBe(-1);
  });

  it('lands every code point on its UTF-16 index after astral characters', () => {
    const text = '🌍 a 𠀀𠀁 community 😀 with a shared future 𝕮';
    const o = new TextOffsets(text);
    const points = cps(text);
    expect(o.codePointLength).toBe(points.length);
    for (let cp = 0; cp <= points.length; cp++) expect(o.fromCodePoint(cp)).toBe(points.slice(0, cp).join('').length);
    expect(o.fromCodePoint(-1)).toBe(-1);
    expect(o.fromCodePoint(1.5)).toBe(-1);
  });
});

describe('TextOffsets.fromUtf8', () => {
  it('maps byte offsets of mixed scripts, astral characters and long texts (checkpoints on either unit of a pair)', () => {
    for (const text of ['ascii only', 'é中文🌍a', 'x'.repeat(255) + '🌍' + 'é'.repeat(300) + '中'.repeat(300) + '😀'.repeat(200), 'y'.repeat(256) + '🌍'.repeat(400)]) {
      const o = new TextOffsets(text);
      expect(o.byteLength).toBe(encoder.encode(text).length);
      let utf16 = 0;
      for (const ch of cps(text)) {
        const b = encoder.encode(text.slice(0, utf16)).length;
        expect(o.fromUtf8(b)).toBe(utf16);
        // A byte inside the character: its start rounding down, the next character rounding up.
        const width = encoder.encode(ch).length;
        if (width > 1) {
          expect(o.fromUtf8(b + 1, 'down')).toBe(utf16);
          expect(o.fromUtf8(b + 1, 'up')).toBe(utf16 + ch.length);
        }
        utf16 += ch.length;
      }
      expect(o.fromUtf8(o.byteLength)).toBe(text.length);
      expect(o.fromUtf8(o.byteLength + 1)).toBe(-1);
    }
  });
});
