import { describe, expect, it } from 'vitest';
import { formatOf } from '../../src/corpus/signatures.ts';

describe('formatOf', () => {
  it('names the formats people drop by mistake from their first bytes', () => {
    expect(formatOf(new TextEncoder().encode('%PDF-1.7'))).toBe('a PDF');
    expect(formatOf(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('a ZIP archive');
    expect(formatOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('a JPEG image');
  });

  it('is null for text, and for a file shorter than any signature', () => {
    expect(formatOf(new TextEncoder().encode('The river council met'))).toBeNull();
    expect(formatOf(Uint8Array.from([0x25, 0x50]))).toBeNull();
    expect(formatOf(new Uint8Array(0))).toBeNull();
  });
});
