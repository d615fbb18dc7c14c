/** Lines as the cleaner sees them after step 1 (trimmed, words counted, prose decided), for the rule modules' tests. */
import { applyInner, splitLines, type Line } from '../../../src/corpus/clean/lines.ts';
import { countWords, isProse } from '../../../src/corpus/clean/text-shape.ts';

export function linesOf(text: string): Line[] {
  const lines = splitLines(text);
  for (const l of lines) {
    l.t = applyInner(text, l);
    l.words = countWords(l.t);
    l.prose = isProse(l.t, l.words);
  }
  return lines;
}

export function lineOf(text: string): Line {
  const [line] = linesOf(text);
  if (!line) throw new Error('no line');
  return line;
}

export const PROSE = 'Officials said the new rules would take effect next spring, after a period of public consultation.';
export const PROSE2 = 'Critics argued that the measures were too narrow and did little to address the underlying problems.';

/** 200,000 short lines with single line breaks: one block, as a list or a poem exported line by line. */
export function longBlock(lines = 200_000): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(`Entry ${i}, box ${i % 97}`);
  return out.join('\n');
}
