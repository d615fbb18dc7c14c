import { describe as suite, expect, it } from 'vitest';
import { checked, describe, Fields, Invalid, isPlainObject } from '../../src/validate/fields.ts';

suite('isPlainObject', () => {
  it('accepts JSON objects only', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(JSON.parse('{"a":1}'))).toBe(true);
    for (const v of [null, [], 'x', 1, new Date(), new Map()]) expect(isPlainObject(v)).toBe(false);
  });
});

suite('describe', () => {
  it('names a value briefly, cutting long strings', () => {
    expect(describe(undefined)).toBe('missing');
    expect(describe([1])).toBe('an array');
    expect(describe('x'.repeat(40))).toBe(`a string "${'x'.repeat(30)}…"`);
    expect(describe(true)).toBe('a boolean');
  });
});

suite('Fields', () => {
  it('reads typed fields and names the one at fault', () => {
    const f = new Fields({ s: 'ok', n: 3, b: false, e: null }, 'rec', ['s', 'n', 'b', 'e']);
    expect([f.str('s', 5), f.int('n', 0, 9), f.bool('b'), f.strOrNull('e', 5), f.intOrNull('e', 0, 1)]).toEqual(['ok', 3, false, null, null]);
    expect(() => f.str('s', 1)).toThrow('rec.s is 2 characters long, the limit is 1');
    expect(() => f.int('n', 4, 9)).toThrow('rec.n is 3, expected an integer from 4 to 9');
    expect(() => f.literal('s', ['a', 'b'])).toThrow('rec.s is "ok", expected one of a, b');
  });

  it('refuses unknown and prototype-reaching keys', () => {
    expect(() => new Fields({ x: 1 }, 'rec', ['s'])).toThrow('rec has an unknown field "x"');
    expect(() => new Fields(JSON.parse('{"__proto__":{}}'), 'rec', ['__proto__'])).toThrow('rec has a forbidden key "__proto__"');
    expect(() => new Fields([], 'rec', [])).toThrow('rec is an array, expected an object');
  });
});

suite('checked', () => {
  it('turns Invalid into a message and lets other errors through', () => {
    expect(checked(() => 1)).toEqual({ ok: true, value: 1 });
    expect(checked(() => {
      throw new Invalid('bad');
    })).toEqual({ ok: false, error: 'bad' });
    expect(() => checked(() => {
      throw new TypeError('bug');
    })).toThrow(TypeError);
  });
});
