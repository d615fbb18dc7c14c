/**
 * The members of every family, read document by document. Each member
 * reads its document's token columns and text at its tokens (its readable
 * extent, its span, its tokens for the wording). Family by family those
 * reads jump across the corpus (8M words: 100 MB of token columns and 60 MB
 * of text, every member a few cache and TLB misses, and `buildFamilies`
 * grew 15× for 7× the members); here every occurrence of every family is
 * visited in document and token order, so they are read front to back, and
 * what the families need is left in columns they read at their own
 * occurrences.
 */
import { FNV_OFFSET, FNV_PRIME } from '../text/vocabulary.ts';
import { FirstOf } from './first-of.ts';
import type { Formula } from './formulas.ts';
import { edges, spanEdges } from './member-span.ts';
import { TOUCH_MEMBERS, touchMembers } from './prefetch.ts';
import type { PreparedDoc } from './prepare.ts';
import { radixOrder } from './radix-sort.ts';
import { clauseTail, moveToReadable, sentenceHead, takeTail, type Extent } from './readable-extent.ts';
import { int32Column } from './dead-memory.ts';

/** Per occurrence of the formulas that are families; formula f's are [base[f], base[f + 1]), in its own order. */
export interface MemberColumns {
  base: Int32Array;
  doc: Int32Array;
  /** The occurrence's tokens (its core). */
  first: Int32Array;
  last: Int32Array;
  /** Code-unit offsets of the core's first and last token (the family id hashes them). */
  startFirst: Int32Array;
  startLast: Int32Array;
  /** Its extent as a reader would quote it (readable-extent.ts). */
  readFirst: Int32Array;
  readLast: Int32Array;
  /** That extent in the text (member-span.ts): code units [spanStart, spanEnd). */
  spanStart: Int32Array;
  spanEnd: Int32Array;
  /**
   * The occurrence's own readable extent, before its family's moves, and
   * its sentenceHead and clauseTail there: what the occurrence alone
   * gives, kept so that reading its members again (rereadMembers) does
   * not work it out again.
   */
  ownFirst: Int32Array;
  ownLast: Int32Array;
  head: Int8Array;
  tail: Int8Array;
  /**
   * Members with the very same tokens (readable extents of equal length
   * and types) have the same value: the first such occurrence met in
   * document order.
   */
  tokens: Int32Array;
}

/** Columns for `n` members, formula f's [base[f], base[f + 1]). */
function memberColumns(base: Int32Array, n: number): MemberColumns {
  return {
    base,
    doc: int32Column(n),
    first: int32Column(n),
    last: int32Column(n),
    startFirst: int32Column(n),
    startLast: int32Column(n),
    readFirst: int32Column(n),
    readLast: int32Column(n),
    spanStart: int32Column(n),
    spanEnd: int32Column(n),
    ownFirst: int32Column(n),
    ownLast: int32Column(n),
    head: new Int8Array(n),
    tail: new Int8Array(n),
    tokens: int32Column(n),
  };
}

/**
 * The columns for the formulas with `isFamily[f]` set (others get no
 * occurrences). (A flag column, not a predicate: a closure made per call
 * would be inlined into the optimised code and, dead after the call, throw
 * it away.)
 */
export function readMembers(formulas: readonly Formula[], isFamily: Uint8Array, prepared: readonly PreparedDoc[], known: Known | null = null): MemberColumns {
  const base = new Int32Array(formulas.length + 1);
  for (let f = 0; f < formulas.length; f++) base[f + 1] = base[f]! + (isFamily[f] ? formulas[f]!.occurrences.length : 0);
  const n = base[formulas.length]!;
  const c = memberColumns(base, n);
  for (let f = 0; f < formulas.length; f++) {
    const occ = formulas[f]!.occurrences;
    for (let k = 0, x = base[f]!; x < base[f + 1]!; k++, x++) {
      c.doc[x] = occ[k]!.doc;
      c.first[x] = occ[k]!.first;
      c.last[x] = occ[k]!.last;
    }
  }
  let order = radixOrder(c.first, n);
  order = radixOrder(c.doc, n, order);
  // Each member's readable extent, and how far its sentence's start and its
  // clause's end are (readable-extent.ts: sentenceHead, clauseTail); an
  // occurrence read before (`known`) is copied: `was[x]` is its member there.
  const head = c.head;
  const scratch: Extent = { first: 0, last: 0 };
  const was = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (i % TOUCH_MEMBERS === 0) touchMembers(order, i, Math.min(n, i + TOUCH_MEMBERS), c.doc, c.first, c.last, prepared);
    const x = order[i]!;
    const d = prepared[c.doc[x]!]!;
    const y = known === null ? -1 : known.find(d.offset + c.first[x]!, c.doc[x]!, c.first[x]!, c.last[x]!);
    if (y >= 0) {
      const k = known!.m;
      was[x] = y;
      c.startFirst[x] = k.startFirst[y]!;
      c.startLast[x] = k.startLast[y]!;
      c.ownFirst[x] = k.ownFirst[y]!;
      c.ownLast[x] = k.ownLast[y]!;
      head[x] = k.head[y]!;
      c.tail[x] = k.tail[y]!;
      continue;
    }
    c.startFirst[x] = d.start[c.first[x]!]!;
    c.startLast[x] = d.start[c.last[x]!]!;
    scratch.first = c.first[x]!;
    scratch.last = c.last[x]!;
    moveToReadable(d, scratch);
    c.ownFirst[x] = scratch.first;
    c.ownLast[x] = scratch.last;
    head[x] = sentenceHead(d, scratch);
    c.tail[x] = clauseTail(d, scratch);
  }
  c.readFirst.set(c.ownFirst);
  c.readLast.set(c.ownLast);
  const tail = c.tail.slice();
  // Words to a clause's end that another formula's occurrence holds are not this one's to take.
  const formulaOf = new Int32Array(n);
  for (let f = 0; f < formulas.length; f++) formulaOf.fill(f, base[f]!, base[f + 1]!);
  for (let i = 0; i < n; i++) {
    const x = order[i]!;
    if (tail[x]! > 0 && tailHeld(c, order, formulaOf, i, c.readLast[x]! + 1, c.readLast[x]! + tail[x]!)) tail[x] = -1;
  }
  moveEdgesByFamily(c, formulas.length, head, tail, prepared);
  const classes = new TokenClasses(n);
  for (let i = 0; i < n; i++) {
    if (i % TOUCH_MEMBERS === 0) touchMembers(order, i, Math.min(n, i + TOUCH_MEMBERS), c.doc, c.readFirst, c.readLast, prepared);
    const x = order[i]!;
    const d = prepared[c.doc[x]!]!;
    const y = was[x]!;
    if (y >= 0 && known!.m.readFirst[y] === c.readFirst[x] && known!.m.readLast[y] === c.readLast[x]) {
      c.spanStart[x] = known!.m.spanStart[y]!;
      c.spanEnd[x] = known!.m.spanEnd[y]!;
    } else {
      spanEdges(d, c.readFirst[x]!, c.readLast[x]!);
      c.spanStart[x] = edges.start;
      c.spanEnd[x] = edges.end;
    }
    c.tokens[x] = classes.of(x, d.type, c.readFirst[x]!, c.readLast[x]!);
  }
  return c;
}

/**
 * A member of another formula than `order[i]`'s, in its document, that
 * starts after it and holds one of the tokens [from, to] after its end (a
 * frame around it, starting before it, holds its words too and does not count).
 */
function tailHeld(c: MemberColumns, order: Uint32Array, formulaOf: Int32Array, i: number, from: number, to: number): boolean {
  const x = order[i]!;
  const doc = c.doc[x];
  for (let j = i + 1; j < order.length && c.doc[order[j]!] === doc && c.first[order[j]!]! <= to; j++) {
    const y = order[j]!;
    if (formulaOf[y] !== formulaOf[x] && c.first[y]! > c.first[x]! && c.last[y]! >= from) return true;
  }
  return false;
}

/**
 * A family whose members mostly (more than half) start within a few words
 * of their sentence's start, more than half of them after the same words,
 * moves the starts of those near it there: a reader quotes "We must never
 * forget…", not "must never forget…" (the core, built on content words,
 * starts after "We"); words that differ from member to member ("Президент
 * предложил | …", "Министр снова поддержал | …") are each document's own,
 * not the formula's. Likewise a family whose members mostly end within a
 * few words of their clause's end moves those ends there: the words a
 * formula leaves its versions to fill ("eine Frage | des Überlebens.", "…
 * | der Verantwortung.") are what its versions are compared on. Words
 * where another formula's occurrence starts are that formula's: a member
 * whose clause ends past one is not near its end.
 */
function moveEdgesByFamily(c: MemberColumns, formulas: number, head: Int8Array, tail: Int8Array, prepared: readonly PreparedDoc[]): void {
  const scratch: Extent = { first: 0, last: 0 };
  const heads = new Map<string, number>();
  for (let f = 0; f < formulas; f++) {
    const from = c.base[f]!;
    const to = c.base[f + 1]!;
    let near = 0;
    let same = 0;
    let tails = 0;
    heads.clear();
    for (let x = from; x < to; x++) {
      if (head[x]! >= 0) near++;
      if (tail[x]! >= 0) tails++;
      if (head[x]! > 0) {
        const key = headKey(prepared[c.doc[x]!]!, c.readFirst[x]!, head[x]!);
        const n = (heads.get(key) ?? 0) + 1;
        heads.set(key, n);
        if (n > same) same = n;
      }
    }
    const moveHeads = 2 * near > to - from && 2 * same > to - from;
    const moveTails = 2 * tails > to - from;
    if (!moveHeads && !moveTails) continue;
    for (let x = from; x < to; x++) {
      if (moveHeads && head[x]! > 0) c.readFirst[x] = c.readFirst[x]! - head[x]!;
      if (moveTails && tail[x]! > 0) {
        scratch.first = c.readFirst[x]!;
        scratch.last = c.readLast[x]!;
        takeTail(prepared[c.doc[x]!]!, scratch, tail[x]!);
        c.readLast[x] = scratch.last;
      }
    }
  }
}

/** The stems of the `k` words before token `first`, as a key. */
function headKey(d: PreparedDoc, first: number, k: number): string {
  let key = '';
  for (let t = first - k; t < first; t++) key += `${d.corpus.typeStem[d.type[t]!]},`;
  return key;
}

/**
 * Token classes: of members met in document order, the first with the
 * very tokens of each (types of its readable extent). The classes are kept
 * by a hash of the types (the table holds a hash's first class, `next`
 * chains the others: no array per hash, for 109K members at 8M words), and
 * compared token by token with a copy of each class's types, made as its
 * first member is read (its tokens then in the cache): compared with the
 * class's first member in the corpus, every member read that member's
 * types at a random place in the 32 MB type column (8M words).
 */
export class TokenClasses {
  #byHash = new FirstOf();
  /** Per member that starts a class: the next class with its hash (-1: none), where its copy starts in `#types`, and its length. */
  #next: Int32Array;
  #at: Int32Array;
  #len: Int32Array;
  /** Each class's types, one after another; `#used` of them filled. */
  #types: Int32Array;
  #used = 0;

  /** For members 0 … n - 1. */
  constructor(n: number) {
    this.#next = new Int32Array(n);
    this.#at = new Int32Array(n);
    this.#len = new Int32Array(n);
    this.#types = new Int32Array(Math.max(1024, 8 * n));
  }

  /** Member x's class (x itself if it starts one): its tokens are `type[first, last]`. */
  of(x: number, type: Int32Array, first: number, last: number): number {
    const len = last - first + 1;
    let h = FNV_OFFSET;
    for (let t = first; t <= last; t++) h = Math.imul(h ^ type[t]!, FNV_PRIME);
    let y = this.#byHash.of(h, x);
    if (y !== x) {
      for (;;) {
        if (this.#len[y] === len) {
          const at = this.#at[y]!;
          let k = 0;
          while (k < len && this.#types[at + k] === type[first + k]) k++;
          if (k === len) return y;
        }
        if (this.#next[y]! < 0) break;
        y = this.#next[y]!;
      }
      this.#next[y] = x;
    }
    this.#next[x] = -1;
    if (this.#used + len > this.#types.length) {
      const grown = new Int32Array(Math.max(this.#used + len, 2 * this.#types.length));
      grown.set(this.#types.subarray(0, this.#used));
      this.#types = grown;
    }
    this.#at[x] = this.#used;
    this.#len[x] = len;
    for (let k = 0; k < len; k++) this.#types[this.#used + k] = type[first + k]!;
    this.#used += len;
    return x;
  }
}

/**
 * `m` with the members of the formulas flagged in `changed` read again from
 * `formulas`, the others copied: what a few changed formulas cost (8M words:
 * one cut and one fold among 5,072 families), not another read of every
 * member. Token classes stay the index of one of their members; a copied
 * member and one read again no longer share a class (classes are counted
 * family by family: only shared work is lost).
 */
export function rereadMembers(m: MemberColumns, formulas: readonly Formula[], changed: Uint8Array, isFamily: Uint8Array, prepared: readonly PreparedDoc[]): MemberColumns {
  const mask = new Uint8Array(formulas.length);
  for (let f = 0; f < formulas.length; f++) mask[f] = changed[f]! & isFamily[f]!;
  const fresh = readMembers(formulas, mask, prepared, new Known(m, changed, prepared));
  const base = new Int32Array(formulas.length + 1);
  for (let f = 0; f < formulas.length; f++) {
    const src = changed[f] ? fresh : m;
    base[f + 1] = base[f]! + src.base[f + 1]! - src.base[f]!;
  }
  const n = base[formulas.length]!;
  const c = memberColumns(base, n);
  // Where each source member lands, and each source class's new id (-1: not yet).
  const landed = [int32Column(m.doc.length).fill(-1), int32Column(fresh.doc.length).fill(-1)];
  const classId = [int32Column(m.doc.length).fill(-1), int32Column(fresh.doc.length).fill(-1)];
  // Column by column, a run of formulas from one source at a time: the
  // runs are long (a few formulas change), and one `set` per column and run
  // streams through two arrays, where a loop copying every column at each
  // member streamed through 26 (8M words, CPU profile of buildFamilies:
  // rereadMembers' own time 12.2 -> 4.2 ms a call, four rereads).
  for (let f = 0, g = 0; f < formulas.length; f = g) {
    const s = changed[f] ? 1 : 0;
    while (g < formulas.length && (changed[g] ? 1 : 0) === s) g++;
    const src = s ? fresh : m;
    const from = src.base[f]!;
    const to = src.base[g]!;
    const at = base[f]!;
    copyRun(c, src, from, to, at);
    const where = landed[s]!;
    for (let y = from; y < to; y++) where[y] = at + y - from;
  }
  for (let f = 0; f < formulas.length; f++) {
    const s = changed[f] ? 1 : 0;
    const src = s ? fresh : m;
    for (let y = src.base[f]!, x = base[f]!; y < src.base[f + 1]!; y++, x++) {
      const cls = src.tokens[y]!;
      if (classId[s]![cls]! < 0) classId[s]![cls] = landed[s]![cls]! >= 0 ? landed[s]![cls]! : x;
      c.tokens[x] = classId[s]![cls]!;
    }
  }
  return c;
}

/** The member columns a reread copies as they are (the token classes are renumbered). */
const COPIED = ['doc', 'first', 'last', 'startFirst', 'startLast', 'readFirst', 'readLast', 'spanStart', 'spanEnd', 'ownFirst', 'ownLast', 'head', 'tail'] as const;

/** Members [from, to) of `src` into `c` from member `at` on, every column but the token classes. */
function copyRun(c: MemberColumns, src: MemberColumns, from: number, to: number, at: number): void {
  for (let k = 0; k < COPIED.length; k++) c[COPIED[k]!].set(src[COPIED[k]!].subarray(from, to), at);
}

/**
 * The members of the formulas flagged in `changed` of columns read
 * before, found by document and core: a formula that changed keeps most
 * of its occurrences, or takes those of the formulas joined or folded into
 * it (changed too), and what one occurrence alone gives is read once.
 * Keyed by the core's first token in the corpus; `next` chains members
 * that start at one token.
 */
export class Known {
  readonly m: MemberColumns;
  #first = new FirstOf();
  #next: Int32Array;

  constructor(m: MemberColumns, changed: Uint8Array, prepared: readonly PreparedDoc[]) {
    this.m = m;
    this.#next = int32Column(m.doc.length);
    for (let f = 0; f < changed.length; f++) {
      if (!changed[f]) continue;
      for (let y = m.base[f]!; y < m.base[f + 1]!; y++) {
        this.#next[y] = -1;
        const head = this.#first.of(prepared[m.doc[y]!]!.offset + m.first[y]!, y);
        if (head === y) continue;
        this.#next[y] = this.#next[head]!;
        this.#next[head] = y;
      }
    }
  }

  /** A member read before with core [first, last] of `doc` (`at`: first's corpus index), or -1. */
  find(at: number, doc: number, first: number, last: number): number {
    const m = this.m;
    const head = this.#first.get(at);
    for (let y = head; y >= 0; y = this.#next[y]!) if (m.last[y] === last && m.first[y] === first && m.doc[y] === doc) return y;
    return -1;
  }
}
