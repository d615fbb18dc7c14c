import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/corpus/clean.ts';
import { applyEdits } from '../../../src/corpus/clean/edits.ts';
import { LEFT_OUT_RULE, leftOutOf, leftOutProblem, throughLeftOut, withoutLeftOut } from '../../../src/corpus/clean/left-out.ts';
import type { Edit, LeftOut } from '../../../src/corpus/types.ts';

const story = 'The council voted on Monday to keep the ferry running, after a long campaign by residents.\n\nThe service will run all winter, twice a day, with cheaper fares for pupils.';

/** `parts` joined by blank lines, each part's stretch (with the blank line after it) left out where `reason` is given. */
function page(parts: Array<[string, string | null]>): { original: string; leftOut: LeftOut[] } {
  let original = '';
  const leftOut: LeftOut[] = [];
  parts.forEach(([text, reason], i) => {
    const start = original.length;
    original += text + (i < parts.length - 1 ? '\n\n' : '');
    if (reason) leftOut.push({ start, end: original.length, reason });
  });
  return { original, leftOut };
}

function wellFormed(original: string, edits: readonly Edit[]): void {
  let prev = 0;
  for (const e of edits) {
    expect(e.start).toBeGreaterThanOrEqual(prev);
    expect(e.end).toBeGreaterThanOrEqual(e.start);
    expect(e.end).toBeLessThanOrEqual(original.length);
    prev = e.end;
  }
}

describe('cleaning with stretches left out', () => {
  it('cleans what is not left out, as if it were the whole text, and marks the rest', () => {
    const { original, leftOut } = page([['Home · News · Sport', 'outside the article: navigation'], [story, null], ['© Island Times', 'outside the article: footer']]);
    const r = cleanText(original, undefined, { leftOut });
    expect(r.text).toBe(cleanText(story).text);
    expect(applyEdits(original, r.edits)).toBe(r.text);
    const marked = r.edits.filter((e) => e.rule === LEFT_OUT_RULE).map((e) => [original.slice(e.start, e.end).trim(), e.reason]);
    expect(marked).toEqual([
      ['Home · News · Sport', 'outside the article: navigation'],
      ['© Island Times', 'outside the article: footer'],
    ]);
  });
  it('cuts an edit of the cleaner that spans a left-out stretch in two around it', () => {
    // The duplicated body runs over the comments left out between its copies.
    const { original, leftOut } = page([[story], [story], ['Great news! — Ann', 'outside the article: comments'], [story]].map(([t, r]) => [t!, r ?? null]));
    const r = cleanText(original, undefined, { leftOut });
    expect(r.text).toBe(cleanText(withoutLeftOut(original, leftOut)).text);
    expect(applyEdits(original, r.edits)).toBe(r.text);
    wellFormed(original, r.edits);
    expect(r.edits.map((e) => e.rule).slice(-3)).toEqual(['duplicate-body', LEFT_OUT_RULE, 'duplicate-body']);
  });
  it('leaves a text with nothing left out as it was', () => {
    expect(cleanText(story, undefined, { leftOut: [] })).toEqual(cleanText(story));
  });
  it('gives the cleaner’s text and sorted edits that rebuild it, wherever the stretches fall', () => {
    const line = fc.constantFrom('Share this', 'By Ann Lee', 'A sentence of the story, with a clause, that ends here.', 'and goes on', '', 'Ã©tÃ© â€™', '**bold** [link](http://x)', 'Related: other news');
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 14 }), fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }), (lines, drop) => {
        const parts = lines.map((t, i): [string, string | null] => [t, drop[i] ? 'outside the article: navigation' : null]);
        const { original, leftOut } = page(parts);
        const r = cleanText(original, undefined, { leftOut });
        expect(r.text).toBe(cleanText(withoutLeftOut(original, leftOut)).text);
        expect(applyEdits(original, r.edits)).toBe(r.text);
        wellFormed(original, r.edits);
        expect(leftOutOf(r.edits)).toEqual(leftOut);
      }),
      { numRuns: 400 },
    );
  });
});

describe('throughLeftOut', () => {
  const rule = (start: number, end: number, replacement = ''): Edit => ({ start, end, replacement, rule: 'furniture', reason: 'r' });
  it('puts an edit ending where a stretch was left out before it, one starting there after it', () => {
    const d: LeftOut[] = [{ start: 3, end: 6, reason: 'x' }];
    expect(throughLeftOut(d, [rule(1, 3), rule(3, 4)]).map((e) => [e.start, e.end, e.rule])).toEqual([
      [1, 3, 'furniture'],
      [3, 6, LEFT_OUT_RULE],
      [6, 7, 'furniture'],
    ]);
  });
  it('keeps a replacement with the first piece of an edit it cuts', () => {
    const d: LeftOut[] = [{ start: 3, end: 6, reason: 'x' }];
    expect(throughLeftOut(d, [rule(1, 5, ' ')]).map((e) => [e.start, e.end, e.replacement])).toEqual([
      [1, 3, ' '],
      [3, 6, ''],
      [6, 8, ''],
    ]);
  });
});

describe('leftOutProblem', () => {
  it('accepts stretches in order inside the text and names the first that is not', () => {
    expect(leftOutProblem('abcdef', [{ start: 0, end: 2, reason: 'a' }, { start: 2, end: 6, reason: 'b' }])).toBeNull();
    expect(leftOutProblem('abcdef', [{ start: 2, end: 4, reason: 'a' }, { start: 3, end: 5, reason: 'b' }])).toMatch(/^\[1\] runs from 3 to 5/);
    expect(leftOutProblem('abc', [{ start: 0, end: 9, reason: 'a' }])).toMatch(/inside the original \(3 characters\)/);
    expect(leftOutProblem('abc', [{ start: 1, end: 1, reason: 'a' }])).not.toBeNull();
    expect(leftOutProblem('abc', [{ start: 0, end: 1, reason: ' ' }])).toMatch(/reason/);
  });
});
