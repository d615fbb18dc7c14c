/**
 * Tokens as objects, for the reader, search snippets and word diffs. The
 * reuse engine uses the same scanner with typed arrays instead.
 */
import { normalizeWord } from './normalize.ts';
import { scanTokens, TokenKind, GAP_PARAGRAPH, GAP_SENTENCE } from './scan.ts';
import { stem } from './stem.ts';
import { isStopword } from './stopwords.ts';

export interface Token {
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** Matching form: case-folded, NFKC, quotes folded, diacritics off. */
  norm: string;
  /** Light stem of `norm` (Han bigrams: `norm` itself). */
  stem: string;
  /** Not a stopword. Han bigrams are always content. */
  isContent: boolean;
  /** A blank line precedes this token. */
  paragraphStart: boolean;
  /** Sentence punctuation precedes this token. */
  sentenceStart: boolean;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scanTokens(text, {
    push(start, end, kind, gap) {
      const surface = text.slice(start, end);
      const norm = normalizeWord(surface);
      const isHan = kind === TokenKind.Han;
      out.push({
        start,
        end,
        text: surface,
        norm,
        stem: isHan ? norm : stem(norm),
        isContent: isHan || !isStopword(norm),
        paragraphStart: (gap & GAP_PARAGRAPH) !== 0,
        sentenceStart: (gap & GAP_SENTENCE) !== 0,
      });
    },
  });
  return out;
}
