/**
 * The words of a formula's versions, and when two of them count as the same
 * word for the multi-witness alignment: the same matching form, the same
 * stem (an inflection: "build" / "building"), or, for longer content words,
 * one edit apart (a spelling: "organisation" / "organization"). Unlike words
 * never match; the alignment pairs them afterwards, by position.
 */
import { isFunctionWord, type Language } from '../text/function-words.ts';
import { normalizeWord } from '../text/normalize.ts';
import { BIGRAM_SCRIPT, scanTokens, TokenKind } from '../text/scan.ts';
import { stem } from '../text/stem.ts';

export interface AlignToken {
  /** UTF-16 offsets into the document's text. */
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** Matching form (case-folded, NFKC). */
  norm: string;
  stem: string;
  /** Not a function word. */
  content: boolean;
}

export type Form = Pick<AlignToken, 'norm' | 'stem' | 'content'>;

/** Scores for the alignment (see multi-align.ts). */
export const SCORE = {
  contentMatch: 3,
  functionMatch: 1.5,
  inflection: 2.5,
  spelling: 2,
  /** A word the other side has no word for. */
  gap: -1,
  /** A column a wording has no word in, times the share of the versions so far that fill it: rare (context) columns are cheap to pass. */
  skip: -1,
} as const;

/** Shortest words compared for a one-edit spelling difference. */
const SPELLING_MIN_LENGTH = 5;

/**
 * The words of `text` between `start` and `end`, with Han runs split into
 * single characters (the scanner gives overlapping bigrams); function words
 * are those of the document's `language` (function-words.ts).
 */
export function versionTokens(text: string, start: number, end: number, language: Language = 'en'): AlignToken[] {
  const out: AlignToken[] = [];
  const slice = text.slice(start, end);
  const add = (s: number, e: number, han: boolean) => {
    const surface = slice.slice(s, e);
    const norm = normalizeWord(surface);
    out.push({ start: s + start, end: e + start, text: surface, norm, stem: han ? norm : stem(norm), content: han || !isFunctionWord(norm, language) });
  };
  let hanEnd = 0;
  scanTokens(slice, {
    push(s, e, kind) {
      if (kind !== TokenKind.Han) return add(s, e, false);
      for (let i = Math.max(s, hanEnd); i < e; ) {
        const width = slice.codePointAt(i)! > 0xffff ? 2 : 1;
        add(i, i + width, true);
        i += width;
      }
      hanEnd = Math.max(hanEnd, e);
    },
  });
  return out;
}

/** Words `a` then `b` are written with no space between: both of a script written without spaces. */
export function runTogether(a: string, b: string): boolean {
  return BIGRAM_SCRIPT.test(Array.from(a).at(-1) ?? '') && BIGRAM_SCRIPT.test(Array.from(b)[0] ?? '');
}

/**
 * Words as a reader writes them in a row: a space between two, except
 * between two characters of a script written without spaces ("更加紧密的",
 * not "更 加 紧 密 的").
 */
export function joinWords(tokens: readonly Pick<AlignToken, 'text'>[]): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) out += i > 0 && !runTogether(tokens[i - 1]!.text, tokens[i]!.text) ? ` ${tokens[i]!.text}` : tokens[i]!.text;
  return out;
}

/** True when a and b are one insertion, deletion or substitution apart. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** How well a word matches a form: the same word, an inflection, a spelling variant; null when it does not match. */
export function matchScore(t: Form, f: Form): number | null {
  if (t.norm === f.norm) return t.content ? SCORE.contentMatch : SCORE.functionMatch;
  if (!t.content || !f.content) return null;
  if (t.stem === f.stem) return SCORE.inflection;
  if (t.norm.length >= SPELLING_MIN_LENGTH && f.norm.length >= SPELLING_MIN_LENGTH && oneEditApart(t.norm, f.norm)) return SCORE.spelling;
  return null;
}

/**
 * Word pairs matched between two sequences, in order: the best local
 * alignment (Smith–Waterman on matching words), so whatever context stands
 * before and after on either side costs nothing.
 */
export function matchPairs(a: readonly Form[], b: readonly Form[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const score = new Float64Array((n + 1) * w);
  const move = new Uint8Array((n + 1) * w); // 0 start, 1 diagonal, 2 a's word alone, 3 b's word alone
  let best = 0;
  let at = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = matchScore(a[i - 1]!, b[j - 1]!);
      const diag = s === null ? -Infinity : score[(i - 1) * w + j - 1]! + s;
      const up = score[(i - 1) * w + j]! + SCORE.gap;
      const left = score[i * w + j - 1]! + SCORE.gap;
      let here = 0;
      let dir = 0;
      if (diag > here) (here = diag), (dir = 1);
      if (up > here) (here = up), (dir = 2);
      if (left > here) (here = left), (dir = 3);
      score[i * w + j] = here;
      move[i * w + j] = dir;
      if (here > best) (best = here), (at = i * w + j);
    }
  }
  const pairs: [number, number][] = [];
  let i = Math.floor(at / w);
  let j = at % w;
  while (i > 0 && j > 0 && move[i * w + j] !== 0) {
    const dir = move[i * w + j]!;
    if (dir === 1) pairs.push([--i, --j]);
    else if (dir === 2) i--;
    else j--;
  }
  return pairs.reverse();
}
