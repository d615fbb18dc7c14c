import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readEpub } from '../../src/corpus/epub.ts';
import { documentKind } from '../../src/corpus/document-kinds.ts';
import { epub } from './sample-epub.ts';

describe('readEpub', () => {
  it('reads the chapters in spine order, leaving out non-linear items and what the spine does not list', () => {
    const r = readEpub(epub());
    if ('error' in r) throw new Error(r.error);
    expect(r.text).toBe('Chapter One\n\nThe river rose & fell.\nTwice.\n\nChapter Two\n\nThe bridge was finished in spring.\n\nNobody came.');
  });

  it('reads title, authors, publisher as outlet, date and language from the package', () => {
    const r = readEpub(epub());
    if ('error' in r) throw new Error(r.error);
    expect(r.fields).toEqual({ title: 'The River Papers', author: 'Ann Lee; Bo Chen', outlet: 'Valley Press', date: '1911-03-02', language: 'en' });
  });

  it('refuses a damaged archive, one without a package, and one whose chapters have no text', () => {
    expect(readEpub(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toEqual({ error: expect.stringMatching(/^is not an EPUB book that can be read: the archive is damaged/) });
    expect(readEpub(zipSync({ mimetype: strToU8('application/epub+zip') }))).toEqual({ error: expect.stringMatching(/has no package/) });
    expect(readEpub(epub({ spine: '<itemref idref="missing"/>' }))).toEqual({ error: expect.stringMatching(/^has no chapters with text/) });
  });

  it('is recognised by its first bytes whatever its name', () => {
    expect(documentKind('book.zip', epub())).toBe('epub');
    expect(documentKind('book', epub())).toBe('epub');
  });
});
