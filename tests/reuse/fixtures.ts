/** Small corpora for the engine's stage tests. */
import { Vocabulary } from '../../src/text/vocabulary.ts';
import { DocPair, docColumnsOf } from '../../src/reuse/pair.ts';
import { prepareDocs, type PreparedDoc } from '../../src/reuse/prepare.ts';

export function prepared(texts: readonly string[]): { docs: PreparedDoc[]; vocab: Vocabulary } {
  const vocab = new Vocabulary();
  const docs = prepareDocs(
    texts.map((text, i) => ({ id: `d${String(i).padStart(3, '0')}`, text })),
    vocab,
  );
  return { docs, vocab };
}

/** A seeded pseudo-random generator (mulberry32): the same texts on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `docs` texts of `words` words drawn from `vocabulary` made-up words (and a few stopwords). */
export function randomTexts(seed: number, docs: number, words: number, vocabulary: number): string[] {
  const next = random(seed);
  const lexicon = Array.from({ length: vocabulary }, (_, i) => `w${i.toString(36)}x`);
  const stop = ['the', 'of', 'and', 'to'];
  return Array.from({ length: docs }, () => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(next() < 0.2 ? stop[Math.floor(next() * stop.length)]! : lexicon[Math.floor(next() ** 2 * vocabulary)]!);
    return out.join(' ') + '.';
  });
}

/** Distinct filler: each sentence of its own words, so nothing matches by accident. */
export const FILLER = [
  'Markets opened slowly on Monday as traders weighed weather reports from the coast.',
  'A local bakery announced new opening hours after renovating its kitchen last spring.',
  'The football club signed a young goalkeeper from a northern academy this week.',
  'Researchers described a rare beetle found beneath old oak bark in the valley.',
  'Volunteers repainted the library benches before the autumn reading festival began.',
  'Farmers reported an early harvest of apples despite a dry and windy summer.',
  'A ferry delayed by fog reached the island two hours behind its timetable.',
  'Students built a small telescope and photographed the moon over the quarry.',
];

/** The pair (da, db) of prepared documents. */
export function pairOf(docs: readonly PreparedDoc[], da: number, db: number): DocPair {
  const pair = new DocPair(docs[0]!.corpus);
  pair.set(docColumnsOf(docs), da, db);
  return pair;
}
