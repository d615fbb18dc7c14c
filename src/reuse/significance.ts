/**
 * How likely a passage is to be found by chance: the expected number of
 * alignments at least as good in a corpus of this size if its words were
 * scattered at random (an e-value, as BLAST reports and BLAST-based
 * text-reuse detection uses).
 *
 *   E = pairs × ways × Π p(w)
 *
 * - p(w): for each content word the passage matches, the share of the
 *   corpus's content words that are w's stem outside every passage found
 *   (its background frequency, plus one so a word seen nowhere else is as
 *   rare as one seen once). A formula that recurs makes its own words
 *   common (in five articles about one slogan, "community", "destiny" and
 *   "cyberspace" are everywhere), and a variant of it would then look like
 *   chance; words common outside reused text ("unto", "shall") stay
 *   common. Function words are left out: they match everywhere. For a
 *   passage of the frequent-phrase path
 *   (frequent.ts), whose finding is that a phrase recurs in most
 *   documents, the share outside stock phrases: a slogan in every document
 *   does not make its own words common.
 * - pairs: the pairs of content-word positions where an alignment could
 *   start, N × (N − 1) / 2 for N content words in the corpus;
 * - ways: the ways to spread its k content matches over the L content
 *   words of its longer side with the first and last matched,
 *   C(L − 2, k − 2), L counted from the first matched content word to the
 *   last (words the alignment carries past them, a substitution at an
 *   edge, are no part of the spread): a passage whose matches are
 *   interrupted by substitutions and gaps could have been found in more
 *   ways.
 *
 * "Woe unto you, when all men shall" / "say unto you, All sins shall"
 * matches two very common words (unto, shall) over four: expected hundreds
 * of times in the gospels. A slogan of six rarer words matched in a row is
 * expected far less than once even in a large corpus. The model treats
 * words as independent, so it understates how often stock phrasing recurs
 * ("an economist based in … said that"): it rejects chance, not cliché.
 */
import { OP_MATCH } from './align.ts';
import { TOK_BANAL, TOK_CONTENT, TOK_CONTENT_BIT } from './prepare.ts';
import { radixSortPairs } from './radix-sort.ts';
import type { PathColumns, TokenPassage } from './formulas.ts';
import { int32Column, uint32Column } from './dead-memory.ts';

export class ChanceModel {
  /**
   * Per stem id: log p(w) = log(c + 1) − log N, c its occurrences as a
   * content word outside every passage (and, for the frequent path,
   * outside stock phrases too): one logarithm per stem, not per matched word.
   */
  readonly #logP: Float64Array;
  readonly #logPOutside: Float64Array;
  readonly #logPairs: number;
  /** log k! for k up to the longest side seen (grown on demand). */
  #logFactorial = new Float64Array(1024);

  /**
   * `type` and `flags` are the corpus-wide token columns (type id;
   * TOK_CONTENT, TOK_BANAL set by seeding), `typeStem` each type's stem id;
   * `occurrences` each stem's content words in the whole corpus and `n`
   * their sum (stem-stats.ts); `covered` the corpus-wide tokens inside
   * some passage, as ascending, disjoint runs: [start, end) pairs
   * (`coveredRuns`).
   */
  constructor(type: Int32Array, typeStem: Int32Array, flags: Uint8Array, tokens: number, occurrences: Int32Array, n: number, covered: Int32Array) {
    // The stem statistics counted every content word already: what is
    // taken off them is counted here, per type (2t: content words inside
    // the runs; 2t + 1: stock-phrase words between them, which are content
    // words), then added up per stem. Between the runs only the flag byte is read
    // (the type only at a stock-phrase word), not every token's type and
    // two counts (1M words: 14% of the tokens covered, 15% stock-phrase).
    const types = typeStem.length;
    const stems = occurrences.length;
    const counts = new Int32Array(2 * types);
    let t = 0;
    for (let k = 0; k <= covered.length; k += 2) {
      const end = k < covered.length ? covered[k]! : tokens;
      for (; t < end; t++) {
        if ((flags[t]! & TOK_BANAL) === 0) continue;
        const c = 2 * type[t]! + 1;
        counts[c] = counts[c]! + 1;
      }
      if (k === covered.length) break;
      // Inside a run, without a branch per token (content or not is unpredictable).
      for (const stop = covered[k + 1]!; t < stop; t++) {
        const c = 2 * type[t]!;
        counts[c] = counts[c]! + ((flags[t]! >>> TOK_CONTENT_BIT) & 1);
      }
    }
    const all = new Float64Array(stems);
    const outside = new Float64Array(stems);
    for (let s = 0; s < stems; s++) all[s] = occurrences[s]!;
    for (let t = 0; t < types; t++) {
      const s = typeStem[t]!;
      all[s] = all[s]! - counts[2 * t]!;
      outside[s] = outside[s]! - counts[2 * t + 1]!;
    }
    for (let s = 0; s < stems; s++) outside[s] = outside[s]! + all[s]!;
    const logN = Math.log(Math.max(1, n));
    for (let s = 0; s < stems; s++) {
      all[s] = Math.log(all[s]! + 1) - logN;
      outside[s] = Math.log(outside[s]! + 1) - logN;
    }
    this.#logP = all;
    this.#logPOutside = outside;
    this.#logPairs = n > 1 ? Math.log(n) + Math.log(n - 1) - Math.LN2 : 0;
    this.#fillFactorials(0);
  }

  #fillFactorials(from: number): void {
    const f = this.#logFactorial;
    if (from === 0) f[0] = 0;
    for (let i = Math.max(1, from); i < f.length; i++) f[i] = f[i - 1]! + Math.log(i);
  }

  #logChoose(n: number, k: number): number {
    if (k <= 0 || k >= n) return 0;
    if (n >= this.#logFactorial.length) {
      const old = this.#logFactorial;
      this.#logFactorial = new Float64Array(Math.max(n + 1, old.length * 2));
      this.#logFactorial.set(old);
      this.#fillFactorials(old.length);
    }
    const f = this.#logFactorial;
    return f[n]! - f[k]! - f[n - k]!;
  }

  /**
   * E for one passage: `oa`, `ob` are its documents' first tokens in the
   * corpus-wide columns, its steps [at, at + steps) of `path`.
   */
  expected(p: TokenPassage, path: PathColumns, type: Int32Array, typeStem: Int32Array, flags: Uint8Array, oa: number, ob: number, frequent: boolean): number {
    const logPOf = frequent ? this.#logPOutside : this.#logP;
    let logP = 0;
    let k = 0;
    const { op, ai, bj } = path;
    // The first and last content words matched, on each side.
    let a0 = -1;
    let a1 = -1;
    let b0 = -1;
    let b1 = -1;
    for (let s = p.at, end = p.at + p.steps; s < end; s++) {
      if (op[s] !== OP_MATCH) continue;
      const t = oa + ai[s]!;
      if ((flags[t]! & TOK_CONTENT) === 0) continue;
      k++;
      logP += logPOf[typeStem[type[t]!]!]!;
      if (a0 < 0) {
        a0 = ai[s]!;
        b0 = bj[s]!;
      }
      a1 = ai[s]!;
      b1 = bj[s]!;
    }
    let la = 0;
    for (let t = oa + a0; t <= oa + a1; t++) la += (flags[t]! >>> 3) & 1;
    let lb = 0;
    for (let t = ob + b0; t <= ob + b1; t++) lb += (flags[t]! >>> 3) & 1;
    const longer = Math.max(la, lb, k);
    return Math.exp(this.#logPairs + this.#logChoose(longer - 2, k - 2) + logP);
  }
}

/**
 * The corpus-wide tokens inside some passage's side (or a copy's run of a
 * frequent phrase), as `ChanceModel` reads them: ascending, disjoint
 * [start, end) runs, merged from the sides sorted by start (radix passes).
 * A run per side, not a flag per token: at 8M words a corpus-sized column
 * was fresh memory (page faults), filled at a random place per side.
 */
export function coveredRuns(passages: readonly TokenPassage[], tokOffset: Int32Array): Int32Array {
  let n = 0;
  for (const r of passages) n += 2 + (r.copies ? r.copies.length / 4 : 0);
  const starts = uint32Column(n);
  const ends = int32Column(n);
  let i = 0;
  for (const r of passages) {
    starts[i] = tokOffset[r.docA]! + r.aFirst;
    ends[i++] = tokOffset[r.docA]! + r.aLast + 1;
    starts[i] = tokOffset[r.docB]! + r.bFirst;
    ends[i++] = tokOffset[r.docB]! + r.bLast + 1;
    const c = r.copies;
    if (c) {
      for (let x = 0; x < c.length; x += 4) {
        starts[i] = tokOffset[c[x]!]! + c[x + 2]!;
        ends[i++] = tokOffset[c[x]!]! + c[x + 3]! + 1;
      }
    }
  }
  radixSortPairs(starts, ends, n);
  const runs = int32Column(2 * n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    if (m > 0 && starts[k]! <= runs[m - 1]!) {
      if (ends[k]! > runs[m - 1]!) runs[m - 1] = ends[k]!;
    } else {
      runs[m++] = starts[k]!;
      runs[m++] = ends[k]!;
    }
  }
  return runs.subarray(0, m);
}

/** 10^0 … 10^22: the powers of ten a double holds exactly. */
const POW10: number[] = [];
for (let i = 0, p = 1; i <= 22; i++, p *= 10) POW10.push(p);

/** e × 10^k, rounded once (|k| ≤ 22). */
const scaled = (e: number, k: number): number => (k >= 0 ? e * POW10[k]! : e / POW10[-k]!);

/**
 * E rounded to three significant digits, as the JSON carries it: the value
 * of `Number(e.toPrecision(3))`, which costs ≈ 0.5 µs a passage (a string
 * made and parsed; 8M words: 45.7K passages). For 1e-18 ≤ e < 1e18 the
 * three digits n are e × 10^k rounded (k making 100 ≤ n < 1000), unless
 * that product lies within 1e-7 of a half (its rounding error is below
 * 1e-12 there), and n / 10^k is then the double nearest the decimal, as
 * the string's parse gives: one correctly rounded operation on two exact
 * values. ≈ 0.14 µs.
 */
export function roundChance(e: number): number {
  if (e >= 1e-18 && e < 1e18) {
    // Math.log10 may be one off next to a power of ten.
    let k = 2 - Math.floor(Math.log10(e));
    let y = scaled(e, k);
    if (y < 100) y = scaled(e, ++k);
    else if (y >= 1000) y = scaled(e, --k);
    if (y >= 100 && y < 1000 && Math.abs(y - Math.floor(y) - 0.5) > 1e-7) {
      const n = Math.round(y);
      return k >= 0 ? n / POW10[k]! : n * POW10[-k]!;
    }
  }
  return e === 0 || !Number.isFinite(e) ? e : Number(e.toPrecision(3));
}

/**
 * The expected number of chance alignments in words a student reads:
 * "expected by chance: 1 in 40,000", "expected by chance: about 3 times".
 */
export function describeChance(e: number | null): string {
  if (e === null || !(e >= 0)) return 'expected by chance: not measured';
  if (e >= 0.95) return `expected by chance: about ${Math.round(e).toLocaleString('en-US')} time${Math.round(e) === 1 ? '' : 's'}`;
  const oneIn = 1 / e;
  if (oneIn >= 1e9) return 'expected by chance: less than 1 in a billion';
  const digits = Math.floor(Math.log10(oneIn)) - 1;
  const rounded = Math.round(oneIn / 10 ** Math.max(0, digits)) * 10 ** Math.max(0, digits);
  return `expected by chance: 1 in ${rounded.toLocaleString('en-US')}`;
}
