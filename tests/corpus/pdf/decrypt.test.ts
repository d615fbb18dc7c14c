import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rc4 } from '../../../src/corpus/pdf/decrypt.ts';
import { readPdf } from '../../../src/corpus/pdf/index.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/pdf/encrypted/${name}.pdf`, import.meta.url)));
const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('rc4', () => {
  it('gives the published test vectors', () => {
    expect(hex(rc4(bytes('Key'), bytes('Plaintext')))).toBe('bbf316e8d940af0ad3');
    expect(hex(rc4(bytes('Secret'), bytes('Attack at dawn')))).toBe('45a01f645fc35b383552544b9bf5');
  });
});

describe('readPdf: encrypted files', () => {
  it.each(['rc4-40', 'rc4-128', 'aes-128', 'aes-128-objstm', 'aes-256', 'aes-256-r5', 'aes-256-objstm'])(
    'opens %s, which needs no password to open: its text and its (encrypted) title and author',
    (name) => {
      const r = readPdf(fixture(name));
      expect(r).toMatchObject({ text: 'The ferry will run all winter, the council said.', fields: { title: 'Ferry notice', author: 'Ann Lee' } });
    },
  );

  it('decrypts each object once in a file updated after it was encrypted, and takes a V4 file without /Length as 128 bits', () => {
    const updated = readPdf(fixture('rc4-128-updated'));
    expect(updated).toMatchObject({ fields: { title: 'Annual Report', author: 'Jane Doe' } });
    expect(readPdf(fixture('aes-128-no-length'))).toMatchObject({ text: expect.stringMatching(/^The first paragraph has a footnote mark here1 and then/) });
  });

  it('refuses a file that needs a password to open, saying so and what to do', () => {
    expect(readPdf(fixture('password'))).toEqual({ error: expect.stringMatching(/^is protected by a password, which Refrain does not ask for: .*"Paste a text"$/) });
  });

  it('refuses a file encrypted by another handler than the standard one', () => {
    const pdf = new TextDecoder('latin1').decode(fixture('aes-128')).replace('/Filter /Standard', '/Filter /Adobe.PubSec');
    expect(readPdf(bytes(pdf))).toEqual({ error: expect.stringMatching(/"Adobe\.PubSec" handler/) });
  });
});
