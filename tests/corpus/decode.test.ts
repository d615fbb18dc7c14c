import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFile, decodeText, utf8Shape } from '../../src/corpus/decode.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/encodings');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, string>;
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

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
  it('refuses binary files, naming the kind', () => {
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'p.png')).toThrow(/p\.png: is a PNG image/);
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'essay.txt')).toThrow(/essay\.txt: is a ZIP archive, not text/);
    expect(() => decodeText(new TextEncoder().encode('%PDF-1.7'), 'x.txt')).toThrow(/a PDF/);
    expect(() => decodeText(new Uint8Array([0x61, 0x00, 0x62]), 'nul.txt')).toThrow(/nul\.txt: looks binary/);
    expect(() => decodeText(Uint8Array.from({ length: 600 }, (_, i) => (i * 7919) % 256), 'noise.txt')).toThrow(/noise\.txt: looks binary/);
  });
});

describe('decodeFile: the encodings people’s files are in (real bytes)', () => {
  const cases: Array<[string, string, string]> = [
    ['essay-windows-1252.txt', 'windows-1252', 'detected'],
    ['news-gb18030.txt', 'gb18030', 'detected'],
    ['news-big5.txt', 'big5', 'detected'],
    ['note-shift_jis.txt', 'shift_jis', 'detected'],
    ['note-euc-kr.txt', 'euc-kr', 'detected'],
    ['letter-windows-1251.txt', 'windows-1251', 'detected'],
    ['essay-utf-16le-no-bom.txt', 'utf-16le', 'zero bytes'],
    ['essay-utf-16be-no-bom.txt', 'utf-16be', 'zero bytes'],
    ['mostly-utf-8-one-stray-byte.txt', 'utf-8', 'UTF-8, stray bytes replaced'],
  ];
  for (const [file, encoding, how] of cases) {
    it(`reads ${file} as ${encoding} (${how})`, () => {
      const d = decodeFile(bytesOf(file), file);
      expect({ encoding: d.encoding, how: d.how }).toEqual({ encoding, how });
      expect(d.text).toBe(expected[file]);
    });
  }
  it('says how sure chardet was', () => {
    expect(decodeFile(bytesOf('news-gb18030.txt'), 'x').confidence).toBeGreaterThan(50);
    expect(decodeFile(new TextEncoder().encode('plain'), 'x')).toMatchObject({ encoding: 'utf-8', how: 'UTF-8', confidence: null });
  });
  it('names Western text windows-1252 when the code page chardet took reads it alike, and keeps a code page whose own letters it holds', () => {
    // chardet takes this short French Latin-1 line for Turkish (windows-1254), which has é, è, ï at the same bytes.
    const french = 'Café crème, naïve élève.';
    expect(decodeFile(Uint8Array.from([...french].map((c) => c.charCodeAt(0))), 'fr.txt')).toMatchObject({ encoding: 'windows-1252', how: 'detected', text: french });
    // With curly quotes (0x93, 0x94: the same in both code pages), read alike in Node as in a browser.
    const quoted = '“Café crème”, naïve élève.';
    const cp: Record<string, number> = { '“': 0x93, '”': 0x94 };
    expect(decodeFile(Uint8Array.from([...quoted].map((c) => cp[c] ?? c.charCodeAt(0))), 'fr.txt')).toMatchObject({ encoding: 'windows-1252', text: quoted });
    // Turkish in windows-1254: ş, ğ, ı, İ are its own bytes (þ, ð, ý, Ý in windows-1252).
    const own: Record<string, number> = { ş: 0xfe, ğ: 0xf0, ı: 0xfd, İ: 0xdd };
    const turkish = "Türkiye'nin başkenti Ankara'dır. Işık, güneş ve çiçekler; öğrenciler okula gidiyor. İstanbul'da yaşayan insanlar her gün işe gidiyor ve akşam eve dönüyor.";
    const d = decodeFile(Uint8Array.from([...turkish].map((c) => own[c] ?? c.charCodeAt(0))), 'tr.txt');
    expect(d).toMatchObject({ encoding: 'windows-1254', how: 'detected', text: turkish });
  });
  it('reads a file as the encoding the reader chose, even when it looks like another', () => {
    const d = decodeFile(bytesOf('news-gb18030.txt'), 'x.txt', 'big5');
    expect(d).toMatchObject({ encoding: 'big5', how: 'chosen' });
    expect(d.text).not.toBe(expected['news-gb18030.txt']);
    expect(decodeFile(bytesOf('essay-windows-1252.txt'), 'x.txt', 'windows-1252').text).toBe(expected['essay-windows-1252.txt']);
    expect(() => decodeFile(bytesOf('essay-windows-1252.txt'), 'x.txt', 'klingon')).toThrow(/x\.txt: cannot be read as "klingon"/);
  });
  it('refuses UTF-16 read as an 8-bit encoding, which gives control characters', () => {
    expect(() => decodeFile(bytesOf('essay-utf-16le-no-bom.txt'), 'x.txt', 'windows-1252')).toThrow(/looks binary .* when read as windows-1252/);
  });
});

describe('utf8Shape', () => {
  it('counts valid multi-byte sequences and stray bytes', () => {
    expect(utf8Shape(new TextEncoder().encode('aé中😀'))).toEqual({ sequences: 3, invalid: 0 });
    expect(utf8Shape(Uint8Array.from([0x61, 0x92, 0xc3, 0xa9, 0xe4]))).toEqual({ sequences: 1, invalid: 2 });
  });
});

describe('decodeFile: binary that looks like UTF-16', () => {
  it('refuses zeros in every other byte when they do not decode to text', () => {
    expect(() => decodeFile(new Uint8Array([0, 159, 146, 150, 0, 255, 1, 2]), 'binary.txt')).toThrow(/binary\.txt: looks binary/);
    expect(() => decodeFile(new Uint8Array([0x61, 0, 0x62, 0, 0x63, 0, 0x64, 0, 0x65]), 'odd.txt')).toThrow(/odd\.txt: looks binary/);
  });
});

describe('decodeFile: an HTML or XML file’s own declaration', () => {
  const latin = (s: string) => [...Buffer.from(s, 'latin1')];
  // "こんにちは日本" in Shift_JIS: too short for detection, which takes it for windows-1252.
  const SJIS = [0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd, 0x93, 0xfa, 0x96, 0x7b];
  const page = (meta: string, body: number[]) => Uint8Array.from([...latin(`<html><head>${meta}</head><body><p>`), ...body, ...latin('</p></body></html>')]);

  it('believes <meta charset> and http-equiv in a page, and <?xml encoding?> in XML, before detection', () => {
    const meta = decodeFile(page('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', SJIS), 'p.html', null, true);
    expect([meta.encoding, meta.how]).toEqual(['shift_jis', 'declared in the file']);
    expect(meta.text).toContain('こんにちは日本');
    expect(decodeFile(page('<meta charset="shift_jis">', SJIS), 'p.html', null, false).text).not.toContain('こんにちは');
    const xml = decodeFile(Uint8Array.from([...latin('<?xml version="1.0" encoding="ISO-8859-1"?><TEI><text>caf'), 0xe9, ...latin('</text></TEI>')]), 't.xml', null, true);
    expect([xml.encoding, xml.text.includes('café')]).toEqual(['windows-1252', true]);
  });

  it('does not believe it over valid UTF-8 or a byte-order mark, and reads a UTF-16 declaration as UTF-8', () => {
    const utf8 = decodeFile(page('<meta charset="iso-8859-1">', [...Buffer.from('café')]), 'p.html', null, true);
    expect([utf8.encoding, utf8.how, utf8.text.includes('café')]).toEqual(['utf-8', 'UTF-8', true]);
    expect(decodeFile(page('<meta charset="utf-16">', SJIS), 'p.html', null, true).how).not.toBe('declared in the file');
  });
});
