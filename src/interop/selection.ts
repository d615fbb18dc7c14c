/**
 * Choosing part of a corpus too large for the browser: by series (outlet),
 * by date range, by clusters touching some documents, or by clusters of at
 * least some size. Works on the scan alone (metadata and record columns),
 * and says what a selection leaves out.
 */
import type { Limits, Scan } from './scan.ts';

export interface Selection {
  /** Keep documents of these series ('' stands for documents without one). */
  series?: string[] | null;
  /** Keep documents dated within [from, to] (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive); undated ones go. */
  from?: string | null;
  to?: string | null;
  /** Keep the documents of clusters (or pairs) that touch one of these documents (ids as Refrain or the file gives them). */
  touching?: string[] | null;
  /** Keep the documents of clusters spanning at least this many documents (cluster results only). */
  minSize?: number | null;
}

export interface SelectionOutcome {
  /** 1 for each document kept, by scan index. */
  keep: Uint8Array;
  documents: number;
  bytes: number;
  left: {
    documents: number;
    /** Clusters with fewer than two of their documents kept. */
    clusters: number;
    /** Kept clusters that lost some members (those in documents left out). */
    clustersCut: number;
    /** Pairwise or TextPAIR records with a side left out. */
    pairs: number;
  };
  /** Ids given in `touching` that name no document. */
  unknownIds: string[];
  /** Why the selection does not fit the limits; null when it does. */
  tooLarge: string | null;
}

export interface CorpusSummary {
  documents: number;
  bytes: number;
  series: { name: string; documents: number }[];
  years: { year: string; documents: number }[];
  undated: number;
  clusters: number;
  /** Clusters by the number of documents they span. */
  clusterSizes: { atLeast: number; clusters: number }[];
  pairs: number;
}

const SIZE_STEPS = [2, 3, 5, 10, 20, 50, 100, 1000];

/** Distinct documents per cluster (only those with `keep[doc]` set, when given). */
export function clusterSizes(scan: Scan, keep?: Uint8Array): Int32Array {
  const doc = scan.clusters.col('doc');
  const cluster = scan.clusters.col('cluster');
  const sizes = new Int32Array(scan.clusterKeys.length);
  // (cluster, document) as one number (exact below 2^53), sorted: distinct pairs are runs.
  const docs = Math.max(1, scan.documentCount);
  const keys = new Float64Array(scan.clusters.length);
  let n = 0;
  for (let r = 0; r < scan.clusters.length; r++) if (!keep || keep[doc[r]!]) keys[n++] = cluster[r]! * docs + doc[r]!;
  const sorted = keys.subarray(0, n).sort();
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sizes[Math.floor(sorted[k]! / docs)]!++;
  return sizes;
}

export function summarize(scan: Scan): CorpusSummary {
  const series = new Map<string, number>();
  const years = new Map<string, number>();
  let undated = 0;
  for (let d = 0; d < scan.documentCount; d++) {
    const s = scan.series[d] ?? '';
    series.set(s, (series.get(s) ?? 0) + 1);
    const date = scan.dates[d];
    if (date) years.set(date.value.slice(0, 4), (years.get(date.value.slice(0, 4)) ?? 0) + 1);
    else undated++;
  }
  const sizes = clusterSizes(scan);
  return {
    documents: scan.documentCount,
    bytes: scan.totalBytes,
    series: [...series].map(([name, documents]) => ({ name, documents })).sort((a, b) => b.documents - a.documents || (a.name < b.name ? -1 : 1)),
    years: [...years].map(([year, documents]) => ({ year, documents })).sort((a, b) => (a.year < b.year ? -1 : 1)),
    undated,
    clusters: scan.clusterKeys.length,
    clusterSizes: SIZE_STEPS.map((atLeast) => ({ atLeast, clusters: sizes.filter((s) => s >= atLeast).length })),
    pairs: scan.pairs.length + scan.textpair.length,
  };
}

const DATE_BOUND = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The first and last day a date (or a bound) stands for, as comparable strings. */
function period(value: string): [string, string] {
  if (value.length === 4) return [`${value}-01-01`, `${value}-12-31`];
  if (value.length === 7) return [`${value}-01`, `${value}-31`];
  return [value, value];
}

export function checkSelection(selection: Selection): string | null {
  for (const key of ['from', 'to'] as const) {
    const v = selection[key];
    if (v && !DATE_BOUND.test(v)) return `${key}: expected YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(v)}`;
  }
  if (selection.minSize != null && (!Number.isInteger(selection.minSize) || selection.minSize < 2)) return `minimum cluster size must be a whole number ≥ 2, got ${selection.minSize}`;
  return null;
}

export function applySelection(scan: Scan, selection: Selection, limits?: Limits): SelectionOutcome {
  const problem = checkSelection(selection);
  if (problem) throw new Error(`selection: ${problem}`);
  const n = scan.documentCount;
  const keep = keptByMetadata(scan, selection);
  const { touching, unknownIds } = touchingDocuments(scan, selection.touching);
  if (selection.touching || selection.minSize) {
    const reach = reachedByClusters(scan, selection.minSize ?? null, touching);
    if (touching) reachByPairs(scan, touching, reach);
    for (let d = 0; d < n; d++) keep[d]! &= reach[d]!;
  }

  let documents = 0;
  let bytes = 0;
  for (let d = 0; d < n; d++) {
    if (!keep[d]) continue;
    documents++;
    bytes += scan.bytes[d]!;
  }
  const left = { documents: n - documents, ...recordsLeftOut(scan, keep) };
  let tooLarge: string | null = null;
  if (limits && documents > limits.documents) tooLarge = `${documents.toLocaleString('en')} documents; the browser holds at most ${limits.documents.toLocaleString('en')}`;
  else if (limits && bytes > limits.bytes) tooLarge = `${formatMegabytes(bytes)} of text; the browser holds at most ${formatMegabytes(limits.bytes)}`;
  return { keep, documents, bytes, left, unknownIds, tooLarge };
}

/** 1 for each document of the series asked for and dated within the range (all, without either). */
function keptByMetadata(scan: Scan, selection: Selection): Uint8Array {
  const keep = new Uint8Array(scan.documentCount).fill(1);
  const series = selection.series ? new Set(selection.series) : null;
  const from = selection.from ? period(selection.from)[0] : null;
  const to = selection.to ? period(selection.to)[1] : null;
  for (let d = 0; d < scan.documentCount; d++) {
    if (series && !series.has(scan.series[d] ?? '')) keep[d] = 0;
    if (from || to) {
      const date = scan.dates[d];
      if (!date) keep[d] = 0;
      else {
        const [start, end] = period(date.value);
        if ((from && end < from) || (to && start > to)) keep[d] = 0;
      }
    }
  }
  return keep;
}

/** The documents `ids` name (by the file's id or Refrain's), and the ids that name none (`touching` null when no ids were given). */
function touchingDocuments(scan: Scan, ids: string[] | null | undefined): { touching: Uint8Array | null; unknownIds: string[] } {
  const unknownIds: string[] = [];
  if (!ids) return { touching: null, unknownIds };
  const touching = new Uint8Array(scan.documentCount);
  const byId = new Map<string, number>();
  scan.ids.forEach((id, d) => byId.set(id, d));
  for (const id of ids) {
    const d = scan.bySourceId.get(id) ?? byId.get(id);
    if (d === undefined) unknownIds.push(id);
    else touching[d] = 1;
  }
  return { touching, unknownIds };
}

/** Documents of the clusters at least `minSize` documents wide and touching one of `touching` (each when given). */
function reachedByClusters(scan: Scan, minSize: number | null, touching: Uint8Array | null): Uint8Array {
  const reach = new Uint8Array(scan.documentCount);
  const { clusters } = scan;
  if (!clusters.length) return reach;
  const doc = clusters.col('doc');
  const cluster = clusters.col('cluster');
  const sizes = clusterSizes(scan);
  const passes = new Uint8Array(scan.clusterKeys.length).fill(1);
  if (minSize) for (let c = 0; c < passes.length; c++) if (sizes[c]! < minSize) passes[c] = 0;
  if (touching) {
    const touches = new Uint8Array(passes.length);
    for (let r = 0; r < clusters.length; r++) if (touching[doc[r]!]) touches[cluster[r]!] = 1;
    for (let c = 0; c < passes.length; c++) passes[c]! &= touches[c]!;
  }
  for (let r = 0; r < clusters.length; r++) if (passes[cluster[r]!]) reach[doc[r]!] = 1;
  return reach;
}

/** Adds to `reach` both documents of every pair record with a side in `touching`. */
function reachByPairs(scan: Scan, touching: Uint8Array, reach: Uint8Array): void {
  for (const table of [scan.pairs, scan.textpair]) {
    const a = table.col('docA');
    const b = table.col('docB');
    for (let r = 0; r < table.length; r++) {
      if (touching[a[r]!] || touching[b[r]!]) reach[a[r]!] = reach[b[r]!] = 1;
    }
  }
}

/** Clusters kept whole, cut or lost, and pair records with a side left out. */
function recordsLeftOut(scan: Scan, keep: Uint8Array): Omit<SelectionOutcome['left'], 'documents'> {
  const left = { clusters: 0, clustersCut: 0, pairs: 0 };
  // Clusters: kept if two or more of their documents are kept.
  const sizes = clusterSizes(scan);
  const keptSizes = clusterSizes(scan, keep);
  for (let c = 0; c < sizes.length; c++) {
    if (keptSizes[c]! < Math.min(2, sizes[c]!)) left.clusters++;
    else if (keptSizes[c]! < sizes[c]!) left.clustersCut++;
  }
  for (const table of [scan.pairs, scan.textpair]) {
    const a = table.col('docA');
    const b = table.col('docB');
    for (let r = 0; r < table.length; r++) if (!keep[a[r]!] || !keep[b[r]!]) left.pairs++;
  }
  return left;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}
