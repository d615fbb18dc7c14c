import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/corpus/decode.ts';

const utf16 = (text: string, le: boolean) => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2 + (le ? 0 : 1)] = c & 0xff;
    out[2 + i * 2 + (le ? 1 : 0)] = c >> 8;
  }
  return out;
};

describe('decodeText', () => {
  it('decodes UTF-8 with and without a BOM', () => {
    expect(decodeText(new TextEncoder().encode('café 网络'), 'a.txt')).toBe('café 网络');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'a.txt')).toBe('hi');
  });
  it('decodes UTF-16 with a BOM, either byte order', () => {
    expect(decodeText(utf16('héllo 网', true), 'a.txt')).toBe('héllo 网');
    expect(decodeText(utf16('héllo 网', false), 'a.txt')).toBe('héllo 网');
  });
  it('refuses other encodings, naming the file', () => {
    expect(() => decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'latin1.txt')).toThrow(/latin1\.txt: is not valid UTF-8/);
  });
  it('refuses binary files, naming the kind', () => {
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'p.png')).toThrow(/p\.png: is a PNG image/);
    expect(() => decodeText(new TextEncoder().encode('%PDF-1.7'), 'x.txt')).toThrow(/a PDF/);
    expect(() => decodeText(new Uint8Array([0x61, 0x00, 0x62]), 'nul.txt')).toThrow(/looks binary \(control character U\+0000/);
  });
});
