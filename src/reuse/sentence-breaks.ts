/**
 * Sentence ends and paragraph breaks as the formula stages read them: a
 * sorted column of the corpus-wide tokens that follow a real break, where
 * each document's breaks start in it, and the breaks inside a stretch of one
 * document marked in a column of the caller's (found by binary search among
 * that document's breaks only: a few dozen, not the corpus's).
 */
import { GAP_PARAGRAPH, GAP_SENTENCE } from '../text/scan.ts';
import { grownCapacity, resized } from './buffers.ts';
import type { PreparedDoc } from './prepare.ts';
import { int32Column } from './dead-memory.ts';

const BREAK = GAP_SENTENCE | GAP_PARAGRAPH;
/**
 * Abbreviations a full stop follows without ending the sentence: titles,
 * months and a few others of the languages Refrain reads (function-words.ts),
 * as written. A capitalised short word in general is not one: "President
 * Xi.", "the Patriot Act.", "Yes." end their sentences.
 */
const ABBREVIATIONS = new Set(
  `Mr Mrs Ms Messrs Dr Drs Prof St Ste Sr Sra Srta Jr Mt Ft Co Corp Inc Ltd Bros Gen Col Lt Sgt Capt Cmdr Adm
  Gov Sen Rep Rev Hon Pres Dept Univ Fig Vol Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Ave Blvd Rd
  Mme Mlle Mgr Pr Hr Fr Nr Dipl Ing Str Dña Ud Uds Av Sig Sigg Dott Avv Dra Dhr Mevr Mw Ir
  ca kl nr resp bl np tzw tj ul inż Inż tzv např Bc MUDr JUDr PhDr RNDr Doc г гг им ул проф акад стр тыс млн млрд κ`.split(/\s+/),
);
const UPPER = /^\p{Lu}$/u;
/** The longest abbreviation's length in code units: a longer surface is none, told without reading its string. */
const ABBREVIATION_MAX = [...ABBREVIATIONS].reduce((m, w) => Math.max(m, w.length), 0);
/** Per surface type: not yet tested, an abbreviation, not one. */
const UNTESTED = 0;
const ABBREV = 1;
const NOT_ABBREV = 2;

export interface SentenceBreaks {
  /**
   * Corpus-wide indices of the tokens with a real sentence end or paragraph
   * break before them, ascending (punctuation after an abbreviation, "Mr.",
   * or an initial, "W.", ends no sentence).
   */
  breaks: Int32Array;
  /** Per document, and one past the last: index in `breaks` of its first break. */
  breakStart: Int32Array;
}

/**
 * The breaks of `prepared` (every document of the corpus, in corpus order,
 * as prepareDocs returns them): tokens after a sentence end
 * or paragraph break, except sentence punctuation that ends an abbreviation
 * ("Mr. Speaker"). Only the surface types that stand before a break are
 * tested as abbreviations, each once.
 */
export function sentenceBreaks(prepared: readonly PreparedDoc[], surface: readonly string[], flags: Uint8Array): SentenceBreaks {
  const abbrev = new Uint8Array(surface.length);
  const breakStart = new Int32Array(prepared.length + 1);
  // Room for a break every 8 tokens (8M words: 570K breaks, one every 14
  // tokens), grown by doubling past that, and returned as a view: grown
  // from 1,024 and cut to length, the column allocated 4.6x the breaks
  // (10.6 MB at 8M words, toward the 64 MB of new ArrayBuffers at which V8
  // starts a full GC).
  let out = int32Column((flags.length >> 3) + 1024);
  let count = 0;
  if (prepared.length === 0) return { breaks: out.subarray(0, 0), breakStart };
  const { type, typeLength } = prepared[0]!.corpus;
  // The corpus's flags read four at a time, as a 32-bit word, where they
  // are aligned: a token in 14 stands after a break, and most words hold
  // none (the tokens past the last whole word are read one by one).
  const words = flags.byteOffset % 4 === 0 ? new Uint32Array(flags.buffer, flags.byteOffset, flags.length >>> 2) : new Uint32Array(0);
  const wordsEnd = 4 * words.length;
  const anyBreak = BREAK * 0x01010101;
  // Document d holds token t; its first token ends no sentence.
  let d = 0;
  let next = prepared.length > 1 ? prepared[1]!.offset : flags.length;
  for (let t = 0; t < flags.length; t++) {
    if ((t & 3) === 0 && t < wordsEnd && (words[t >>> 2]! & anyBreak) === 0) {
      t += 3;
      continue;
    }
    if ((flags[t]! & BREAK) === 0) continue;
    while (t >= next) {
      breakStart[++d] = count;
      next = d + 1 < prepared.length ? prepared[d + 1]!.offset : flags.length;
    }
    if (t === prepared[d]!.offset) continue;
    const ty = type[t - 1]!;
    // A surface's length from the corpus's column: the strings lie
    // scattered over the heap (8M words: 28K types, a miss each).
    if (abbrev[ty] === UNTESTED) abbrev[ty] = typeLength[ty]! <= ABBREVIATION_MAX && isAbbreviation(surface[ty]!) ? ABBREV : NOT_ABBREV;
    if (abbrev[ty] === ABBREV) continue;
    if (count === out.length) out = resized(out, grownCapacity(count, count + 1), count);
    out[count++] = t;
  }
  while (d < prepared.length) breakStart[++d] = count;
  return { breaks: out.subarray(0, count), breakStart };
}

/** A known abbreviation (ABBREVIATIONS), or one capital letter: an initial ("George W. Bush", "U.S."). */
export function isAbbreviation(w: string): boolean {
  return ABBREVIATIONS.has(w) || (w.length === 1 && UPPER.test(w));
}

/** Index in `breaks[lo, hi)` of the first break at or after corpus-wide token `pos`, or `hi`. */
function lowerBound(breaks: Int32Array, lo: number, hi: number, pos: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A token in [first, last] of document `doc` (its tokens start at corpus-wide `off`) has a break before it. */
export function breakWithin(b: SentenceBreaks, doc: number, off: number, first: number, last: number): boolean {
  const hi = b.breakStart[doc + 1]!;
  const k = lowerBound(b.breaks, b.breakStart[doc]!, hi, off + first);
  return k < hi && b.breaks[k]! <= off + last;
}

/** The tokens t in [first, last] of document `doc` (its tokens start at corpus-wide `off`) with a break before them, ascending. */
export function breaksWithin(b: SentenceBreaks, doc: number, off: number, first: number, last: number): number[] {
  const { breaks } = b;
  const hi = b.breakStart[doc + 1]!;
  const out: number[] = [];
  for (let k = lowerBound(breaks, b.breakStart[doc]!, hi, off + first); k < hi && breaks[k]! <= off + last; k++) out.push(breaks[k]! - off);
  return out;
}

/**
 * Sets `bit` in `out[at + t]` for each token t in [first, last] of document
 * `doc` (its tokens start at corpus-wide `off`) with a break before it.
 */
export function markBreaks(b: SentenceBreaks, doc: number, off: number, first: number, last: number, out: Uint8Array, at: number, bit: number): void {
  const { breaks } = b;
  const hi = b.breakStart[doc + 1]!;
  for (let k = lowerBound(breaks, b.breakStart[doc]!, hi, off + first); k < hi && breaks[k]! <= off + last; k++) {
    const i = at + breaks[k]! - off;
    out[i] = out[i]! | bit;
  }
}
