/**
 * A member's extent as a reader would quote it. A core ends where its
 * alignments stop agreeing, which can be inside a word group that reads as
 * one unit; each rule here moves an edge a few tokens out to the end of
 * that unit when the text has it close by, or else back before it, so the
 * label (a member's text as written) never ends:
 *
 * - inside a hyphenated compound ("winner-take" of "winner-take-all"):
 *   extended through it;
 * - inside a proper name, a run of capitalised words mid-sentence ("the
 *   China Internet" of "the China Internet Network Information Center"):
 *   extended through it when it ends within `REACH` tokens, else cut
 *   before it;
 * - inside a quotation or brackets it opens ('the "Internet' of 'the
 *   "Internet Plus" action plan'), or after a closing mark it does not open
 *   (the same at the start): extended to the other mark when it stands
 *   within `QUOTE_REACH` tokens in the same sentence (a title or a quoted
 *   phrase is one unit, longer than a name), else cut at the mark,
 *   keeping the piece with more content words (the one before on a tie).
 *   Which mark opens and which closes what is read from the text around it
 *   (quote-marks.ts: „…“, »…«, « … », ‚…‘ as well as “…”); a ’ that closes
 *   no ‘ is an apostrophe and moves nothing;
 * - on a verb whose object was cut off: the last word follows an
 *   infinitive "to" after a function word, and the text goes on with a
 *   determiner ("is to make | the most of", "so as to make | the"): cut
 *   before the "to" (and the function words before it). After a content
 *   word "to" may be a preposition ("benefit to mankind"), and a modal's
 *   verb may take no object: those are left;
 * - on a verb just after a conjunction whose complement was cut off (the
 *   text goes on with "to" or a determiner: "cooperation in cyberspace,
 *   and strive | to promote", "the digital economy and promote | the"):
 *   cut before the conjunction. A noun there ends a complete coordination
 *   ("the desires and interests | of") and is left.
 *
 * - one word before the end of its clause (punctuation or a line break
 *   after it): extended through a content word, whose versions often
 *   differ there ("my fellow | Americans:", "God bless | America."), and
 *   in German or Dutch through a function word: there a clause ends on
 *   its verbs, the last often an auxiliary ("dass die Netzentgelte
 *   ungleich verteilt | werden."); in English a function word there ends
 *   a predicate or is an adverb ("the old zero-sum game | now."). A comma
 *   between a list's short items ends no clause ("to develop, | use and
 *   govern": `listGoesOn`);
 * - a member that runs across a sentence end (a multi-sentence formula, or
 *   two sentences that follow each other by chance in several documents:
 *   "It was not | immediately clear whether … would go ahead. Ann Lee, the
 *   head of the council, said"): its start moved back to its sentence's
 *   start (a sentence end, a paragraph break or an opening quotation mark
 *   before it; "Mr." and initials end none) when that is within `REACH`
 *   tokens. One that starts further in is left: cutting it at the end (the
 *   piece with more content words) split gospel parallels, which start
 *   mid-verse and run on across verses, and cost family purity;
 * - one or two words into a sentence's opening phrase whose head it left
 *   out ("In | 2019, China and Russia agreed", "Earlier this | month, its
 *   council"): a piece before a comma, a number or after a determiner,
 *   after a function word at most one word into the sentence, no name: cut
 *   after the comma (a number beside a word is no list: "2019, China
 *   and Russia" is not three items);
 * - after an article, demonstrative or possessive that opens its noun
 *   phrase (one space before the first word: "the | common responsibility
 *   of", "Un | semeur sortit"): extended back over it, and over a second one
 *   before it ("il nostro"). The openers are those of the document's
 *   language (function-words.ts), so a label quotes the phrase whole where
 *   the core, built on content words, starts after it.
 *
 * Before them all, list furniture inside the extent (a list item's number
 * at a line's start, "3. Neither the name", or a line holding only ".",
 * a blank line in a Debian control field) cuts it, keeping the piece with
 * more content words.
 *
 * Two more moves are the family's to make (family-members.ts), since one
 * member alone cannot tell the formula's words from its document's:
 * `sentenceHead` (how far back its sentence starts) and `clauseTail` (how
 * far on its clause ends), with `takeTail`.
 *
 * A cut is made only when at least `MIN_CONTENT` content words remain.
 * The rules read the text's characters and the tokens' content flags; the
 * word lists ("to", determiners, conjunctions) are English, and a text without them,
 * case or hyphens (Chinese) is left as it is.
 */
import { LANGUAGES, openersOf } from '../text/function-words.ts';
import { GAP_LINE, GAP_PARAGRAPH, GAP_SENTENCE } from '../text/scan.ts';
import { TOK_CONTENT, tokenEnd, type PreparedDoc } from './prepare.ts';
import { APOSTROPHES, CLOSE, MARK_CODES, OPEN, closes, isQuotationMark, markRole } from './quote-marks.ts';
import { isAbbreviation } from './sentence-breaks.ts';

/** Most openers the start moves back over. */
const OPENER_REACH = 2;
/** Farthest an edge moves out to close a unit (tokens). */
const REACH = 3;
/** Farthest an edge moves out to the other mark of a quotation or bracket, inside its sentence (tokens). */
const QUOTE_REACH = 8;
/** Languages whose clauses end on their verbs (LANGUAGES indices): German, Dutch. */
const VERB_FINAL = new Set([LANGUAGES.indexOf('de'), LANGUAGES.indexOf('nl')]);
/** Farthest a member's start moves back to its sentence's start, when its family's do too (tokens). */
export const HEAD_REACH = 3;
/** Farthest a member's end moves out to its clause's end, when its family's do too (tokens). */
export const TAIL_REACH = 3;
/** Fewest content words a cut may leave. */
const MIN_CONTENT = 2;
const BREAK = GAP_SENTENCE | GAP_PARAGRAPH;

/**
 * Words that open a noun phrase (a verb's object): English's openers
 * (function-words.ts) and "that" (not an opener there: it also begins a
 * clause, which after a verb is as much its complement).
 */
const DETERMINERS = new Set([...openersOf('en'), 'that']);
/** Coordinating conjunctions: a second conjunct starts after them. */
const CONJUNCTIONS = new Set(['and', 'or', 'but', 'nor']);
const SPACE = 32;
const UPPER = /^\p{Lu}/u;

export interface Extent {
  first: number;
  last: number;
}

/** The text between tokens t - 1 and t ('' where they touch or overlap, or at the text's ends). */
export function gapBefore(d: PreparedDoc, t: number): string {
  if (t <= 0 || t >= d.count) return '';
  const e = tokenEnd(d, t - 1);
  const s = d.start[t]!;
  return s > e ? d.text.slice(e, s) : '';
}

/** The text between tokens t - 1 and t is exactly `code` (one code unit), read without a slice. */
function gapIs(d: PreparedDoc, t: number, code: number): boolean {
  if (t <= 0 || t >= d.count) return false;
  const e = tokenEnd(d, t - 1);
  return d.start[t]! - e === 1 && d.text.charCodeAt(e) === code;
}

/** The gap before token t is one hyphen that joins a compound ('-', U+2010, U+2011), read without a slice. */
function hyphenBefore(d: PreparedDoc, t: number): boolean {
  if (t <= 0 || t >= d.count) return false;
  const e = tokenEnd(d, t - 1);
  if (d.start[t]! - e !== 1) return false;
  const c = d.text.charCodeAt(e);
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

/** The text after token t up to the next token (or the text's end). */
function gapAfter(d: PreparedDoc, t: number): string {
  return t + 1 < d.count ? gapBefore(d, t + 1) : d.text.slice(tokenEnd(d, t));
}

const isContent = (d: PreparedDoc, t: number): boolean => (d.flags[t]! & TOK_CONTENT) !== 0;

/** What the rules ask of a word as written (`kindOf`): bits of a type's kind. */
const KNOWN = 1;
/** Starts with a capital (`UPPER`). */
const CAPITAL = 2;
/** Digits only (`NUMBER`). */
const NUMERAL = 4;
/** An abbreviation or initial (sentence-breaks.ts). */
const ABBREVIATION = 8;
/** Lower-cased: "to", a coordinating conjunction (`CONJUNCTIONS`), a determiner (`DETERMINERS`). */
const TO = 16;
const CONJUNCTION = 32;
const DETERMINER = 64;

function kindOf(w: string): number {
  const c = w.charCodeAt(0);
  const lower = w.toLowerCase();
  return (
    KNOWN |
    ((c < 0x80 ? c >= 65 && c <= 90 : UPPER.test(w)) ? CAPITAL : 0) |
    (NUMBER.test(w) ? NUMERAL : 0) |
    (isAbbreviation(w) ? ABBREVIATION : 0) |
    (lower === 'to' ? TO : 0) |
    (CONJUNCTIONS.has(lower) ? CONJUNCTION : 0) |
    (DETERMINERS.has(lower) ? DETERMINER : 0)
  );
}

/**
 * Each type's kind, worked out the first time a rule asks (0: not yet), for
 * the vocabulary whose surfaces `kindsOf` is: the rules asked the same
 * few words again and again (lower-casing the surface, a set or a regex
 * each time: ≈ 10% of a member's readable extent).
 */
let kinds = new Uint8Array(0);
let kindsOf: readonly string[] | null = null;

/** The kind of token t's type (its bits above). */
function kind(d: PreparedDoc, t: number): number {
  const type = d.type[t]!;
  if (d.surface !== kindsOf) {
    kindsOf = d.surface;
    kinds = new Uint8Array(d.surface.length);
  }
  if (type >= kinds.length) return kindOf(d.surface[type]!);
  let k = kinds[type]!;
  if (k === 0) kinds[type] = k = kindOf(d.surface[type]!);
  return k;
}

const is = (d: PreparedDoc, t: number, bits: number): boolean => (kind(d, t) & bits) !== 0;
/** Starts with a capital and is a content word. */
const capital = (d: PreparedDoc, t: number): boolean => is(d, t, CAPITAL) && isContent(d, t);
/**
 * Token t goes on a name: it and the word before are capitalised content
 * words one space apart, and the word before starts no sentence (where
 * any word is capitalised).
 */
const nameGoesOn = (d: PreparedDoc, t: number): boolean =>
  t > 1 && t < d.count && plainGap(d, t) && capital(d, t) && capital(d, t - 1) && (d.flags[t - 1]! & BREAK) === 0;

/** Token t, one space after the word before it, opens a verb's complement: a determiner or "to". */
function opensComplement(d: PreparedDoc, t: number): boolean {
  return t < d.count && gapIs(d, t, SPACE) && is(d, t, TO | DETERMINER);
}

function contentIn(d: PreparedDoc, first: number, last: number): number {
  let n = 0;
  for (let t = first; t <= last; t++) if (isContent(d, t)) n++;
  return n;
}

/** [first, last] trimmed to content words at both ends, if that leaves `MIN_CONTENT`. */
function cut(d: PreparedDoc, e: Extent, first: number, last: number): void {
  while (first <= last && !isContent(d, first)) first++;
  while (last >= first && !isContent(d, last)) last--;
  if (first > last || contentIn(d, first, last) < MIN_CONTENT) return;
  e.first = first;
  e.last = last;
}

/** MARK_CODES below 0x80, as a table: most of a span's code units are ASCII letters and spaces. */
const ASCII_MARK = Uint8Array.from({ length: 0x80 }, (_, c) => (MARK_CODES.has(c) ? 1 : 0));
const NONE = { open: [], stray: [], apostrophes: [] };

/** A quotation mark or bracket stands between tokens first and last. */
function hasMark(d: PreparedDoc, first: number, last: number): boolean {
  const text = d.text;
  for (let i = tokenEnd(d, first), end = d.start[last]!; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? ASCII_MARK[c] === 1 : MARK_CODES.has(c)) return true;
  }
  return false;
}

/** A mark in the gap before token t (the text before the first token, after the last for t = count) with role `role` that pairs with `mark` (`pairs(mark, c)`). */
function markInGapBefore(d: PreparedDoc, t: number, role: number, mark: string, pairs: (m: string, c: string) => boolean): boolean {
  const text = d.text;
  const end = t < d.count ? d.start[t]! : text.length;
  for (let i = t > 0 ? tokenEnd(d, t - 1) : 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x80 ? ASCII_MARK[c] === 1 : MARK_CODES.has(c)) && markRole(text, i) === role && pairs(mark, text.charAt(i))) return true;
  }
  return false;
}

/** `closer` closes `opener` (argument order of markInGapBefore's pairs). */
const closedBy = (opener: string, closer: string): boolean => closes(opener, closer);
/** `opener` opens what `closer` closes. */
const openedBy = (closer: string, opener: string): boolean => closes(opener, closer);

/** Of the pieces before and from token `at`, the one with more content words (ties: the one before). */
function keepLargerPiece(d: PreparedDoc, e: Extent, at: number): void {
  if (contentIn(d, e.first, at - 1) >= contentIn(d, at, e.last)) cut(d, e, e.first, at - 1);
  else cut(d, e, at, e.last);
}

/**
 * The marks in the span's text left open at its end, as [token, mark]
 * (the token the opening mark stands before), and the closing marks with no
 * opening one before them, as [token, mark] (the token after the mark).
 * A mark's role is read from the text around it (quote-marks.ts); a ’ that
 * closes nothing in the span is listed apart (`apostrophes`): it may close
 * a ‘ before the span, or be an apostrophe ("the students’ union").
 */
function unbalanced(d: PreparedDoc, first: number, last: number): { open: Array<[number, string]>; stray: Array<[number, string]>; apostrophes: Array<[number, string]> } {
  const open: Array<[number, string]> = [];
  const stray: Array<[number, string]> = [];
  const apostrophes: Array<[number, string]> = [];
  const text = d.text;
  for (let t = first + 1; t <= last; t++) {
    for (let i = tokenEnd(d, t - 1), end = d.start[t]!; i < end; i++) {
      const role = markRole(text, i);
      if (role === OPEN) open.push([t, text.charAt(i)]);
      else if (role === CLOSE) {
        const c = text.charAt(i);
        let k = open.length - 1;
        while (k >= 0 && !closes(open[k]![1], c)) k--;
        if (k >= 0) open.splice(k, 1);
        else (APOSTROPHES.includes(c) ? apostrophes : stray).push([t, c]);
      }
    }
  }
  return { open, stray, apostrophes };
}

/** The token that a mark opening what `closer` closes stands before, within `QUOTE_REACH` tokens back from `first` in its sentence, or -1. */
function openingBefore(d: PreparedDoc, first: number, closer: string): number {
  for (let k = 0; k <= QUOTE_REACH && first - k >= 0; k++) {
    if (k > 0 && (d.flags[first - k + 1]! & BREAK) !== 0) break;
    if (markInGapBefore(d, first - k, OPEN, closer, openedBy)) return first - k;
  }
  return -1;
}

/** `o`'s extent as a reader would quote it (see the file comment); `o` itself when nothing moves. */
export function readableExtent<T extends Extent>(d: PreparedDoc, o: T): T {
  const e: Extent = { first: o.first, last: o.last };
  moveToReadable(d, e);
  return e.first === o.first && e.last === o.last ? o : { ...o, first: e.first, last: e.last };
}

/**
 * `readableExtent` in place: `e` moved to the extent a reader would quote.
 * (family-members.ts reads every member through one scratch extent: an
 * object per member was 8 MB of young garbage at 8M words.)
 */
export function moveToReadable(d: PreparedDoc, e: Extent): void {
  // List furniture: the piece on one side of a list item's number or a lone "." line.
  for (let t = e.first + 1; t <= e.last; t++) {
    if ((d.flags[t]! & GAP_LINE) === 0) continue;
    const after = afterListFurniture(d, t);
    if (after < 0) continue;
    if (contentIn(d, e.first, t - 1) >= contentIn(d, after, e.last)) cut(d, e, e.first, t - 1);
    else cut(d, e, after, e.last);
  }
  // Hyphenated compounds.
  for (let k = 0; k < REACH && e.last + 1 < d.count && hyphenBefore(d, e.last + 1); k++) e.last++;
  for (let k = 0; k < REACH && e.first > 0 && hyphenBefore(d, e.first); k++) e.first--;
  // Names.
  if (nameGoesOn(d, e.last + 1)) {
    let end = e.last + 1;
    while (end - e.last < REACH && nameGoesOn(d, end + 1)) end++;
    if (!nameGoesOn(d, end + 1)) e.last = end;
    else {
      let s = e.last;
      while (s > e.first && nameGoesOn(d, s)) s--;
      cut(d, e, e.first, s - 1);
    }
  }
  if (nameGoesOn(d, e.first)) {
    let s = e.first - 1;
    while (e.first - s < REACH && nameGoesOn(d, s)) s--;
    if (!nameGoesOn(d, s)) e.first = s;
    else {
      let end = e.first;
      while (end < e.last && nameGoesOn(d, end + 1)) end++;
      cut(d, e, end + 1, e.last);
    }
  }
  // Quotations and brackets (most spans have no mark: one pass over their code units).
  const { open, stray, apostrophes } = hasMark(d, e.first, e.last) ? unbalanced(d, e.first, e.last) : NONE;
  if (open.length > 0) {
    const [at, opener] = open[0]!;
    let to = -1;
    for (let k = 0; k <= QUOTE_REACH && e.last + k < d.count; k++) {
      if (k > 0 && (d.flags[e.last + k]! & BREAK) !== 0) break;
      if (markInGapBefore(d, e.last + k + 1, CLOSE, opener, closedBy)) {
        to = e.last + k;
        break;
      }
    }
    if (to >= 0 && open.length === 1) e.last = to;
    else keepLargerPiece(d, e, at);
  }
  if (stray.length > 0) {
    const [at, closer] = stray[stray.length - 1]!;
    const from = openingBefore(d, e.first, closer);
    if (from >= 0 && stray.length === 1) e.first = from;
    else keepLargerPiece(d, e, at);
  } else if (apostrophes.length > 0) {
    // A ’ (' ´) that closes a ‘ (`) close before the span is a quotation's end; else an apostrophe, left.
    const from = openingBefore(d, e.first, apostrophes[apostrophes.length - 1]![1]);
    if (from >= 0) e.first = from;
  }
  // A verb whose object was cut off: "<function word> to <verb> | <determiner>".
  const l = e.last;
  if (l - 2 > e.first && isContent(d, l) && is(d, l - 1, TO) && !isContent(d, l - 2) && opensComplement(d, l + 1) && !is(d, l + 1, TO)) {
    cut(d, e, e.first, l - 2);
  }
  // A conjunct cut after its verb: "<and|or|but> <word> | <to|determiner>".
  const c = e.last;
  if (c - 1 > e.first && isContent(d, c) && is(d, c - 1, CONJUNCTION) && opensComplement(d, c + 1)) {
    cut(d, e, e.first, c - 2);
  }
  // The one word left of its clause: a content word ("my fellow | Americans:",
  // "God bless | America."), or in German or Dutch the auxiliary ("ungleich
  // verteilt | werden.").
  const tail = e.last + 1;
  if (tail < d.count && gapIs(d, tail, SPACE) && (isContent(d, tail) || VERB_FINAL.has(d.language)) && endsClause(d, tail)) e.last = tail;
  // A sentence's opening phrase whose head the member left out ("In | 2019,
  // China and Russia agreed", "Earlier this | month, its council"): one or
  // two words before a comma, starting on a number or after a determiner,
  // after a function word one space before them that is, or follows, the
  // sentence's first word (a comma there ends an item: "Mr. Speaker, |
  // distinguished guests, my fellow Americans"; a content word ends a
  // clause of its own: "Jesus said | unto them, Go"; a pronoun is its
  // clause's subject: "Then he | arose, and rebuked the wind"), and no name
  // (the name rule above owns those): the member starts after the comma.
  const head = e.first - 1;
  if (
    plainGap(d, e.first) &&
    !isContent(d, head) &&
    (isNumber(d, e.first) || opens(d, head)) &&
    (startsSentence(d, head) || (plainGap(d, head) && startsSentence(d, head - 1))) &&
    !is(d, e.first, CAPITAL)
  ) {
    for (let t = e.first; t <= e.first + 1 && t < e.last; t++) {
      if (t > e.first && !plainGap(d, t)) break;
      if (PLAIN_COMMA.test(gapAfter(d, t)) && endsClause(d, t)) {
        cut(d, e, t + 1, e.last);
        break;
      }
    }
  }
  // The article or possessive that opens the first word's noun phrase.
  for (let k = 0; k < OPENER_REACH && opensPhraseAt(d, e.first); k++) e.first--;
  // A member that runs across a sentence end starts where its first sentence does, when that is
  // within REACH tokens ("It was not | immediately clear whether … go ahead. Ann Lee, …, said").
  if (!startsSentence(d, e.first)) {
    let end = e.first + 1;
    while (end <= e.last && !sentenceEndBefore(d, end)) end++;
    if (end <= e.last) {
      let s = e.first - 1;
      while (s > e.first - REACH && !startsSentence(d, s)) s--;
      if (startsSentence(d, s)) e.first = s;
    }
  }
}

/**
 * Token t starts a sentence: the text's first token, one after a sentence
 * end or paragraph break that no abbreviation or initial makes ("Mr.",
 * "W."; sentence-breaks.ts), or one a quotation opens (Truman said, "I am
 * happy to report …").
 */
function startsSentence(d: PreparedDoc, t: number): boolean {
  if (t <= 0) return t === 0;
  if ((d.flags[t]! & BREAK) !== 0) return sentenceEndBefore(d, t);
  return hasMark(d, t - 1, t) && markInGapBefore(d, t, OPEN, '', opensQuotation);
}

/** A sentence end or paragraph break stands before token t (t > 0), not one an abbreviation or initial makes. */
function sentenceEndBefore(d: PreparedDoc, t: number): boolean {
  return (d.flags[t]! & BREAK) !== 0 && !is(d, t - 1, ABBREVIATION);
}

/** `c` is a quotation mark, not a bracket (markInGapBefore's pairs, the first argument unused). */
const opensQuotation = (_: string, c: string): boolean => isQuotationMark(c);

/** Clause punctuation (or a line break) after a word. */
const CLAUSE_END = /^[\s"'”’»“‘«›>´)\]）」』》]*[,;:.!?\u2014\u2013\u3001\u3002\uff0c\uff1b\uff1a]|\n/;

/** A line break, then a line holding only "." (a blank line in a Debian control field), then a line break. */
const LONE_DOT_LINE = /\n[ \t]*\.[ \t]*\r?\n/;
/** A line break and the line's indentation, at the end of a gap. */
const LINE_START = /\n[ \t]*$/;
/** What follows a list item's number: "." or ")" and a space. */
const AFTER_NUMBER = /^[.)][ \t]/;
const DIGITS = /^[0-9]{1,3}$/;

/**
 * Token t (after a line break) is where list furniture stands: the line
 * before it holds only "." (t starts the next item's text: t returned), or
 * t is the number of a list item at a line's start, "3. Neither the name"
 * (t + 1 returned); else -1.
 */
function afterListFurniture(d: PreparedDoc, t: number): number {
  const gap = gapBefore(d, t);
  if (LONE_DOT_LINE.test(gap)) return t;
  return t + 1 < d.count && LINE_START.test(gap) && DIGITS.test(d.surface[d.type[t]!]!) && AFTER_NUMBER.test(gapBefore(d, t + 1)) ? t + 1 : -1;
}

/** The gap before token t is white space inside a paragraph (a space, a wrapped line's break) or one hyphen, or the tokens touch (bigrams). */
function plainGap(d: PreparedDoc, t: number): boolean {
  if (t <= 0 || t >= d.count || (d.flags[t]! & GAP_PARAGRAPH) !== 0) return false;
  const text = d.text;
  const s = d.start[t]!;
  const e = tokenEnd(d, t - 1);
  if (s - e === 1 && hyphenBefore(d, t)) return true;
  for (let i = e; i < s; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * How many tokens before e.first its sentence starts (0: e.first starts it,
 * or the text), reading back over at most `HEAD_REACH` words with nothing
 * but white space between them; -1 if it starts farther back or past other
 * punctuation ("Wir sagen klar: | Klimaschutz" starts a sentence, ": " is
 * a sentence gap; "However, | freedom" is -1). A start moved there begins
 * the sentence, never a phrase's middle ("of the …").
 */
export function sentenceHead(d: PreparedDoc, e: Extent): number {
  for (let k = 0; ; k++) {
    const t = e.first - k;
    if (t <= 0 || (d.flags[t]! & BREAK) !== 0) return k;
    if (k === HEAD_REACH || !plainGap(d, t)) return -1;
  }
}

/**
 * How many tokens after e.last its clause ends (0: e.last ends it), over at
 * most `TAIL_REACH` words with nothing but white space or hyphens between
 * them; -1 if farther.
 */
export function clauseTail(d: PreparedDoc, e: Extent): number {
  for (let k = 0; ; k++) {
    const t = e.last + k;
    if (endsClause(d, t)) return k;
    if (k === TAIL_REACH || !plainGap(d, t + 1)) return -1;
  }
}

/**
 * The end moved out over the `k` words to its clause's end (clauseTail)
 * when they hold a content word, or in German or Dutch any word (a clause
 * ends on its verbs): the slot a formula leaves its versions to fill ("eine
 * Frage | des Überlebens.", "… | der sozialen Gerechtigkeit."). An English
 * function word alone there ends a predicate or is an adverb ("game | now.").
 */
export function takeTail(d: PreparedDoc, e: Extent, k: number): void {
  if (k > 0 && (VERB_FINAL.has(d.language) || contentIn(d, e.last + 1, e.last + k) > 0)) e.last += k;
}

/**
 * Token t ends its clause: the text ends after it, or clause punctuation or
 * a line break follows it, but for a comma that parts the items of a list
 * (`listGoesOn`).
 */
function endsClause(d: PreparedDoc, t: number): boolean {
  if (t + 1 === d.count) return true;
  // Most words are followed by one space, which ends no clause: told
  // without slicing the gap into a string (clauseTail asks up to four
  // times a member).
  if (gapIs(d, t + 1, SPACE)) return false;
  const gap = gapAfter(d, t);
  return CLAUSE_END.test(gap) && !(LIST_COMMA.test(gap) && listGoesOn(d, t));
}

/** A comma between two words, with spaces (or one line break) around it. */
const LIST_COMMA = /^[ \t\u00a0]*,[ \t\u00a0]*\r?\n?[ \t\u00a0]*$/;
/** A comma and a space after a word, nothing else. */
const PLAIN_COMMA = /^,[ \t\u00a0]+$/;
/** Most words in a list item read after a comma. */
const LIST_ITEM = 3;
/** Most tokens read after a comma for a list's last item. */
const LIST_REACH = 12;

/**
 * The comma after token t parts the items of a list, not clauses: the
 * words after it are short items (at most `LIST_ITEM` words one space or
 * hyphen apart, parted by commas, each opening on a content word or an
 * article, demonstrative or possessive; a pronoun opens a clause: "auprès
 * de lui, | il monta et s'assit") up to a coordinator of the document's
 * language (function-words.ts: "and", "or", "et", "und", "y", "och"…)
 * after one of them or after its comma: "develop, | use and govern",
 * "develop, | use, or govern", "mutual support, | mutual trust and mutual
 * benefit". A coordinator right after the comma joins clauses ("…, and
 * strive to"), and one among the `LIST_ITEM` words before it closed a
 * coordination there ("mutual respect and trust, | respect cyber
 * sovereignty, uphold …, and"). A number on one side of the comma and a
 * word on the other part no items.
 */
function listGoesOn(d: PreparedDoc, t: number): boolean {
  // A list's items are alike: a number on one side of the comma and a word
  // on the other are an opening phrase and its clause ("In 2019, | China
  // and Russia agreed"), not two items ("2019, 2020 and 2021").
  if (t + 1 < d.count && isNumber(d, t) !== isNumber(d, t + 1)) return false;
  for (let b = t; b > t - LIST_ITEM && b >= 0; b--) {
    if (coordinates(d, b)) return false;
    if (!plainGap(d, b)) break;
  }
  let words = 0;
  let items = 0;
  for (let w = t + 1; w < d.count && w <= t + LIST_REACH; w++) {
    if (coordinates(d, w)) return words > 0 || items > 0;
    // An item opens on a content word or a noun phrase's opener; a pronoun opens a clause ("lui, | il monta et s'assit").
    if (words === 0 && !isContent(d, w) && !opens(d, w)) return false;
    if (++words > LIST_ITEM) return false;
    if (LIST_COMMA.test(gapAfter(d, w))) {
      items++;
      words = 0;
    } else if (!plainGap(d, w + 1)) return false;
  }
  return false;
}

/** Token t is a number: digits only ("2019"; the scanner parts "1,500" and "3.5" at their marks). */
function isNumber(d: PreparedDoc, t: number): boolean {
  return is(d, t, NUMERAL);
}
const NUMBER = /^[0-9]+$/;

/** Token t is a coordinator of its document's language. */
function coordinates(d: PreparedDoc, t: number): boolean {
  return ((d.corpus.typeCoordinator[d.type[t]!]! >>> d.language) & 1) !== 0;
}

/** Token t - 1 opens a noun phrase in t's document's language and stands one space, or its elision's apostrophe ("L’État"), before t. */
function opensPhraseAt(d: PreparedDoc, t: number): boolean {
  return t > 0 && opens(d, t - 1) && (plainGap(d, t) || elidedBefore(d, t));
}

/** Token t opens a noun phrase (an article, demonstrative or possessive) in its document's language. */
function opens(d: PreparedDoc, t: number): boolean {
  return ((d.corpus.typeOpener[d.type[t]!]! >>> d.language) & 1) !== 0;
}

/** Token t - 1 ends in an apostrophe that joins it to t: an elided word ("l’", "quest'"). */
function elidedBefore(d: PreparedDoc, t: number): boolean {
  const at = tokenEnd(d, t - 1);
  if (d.start[t]! - at !== 1) return false;
  const c = d.text.charCodeAt(at);
  return c === 0x27 || c === 0x2019;
}
