/**
 * Rule `whitespace` inside a line (runs of odd spaces, zero-width
 * characters) and the words that describe a whitespace repair.
 */
import type { RawEdit } from './lines.ts';
import { isWs, ZERO_WIDTH } from './text-shape.ts';

/** Whitespace repairs inside a trimmed line: runs → one space, odd single spaces → space, zero-width → gone. */
export function innerWhitespaceEdits(src: string, from: number, to: number): RawEdit[] {
  const edits: RawEdit[] = [];
  let i = from;
  while (i < to) {
    if (!isWs(src.charAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && isWs(src.charAt(j))) j++;
    const run = src.slice(i, j);
    let rep: string | undefined;
    if ([...run].every((c) => ZERO_WIDTH.includes(c))) rep = '';
    else if (run.length >= 2) rep = ' ';
    else if (run !== ' ' && run !== '\u00a0') rep = ' ';
    if (rep !== undefined && rep !== run)
      edits.push({
        start: i,
        end: j,
        replacement: rep,
        rule: 'whitespace',
        reason: rep === '' ? 'invisible zero-width character removed' : `run of ${describeWs(run)} collapsed to one space`,
      });
    i = j;
  }
  return edits;
}

/** "spaces, no-break spaces": the kinds of whitespace in a run, for a reason. */
export function describeWs(run: string): string {
  const names = new Set<string>();
  for (const c of run) {
    if (c === ' ') names.add('spaces');
    else if (c === '\u00a0') names.add('no-break spaces');
    else if (c === '\t') names.add('tabs');
    else if (c === '\u2003') names.add('em spaces');
    else if (c === '\u3000') names.add('ideographic spaces');
    else if (ZERO_WIDTH.includes(c)) names.add('zero-width characters');
    else names.add(`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...names].join(', ');
}

/** Why the whitespace `gap` between two kept lines became `sep`. */
export function wsReason(gap: string, sep: string): string {
  const parts: string[] = [];
  if (gap.includes('\r')) parts.push('line endings normalised');
  const trailing = gap.replace(/[\r\n]/g, '');
  if (trailing.length) parts.push(`${describeWs(trailing)} at line ends removed`);
  const breaks = (gap.match(/\r\n|\r|\n/g) ?? []).length;
  if (sep === '') parts.push(breaks ? 'leading/trailing blank lines removed' : 'leading/trailing whitespace removed');
  else if (sep === '\n\n' && breaks > 2) parts.push('blank lines reduced to one');
  else if (sep === '\n\n' && breaks < 2) parts.push('paragraph break widened to one blank line');
  else if (sep === '\n' && breaks !== 1) parts.push('line break normalised');
  return parts.length ? parts.join('; ') : 'whitespace normalised';
}
