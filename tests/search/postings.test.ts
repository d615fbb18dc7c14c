import { Document } from 'flexsearch';
import { describe, expect, it } from 'vitest';
import { encodeForIndex } from '../../src/search/encode.ts';
import { findMatches, findOccurrences } from '../../src/search/match.ts';
import { INDEX_RESOLUTION, ParagraphIndex, type UnitSpan } from '../../src/search/postings.ts';
import { parseQuery, parseTerm } from '../../src/search/query.ts';
import { paragraphsOf } from '../../src/search/snippets.ts';

const WORDS = 'rule law rules of the governance cyberspace said minister said Said people’s people digital divide a an café Cafe naïve 网络 空间 网络空间治理 推动 共同体 o\u0301'.split(' ');

/** Deterministic pseudo-random documents of a few paragraphs over a tiny vocabulary (many ties and repeats). */
function corpus(seed: number, docs: number): string[] {
  let s = seed;
  const rnd = (n: number): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
  return Array.from({ length: docs }, () => {
    const paras = Array.from({ length: 1 + rnd(4) }, () => Array.from({ length: 1 + rnd(14) }, () => WORDS[rnd(WORDS.length)]).join(rnd(5) ? ' ' : ', '));
    return paras.join(rnd(3) ? '\n\n' : '\n\n\n');
  });
}

function unitsOf(texts: string[]): UnitSpan[] {
  const out: UnitSpan[] = [];
  texts.forEach((t, doc) => {
    for (const p of paragraphsOf(t)) if (p.end > p.start) out.push({ doc, start: p.start, end: p.end });
  });
  return out;
}

describe('ParagraphIndex.candidates', () => {
  it('finds and ranks paragraphs exactly as the FlexSearch Document index it replaced', () => {
    for (const seed of [1, 2, 3]) {
      const texts = corpus(seed, 80);
      const units = unitsOf(texts);
      const index = new ParagraphIndex(texts, units);
      const flex = new Document<{ id: number; text: string }>({
        tokenize: 'strict',
        resolution: INDEX_RESOLUTION,
        fastupdate: false,
        cache: false,
        encode: encodeForIndex,
        document: { id: 'id', index: ['text'] },
      });
      units.forEach((u, id) => flex.add({ id, text: texts[u.doc]!.slice(u.start, u.end) }));
      const queries = ['rule', 'rule law', 'law rule', 'said people', 'people said minister', 'governance cyberspace digital', '网络空间', '空间 rule', 'café naive', 'divide nothing'];
      for (const q of queries) {
        const raw = flex.search(q, { limit: units.length, index: 'text' }) as Array<{ result: number[] }>;
        expect(index.candidates(encodeForIndex(q)), `${q} (seed ${seed})`).toEqual((raw[0]?.result ?? []).map(Number));
      }
    }
  });

  it('finds nothing for a word no paragraph has', () => {
    const texts = ['rule of law\n\nlaw'];
    expect(new ParagraphIndex(texts, unitsOf(texts)).candidates(['rule', 'zebra'])).toEqual([]);
  });
});

describe('ParagraphIndex.matches and occurrences', () => {
  it('mark what findMatches and findOccurrences mark', () => {
    const texts = corpus(9, 40);
    const units = unitsOf(texts);
    const index = new ParagraphIndex(texts, units);
    const queries = ['rule', '"rule of law"', 'said people', '"the governance"', '网络空间', '空间', 'café', '"of the"'];
    for (const q of queries) {
      for (const parsed of [parseQuery(q), parseTerm(q)]) {
        const compiled = index.compile(parsed);
        units.forEach((u, id) => {
          const text = texts[u.doc]!.slice(u.start, u.end);
          expect(index.matches(id, compiled), q).toEqual(findMatches(text, parsed));
          expect(index.occurrences(id, compiled), q).toEqual(findOccurrences(text, parsed));
        });
      }
    }
  });
});

describe('ParagraphIndex token storage', () => {
  it('keeps offsets right in a paragraph longer than 65,536 code units', () => {
    const text = 'intro\n\n' + 'filler '.repeat(12_000) + 'zebra rule of law';
    const units = unitsOf([text]);
    const index = new ParagraphIndex([text], units);
    const q = parseQuery('"rule of law" zebra');
    const m = index.matches(1, index.compile(q));
    expect(m).toEqual(findMatches(text.slice(units[1]!.start), q));
    expect(m.ranges.map((r) => text.slice(units[1]!.start + r.start, units[1]!.start + r.end))).toEqual(['zebra', 'rule of law']);
  });

  it('keeps word forms apart in a corpus of more than 65,536 of them', () => {
    const words = Array.from({ length: 70_000 }, (_, i) => `w${i.toString(36)}x`);
    const text = words.join(' ') + '\n\n' + words.slice(65_530, 65_545).join(' ');
    const units = unitsOf([text]);
    const index = new ParagraphIndex([text], units);
    const last = words[69_999]!;
    expect(index.candidates(encodeForIndex(last))).toEqual([0]);
    expect(index.candidates(encodeForIndex(words[65_540]!))).toEqual([0, 1]);
    const q = parseQuery(words[65_540]!);
    expect(index.matches(1, index.compile(q))).toEqual(findMatches(text.slice(units[1]!.start), q));
  });
});

