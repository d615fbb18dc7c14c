/**
 * passim's clusters as Refrain's families: one family per cluster (or more,
 * when Refrain's own grouping splits its passages), its members the
 * cluster's records that fit their text, joined where they overlap in one
 * document, and linked by passim's inferred sources (`src`), else to the
 * cluster's earliest member. Pair records (`--pairwise`) then join the
 * family whose members both their spans overlap.
 */
import { cmp } from '../reuse/families.ts';
import { DEFAULT_REUSE_OPTIONS } from '../reuse/options.ts';
import { familiesFromSpans } from '../reuse/span-families.ts';
import type { Family, Passage, ReuseInput, Span } from '../reuse/types.ts';
import type { PassageAligner, SpanWords } from './passage.ts';
import type { Scan } from './scan.ts';
import { clusterSizes } from './selection.ts';
import type { Doc, LocalSpan } from './verify.ts';

/**
 * A cluster is boilerplate when more than this share of its links join
 * passages of one series (passim's `pboiler`; without it, the share of
 * members passim marked `boiler`).
 */
const BOILERPLATE_SHARE = 0.5;

/** A cluster's passage in one document: its records' spans joined where they overlap. */
export interface Member extends LocalSpan {
  records: number[];
}

export interface ClusterContext {
  scan: Scan;
  docs: Doc[];
  /** `at[scanIndex]`: a document's position in `docs`, -1 when left out. */
  at: Int32Array;
  inputs: ReuseInput[];
  aligner: PassageAligner;
  /** Clusters that became no family, and why. */
  dropped: { oneDocument: number; outsideSelection: number };
  /** Called once per cluster (pauses, progress, Cancel). */
  tick: () => Promise<void>;
}

/** The words of a located span, for the aligner. */
export function wordsAt(aligner: PassageAligner, docs: Doc[], s: LocalSpan): SpanWords {
  const doc = docs[s.doc]!;
  return aligner.words(doc.text, { doc: doc.meta.id, start: s.start, end: s.end });
}

/** One family per passim cluster; `spans[record]` is its span, null when it was left out or did not fit. */
export async function clusterFamilies(ctx: ClusterContext, spans: (LocalSpan | null)[]): Promise<{ passages: Passage[]; families: Family[]; boilerplate: string[] }> {
  const { scan, docs } = ctx;
  const boilerCol = scan.clusters.col('boiler');
  const sizes = clusterSizes(scan);
  const sources = sourcesByRecord(scan);
  const passages: Passage[] = [];
  const families: Family[] = [];
  const boilerplate: string[] = [];
  const dateKey = (d: number) => docs[d]!.meta.date?.value ?? '\uffff';
  for (const [cluster, records] of recordsByCluster(scan, spans)) {
    await ctx.tick();
    const items = records.map((r) => ({ ...spans[r]!, record: r }));
    items.sort((x, y) => cmp(dateKey(x.doc), dateKey(y.doc)) || x.doc - y.doc || x.start - y.start);
    const members = joinMembers(items);
    if (new Set(members.map((m) => m.doc)).size < 2) {
      if (sizes[cluster]! >= 2) ctx.dropped.outsideSelection++;
      else ctx.dropped.oneDocument++;
      continue;
    }
    const local = linkMembers(ctx, members, sources);
    const docIds = [...new Set(members.map((m) => m.doc))].sort((x, y) => x - y);
    const found = familiesFromSpans(local, docIds.map((d) => ctx.inputs[d]!), DEFAULT_REUSE_OPTIONS);
    const base = passages.length;
    for (const p of local) passages.push(p);
    const pboiler = scan.pboiler[cluster]!;
    const boilerShare = members.filter((m) => m.records.some((r) => boilerCol[r] === 1)).length / members.length;
    for (const f of found) {
      f.passages = f.passages.map((p) => p + base);
      families.push(f);
      if ((Number.isNaN(pboiler) ? boilerShare : pboiler) > BOILERPLATE_SHARE) {
        boilerplate.push(f.id);
        f.boilerplate = true;
      }
    }
  }
  return { passages, families, boilerplate };
}

/** Records that fit their text, by cluster, in record order. */
function recordsByCluster(scan: Scan, spans: (LocalSpan | null)[]): Map<number, number[]> {
  const clusterCol = scan.clusters.col('cluster');
  const byCluster = new Map<number, number[]>();
  for (let r = 0; r < scan.clusters.length; r++) {
    if (!spans[r]) continue;
    const c = clusterCol[r]!;
    let list = byCluster.get(c);
    if (!list) byCluster.set(c, (list = []));
    list.push(r);
  }
  return byCluster;
}

/** passim's `src`: record → [uid, begin, end] of its inferred source. */
function sourcesByRecord(scan: Scan): Map<number, [number, number, number]> {
  const srcOf = new Map<number, [number, number, number]>();
  for (let i = 0; i < scan.sources.length; i += 4) srcOf.set(scan.sources[i]!, [scan.sources[i + 1]!, scan.sources[i + 2]!, scan.sources[i + 3]!]);
  return srcOf;
}

/** Members from spans sorted by document: overlapping passages in one document joined. */
export function joinMembers(items: readonly (LocalSpan & { record: number })[]): Member[] {
  const members: Member[] = [];
  for (const it of items) {
    const last = members[members.length - 1];
    if (last && last.doc === it.doc && it.start < last.end) {
      last.end = Math.max(last.end, it.end);
      last.records.push(it.record);
    } else members.push({ doc: it.doc, start: it.start, end: it.end, records: [it.record] });
  }
  return members;
}

/**
 * The passages that link a cluster's members: each member to its passim
 * source when that is another member of the cluster; whatever is still
 * apart, to the earliest member.
 */
function linkMembers({ scan, docs, at, aligner }: ClusterContext, members: Member[], sources: Map<number, [number, number, number]>): Passage[] {
  const words = members.map((m) => wordsAt(aligner, docs, m));
  const parent = members.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const local: Passage[] = [];
  const link = (x: number, y: number) => {
    parent[find(x)] = find(y);
    local.push(aligner.between(words[x]!, words[y]!));
  };
  members.forEach((m, i) => {
    const src = sources.get(m.records[0]!);
    const scanDoc = src ? scan.uidDoc.get(src[0]) : undefined;
    if (!src || scanDoc === undefined || at[scanDoc]! < 0) return;
    const d = at[scanDoc]!;
    const start = docs[d]!.offsets.fromCodePoint(src[1]);
    const end = docs[d]!.offsets.fromCodePoint(src[2]);
    const target = members.findIndex((o) => o.doc === d && o.start < end && start < o.end);
    if (target >= 0 && find(target) !== find(i)) link(i, target);
  });
  for (let i = 1; i < members.length; i++) if (find(i) !== find(0)) link(i, 0);
  return local;
}

/** Pair passages (from `from` on) join the family whose members both their spans overlap. */
export function linkPairs(families: Family[], passages: Passage[], from: number): void {
  const byDoc = new Map<string, { f: number; start: number; end: number }[]>();
  families.forEach((f, i) => {
    for (const m of f.members) {
      let list = byDoc.get(m.doc);
      if (!list) byDoc.set(m.doc, (list = []));
      list.push({ f: i, start: m.start, end: m.end });
    }
  });
  const familiesAt = (s: Span) => new Set((byDoc.get(s.doc) ?? []).filter((m) => m.start < s.end && s.start < m.end).map((m) => m.f));
  for (let p = from; p < passages.length; p++) {
    const a = familiesAt(passages[p]!.a);
    for (const f of familiesAt(passages[p]!.b)) if (a.has(f)) families[f]!.passages.push(p);
  }
}
