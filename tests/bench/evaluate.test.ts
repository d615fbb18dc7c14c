import { describe, expect, it } from 'vitest';
import { languageOfText } from '../../src/text/language.ts';
import { coverage, evaluate, overlap } from './evaluate.ts';
import { loadParallel, PARALLEL_FR_DIR } from './parallel-fixture.ts';
import { standinDetectReuse } from './standin-reuse.ts';
import { generateCorpus } from './synthetic-corpus.ts';
import type { PassageLike, Span, TruthGroup } from './types.ts';

const s = (doc: string, start: number, end: number): Span => ({ doc, start, end });
const truth: TruthGroup[] = [
  { id: 'g1', level: 'verbatim', spans: [s('A', 100, 200), s('B', 50, 150), s('C', 0, 100)], words: 8 },
  { id: 'g2', level: 'light', spans: [s('A', 300, 340), s('B', 400, 440)], words: 40 },
];
const P = (a: Span, b: Span, tier = 'close'): PassageLike => ({ a, b, score: 1, tier });

describe('span arithmetic', () => {
  it('overlap and coverage', () => {
    expect(overlap(s('A', 0, 10), s('A', 5, 20))).toBe(5);
    expect(overlap(s('A', 0, 10), s('B', 0, 10))).toBe(0);
    expect(overlap(s('A', 0, 10), s('A', 10, 20))).toBe(0);
    expect(coverage(s('A', 0, 10), s('A', 5, 25))).toBe(0.25);
  });
});

describe('evaluate', () => {
  it('perfect result: recall 1, precision 1', () => {
    const passages = [
      P(s('A', 100, 200), s('B', 50, 150)),
      P(s('C', 0, 100), s('A', 100, 200)), // reversed orientation
      P(s('B', 50, 150), s('C', 0, 100)),
      P(s('A', 300, 340), s('B', 400, 440), 'loose'),
    ];
    const e = evaluate({ passages }, truth);
    expect(e.recall).toEqual({ found: 4, total: 4, rate: 1 });
    expect(e.recallByLevel.verbatim!.rate).toBe(1);
    expect(e.recallByLevel.light!.rate).toBe(1);
    expect(e.precision.rate).toBe(1);
    expect(e.precisionByTier.loose).toEqual({ found: 1, total: 1, rate: 1 });
    expect(e.charPrecision).toBe(1);
    expect(e.recallByLength['1-12']!.total).toBe(3);
    expect(e.recallByLength['31+']!.total).toBe(1);
  });

  it('partial overlap: ≥ 50% of each planted span counts, less does not', () => {
    const half = evaluate({ passages: [P(s('A', 150, 260), s('B', 100, 150))] }, truth);
    expect(half.recall.found).toBe(1); // A: 50/100, B: 50/100
    expect(half.precision.rate).toBe(1);
    expect(half.charPrecision).toBeCloseTo((50 + 50) / (110 + 50));
    const less = evaluate({ passages: [P(s('A', 151, 200), s('B', 50, 150))] }, truth);
    expect(less.recall.found).toBe(0); // A: 49/100
    expect(less.precision.rate).toBe(1); // still touches the same planted passage
    const strict = evaluate({ passages: [P(s('A', 100, 200), s('B', 50, 150))] }, truth, { minCoverage: 1 });
    expect(strict.recall.found).toBe(1);
  });

  it('wrong pair: sides on two different planted passages, or on filler, are false positives', () => {
    const e = evaluate({
      passages: [
        P(s('A', 100, 200), s('B', 400, 440)), // g1 ~ g2
        P(s('A', 500, 600), s('B', 500, 600)), // filler ~ filler
        P(s('A', 100, 200), s('A', 100, 200)), // the same span twice is not a pair
      ],
    }, truth, { keepMissed: 10 });
    expect(e.recall.found).toBe(0);
    expect(e.precision).toEqual({ found: 0, total: 3, rate: 0 });
    expect(e.missed).toHaveLength(4);
  });

  it('empty result: recall 0, precision undefined (NaN)', () => {
    const e = evaluate({ passages: [] }, truth);
    expect(e.recall).toEqual({ found: 0, total: 4, rate: 0 });
    expect(e.precision.total).toBe(0);
    expect(e.precision.rate).toBeNaN();
    expect(e.charPrecision).toBeNaN();
    expect(e.families.count).toBe(0);
    const none = evaluate({ passages: [] }, []);
    expect(none.recall.rate).toBeNaN();
  });

  it('family purity', () => {
    const e = evaluate({
      passages: [],
      families: [
        { id: 'f1', members: [s('A', 100, 200), s('B', 60, 140), s('C', 10, 90)] }, // pure g1
        { id: 'f2', members: [s('A', 300, 340), s('B', 60, 140), s('D', 0, 50)] }, // g2, g1, nothing
      ],
    }, truth);
    expect(e.families.count).toBe(2);
    expect(e.families.members).toBe(6);
    expect(e.families.purity).toBeCloseTo((3 + 1) / 6);
  });
});

describe('bench inputs end to end (stand-in detector)', () => {
  it('the stand-in finds verbatim plants and little reworded text', () => {
    const c = generateCorpus({ words: 40_000, seed: 5, plantedShare: 0.1, boilerplate: false });
    const e = evaluate(standinDetectReuse(c.docs), c.planted);
    expect(e.recallByLevel.verbatim!.rate).toBeGreaterThan(0.9);
    expect(e.recallByLevel.moderate!.rate).toBeLessThan(e.recallByLevel.verbatim!.rate);
  });

  it('the parallel fixture loads: every quote found once, spans exact', () => {
    const { docs, truth: groups } = loadParallel();
    expect(docs.map((d) => d.id)).toEqual(['luke', 'mark', 'matthew']);
    expect(groups.length).toBeGreaterThan(15);
    for (const d of docs) {
      expect(d.outlet).toBe('King James Version');
      expect(d.date?.value).toBe('1611');
      expect(d.text.startsWith('---')).toBe(false);
    }
    const voice = groups.find((g) => g.id === 'baptism-voice')!;
    const at = voice.spans.find((x) => x.doc === 'mark')!;
    expect(docs.find((d) => d.id === 'mark')!.text.slice(at.start, at.end)).toBe(
      'And there came a voice from heaven, saying, Thou art my beloved Son, in whom I am well pleased',
    );
  });

  it('the French parallel fixture loads: the same episodes in Louis Segond 1910, every quote found once', () => {
    const { docs, truth: groups } = loadParallel(PARALLEL_FR_DIR);
    expect(docs.map((d) => d.id)).toEqual(['luc', 'marc', 'matthieu']);
    expect(groups).toHaveLength(24);
    for (const d of docs) {
      expect(d.outlet).toBe('Louis Segond 1910');
      expect(d.date?.value).toBe('1910');
      expect(d.text.startsWith('---')).toBe(false);
      expect(d.text.split('\n\n')).toHaveLength(4); // one paragraph per episode
      expect(languageOfText(d.text)).toBe('fr'); // what the set is for: French function words
    }
    const text = (doc: string): string => docs.find((d) => d.id === doc)!.text;
    const voice = groups.find((g) => g.id === 'baptism-voice')!;
    const at = voice.spans.find((x) => x.doc === 'marc')!;
    expect(text('marc').slice(at.start, at.end)).toBe(
      "Et une voix fit entendre des cieux ces paroles: Tu es mon Fils bien-aimé, en toi j'ai mis toute mon affection",
    );
    // The refrain of the sower's seeds: three occurrences per gospel, each marked inside its context.
    const refrain = groups.find((g) => g.id === 'sower-another-part')!;
    expect(refrain.spans).toHaveLength(9);
    for (const sp of refrain.spans) expect(text(sp.doc).slice(sp.start, sp.end)).toBe('Une autre partie tomba');
    const stony = groups.find((g) => g.id === 'sower-stony')!;
    expect(stony.contains).toBe('sower-another-part');
    for (const sp of stony.spans) expect(refrain.spans.some((r) => r.doc === sp.doc && r.start === sp.start)).toBe(true);
  });
});
