/**
 * Frame purity (src/reuse/frame-purity.ts): an occurrence of a frame whose
 * only words beyond the formula it contains are a name in another clause is
 * a version of the formula, not of the frame. The whole path, through
 * detectReuse, is tested in formulas.test.ts; here the rule itself, on
 * hand-made formulas and passages.
 */
import { describe, expect, it } from 'vitest';
import { OP_MATCH, OP_SUB } from '../../src/reuse/align.ts';
import { holdsFrameWords, separateFrames } from '../../src/reuse/frame-purity.ts';
import type { Formula, Occurrence, PathColumns, TokenPassage } from '../../src/reuse/formulas.ts';
import type { PreparedDoc } from '../../src/reuse/prepare.ts';
import { prepared } from './fixtures.ts';

const SLOGAN = 'a greener harbour for every family';

/** Token index of `word` (as written) in `d`, from token `from`. */
function at(d: PreparedDoc, word: string, from = 0): number {
  for (let t = from; t < d.count; t++) if (d.surface[d.type[t]!] === word) return t;
  throw new Error(`no "${word}" in ${d.id}`);
}

/** Tokens [first, last] of the slogan in `d`. */
function sloganIn(d: PreparedDoc): [number, number] {
  const first = at(d, 'a', at(d, 'building'));
  return [first, at(d, 'family', first)];
}

/** A mask over occurrence `o`: 1 for the tokens written as one of `words`, and for the slogan's. */
function maskOf(d: PreparedDoc, o: Occurrence, words: readonly string[]): Uint8Array {
  const [s0, s1] = sloganIn(d);
  const mask = new Uint8Array(o.last - o.first + 1);
  for (let t = o.first; t <= o.last; t++) {
    if ((t >= s0 && t <= s1) || words.includes(d.surface[d.type[t]!]!)) mask[t - o.first] = 1;
  }
  return mask;
}

function occurrence(doc: number, first: number, last: number): Occurrence {
  return { doc, first, last, links: 1 };
}

describe('frame purity: the words an occurrence shares with its frame', () => {
  const texts = [
    'Governor Ada Vell first proposed the vision of building a greener harbour for every family.',
    'Just as Governor Ada Vell has mentioned, we are building a greener harbour for every family.',
    'Just as the harbour board has mentioned, we are building a greener harbour for every family.',
    'In 2019, we began building a greener harbour for every family.',
    'We are building a greener harbour for every family, said Governor Ada Vell.',
  ];
  const { docs } = prepared(texts);
  const whole = (d: PreparedDoc): Occurrence => occurrence(d.index, 0, d.count - 1);
  const holds = (d: PreparedDoc, words: readonly string[]): boolean => {
    const o = whole(d);
    const [s0, s1] = sloganIn(d);
    return holdsFrameWords(d, o, maskOf(d, o, words), s0, s1);
  };

  it('holds a name in the same clause as the formula (the frame names its speaker)', () => {
    expect(holds(docs[0]!, ['Governor', 'Ada', 'Vell'])).toBe(true);
  });

  it('does not hold a name set apart by a clause break, before or after the formula', () => {
    expect(holds(docs[1]!, ['Governor', 'Ada', 'Vell'])).toBe(false);
    expect(holds(docs[4]!, ['Governor', 'Ada', 'Vell'])).toBe(false);
  });

  it('holds a matched word that is no name, even in another clause', () => {
    expect(holds(docs[2]!, ['board'])).toBe(true);
    expect(holds(docs[1]!, ['Governor', 'Ada', 'Vell', 'mentioned'])).toBe(true);
  });

  it('reads a number as part of a name, and a function word as nothing', () => {
    expect(holds(docs[3]!, ['2019'])).toBe(false);
    expect(holds(docs[1]!, ['Governor', 'Ada', 'Vell', 'as'])).toBe(false);
  });

  it('counts only matched words: the frame wording an occurrence does not share is not its own', () => {
    expect(holds(docs[0]!, [])).toBe(false);
  });
});

/**
 * A frame (formula 0) with an occurrence in each document, linked by a
 * passage from document 0 to each other one that matches the words the two
 * share, and the slogan it contains (formula 1) in every document.
 */
function frameAndSlogan(docs: readonly PreparedDoc[], shared: readonly (readonly string[])[]): { formulas: Formula[]; passages: TokenPassage[]; path: PathColumns } {
  const op: number[] = [];
  const ai: number[] = [];
  const bj: number[] = [];
  const passages: TokenPassage[] = [];
  const a = docs[0]!;
  for (let k = 1; k < docs.length; k++) {
    const b = docs[k]!;
    const at0 = op.length;
    // Each of b's tokens faces a token of a: the same word where it is one of
    // the shared words or the slogan's, a substitution otherwise.
    const [s0, s1] = sloganIn(b);
    const [a0] = sloganIn(a);
    for (let t = 0; t < b.count; t++) {
      const inSlogan = t >= s0 && t <= s1;
      const word = b.surface[b.type[t]!]!;
      const same = inSlogan || shared[k]!.includes(word);
      const ta = inSlogan ? a0 + (t - s0) : same ? at(a, word) : Math.min(t, a.count - 1);
      op.push(same ? OP_MATCH : OP_SUB);
      ai.push(ta);
      bj.push(t);
    }
    passages.push({ docA: 0, docB: k, aFirst: 0, aLast: a.count - 1, bFirst: 0, bLast: b.count - 1, at: at0, steps: op.length - at0, frequent: false, copies: null });
  }
  const frame: Formula = {
    occurrences: docs.map((d) => occurrence(d.index, 0, d.count - 1)),
    passages: passages.map((_, i) => i),
    coreMask: () => new Uint8Array(0),
    contains: [1],
    partOf: [],
  };
  const slogan: Formula = {
    occurrences: docs.map((d) => occurrence(d.index, ...sloganIn(d))),
    passages: [],
    coreMask: () => new Uint8Array(0),
    contains: [],
    partOf: [0],
  };
  return { formulas: [frame, slogan], passages, path: { op: Uint8Array.from(op), ai: Int32Array.from(ai), bj: Int32Array.from(bj) } };
}

describe('frame purity: separating a frame from versions of the formula it contains', () => {
  const frameText = (lead: string) => `${lead} building ${SLOGAN} at the second Harbour Summit.`;
  const framed = frameText('Governor Ada Vell first proposed the vision of');
  const named = 'Just as Governor Ada Vell has mentioned, we are building a greener harbour for every family.';
  const FRAME_WORDS = ['Governor', 'Ada', 'Vell', 'proposed', 'vision', 'second', 'Harbour', 'Summit'];
  const NAME = ['Governor', 'Ada', 'Vell'];

  it('moves a version sharing only the slogan and a name in another clause out of the frame, with its passage', () => {
    const { docs } = prepared([framed, framed, framed, named]);
    const { formulas, passages, path } = frameAndSlogan(docs, [[], FRAME_WORDS, FRAME_WORDS, NAME]);
    const [frame, slogan] = separateFrames(formulas, passages, path, docs);
    expect(frame!.occurrences.map((o) => o.doc)).toEqual([0, 1, 2]);
    expect(frame!.passages).toEqual([0, 1]);
    expect(frame!.contains).toEqual([1]);
    // It is still an occurrence of the slogan: nothing is lost.
    expect(slogan).toBe(formulas[1]);
    expect(slogan!.occurrences.map((o) => o.doc)).toEqual([0, 1, 2, 3]);
  });

  it('keeps every occurrence when at least half are so written: that is the frame\'s own shape', () => {
    const { docs } = prepared([framed, framed, named, named]);
    const { formulas, passages, path } = frameAndSlogan(docs, [[], FRAME_WORDS, NAME, NAME]);
    expect(separateFrames(formulas, passages, path, docs)[0]).toBe(formulas[0]);
  });

  it('leaves a formula that contains nothing as it is', () => {
    const { docs } = prepared([framed, framed, framed, named]);
    const { formulas, passages, path } = frameAndSlogan(docs, [[], FRAME_WORDS, FRAME_WORDS, NAME]);
    const alone = [{ ...formulas[0]!, contains: [] }];
    expect(separateFrames(alone, passages, path, docs)[0]).toBe(alone[0]);
  });
});
