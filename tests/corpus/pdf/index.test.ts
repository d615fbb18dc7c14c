import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdf, rejoinHyphens, textString, type PdfReading } from '../../../src/corpus/pdf/index.ts';
import { readRtf } from '../../../src/corpus/rtf.ts';
import { buildPdf, compositeDocument, helvetica, lit, paragraphAt, simpleDocument, wordsAt } from './sample-pdf.ts';

function read(bytes: Uint8Array): PdfReading {
  const r = readPdf(bytes);
  if ('error' in r) throw new Error(r.error);
  return r;
}

describe('readPdf: text', () => {
  it('puts spaces where words are drawn apart without space glyphs, and joins a paragraph’s lines', () => {
    const page = paragraphAt(72, 700, ['It is the common responsibility of the', 'international community to govern the', 'Internet well.']) +
      paragraphAt(72, 650, ['A second paragraph, after a wider gap.']);
    expect(read(simpleDocument([page])).text).toBe(
      'It is the common responsibility of the international community to govern the Internet well.\n\nA second paragraph, after a wider gap.',
    );
  });

  it('tells paragraphs apart on a page of short ones, whose gaps outnumber the gaps between their lines', () => {
    const page = paragraphAt(72, 700, ['First paragraph, line one of', 'two.']) + paragraphAt(72, 664, ['Second, also in', 'two lines.']) + paragraphAt(72, 628, ['Third.']) + paragraphAt(72, 604, ['Fourth.']);
    expect(read(simpleDocument([page])).text.split('\n\n')).toEqual(['First paragraph, line one of two.', 'Second, also in two lines.', 'Third.', 'Fourth.']);
  });

  it('reads TJ’s adjustments: a wide one is a space between words, a narrow one (kerning) is not', () => {
    const page = `BT /F1 10 Tf 72 700 Td [(Sha) 20 (red) -300 (future) -40 (s)] TJ ET`;
    expect(read(simpleDocument([page])).text).toBe('Shared futures');
  });

  it('keeps space glyphs and does not double them', () => {
    const page = `BT /F1 10 Tf 72 700 Td (A shared  future) Tj ET`;
    expect(read(simpleDocument([page])).text).toBe('A shared future');
  });

  it('starts a paragraph at an indent, at a heading’s other size, at a list bullet, and after a short line ending a sentence', () => {
    const page =
      wordsAt(72, 740, 'A Heading', 16) +
      paragraphAt(72, 716, ['The first paragraph runs over two lines of', 'the page and ends.']) +
      paragraphAt(90, 692, ['An indented line starts the next one, which', 'goes on here.']) +
      wordsAt(72, 668, '\x95 a bullet') +
      wordsAt(72, 656, '\x95 another bullet');
    expect(read(simpleDocument([page])).text.split('\n\n')).toEqual([
      'A Heading',
      'The first paragraph runs over two lines of the page and ends.',
      'An indented line starts the next one, which goes on here.',
      '• a bullet',
      '• another bullet',
    ]);
  });

  it('keeps the hyphen of a compound the document writes with its hyphen elsewhere', () => {
    const page = paragraphAt(72, 700, ['a long-term plan, and a long-', 'term view of the develop-', 'ment.']);
    expect(read(simpleDocument([page])).text).toBe('a long-term plan, and a long-term view of the development.');
    expect(rejoinHyphens('so\ue000called, and so-called')).toBe('so-called, and so-called');
  });

  it('rejoins a word hyphenated at a line’s end, but keeps a hyphen before a capital', () => {
    const page = paragraphAt(72, 700, ['the develop-', 'ment of the Sino-', 'American talks']);
    expect(read(simpleDocument([page])).text).toBe('the development of the Sino- American talks');
  });

  it('reads pages in the page tree’s order and continues a sentence cut by a page break', () => {
    const one = paragraphAt(72, 700, ['A sentence that runs to the foot of the']);
    const two = paragraphAt(72, 760, ['next page, where it ends.']);
    expect(read(simpleDocument([one, two])).text).toBe('A sentence that runs to the foot of the next page, where it ends.');
  });

  it('leaves out page numbers, running heads that recur, and text marked as an artifact, and counts them', () => {
    const body = (n: number) =>
      wordsAt(72, 770, `Harbour Weekly, issue ${n}`) +
      paragraphAt(72, 700, [`Paragraph ${['one', 'two', 'three'][n - 1]} of the story.`]) +
      `/Artifact BMC ${wordsAt(500, 770, 'Draft')}EMC\n` +
      wordsAt(300, 40, `- ${n} -`);
    const r = read(simpleDocument([body(1), body(2), body(3)]));
    expect(r.text).toBe('Paragraph one of the story.\n\nParagraph two of the story.\n\nParagraph three of the story.');
    expect(r.furniture).toBe(6);
    expect(r.pages).toBe(3);
  });

  it('reads Form XObjects where they are drawn', () => {
    const form = { body: '<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 3 0 R >> >> >>', stream: wordsAt(72, 700, 'Text inside a form.') };
    const pdf = simpleDocument([`q /Fm1 Do Q\n`], { extra: [form], resources: '/XObject << /Fm1 6 0 R >>' });
    expect(read(pdf).text).toBe('Text inside a form.');
  });

  it('reads objects packed in object streams (PDF 1.5) and pages whose content is several streams', () => {
    const objects = [
      { body: '<< /Type /Catalog /Pages 2 0 R >>' },
      { body: '<< /Type /Pages /Kids [4 0 R] /Count 1 >>' },
      helvetica(),
      { body: '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R >> >> /Contents [5 0 R 6 0 R] >>' },
      { body: '<< >>', stream: 'BT /F1 10 Tf 72 700 Td (Packed ' },
      { body: '<< >>', stream: 'objects) Tj ET' },
    ];
    expect(read(buildPdf(objects, { packed: [1, 2, 3, 4] })).text).toBe('Packed objects');
  });

  it('reads a composite font through its ToUnicode map, Chinese lines joined without a space', () => {
    const toUnicode = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0001> <6784> <0002> <5EFA> endbfchar
1 beginbfrange <0003> <0004> [<7F51> <7EDC>] endbfrange
1 beginbfrange <0010> <0012> <7A7A> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`;
    const pdf = compositeDocument('BT /F2 10 Tf 72 700 Td <00010002> Tj 0 -12 Td <00030004> Tj ET', '<< /Type /Font /Subtype /CIDFontType2 /DW 1000 /W [1 [1000 1000] 3 4 1000] >>', toUnicode);
    expect(read(pdf).text).toBe('构建网络');
  });

  it('joins lines of every script written without spaces as the tokenizer knows them (Khmer, Lao, Myanmar too), without a space', () => {
    const toUnicode = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
4 beginbfchar <0001> <1780> <0002> <1781> <0003> <1782> <0004> <1783> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end`;
    const pdf = compositeDocument('BT /F2 10 Tf 72 700 Td <00010002> Tj 0 -12 Td <00030004> Tj ET', '<< /Type /Font /Subtype /CIDFontType2 /DW 1000 /W [1 [1000 1000] 3 4 1000] >>', toUnicode);
    expect(read(pdf).text).toBe('កខគឃ');
  });

  it('reads a simple font’s Differences as glyph names (accents, ligatures, uni names, composed letters)', () => {
    const font = { body: `<< /Type /Font /Subtype /Type1 /BaseFont /CMR10 /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /eacute /fi /uni0151 /aogonek /quoteright] >> /FirstChar 0 /LastChar 255 /Widths [${Array(256).fill(500).join(' ')}] >>` };
    const page = 'BT /F1 10 Tf 72 700 Td <43 01 74 02 6E 03 20 6C 04 6B 05 73> Tj ET';
    expect(read(simpleDocument([page], { font })).text).toBe('Cétfinő ląk’s');
  });
});

describe('readPdf: metadata', () => {
  it('reads title (UTF-16 or PDFDocEncoding), author and creation date; a producer’s file name is no title', () => {
    const info = (title: string) => ({ body: `<< /Title ${title} /Author ${lit('Ann Lee')} /CreationDate (D:20190321083000+08'00') >>` });
    const page = wordsAt(72, 700, 'Text.');
    const utf16 = `<FEFF${[...'Une déclaration'].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;
    expect(read(simpleDocument([page], { extra: [info(utf16)], trailer: '/Info 6 0 R' })).fields).toEqual({ title: 'Une déclaration', author: 'Ann Lee', date: '2019-03-21' });
    expect(read(simpleDocument([page], { extra: [info(lit('Microsoft Word - draft3.docx'))], trailer: '/Info 6 0 R' })).fields.title).toBeUndefined();
  });

  it('decodes PDFDocEncoding’s own characters', () => {
    expect(textString(Uint8Array.from([0x8d, 0x41, 0x8e, 0x20, 0x84, 0x20, 0xe9]))).toBe('“A” — é');
  });
});

describe('readPdf: refusals', () => {
  it('refuses a scan (pages of images, no text) and suggests text recognition', () => {
    const r = readPdf(simpleDocument(['q 600 0 0 800 0 0 cm /Im1 Do Q']));
    expect(r).toEqual({ error: expect.stringMatching(/no text layer.*OCR/) });
  });

  it('refuses fonts that do not say which letters they draw rather than invent text', () => {
    const pdf = compositeDocument('BT /F2 10 Tf 72 700 Td <0011002200330044> Tj ET', '<< /Type /Font /Subtype /CIDFontType2 >>');
    expect(readPdf(pdf)).toEqual({ error: expect.stringMatching(/fonts that do not say which letters they draw \(100% of its characters\)/) });
  });

  it('refuses a file that only starts like a PDF, and one whose pages are gone', () => {
    expect(readPdf(new TextEncoder().encode('%PDF-1.4\nnothing else'))).toEqual({ error: expect.stringMatching(/without pages/) });
    const cut = simpleDocument([wordsAt(72, 700, 'Cut short.')]);
    expect(readPdf(cut.subarray(0, 60))).toEqual({ error: expect.stringMatching(/without pages/) });
  });

  it('reads a file whose cross-reference table is wrong or missing (objects are found by scanning)', () => {
    const pdf = new TextDecoder('latin1').decode(simpleDocument([wordsAt(72, 700, 'Still readable.')]));
    const broken = pdf.replace(/xref[\s\S]*$/, 'trailer << /Root 1 0 R >>\n%%EOF');
    expect(read(Uint8Array.from(broken, (c) => c.charCodeAt(0))).text).toBe('Still readable.');
  });
});

describe('readPdf: a file Chromium printed', () => {
  // tests/fixtures/pdf/printed-by-chromium.pdf: Chromium's "Save as PDF" of a short French article
  // (Skia/PDF: composite fonts with ToUnicode maps, a line per text object, no space glyphs between lines).
  const r = read(new Uint8Array(readFileSync(new URL('../../fixtures/pdf/printed-by-chromium.pdf', import.meta.url))));

  it('reads its title, its paragraphs and its accents', () => {
    expect(r.fields.title).toBe('Une déclaration commune');
    const paras = r.text.split('\n\n');
    expect(paras[0]).toBe('Une déclaration commune');
    expect(paras[1]).toBe('Il est de la responsabilité commune de la communauté internationale de bien développer, utiliser et gouverner l’Internet, « afin qu’il profite mieux à l’humanité ».');
    expect(paras).toHaveLength(4);
  });

  it('reads a paragraph that runs onto the next page as one', () => {
    expect(r.pages).toBe(2);
    const long = r.text.split('\n\n')[3]!;
    expect(long.startsWith('Le cyberespace')).toBe(true);
    expect(long.endsWith('fin.')).toBe(true);
    expect(long.split(' ').filter((w) => w === 'communauté').length).toBe(100);
  });
});

describe('readPdf: damaged files', () => {
  it('never throws on a file cut short or with bytes overwritten: it reads what it can or says why not', () => {
    const good = new Uint8Array(readFileSync(new URL('../../fixtures/pdf/printed-by-chromium.pdf', import.meta.url)));
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const outcomes = { read: 0, refused: 0 };
    for (let round = 0; round < 120; round++) {
      const bytes = round % 3 === 0 ? good.slice(0, random(good.length)) : good.slice();
      if (round % 3 !== 0) for (let k = 0; k < 1 + random(40); k++) bytes[random(bytes.length)] = random(256);
      const r = readPdf(bytes);
      if ('error' in r) outcomes.refused++;
      else outcomes.read++;
      expect(typeof ('error' in r ? r.error : r.text)).toBe('string');
    }
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

describe('readPdf: a file LibreOffice exported', () => {
  // tests/fixtures/pdf/exported-by-libreoffice.pdf: LibreOffice 7.4's PDF export of a short essay
  // (TrueType subsets with ToUnicode maps, short paragraphs with wide gaps between them, a list).
  it('reads its paragraphs apart, its list items apart, and its Polish, Greek and Russian', () => {
    const r = read(new Uint8Array(readFileSync(new URL('../../fixtures/pdf/exported-by-libreoffice.pdf', import.meta.url))));
    expect(r.text.split('\n\n')).toEqual([
      'The harbour town voted to keep its ferry. Without it, the island is cut off from the mainland for most of the winter, and the school, the clinic and the market are on the other side.',
      'Les élèves prennent le ferry chaque matin ; « c’est notre route », disent-ils. Zażółć gęślą jaźń. Ελληνικά κείμενα. Русский текст.',
      '• First point of a list',
      '• Second point',
      'A final paragraph with a footnote-free ending, efficient and fine.',
    ]);
    expect(r.fields).toMatchObject({ title: 'Why the ferry matters', author: 'Sam Student' });
  });
});

describe('readPdf: layouts from LibreOffice, checked against the RTF they were printed from', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/pdf/${name}`, import.meta.url)));
  const source = (name: string) => {
    const r = readRtf(fixture(name));
    if ('error' in r) throw new Error(r.error);
    return r.text.split(/\n+/).filter(Boolean);
  };

  it('keeps a footnote mark and a superscript or subscript on their line (one paragraph, not three)', () => {
    expect(read(fixture('footnote-marks-by-libreoffice.pdf')).text.split('\n\n')).toEqual(source('footnote-marks.rtf'));
  });

  it('reads two columns as the paragraphs they are, joining one cut by a column break', () => {
    expect(read(fixture('two-columns-by-libreoffice.pdf')).text.split('\n\n')).toEqual(source('two-columns.rtf'));
  });
});

describe('readPdf: files built to break readers', () => {
  it('draws a form that draws itself once (not 20^8 times)', () => {
    const form = { body: '<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 3 0 R >> /XObject << /X0 6 0 R >> >> >>', stream: `BT /F1 10 Tf 72 600 Td (inside) Tj ET ${'/X0 Do '.repeat(20)}` };
    const pdf = simpleDocument([`${wordsAt(72, 700, 'Outside.')}/X0 Do`], { extra: [form], resources: '/XObject << /X0 6 0 R >>' });
    expect(read(pdf).text).toBe('Outside.\n\ninside');
  });

  it('refuses a RunLength stream that would unpack past 64 MB', () => {
    const bomb = new Uint8Array(1_100_000).fill(129); // each pair: 128 copies of the next byte
    const pdf = simpleDocument([wordsAt(72, 700, 'Text.')], { extra: [{ body: '<< /Filter /RunLengthDecode >>', stream: bomb, raw: true }], trailer: '', packed: [] });
    const page = new TextDecoder('latin1').decode(pdf).replace('/Contents 5 0 R', '/Contents 6 0 R');
    expect(readPdf(Uint8Array.from(page, (c) => c.charCodeAt(0)))).toEqual({ error: expect.stringMatching(/more than 64 MB/) });
  });

  it('scans a long run of digits once', () => {
    const pdf = new TextDecoder('latin1').decode(simpleDocument([wordsAt(72, 700, 'After the digits.')]));
    const padded = pdf.replace('%PDF-1.5\n', `%PDF-1.5\n%${'7'.repeat(300_000)}\n`);
    expect(read(Uint8Array.from(padded, (c) => c.charCodeAt(0))).text).toBe('After the digits.');
  });

  it('reads the latest definition when an update puts a page in an object stream after the old one', () => {
    const old = new TextDecoder('latin1').decode(simpleDocument([wordsAt(72, 700, 'Old draft text.')]));
    const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 7 0 R >>';
    const content = wordsAt(72, 700, 'Final revised text.');
    const update = `7 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n8 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length ${4 + page.length} >>\nstream\n4 0 ${page}\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`;
    expect(read(Uint8Array.from(old + update, (c) => c.charCodeAt(0))).text).toBe('Final revised text.');
  });

  it('does not take a title for the running head that repeats it in small type', () => {
    const head = wordsAt(72, 770, 'The Harbour Report', 8);
    const pages = [wordsAt(72, 700, 'The Harbour Report', 24) + paragraphAt(72, 650, ['Page one text.']), head + paragraphAt(72, 700, ['Page two text.']), head + paragraphAt(72, 700, ['Page three text.'])];
    expect(read(simpleDocument(pages)).text.split('\n\n')).toEqual(['The Harbour Report', 'Page one text.', 'Page two text.', 'Page three text.']);
  });
});
