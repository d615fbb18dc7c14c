import { describe, expect, it } from 'vitest';
import { REWORD_LEVELS, STOCK_PHRASES, countWords, generateCorpus, makeRng } from './synthetic-corpus.ts';

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('synthetic corpus', () => {
  const corpus = generateCorpus({ words: 60_000, seed: 11, plantedShare: 0.1 });
  const byId = new Map(corpus.docs.map((d) => [d.id, d]));

  it('is deterministic: same seed, identical output; other seed, other output', () => {
    const again = generateCorpus({ words: 60_000, seed: 11, plantedShare: 0.1 });
    expect(again).toEqual(corpus);
    expect(JSON.stringify(again)).toBe(JSON.stringify(corpus));
    const other = generateCorpus({ words: 60_000, seed: 12, plantedShare: 0.1 });
    expect(other.docs[0]!.text).not.toBe(corpus.docs[0]!.text);
  });

  it('the PRNG is seeded and uniform enough', () => {
    const a = makeRng(5), b = makeRng(5);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  it('planted spans are exact: the text at each span is the planted wording', () => {
    expect(corpus.planted.length).toBeGreaterThan(20);
    for (const p of corpus.planted) {
      expect(p.spans.length).toBe(p.texts.length);
      p.spans.forEach((s, i) => {
        expect(byId.get(s.doc)!.text.slice(s.start, s.end)).toBe(p.texts[i]);
        expect(p.texts[i]).toMatch(/^\S/);
        expect(p.texts[i]).toMatch(/\S$/);
      });
    }
  });

  it('each passage is 6–60 words, in 2–5 distinct documents, at every level', () => {
    for (const p of corpus.planted) {
      expect(p.words).toBeGreaterThanOrEqual(6);
      expect(p.words).toBeLessThanOrEqual(60);
      expect(countWords(p.texts[0]!)).toBe(p.words);
      expect(p.spans.length).toBeGreaterThanOrEqual(2);
      expect(p.spans.length).toBeLessThanOrEqual(5);
      expect(new Set(p.spans.map((s) => s.doc)).size).toBe(p.spans.length);
    }
    expect(new Set(corpus.planted.map((p) => p.level))).toEqual(new Set(REWORD_LEVELS));
  });

  it('rewords copies as its level says', () => {
    for (const p of corpus.planted) {
      const src = words(p.texts[0]!);
      for (const t of p.texts.slice(1)) {
        const copy = words(t);
        if (p.level === 'verbatim') expect(t).toBe(p.texts[0]);
        else expect(copy.join(' ')).not.toBe(src.join(' '));
        if (p.level === 'light') {
          // Same length; 1–2 words swapped (a multi-word swap may count twice).
          const diff = src.filter((w, i) => copy[i] !== w).length;
          expect(diff).toBeGreaterThanOrEqual(1);
          expect(diff).toBeLessThanOrEqual(4);
        }
        if (p.level === 'reordered') {
          // The same words in another order.
          expect([...copy].sort()).toEqual([...src].sort());
        }
        if (p.level === 'moderate') {
          // Changed throughout, but most words kept.
          const shared = copy.filter((w) => src.includes(w)).length;
          expect(shared / src.length).toBeGreaterThan(0.4);
        }
      }
    }
  });

  it('planted copies never overlap each other', () => {
    const spans = corpus.planted.flatMap((p) => p.spans).sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i]!.doc === spans[i - 1]!.doc) expect(spans[i]!.start).toBeGreaterThan(spans[i - 1]!.end);
    }
  });

  it('respects the word-count parameter within 5%', () => {
    for (const n of [5_000, 60_000, 250_000]) {
      const c = n === 60_000 ? corpus : generateCorpus({ words: n, seed: 3 });
      const counted = c.docs.reduce((s, d) => s + countWords(d.text), 0);
      expect(counted).toBe(c.words);
      expect(Math.abs(c.words - n) / n).toBeLessThan(0.05);
    }
  });

  it('puts stock phrases in most documents (boilerplate, not planted)', () => {
    const lower = corpus.docs.map((d) => d.text.toLowerCase());
    const share = (phrase: string): number => lower.filter((t) => t.includes(phrase)).length / lower.length;
    expect(share(STOCK_PHRASES[0])).toBeGreaterThan(0.7);
    expect(share('sign up for our morning newsletter')).toBeGreaterThan(0.7);
    const inSome = STOCK_PHRASES.filter((p) => share(p) > 0.1);
    expect(inSome.length).toBe(STOCK_PHRASES.length);
    for (const p of corpus.planted) for (const t of p.texts) expect(t.toLowerCase()).not.toContain(STOCK_PHRASES[0]);
  });

  it('gives documents outlets, dates and paragraphs', () => {
    for (const d of corpus.docs.slice(0, 20)) {
      expect(d.outlet).toBeTruthy();
      expect(d.date?.precision).toBe('day');
      expect(d.text).toContain('\n\n');
    }
  });
});

describe('synthetic corpus with formulas', () => {
  const plan = { sloganShares: [1, 0.6], frameShare: 0.12, footerOutlets: 3, ownSloganQuotes: 6, chancePerDoc: 0.5 };
  const base = generateCorpus({ words: 60_000, seed: 11, plantedShare: 0.1 });
  const corpus = generateCorpus({ words: 60_000, seed: 11, plantedShare: 0.1, formulas: plan });
  const byId = new Map(corpus.docs.map((d) => [d.id, d]));
  const group = (id: string) => corpus.formulas.find((f) => f.id === id)!;

  it('leaves the base text as it was: same planted wordings, formulas only added', () => {
    expect(corpus.planted.map((p) => p.texts)).toEqual(base.planted.map((p) => p.texts));
    expect(corpus.docs.map((d) => d.outlet)).toEqual(base.docs.map((d) => d.outlet));
    expect(corpus.words).toBeGreaterThan(base.words);
    expect(corpus.words).toBe(corpus.docs.reduce((s, d) => s + countWords(d.text), 0));
    // Without `formulas`, only the stock phrases and the network footer are listed.
    expect(new Set(base.formulas.map((f) => f.kind))).toEqual(new Set(['stock']));
  });

  it('every formula span holds its text', () => {
    for (const f of corpus.formulas) {
      expect(f.spans.length).toBe(f.texts.length);
      f.spans.forEach((s, i) => expect(byId.get(s.doc)!.text.slice(s.start, s.end)).toBe(f.texts[i]));
    }
  });

  it('plants slogans in 100% and 60% of the documents, mostly in their canonical wording', () => {
    const n = corpus.docs.length;
    for (const [id, share] of [['slogan-100', 1], ['slogan-60', 0.6]] as const) {
      const g = group(id);
      expect(new Set(g.spans.map((s) => s.doc)).size).toBe(Math.round(share * n));
      const canonical = g.texts.filter((t) => t.toLowerCase() === g.canonical).length;
      expect(canonical / g.texts.length).toBeGreaterThan(0.65);
      expect(canonical).toBeLessThan(g.texts.length);
    }
  });

  it('frames contain the first slogan', () => {
    const frame = group('frame');
    expect(frame.contains).toBe('slogan-100');
    expect(frame.spans.length).toBeGreaterThan(2);
    const slogans = group('slogan-100').spans;
    for (const s of frame.spans) {
      expect(slogans.some((x) => x.doc === s.doc && x.start > s.start && x.end < s.end)).toBe(true);
    }
  });

  it('outlet footers stand in every document of their outlet and nowhere else', () => {
    const footers = corpus.formulas.filter((f) => f.kind === 'footer');
    expect(footers).toHaveLength(3);
    for (const f of footers) {
      const docs = corpus.docs.filter((d) => d.outlet === f.outlet).map((d) => d.id);
      expect(f.spans.map((s) => s.doc)).toEqual(docs);
      expect(corpus.docs.filter((d) => d.text.includes(f.canonical!)).length).toBe(docs.length);
    }
  });

  it("one outlet's own slogan is in all its documents and quoted by others", () => {
    const own = group('own-slogan');
    const docs = new Set(own.spans.map((s) => s.doc));
    for (const d of corpus.docs.filter((x) => x.outlet === own.outlet)) expect(docs.has(d.id)).toBe(true);
    expect([...docs].some((id) => byId.get(id)!.outlet !== own.outlet)).toBe(true);
  });

  it('chance sentences share only a few common words', () => {
    const chance = group('chance');
    expect(chance.spans.length).toBeGreaterThan(10);
    const words = (t: string): string[] => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    for (const t of chance.texts.slice(0, 20)) expect(words(t).length).toBeGreaterThanOrEqual(3);
    const distinct = new Set(chance.texts.map((t) => t.toLowerCase()));
    expect(distinct.size).toBe(chance.texts.length);
  });
});
