import { describe, expect, it } from 'vitest';
import { evaluateFormulas, labelIsVerbatim, type FormulaFamilyLike, type KnownGroup } from './formula-metrics.ts';
import { loadParallel, locateQuote, SOTU_DIR } from './parallel-fixture.ts';
import type { Span } from './types.ts';

const s = (doc: string, start: number, end: number): Span => ({ doc, start, end });
const text = 'Governor Marrow first proposed the vision of building a green and open harbour economy. The end.';
const docs = ['A', 'B', 'C'].map((id) => ({ id, text }));
// The slogan is [S0, S1), the frame around it [F0, S1), the last sentence [E0, E1).
const S0 = text.indexOf('a green'), S1 = text.indexOf('.'), F0 = 0;
const E0 = text.indexOf('The end'), E1 = text.length;
const known: KnownGroup[] = [
  { id: 'slogan', level: 'slogan', kind: 'slogan', spans: [s('A', S0, S1), s('B', S0, S1), s('C', S0, S1)] },
  { id: 'frame', level: 'frame', kind: 'frame', spans: [s('A', F0, S1), s('B', F0, S1)] },
  { id: 'chance', level: 'chance', kind: 'chance', spans: [s('C', E0, E1)] },
];
const fam = (id: string, label: string, members: Span[], boilerplate = false): FormulaFamilyLike => ({ id, label, members, boilerplate });

describe('evaluateFormulas', () => {
  it('one family per formula, verbatim labels: fragmentation 1, purity 1', () => {
    const e = evaluateFormulas({
      passages: [{ a: s('A', S0, S1), b: s('B', S0, S1) }, { a: s('A', F0, S1), b: s('B', F0, S1) }],
      families: [
        fam('f1', 'a green and open harbour economy', [s('A', S0, S1), s('B', S0, S1), s('C', S0, S1)]),
        fam('f2', 'Governor Marrow first proposed the vision of building a green and open harbour economy', [s('A', F0, S1), s('B', F0, S1)]),
      ],
    }, docs, known);
    expect(e.precision.rate).toBe(1);
    expect(e.purity).toBe(1);
    expect(e.fragmentation).toEqual({ formulas: 2, families: 2, ratio: 1, frames: 0 });
    expect(e.labelVerbatim.rate).toBe(1);
    expect(e.held.slogan).toMatchObject({ occurrences: 3, held: 3, share: 1, families: 1, bestFamily: 'f1' });
    // A member that is the whole frame does not hold the slogan inside it.
    expect(e.held.frame).toMatchObject({ held: 2, bestFamily: 'f2' });
  });

  it('fragments raise fragmentation; lower-cased or cut labels are not verbatim', () => {
    const e = evaluateFormulas({
      passages: [],
      families: [
        fam('f1', 'a green and open', [s('A', S0, S0 + 16), s('B', S0, S0 + 16)]),
        fam('f2', 'open harbour economy', [s('A', S0 + 12, S1), s('C', S0 + 12, S1)]),
        fam('f3', 'The end', [s('A', E0, E1 - 1), s('B', E0, E1 - 1)]),
      ],
    }, docs, known);
    expect(e.fragmentation).toEqual({ formulas: 1, families: 2, ratio: 2, frames: 0 });
    expect(e.strayFamilies).toBe(1);
    expect(e.labelVerbatim.found).toBe(3);
    expect(labelIsVerbatim(fam('x', 'A green and open', [s('A', S0, S0 + 16)]), () => text)).toBe(false);
    expect(labelIsVerbatim(fam('x', 'green  and\nopen', [s('A', S0, S0 + 16)]), () => text)).toBe(true);
    expect(labelIsVerbatim(fam('x', '', [s('A', S0, S0 + 16)]), () => text)).toBe(false);
  });

  it('passages on chance sentences are wrong and counted; boilerplate on a slogan is false', () => {
    const e = evaluateFormulas({
      passages: [{ a: s('C', E0, E1), b: s('A', E0, E1) }, { a: s('A', S0, S1), b: s('C', S0, S1) }],
      families: [fam('f1', 'a green and open harbour economy', [s('A', S0, S1), s('C', S0, S1)], true)],
    }, docs, known);
    expect(e.precision).toEqual({ found: 1, total: 2, rate: 0.5 });
    expect(e.chancePassages).toBe(1);
    expect(e.falseBoilerplate).toBe(1);
    expect(e.boilerplateFamilies).toBe(1);
    expect(e.held.slogan!.boilerplate).toBe(true);
  });
});

describe('labelled quotes', () => {
  it('[[…]] marks the occurrence inside a quote with context', () => {
    const t = 'God bless you. Good night. God bless you.';
    expect(locateQuote(t, 'Good night. [[God bless you]].', 'x')).toEqual({ start: 27, end: 40 });
    expect(() => locateQuote(t, 'God bless you', 'x')).toThrow(/more than once/);
    expect(() => locateQuote(t, 'God save you', 'x')).toThrow(/not found/);
  });

  it('the State of the Union set loads: 20 addresses, every quote exact', () => {
    const { docs, truth } = loadParallel(SOTU_DIR);
    expect(docs).toHaveLength(20);
    expect(truth.length).toBeGreaterThanOrEqual(10);
    for (const d of docs) {
      expect(d.outlet).toBeTruthy();
      expect(d.date?.precision).toBe('year');
    }
    const wmd = truth.find((g) => g.id === 'wmd')!;
    expect(wmd.spans.filter((x) => x.doc === '2002-gwbush')).toHaveLength(4);
    for (const sp of wmd.spans) expect(docs.find((d) => d.id === sp.doc)!.text.slice(sp.start, sp.end)).toBe('weapons of mass destruction');
    expect(truth.find((g) => g.id === 'union-report')!.contains).toBe('union-state');
  });
});
