/** PDFs built as producers write them, for the PDF reader's tests. */
import { zlibSync } from 'fflate';
import { concatBytes } from '../../../src/corpus/signatures.ts';

const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** An object: its dictionary or value as PDF syntax, and a stream's bytes (compressed with Flate unless `raw`). */
export interface PdfObject {
  body: string;
  stream?: string | Uint8Array;
  raw?: boolean;
}

export interface PdfOptions {
  /** Extra trailer entries (`/Info 9 0 R`, `/Encrypt 8 0 R`). */
  trailer?: string;
  /** Numbers of objects packed into an object stream (PDF 1.5) instead of written directly. */
  packed?: number[];
}

/** A PDF of `objects` numbered from 1 (object 1 is the catalogue), with a cross-reference table and trailer. */
export function buildPdf(objects: PdfObject[], options: PdfOptions = {}): Uint8Array {
  const packed = new Set(options.packed ?? []);
  const all = [...objects];
  if (packed.size) {
    const numbers = [...packed];
    let header = '';
    let body = '';
    for (const n of numbers) {
      header += `${n} ${body.length} `;
      body += `${all[n - 1]!.body}\n`;
    }
    all.push({ body: `<< /Type /ObjStm /N ${numbers.length} /First ${header.length} >>`, stream: header + body });
  }
  const parts: Uint8Array[] = [enc('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  all.forEach((o, i) => {
    if (packed.has(i + 1)) return;
    offsets[i] = offset;
    let chunk: Uint8Array;
    if (o.stream !== undefined) {
      const bytes = typeof o.stream === 'string' ? enc(o.stream) : o.stream;
      const data = o.raw ? bytes : zlibSync(bytes);
      const dict = o.body.replace(/>>\s*$/, `/Length ${data.length}${o.raw ? '' : ' /Filter /FlateDecode'} >>`);
      chunk = concatBytes([enc(`${i + 1} 0 obj\n${dict}\nstream\n`), data, enc('\nendstream\nendobj\n')]);
    } else chunk = enc(`${i + 1} 0 obj\n${o.body}\nendobj\n`);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = `xref\n0 ${all.length + 1}\n0000000000 65535 f \n${all.map((_, i) => `${String(offsets[i] ?? 0).padStart(10, '0')} 00000 ${offsets[i] === undefined ? 'f' : 'n'} \n`).join('')}`;
  parts.push(enc(`${xref}trailer\n<< /Size ${all.length + 1} /Root 1 0 R ${options.trailer ?? ''} >>\nstartxref\n${offset}\n%%EOF\n`));
  return concatBytes(parts);
}

/** A PDF literal string. */
export const lit = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** Glyph width of the test fonts, in thousandths of an em. */
export const WIDTH = 500;

/** A Helvetica font object with WinAnsi encoding and every width WIDTH. */
export const helvetica = (extra = ''): PdfObject => ({
  body: `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 0 /LastChar 255 /Widths [${Array(256).fill(WIDTH).join(' ')}] ${extra}>>`,
});

/**
 * A line of text drawn a word at a time (no space glyphs, as many producers
 * draw), each word placed after the last with a gap of `gap` ems.
 */
export function wordsAt(x: number, y: number, line: string, size = 10, gap = 0.3, font = 'F1'): string {
  let out = `BT /${font} ${size} Tf `;
  let at = x;
  for (const word of line.split(' ')) {
    out += `1 0 0 1 ${at.toFixed(2)} ${y} Tm ${lit(word)} Tj `;
    at += (word.length * WIDTH * size) / 1000 + gap * size;
  }
  return `${out}ET\n`;
}

/** Lines of a paragraph, `leading` apart, starting at y (going down the page). */
export function paragraphAt(x: number, y: number, lines: string[], leading = 12, size = 10): string {
  return lines.map((l, i) => wordsAt(x, y - i * leading, l, size)).join('');
}

/** A one-font document of `pages` (each a content stream), with Helvetica as /F1; extra objects from number 4 + pages·2. */
export function simpleDocument(pages: string[], options: PdfOptions & { extra?: PdfObject[]; font?: PdfObject; resources?: string } = {}): Uint8Array {
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  const objects: PdfObject[] = [
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} /Resources << /Font << /F1 3 0 R >> ${options.resources ?? ''} >> >>` },
    options.font ?? helvetica(),
  ];
  pages.forEach((content, i) => {
    objects.push({ body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents ${5 + i * 2} 0 R >>` });
    objects.push({ body: '<< >>', stream: content });
  });
  objects.push(...(options.extra ?? []));
  return buildPdf(objects, options);
}

/** A one-page document in a composite (Type 0, Identity-H) font /F2, with a ToUnicode map when `toUnicode` is given. */
export function compositeDocument(content: string, descendant: string, toUnicode?: string): Uint8Array {
  return buildPdf([
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: '<< /Type /Pages /Kids [4 0 R] /Count 1 >>' },
    { body: `<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [6 0 R] ${toUnicode ? '/ToUnicode 7 0 R' : ''} >>` },
    { body: '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F2 3 0 R >> >> /Contents 5 0 R >>' },
    { body: '<< >>', stream: content },
    { body: descendant },
    ...(toUnicode ? [{ body: '<< >>', stream: toUnicode }] : []),
  ]);
}
