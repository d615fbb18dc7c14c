/**
 * The paragraph index: an inverted index over typed arrays, plus every
 * paragraph's tokens as (offset, word form) pairs, so a search never cuts,
 * normalises or stems a string of the corpus again.
 *
 * Why not FlexSearch (measured on the 1,000,000-word synthetic corpus, see
 * tests/bench/search.bench.ts): its `add` alone, fed pre-encoded terms, costs
 * 4.4–5.5× T0 and its intersection walks every posting of every query word
 * (≈ 0.8 ms for a 5-word query, 8× the whole query budget), with or without
 * `limit`. Here postings are sorted unit ids, intersected rarest word first.
 *
 * Ranking is FlexSearch's, reproduced exactly (`resolution: 3`,
 * `tokenize: 'strict'`): each posting keeps the slot (start / middle / end)
 * of the word among the paragraph's distinct index terms, and paragraphs come
 * in the order FlexSearch's intersection completes them: by the highest
 * (slot, query word) pair, then by paragraph order.
 *
 * Words are what the shared scanner (src/text) finds; each distinct form as
 * written is normalised, stemmed and checked against the stopwords once.
 */
import { isStopword, normalizeWord, scanTokens, stem, TokenKind, type TokenSink } from '../text/index.ts';
import { mergeRanges } from './match.ts';
import type { ParsedQuery, Range } from './types.ts';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Position slots per posting: FlexSearch's `resolution` (start, middle, end). */
export const INDEX_RESOLUTION = 3;

/** FlexSearch's get_score for `tokenize: 'strict'`: the slot of the i-th of n distinct terms. */
function slotOf(i: number, n: number): number {
  if (i === 0) return 0;
  return n <= INDEX_RESOLUTION ? i : (((INDEX_RESOLUTION - 1) / n) * i + 1) | 0;
}

/** A copy of `a` with room for `size` values. */
function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** The scanner's tokens of one document, as columns (reused from document to document). */
class TokenBuffer implements TokenSink {
  start = new Int32Array(4096);
  end = new Int32Array(4096);
  kind = new Uint8Array(4096);
  length = 0;

  push(start: number, end: number, kind: TokenKind): void {
    if (this.length === this.start.length) {
      const size = this.length * 2;
      this.start = grown(this.start, size);
      this.end = grown(this.end, size);
      const k = new Uint8Array(size);
      k.set(this.kind);
      this.kind = k;
    }
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.kind[this.length] = kind;
    this.length++;
  }
}

export interface UnitSpan {
  doc: number;
  start: number;
  end: number;
}

export class ParagraphIndex {
  /**
   * Word form (as written) → form id: open addressing on the FNV-1a hash of
   * its code units, compared against a pool of them, so a form already seen
   * is found without cutting a substring (a string is made once per form).
   */
  #mask = (1 << 14) - 1;
  #slotHash = new Int32Array(1 << 14);
  #slotForm = new Int32Array(1 << 14);
  #pool = new Uint16Array(1 << 16);
  #poolLength = 0;
  #formOffset: number[] = [0];
  /** Per form: stem id, length in code units, and whether it is a content word (not a stopword; Han always). */
  #formStem: number[] = [];
  #formLength: number[] = [];
  #formContent: number[] = [];
  #formIndexed: number[] = [];
  /** Stem → stem id; a content stem is an index term. */
  readonly #stemIds = new Map<string, number>();
  /**
   * Tokens of every unit, back to back: start offset in the unit and form id,
   * 16 bits each when every unit is shorter than 65,536 code units and the
   * corpus has fewer than 65,536 word forms (the usual case), 32 otherwise.
   */
  readonly #tokStart: Uint16Array | Int32Array;
  readonly #tokForm: Uint16Array | Int32Array;
  /** unitTok[u] .. unitTok[u + 1]: unit u's tokens. */
  readonly #unitTok: Int32Array;
  /** postStart[t] .. postStart[t + 1]: units holding stem t (ascending) and its slot there. */
  readonly #postStart: Int32Array;
  readonly #postUnit: Int32Array;
  readonly #postSlot: Uint8Array;
  /** Per stem: marks for the query being answered (compared against #queryStamp). */
  #stemMark: Int32Array = new Int32Array(0);
  #queryStamp = 0;
  /** Per stem: the stamp of the last matches() call that saw it. */
  #stemSeen: Int32Array = new Int32Array(0);
  #seenStamp = 0;

  constructor(texts: readonly string[], units: readonly UnitSpan[]) {
    // About one token per six code units in English news; grown if needed.
    const estimate = Math.ceil(texts.reduce((n, t) => n + t.length, 0) / 6) + 16;
    let tokStart = new Int32Array(estimate);
    let tokForm = new Int32Array(estimate);
    let tokens = 0;
    let maxStart = 0;
    const unitTok = new Int32Array(units.length + 1);
    /** Distinct index terms of every unit in first-occurrence order, back to back. */
    let unitTerms = new Int32Array(estimate);
    let termCount = 0;
    const unitTermsAt = new Int32Array(units.length + 1);
    let seen = new Int32Array(1 << 12).fill(-1);
    const formStem = this.#formStem;
    const formIndexed = this.#formIndexed;
    // The scanner's tokens are collected per document, then turned into forms and
    // terms in one plain loop (no work inside the scanner's callback).
    const buffer = new TokenBuffer();
    let u = 0;
    while (u < units.length) {
      const di = units[u]!.doc;
      const text = texts[di]!;
      // Units of one document are consecutive and in text order: scan it once.
      let last = u;
      while (last + 1 < units.length && units[last + 1]!.doc === di) last++;
      buffer.length = 0;
      scanTokens(text, buffer);
      const bufStart = buffer.start;
      const bufEnd = buffer.end;
      const bufKind = buffer.kind;
      let unitStart = units[u]!.start;
      let unitEnd = units[u]!.end;
      if (tokens + buffer.length > tokStart.length) {
        const size = Math.max(tokStart.length * 2, tokens + buffer.length);
        tokStart = grown(tokStart, size);
        tokForm = grown(tokForm, size);
      }
      for (let i = 0; i < buffer.length; i++) {
        const start = bufStart[i]!;
        // Every token lies inside a unit of this document (units are the non-empty paragraphs).
        while (start >= unitEnd) {
          unitTok[u + 1] = tokens;
          unitTermsAt[u + 1] = termCount;
          u++;
          unitStart = units[u]!.start;
          unitEnd = units[u]!.end;
        }
        const form = this.#formOf(text, start, bufEnd[i]!, bufKind[i]!);
        const rel = start - unitStart;
        if (rel > maxStart) maxStart = rel;
        tokStart[tokens] = rel;
        tokForm[tokens] = form;
        tokens++;
        if (formIndexed[form] === 1) {
          const term = formStem[form]!;
          if (term >= seen.length) {
            const bigger = new Int32Array(Math.max(seen.length * 2, term + 1)).fill(-1);
            bigger.set(seen);
            seen = bigger;
          }
          if (seen[term] !== u) {
            seen[term] = u;
            if (termCount === unitTerms.length) unitTerms = grown(unitTerms, termCount * 2);
            unitTerms[termCount++] = term;
          }
        }
      }
      for (; u <= last; u++) {
        unitTok[u + 1] = tokens;
        unitTermsAt[u + 1] = termCount;
      }
    }
    this.#tokStart = maxStart < 0x10000 ? Uint16Array.from(tokStart.subarray(0, tokens)) : tokStart.slice(0, tokens);
    this.#tokForm = this.#formStem.length <= 0x10000 ? Uint16Array.from(tokForm.subarray(0, tokens)) : tokForm.slice(0, tokens);
    this.#unitTok = unitTok;

    // Postings by counting sort: units come out ascending, as FlexSearch stores them.
    const stems = this.#stemIds.size;
    const terms = unitTerms;
    const postStart = new Int32Array(stems + 1);
    for (let i = 0; i < termCount; i++) postStart[terms[i]! + 1]!++;
    for (let t = 0; t < stems; t++) postStart[t + 1]! += postStart[t]!;
    const fill = postStart.slice(0, stems);
    const postUnit = new Int32Array(termCount);
    const postSlot = new Uint8Array(termCount);
    for (let v = 0; v < units.length; v++) {
      const from = unitTermsAt[v]!;
      const n = unitTermsAt[v + 1]! - from;
      for (let i = 0; i < n; i++) {
        const at = fill[terms[from + i]!]!++;
        postUnit[at] = v;
        postSlot[at] = slotOf(i, n);
      }
    }
    this.#postStart = postStart;
    this.#postUnit = postUnit;
    this.#postSlot = postSlot;
  }

  #formOf(text: string, start: number, end: number, kind: TokenKind): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    const len = end - start;
    const mask = this.#mask;
    const slotHash = this.#slotHash;
    const slotForm = this.#slotForm;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const f = slotForm[slot]! - 1;
      if (f < 0) break;
      if (slotHash[slot] === h) {
        const off = this.#formOffset[f]!;
        if (this.#formOffset[f + 1]! - off === len) {
          const pool = this.#pool;
          let k = 0;
          while (k < len && pool[off + k] === text.charCodeAt(start + k)) k++;
          if (k === len) return f;
        }
      }
      slot = (slot + 1) & mask;
    }
    const id = this.#addForm(text.slice(start, end), kind);
    if (this.#poolLength + len > this.#pool.length) {
      const bigger = new Uint16Array(Math.max(this.#pool.length * 2, this.#poolLength + len));
      bigger.set(this.#pool);
      this.#pool = bigger;
    }
    const pool = this.#pool;
    for (let k = 0; k < len; k++) pool[this.#poolLength + k] = text.charCodeAt(start + k);
    this.#poolLength += len;
    this.#formOffset.push(this.#poolLength);
    slotHash[slot] = h;
    slotForm[slot] = id + 1;
    if ((id + 1) * 2 > mask) this.#rehash();
    return id;
  }

  /** Doubles the form table. */
  #rehash(): void {
    const oldHash = this.#slotHash;
    const oldForm = this.#slotForm;
    const size = oldHash.length * 2;
    const mask = size - 1;
    const slotHash = new Int32Array(size);
    const slotForm = new Int32Array(size);
    for (let i = 0; i < oldHash.length; i++) {
      if (oldForm[i] === 0) continue;
      const h = oldHash[i]!;
      let slot = (h ^ (h >>> 15)) & mask;
      while (slotForm[slot] !== 0) slot = (slot + 1) & mask;
      slotHash[slot] = h;
      slotForm[slot] = oldForm[i]!;
    }
    this.#mask = mask;
    this.#slotHash = slotHash;
    this.#slotForm = slotForm;
  }

  #addForm(surface: string, kind: TokenKind): number {
    const id = this.#formStem.length;
    const norm = normalizeWord(surface);
    const isHan = kind === TokenKind.Han;
    // As tokenize() has it: Han bigrams are their normal form and always content.
    const s = isHan ? norm : stem(norm);
    let sid = this.#stemIds.get(s);
    if (sid === undefined) {
      sid = this.#stemIds.size;
      this.#stemIds.set(s, sid);
    }
    this.#formStem.push(sid);
    this.#formLength.push(surface.length);
    const content = isHan || !isStopword(norm);
    this.#formContent.push(content ? 1 : 0);
    // An empty stem (a word of combining marks only) is never indexed, like a stopword.
    this.#formIndexed.push(content && s !== '' ? 1 : 0);
    return id;
  }

  /** Stem id of an index term or query stem, or -1 when no word of the corpus has it. */
  stemId(s: string): number {
    return this.#stemIds.get(s) ?? -1;
  }

  #postings(term: number): number {
    return this.#postStart[term + 1]! - this.#postStart[term]!;
  }

  /**
   * Units holding every one of `terms` (index terms, in query order, distinct),
   * in FlexSearch's rank order.
   */
  candidates(terms: readonly string[]): number[] {
    const n = terms.length;
    if (n === 0) return [];
    const postStart = this.#postStart;
    const postUnit = this.#postUnit;
    const postSlot = this.#postSlot;
    // Stem ids, and the query words ordered rarest first (insertion sort: a handful of words).
    const ids: number[] = [];
    const order: number[] = [];
    for (let x = 0; x < n; x++) {
      const t = this.stemId(terms[x]!);
      if (t < 0) return [];
      const size = postStart[t + 1]! - postStart[t]!;
      if (size === 0) return [];
      ids.push(t);
      let k = order.length;
      order.push(x);
      while (k > 0 && postStart[ids[order[k - 1]!]! + 1]! - postStart[ids[order[k - 1]!]!]! > size) {
        order[k] = order[k - 1]!;
        k--;
      }
      order[k] = x;
    }
    // Walk the rarest list; find each unit in the others by galloping forward.
    const rare = order[0]!;
    const cursor: number[] = [];
    for (let k = 0; k < n; k++) cursor.push(postStart[ids[order[k]!]!]!);
    // Each found unit with its completion key (slot * n + query word index).
    const found: number[] = [];
    const keys: number[] = [];
    const from = postStart[ids[rare]!]!;
    const to = postStart[ids[rare]! + 1]!;
    outer: for (let p = from; p < to; p++) {
      const unit = postUnit[p]!;
      let key = postSlot[p]! * n + rare;
      for (let k = 1; k < n; k++) {
        const x = order[k]!;
        const end = postStart[ids[x]! + 1]!;
        let lo = cursor[k]!;
        if (lo >= end) break outer;
        if (postUnit[lo]! < unit) {
          // Gallop to a bound, then binary search: the first posting ≥ unit.
          let step = 1;
          let hi = lo + 1;
          while (hi < end && postUnit[hi]! < unit) {
            lo = hi;
            step *= 2;
            hi = lo + step;
          }
          if (hi > end) hi = end;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (postUnit[mid]! < unit) lo = mid + 1;
            else hi = mid;
          }
        }
        cursor[k] = lo;
        if (lo >= end) break outer;
        if (postUnit[lo] !== unit) continue outer;
        const k2 = postSlot[lo]! * n + x;
        if (k2 > key) key = k2;
      }
      found.push(unit);
      keys.push(key);
    }
    // Stable counting sort by key: units stay ascending within a key.
    const count: number[] = [];
    for (let k = 0; k <= INDEX_RESOLUTION * n; k++) count.push(0);
    for (let i = 0; i < keys.length; i++) count[keys[i]! + 1]!++;
    for (let k = 1; k < count.length; k++) count[k]! += count[k - 1]!;
    const out: number[] = new Array<number>(found.length);
    for (let i = 0; i < found.length; i++) out[count[keys[i]!]!++] = found[i]!;
    return out;
  }

  /** Marks stems for one query; returns the stamp they carry. */
  #stamp(stemIds: readonly number[]): number {
    if (this.#stemMark.length < this.#stemIds.size) this.#stemMark = new Int32Array(this.#stemIds.size);
    const stamp = ++this.#queryStamp;
    for (const s of stemIds) if (s >= 0) this.#stemMark[s] = stamp;
    return stamp;
  }

  /** Start token indices of a phrase (stem ids; -1 never matches) as a consecutive run in unit tokens [from, to). */
  #phraseStarts(from: number, to: number, stems: readonly number[]): number[] {
    const out: number[] = [];
    if (stems.some((s) => s < 0)) return out;
    const n = stems.length;
    const form = this.#tokForm;
    const formStem = this.#formStem;
    outer: for (let i = from; i + n <= to; i++) {
      for (let k = 0; k < n; k++) if (formStem[form[i + k]!] !== stems[k]) continue outer;
      out.push(i);
    }
    return out;
  }

  /** Per query: its terms and phrases as stem ids. */
  compile(query: ParsedQuery): CompiledQuery {
    return {
      terms: query.terms.map((t) => this.stemId(t)),
      phrases: query.phrases.map((p) => p.stems.map((s) => this.stemId(s))),
    };
  }

  /**
   * findMatches (match.ts) over unit u's stored tokens; offsets relative to
   * the unit's start.
   */
  matches(u: number, q: CompiledQuery): { ranges: Range[]; complete: boolean } {
    const from = this.#unitTok[u]!;
    const to = this.#unitTok[u + 1]!;
    const tokStart = this.#tokStart;
    const form = this.#tokForm;
    const formStem = this.#formStem;
    const formLength = this.#formLength;
    const formContent = this.#formContent;
    const ranges: Range[] = [];
    let complete = true;
    if (q.terms.length) {
      const stamp = this.#stamp(q.terms);
      const mark = this.#stemMark;
      if (this.#stemSeen.length < mark.length) this.#stemSeen = new Int32Array(mark.length);
      const seen = this.#stemSeen;
      const seenStamp = ++this.#seenStamp;
      let distinct = 0;
      for (let i = from; i < to; i++) {
        const f = form[i]!;
        const s = formStem[f]!;
        if (mark[s] === stamp && formContent[f] === 1) {
          const start = tokStart[i]!;
          ranges.push({ start, end: start + formLength[f]! });
          if (seen[s] !== seenStamp) {
            seen[s] = seenStamp;
            distinct++;
          }
        }
      }
      if (distinct < q.terms.length) complete = false;
    }
    for (const stems of q.phrases) {
      const starts = this.#phraseStarts(from, to, stems);
      if (!starts.length) complete = false;
      for (const i of starts) {
        const last = i + stems.length - 1;
        ranges.push({ start: tokStart[i]!, end: tokStart[last]! + formLength[form[last]!]! });
      }
    }
    return { ranges: mergeRanges(ranges), complete };
  }

  /** findOccurrences (match.ts) over unit u's stored tokens, offsets relative to the unit's start. */
  occurrences(u: number, q: CompiledQuery): Range[] {
    const from = this.#unitTok[u]!;
    const to = this.#unitTok[u + 1]!;
    const tokStart = this.#tokStart;
    const form = this.#tokForm;
    const formStem = this.#formStem;
    const formLength = this.#formLength;
    const out: Range[] = [];
    for (const term of q.terms) {
      if (term < 0) continue;
      for (let i = from; i < to; i++) {
        const f = form[i]!;
        if (formStem[f] === term) out.push({ start: tokStart[i]!, end: tokStart[i]! + formLength[f]! });
      }
    }
    for (const stems of q.phrases) {
      for (const i of this.#phraseStarts(from, to, stems)) {
        const last = i + stems.length - 1;
        out.push({ start: tokStart[i]!, end: tokStart[last]! + formLength[form[last]!]! });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

export interface CompiledQuery {
  /** Distinct term stems (-1: not in the corpus). */
  terms: number[];
  phrases: number[][];
}
