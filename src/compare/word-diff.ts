/**
 * Word-by-word diff of two passages, as offsets into each text, so the UI
 * can render text nodes with <del>/<ins> and never touch HTML. jsdiff's
 * diffArrays runs over our own tokens (the same scanner as the engine), and
 * every diff is capped: past MAX_EDIT_LENGTH the pair is "too different".
 */
import { diffArrays } from 'diff';
import { normalizeWord } from '../text/normalize.ts';
import { scanTokens, TokenKind } from '../text/scan.ts';

export interface DiffOptions {
  ignoreCase: boolean;
  ignorePunctuation: boolean;
  /** Largest number of word edits before giving up. */
  maxEditLength: number;
}

/** Beyond this many edits a side-by-side diff stops being readable (and Myers grows quadratically). */
export const MAX_EDIT_LENGTH = 400;
export const DEFAULT_DIFF_OPTIONS: DiffOptions = { ignoreCase: true, ignorePunctuation: true, maxEditLength: MAX_EDIT_LENGTH };

export interface Range {
  start: number;
  end: number;
}

/** A stretch of one side: shared with the other side, or only on this side. */
export interface DiffPiece extends Range {
  kind: 'same' | 'del' | 'ins';
}

/** One difference, for the substitution ledger and "why matched". */
export interface WordChange {
  kind: 'sub' | 'del' | 'ins';
  /** Words on side A ('' for an insertion) and side B ('' for a deletion), as written. */
  a: string;
  b: string;
  aRange: Range | null;
  bRange: Range | null;
}

export type WordDiff =
  | { tooDifferent: false; a: DiffPiece[]; b: DiffPiece[]; changes: WordChange[]; sameWords: number }
  | { tooDifferent: true; aWords: number; bWords: number };

interface DiffToken extends Range {
  key: string;
}

const PUNCTUATION = /[^\s\p{L}\p{N}\p{M}]/gu;

function diffTokens(text: string, range: Range, options: DiffOptions): DiffToken[] {
  const out: DiffToken[] = [];
  const slice = text.slice(range.start, range.end);
  const words: DiffToken[] = [];
  const add = (start: number, end: number) => {
    const surface = slice.slice(start, end);
    words.push({ start: start + range.start, end: end + range.start, key: options.ignoreCase ? normalizeWord(surface) : surface.normalize('NFC') });
  };
  let hanEnd = 0;
  scanTokens(slice, {
    push(start, end, kind) {
      if (kind !== TokenKind.Han) return add(start, end);
      // The scanner gives overlapping Han bigrams; a diff wants each character once.
      for (let i = Math.max(start, hanEnd); i < end; ) {
        const width = slice.codePointAt(i)! > 0xffff ? 2 : 1;
        add(i, i + width);
        i += width;
      }
      hanEnd = Math.max(hanEnd, end);
    },
  });
  if (options.ignorePunctuation) return words;
  // Punctuation marks between words become tokens of their own.
  let w = 0;
  for (const m of slice.matchAll(PUNCTUATION)) {
    const at = m.index + range.start;
    while (w < words.length && words[w]!.start < at) {
      if (words[w]!.end > at) break; // an apostrophe inside a word
      out.push(words[w++]!);
    }
    if (w < words.length && words[w]!.start < at && words[w]!.end > at) continue;
    out.push({ start: at, end: at + m[0].length, key: m[0] });
  }
  while (w < words.length) out.push(words[w++]!);
  return out;
}

/** Merges tokens into pieces covering the whole range; gaps between same-kind tokens join them. */
function toPieces(range: Range, tokens: DiffToken[], kinds: DiffPiece['kind'][]): DiffPiece[] {
  const pieces: DiffPiece[] = [];
  let cursor = range.start;
  const push = (kind: DiffPiece['kind'], start: number, end: number) => {
    if (end <= start) return;
    const last = pieces[pieces.length - 1];
    if (last && last.kind === kind && last.end === start) last.end = end;
    else pieces.push({ kind, start, end });
  };
  tokens.forEach((tok, i) => {
    const kind = kinds[i]!;
    const prevKind = i > 0 ? kinds[i - 1] : undefined;
    // The gap before a token is part of a change only when both neighbours are.
    push(prevKind === kind ? kind : 'same', cursor, tok.start);
    push(kind, tok.start, tok.end);
    cursor = tok.end;
  });
  push('same', cursor, range.end);
  return pieces;
}

export function diffPassages(textA: string, rangeA: Range, textB: string, rangeB: Range, options: Partial<DiffOptions> = {}): WordDiff {
  const opts = { ...DEFAULT_DIFF_OPTIONS, ...options };
  const tokA = diffTokens(textA, rangeA, opts);
  const tokB = diffTokens(textB, rangeB, opts);
  const result = diffArrays(
    tokA.map((t) => t.key),
    tokB.map((t) => t.key),
    { maxEditLength: opts.maxEditLength },
  );
  if (!result) return { tooDifferent: true, aWords: tokA.length, bWords: tokB.length };

  const kindsA: DiffPiece['kind'][] = [];
  const kindsB: DiffPiece['kind'][] = [];
  const changes: WordChange[] = [];
  let i = 0;
  let j = 0;
  let sameWords = 0;
  const words = (text: string, toks: DiffToken[], from: number, to: number) =>
    from < to ? text.slice(toks[from]!.start, toks[to - 1]!.end) : '';
  const range = (toks: DiffToken[], from: number, to: number): Range | null =>
    from < to ? { start: toks[from]!.start, end: toks[to - 1]!.end } : null;

  for (let c = 0; c < result.length; c++) {
    const part = result[c]!;
    const n = part.count;
    if (!part.added && !part.removed) {
      for (let k = 0; k < n; k++) kindsA.push('same'), kindsB.push('same');
      i += n;
      j += n;
      sameWords += n;
      continue;
    }
    const next = result[c + 1];
    if (part.removed && next?.added) {
      changes.push({ kind: 'sub', a: words(textA, tokA, i, i + n), b: words(textB, tokB, j, j + next.count), aRange: range(tokA, i, i + n), bRange: range(tokB, j, j + next.count) });
      for (let k = 0; k < n; k++) kindsA.push('del');
      for (let k = 0; k < next.count; k++) kindsB.push('ins');
      i += n;
      j += next.count;
      c++;
    } else if (part.removed) {
      changes.push({ kind: 'del', a: words(textA, tokA, i, i + n), b: '', aRange: range(tokA, i, i + n), bRange: null });
      for (let k = 0; k < n; k++) kindsA.push('del');
      i += n;
    } else {
      changes.push({ kind: 'ins', a: '', b: words(textB, tokB, j, j + n), aRange: null, bRange: range(tokB, j, j + n) });
      for (let k = 0; k < n; k++) kindsB.push('ins');
      j += n;
    }
  }
  return { tooDifferent: false, a: toPieces(rangeA, tokA, kindsA), b: toPieces(rangeB, tokB, kindsB), changes, sameWords };
}

/** Compact `<del>`/`<ins>` notation of one side, for tests and the CLI (plain text, never rendered as HTML). */
export function describeSide(text: string, pieces: DiffPiece[]): string {
  return pieces
    .map((p) => {
      const s = text.slice(p.start, p.end);
      return p.kind === 'same' ? s : p.kind === 'del' ? `<del>${s}</del>` : `<ins>${s}</ins>`;
    })
    .join('');
}

/** One stretch of a unified diff: text from A only, from B only, or from both. */
export interface UnifiedPiece {
  kind: 'same' | 'del' | 'ins';
  /** Which text the offsets index: A for 'same' and 'del', B for 'ins'. */
  start: number;
  end: number;
}

/**
 * Two whole texts as one flow, deletions (from A) and insertions (from B)
 * interleaved where they occur, for reading a near-copy against its source.
 */
export function unifiedDiff(textA: string, textB: string, options: Partial<DiffOptions> = {}): UnifiedPiece[] | null {
  const opts = { ...DEFAULT_DIFF_OPTIONS, ...options };
  const tokA = diffTokens(textA, { start: 0, end: textA.length }, opts);
  const tokB = diffTokens(textB, { start: 0, end: textB.length }, opts);
  const result = diffArrays(
    tokA.map((t) => t.key),
    tokB.map((t) => t.key),
    { maxEditLength: opts.maxEditLength },
  );
  if (!result) return null;
  const out: UnifiedPiece[] = [];
  const push = (kind: UnifiedPiece['kind'], start: number, end: number) => {
    if (end <= start) return;
    const last = out[out.length - 1];
    if (last && last.kind === kind && last.end === start) last.end = end;
    else out.push({ kind, start, end });
  };
  let i = 0;
  let j = 0;
  // Text before the first token, and each token with the gap after it, so nothing is lost.
  const spanA = (from: number, to: number) => ({ start: from === 0 ? 0 : tokA[from]!.start, end: to >= tokA.length ? textA.length : tokA[to]!.start });
  const spanB = (from: number, to: number) => ({ start: from === 0 ? 0 : tokB[from]!.start, end: to >= tokB.length ? textB.length : tokB[to]!.start });
  for (const part of result) {
    if (part.removed) {
      const s = spanA(i, i + part.count);
      push('del', s.start, s.end);
      i += part.count;
    } else if (part.added) {
      const s = spanB(j, j + part.count);
      push('ins', s.start, s.end);
      j += part.count;
    } else {
      const s = spanA(i, i + part.count);
      push('same', s.start, s.end);
      i += part.count;
      j += part.count;
    }
  }
  return out;
}
