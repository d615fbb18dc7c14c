/**
 * Scores a reuse result against known shared passages. Pure functions.
 *
 * - Recall: every pair of spans inside one truth group is a "planted pair".
 *   It is found when some passage covers at least `minCoverage` (default
 *   50%) of the characters of each of its two spans, one on each side
 *   (either orientation).
 * - Precision: a passage is correct when its two sides overlap two different
 *   spans of the SAME truth group (any overlap). Passages on boilerplate,
 *   on filler, or joining two unrelated planted passages are wrong.
 * - Character precision: the share of the characters the passages mark
 *   (both sides) that lie inside some truth span; it catches alignments
 *   that run on far past the planted wording.
 * - Family purity: each family member is assigned the truth group it
 *   overlaps most (or "none"); purity = largest share of one group, averaged
 *   over families weighted by member count.
 */
import type { FamilyLike, PassageLike, ReuseResultLike, Span, TruthGroup } from './types.ts';

export interface EvaluateOptions {
  /** Share of each planted span's characters a passage must cover (default 0.5). */
  minCoverage?: number;
  /** Word-count buckets for recall by length: upper bounds, inclusive (default [12, 30]). */
  lengthBuckets?: number[];
  /** Keep up to this many missed pairs as examples (default 0). */
  keepMissed?: number;
}

export interface Rate {
  found: number;
  total: number;
  /** found / total; NaN when total is 0. */
  rate: number;
}

export interface Evaluation {
  recall: Rate;
  recallByLevel: Record<string, Rate>;
  /** Keyed like "6-12", "13-30", "31+" (source-wording words). */
  recallByLength: Record<string, Rate>;
  precision: Rate;
  precisionByTier: Record<string, Rate>;
  charPrecision: number;
  passages: number;
  families: { count: number; members: number; purity: number };
  missed: Array<{ group: string; level: string; a: Span; b: Span }>;
}

const rate = (found: number, total: number): Rate => ({ found, total, rate: total ? found / total : NaN });

export function overlap(a: Span, b: Span): number {
  if (a.doc !== b.doc) return 0;
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Share of `target`'s characters covered by `x`. */
export function coverage(x: Span, target: Span): number {
  const len = target.end - target.start;
  return len > 0 ? overlap(x, target) / len : 0;
}

interface Located { group: number; index: number; span: Span }

/** Truth spans by document, sorted by start, for overlap queries. */
class SpanIndex {
  private readonly byDoc = new Map<string, Located[]>();
  private readonly maxLen = new Map<string, number>();
  constructor(groups: readonly TruthGroup[]) {
    groups.forEach((g, group) =>
      g.spans.forEach((span, index) => {
        let list = this.byDoc.get(span.doc);
        if (!list) this.byDoc.set(span.doc, (list = []));
        list.push({ group, index, span });
        this.maxLen.set(span.doc, Math.max(this.maxLen.get(span.doc) ?? 0, span.end - span.start));
      }),
    );
    for (const list of this.byDoc.values()) list.sort((x, y) => x.span.start - y.span.start);
  }
  /** Truth spans overlapping `s` by at least one character. */
  overlapping(s: Span): Located[] {
    const list = this.byDoc.get(s.doc);
    if (!list) return [];
    const from = s.start - (this.maxLen.get(s.doc) ?? 0);
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.span.start < from) lo = mid + 1; else hi = mid;
    }
    const out: Located[] = [];
    for (let i = lo; i < list.length && list[i]!.span.start < s.end; i++) {
      if (overlap(list[i]!.span, s) > 0) out.push(list[i]!);
    }
    return out;
  }
  /** Characters of `s` inside any truth span (union). */
  coveredChars(s: Span): number {
    const hits = this.overlapping(s).map((l) => [Math.max(l.span.start, s.start), Math.min(l.span.end, s.end)] as const);
    hits.sort((x, y) => x[0] - y[0]);
    let n = 0, cur = -1;
    for (const [a, b] of hits) {
      const from = Math.max(a, cur);
      if (b > from) n += b - from;
      cur = Math.max(cur, b);
    }
    return n;
  }
}

function lengthKey(words: number | undefined, buckets: number[]): string {
  if (words === undefined) return 'unknown';
  let lo = 1;
  for (const hi of buckets) {
    if (words <= hi) return `${lo === 1 ? 1 : lo}-${hi}`;
    lo = hi + 1;
  }
  return `${lo}+`;
}

export function evaluate(result: ReuseResultLike, truth: readonly TruthGroup[], options: EvaluateOptions = {}): Evaluation {
  const minCoverage = options.minCoverage ?? 0.5;
  const buckets = options.lengthBuckets ?? [12, 30];
  const keepMissed = options.keepMissed ?? 0;
  const passages: readonly PassageLike[] = result.passages;
  const index = new SpanIndex(truth);

  // For recall: the passages touching each (group, span index), per side.
  const touching = new Map<string, Set<number>>();
  const key = (g: number, i: number): string => `${g}:${i}`;
  let correct = 0, markedChars = 0, insideChars = 0;
  const tierCounts = new Map<string, [number, number]>();
  passages.forEach((p, pi) => {
    const la = index.overlapping(p.a);
    const lb = index.overlapping(p.b);
    for (const l of [...la, ...lb]) {
      const k = key(l.group, l.index);
      let set = touching.get(k);
      if (!set) touching.set(k, (set = new Set()));
      set.add(pi);
    }
    const ok = la.some((x) => lb.some((y) => x.group === y.group && x.index !== y.index));
    if (ok) correct++;
    const tier = p.tier ?? 'all';
    const tc = tierCounts.get(tier) ?? [0, 0];
    tc[0] += ok ? 1 : 0;
    tc[1]++;
    tierCounts.set(tier, tc);
    markedChars += p.a.end - p.a.start + p.b.end - p.b.start;
    insideChars += index.coveredChars(p.a) + index.coveredChars(p.b);
  });

  const byLevel = new Map<string, [number, number]>();
  const byLength = new Map<string, [number, number]>();
  const missed: Evaluation['missed'] = [];
  let found = 0, total = 0;
  truth.forEach((g, gi) => {
    for (let i = 0; i < g.spans.length; i++) {
      for (let j = i + 1; j < g.spans.length; j++) {
        const si = g.spans[i]!, sj = g.spans[j]!;
        const candidates = touching.get(key(gi, i));
        const other = touching.get(key(gi, j));
        let hit = false;
        if (candidates && other) {
          for (const pi of candidates) {
            if (!other.has(pi)) continue;
            const p = passages[pi]!;
            if (
              (coverage(p.a, si) >= minCoverage && coverage(p.b, sj) >= minCoverage) ||
              (coverage(p.b, si) >= minCoverage && coverage(p.a, sj) >= minCoverage)
            ) {
              hit = true;
              break;
            }
          }
        }
        total++;
        if (hit) found++;
        else if (missed.length < keepMissed) missed.push({ group: g.id, level: g.level, a: si, b: sj });
        for (const [map, k] of [[byLevel, g.level], [byLength, lengthKey(g.words, buckets)]] as const) {
          const c = map.get(k) ?? [0, 0];
          c[0] += hit ? 1 : 0;
          c[1]++;
          map.set(k, c);
        }
      }
    }
  });

  const toRecord = (m: Map<string, [number, number]>): Record<string, Rate> =>
    Object.fromEntries([...m].map(([k, [f, t]]) => [k, rate(f, t)]));

  return {
    recall: rate(found, total),
    recallByLevel: toRecord(byLevel),
    recallByLength: toRecord(byLength),
    precision: rate(correct, passages.length),
    precisionByTier: toRecord(tierCounts),
    charPrecision: markedChars ? insideChars / markedChars : NaN,
    passages: passages.length,
    families: familyPurity(result.families ?? [], index),
    missed,
  };
}

function familyPurity(families: readonly FamilyLike[], index: SpanIndex): Evaluation['families'] {
  let members = 0, pure = 0;
  for (const f of families) {
    const counts = new Map<string, number>();
    for (const m of f.members) {
      let best = 'none', bestOverlap = 0;
      for (const l of index.overlapping(m)) {
        const o = overlap(l.span, m);
        if (o > bestOverlap) { bestOverlap = o; best = String(l.group); }
      }
      counts.set(best, (counts.get(best) ?? 0) + 1);
    }
    // Members that match nothing count against purity, never as the majority.
    const top = Math.max(0, ...[...counts].filter(([k]) => k !== 'none').map(([, n]) => n));
    members += f.members.length;
    pure += top;
  }
  return { count: families.length, members, purity: members ? pure / members : NaN };
}
