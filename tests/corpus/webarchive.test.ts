import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFileText } from '../../src/corpus/file-text.ts';
import { readWebArchive } from '../../src/corpus/webarchive.ts';

const bytes = new Uint8Array(readFileSync(new URL('../fixtures/webarchive/ferry-saved.webarchive', import.meta.url)));

describe('readWebArchive', () => {
  it('gives the main resource’s HTML and the address it was saved from', () => {
    const page = readWebArchive(bytes);
    if ('error' in page) throw new Error(page.error);
    expect(new TextDecoder().decode(page.html)).toMatch(/^<!DOCTYPE html>.*<h1>Ferry saved<\/h1>/);
    expect(page.location).toBe('https://islandtimes.example/2023/ferry-saved');
  });

  it('refuses what is not a web archive, and a damaged one, saying so', () => {
    expect(readWebArchive(new TextEncoder().encode('<html></html>'))).toEqual({ error: expect.stringMatching(/^is not a Safari web archive/) });
    for (const cut of [20, 200, bytes.length - 10]) expect(readWebArchive(bytes.slice(0, cut))).toHaveProperty('error');
    const scrambled = bytes.slice();
    scrambled.fill(0xff, bytes.length - 40, bytes.length - 32); // the offset table's last entries
    expect(readWebArchive(scrambled)).toHaveProperty('error');
  });
});

describe('readWebArchive: shared references', () => {
  it('reads an object referred to many times once (2^24 paths through 25 objects)', () => {
    const objects: number[][] = [];
    for (let k = 0; k < 24; k++) objects.push([0xa2, k + 1, k + 1]);
    objects.push([0x10, 0]);
    const body = [...'bplist00'].map((c) => c.charCodeAt(0));
    const offsets: number[] = [];
    for (const o of objects) {
      offsets.push(body.length);
      body.push(...o);
    }
    const table = body.length;
    body.push(...offsets);
    const plist = Uint8Array.from([...body, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, objects.length, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, table]);
    expect(readWebArchive(plist)).toEqual({ error: 'is a property list but not a web archive (no main resource)' });
  });
});

describe('a .webarchive', () => {
  it('reads as its page’s article, with the page’s metadata and where it was saved from', () => {
    const r = readFileText({ path: 'in/ferry.webarchive', name: 'ferry.webarchive', bytes });
    expect(r.kind).toBe('html');
    expect(r.text).toBe('Ferry saved\n\nThe harbour town voted to keep its ferry, the council said on Monday. “It is a victory for the island,” the mayor said.\n\nThe service will run all winter, twice a day, with cheaper fares for pupils.');
    expect(r.leftOut.map((d) => r.original.slice(d.start, d.end).trim())).toEqual(['Home · News · Sport', '© Island Times']);
    expect(r.fields).toEqual({ title: 'Ferry saved', outlet: 'Island Times', author: 'Bo Chen', date: '2023-03-16', language: 'en' });
    expect(r.provenance).toContain('(saved from https://islandtimes.example/2023/ferry-saved)');
  });
});

describe('a .webarchive whose page declares no encoding', () => {
  it('is read in the encoding Safari recorded for it', () => {
    const latin2 = new Uint8Array(readFileSync(new URL('../fixtures/webarchive/lodz-latin2.webarchive', import.meta.url)));
    const r = readFileText({ path: 'in/lodz.webarchive', name: 'lodz.webarchive', bytes: latin2 });
    expect(r.original).toBe('Łódź i Gdańsk, źródło.');
    expect(r.decoded).toMatchObject({ encoding: 'iso-8859-2', how: 'declared in the file' });
  });
});
