/**
 * A deliberately trivial reuse detector used only when the real engine
 * (src/reuse/index.ts) is not there yet, and by the bench's own tests: it
 * reports runs of at least `n` identical lower-cased words shared by two
 * documents, extended while words keep matching. Verbatim only, no
 * boilerplate filter. It is a baseline, not a model for the engine.
 */
import type { PassageLike, ReuseInput, ReuseResultLike } from './types.ts';

interface Tok { w: string; s: number; e: number }

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) out.push({ w: m[0].toLowerCase(), s: m.index, e: m.index + m[0].length });
  return out;
}

export function standinDetectReuse(docs: ReuseInput[], options: { n?: number; maxDf?: number } = {}): ReuseResultLike {
  const n = options.n ?? 6;
  const maxDf = options.maxDf ?? 20;
  const toks = docs.map((d) => tokens(d.text));
  const seeds = new Map<string, Array<[number, number]>>();
  toks.forEach((t, d) => {
    for (let i = 0; i + n <= t.length; i++) {
      let k = t[i]!.w;
      for (let j = 1; j < n; j++) k += ' ' + t[i + j]!.w;
      let list = seeds.get(k);
      if (!list) seeds.set(k, (list = []));
      if (list.length <= maxDf) list.push([d, i]);
    }
  });
  const passages: PassageLike[] = [];
  const seen = new Set<string>();
  for (const list of seeds.values()) {
    if (list.length < 2 || list.length > maxDf) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [da, ia] = list[x]!, [db, ib] = list[y]!;
        if (da === db) continue;
        const ta = toks[da]!, tb = toks[db]!;
        // Skip seeds inside a run already reported.
        if (ia > 0 && ib > 0 && ta[ia - 1]!.w === tb[ib - 1]!.w) continue;
        let len = n;
        while (ia + len < ta.length && ib + len < tb.length && ta[ia + len]!.w === tb[ib + len]!.w) len++;
        const key = `${da}:${ia}:${db}:${ib}`;
        if (seen.has(key)) continue;
        seen.add(key);
        passages.push({
          a: { doc: docs[da]!.id, start: ta[ia]!.s, end: ta[ia + len - 1]!.e },
          b: { doc: docs[db]!.id, start: tb[ib]!.s, end: tb[ib + len - 1]!.e },
          score: len,
          tier: 'close',
        });
      }
    }
  }
  return { passages, families: [] };
}
