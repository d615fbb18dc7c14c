/**
 * The worker's side of importing passim's or TextPAIR's results: files
 * read as streams (gzip decompressed on the way), scanned, narrowed by a
 * selection when the corpus is larger than the browser holds, then built
 * into documents and an analysis. Between the requests the scan stays
 * here; a cancel request stops a running scan or build at its next pause.
 */
import { MAX_CORPUS_BYTES, MAX_CORPUS_DOCUMENTS } from '../importer/limits.ts';
import { applySelection, buildImport, isResultFile, scanFiles, streamChunks, summarize, type ComputedBy, type CorpusSummary, type ImportReport, type Limits, type Problem, type Scan, type Selection, type Source } from '../interop/index.ts';
import type { CorpusDocument } from '../corpus/types.ts';
import { corpusHash } from '../corpus/corpus-hash.ts';
import { analysisCacheKey, byDocId, toAnalysisDocs, type Progress } from './protocol.ts';

export const BROWSER_LIMITS: Limits = { documents: MAX_CORPUS_DOCUMENTS, bytes: MAX_CORPUS_BYTES };

/** What the page learns from a scan. */
export interface ResultsScanned {
  files: { name: string; kind: string | null; records: number }[];
  summary: CorpusSummary;
  problems: Problem[];
  problemCount: number;
  /** Why all of it cannot be imported here (a selection is needed); null when it can. */
  tooLarge: string | null;
}

export interface ResultsPreview {
  documents: number;
  bytes: number;
  left: { documents: number; clusters: number; clustersCut: number; pairs: number };
  unknownIds: string[];
  tooLarge: string | null;
}

export interface ResultsBuilt {
  documents: CorpusDocument[];
  /** `analysisCacheKey` of the documents: the analysis is used while they stay as they are. */
  cacheKey: string;
  /** The analysis as JSON bytes (passages, families, computedBy): stored and handed to the worker as a cached one is. */
  analysis: ArrayBuffer;
  computedBy: ComputedBy;
  report: ImportReport;
  left: ResultsPreview['left'] | null;
}

/** A file the page picked or had dropped, with its path inside a dropped folder. */
export interface PickedResultFile {
  file: File;
  path: string;
}

function fileSource({ file, path }: PickedResultFile): Source {
  const name = path || file.name;
  const gz = /\.gz$/i.test(file.name);
  return {
    name: name.replace(/\.gz$/i, ''),
    size: file.size,
    open: () => streamChunks(gz ? file.stream().pipeThrough(new DecompressionStream('gzip')) : file.stream()),
  };
}

export class ResultsImport {
  #sources: Source[] = [];
  #scan: Scan | null = null;
  #cancelled = false;

  cancel(): void {
    this.#cancelled = true;
  }

  async scan(files: PickedResultFile[], progress: (p: Progress) => void): Promise<ResultsScanned> {
    this.#cancelled = false;
    this.#scan = null;
    this.#sources = files.filter((f) => isResultFile(f.path || f.file.name)).map(fileSource);
    if (this.#sources.length === 0) throw new Error('none of these files is a passim or TextPAIR file (Spark’s _SUCCESS and .crc files, and passim’s tmp/ folder, are not read)');
    const scan = await scanFiles(this.#sources, {
      limits: BROWSER_LIMITS,
      onProgress: (p) => progress(p),
      cancelled: () => this.#cancelled,
    });
    this.#scan = scan;
    const all = applySelection(scan, {}, BROWSER_LIMITS);
    return {
      files: scan.files.map((f) => ({ ...f })),
      summary: summarize(scan),
      problems: scan.problems,
      problemCount: scan.problemCount,
      tooLarge: all.tooLarge,
    };
  }

  preview(selection: Selection): ResultsPreview {
    const { documents, bytes, left, unknownIds, tooLarge } = applySelection(this.#need(), selection, BROWSER_LIMITS);
    return { documents, bytes, left, unknownIds, tooLarge };
  }

  async build(selection: Selection | null, parameters: string | null, progress: (p: Progress) => void): Promise<ResultsBuilt> {
    const scan = this.#need();
    this.#cancelled = false;
    const chosen = applySelection(scan, selection ?? {}, BROWSER_LIMITS);
    if (chosen.tooLarge) throw new Error(`the selection is still too large for the browser: ${chosen.tooLarge}`);
    const imported = await buildImport(this.#sources, scan, selection ? chosen.keep : null, {
      parameters,
      onProgress: progress,
      cancelled: () => this.#cancelled,
    });
    progress({ stage: 'Writing the analysis', fraction: 1 });
    const json = JSON.stringify({ ...imported.result, computedBy: imported.computedBy });
    const docs = toAnalysisDocs(imported.documents);
    return {
      documents: imported.documents,
      cacheKey: analysisCacheKey(corpusHash(imported.documents), byDocId(docs)),
      analysis: new TextEncoder().encode(json).buffer as ArrayBuffer,
      computedBy: imported.computedBy,
      report: imported.report,
      left: selection ? chosen.left : null,
    };
  }

  /** Forgets the files and the scan (after an import, or when the panel closes). */
  clear(): void {
    this.#sources = [];
    this.#scan = null;
  }

  #need(): Scan {
    if (!this.#scan) throw new Error('no results have been read yet: choose the files again');
    return this.#scan;
  }
}
