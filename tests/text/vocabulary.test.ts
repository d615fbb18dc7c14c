import { describe, expect, it } from 'vitest';
import { TokenKind } from '../../src/text/scan.ts';
import { wordKeyIn } from '../../src/text/stem-language.ts';
import { fnv1a, fnv1aRange, Vocabulary } from '../../src/text/vocabulary.ts';

describe('fnv1a', () => {
  it('is the 32-bit FNV-1a of the UTF-16 code units, unsigned', () => {
    // Published FNV-1a test vectors (ASCII, one byte per code unit).
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
  it('hashes a range as it hashes the substring', () => {
    const s = 'the shared future';
    expect(fnv1aRange(s, 4, 10)).toBe(fnv1a('shared'));
  });
});

describe('Vocabulary', () => {
  it('gives one type per surface, and each type its matching form, stem and content flag', () => {
    const v = new Vocabulary();
    const building = v.typeOf('Building', TokenKind.Word);
    const the = v.typeOf('the', TokenKind.Word);
    expect(v.typeOf('Building', TokenKind.Word)).toBe(building);
    expect(v.size).toBe(2);
    expect(v.surface[building]).toBe('Building');
    expect(v.norm[building]).toBe('building');
    expect(v.content[building]).toBe(1);
    expect(v.content[the]).toBe(0);
    // Another surface of the same word is another type with the same stem.
    const builds = v.typeOf('builds', TokenKind.Word);
    expect(builds).not.toBe(building);
    expect(v.stemOf[builds]).toBe(v.stemOf[building]);
    expect(v.stems[v.stemOf[building]!]).toBe(v.stems[v.stemOf[builds]!]);
  });

  it('keeps Han characters unstemmed and always content', () => {
    const v = new Vocabulary();
    const t = v.typeOf('网络', TokenKind.Han);
    expect(v.stems[v.stemOf[t]!]).toBe('网络');
    expect(v.content[t]).toBe(1);
  });

  it('hashes stems from their text, whatever order documents come in', () => {
    const a = new Vocabulary();
    const b = new Vocabulary();
    for (const w of ['river', 'bridge', 'rivers']) a.typeOf(w, TokenKind.Word);
    for (const w of ['bridges', 'rivers']) b.typeOf(w, TokenKind.Word);
    const hashOf = (v: Vocabulary, w: string) => {
      const t = v.typeOf(w, TokenKind.Word);
      return v.stemHash[v.stemOf[t]!];
    };
    expect(hashOf(a, 'river')).toBe(hashOf(b, 'rivers'));
    const river = a.typeOf('river', TokenKind.Word);
    expect(hashOf(a, 'river')).toBe(fnv1a(a.stems[a.stemOf[river]!]!));
    expect(hashOf(a, 'bridge')).not.toBe(hashOf(a, 'river'));
  });

  it('looks up a range of a longer text without cutting it, and misses what it has not seen', () => {
    const v = new Vocabulary();
    const text = 'a shared future';
    const id = v.intern(text, 2, 8, TokenKind.Word, fnv1aRange(text, 2, 8));
    expect(v.surface[id]).toBe('shared');
    expect(v.lookup('we shared it', 3, 9, fnv1aRange('we shared it', 3, 9))).toBe(id);
    expect(v.lookup(text, 9, 15, fnv1aRange(text, 9, 15))).toBe(-1);
    // The same hash with other code units is another word (a collision is checked, not trusted).
    expect(v.lookup('sharee', 0, 6, fnv1aRange(text, 2, 8))).toBe(-1);
  });

  it('finds Latin-1 and wider surfaces alike, before and after the first wider one', () => {
    const v = new Vocabulary();
    const narrow = ['café', 'naïve', 'x'];
    const wide = ['网络', 'Ωmega', 'ǅemal', 'x\u0100'];
    const ids = narrow.map((w) => v.typeOf(w, TokenKind.Word));
    const wideIds = wide.map((w) => v.typeOf(w, TokenKind.Word));
    expect(new Set([...ids, ...wideIds]).size).toBe(narrow.length + wide.length);
    expect([...narrow, ...wide].map((w) => v.lookup(w, 0, w.length, fnv1a(w)))).toEqual([...ids, ...wideIds]);
    // A wider code unit is not its low byte ("x\u0100" is not "x\u0000").
    expect(v.lookup('x\u0000', 0, 2, fnv1a('x\u0100'))).toBe(-1);
  });

  it('keeps every type findable as the table grows past its first size', () => {
    const v = new Vocabulary();
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i.toString(36)}x`);
    const ids = words.map((w) => v.typeOf(w, TokenKind.Word));
    expect(new Set(ids).size).toBe(words.length);
    expect(words.map((w) => v.lookup(w, 0, w.length, fnv1a(w)))).toEqual(ids);
    expect(v.size).toBe(words.length);
    // The stem table grows alike: each word is a stem of its own, and
    // another surface of it (upper case) still finds that stem.
    expect(v.stems.length).toBe(words.length);
    // (stemOf is a view of the types interned so far: taken after interning.)
    const upperIds = words.map((w) => v.typeOf(w.toUpperCase(), TokenKind.Word));
    const stemOf = v.stemOf;
    expect(upperIds.map((t) => stemOf[t])).toEqual(ids.map((id) => stemOf[id]));
    expect(v.stems.length).toBe(words.length);
  });

  it('keeps stems whose hashes collide apart', () => {
    const v = new Vocabulary();
    // "altarag" and "zink" have the same 32-bit FNV-1a hash.
    expect(fnv1a('altarag')).toBe(fnv1a('zink'));
    const a = v.typeOf('altarag', TokenKind.Word);
    const z = v.typeOf('zink', TokenKind.Word);
    expect(v.stemOf[a]).not.toBe(v.stemOf[z]);
    expect(v.stems[v.stemOf[z]!]).toBe('zink');
    const zUpper = v.typeOf('Zink', TokenKind.Word);
    const aUpper = v.typeOf('Altarag', TokenKind.Word);
    expect(v.stemOf[zUpper]).toBe(v.stemOf[z]);
    expect(v.stemOf[aUpper]).toBe(v.stemOf[a]);
  });

  it("keys a type in a language's stemmer, once per (language, type), and takes new stems by type", () => {
    const v = new Vocabulary();
    const coute = v.typeOf('coûte', TokenKind.Word);
    const coutait = v.typeOf('coûtait', TokenKind.Word);
    const han = v.typeOf('网络', TokenKind.Han);
    expect(v.keyIn(coute, 'fr', wordKeyIn)).toBe(v.keyIn(coutait, 'fr', wordKeyIn));
    expect(v.keyIn(coute, 'en', wordKeyIn)).not.toBe(v.keyIn(coutait, 'en', wordKeyIn));
    expect(v.keyIn(coutait, null, wordKeyIn)).toBe('coutait');
    expect(v.keyIn(han, 'de', wordKeyIn)).toBe('网络');
    v.rekey(['x', 'y', 'x']);
    expect(v.stems).toEqual(['x', 'y']);
    expect(Array.from(v.stemOf)).toEqual([0, 1, 0]);
    expect(v.stemHash[0]).toBe(fnv1a('x') | 0);
    // The keys were kept: rekeying does not change them.
    expect(v.keyIn(coute, 'en', wordKeyIn)).toBe('cout');
  });
});
