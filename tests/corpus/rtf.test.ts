import { describe, expect, it } from 'vitest';
import { isRtf, readRtf } from '../../src/corpus/rtf.ts';

const bytes = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
function read(s: string) {
  const r = readRtf(bytes(s));
  if ('error' in r) throw new Error(r.error);
  return r;
}

/** As macOS TextEdit saves a short essay (its header, font and colour tables, \'hh for the curly quotes). */
const TEXTEDIT = String.raw`{\rtf1\ansi\ansicpg1252\cocoartf2761
\cocoatextscaling0\cocoaplatform0{\fonttbl\f0\fswiss\fcharset0 Helvetica;}
{\colortbl;\red255\green255\blue255;}
{\*\expandedcolortbl;;}
{\info
{\title Kitchen essay}
{\author Sam Student}
{\creatim\yr2024\mo9\dy30\hr10\min12}{\*\company School}}
\paperw11900\paperh16840\margl1440\margr1440\vieww11520\viewh8400\viewkind0
\pard\tx566\tx1133\pardirnatural\partightenclose0

\f0\fs24 \cf0 My grandmother\'92s kitchen\
\
The stove was old \'96 and warm.\
A \'93new\'94 line.}`;

describe('readRtf', () => {
  it('reads a TextEdit essay: paragraphs, code-page characters, no tables or settings', () => {
    expect(read(TEXTEDIT).text).toBe('My grandmother’s kitchen\n\nThe stove was old – and warm.\n\nA “new” line.');
  });

  it('reads title, author and date of creation from \\info', () => {
    expect(read(TEXTEDIT).fields).toEqual({ title: 'Kitchen essay', author: 'Sam Student', date: '2024-09-30' });
  });

  it('reads \\uN with its fallback characters skipped, by \\ucN', () => {
    expect(read(String.raw`{\rtf1\ansi \u8220?Hi\u8221? \uc2\u20320\'c4\'e3\u22909??!}`).text).toBe('“Hi” 你好!');
    // Negative values, and a character past the BMP as two code units.
    expect(read(String.raw`{\rtf1 \u-10179?\u-8704?}`).text).toBe('😀');
  });

  it("decodes \\'hh in the document's code page, a two-byte one in runs", () => {
    expect(read(String.raw`{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2}`).text).toBe('Привет');
    expect(read(String.raw`{\rtf1\ansi\ansicpg936 \'c4\'e3\'ba\'c3}`).text).toBe('你好');
  });

  it("leaves out headers, footers, footnotes, pictures, fields' instructions, {\\*…} groups and hidden text", () => {
    const rtf = String.raw`{\rtf1{\header Page header}{\footer Page 3}Body{\footnote A note.} text{\pict\pngblip 89504e47}{\*\generator Riched20}` + String.raw` {\field{\*\fldinst HYPERLINK "x"}{\fldrslt linked}} {\v hidden }shown \v secret\v0 again.\par}`;
    expect(read(rtf).text).toBe('Body text linked shown again.');
  });

  it('reads escaped braces and backslashes, symbols, tabs and line breaks', () => {
    expect(read(String.raw`{\rtf1 a \{b\} c\\d\tab e\line f\emdash g\~h\ldblquote i\rdblquote\par\par\par j}`).text).toBe('a {b} c\\d e\nf—g\u00a0h“i”\n\nj');
  });

  it('skips \\bin data whole', () => {
    expect(read('{\\rtf1 before{\\bin4 {}\\x}after}').text).toBe('beforeafter');
  });

  it('refuses what is not RTF and groups nested beyond reason', () => {
    expect(readRtf(bytes('Dear friend'))).toEqual({ error: expect.stringMatching(/^is not an RTF document/) });
    expect(readRtf(bytes('{\\rtf1 ' + '{'.repeat(5000) + 'x' + '}'.repeat(5000) + '}'))).toEqual({ error: expect.stringMatching(/nests groups more than/) });
    expect(isRtf(bytes('{\\rtf1'))).toBe(true);
    // A control word of 200,000 letters, or a parameter of 400 digits, costs nothing more than reading it.
    expect(read('{\\rtf1 \\' + 'a'.repeat(200_000) + ' text\\fs' + '9'.repeat(400) + ' more}').text).toBe('textmore');
  });

  it('reads a large file whole', () => {
    const para = String.raw`\pard The council\'92s plan was read again and again. \u8220?Again\u8221? said the clerk.\par ` + '\n';
    const r = read(`{\\rtf1\\ansi ${para.repeat(20_000)}}`);
    expect(r.text.split('\n\n')).toHaveLength(20_000);
  });
});
