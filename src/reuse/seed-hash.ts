/**
 * A seed is an ordered pair of content-word stems; its hash is 32 bits
 * mixed from the two stems' string hashes (FNV-1a of the stem, so it does
 * not depend on the order in which documents were read).
 */

/**
 * The first stem's hash is multiplied by 2^32 / φ (Knuth's multiplicative
 * constant) before it meets the second's, so (a, b) and (b, a) differ.
 */
const FIRST_STEM_MULTIPLIER = 0x9e3779b1;
/** The multiplier of MurmurHash3's 32-bit finaliser (fmix32). */
const MIX_MULTIPLIER = 0x85ebca6b;
const MIX_SHIFT_1 = 15;
const MIX_SHIFT_2 = 13;

/** The first stem's part of a seed hash (computed once per word, reused for its partners). */
export function firstStemPart(stemHash: number): number {
  return Math.imul(stemHash, FIRST_STEM_MULTIPLIER);
}

/** The hash of the seed (first, second), given `firstStemPart(first)`, unsigned. */
export function seedHash(firstPart: number, secondStemHash: number): number {
  let h = firstPart ^ secondStemHash;
  h = Math.imul(h ^ (h >>> MIX_SHIFT_1), MIX_MULTIPLIER);
  return (h ^ (h >>> MIX_SHIFT_2)) >>> 0;
}
