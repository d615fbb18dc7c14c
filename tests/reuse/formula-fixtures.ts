/** Hand-made token layouts and passages for the formula stages' tests. */
import { OP_MATCH, OP_SUB } from '../../src/reuse/align.ts';
import { DEFAULT_REUSE_OPTIONS } from '../../src/reuse/options.ts';
import type { Formula, FormulaOptions, Occurrence, PathColumns, TokenLayout, TokenPassage } from '../../src/reuse/formulas.ts';
import { TOK_CONTENT } from '../../src/reuse/prepare.ts';
import { GAP_SENTENCE } from '../../src/text/scan.ts';

export const OPTIONS: FormulaOptions = DEFAULT_REUSE_OPTIONS;

/**
 * Documents written as token kinds, one character a token: `w` a content
 * word, `f` a function word; a `.` before a token puts a sentence end
 * before it ("ww.www": a break before the third token).
 */
export function layoutOf(...docs: string[]): TokenLayout {
  const flags: number[] = [];
  const offset: number[] = [];
  const breaks: number[] = [];
  const breakStart: number[] = [];
  for (const spec of docs) {
    offset.push(flags.length);
    breakStart.push(breaks.length);
    let gap = 0;
    for (const ch of spec) {
      if (ch === '.') {
        gap = GAP_SENTENCE;
        continue;
      }
      if (gap && flags.length > offset[offset.length - 1]!) breaks.push(flags.length);
      flags.push(gap | (ch === 'w' ? TOK_CONTENT : 0));
      gap = 0;
    }
  }
  breakStart.push(breaks.length);
  return { flags: Uint8Array.from(flags), offset: Int32Array.from(offset), breaks: Int32Array.from(breaks), breakStart: Int32Array.from(breakStart) };
}

/** Passages and their alignment steps, added one by one. */
export class PassageBuilder {
  readonly passages: TokenPassage[] = [];
  private readonly op: number[] = [];
  private readonly ai: number[] = [];
  private readonly bj: number[] = [];

  /** A passage aligning tokens [aFirst, aFirst + len) of docA with [bFirst, …) of docB, word for word but for the offsets in `subs`. */
  add(docA: number, aFirst: number, docB: number, bFirst: number, len: number, opts: { subs?: number[]; frequent?: boolean; copies?: number[] } = {}): this {
    const at = this.op.length;
    for (let k = 0; k < len; k++) {
      this.op.push(opts.subs?.includes(k) ? OP_SUB : OP_MATCH);
      this.ai.push(aFirst + k);
      this.bj.push(bFirst + k);
    }
    this.passages.push({
      docA, docB, aFirst, aLast: aFirst + len - 1, bFirst, bLast: bFirst + len - 1,
      at, steps: len, frequent: opts.frequent ?? false, copies: opts.copies ?? null,
    });
    return this;
  }

  get path(): PathColumns {
    return { op: Uint8Array.from(this.op), ai: Int32Array.from(this.ai), bj: Int32Array.from(this.bj) };
  }
}

/** A finished formula with these occurrences and passages (every token in its core) and links. */
export function formulaOf(occurrences: Occurrence[], passages: number[] = [], links: { contains?: number[]; partOf?: number[] } = {}): Formula {
  return {
    occurrences,
    passages,
    coreMask: (k) => new Uint8Array(occurrences[k]!.last - occurrences[k]!.first + 1).fill(1),
    contains: links.contains ?? [],
    partOf: links.partOf ?? [],
  };
}

/** Tokens [first, last] of document `doc`, touched by one passage. */
export function at(doc: number, first: number, last: number): Occurrence {
  return { doc, first, last, links: 1 };
}
