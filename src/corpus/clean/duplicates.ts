/**
 * Rule `duplicate-body`: the second copy of a run of paragraphs repeated
 * consecutively (a page that printed its body twice), compared up to case,
 * punctuation and spacing. A short sentence repeated on purpose, and a
 * paragraph quoted again later, are kept.
 */
import type { Line } from './lines.ts';
import { normKey, snippet } from './text-shape.ts';

export interface Para {
  lines: Line[];
  /** `normKey` of the paragraph's text. */
  key: string;
  chars: number;
}

/** A repeated run of two or more paragraphs counts from this many characters… */
const TANDEM_MIN_CHARS = 100;
/** …a single repeated paragraph from this many (a refrain line is shorter). */
const SINGLE_REPEAT_MIN_CHARS = 200;
/** A near copy (the run repeats only in part) needs this many paragraphs… */
const NEAR_TANDEM_MIN_PARAS = 3;
/** …covering at least this share of the first copy… */
const NEAR_TANDEM_MIN_SHARE = 0.5;
/** …and this many characters. */
const NEAR_TANDEM_MIN_CHARS = 300;
/** Length of the first paragraph quoted in the reason. */
const REASON_SNIPPET_CHARS = 40;

/** Kept lines grouped into paragraphs by the separators (a join or a single break stays inside one). */
export function paragraphsOf(lines: Line[], seps: Map<number, { sep: string }>): Para[] {
  const paras: Para[] = [];
  for (const l of lines) {
    if (l.blank || l.removed) continue;
    const s = seps.get(l.i)?.sep ?? '';
    const last = paras[paras.length - 1];
    if (last && s !== '\n\n' && s !== '') last.lines.push(l);
    else paras.push({ lines: [l], key: '', chars: 0 });
  }
  for (const p of paras) {
    p.key = normKey(p.lines.map((l) => l.t).join(' '));
    p.chars = p.key.length;
  }
  return paras;
}

/** Remove the second copy of consecutively repeated paragraph runs. Returns whether anything changed. */
export function markDuplicates(paras: Para[]): boolean {
  const lastAt = new Map<string, number>();
  let changed = false;
  let j = 0;
  while (j < paras.length) {
    const pj = paras[j];
    if (!pj) break;
    const i = pj.key ? lastAt.get(pj.key) : undefined;
    if (i !== undefined) {
      const L = j - i;
      let k = 0;
      let chars = 0;
      while (k < L && j + k < paras.length) {
        const a = paras[i + k];
        const b = paras[j + k];
        if (!a || !b || a.key !== b.key || !b.key || b.lines.some((l) => l.forceKeep)) break;
        chars += b.chars;
        k++;
      }
      const tandem = k === L && ((k >= 2 && chars >= TANDEM_MIN_CHARS) || (k === 1 && chars >= SINGLE_REPEAT_MIN_CHARS));
      const nearTandem = k >= NEAR_TANDEM_MIN_PARAS && k >= L * NEAR_TANDEM_MIN_SHARE && chars >= NEAR_TANDEM_MIN_CHARS;
      if (tandem || nearTandem) {
        const first = paras[i];
        const reason =
          `second copy of ${k} paragraph${k > 1 ? 's' : ''} (from "${snippet(first?.lines[0]?.t ?? '', REASON_SNIPPET_CHARS)}") ` +
          `already given just before`;
        for (let m = j; m < j + k; m++) {
          const p = paras[m];
          if (!p) continue;
          lastAt.set(p.key, m);
          for (const l of p.lines) l.removed = { rule: 'duplicate-body', reason };
        }
        changed = true;
        j += k;
        continue;
      }
    }
    if (pj.key) lastAt.set(pj.key, j);
    j++;
  }
  return changed;
}
