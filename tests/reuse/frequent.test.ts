/**
 * The frequent-phrase path (frequent.ts) through detectReuse: a phrase in so
 * many documents that its seeds are stock phrases is still found, as one
 * family, by aligning each occurrence with one representative (a star), not
 * every pair of occurrences.
 */
import { describe, expect, it } from 'vitest';
import { detectReuse, type ReuseInput } from '../../src/reuse/index.ts';

const WORDS = 'amber basil cedar delta ember fjord garnet harbor iris juniper kestrel lotus meadow nectar orchid pebble quartz river saffron tundra umber violet willow yarrow zephyr'.split(' ');

/** Twenty documents with nothing in common but what `shared(i)` puts in them. */
function corpus(shared: (i: number) => string, n = 20): ReuseInput[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `doc${String(i).padStart(2, '0')}`,
    text: `${WORDS[i]} ${WORDS[(i + 3) % WORDS.length]} ${WORDS[(i + 7) % WORDS.length]} story number ${i}. ${shared(i)}`,
  }));
}

const SLOGAN = 'The council pledged to restore the old harbour lighthouse for future generations of sailors.';

describe('frequent phrases', () => {
  it('finds a phrase in most documents, its variants included, as one family over all of them', () => {
    // 16 of 20 documents: 12 word for word, 4 with one word changed; 4 without it.
    const docs = corpus((i) => (i >= 16 ? 'Nothing more was said about it.' : i % 4 === 3 ? SLOGAN.replace('restore', 'rebuild') : SLOGAN));
    const { families } = detectReuse(docs);
    const slogan = families.filter((f) => /harbour lighthouse/.test(f.label));
    expect(slogan).toHaveLength(1);
    const f = slogan[0]!;
    expect(f.documents).toBe(16);
    for (const m of f.members) expect(docs.find((d) => d.id === m.doc)!.text.slice(m.start, m.end)).toMatch(/harbour lighthouse/);
    expect(f.variants.length).toBeGreaterThanOrEqual(2);
  });

  it('aligns each occurrence with a representative: at most one passage per document, not one per pair', () => {
    const docs = corpus((i) => (i % 4 === 3 ? SLOGAN.replace('restore', 'rebuild') : SLOGAN));
    const { passages, families } = detectReuse(docs);
    expect(families.find((f) => /harbour lighthouse/.test(f.label))?.documents).toBe(20);
    // All pairs would be 190 passages.
    expect(passages.length).toBeLessThan(docs.length);
  });

  it('does not depend on the order of the documents', () => {
    const docs = corpus((i) => (i % 5 === 4 ? SLOGAN.replace('old', 'ancient') : SLOGAN), 15);
    const expected = detectReuse(docs);
    expect(detectReuse([...docs].reverse())).toEqual(expected);
  });
});

describe('frequent phrases that share words', () => {
  // Two clauses, each in 14 of 20 documents, that share only a name ("the
  // Harbour Public Licence"): each is a phrase of its own. A star
  // alignment of one clause's occurrence with the other's representative
  // covers the name alone; it must not make the two clauses one formula.
  const TERMS = 'You may redistribute this program under the terms of the Harbour Public Licence as published by the Lighthouse Software Foundation.';
  const PLACE = 'On Debian systems the complete text of the Harbour Public Licence can be found in the shared licences folder.';
  const docs = corpus((i) => [i < 14 ? TERMS : '', i >= 6 ? PLACE : ''].join(' '));
  const text = (m: { doc: string; start: number; end: number }) => docs.find((d) => d.id === m.doc)!.text.slice(m.start, m.end);

  it('keeps each clause a family of its own: no family holds members of both', () => {
    const { families } = detectReuse(docs);
    for (const f of families) {
      const kinds = new Set(f.members.map((m) => (/redistribute|Lighthouse/.test(text(m)) ? 'terms' : /Debian|folder/.test(text(m)) ? 'place' : 'name')));
      expect([...kinds], f.label).not.toEqual(expect.arrayContaining(['terms', 'place']));
    }
    const terms = families.find((f) => /redistribute/.test(f.label))!;
    const place = families.find((f) => /Debian systems/.test(f.label))!;
    expect(terms.documents).toBe(14);
    expect(place.documents).toBe(14);
  });
});
