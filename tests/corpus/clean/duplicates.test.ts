import { describe, expect, it } from 'vitest';
import { markDuplicates, paragraphsOf } from '../../../src/corpus/clean/duplicates.ts';
import { separators } from '../../../src/corpus/clean/paragraphs.ts';
import { linesOf, PROSE, PROSE2 } from './helpers.ts';

const run = (paras: string[]) => {
  const lines = linesOf(paras.join('\n\n'));
  const ps = paragraphsOf(lines, separators(lines));
  const changed = markDuplicates(ps);
  return { changed, kept: ps.map((p) => (p.lines[0]?.removed ? 'dup' : 'kept')) };
};

describe('paragraphsOf', () => {
  it('keys paragraphs up to case and punctuation', () => {
    const lines = linesOf('Hello, World!\n\nhello world');
    const ps = paragraphsOf(lines, separators(lines));
    expect(ps.map((p) => p.key)).toEqual(['hello world', 'hello world']);
  });
});

describe('markDuplicates', () => {
  it('removes the second copy of a run of two paragraphs', () => {
    expect(run([PROSE, PROSE2, PROSE, PROSE2])).toEqual({ changed: true, kept: ['kept', 'kept', 'dup', 'dup'] });
  });
  it('removes a long paragraph given twice, keeps a short one', () => {
    const long = `${PROSE} ${PROSE2} ${PROSE}`;
    expect(run([long, long]).kept).toEqual(['kept', 'dup']);
    expect(run(['We shall overcome.', 'We shall overcome.'])).toEqual({ changed: false, kept: ['kept', 'kept'] });
  });
  it('keeps a paragraph quoted again after others', () => {
    const long = `${PROSE} ${PROSE2} ${PROSE}`;
    expect(run([long, PROSE2, 'Another paragraph entirely, of some length.', long]).kept).toEqual(['kept', 'kept', 'kept', 'kept']);
  });
});
