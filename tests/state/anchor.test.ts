import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchor, describeRange, CONTEXT_LENGTH, type Anchor } from '../../src/state/anchor.ts';

const ORIGINAL =
  'The minister said the economy was resilient. Critics disagreed, saying that growth had stalled for a third quarter. ' +
  'Analysts expect interest rates to stay high well into next year, while households feel the squeeze.';

function select(text: string, quote: string, nth = 0): Anchor {
  let i = -1;
  for (let n = 0; n <= nth; n++) i = text.indexOf(quote, i + 1);
  if (i === -1) throw new Error(`fixture: "${quote}" not in text`);
  return describeRange(text, i, i + quote.length);
}

function placed(text: string, a: Anchor): string | null {
  const r = anchor(text, a);
  return 'orphaned' in r ? null : text.slice(r.start, r.end);
}

describe('describeRange', () => {
  it('records quote, context and position', () => {
    const a = describeRange('abcdef', 2, 4);
    expect(a).toEqual({ quote: 'cd', prefix: 'ab', suffix: 'ef', start: 2, end: 4 });
  });

  it('keeps at most CONTEXT_LENGTH characters of context', () => {
    const a = select(ORIGINAL, 'growth had stalled');
    expect(a.prefix.length).toBe(CONTEXT_LENGTH);
    expect(a.suffix.length).toBe(CONTEXT_LENGTH);
  });

  it('rejects empty, reversed and out-of-range ranges, naming them', () => {
    expect(() => describeRange('abc', 2, 2)).toThrow(/2-2/);
    expect(() => describeRange('abc', 2, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', 0, 4)).toThrow(/length 3/);
  });
});

describe('anchor', () => {
  it('finds an unchanged text at its position with full confidence', () => {
    const a = select(ORIGINAL, 'growth had stalled');
    expect(anchor(ORIGINAL, a)).toEqual({ start: a.start, end: a.end, confidence: 1 });
  });

  it('follows the quote when text is inserted before it', () => {
    const a = select(ORIGINAL, 'growth had stalled');
    const changed = 'BREAKING: an update was added at the top of the story. ' + ORIGINAL;
    const r = anchor(changed, a);
    expect(r).toMatchObject({ start: a.start + 55, confidence: 1 });
    expect(placed(changed, a)).toBe('growth had stalled');
  });

  it('follows the quote when text before it is deleted', () => {
    const a = select(ORIGINAL, 'interest rates');
    const changed = ORIGINAL.replace('The minister said the economy was resilient. ', '');
    expect(placed(changed, a)).toBe('interest rates');
  });

  it('re-anchors a quote edited inside (fuzzy), with lower confidence', () => {
    const a = select(ORIGINAL, 'saying that growth had stalled for a third quarter');
    const changed = ORIGINAL.replace('growth had stalled', 'growth has stalled');
    const r = anchor(changed, a);
    expect('orphaned' in r).toBe(false);
    if ('orphaned' in r) return;
    expect(changed.slice(r.start, r.end)).toBe('saying that growth has stalled for a third quarter');
    expect(r.confidence).toBeLessThan(1);
    expect(r.confidence).toBeGreaterThan(0.65);
  });

  it('re-anchors a quote with a typo fixed and text inserted before it', () => {
    const text = 'Intro. ' + ORIGINAL.replace('resilient', 'resilliant');
    const a = select(text, 'the economy was resilliant');
    const fixed = 'A new first paragraph, quite long. ' + ORIGINAL;
    expect(placed(fixed, a)).toBe('the economy was resilient');
  });

  it('uses prefix and suffix to pick the right copy of a duplicated quote', () => {
    const text = 'Alpha said: prices will rise. Beta said: prices will rise. Gamma said nothing.';
    const a = select(text, 'prices will rise', 1); // Beta's
    // Alpha's copy moves to where Beta's was; Beta's moves further away.
    const changed = 'Alpha added more words here: prices will rise. Beta said: prices will rise. Gamma said nothing.';
    const r = anchor(changed, a);
    expect(r).toMatchObject({ start: changed.indexOf('Beta said: ') + 'Beta said: '.length });
  });

  it('finds a quote that now appears twice (a duplicate inserted elsewhere) at its own context', () => {
    const a = select(ORIGINAL, 'interest rates');
    const changed = 'Markets watch interest rates closely. ' + ORIGINAL;
    const r = anchor(changed, a);
    expect(r).toMatchObject({ start: changed.indexOf('expect interest rates') + 'expect '.length });
  });

  it('orphans a deleted quote instead of placing it on similar text', () => {
    const a = select(ORIGINAL, 'growth had stalled for a third quarter');
    const changed = ORIGINAL.replace('Critics disagreed, saying that growth had stalled for a third quarter. ', '');
    expect(anchor(changed, a)).toEqual({ orphaned: true });
  });

  it('orphans a short quote whose only near match is different text', () => {
    const text = 'The cat sat on the mat. The dog ran.';
    const a = select(text, 'cat sat');
    expect(anchor('The car sat in the lot. The dog ran.', a)).toEqual({ orphaned: true });
  });

  it('orphans a repeated short quote whose context is gone', () => {
    const a = select(ORIGINAL, 'the');
    expect(anchor('the end of the story, and the rest', a)).toEqual({ orphaned: true });
  });

  it('orphans against an empty text', () => {
    expect(anchor('', select(ORIGINAL, 'economy'))).toEqual({ orphaned: true });
  });

  it('handles long quotes only exactly', () => {
    const long = ORIGINAL + ORIGINAL;
    const a = describeRange(long, 0, 300);
    expect(placed('x' + long, a)).toBe(long.slice(0, 300));
    expect(anchor(long.replace('minister', 'ministre'), a)).toEqual({ orphaned: true });
  });

  it('stays fast on a long text (fuzzy path)', () => {
    const big = ORIGINAL.repeat(500); // ~150 KB
    const a = select(ORIGINAL, 'saying that growth had stalled for a third quarter');
    const t0 = performance.now();
    anchor(big.replace(/growth had stalled/g, 'growth has stalled'), a);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('never places a range outside the text, and unchanged texts re-anchor exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 200 }),
        (text, x, y, other) => {
          const s = x % text.length;
          const e = s + 1 + (y % (text.length - s));
          const a = describeRange(text, s, e);
          const same = anchor(text, a);
          expect('orphaned' in same).toBe(false);
          if (!('orphaned' in same)) expect(text.slice(same.start, same.end)).toBe(a.quote);
          const r = anchor(other, a);
          if (!('orphaned' in r)) {
            expect(r.start).toBeGreaterThanOrEqual(0);
            expect(r.end).toBeLessThanOrEqual(other.length);
            expect(r.start).toBeLessThan(r.end);
            expect(r.confidence).toBeGreaterThan(0);
            expect(r.confidence).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
