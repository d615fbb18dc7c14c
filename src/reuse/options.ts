/**
 * Every threshold of the reuse engine, named. See README.md for the reasons.
 */

export interface ReuseOptions {
  /** Seeds pair a content word with each of the next 1 + `seedMaxSkip` content words. */
  seedMaxSkip: number;
  /**
   * Winnowing: in a corpus of at least `winnowMinWords` content words, keep
   * only the smallest seed hash in each run of `winnowWindow` seeds. Chance
   * matches then drop roughly with the square of the sampling rate, shared
   * passages only linearly. Smaller corpora keep every seed (best recall
   * for slogans, whose variants may share a single seed).
   */
  winnowWindow: number;
  winnowMinWords: number;
  /**
   * In such a large corpus, a pair of two common stems (each in more than
   * this share of the documents) is not used as a seed.
   */
  commonDocFraction: number;
  /**
   * In such a large corpus, winnowing prefers seeds whose two stems are
   * rare enough that the pair is expected to occur by chance at most about
   * `seedSafeChance` times in the corpus (among those, the smallest hash),
   * and keeps no seed expected more than `seedMaxChance` times by chance
   * (maxDistance × occurrences × occurrences / content words, in powers of
   * two). This bounds chance hits per seed, so their number grows linearly
   * with the corpus rather than with its square. 0 turns either off.
   */
  seedSafeChance: number;
  seedMaxChance: number;
  /** In a seed bucket larger than this, each occurrence pairs only with the next `seedPairFanout`. */
  seedAllPairsMax: number;
  seedPairFanout: number;
  /** A seed in more than this many documents is a stock phrase ... */
  banalMaxDocs: number;
  /**
   * ... (or, in a corpus large enough that this share of the documents is
   * more than `banalMaxDocs`, in more than this share; `banalMaxOccurrences`
   * then grows in proportion: the thresholds grow with the corpus, so the
   * stems that could form a stock phrase, and the pairs counted, stay in
   * proportion) ...
   */
  banalCorpusShare: number;
  /** ... or in more than this fraction of the documents, once the corpus has `banalMinCorpus` docs. */
  banalDocFraction: number;
  banalMinCorpus: number;
  /** A seed occurring more often than this in the whole corpus is ignored (keeps pair counts bounded). */
  banalMaxOccurrences: number;
  /** Seeds join one candidate if their diagonals differ by at most this (content words) ... */
  clusterDiagonalBand: number;
  /** ... and they are at most this many content words apart. */
  clusterMaxGap: number;
  /**
   * A candidate with fewer seeds than this is aligned only if, on the seed's
   * diagonal, at least `minMatchedTokens` tokens match within
   * `singleSeedWindow` tokens around it (a cheap test that drops chance hits).
   */
  minClusterSeeds: number;
  singleSeedWindow: number;
  /**
   * ... and at least `minContentMatches` content words outside stock
   * phrases match within this many tokens, on that diagonal or one next to it.
   */
  singleSeedContext: number;
  /**
   * ... and only if its seed's pair is expected to occur by chance at most
   * about this many times in the whole corpus (0: no limit).
   */
  singleSeedMaxChance: number;
  /** Tokens of context added around a candidate before aligning. */
  alignMargin: number;
  /** Extra diagonals (tokens) the banded alignment may stray from the seeds. */
  alignBand: number;
  /**
   * The alignment's scores: integers of at most SCORE_MAX either way (the
   * alignment adds them in 32-bit ints), a gap's further token costing no
   * more than its first (gapExtend >= gapOpen; see align.ts).
   */
  matchContent: number;
  matchFunction: number;
  mismatch: number;
  /** Cost of the first token of a gap, and of each further one. */
  gapOpen: number;
  gapExtend: number;
  /** Split an alignment at an unaligned stretch this long (tokens, either side). */
  splitUnaligned: number;
  /** An alignment that fails `minContentMatchRatio` as a whole is split at unaligned stretches this long (tokens, either side), each piece judged alone. */
  splitUnalignedWeak: number;
  /** Split at blank lines. */
  splitParagraphs: boolean;
  /** Keep a passage with at least this many content words on its longer side ... */
  minContentWords: number;
  /** ... and on its shorter side ... */
  minContentWordsShort: number;
  /** ... at least this many matched content words ... */
  minContentMatches: number;
  /** ... at least this many matched tokens ... */
  minMatchedTokens: number;
  /** ... and this share of the longer side's content words matched. */
  minContentMatchRatio: number;
  /**
   * A passage expected by chance more than this many times in a corpus of
   * this size is not reported (significance.ts; 0 keeps only the certain,
   * a huge number, 1e300, keeps all).
   */
  maxExpectedByChance: number;
  /** Two spans in one document are one formula if they overlap by this share of the longer. */
  familyOverlap: number;
  /** A token is in an occurrence's core if at least this share of the passages touching it match it. */
  formulaCoreShare: number;
  /** Cores in one document sharing this share of what either covers are one formula at two extents ... */
  formulaSameExtent: number;
  /** ... as is a group whose occurrences lie inside another's this often (a fragment) ... */
  formulaFragmentShare: number;
  /** ... while one inside this share of another's occurrences, less often than that, is a formula in a frame. */
  formulaContainsShare: number;
  /** Families whose order the documents contradict are one formula transposed when each stands beside another in this share of its documents (transposed.ts). */
  formulaTransposedShare: number;
  /** A family is 'names' when this share of its content words are capitalised mid-sentence or hold digits. */
  namesShare: number;
  /** A family is boilerplate when this share of its documents are one outlet's ... */
  boilerplateOutletShare: number;
  /** ... that outlet has at least this many of them, and at least this many other outlets' documents lack it ... */
  boilerplateMinDocs: number;
  /**
   * ... and it stands in at least this share of that outlet's documents: a
   * footer, byline or menu comes with nearly every page of its site, while a
   * slogan one outlet alone repeats in a few of its articles is a finding
   * (who uses it), not furniture to hide.
   */
  boilerplateOutletCoverage: number;
  /** Fewest distinct documents a family spans. */
  familyMinDocs: number;
}

export const DEFAULT_REUSE_OPTIONS: ReuseOptions = Object.freeze({
  seedMaxSkip: 2,
  winnowWindow: 4,
  winnowMinWords: 200_000,
  commonDocFraction: 0.2,
  seedSafeChance: 1,
  seedMaxChance: 2,
  seedAllPairsMax: 12,
  seedPairFanout: 4,
  banalMaxDocs: 100,
  banalCorpusShare: 0.05,
  banalDocFraction: 0.5,
  banalMinCorpus: 10,
  banalMaxOccurrences: 2000,
  clusterDiagonalBand: 4,
  clusterMaxGap: 8,
  minClusterSeeds: 2,
  singleSeedWindow: 5,
  singleSeedContext: 10,
  singleSeedMaxChance: 1,
  alignMargin: 8,
  alignBand: 6,
  matchContent: 3,
  matchFunction: 1,
  mismatch: -1,
  gapOpen: -2,
  gapExtend: -1,
  splitUnaligned: 8,
  splitUnalignedWeak: 4,
  splitParagraphs: true,
  minContentWords: 4,
  minContentWordsShort: 3,
  minContentMatches: 2,
  minMatchedTokens: 4,
  minContentMatchRatio: 0.5,
  maxExpectedByChance: 1,
  familyOverlap: 0.8,
  formulaCoreShare: 0.5,
  formulaSameExtent: 0.6,
  formulaFragmentShare: 0.8,
  formulaContainsShare: 0.5,
  formulaTransposedShare: 0.8,
  namesShare: 0.6,
  boilerplateOutletShare: 0.9,
  boilerplateMinDocs: 3,
  boilerplateOutletCoverage: 0.5,
  familyMinDocs: 2,
});

/** The largest alignment score (either way) an option may give. */
export const SCORE_MAX = 1000;

export function resolveOptions(options: Partial<ReuseOptions> | undefined): ReuseOptions {
  const merged = { ...DEFAULT_REUSE_OPTIONS, ...options };
  for (const [key, value] of Object.entries(merged)) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error(`detectReuse: option ${key} must be a finite number, got ${String(value)}`);
    }
  }
  for (const key of ['matchContent', 'matchFunction', 'mismatch', 'gapOpen', 'gapExtend'] as const) {
    const value = merged[key];
    if (!Number.isInteger(value) || Math.abs(value) > SCORE_MAX) {
      throw new Error(`detectReuse: option ${key} must be an integer from -${SCORE_MAX} to ${SCORE_MAX}, got ${String(value)}`);
    }
  }
  if (merged.gapExtend < merged.gapOpen) {
    throw new Error(`detectReuse: option gapExtend (${merged.gapExtend}) must not be below gapOpen (${merged.gapOpen})`);
  }
  return merged;
}

