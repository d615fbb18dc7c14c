/**
 * A passage pair from two spans another tool found: Refrain's own tokens
 * (src/text) and a word alignment by jsdiff over their stems, so the ops,
 * score, similarity and "why matched" mean what they mean for Refrain's own
 * passages (scored with the engine's weights: content match +3, function
 * match +1, substitution −1, gap −2 then −1 per word).
 */
import { diffArrays } from 'diff';
import { DEFAULT_REUSE_OPTIONS, type ReuseOptions } from '../reuse/options.ts';
import type { AlignOp, Passage, Span } from '../reuse/types.ts';
import { tokenize, type Token } from '../text/tokenize.ts';

/**
 * Beyond this many word edits jsdiff gives up (its cost grows with edits ×
 * length); the pair is then aligned position by position, which still
 * lists every word.
 */
const MAX_EDIT_LENGTH = 2000;

/** The words of one span, tokenized once (a star's centre is paired with many members). */
export interface SpanWords {
  span: Span;
  tokens: Token[];
}

export function spanWords(text: string, span: Span): SpanWords {
  return { span, tokens: tokenize(text.slice(span.start, span.end)) };
}

/** Canonical order, as the engine's: `a.doc` <= `b.doc` by id; inside one document, the earlier span first. */
function ordered(x: SpanWords, y: SpanWords): [SpanWords, SpanWords] {
  const swap = x.span.doc > y.span.doc || (x.span.doc === y.span.doc && x.span.start > y.span.start);
  return swap ? [y, x] : [x, y];
}

export function passageBetween(x: SpanWords, y: SpanWords, options: ReuseOptions = DEFAULT_REUSE_OPTIONS): Passage {
  const [A, B] = ordered(x, y);
  const ta = A.tokens;
  const tb = B.tokens;
  const ops: AlignOp[] = [];
  let score = 0;
  let matched = 0;
  let contentMatches = 0;
  let gapRun = 0;
  const match = (i: number, j: number) => {
    const a = ta[i]!;
    ops.push({ op: 'match', a: a.text, b: tb[j]!.text });
    matched++;
    if (a.isContent) contentMatches++;
    score += a.isContent ? options.matchContent : options.matchFunction;
    gapRun = 0;
  };
  const sub = (i: number, j: number) => {
    ops.push({ op: 'sub', a: ta[i]!.text, b: tb[j]!.text });
    score += options.mismatch;
    gapRun = 0;
  };
  const gap = (op: AlignOp) => {
    ops.push(op);
    score += gapRun++ === 0 ? options.gapOpen : options.gapExtend;
  };
  const changes = diffArrays(
    ta.map((t) => t.stem),
    tb.map((t) => t.stem),
    { maxEditLength: MAX_EDIT_LENGTH },
  );
  let i = 0;
  let j = 0;
  if (changes) {
    for (let c = 0; c < changes.length; c++) {
      const part = changes[c]!;
      if (!part.added && !part.removed) {
        for (let k = 0; k < part.count; k++) match(i++, j++);
        continue;
      }
      // A removal next to an addition: word for word substitutions, the rest a gap.
      const next = changes[c + 1];
      const removed = part.removed ? part.count : 0;
      const added = part.added ? part.count : next?.added && part.removed ? next.count : 0;
      if (part.removed && next?.added) c++;
      const subs = Math.min(removed, added);
      for (let k = 0; k < subs; k++) sub(i++, j++);
      for (let k = subs; k < removed; k++) gap({ op: 'del', a: ta[i++]!.text });
      gapRun = 0; // insertions after deletions open a gap of their own
      for (let k = subs; k < added; k++) gap({ op: 'ins', b: tb[j++]!.text });
    }
  } else {
    for (; i < ta.length && j < tb.length; i++, j++) (ta[i]!.stem === tb[j]!.stem ? match : sub)(i, j);
    for (; i < ta.length; i++) gap({ op: 'del', a: ta[i]!.text });
    gapRun = 0;
    for (; j < tb.length; j++) gap({ op: 'ins', b: tb[j]!.text });
  }
  return {
    a: { ...A.span },
    b: { ...B.span },
    score,
    tier: 'close',
    words: Math.max(ta.length, tb.length),
    contentMatches,
    similarity: ops.length ? Math.round((matched / ops.length) * 1000) / 1000 : 0,
    ops,
  };
}
