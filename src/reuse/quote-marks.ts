/**
 * Quotation marks and brackets: whether a mark at a place in the text opens
 * or closes, and which marks close which.
 *
 * Brackets and the CJK corner and angle quotes have one role each.
 * Quotation marks do not: “ opens in English and closes in German („…“),
 * ‘ likewise (‚…‘), « opens in French and closes in German (»…«), and ” and
 * » open and close in Swedish and Finnish (”…”, »…»). Such a mark's role is
 * read from what touches it: white space, the text's edge, an opening
 * bracket or mark or a dash before it and a word after it open; a word or
 * punctuation before it and white space, punctuation or the edge after it
 * close. Spaced on both sides (French « … », with a space or a no-break
 * space) or touching words on both, it has its usual role: „ ‚ “ ‘ « ‹ open,
 * ” ’ » › close. The straight quote " opens only in the first case, as
 * before. ’ is also the apostrophe ("the students’ union"): a ’ that
 * closes nothing is ignored by the callers, not treated as a quotation.
 */

export const OPEN = 1;
export const CLOSE = 2;

/** Closing marks by opening mark. */
const PAIRS: Readonly<Record<string, string>> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '（': '）',
  '「': '」',
  '『': '』',
  '《': '》',
  '"': '"',
  '“': '”',
  '„': '“”',
  '‘': '’',
  '‚': '‘’',
  '«': '»',
  '»': '«»',
  '”': '”',
  '‹': '›',
  '›': '‹›',
  '<': '>',
  '`': "`'´",
};
/** Opening marks by closing mark. */
const OPENERS: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = {};
  for (const [o, cs] of Object.entries(PAIRS)) for (const c of cs) out[c] = (out[c] ?? '') + o;
  return out;
})();
/** Marks whose role the text around them decides, with their usual role. */
const USUAL: Readonly<Record<string, number>> = { '"': CLOSE, '“': OPEN, '‘': OPEN, '«': OPEN, '‹': OPEN, '”': CLOSE, '»': CLOSE, '›': CLOSE };
/** Marks with one role. */
const FIXED: Readonly<Record<string, number>> = { '(': OPEN, '[': OPEN, '{': OPEN, '（': OPEN, '「': OPEN, '『': OPEN, '《': OPEN, '„': OPEN, '‚': OPEN, ')': CLOSE, ']': CLOSE, '}': CLOSE, '）': CLOSE, '」': CLOSE, '』': CLOSE, '》': CLOSE, '’': CLOSE };

/**
 * Marks of plain-text and software writing, a mark only where they touch a
 * word on their inner side: < opens before a word and > closes after one
 * ("<http://www.gnu.org/licenses/>"; not "a < b", "->", "> quoted"), the
 * backtick opens after a space or an opening mark as the straight quote
 * does and closes otherwise (Markdown's `…`), and ' and ´ close after a
 * word (the old "`GPL-3'" quoting). A ' or ´ that closes no backtick is
 * an apostrophe ("the students' union"), as ’ is.
 */
const PLAIN = '<>`\'´';
/** Closing marks that are also apostrophes: one that closes nothing is ignored by the callers. */
export const APOSTROPHES = "’'´";

/** Every mark, as code units: most text is none, and is read without a lookup. */
export const MARK_CODES: ReadonlySet<number> = new Set([...Object.keys(USUAL), ...Object.keys(FIXED), ...PLAIN].map((c) => c.charCodeAt(0)));

/** Before a straight quote that opens (the old rule, kept: English text is full of them). */
const STRAIGHT_OPENS_AFTER = /[\s([{\u2014-]/;
const SPACE_OR_DASH = /[\s\u2014\u2013-]/;
const SPACE_OR_PUNCT = /[\s.,;:!?]/;
const NEUTRAL = 2;

/** What stands before a mark: 1 opening context (edge, space, dash, opening bracket), 0 a word or punctuation, NEUTRAL another quotation mark. */
function leftSide(c: string): number {
  if (c === '' || SPACE_OR_DASH.test(c) || FIXED[c] === OPEN) return 1;
  return USUAL[c] !== undefined ? NEUTRAL : 0;
}

/** What stands after a mark: 1 a word, 0 the edge, space, punctuation or a closing bracket, NEUTRAL another quotation mark. */
function rightSide(c: string): number {
  if (c === '' || SPACE_OR_PUNCT.test(c) || FIXED[c] === CLOSE) return 0;
  return USUAL[c] !== undefined ? NEUTRAL : 1;
}

/** OPEN, CLOSE or 0 (not a mark) for the character at `i` of `text`. */
export function markRole(text: string, i: number): number {
  const c = text.charAt(i);
  const fixed = FIXED[c];
  if (fixed !== undefined) return fixed;
  const usual = USUAL[c];
  if (usual === undefined && !PLAIN.includes(c)) return 0;
  const before = i > 0 ? text.charAt(i - 1) : '';
  const after = i + 1 < text.length ? text.charAt(i + 1) : '';
  if (usual === undefined) return plainRole(c, before, after);
  if (c === '"') return STRAIGHT_OPENS_AFTER.test(before) && after !== '' && !/\s/.test(after) ? OPEN : CLOSE;
  const l = leftSide(before);
  const r = rightSide(after);
  if (l === NEUTRAL && r === NEUTRAL) return usual;
  if (l === NEUTRAL) return r === 1 ? OPEN : CLOSE;
  if (r === NEUTRAL) return l === 1 ? OPEN : CLOSE;
  if (l === 1 && r === 1) return OPEN;
  if (l === 0 && r === 0) return CLOSE;
  return usual;
}

/** `c` is a quotation mark (not a bracket). */
export function isQuotationMark(c: string): boolean {
  return c.length === 1 && '"“”„‘’‚«»‹›「」『』'.includes(c);
}

/** The role of one of `PLAIN`'s marks between `before` and `after` (see there). */
function plainRole(c: string, before: string, after: string): number {
  const wordAfter = after !== '' && !/\s/.test(after);
  const wordBefore = before !== '' && !/\s/.test(before);
  if (c === '<') return wordAfter ? OPEN : 0;
  if (c === '>') return wordBefore && !/[-=<>]/.test(before) ? CLOSE : 0;
  if (c === '`') return STRAIGHT_OPENS_AFTER.test(before) || before === '' || FIXED[before] === OPEN ? (wordAfter ? OPEN : 0) : CLOSE;
  return wordBefore ? CLOSE : 0;
}

/** `closer` closes a quotation or bracket `opener` opens. */
export function closes(opener: string, closer: string): boolean {
  const cs = PAIRS[opener];
  return cs !== undefined && cs.includes(closer);
}

/** The marks that may open what `closer` closes ('' if none). */
export function openersOf(closer: string): string {
  return OPENERS[closer] ?? '';
}

/** The marks that may close what `opener` opens ('' if none). */
export function closersOf(opener: string): string {
  return PAIRS[opener] ?? '';
}
