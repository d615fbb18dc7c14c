import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFileText } from '../../src/corpus/file-text.ts';
import { readMhtml } from '../../src/corpus/mhtml.ts';

const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const text = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

describe('readMhtml', () => {
  it('finds the page among the parts, its quoted-printable undone, and the address it was saved from', () => {
    const file = `From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/a\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B--x"\r\n\r\n\r\n------B--x\r\nContent-Type: text/css\r\n\r\np{}\r\n------B--x\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p class=3D"a">caf=C3=A9 au l=\r\nait</p>\r\n------B--x--\r\n`;
    const page = readMhtml(enc(file));
    if ('error' in page) throw new Error(page.error);
    expect(text(page.html).trim()).toBe('<p class="a">café au lait</p>');
    expect(page.location).toBe('https://news.example/a');
  });

  it('decodes a base64 page (Word’s "Single File Web Page"), and gives no address for about:blank', () => {
    const body = btoa('<html><body><p>Hello</p></body></html>').replace(/(.{20})/g, '$1\n');
    const file = `MIME-Version: 1.0\nContent-Type: multipart/related; boundary="=_NextPart"\nSnapshot-Content-Location: about:blank\n\n--=_NextPart\nContent-Location: file:///C:/doc.htm\nContent-Transfer-Encoding: base64\nContent-Type: text/html; charset="us-ascii"\n\n${body}\n--=_NextPart--\n`;
    const page = readMhtml(enc(file));
    expect('error' in page ? page.error : text(page.html)).toBe('<html><body><p>Hello</p></body></html>');
    expect('error' in page ? null : page.location).toBeNull();
  });

  it('finds the HTML body of an e-mail saved as .mht, inside its alternatives', () => {
    const mail = ['MIME-Version: 1.0', 'Content-Type: multipart/related;', '\tboundary="outer"; type="multipart/alternative"', '', '--outer', 'Content-Type: multipart/alternative; boundary="inner"', '', '--inner', 'Content-Type: text/plain', '', 'Plain body', '--inner', 'Content-Type: text/html; charset="utf-8"', '', '<p>Html body</p>', '--inner--', '--outer', 'Content-Type: image/png', '', 'x', '--outer--', ''].join('\r\n');
    const page = readMhtml(enc(mail));
    expect('error' in page ? page.error : text(page.html).trim()).toBe('<p>Html body</p>');
  });

  it('refuses a file that is not a saved page, and an archive without a page', () => {
    expect(readMhtml(enc('Just some text.'))).toEqual({ error: expect.stringMatching(/not a web page saved as a single file/) });
    expect(readMhtml(enc('Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/png\n\nxx\n--b--\n'))).toEqual({ error: 'is a web archive without an HTML page in it' });
  });
});

describe('a page Chromium saved as a single file', () => {
  it('reads as its article, with the page’s metadata and the address it was saved from', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/mhtml/ferry-saved-by-chromium.mhtml', import.meta.url)));
    const r = readFileText({ path: 'in/ferry.mhtml', name: 'ferry.mhtml', bytes });
    expect(r.kind).toBe('html');
    expect(r.text).toBe(
      'Le ferry sauvé\n\nLa ville portuaire a voté pour garder son ferry, a déclaré le conseil lundi. « C’est une victoire pour l’île », a dit la maire.\n\nLe service reprendra en hiver, avec deux traversées par jour et des tarifs réduits pour les élèves.',
    );
    // The page's navigation and footer are in the original, marked as left out.
    expect(r.leftOut.map((d) => r.original.slice(d.start, d.end).trim())).toEqual(['Accueil · Actualités · Sports', '© Le Courrier du Port']);
    expect(r.fields).toEqual({ title: 'Le ferry sauvé', outlet: 'Le Courrier du Port', author: 'Anne Leroy', date: '2023-03-15', language: 'fr' });
    expect(r.provenance).toContain('“in/ferry.mhtml” (saved from https://courrier.example/2023/03/ferry-sauve)');
    expect(r.decoded?.encoding).toBe('utf-8');
  });
});

describe('the charset a saved page’s part states', () => {
  // An e-mail Outlook saved: its HTML part says "iso-8859-2" in its headers, the HTML itself declares
  // nothing, and the text is too short for detection (chardet takes it for ISO-8859-1: "£ód¼").
  const polish = 'Łódź i Gdańsk, źródło.';
  const latin2: Record<string, number> = { ż: 0xbf, ó: 0xf3, ł: 0xb3, ć: 0xe6, ę: 0xea, ś: 0xb6, ą: 0xb1, ź: 0xbc, ń: 0xf1, Ł: 0xa3 };
  const body = [...`<html><body><p>${polish}</p></body></html>`].map((c) => (latin2[c] !== undefined ? `=${latin2[c]!.toString(16).toUpperCase()}` : c)).join('');
  const mail = ['MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="b"', '', '--b', 'Content-Type: text/html;', '\tcharset="iso-8859-2"', 'Content-Transfer-Encoding: quoted-printable', '', body, '--b--', ''].join('\r\n');

  it('is given with the page', () => {
    const page = readMhtml(enc(mail));
    expect('error' in page ? page.error : page.charset).toBe('iso-8859-2');
  });

  it('gives way to the page’s own declaration (e-mail programs label parts whatever they hold)', () => {
    const declared = mail.replace('<html><body>', '<html><head><meta charset="iso-8859-2"></head><body>').replace('charset="iso-8859-2"', 'charset="us-ascii"');
    const r = readFileText({ path: 'in/mail.mht', name: 'mail.mht', bytes: enc(declared) });
    expect(r.original).toBe(polish);
  });

  it('decodes the page when the HTML declares no encoding', () => {
    const r = readFileText({ path: 'in/mail.mht', name: 'mail.mht', bytes: enc(mail) });
    expect(r.original).toBe(polish);
    expect(r.decoded).toMatchObject({ encoding: 'iso-8859-2', how: 'declared in the file' });
  });
});
