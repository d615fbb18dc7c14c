/**
 * Rule `rejoin` and the paragraph breaks: what stands between two kept
 * lines. A sentence broken across a line or paragraph break is rejoined
 * with a space, a hard-wrapped block is unwrapped, an attribution line
 * starting with a dash stays under its quotation (one `\n`), and everything
 * else is separated by exactly one blank line.
 */
import { blocksOf, type Line } from './lines.ts';
import { endsSentence, snippet, stripClosers } from './text-shape.ts';

/** What goes before a kept line, and why. */
export interface Separator {
  sep: string;
  rule: string;
  reason: string;
}

const TERMINAL_OR_PAUSE = /[.!?…:;。！？：；]$/u;

/** Words a sentence does not end on: a line ending with one goes on in the next. */
const FUNCTION_WORDS = new Set(
  ('a an the and or but nor of to in on at by for with from as into onto than that which who whose whom its their his her our ' +
    'your my is are was were be been being has have had will would shall should can could may might must this these those ' +
    'between among about over under after before during without within through across against via per such both either neither')
    .split(' '),
);

/** A line this short is a label or heading, never the first half of a broken sentence. */
const REJOIN_MIN_WORDS = 5;
/** A hard-wrapped block has at least this many lines… */
const WRAPPED_MIN_LINES = 3;
/** …its longest line is within this range of characters (a typewriter or e-mail column)… */
const WRAPPED_MIN_WIDTH = 40;
const WRAPPED_MAX_WIDTH = 100;
/** …every line but the last is at least this share of the longest… */
const WRAPPED_MIN_FILL = 0.6;
/** …and at least this share of them does not end a sentence. */
const WRAPPED_MIN_OPEN_SHARE = 0.5;
/**
 * A line of a block that stops mid-sentence (on a letter or digit) and fills
 * at least this share of the block's longest line was wrapped there, whatever
 * the next line starts with ("…the complete text of the GNU General" /
 * "Public License…"; "…the report of the European" / "Commission…").
 */
const SOFT_WRAP_MIN_FILL = 0.6;
/** A line starting a list's item: a bullet, or a number with a full stop or bracket, then a space. */
const LIST_ITEM = /^(?:[-*+•·▪►●■]|\d{1,3}[.)])\s/u;
/** Length of each half quoted in a rejoin's reason. */
const REJOIN_SNIPPET_CHARS = 30;

/**
 * Does line `a` leave a sentence open for `b`: a line of words (not a label
 * or heading) that stops without a full stop or pause, before a line that
 * opens with no dash or bullet? What every rejoin below asks first.
 */
function leavesOpen(a: Line, b: Line): boolean {
  return a.words >= REJOIN_MIN_WORDS && !TERMINAL_OR_PAUSE.test(stripClosers(a.t)) && !/^[-–—•*·▪►●■]/u.test(b.t);
}

/** Should kept line `b` continue the sentence of kept line `a`? */
export function continues(a: Line, b: Line): boolean {
  if (!leavesOpen(a, b) || /[)\]"”’]$/u.test(a.t)) return false;
  const first = b.t.charAt(0);
  if (/\p{Ll}/u.test(first)) return true;
  const lastWord = (a.t.match(/[\p{L}']+$/u)?.[0] ?? '').toLowerCase();
  return FUNCTION_WORDS.has(lastWord) && /[\p{L}\p{N}]/u.test(first);
}

/**
 * Is `b` the next line of `a`'s block, going on with a sentence `a` left open
 * (a hard-wrapped sentence)? As `continues`, but within a block, where a line
 * ending in a closing quote or bracket ("…for the new "add.ignoreErrors"")
 * may go on too. The cleaner keeps such a line with its sentence: never a
 * heading before the body, a label after it, or a furniture word ("open.").
 */
export function wrapsInto(a: Line, b: Line): boolean {
  return b.i === a.i + 1 && leavesOpen(a, b) && (/\p{Ll}/u.test(b.t.charAt(0)) || continues(a, b));
}

/**
 * Lines of a hard-wrapped block (lines of similar length, mostly not ending
 * a sentence). A line is as full as it was written: one a repair shortened
 * (a Markdown link's address gone) filled the column before it.
 */
export function hardWrapped(block: Line[]): boolean {
  if (block.length < WRAPPED_MIN_LINES) return false;
  // A loop, not Math.max(...lengths): a block may have hundreds of thousands of lines (issue #14, item 7).
  let max = 0;
  for (const l of block) if (l.t.length > max) max = l.t.length;
  if (max < WRAPPED_MIN_WIDTH || max > WRAPPED_MAX_WIDTH) return false;
  const body = block.slice(0, -1);
  if (!body.every((l) => Math.max(l.t.length, l.ce - l.cs) >= max * WRAPPED_MIN_FILL)) return false;
  // A list's items (each of them a line of links, say) are not one paragraph wrapped.
  if (block.some((l, k) => k > 0 && LIST_ITEM.test(l.t))) return false;
  const open = body.filter((l) => !endsSentence(l.t)).length;
  return open >= body.length * WRAPPED_MIN_OPEN_SHARE;
}

/**
 * Is `b`, the next line of `a`'s block, the rest of a sentence wrapped at the
 * end of `a`? `a` is a line of words (not a label or heading) that stops on a
 * letter or digit, with no punctuation, and is not short against its block
 * (`width`: the longest kept line); `b` goes on with a word, not a list item.
 * Only for joining kept lines: what the furniture rules may remove is decided
 * by `wrapsInto`, which a menu of capitalised words must not pass.
 */
function softWrapped(a: Line, b: Line, width: number): boolean {
  return b.i === a.i + 1 && leavesOpen(a, b) && a.t.length >= width * SOFT_WRAP_MIN_FILL && /[\p{L}\p{N}]$/u.test(a.t) && /^\p{L}/u.test(b.t) && !/^\p{L}[.)]\s/u.test(b.t);
}

/** Separator before each kept line (indexed by line index): '' for the first. */
export function separators(lines: Line[]): Map<number, Separator> {
  const kept = lines.filter((l) => !l.blank && !l.removed);
  const seps = new Map<number, Separator>();
  const blockOf = new Map<number, number>();
  const blocks = blocksOf(lines);
  const wrapped = new Set<number>();
  // Per block: its longest kept line (characters).
  const width: number[] = [];
  blocks.forEach((b, bi) => {
    for (const l of b) blockOf.set(l.i, bi);
    const keptInBlock = b.filter((l) => !l.removed);
    let w = 0;
    for (const l of keptInBlock) if (l.t.length > w) w = l.t.length;
    width.push(w);
    if (b.every((l) => !l.removed) && hardWrapped(keptInBlock)) wrapped.add(bi);
  });
  kept.forEach((b, k) => {
    if (k === 0) {
      seps.set(b.i, { sep: '', rule: 'whitespace', reason: 'leading whitespace removed' });
      return;
    }
    const a = kept[k - 1];
    if (!a) return;
    const sameBlock = b.i === a.i + 1;
    if (sameBlock && /^(?:[—–]|--\s)/u.test(b.t))
      seps.set(b.i, { sep: '\n', rule: 'whitespace', reason: 'attribution line kept under its quotation' });
    else if (sameBlock && (wrapped.has(blockOf.get(a.i) ?? -1) || softWrapped(a, b, width[blockOf.get(a.i) ?? -1] ?? 0)))
      seps.set(b.i, { sep: ' ', rule: 'rejoin', reason: 'hard-wrapped line joined to the previous one' });
    else if (continues(a, b) || wrapsInto(a, b))
      seps.set(b.i, {
        sep: ' ',
        rule: 'rejoin',
        reason: `sentence broken across ${sameBlock ? 'a line break' : 'a paragraph break'} rejoined ("…${snippet(a.t.slice(-REJOIN_SNIPPET_CHARS), REJOIN_SNIPPET_CHARS)}" + "${snippet(b.t, REJOIN_SNIPPET_CHARS)}")`,
      });
    else seps.set(b.i, { sep: '\n\n', rule: 'whitespace', reason: '' });
  });
  return seps;
}
