import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHash, parseHash, KWIC_SORTS, PHRASE_SORTS, READER_MODES, type View } from '../../src/state/url.ts';

const examples: [View, string][] = [
  [{ name: 'home' }, '#/'],
  [{ name: 'library' }, '#/library'],
  [{ name: 'doc', id: 'bbc-2020-01', mode: 'text' }, '#/doc/bbc-2020-01'],
  [{ name: 'doc', id: 'a/b c', mode: 'original', at: 120, hl: { start: 5, end: 9 } }, '#/doc/a%2Fb%20c?mode=original&at=120&hl=5-9'],
  [{ name: 'compare', a: 'x', b: 'y', sync: true, case: true, punct: true, repeats: false }, '#/compare/x/y'],
  [{ name: 'compare', a: 'x', b: 'y', sync: false, case: false, punct: false, repeats: true, at: 3 }, '#/compare/x/y?sync=0&case=0&punct=0&repeats=1&at=3'],
  [{ name: 'phrases', sort: 'spread' }, '#/phrases'],
  [{ name: 'phrases', sort: 'first' }, '#/phrases?sort=first'],
  [{ name: 'family', id: 'f12', base: 'doc1' }, '#/family/f12?base=doc1'],
  [{ name: 'search', q: '', outlet: 'The Times', year: 2020 }, '#/search?outlet=The%20Times&year=2020'],
  [{ name: 'search', q: '气候变化' }, '#/search?q=%E6%B0%94%E5%80%99%E5%8F%98%E5%8C%96'],
  [{ name: 'kwic', q: 'we must', width: 8, sort: 'left' }, '#/kwic?q=we%20must&width=8&sort=left'],
  [{ name: 'trends', terms: ['a', 'b,c', '中国'] }, '#/trends?terms=a,b%2Cc,%E4%B8%AD%E5%9B%BD'],
  [{ name: 'trends', terms: [] }, '#/trends'],
  [{ name: 'notes' }, '#/notes'],
];

describe('formatHash', () => {
  it.each(examples)('formats %j', (view, hash) => {
    expect(formatHash(view)).toBe(hash);
  });
});

describe('parseHash', () => {
  it.each(examples)('round-trips %j', (view, hash) => {
    expect(parseHash(hash)).toEqual({ view });
  });

  it('reads the empty fragment as the first screen, and #/library as the library, without a warning', () => {
    for (const h of ['', '#', '#/', '/']) expect(parseHash(h)).toEqual({ view: { name: 'home' } });
    expect(parseHash('#/library')).toEqual({ view: { name: 'library' } });
  });

  it('accepts a trailing slash and a missing leading slash', () => {
    expect(parseHash('#doc/x/').view).toEqual({ name: 'doc', id: 'x', mode: 'text' });
  });

  it('falls back to the library with a warning on an unknown route', () => {
    const r = parseHash('#/reader/abc');
    expect(r.view).toEqual({ name: 'library' });
    expect(r.warning).toMatch(/Unknown page "reader"/);
  });

  it('falls back on a document link with no id', () => {
    const r = parseHash('#/doc/');
    expect(r.view).toEqual({ name: 'library' });
    expect(r.warning).toMatch(/no document/);
  });

  it('keeps the view and drops bad parameters with a warning', () => {
    const r = parseHash('#/doc/x?at=-5&hl=9-3&mode=weird');
    expect(r.view).toEqual({ name: 'doc', id: 'x', mode: 'text' });
    expect(r.warning).toMatch(/at=/);
    expect(r.warning).toMatch(/hl=/);
  });

  it('shows the one document of a half comparison link', () => {
    const r = parseHash('#/compare/x');
    expect(r.view).toEqual({ name: 'doc', id: 'x', mode: 'text' });
    expect(r.warning).toBeDefined();
  });

  it('shows all phrases for a family link without an id', () => {
    expect(parseHash('#/family').view).toEqual({ name: 'phrases', sort: 'spread' });
  });

  it('never throws on broken percent-encoding', () => {
    expect(parseHash('#/doc/%E0%A4%A').view).toEqual({ name: 'library' });
    const r = parseHash('#/search?q=%E0%A4%A');
    expect(r.view).toEqual({ name: 'search', q: '' });
    expect(r.warning).toMatch(/percent-encoding/);
  });

  it('refuses absurdly long fragments', () => {
    expect(parseHash('#/search?q=' + 'a'.repeat(10_000)).warning).toMatch(/too long/);
  });

  it('rejects out-of-range years and widths', () => {
    expect(parseHash('#/search?year=12').view).toEqual({ name: 'search', q: '' });
    expect(parseHash('#/kwic?width=0').view).toEqual({ name: 'kwic', q: '', sort: 'doc' });
  });

  it('has no field that could carry notes or highlights', () => {
    // A regression guard: the View union is the only thing a link encodes.
    const keys = new Set(examples.flatMap(([v]) => Object.keys(v)));
    for (const k of keys) expect(k).not.toMatch(/note|highlight|anchor/i);
  });

  it('never throws and always returns a view that formats and re-parses to itself (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const { view } = parseHash(s);
        expect(parseHash(formatHash(view))).toEqual({ view });
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom('#/doc/', '#/compare/', '#/search?', '#/kwic?', '#/trends?terms=', '#/family/', '#/phrases?sort='),
        fc.string({ maxLength: 60 }),
        (prefix, rest) => {
          const { view } = parseHash(prefix + rest);
          expect(parseHash(formatHash(view))).toEqual({ view });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

const id = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 });
const text = fc.string({ unit: 'binary', maxLength: 40 });
const nat = fc.nat({ max: 1e9 });
const viewArb: fc.Arbitrary<View> = fc.oneof(
  fc.constant<View>({ name: 'library' }),
  fc.constant<View>({ name: 'home' }),
  fc.constant<View>({ name: 'notes' }),
  fc
    .record(
      {
        id,
        mode: fc.constantFrom(...READER_MODES),
        at: nat,
        hl: fc.tuple(fc.nat({ max: 1e6 }), fc.integer({ min: 1, max: 1000 })).map(([s, l]) => ({ start: s, end: s + l })),
      },
      { requiredKeys: ['id', 'mode'] },
    )
    .map((r): View => ({ name: 'doc', ...r })),
  fc
    .record(
      { a: id, b: id, sync: fc.boolean(), case: fc.boolean(), punct: fc.boolean(), repeats: fc.boolean(), at: nat },
      { requiredKeys: ['a', 'b', 'sync', 'case', 'punct', 'repeats'] },
    )
    .map((r): View => ({ name: 'compare', ...r })),
  fc.constantFrom(...PHRASE_SORTS).map((sort): View => ({ name: 'phrases', sort })),
  fc.record({ id, base: id }, { requiredKeys: ['id'] }).map((r): View => ({ name: 'family', ...r })),
  fc
    .record({ q: text, outlet: id, year: fc.integer({ min: 1000, max: 9999 }) }, { requiredKeys: ['q'] })
    .map((r): View => ({ name: 'search', ...r })),
  fc
    .record({ q: text, width: fc.integer({ min: 1, max: 500 }), sort: fc.constantFrom(...KWIC_SORTS) }, { requiredKeys: ['q', 'sort'] })
    .map((r): View => ({ name: 'kwic', ...r })),
  fc.array(id, { maxLength: 5 }).map((terms): View => ({ name: 'trends', terms })),
);

describe('formatHash ∘ parseHash', () => {
  it('round-trips every view, Unicode and lone surrogates included (property)', () => {
    fc.assert(
      fc.property(viewArb, (view) => {
        expect(parseHash(formatHash(view))).toEqual({ view });
      }),
      { numRuns: 3000 },
    );
  });
});
