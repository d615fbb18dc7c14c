/** Rule `stray-escape`: a backslash a Markdown/LaTeX export left before `$ % & # _ *`. */
import type { RawEdit } from './lines.ts';

const ESCAPED = '$%&#_*';

export function strayEscapeEdits(src: string, from: number, to: number): RawEdit[] {
  const edits: RawEdit[] = [];
  for (let i = from; i < to - 1; i++) {
    if (src.charAt(i) !== '\\') continue;
    const next = src.charAt(i + 1);
    if (ESCAPED.includes(next) && (i === from || src.charAt(i - 1) !== '\\'))
      edits.push({ start: i, end: i + 1, replacement: '', rule: 'stray-escape', reason: `stray backslash before "${next}" removed` });
  }
  return edits;
}
