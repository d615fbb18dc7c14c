/**
 * What the page and the analysis worker say to each other: `{ id, type,
 * payload }` requests, answered by `{ id, result }` or `{ id, error }`, with
 * `{ id, progress }` along the way. Each request type maps to one handler.
 */
import { compareIds } from '../corpus/outlet-year.ts';
import type { CorpusDocument, DocDate } from '../corpus/types.ts';
import type { ImportItem, ImportOutcome } from '../importer/read.ts';
import type { TableRead } from '../importer/table-file.ts';
import type { LedgerEntry } from '../compare/ledger.ts';
import type { ComputedBy, Selection } from '../interop/index.ts';
import type { MultiAlignment } from '../compare/multi-align.ts';
import type { Family, Passage } from '../reuse/types.ts';
import type { KwicResponse, SearchFilters, SearchResponse } from '../search/types.ts';
import type { DistinctiveResponse, TrendsResponse } from '../trends/types.ts';
import type { PickedResultFile, ResultsBuilt, ResultsPreview, ResultsScanned } from './results.ts';

/** What the worker needs of a document: its cleaned text and the metadata analyses group by. */
export interface AnalysisDoc {
  id: string;
  title: string | null;
  outlet: string | null;
  date: DocDate | null;
  language: string;
  text: string;
}

export interface Progress {
  stage: string;
  /** 0..1 */
  fraction: number;
}

/** Request type → [payload, result]. Handlers are added here as features land. */
export interface Requests {
  load: [{ corpusId: string; docs: AnalysisDoc[] }, { documents: number }];
  /**
   * Finds recurring passages (once per corpus) and answers with what the
   * overview views need. The full result stays in the worker: a thousand
   * documents' passages are megabytes, too much to copy to the page at once.
   */
  reuse: [void, ReuseOverview];
  /** One family with its passages (in the order of `family.passages`) and all its versions aligned together. */
  family: [{ id: string }, { family: Family; passages: Passage[]; alignment: MultiAlignment } | null];
  /**
   * Every family's versions aligned (after `reuse`, which does not wait for
   * it): how many wordings each has, and the ledger of what they swap.
   */
  formulas: [void, FormulaOverview];
  /** Passages between two documents, and, with `repeats`, those inside either. */
  passagesBetween: [{ a: string; b: string; repeats: boolean }, Passage[]];
  /** Passages touching one document, without their word-by-word steps. */
  passagesOf: [{ doc: string }, Passage[]];
  /** The whole result as JSON bytes, transferred, for the page to cache without parsing it. */
  reuseBytes: [void, ArrayBuffer | null];
  /** Paragraph search (src/search): results grouped by document, with marked snippets. */
  search: [{ q: string } & SearchFilters, SearchResponse];
  /** Every occurrence of one word or phrase, as keyword-in-context lines. */
  kwic: [{ q: string; width: number } & SearchFilters, KwicResponse];
  /** Frequency of each term or phrase by outlet and year. */
  trends: [{ terms: string[] }, TrendsResponse];
  /** Distinctive terms per outlet or per year. */
  distinctive: [{ by: 'outlet' | 'year' }, DistinctiveResponse];
  /** Bring your own texts (src/importer): clean a batch of files; progress names each file as it starts ("Cleaning <path>"). */
  importFiles: [{ items: ImportItem[]; taken: string[] }, ImportOutcome[]];
  /** A CSV or TSV file's rows as documents to import (src/importer/table-file.ts); read here so decoding stays out of the page. */
  readTable: [{ bytes: Uint8Array; path: string }, TableRead];
  /**
   * `load`, answering with the documents' content hash (corpusHash, so the
   * page never hashes a large corpus itself) and the key of their analysis in
   * the cache (`analysisCacheKey`). `cached` is a stored result the page
   * guesses fits (the corpus's last one): used when its key matches, so
   * opening a corpus takes one request.
   */
  open: [{ corpusId: string; docs: AnalysisDoc[]; cached: CachedAnalysis | null }, { documents: number; hash: string; cacheKey: string; primed: boolean }];
  /** Use a cached reuse result (the page keys the cache by `analysisCacheKey`) instead of computing it. */
  primeReuse: [{ bytes: ArrayBuffer }, void];
  /** passim's or TextPAIR's files (src/interop), read as streams: what they hold, and whether it fits the browser. */
  resultsScan: [{ files: PickedResultFile[] }, ResultsScanned];
  /** What a selection of the scanned corpus keeps and leaves out. */
  resultsPreview: [{ selection: Selection }, ResultsPreview];
  /** The selected documents and their analysis, ready to store as a new corpus. */
  resultsBuild: [{ selection: Selection | null; parameters: string | null }, ResultsBuilt];
  /** Stops a running scan or build at its next pause (it then fails with "import cancelled"). */
  resultsCancel: [void, void];
  /** Forgets the files and the scan. */
  resultsClear: [void, void];
}

/** A stored result of the reuse engine, as JSON bytes, and the `analysisCacheKey` it was stored under. */
export interface CachedAnalysis {
  key: string;
  bytes: ArrayBuffer;
}

/** Families without their passage indices (those stay in the worker). */
export interface ReuseOverview {
  /** Another tool's analysis (passim, TextPAIR) when the corpus holds one; null for Refrain's own. */
  computedBy: ComputedBy | null;
  passageCount: number;
  families: Omit<Family, 'passages'>[];
}

/** What the families' multi-witness alignments say about all of them. */
export interface FormulaOverview {
  /** Distinct core wordings per family id (the family view shows the same count). */
  wordings: Record<string, number>;
  /** What the versions of the formulas swap, most used on both sides first. */
  ledger: LedgerEntry[];
}

export type RequestType = keyof Requests;

/** Requests the worker answers with a promise (they read files); a cancel is handled while one waits. */
export type AsyncRequestType = 'resultsScan' | 'resultsBuild';

/** What a handler returns for request K. */
export type Answer<K extends RequestType> = K extends AsyncRequestType ? Promise<Requests[K][1]> : Requests[K][1];

export type RequestMessage = { [K in RequestType]: { id: number; type: K; payload: Requests[K][0] } }[RequestType];

export type ResponseMessage =
  | { id: number; result: unknown }
  | { id: number; error: string }
  | { id: number; progress: Progress };

export function toAnalysisDocs(documents: readonly CorpusDocument[]): AnalysisDoc[] {
  return documents.map(({ meta, text }) => ({ id: meta.id, title: meta.title, outlet: meta.outlet, date: meta.date, language: meta.language, text }));
}

/** Documents in code-unit order of their ids, the order corpusHash and analysisCacheKey read them in. */
export function byDocId<T extends { id: string }>(docs: readonly T[]): T[] {
  return [...docs].sort((a, b) => compareIds(a.id, b.id));
}

/**
 * The analysis cache key: the content hash plus a fingerprint of the
 * metadata the engine reads (outlet and date, which it groups by; the
 * declared language, which tells a short text's language), since editing
 * metadata changes the result without changing the content hash. `docs` in
 * `byDocId` order.
 */
export function analysisCacheKey(contentHash: string, docs: readonly Pick<AnalysisDoc, 'id' | 'outlet' | 'date' | 'language'>[]): string {
  let h = 0x811c9dc5;
  for (const d of docs) {
    const s = `${d.id}\u0000${d.outlet ?? ''}\u0000${d.date ? `${d.date.approximate ? '~' : ''}${d.date.value}` : ''}\u0000${d.language}\u0001`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  }
  return `${contentHash}.${(h >>> 0).toString(36)}`;
}
