import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Keyword, Lexer, MAX_STREAM_BYTES, Name, PdfFile, Ref, Stream, type Value } from '../../../src/corpus/pdf/objects.ts';
import { buildPdf } from './sample-pdf.ts';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (v: unknown) => String.fromCharCode(...(v as Uint8Array));
const one = (s: string) => new Lexer(bytes(s)).value();

describe('Lexer', () => {
  it('reads literal strings with escapes, octal codes, nested and escaped parentheses, and line continuations', () => {
    expect(text(one('(a\\(b\\) (c) \\101\\n\\\\ d\\\nx)'))).toBe('a(b) (c) A\n\\ dx');
  });

  it('reads hex strings (odd digit counts padded), names with #xx escapes, numbers and references', () => {
    expect(text(one('<48 65 6C6C 6F7>'))).toBe('Hello\x70');
    expect((one('/A#20B') as Name).name).toBe('A B');
    expect(one('-.5')).toBe(-0.5);
    expect(one('12 0 R')).toEqual(new Ref(12, 0));
    const arr = one('[1 2 3 0 R /N (s) true null]') as Value[];
    expect(arr.slice(0, 2)).toEqual([1, 2]);
    expect(arr[2]).toEqual(new Ref(3, 0));
    expect(arr.slice(5)).toEqual([true, null]);
  });

  it('reads dictionaries, skipping comments, and gives operators as keywords', () => {
    const d = one('<< /Type /Page % a comment\n /Kids [1 0 R] /Nested << /A 1 >> >>') as Map<string, Value>;
    expect((d.get('Type') as Name).name).toBe('Page');
    expect((d.get('Nested') as Map<string, Value>).get('A')).toBe(1);
    expect(one('Tj')).toEqual(new Keyword('Tj'));
  });
});

describe('PdfFile', () => {
  const withStream = (dict: string, data: Uint8Array) => new PdfFile(buildPdf([{ body: '<< /Type /Catalog >>' }, { body: dict, stream: data, raw: true }]));
  const decoded = (dict: string, data: Uint8Array | string) => {
    const pdf = withStream(dict, typeof data === 'string' ? bytes(data) : data);
    return text(pdf.decode(pdf.get(new Ref(2, 0)) as Stream));
  };

  it('decodes Flate, ASCIIHex, ASCII85, RunLength and LZW streams, and chains of them', () => {
    expect(decoded('<< /Filter /FlateDecode >>', zlibSync(bytes('flate text')))).toBe('flate text');
    expect(decoded('<< /Filter /ASCIIHexDecode >>', '68 65 78>')).toBe('hex');
    expect(decoded('<< /Filter /ASCII85Decode >>', '87cURD]i,"Ebo80~>')).toBe('Hello World!');
    expect(decoded('<< /Filter /RunLengthDecode >>', Uint8Array.from([2, 0x61, 0x62, 0x63, 254, 0x7a, 128]))).toBe('abczzz');
    // The specification's own LZW example: 45 45 45 45 45 65 45 45 45 66.
    expect(decoded('<< /Filter /LZWDecode >>', Uint8Array.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]))).toBe('-----A---B');
    expect(decoded('<< /Filter [/ASCIIHexDecode /FlateDecode] >>', [...zlibSync(bytes('chain'))].map((b) => b.toString(16).padStart(2, '0')).join('') + '>')).toBe('chain');
  });

  it('keeps what a damaged Flate stream gives before the damage, and refuses a stream that would unpack too large', () => {
    const z = zlibSync(bytes(Array.from({ length: 3000 }, (_, i) => `Sentence ${i} before the damage.`).join(' ')));
    const kept = decoded('<< /Filter /FlateDecode >>', z.subarray(0, z.length - 30));
    expect(kept.startsWith('Sentence 0 before the damage. Sentence 1')).toBe(true);
    expect(kept.length).toBeGreaterThan(10_000);
    const bomb = zlibSync(new Uint8Array(MAX_STREAM_BYTES + 1024), { level: 9 });
    const pdf = withStream('<< /Filter /FlateDecode >>', bomb);
    expect(() => pdf.decode(pdf.get(new Ref(2, 0)) as Stream)).toThrow(/more than 64 MB/);
  });

  it('gives an image filter no text (null)', () => {
    const pdf = withStream('<< /Filter /DCTDecode >>', bytes('\xff\xd8\xff'));
    expect(pdf.decode(pdf.get(new Ref(2, 0)) as Stream)).toBeNull();
  });

  it('lets a later definition of an object (an incremental update) replace the earlier one', () => {
    const base = text(buildPdf([{ body: '<< /Type /Catalog /V 1 >>' }]));
    const pdf = new PdfFile(bytes(`${base}1 0 obj\n<< /Type /Catalog /V 2 >>\nendobj\ntrailer << /Root 1 0 R >>\n`));
    expect(pdf.field(pdf.get(pdf.trailer.get('Root')), 'V')).toBe(2);
  });

  it('finds a stream’s end by endstream when its /Length is wrong', () => {
    const pdf = new PdfFile(bytes('%PDF-1.4\n1 0 obj\n<< /Length 999 >>\nstream\nBT (x) Tj ET\nendstream\nendobj\n2 0 obj\n(next)\nendobj\n'));
    expect(text((pdf.get(new Ref(1, 0)) as Stream).raw)).toBe('BT (x) Tj ET');
    expect(text(pdf.get(new Ref(2, 0)))).toBe('next');
  });
});
