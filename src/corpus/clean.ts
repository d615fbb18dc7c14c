/**
 * The cleaner: plain text captured from a news web page in, reading text out,
 * with every removal and repair recorded as an `Edit` on the original.
 *
 * Pure: no DOM, no Node. Runs in Node, in the browser and in a Web Worker.
 *
 * How it works, in one pass over the lines of the capture:
 *  1. Split into lines (`\n`, `\r\n`, `\r`); trim each (spaces, tabs, NBSP,
 *     EM SPACE, zero-width characters...). Within a line, repair mojibake,
 *     stray backslash escapes and odd whitespace runs.
 *  2. Decide for every line whether it is kept or removed, by rules that are
 *     general heuristics (see `CLEANING_RULES`), not strings of known pages:
 *     - anywhere: "See also" links, photo captions and credits, editor
 *       credits, rows of social-network links, whole-line furniture phrases
 *       from a small generic lexicon ("Share", "Most Read", "Leave a
 *       Comment"...);
 *     - at the head (before the first prose paragraph) and the tail (after
 *       the last one): anything that is not prose (headlines, navigation,
 *       bylines, date stamps, labels), repeated headlines, cookie/spam/
 *       copyright notices.
 *     A line never decided on is kept: sidebars, lists and quotations inside
 *     the article stay.
 *  3. Group kept lines into paragraphs: a sentence broken across a line or
 *     paragraph break is rejoined with a space; an attribution line starting
 *     with a dash stays under its quotation (single `\n`); everything else is
 *     separated by exactly one blank line.
 *  4. Remove the second copy of a run of paragraphs repeated consecutively.
 *  5. Emit edits for everything that differs; `text` is the original with
 *     the edits applied, so the invariant holds by construction.
 */
import type { CleanOverrides, CleanResult, Edit } from './types.ts';

// ---------------------------------------------------------------------------
// Rules

export const CLEANING_RULES: ReadonlyArray<{ id: string; description: string }> = [
  { id: 'whitespace', description: 'Line endings, trailing spaces, NBSP/EM SPACE runs, zero-width characters and blank lines normalised: paragraphs are separated by exactly one blank line, with no leading or trailing whitespace.' },
  { id: 'mojibake', description: 'Text that was UTF-8 but decoded as Windows-1252/Latin-1 (e.g. "â€™" → "’", "Ã©" → "é") or as Windows-874/TIS-620 Thai (e.g. "ยท" → "·") is decoded again. Only byte runs that form valid multi-byte UTF-8 and decode to plausible characters are repaired; Thai is repaired only when no other Thai text in the document would be disturbed.' },
  { id: 'stray-escape', description: 'A backslash left before $, %, &, #, _ or * by a Markdown/LaTeX export ("\\$14" → "$14").' },
  { id: 'title', description: 'The headline at the head of the page: lines repeated at the head (also with a breadcrumb or " - Outlet" suffix), or equal to the known title. The title is metadata, not body.' },
  { id: 'byline', description: 'Byline, dateline and author e-mail lines at the head or tail ("By X", "by admin", "09:23, October 25, 2019", "name@outlet.com"). Author and date are metadata; bylines are removed consistently, including "By X" lines.' },
  { id: 'furniture', description: 'Site furniture: non-prose lines before the first or after the last paragraph (navigation, section headers, headlines, standfirsts, labels, foreign-script page chrome, capture date stamps), rows of social-network links, cookie/spam/copyright/follow-us notices, editor credits, and short lines that are exactly a generic furniture phrase ("Share", "Related reading", "Most Read", "Leave a Comment", "Privacy & Cookies Policy", "English>>"...).' },
  { id: 'see-also', description: 'Links to other stories injected between paragraphs: lines starting "See also", "Read more:", "Related:", "Also read"...' },
  { id: 'caption', description: 'Photo captions: short paragraphs starting "Photo shows", "Photo:", "Photo taken ..." or ending with a "(Photo by ...)"/"[Photo/...]" credit.' },
  { id: 'credit', description: 'Photo credits from print pages: short all-capital lines naming a photographer or outlet ("WU HEPING / FOR CHINA DAILY", "CHINA DAILY", "XINHUA").' },
  { id: 'rejoin', description: 'A sentence broken across a line or paragraph break (the first part has no sentence-final punctuation and the second starts in lower case, or the first ends in a word like "and", "the", "of") is rejoined with one space; hard-wrapped blocks are unwrapped.' },
  { id: 'duplicate-body', description: 'The second copy of a run of paragraphs that repeats consecutively (two or more paragraphs, or one long paragraph), verbatim up to case, punctuation and spacing. A short sentence repeated on purpose is kept.' },
  { id: 'override', description: 'Lines listed in the document metadata (clean.removeLines) are removed; lines in clean.keepLines are kept whatever the rules say.' },
];

// ---------------------------------------------------------------------------
// Character classes and small helpers

/** Horizontal whitespace and invisible characters, trimmed from lines. */
const WS = ' \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff';
const isWs = (ch: string): boolean => WS.includes(ch);
const ZERO_WIDTH = '\u200b\ufeff';

const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Scripts written without spaces between words: about three characters a word. */
const UNSPACED_RE = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;
const CJK_TEST = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu;
const CLOSERS = new Set([...' \t\u00a0"\'’”»)]}）」』】']);
const TERMINAL = /[.!?…。！？]$/u;
const TERMINAL_OR_PAUSE = /[.!?…:;。！？：；]$/u;

function countWords(t: string): number {
  let cjk = 0;
  const rest = t.replace(CJK_RE, () => {
    cjk++;
    return ' ';
  });
  let unspaced = 0;
  const rest2 = rest.replace(UNSPACED_RE, (m) => {
    unspaced += Math.ceil(m.length / 3);
    return ' ';
  });
  const latin = rest2.match(WORD_RE)?.length ?? 0;
  return latin + Math.ceil(cjk / 2) + unspaced;
}

function stripClosers(t: string): string {
  let end = t.length;
  while (end > 0 && CLOSERS.has(t.charAt(end - 1))) end--;
  return end === t.length ? t : t.slice(0, end);
}

/** Ends like a sentence: ".", "?", "!", "…" (optionally inside quotes/brackets). */
function endsSentence(t: string): boolean {
  return TERMINAL.test(stripClosers(t));
}

/** A line that reads as running text rather than a label. */
function isProse(t: string, words: number): boolean {
  return (endsSentence(t) && words >= 2) || (/[:：]$/u.test(t) && words >= 6) || words >= 25;
}

/** Lower-case, letters and digits only, single spaces: for comparing lines. */
function normKey(t: string): string {
  return t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lower-case, `&`→and, outer punctuation gone: for matching furniture phrases. */
function normPhrase(t: string): string {
  return t
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}>»›]+/gu, ' ')
    .trim();
}

function snippet(t: string, n = 60): string {
  const s = t.replace(/\s+/g, ' ').trim();
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

// ---------------------------------------------------------------------------
// Mojibake

const CP1252_EXTRA: ReadonlyArray<[number, number]> = [
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86],
  [0x2021, 0x87], [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c],
  [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95],
  [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b],
  [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
];
const CP1252_MAP = new Map<number, number>(CP1252_EXTRA);
/** Byte a character would have in Windows-1252 (or Latin-1 for the C1 range); only bytes ≥ 0x80. */
function latinByte(cp: number): number | undefined {
  if (cp < 0x80) return undefined;
  if (cp <= 0xff) return cp;
  return CP1252_MAP.get(cp);
}

const CP874_EXTRA = new Map<number, number>([
  [0x20ac, 0x80], [0x2026, 0x85], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94],
  [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x00a0, 0xa0],
]);
/** Byte a character would have in Windows-874 / TIS-620; only bytes ≥ 0x80. */
function thaiByte(cp: number): number | undefined {
  if (cp < 0xa0) return undefined;
  if (cp >= 0x0e01 && cp <= 0x0e3a) return cp - 0x0e01 + 0xa1;
  if (cp === 0x0e3f) return 0xdf;
  if (cp >= 0x0e40 && cp <= 0x0e5b) return cp - 0x0e40 + 0xe0;
  return CP874_EXTRA.get(cp);
}
const isThai = (cp: number): boolean => cp >= 0x0e00 && cp <= 0x0e7f;

function seqLen(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Strictly decode one UTF-8 sequence; undefined if invalid (overlong, surrogate, out of range). */
function decodeSeq(bytes: number[]): number | undefined {
  const n = bytes.length;
  const b0 = bytes[0] ?? 0;
  for (let i = 1; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80 || b > 0xbf) return undefined;
  }
  let cp: number;
  if (n === 2) cp = ((b0 & 0x1f) << 6) | ((bytes[1] ?? 0) & 0x3f);
  else if (n === 3) cp = ((b0 & 0x0f) << 12) | (((bytes[1] ?? 0) & 0x3f) << 6) | ((bytes[2] ?? 0) & 0x3f);
  else if (n === 4)
    cp = ((b0 & 0x07) << 18) | (((bytes[1] ?? 0) & 0x3f) << 12) | (((bytes[2] ?? 0) & 0x3f) << 6) | ((bytes[3] ?? 0) & 0x3f);
  else return undefined;
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return cp;
}

/** Would a human text plausibly contain this decoded character? Conservative. */
function plausible(cp: number, len: number): boolean {
  if (len === 2) return cp >= 0xa0 && cp <= 0x17f; // Latin-1 supplement, Latin Extended-A
  if (cp === 0xfffd || cp === 0xfeff || cp === 0x2028 || cp === 0x2029) return false;
  if (cp >= 0xe000 && cp <= 0xf8ff) return false; // private use
  if (cp >= 0xfff0 && cp <= 0xffff) return false;
  if (cp >= 0xf0000) return false;
  return true;
}

/**
 * Decode a run of characters as bytes (via `toByte`) back to UTF-8.
 * `whole`: every byte must belong to a valid sequence; otherwise valid
 * sequences are decoded where found and other characters left alone.
 * Returns pieces [from, to, replacement] in run-relative char indices.
 */
function decodeRun(
  cps: number[],
  toByte: (cp: number) => number | undefined,
  whole: boolean,
): Array<[number, number, string]> | undefined {
  const bytes = cps.map((cp) => toByte(cp) ?? -1);
  const out: Array<[number, number, string]> = [];
  let i = 0;
  while (i < bytes.length) {
    const n = seqLen(bytes[i] ?? 0);
    if (n > 0 && i + n <= bytes.length) {
      const cp = decodeSeq(bytes.slice(i, i + n));
      if (cp !== undefined && plausible(cp, n)) {
        const last = out[out.length - 1];
        const ch = String.fromCodePoint(cp);
        if (last && last[1] === i) {
          last[1] = i + n;
          last[2] += ch;
        } else out.push([i, i + n, ch]);
        i += n;
        continue;
      }
    }
    if (whole) return undefined;
    i++;
  }
  return out;
}

/** Repeat a Latin repair on a replacement (double mojibake "Ã¢â‚¬â„¢" → "â€™" → "’"). */
function redecode(s: string): string {
  for (let round = 0; round < 3; round++) {
    const cps = Array.from(s, (c) => c.codePointAt(0) ?? 0);
    if (!cps.every((cp) => latinByte(cp) !== undefined)) return s;
    const pieces = decodeRun(cps, latinByte, true);
    if (!pieces || pieces.length === 0) return s;
    s = pieces.map((p) => p[2]).join('');
  }
  return s;
}

interface RawEdit {
  start: number;
  end: number;
  replacement: string;
  rule: string;
  reason: string;
}

/** Mojibake repairs inside [from, to) of `src`. `thaiOk`: the document allows the Thai repair. */
function mojibakeEdits(src: string, from: number, to: number, thaiOk: boolean): RawEdit[] {
  const edits: RawEdit[] = [];
  // Runs of characters that have a high byte in the codec.
  const scan = (toByte: (cp: number) => number | undefined, label: string, whole: boolean, needThai: boolean): void => {
    let i = from;
    while (i < to) {
      const cp = src.codePointAt(i) ?? 0;
      if (toByte(cp) === undefined) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      const runStart = i;
      const cps: number[] = [];
      const offs: number[] = [];
      while (i < to) {
        const c = src.codePointAt(i) ?? 0;
        if (toByte(c) === undefined) break;
        cps.push(c);
        offs.push(i);
        i += c > 0xffff ? 2 : 1;
      }
      offs.push(i);
      if (cps.length < 2 || (needThai && !cps.some(isThai))) continue;
      const pieces = decodeRun(cps, toByte, whole);
      if (!pieces) continue;
      for (const [a, b, rep] of pieces) {
        const start = offs[a] ?? runStart;
        const end = offs[b] ?? i;
        const bad = src.slice(start, end);
        const fixed = label === 'Windows-1252' ? redecode(rep) : rep;
        edits.push({
          start,
          end,
          replacement: fixed,
          rule: 'mojibake',
          reason: `UTF-8 text decoded as ${label}: "${bad}" repaired to "${fixed}"`,
        });
      }
    }
  };
  scan(latinByte, 'Windows-1252', false, false);
  if (thaiOk) scan(thaiByte, 'Windows-874 (Thai)', true, true);
  // A repair that would leave whitespace at either end of the line is not made
  // (the line was trimmed on the original): such a character is left as it is.
  return edits.filter(
    (e) => !((e.start === from && isWs(e.replacement.charAt(0))) || (e.end === to && isWs(e.replacement.charAt(e.replacement.length - 1)))),
  );
}

/**
 * The Thai repair is allowed only if every run of Thai characters in the
 * document is, as a whole, valid UTF-8 mis-decoded as Windows-874: real Thai
 * text never is, so a page with any real Thai is left alone.
 */
function thaiRepairAllowed(src: string): boolean {
  let found = false;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const cp = src.charCodeAt(i);
    if (!isThai(cp)) {
      i++;
      continue;
    }
    // Extend the run over Thai and other cp874-encodable characters.
    let j = i;
    while (j < n && thaiByte(src.charCodeAt(j)) !== undefined) j++;
    // Include cp874 punctuation just before the Thai character.
    let k = i;
    while (k > 0 && thaiByte(src.charCodeAt(k - 1)) !== undefined && !isThai(src.charCodeAt(k - 1))) k--;
    if (j === i) return false; // a Thai code point with no cp874 byte (e.g. U+0E00)
    const cps = Array.from(src.slice(k, j), (c) => c.codePointAt(0) ?? 0);
    const pieces = decodeRun(cps, thaiByte, true);
    if (!pieces) return false;
    found = true;
    i = j;
  }
  return found;
}

// ---------------------------------------------------------------------------
// Lines

interface Line {
  /** Index in the line array. */
  i: number;
  /** Line content, without the line break: [start, end). */
  start: number;
  end: number;
  /** Trimmed content [cs, ce); cs === ce for a blank line. */
  cs: number;
  ce: number;
  blank: boolean;
  /** Repairs inside [cs, ce), sorted. */
  inner: RawEdit[];
  /** The trimmed content with inner repairs applied. */
  t: string;
  words: number;
  prose: boolean;
  /** undefined: kept. */
  removed?: { rule: string; reason: string };
  forceKeep?: boolean;
}

function splitLines(src: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = src.length;
  const push = (end: number): void => {
    let cs = start;
    let ce = end;
    while (cs < ce && isWs(src.charAt(cs))) cs++;
    while (ce > cs && isWs(src.charAt(ce - 1))) ce--;
    lines.push({ i: lines.length, start, end, cs, ce, blank: cs === ce, inner: [], t: '', words: 0, prose: false });
  };
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || c === 13) {
      push(i);
      if (c === 13 && src.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  push(n);
  return lines;
}

/** Whitespace repairs inside a trimmed line: runs → one space, odd single spaces → space, zero-width → gone. */
function innerWhitespaceEdits(src: string, from: number, to: number): RawEdit[] {
  const edits: RawEdit[] = [];
  let i = from;
  while (i < to) {
    if (!isWs(src.charAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && isWs(src.charAt(j))) j++;
    const run = src.slice(i, j);
    let rep: string | undefined;
    if ([...run].every((c) => ZERO_WIDTH.includes(c))) rep = '';
    else if (run.length >= 2) rep = ' ';
    else if (run !== ' ' && run !== '\u00a0') rep = ' ';
    if (rep !== undefined && rep !== run)
      edits.push({
        start: i,
        end: j,
        replacement: rep,
        rule: 'whitespace',
        reason: rep === '' ? 'invisible zero-width character removed' : `run of ${describeWs(run)} collapsed to one space`,
      });
    i = j;
  }
  return edits;
}

function describeWs(run: string): string {
  const names = new Set<string>();
  for (const c of run) {
    if (c === ' ') names.add('spaces');
    else if (c === '\u00a0') names.add('no-break spaces');
    else if (c === '\t') names.add('tabs');
    else if (c === '\u2003') names.add('em spaces');
    else if (c === '\u3000') names.add('ideographic spaces');
    else if (ZERO_WIDTH.includes(c)) names.add('zero-width characters');
    else names.add(`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...names].join(', ');
}

function strayEscapeEdits(src: string, from: number, to: number): RawEdit[] {
  const edits: RawEdit[] = [];
  for (let i = from; i < to - 1; i++) {
    if (src.charAt(i) !== '\\') continue;
    const next = src.charAt(i + 1);
    if ('$%&#_*'.includes(next) && (i === from || src.charAt(i - 1) !== '\\'))
      edits.push({ start: i, end: i + 1, replacement: '', rule: 'stray-escape', reason: `stray backslash before "${next}" removed` });
  }
  return edits;
}

/** Keep the first of overlapping edits (input in priority order), sorted by start. */
function resolveOverlaps(groups: RawEdit[][]): RawEdit[] {
  const taken: RawEdit[] = [];
  for (const g of groups)
    for (const e of g) if (!taken.some((t) => e.start < t.end && t.start < e.end)) taken.push(e);
  return taken.sort((a, b) => a.start - b.start);
}

function applyInner(src: string, line: Line): string {
  let out = '';
  let pos = line.cs;
  for (const e of line.inner) {
    out += src.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return out + src.slice(pos, line.ce);
}

// ---------------------------------------------------------------------------
// Line classification

const SOCIAL =
  /\b(?:facebook|twitter|instagram|youtube|linkedin|whatsapp|telegram|reddit|pinterest|tiktok|weibo|wechat|flipboard|rss|apple news|google news|vk)\b|新浪微博|微博|微信/giu;

/** Whole-line furniture phrases (matched against `normPhrase`). Generic web vocabulary only. */
const FURNITURE_PHRASES = new RegExp(
  '^(?:' +
    [
      'home', 'search', 'search for', 'archive', 'archives', 'menu', 'main menu', 'navigation', 'skip to (?:main )?content', 'back to top',
      'log ?in', 'log ?out', 'sign ?in', 'sign ?up', 'register', 'subscribe(?: now| today| to (?:our|the) newsletter)?', 'newsletters?',
      'print(?: this(?: article| page| story)?)?', 'e ?mail(?: this(?: article| page| story)?)?', 'share(?: this(?: article| page| story| post)?)?(?: on \\w+(?: \\w+)?)?', 'shares?', 'tweet',
      'follow(?: us)?(?: on \\w+)?', 'advertisement', 'advertising', 'sponsored(?: content)?', 'ad', 'ads',
      'next', 'previous', 'prev', '(?:next|previous) (?:article|story|post|page)', 'load more', 'show more', 'see more', 'view more', 'read more', 'continue reading',
      'comments?', '\\d+ comments?', 'no comments?(?: yet)?', 'reply', '(?:add|leave|post|write|submit) (?:a |your )?(?:comment|reply)s?', 'join the (?:discussion|conversation)',
      'related', 'related (?:reading|articles?|stories|story|news|posts?|content|coverage|links|topics|items)', 'we recommend', 'recommended(?: for you| reading| stories| articles)?',
      'most (?:read|popular|viewed|shared|commented|emailed)', 'trending(?: now| stories)?', 'popular(?: stories| posts)?', 'editor s picks?', 'top stories', 'latest news', 'breaking news',
      'you (?:may|might) (?:also )?(?:like|be interested in|enjoy)', 'more (?:stories|news|articles) from .{1,40}',
      'key ?words?', 'tags?', 'topics?', 'categories', 'filed under',
      'privacy', 'privacy policy', 'privacy (?:and )?cookies? policy', 'cookies? (?:policy|settings|preferences)', 'terms(?: of (?:use|service))?', 'terms and conditions',
      'accept(?: all)?(?: cookies)?', 'reject(?: all)?', 'contact(?: us)?', 'about(?: us)?', 'all rights reserved', 'copyright.{0,60}',
      'like this', 'like', 'loading', 'close', 'open', 'toggle navigation',
    ].join('|') +
    ')$',
  'u',
);

const SEE_ALSO =
  /^(?:(?:see also|also read|read also|also see)(?:\s*(?::|>>|»|›|—|–|-|\|)|\s+(?=\S))|(?:read more|more on this|related|related (?:reading|articles?|stories|story|news|coverage|content|links)|recommended(?: reading)?|further reading)\s*(?::|>>|»|›|—|–|\|)\s*\S)/iu;

const CAPTION_START = /^[([]?(?:file |handout )?(?:photo|photos|picture|pictures|image|images|video|photograph)\)?\s*(?:shows\b|taken\b|:|\/|\||—|–|-\s)|^photo taken\b|^(?:this|the) (?:photo|picture|image) (?:shows|taken)\b/iu;
const CAPTION_END = /[([]\s*(?:(?:file )?photos?|pictures?|images?|photograph|provided)\b[^()[\]]{0,120}[)\]]\s*$/iu;

/** Credit shapes: a slash, "PHOTO ...", "FOR/PROVIDED TO/COURTESY OF <OUTLET>", or a short line ending in an outlet word. */
const CREDIT_SHAPE = /\/|^(?:PHOTOS?|PHOTOGRAPHS?|PHOTO BY)\b|\b(?:FOR|PROVIDED TO|COURTESY OF)\s+\p{Lu}/u;
const OUTLET_END = /\b(?:DAILY|XINHUA|REUTERS|AFP|AP|EPA|GETTY IMAGES|VCG|CNS|IC|IMAGES|PHOTOS?|TIMES|NEWS|POST|PRESS|AGENCY)$/u;

const EDITOR_LINE = /^[([]?\s*(?:web |chief |responsible |executive |managing |copy )?editors?(?: in charge)?\s*[:：]/iu;
const EDITOR_ANY = /[([]\s*(?:web |chief |responsible |executive )?editors?(?: in charge)?\s*[:：][^()[\]]*[)\]]/iu;

const NOTICE =
  /\b(?:(?:this|our) (?:web ?site|site|page) uses cookies|we use cookies|uses cookies to|akismet|comment data is processed|all rights reserved|(?:please )?follow (?:us|[\p{L}' ]{1,40} on (?:twitter|facebook|weibo|wechat|instagram|x))|scan(?:ning)? (?:the )?(?:qr )?code|sign up for (?:our|the) newsletter|subscribe to (?:our|the) newsletter|reproduction (?:is )?(?:prohibited|forbidden)|without permission is prohibited)\b|^(?:copyright|©|\(c\))\s/iu;

const BYLINE = /^(?:by|written by|reporter|reporters|author|authors|source|text by)\b[\s:：]/iu;
const EMAIL_LINE = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/u;
const MONTHS = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_ONLY = new RegExp(
  `^(?:(?:updated|published|posted|date)\\s*:?\\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s*)?` +
    `(?:${MONTHS}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTHS},?\\s+\\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4})` +
    `(?:[,\\s|]+\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:am|pm)?(?:\\s*[a-z]{2,4})?)?$` +
    `|^\\d{1,2}:\\d{2}(?::\\d{2})?,?\\s+(?:${MONTHS}\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})$`,
  'iu',
);
function isAllCaps(t: string): boolean {
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function socialCount(t: string): number {
  return t.match(SOCIAL)?.length ?? 0;
}

/** Rules that apply anywhere in the document. */
function anywhereRule(l: Line): { rule: string; reason: string } | undefined {
  const t = l.t;
  const w = l.words;
  if (w <= 60 && SEE_ALSO.test(t) && !/^related\s+to\b/iu.test(t))
    return { rule: 'see-also', reason: `link to another story injected between paragraphs: "${snippet(t)}"` };
  if (w <= 80 && (CAPTION_START.test(t) || CAPTION_END.test(t)))
    return { rule: 'caption', reason: `photo caption: "${snippet(t)}"` };
  if (w <= 8 && !endsSentence(t) && isAllCaps(t) && (CREDIT_SHAPE.test(t) || (w <= 3 && OUTLET_END.test(t))))
    return { rule: 'credit', reason: `photo/outlet credit line "${t}"` };
  if (w <= 20 && (EDITOR_LINE.test(t) || (EDITOR_ANY.test(t) && !endsSentence(t))))
    return { rule: 'furniture', reason: `editor credit "${snippet(t)}"` };
  const social = w <= 20 ? socialCount(t) : 0;
  if (social >= 2 && !endsSentence(t) && social * 2.5 >= w)
    return { rule: 'furniture', reason: `row of social-network links "${snippet(t)}"` };
  if (w <= 10) {
    const p = normPhrase(t);
    if (FURNITURE_PHRASES.test(p)) return { rule: 'furniture', reason: `site furniture "${snippet(t)}"` };
    if (w <= 5 && /(?:>>|»|›)$/u.test(t.trim())) return { rule: 'furniture', reason: `navigation link "${t}"` };
  }
  return undefined;
}

/** Notices (cookies, spam filter, copyright, follow-us, scan-the-code): only outside the article body. */
function isNotice(l: Line): boolean {
  return l.words <= 60 && NOTICE.test(l.t);
}

function bylineReason(l: Line): string | undefined {
  const t = l.t;
  if (EMAIL_LINE.test(t)) return `author's contact e-mail "${t}"`;
  if (l.words <= 14 && !endsSentence(t) && BYLINE.test(t)) return `byline "${snippet(t)}" (author and date are metadata)`;
  if (DATE_ONLY.test(t)) return `date stamp "${t}"`;
  return undefined;
}

/** Reason for a non-prose line outside the body. */
function edgeReason(l: Line, where: 'head' | 'tail', latinDoc: boolean): string {
  const t = l.t;
  if (latinDoc && CJK_TEST.test(t) && !/\p{Script=Latin}/u.test(t))
    return `line in another script (CJK) ${where === 'head' ? 'before' : 'after'} the article: page chrome`;
  if (isAllCaps(t) && l.words <= 8) return `section header in capitals ${where === 'head' ? 'before' : 'after'} the article`;
  if (where === 'head')
    return l.words >= 3 && /^(?:home|news|index)\b/iu.test(t)
      ? 'navigation breadcrumb before the article'
      : 'heading or navigation line before the first paragraph (headline, standfirst or site chrome)';
  return 'label or link line after the last paragraph';
}

// ---------------------------------------------------------------------------
// Titles

function detectTitles(lines: Line[], hintTitle: string | null | undefined): void {
  // The head window: at most the first 12 non-blank lines, up to the first
  // line of prose that could not be a headline (headlines do not end with a
  // full stop and are not long).
  const headlineShaped = (l: Line): boolean => l.words <= 25 && !/[.。]$/u.test(stripClosers(l.t));
  const window: Line[] = [];
  for (const l of lines) {
    if (l.blank) continue;
    if (window.length >= 12 || (l.prose && !headlineShaped(l))) break;
    window.push(l);
  }
  const keys = window.map((l) => normKey(l.t));
  const counts = new Map<string, number>();
  window.forEach((l, idx) => {
    const k = keys[idx] ?? '';
    if (k && headlineShaped(l)) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const repeated = [...counts.entries()].filter(([k, c]) => c >= 2 && k.split(' ').length >= 3).map(([k]) => k);
  const hint = hintTitle ? normKey(hintTitle) : '';
  window.forEach((l, idx) => {
    if (l.removed || l.forceKeep) return;
    const k = keys[idx] ?? '';
    if (!k) return;
    for (const r of repeated) {
      // Equal, or the title with a breadcrumb before it / an outlet after it.
      if (k === r || ((k.endsWith(` ${r}`) || k.startsWith(`${r} `)) && k.length <= r.length * 1.6)) {
        const n = keys.filter((x) => x === r || x.endsWith(` ${r}`) || x.startsWith(`${r} `)).length;
        l.removed = { rule: 'title', reason: `headline repeated ${n} times at the head of the page (the title is metadata)` };
        return;
      }
    }
    if (hint && hint.split(' ').length >= 2) {
      const near =
        k === hint ||
        ((k.includes(hint) || hint.includes(k)) && Math.min(k.length, hint.length) >= Math.max(k.length, hint.length) * 0.6);
      if (near) l.removed = { rule: 'title', reason: 'the headline (equal to the document title, which is metadata)' };
    }
  });
}

// ---------------------------------------------------------------------------
// Paragraph joins

const FUNCTION_WORDS = new Set(
  ('a an the and or but nor of to in on at by for with from as into onto than that which who whose whom its their his her our ' +
    'your my is are was were be been being has have had will would shall should can could may might must this these those ' +
    'between among about over under after before during without within through across against via per such both either neither')
    .split(' '),
);

/** Should kept line `b` continue the sentence of kept line `a`? */
function continues(a: Line, b: Line): boolean {
  const at = a.t;
  const bt = b.t;
  if (a.words < 5) return false;
  if (TERMINAL_OR_PAUSE.test(stripClosers(at)) || /[)\]"”’]$/u.test(at)) return false;
  if (/^[-–—•*·▪►●■]/u.test(bt)) return false;
  const first = bt.charAt(0);
  if (/\p{Ll}/u.test(first)) return true;
  const lastWord = (at.match(/[\p{L}']+$/u)?.[0] ?? '').toLowerCase();
  return FUNCTION_WORDS.has(lastWord) && /[\p{L}\p{N}]/u.test(first);
}

/** Lines of a hard-wrapped block (lines of similar length, mostly not ending a sentence). */
function hardWrapped(block: Line[]): boolean {
  if (block.length < 3) return false;
  const lens = block.map((l) => l.t.length);
  const max = Math.max(...lens);
  if (max < 40 || max > 100) return false;
  const body = block.slice(0, -1);
  if (!body.every((l) => l.t.length >= max * 0.6)) return false;
  const open = body.filter((l) => !endsSentence(l.t)).length;
  return open * 2 >= body.length;
}

// ---------------------------------------------------------------------------
// Main

export function cleanText(original: string, overrides?: CleanOverrides, hints?: { title?: string | null }): CleanResult {
  const src = original;
  const lines = splitLines(src);
  const thaiOk = thaiRepairAllowed(src);

  // 1. Inner repairs and features.
  for (const l of lines) {
    if (l.blank) continue;
    l.inner = resolveOverlaps([
      mojibakeEdits(src, l.cs, l.ce, thaiOk),
      strayEscapeEdits(src, l.cs, l.ce),
      innerWhitespaceEdits(src, l.cs, l.ce),
    ]);
    l.t = applyInner(src, l);
    l.words = countWords(l.t);
    l.prose = isProse(l.t, l.words);
  }
  const nonBlank = lines.filter((l) => !l.blank);
  // A hard-wrapped block is prose as a whole, although its lines are not.
  for (const block of blocksOf(lines)) {
    if (!hardWrapped(block)) continue;
    const joined = block.map((l) => l.t).join(' ');
    const prose = isProse(joined, countWords(joined));
    for (const l of block) l.prose = prose;
  }
  let latin = 0;
  let cjk = 0;
  for (const l of nonBlank) {
    const t = l.t;
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k);
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
      else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)) cjk++;
    }
  }
  const latinDoc = latin > cjk * 2;

  // 2. Overrides.
  const keep = new Set((overrides?.keepLines ?? []).map((s) => s.trim()));
  const drop = new Set((overrides?.removeLines ?? []).map((s) => s.trim()));
  for (const l of nonBlank) {
    const raw = src.slice(l.cs, l.ce);
    if (keep.has(raw) || keep.has(l.t)) l.forceKeep = true;
    else if (drop.has(raw) || drop.has(l.t))
      l.removed = { rule: 'override', reason: 'listed in this document\u2019s clean.removeLines' };
  }

  // 3. Titles, then rules that apply anywhere.
  detectTitles(lines, hints?.title);
  for (const l of nonBlank) {
    if (l.removed || l.forceKeep) continue;
    const r = anywhereRule(l);
    if (r) l.removed = r;
  }

  // 4. The body: from the first to the last prose line that is not furniture.
  const bodyLike = (l: Line): boolean => !l.removed && l.prose && !isNotice(l) && bylineReason(l) === undefined;
  const firstBody = nonBlank.findIndex((l) => l.forceKeep || bodyLike(l));
  let lastBody = -1;
  for (let k = nonBlank.length - 1; k >= 0; k--) {
    const l = nonBlank[k];
    if (l && (l.forceKeep || bodyLike(l))) {
      lastBody = k;
      break;
    }
  }
  if (firstBody >= 0) {
    nonBlank.forEach((l, k) => {
      if (l.removed || l.forceKeep) return;
      const where = k < firstBody ? 'head' : k > lastBody ? 'tail' : undefined;
      if (!where) return;
      const by = bylineReason(l);
      if (by) l.removed = { rule: 'byline', reason: by };
      else if (isNotice(l)) l.removed = { rule: 'furniture', reason: `site notice "${snippet(l.t)}"` };
      else if (!l.prose) l.removed = { rule: 'furniture', reason: edgeReason(l, where, latinDoc) };
      else l.removed = { rule: 'furniture', reason: `site text ${where === 'head' ? 'before' : 'after'} the article` };
    });
  }

  // 5. Paragraphs, then duplicated runs.
  let seps = separators(lines);
  const paras = paragraphsOf(lines, seps);
  if (markDuplicates(paras)) seps = separators(lines);

  // 6. Edits.
  const edits = buildEdits(src, lines, seps);
  return { text: applyEdits(src, edits), edits };
}

/** Blocks: maximal runs of adjacent non-blank lines. */
function blocksOf(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let cur: Line[] = [];
  for (const l of lines) {
    if (l.blank) {
      if (cur.length) blocks.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

/** Separator before each kept line (indexed by line index): '' for the first. */
function separators(lines: Line[]): Map<number, { sep: string; rule: string; reason: string }> {
  const kept = lines.filter((l) => !l.blank && !l.removed);
  const seps = new Map<number, { sep: string; rule: string; reason: string }>();
  const blockOf = new Map<number, number>();
  const blocks = blocksOf(lines);
  const wrapped = new Set<number>();
  blocks.forEach((b, bi) => {
    for (const l of b) blockOf.set(l.i, bi);
    const keptInBlock = b.filter((l) => !l.removed);
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
    else if (sameBlock && wrapped.has(blockOf.get(a.i) ?? -1))
      seps.set(b.i, { sep: ' ', rule: 'rejoin', reason: 'hard-wrapped line joined to the previous one' });
    else if (continues(a, b))
      seps.set(b.i, {
        sep: ' ',
        rule: 'rejoin',
        reason: `sentence broken across ${sameBlock ? 'a line break' : 'a paragraph break'} rejoined ("…${snippet(a.t.slice(-30), 30)}" + "${snippet(b.t, 30)}")`,
      });
    else seps.set(b.i, { sep: '\n\n', rule: 'whitespace', reason: '' });
  });
  return seps;
}

interface Para {
  lines: Line[];
  key: string;
  chars: number;
}

function paragraphsOf(lines: Line[], seps: Map<number, { sep: string }>): Para[] {
  const paras: Para[] = [];
  for (const l of lines) {
    if (l.blank || l.removed) continue;
    const s = seps.get(l.i)?.sep ?? '';
    const last = paras[paras.length - 1];
    if (last && s !== '\n\n' && s !== '') last.lines.push(l);
    else paras.push({ lines: [l], key: '', chars: 0 });
  }
  for (const p of paras) {
    p.key = normKey(p.lines.map((l) => l.t).join(' '));
    p.chars = p.key.length;
  }
  return paras;
}

/** Remove the second copy of consecutively repeated paragraph runs. Returns whether anything changed. */
function markDuplicates(paras: Para[]): boolean {
  const lastAt = new Map<string, number>();
  let changed = false;
  let j = 0;
  while (j < paras.length) {
    const pj = paras[j];
    if (!pj) break;
    const i = pj.key ? lastAt.get(pj.key) : undefined;
    if (i !== undefined) {
      const L = j - i;
      let k = 0;
      let chars = 0;
      while (k < L && j + k < paras.length) {
        const a = paras[i + k];
        const b = paras[j + k];
        if (!a || !b || a.key !== b.key || !b.key || b.lines.some((l) => l.forceKeep)) break;
        chars += b.chars;
        k++;
      }
      const tandem = k === L && ((k >= 2 && chars >= 100) || (k === 1 && chars >= 200));
      const nearTandem = k >= 3 && k * 2 >= L && chars >= 300;
      if (tandem || nearTandem) {
        const first = paras[i];
        const reason =
          `second copy of ${k} paragraph${k > 1 ? 's' : ''} (from "${snippet(first?.lines[0]?.t ?? '', 40)}") ` +
          `already given just before`;
        for (let m = j; m < j + k; m++) {
          const p = paras[m];
          if (!p) continue;
          lastAt.set(p.key, m);
          for (const l of p.lines) l.removed = { rule: 'duplicate-body', reason };
        }
        changed = true;
        j += k;
        continue;
      }
    }
    if (pj.key) lastAt.set(pj.key, j);
    j++;
  }
  return changed;
}

function wsReason(gap: string, sep: string): string {
  const parts: string[] = [];
  if (gap.includes('\r')) parts.push('line endings normalised');
  const trailing = gap.replace(/[\r\n]/g, '');
  if (trailing.length) parts.push(`${describeWs(trailing)} at line ends removed`);
  const breaks = (gap.match(/\r\n|\r|\n/g) ?? []).length;
  if (sep === '') parts.push(breaks ? 'leading/trailing blank lines removed' : 'leading/trailing whitespace removed');
  else if (sep === '\n\n' && breaks > 2) parts.push('blank lines reduced to one');
  else if (sep === '\n\n' && breaks < 2) parts.push('paragraph break widened to one blank line');
  else if (sep === '\n' && breaks !== 1) parts.push('line break normalised');
  return parts.length ? parts.join('; ') : 'whitespace normalised';
}

function buildEdits(src: string, lines: Line[], seps: Map<number, { sep: string; rule: string; reason: string }>): Edit[] {
  const edits: Edit[] = [];
  const kept = lines.filter((l) => !l.blank && !l.removed);
  const removedBetween = (from: number, to: number): Line[] =>
    lines.slice(from, to).filter((l) => !l.blank && l.removed);

  const gap = (gapStart: number, gapEnd: number, sep: { sep: string; rule: string; reason: string }, removed: Line[]): void => {
    const ws0End = removed[0]?.cs ?? gapEnd;
    const ws = src.slice(gapStart, ws0End);
    if (ws !== sep.sep)
      edits.push({
        start: gapStart,
        end: ws0End,
        replacement: sep.sep,
        rule: sep.rule,
        reason: sep.rule === 'whitespace' ? wsReason(ws, sep.sep) : sep.reason,
      });
    // Removed lines, each through the whitespace up to the next line; merge equal neighbours.
    removed.forEach((l, k) => {
      const end = removed[k + 1]?.cs ?? gapEnd;
      const r = l.removed;
      if (!r) return;
      const prev = edits[edits.length - 1];
      if (prev && prev.end === l.cs && prev.rule === r.rule && prev.reason === r.reason && prev.replacement === '' && k > 0)
        prev.end = end;
      else edits.push({ start: l.cs, end, replacement: '', rule: r.rule, reason: r.reason });
    });
  };

  let prevEnd = 0;
  let prevIdx = 0;
  for (const l of kept) {
    const sep = seps.get(l.i) ?? { sep: '\n\n', rule: 'whitespace', reason: '' };
    gap(prevEnd, l.cs, sep, removedBetween(prevIdx, l.i));
    for (const e of l.inner) edits.push({ ...e });
    prevEnd = l.ce;
    prevIdx = l.i + 1;
  }
  gap(prevEnd, src.length, { sep: '', rule: 'whitespace', reason: '' }, removedBetween(prevIdx, lines.length));
  return edits.filter((e) => e.end > e.start || e.replacement !== '');
}

function applyEdits(src: string, edits: Edit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += src.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return out + src.slice(pos);
}

// ---------------------------------------------------------------------------
// Helpers for the reader

export type Segment = {
  kind: 'kept' | 'removed' | 'replaced';
  original: string;
  replacement: string;
  rule?: string;
  reason?: string;
  start: number;
  end: number;
};

/** The original cut into kept stretches and edited ones, in order, covering it exactly. */
export function segmentsOf(original: string, edits: Edit[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const e of edits) {
    if (e.start > pos) out.push({ kind: 'kept', original: original.slice(pos, e.start), replacement: '', start: pos, end: e.start });
    out.push({
      kind: e.replacement === '' ? 'removed' : 'replaced',
      original: original.slice(e.start, e.end),
      replacement: e.replacement,
      rule: e.rule,
      reason: e.reason,
      start: e.start,
      end: e.end,
    });
    pos = Math.max(pos, e.end);
  }
  if (pos < original.length)
    out.push({ kind: 'kept', original: original.slice(pos), replacement: '', start: pos, end: original.length });
  return out;
}

interface OffsetIndex {
  /** Start of each edit in the original and in the clean text. */
  oStart: number[];
  cStart: number[];
}
const indexCache = new WeakMap<Edit[], OffsetIndex>();
function indexOf(edits: Edit[]): OffsetIndex {
  let idx = indexCache.get(edits);
  if (idx && idx.oStart.length === edits.length) return idx;
  const oStart: number[] = [];
  const cStart: number[] = [];
  let delta = 0;
  for (const e of edits) {
    oStart.push(e.start);
    cStart.push(e.start + delta);
    delta += e.replacement.length - (e.end - e.start);
  }
  idx = { oStart, cStart };
  indexCache.set(edits, idx);
  return idx;
}

/** Last k with arr[k] <= x (or arr[k] < x when strict), -1 if none. */
function lastAtMost(arr: number[], x: number, strict: boolean): number {
  let lo = 0;
  let hi = arr.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = arr[mid] ?? 0;
    if (strict ? v < x : v <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/**
 * Offset in the clean text → offset in the original.
 * At a point where material was removed, `affinity: 'after'` (default) gives
 * the original offset of the next clean character (use it for the start of a
 * range); `'before'` gives the offset just after the previous clean character
 * (use it for the end of a range). Inside a replacement, the offset maps into
 * the replaced original span (clamped).
 */
export function cleanOffsetToOriginal(edits: Edit[], cleanOffset: number, affinity: 'before' | 'after' = 'after'): number {
  const c = Math.max(0, cleanOffset);
  const { cStart } = indexOf(edits);
  const k = lastAtMost(cStart, c, false);
  const e = edits[k];
  if (k < 0 || !e) return c;
  const cs = cStart[k] ?? 0;
  const ce = cs + e.replacement.length;
  if (c < ce) return e.start + Math.min(c - cs, e.end - e.start);
  if (affinity === 'before' && e.replacement === '' && cs === c) {
    // Step back over every removal that sits at this clean offset.
    let m = k;
    while (m > 0 && edits[m - 1]?.replacement === '' && cStart[m - 1] === c) m--;
    return edits[m]?.start ?? e.start;
  }
  return e.end + (c - ce);
}

/** Offset in the original → offset in the clean text (a removed or replaced span maps into its replacement). */
export function originalOffsetToClean(edits: Edit[], originalOffset: number): number {
  const o = Math.max(0, originalOffset);
  const { oStart, cStart } = indexOf(edits);
  const k = lastAtMost(oStart, o, false);
  if (k < 0) return o;
  const e = edits[k];
  const cs = cStart[k] ?? 0;
  if (!e) return o;
  if (o < e.end) return cs + Math.min(o - e.start, e.replacement.length);
  return cs + e.replacement.length + (o - e.end);
}
