/**
 * Family assembly (families.ts): what a family says about its formula — a
 * label as written, the shared core, the spread, the order of members and of
 * families — through detectReuse on small corpora, and its exported helpers.
 * Exact labels and counts belong to the formula tests; these hold whatever
 * the formula rules are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateKey, rankFamilies, sortSmall, uniqueSorted, wordingOf, wordingOfSpan } from '../../src/reuse/families.ts';
import { detectReuse, type Family, type ReuseInput } from '../../src/reuse/index.ts';
import { FILLER } from './fixtures.ts';

const year = (y: number) => ({ value: String(y), precision: 'year' as const, approximate: false });
const SLOGAN = 'restore the old stone lighthouse for future sailors';

/** Five documents over three outlets and three years; one says "ancient", the rest "old". */
const DOCS: ReuseInput[] = [
  { id: 'e', outlet: 'Courier', date: year(2021), text: `${FILLER[0]} The mayor said they will ${SLOGAN}. ${FILLER[1]}` },
  { id: 'a', outlet: 'Herald', date: year(2019), text: `${FILLER[2]} The council promised to ${SLOGAN}. ${FILLER[3]}` },
  { id: 'c', outlet: 'Herald', text: `${FILLER[4]} Residents asked them to ${SLOGAN}. ${FILLER[5]}` },
  { id: 'd', outlet: 'Gazette', date: year(2020), text: `${FILLER[6]} Critics doubted plans to ${SLOGAN.replace('old', 'ancient')}. ${FILLER[7]}` },
  { id: 'b', outlet: 'Herald', date: year(2019), text: `${FILLER[1]} Engineers hope to ${SLOGAN}. ${FILLER[0]}` },
];
const textOf = (doc: string, start: number, end: number) => DOCS.find((d) => d.id === doc)!.text.slice(start, end);

describe('buildFamilies (through detectReuse)', () => {
  const { families, passages } = detectReuse(DOCS);
  const f = families.find((x) => x.label.includes('lighthouse'))!;

  it('labels a family with its most common wording as written in one of its members', () => {
    expect(f).toBeDefined();
    expect(f.label).toContain('old stone lighthouse');
    expect(f.members.some((m) => textOf(m.doc, m.start, m.end).replace(/\s+/g, ' ') === f.label)).toBe(true);
    // Every variant's text stands in a member, and the counts add up to the members.
    for (const v of f.variants) expect(f.members.some((m) => textOf(m.doc, m.start, m.end).replace(/\s+/g, ' ') === v.text)).toBe(true);
    expect(f.variants.reduce((n, v) => n + v.count, 0)).toBe(f.members.length);
    expect(f.variants[0]!.text).toBe(f.label);
  });

  it('gives as core the shared words in matching form, each stretch of them as some member has it', () => {
    expect(f.core).toMatch(/stone lighthouse/);
    const wordings = f.members.map((m) => wordingOf(textOf(m.doc, m.start, m.end)));
    for (const piece of f.core.split('…').map((x) => x.trim()).filter(Boolean)) expect(wordings.some((w) => w.includes(piece))).toBe(true);
  });

  it('orders members by date, undated last, then id; spreads over outlets and years; first is the earliest dated', () => {
    expect([...new Set(f.members.map((m) => m.doc))]).toEqual(['a', 'b', 'd', 'e', 'c']);
    expect(f.documents).toBe(5);
    expect([...f.spread.outlets].sort()).toEqual(['Courier', 'Gazette', 'Herald']);
    expect([...f.spread.years].sort()).toEqual(['2019', '2020', '2021']);
    expect(f.spread.first).toEqual({ doc: 'a', date: '2019' });
    expect(f.kind).toBe('framing');
    expect(f.boilerplate).toBe(false);
  });

  it('links each family to passages between its own members (containment: formulas.test.ts)', () => {
    expect(f.passages.length).toBeGreaterThan(0);
    for (const fam of families) {
      for (const i of fam.passages) {
        const p = passages[i]!;
        const within = (s: { doc: string; start: number; end: number }) => fam.members.some((m) => m.doc === s.doc && m.start < s.end && s.start < m.end);
        expect(within(p.a) && within(p.b)).toBe(true);
      }
    }
  });

  it('gives the same families, with the same ids, whatever order the documents come in', () => {
    const again = detectReuse([...DOCS].reverse()).families;
    expect(again.map((x) => [x.id, x.label])).toEqual(families.map((x) => [x.id, x.label]));
  });
});

describe('a formula said inside a longer shared passage and reworded (through detectReuse)', () => {
  // The speech says the formula inside a longer passage that the tribune
  // shares with it; the analysis rewords it ("serait", one word of "sera" in
  // French) and reorders the rest. Each occurrence is the formula's own
  // (findInFrames, family-links.test.ts, adds those found only inside a frame).
  const day = (v: string) => ({ value: v, precision: 'day' as const, approximate: false });
  const FR: ReuseInput[] = [
    { id: 'speech', date: day('2020-03-16'), text: 'Nous sommes en guerre, en guerre sanitaire. L’État paiera, quoi qu’il en coûte. Aucune entreprise ne sera livrée au risque de faillite.' },
    { id: 'tribune', date: day('2021-08-30'), text: "Le « quoi qu’il en coûte » touche à sa fin. L'État a payé, quoi qu'il en coûtait. Aucune entreprise ne sera livrée au risque de faillite, promettait-on." },
    { id: 'analysis', date: day('2022-01-10'), text: "La fin du quoi qu'il en coûte : l’État paiera encore, mais moins. Aucune entreprise ne serait livrée au risque de faillite, disait le président en 2020." },
  ];
  const { families } = detectReuse(FR);
  const formula = families.find((x) => x.label.startsWith('Aucune'))!;

  it("counts the formula's occurrence in each document: its first occurrence is the earlier document", () => {
    expect(formula.spread.first?.doc).toBe('speech');
    expect(formula.documents).toBe(3);
    const inSpeech = formula.members.find((m) => m.doc === 'speech')!;
    expect(FR[0]!.text.slice(inSpeech.start, inSpeech.end)).toBe('Aucune entreprise ne sera livrée au risque de faillite');
    expect(formula.variants.reduce((n, v) => n + v.count, 0)).toBe(formula.members.length);
  });

  it('holds no two members at one place', () => {
    for (const f of families) {
      const docs = f.members.map((m) => m.doc);
      for (let i = 1; i < f.members.length; i++) if (docs[i] === docs[i - 1]) expect(f.members[i]!.start).toBeGreaterThanOrEqual(f.members[i - 1]!.end);
    }
  });

  it('finds the same whatever order the documents come in', () => {
    expect(detectReuse([...FR].reverse()).families).toEqual(families);
    expect(detectReuse([FR[1]!, FR[2]!, FR[0]!]).families).toEqual(families);
  });
});

describe('rankFamilies', () => {
  const fam = (label: string, over: Partial<Family> = {}, outlets = 1, years = 1): Family => ({
    id: label,
    label,
    core: label,
    kind: 'framing',
    boilerplate: false,
    contains: [],
    partOf: [],
    members: [],
    variants: [],
    spread: { first: null, outlets: Array.from({ length: outlets }, (_, i) => `o${i}`), years: Array.from({ length: years }, (_, i) => `${2000 + i}`) },
    documents: 2,
    passages: [],
    ...over,
  });

  it('puts boilerplate last, names after framing, then wider spread, more documents, more variation, then the label', () => {
    const expected = [
      fam('wide outlets', {}, 3, 1),
      fam('wide years', {}, 2, 3),
      fam('two years', {}, 2, 2),
      fam('more documents', { documents: 5 }),
      fam('varied', { variants: [{ wording: 'a', text: 'a', count: 1 }, { wording: 'b', text: 'b', count: 1 }] }),
      fam('alpha'),
      fam('beta'),
      fam('names', { kind: 'names' }, 5, 5),
      fam('footer', { boilerplate: true }, 5, 5),
    ];
    const shuffled = [expected[4]!, expected[8]!, expected[0]!, expected[6]!, expected[2]!, expected[7]!, expected[5]!, expected[1]!, expected[3]!];
    expect(shuffled.sort(rankFamilies).map((f) => f.label)).toEqual(expected.map((f) => f.label));
  });
});

describe('helpers', () => {
  it('wordingOf folds case, quotes and punctuation the same for ASCII and other text', () => {
    expect(wordingOf('  The “Internet Plus” — a `fair` world!  ')).toBe("the internet plus a 'fair' world");
    expect(wordingOf("Couldn't, WON'T")).toBe("couldn't won't");
    expect(wordingOf('Ｆｕｌｌ width, Café')).toBe('full width café');
  });

  it('wordingOfSpan is wordingOf of the slice (property)', () => {
    const piece = fc.constantFrom('a', 'B', ' ', ',', "'", '`', '\u2019', 'é', 'Ｆ', '网', '-', '\n', '1', 'Z');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), fc.nat(), (xs, i, j) => {
        const text = xs.join('');
        const start = text.length ? i % (text.length + 1) : 0;
        const end = start + (text.length - start ? j % (text.length - start + 1) : 0);
        expect(wordingOfSpan(text, start, end)).toBe(wordingOf(text.slice(start, end)));
      }),
    );
  });

  it('dateKey sorts undated after every date', () => {
    expect([dateKey(null), dateKey('2019-05'), dateKey(undefined), dateKey('2018')].sort()).toEqual(['2018', '2019-05', '\uffff', '\uffff']);
  });

  it('sortSmall sorts as Array.prototype.sort, stably, short or long; uniqueSorted keeps each value once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat()), { maxLength: 40 }), (xs) => {
        const byFirst = (x: [number, number], y: [number, number]) => x[0] - y[0];
        expect(sortSmall([...xs], byFirst)).toEqual([...xs].sort(byFirst));
        expect(uniqueSorted(xs.map((x) => x[0]))).toEqual([...new Set(xs.map((x) => x[0]))].sort((a, b) => a - b));
      }),
    );
  });
});
