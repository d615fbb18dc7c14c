import { describe, expect, it } from 'vitest';
import { CandidateAligner } from '../../src/reuse/align-candidates.ts';
import {
  CAND_A_FIRST,
  CAND_A_LAST,
  CAND_B_FIRST,
  CAND_B_LAST,
  CAND_DIAG_MAX,
  CAND_DIAG_MIN,
  CAND_DOC_A,
  CAND_DOC_B,
  CAND_INTS,
  CAND_RARITY,
  CAND_SEEDS,
  CandidateBatch,
} from '../../src/reuse/candidates.ts';
import { DEFAULT_REUSE_OPTIONS, type ReuseOptions } from '../../src/reuse/options.ts';
import { FILLER, prepared } from './fixtures.ts';

const texts = [
  `${FILLER[0]} We must protect the environment for future generations. ${FILLER[1]}`,
  `${FILLER[2]} It is time to safeguard the environment for coming generations. ${FILLER[3]}`,
  `Protect the environment for future generations, and protect the environment for future generations.`,
];
const { docs, vocab } = prepared(texts);

/** A candidate on the content word `word` of both documents (the first occurrence in a, the last in b). */
function candidate(da: number, db: number, word: string, seeds: number, rarity: number): number[] {
  const k = (d: number, last: boolean): number => {
    const ks = Array.from(docs[d]!.contentTok.keys()).filter((i) => vocab.surface[docs[d]!.type[docs[d]!.contentTok[i]!]!]!.toLowerCase() === word);
    return last ? ks[ks.length - 1]! : ks[0]!;
  };
  const ka = k(da, false);
  const kb = k(db, true);
  const diag = docs[db]!.contentTok[kb]! - docs[da]!.contentTok[ka]!;
  const rec = [];
  rec[CAND_DOC_A] = da;
  rec[CAND_DOC_B] = db;
  rec[CAND_A_FIRST] = ka;
  rec[CAND_A_LAST] = ka + 3;
  rec[CAND_B_FIRST] = kb;
  rec[CAND_B_LAST] = kb + 3;
  rec[CAND_DIAG_MIN] = diag;
  rec[CAND_DIAG_MAX] = diag;
  rec[CAND_SEEDS] = seeds;
  rec[CAND_RARITY] = rarity;
  return rec;
}

function run(cands: number[][], options: ReuseOptions = DEFAULT_REUSE_OPTIONS, chanceLog2Base = -10) {
  const aligner = new CandidateAligner(docs, docs[0]!.corpus, chanceLog2Base, options);
  const batch = new CandidateBatch();
  cands.forEach((c, k) => batch.records.set(c, CAND_INTS * k));
  batch.length = cands.length;
  aligner.alignBatch(batch);
  const a = (p: (typeof aligner.raw.list)[number]): string => {
    const d = docs[p.docA]!;
    return d.text.slice(d.start[p.aFirst], d.start[p.aLast]! + vocab.surface[d.type[p.aLast]!]!.length);
  };
  return aligner.raw.list.map((p) => [p.docA, p.docB, a(p)]);
}

describe('CandidateAligner', () => {
  it('aligns a candidate around its seeds and cuts its passage', () => {
    expect(run([candidate(0, 1, 'environment', 2, 0)])).toEqual([[0, 1, 'protect the environment for future generations']]);
  });

  it('lets a single-seed candidate through only if its diagonal supports it, and says how rare its seed must be', () => {
    // singleSeedMaxChance 1: rarity classes up to log2(1) - chanceLog2Base = 10 (the candidates above are not made: candidates.test.ts).
    expect(new CandidateAligner(docs, docs[0]!.corpus, -10, DEFAULT_REUSE_OPTIONS).singleMaxRarity).toBe(10);
    expect(run([candidate(0, 1, 'environment', 1, 10)])).toHaveLength(1);
    // A seed whose surroundings share too little.
    expect(run([candidate(0, 1, 'environment', 1, 0)], { ...DEFAULT_REUSE_OPTIONS, minMatchedTokens: 6 })).toEqual([]);
  });

  it('aligns a repeat inside one document with b after a', () => {
    const got = run([candidate(2, 2, 'environment', 2, 0)]);
    expect(got).toEqual([[2, 2, 'Protect the environment for future generations']]);
  });
});
