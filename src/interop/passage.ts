/**
 * Passage pairs from spans another tool found, with Refrain's own word
 * alignment: the shared tokenizer (src/text/scan.ts), each distinct word
 * normalised and stemmed once (the engine's Vocabulary), jsdiff over stem
 * ids, and the engine's weights (content match +3, function match +1,
 * substitution −1, gap −2 then −1 per word). So the ops, score, similarity
 * and "why matched" of an imported passage mean what they mean for
 * Refrain's own.
 */
import { diffArrays } from 'diff';
import { DEFAULT_REUSE_OPTIONS, type ReuseOptions } from '../reuse/options.ts';
import type { AlignOp, Passage, Span } from '../reuse/types.ts';
import { scanTokens } from '../text/scan.ts';
import { Vocabulary, fnv1aRange } from '../text/vocabulary.ts';

/**
 * Beyond this many word edits jsdiff gives up (its cost grows with edits ×
 * length); the pair is then aligned position by position, which still
 * lists every word.
 */
const MAX_EDIT_LENGTH = 2000;

/** The words of one span, as word types of the aligner's vocabulary. */
export interface SpanWords {
  span: Span;
  types: Int32Array;
}

const OP_MATCH = 0;
const OP_SUB = 1;
const OP_DEL = 2;
const OP_INS = 3;

export class PassageAligner {
  readonly #vocab = new Vocabulary();
  // One op object per distinct step, shared (as the engine's are: read-only):
  // a word matching itself, deleted or inserted by type; other pairs by a's then b's type.
  readonly #same: AlignOp[] = [];
  readonly #del: AlignOp[] = [];
  readonly #ins: AlignOp[] = [];
  readonly #pairs = [new Map<number, Map<number, AlignOp>>(), new Map<number, Map<number, AlignOp>>()];
  readonly #options: ReuseOptions;

  constructor(options: ReuseOptions = DEFAULT_REUSE_OPTIONS) {
    this.#options = options;
  }

  words(text: string, span: Span): SpanWords {
    const slice = text.slice(span.start, span.end);
    const types: number[] = [];
    const vocab = this.#vocab;
    scanTokens(slice, {
      push(start, end, kind) {
        types.push(vocab.intern(slice, start, end, kind, fnv1aRange(slice, start, end)));
      },
    });
    return { span, types: Int32Array.from(types) };
  }

  #op(o: number, ta: number, tb: number): AlignOp {
    const s = this.#vocab.surface;
    if (o === OP_MATCH && ta === tb) return (this.#same[ta] ??= { op: 'match', a: s[ta]!, b: s[ta]! });
    if (o === OP_DEL) return (this.#del[ta] ??= { op: 'del', a: s[ta]! });
    if (o === OP_INS) return (this.#ins[tb] ??= { op: 'ins', b: s[tb]! });
    const byA = this.#pairs[o]!;
    let byB = byA.get(ta);
    if (!byB) byA.set(ta, (byB = new Map()));
    let op = byB.get(tb);
    if (!op) byB.set(tb, (op = { op: o === OP_MATCH ? 'match' : 'sub', a: s[ta]!, b: s[tb]! }));
    return op;
  }

  /** The passage between two spans, in the engine's canonical order (`a.doc` <= `b.doc`; inside one document, the earlier span first). */
  between(x: SpanWords, y: SpanWords): Passage {
    const swap = x.span.doc > y.span.doc || (x.span.doc === y.span.doc && x.span.start > y.span.start);
    const [A, B] = swap ? [y, x] : [x, y];
    const ta = A.types;
    const tb = B.types;
    const { stemOf, content } = this.#vocab;
    const opts = this.#options;
    const ops: AlignOp[] = [];
    let score = 0;
    let matched = 0;
    let contentMatches = 0;
    let gapRun = 0;
    const match = (i: number, j: number) => {
      ops.push(this.#op(OP_MATCH, ta[i]!, tb[j]!));
      matched++;
      const isContent = content[ta[i]!]!;
      if (isContent) contentMatches++;
      score += isContent ? opts.matchContent : opts.matchFunction;
      gapRun = 0;
    };
    const sub = (i: number, j: number) => {
      ops.push(this.#op(OP_SUB, ta[i]!, tb[j]!));
      score += opts.mismatch;
      gapRun = 0;
    };
    const gap = (o: number, i: number, j: number) => {
      ops.push(this.#op(o, i < 0 ? -1 : ta[i]!, j < 0 ? -1 : tb[j]!));
      score += gapRun++ === 0 ? opts.gapOpen : opts.gapExtend;
    };
    const sa = Array.from(ta, (t) => stemOf[t]!);
    const sb = Array.from(tb, (t) => stemOf[t]!);
    const changes = diffArrays(sa, sb, { maxEditLength: MAX_EDIT_LENGTH });
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
        for (let k = subs; k < removed; k++) gap(OP_DEL, i++, -1);
        gapRun = 0; // insertions after deletions open a gap of their own
        for (let k = subs; k < added; k++) gap(OP_INS, -1, j++);
      }
    } else {
      for (; i < ta.length && j < tb.length; i++, j++) (sa[i] === sb[j] ? match : sub)(i, j);
      for (; i < ta.length; i++) gap(OP_DEL, i, -1);
      gapRun = 0;
      for (; j < tb.length; j++) gap(OP_INS, -1, j);
    }
    return {
      a: { ...A.span },
      b: { ...B.span },
      score,
      // Imported: the tool that found it did not measure chance in our terms.
      expectedByChance: null,
      scope: A.span.doc === B.span.doc ? 'internal' : 'between',
      tier: 'close',
      words: Math.max(ta.length, tb.length),
      contentMatches,
      similarity: ops.length ? Math.round((matched / ops.length) * 1000) / 1000 : 0,
      ops,
    };
  }
}
