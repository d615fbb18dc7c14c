/**
 * Corpora as the app opens them, in plain TypeScript (no runes, no DOM, so
 * Node tests drive it with a stand-in worker): read a corpus's documents from
 * storage, load them into the analysis worker (which hashes them), use the
 * stored analysis when it fits, keep a new one, and run an import into a
 * user corpus. The runes class (ui/shell/corpora.svelte.ts) holds only the
 * reactive state and calls this.
 *
 * Opening a user corpus is one worker request: the page reads the corpus's
 * last analysis from storage together with its documents and sends both;
 * the worker hashes the documents and uses the result only if its cache key
 * (content hash and what the engine groups by) still matches. Only when it
 * does not (documents added or edited elsewhere) does the page look up a
 * result by the new key, a second request.
 */
import { compareIds } from '../corpus/outlet-year.ts';
import type { Corpus, CorpusDocument } from '../corpus/types.ts';
import { runImport, type ImportedDoc, type ImportProgress, type ImportSummary, type PickedFile, type Refusal } from '../importer/index.ts';
import type { ComputedBy } from '../interop/convert.ts';
import { toAnalysisDocs, type Progress, type RequestType, type Requests } from '../worker/protocol.ts';
import { CorporaStore, type CorporaOptions, type ImportedAnalysis } from './corpora.ts';
import { utf8Length } from '../text/utf8.ts';

export const BUNDLED_KEY = 'bundled';

/** What the session needs of the analysis worker (AnalysisClient, or a stand-in in tests). */
export interface AnalysisPort {
  request<K extends RequestType>(type: K, payload: Requests[K][0], onProgress?: (p: Progress) => void, transfer?: Transferable[]): Promise<Requests[K][1]>;
}

export interface CorpusEntry {
  key: string;
  name: string;
  documents: number;
  bundled: boolean;
}

export interface OpenedCorpus {
  /** BUNDLED_KEY, or the user corpus's storage key. */
  key: string;
  corpus: Corpus;
  /** The tool whose analysis the worker holds, when not Refrain's own (an imported corpus). */
  computedBy: ComputedBy | null;
  /** What its reading state (notes, highlights) is stored under. */
  readingId: string;
}

/** A corpus loaded into the worker. */
export interface Loaded {
  hash: string;
  cacheKey: string;
  /** The worker holds a stored analysis of exactly these documents. */
  cached: boolean;
  /** That analysis came with the corpus from another tool (passim, TextPAIR). */
  computedBy: ComputedBy | null;
}

export interface ImportHooks {
  /** The corpus's documents this tab holds (the worker gives new documents other ids; one already there is not added again). */
  existing: readonly CorpusDocument[];
  /** A batch was stored (or kept in memory): show it. */
  onDocuments(docs: CorpusDocument[]): void;
  onProgress(p: ImportProgress): void;
  onRefusal(r: Refusal): void;
  cancelled(): boolean;
}

const byId = (a: CorpusDocument, b: CorpusDocument) => compareIds(a.meta.id, b.meta.id);

/** A user corpus's reading state is keyed by its storage key, so adding a document keeps the notes. */
export const readingIdOf = (key: string): string => `user-${key}`;

export interface SessionOptions {
  /** The default corpus's stored analysis (a teacher's edition carries one), as bytes for the worker; null: compute it. */
  defaultAnalysis?: () => ArrayBuffer | null;
  /** Options for the corpora store (tests). */
  storage?: CorporaOptions;
}

export class CorpusSession {
  readonly bundled: Corpus;
  readonly analysis: AnalysisPort;
  readonly store: CorporaStore;
  readonly #defaultAnalysis: (() => ArrayBuffer | null) | undefined;

  constructor(bundled: Corpus, analysis: AnalysisPort, store: CorporaStore, options: SessionOptions = {}) {
    this.bundled = bundled;
    this.analysis = analysis;
    this.store = store;
    this.#defaultAnalysis = options.defaultAnalysis;
  }

  /** Loads the default corpus into the worker at once and opens storage. Never throws. */
  static async start(bundled: Corpus, analysis: AnalysisPort, options: SessionOptions = {}): Promise<CorpusSession> {
    loadDefault(bundled, analysis, options.defaultAnalysis);
    return new CorpusSession(bundled, analysis, await CorporaStore.open(options.storage), options);
  }

  /** The bundled corpus, then the user's own in the order they were made. */
  entries(): CorpusEntry[] {
    return [
      { key: BUNDLED_KEY, name: this.bundled.name, documents: this.bundled.documents.length, bundled: true },
      ...this.store.list().map((i) => ({ key: i.key, name: i.name, documents: i.docIds.length, bundled: false })),
    ];
  }

  /** The corpus `key` names (the bundled one if it names none), loaded into the worker. */
  async open(key: string): Promise<OpenedCorpus> {
    const info = key === BUNDLED_KEY ? undefined : this.store.info(key);
    if (!info) {
      loadDefault(this.bundled, this.analysis, this.#defaultAnalysis);
      return { key: BUNDLED_KEY, corpus: this.bundled, readingId: this.bundled.id, computedBy: null };
    }
    const docs = await this.documents(key);
    const { hash, computedBy } = await this.load(key, docs);
    return { key, corpus: { id: hash, name: info.name, documents: docs }, readingId: readingIdOf(key), computedBy };
  }

  /** A user corpus's documents, in id order. */
  async documents(key: string): Promise<CorpusDocument[]> {
    return (await this.store.documents(key)).map((d) => d.doc).sort(byId);
  }

  /**
   * Loads a user corpus into the worker with its last analysis when that
   * still fits, else any stored analysis of the same content (see the top).
   */
  async load(key: string, docs: CorpusDocument[]): Promise<Loaded> {
    // An analysis imported with the corpus comes first; the worker uses it while the documents are as imported.
    const imported = docs.length ? await this.store.importedAnalysis(key) : null;
    if (imported) {
      const opened = await this.analysis.request('open', { corpusId: key, docs: toAnalysisDocs(docs), cached: imported }, undefined, [imported.bytes]);
      if (opened.primed) return { hash: opened.hash, cacheKey: opened.cacheKey, cached: true, computedBy: imported.computedBy };
    }
    const last = docs.length ? await this.store.lastAnalysis(key) : null;
    const opened = await this.analysis.request('open', { corpusId: key, docs: toAnalysisDocs(docs), cached: last }, undefined, last ? [last.bytes] : []);
    let cached = opened.primed;
    if (cached) this.store.markAnalysisUsed(opened.cacheKey);
    else if (docs.length) {
      // The cached bytes go straight to the worker: the page never parses the result.
      const bytes = await this.store.getAnalysis(opened.cacheKey);
      if (bytes) {
        await this.analysis.request('primeReuse', { bytes }, undefined, [bytes]);
        cached = true;
      }
    }
    return { hash: opened.hash, cacheKey: opened.cacheKey, cached, computedBy: null };
  }

  /** Stores the worker's result as corpus `key`'s last analysis, unless it came from the cache. */
  async keepAnalysis(key: string, loaded: Loaded): Promise<void> {
    if (loaded.cached) return;
    const bytes = await this.analysis.request('reuseBytes', undefined);
    if (bytes) await this.store.putAnalysis(loaded.cacheKey, bytes, key);
  }

  /**
   * A new corpus of documents with the analysis another tool computed
   * (passim, TextPAIR), stored in one step; its storage key.
   */
  async createImported(name: string, docs: CorpusDocument[], analysis: ImportedAnalysis): Promise<string> {
    const stored = docs.map((doc) => ({ doc, bytes: utf8Length(doc.text) }));
    const { info } = await this.store.createImported(name, stored, analysis);
    return info.key;
  }

  /** Imports files into user corpus `key`: cleaned in the worker, stored batch by batch. */
  async importInto(key: string, files: readonly PickedFile[], hooks: ImportHooks): Promise<ImportSummary> {
    const info = this.store.info(key);
    if (!info) throw new Error(`corpus-session: no corpus ${JSON.stringify(key)}`);
    const ids = new Set<string>();
    const summary = await runImport({
      files,
      existing: { ids: hooks.existing.map((d) => d.meta.id), documents: info.docIds.length, bytes: info.bytes, docs: hooks.existing },
      clean: (items, taken, onFile) => this.analysis.request('importFiles', { items, taken }, (p) => onFile(p.stage.replace(/^Cleaning /, ''))),
      readTable: (bytes, path) => this.analysis.request('readTable', { bytes, path }),
      accept: async (docs: ImportedDoc[]) => {
        let already = new Set<string>();
        await this.store.putDocuments(key, docs, (found) => (already = new Set(found)));
        const added = docs.filter((d) => !already.has(d.doc.meta.id));
        for (const d of added) ids.add(d.doc.meta.id);
        hooks.onDocuments(added.map((d) => d.doc));
        return docs.filter((d) => already.has(d.doc.meta.id)).map((d) => ({ file: d.doc.meta.source, of: d.doc.meta.id }));
      },
      onProgress: hooks.onProgress,
      onRefusal: hooks.onRefusal,
      cancelled: hooks.cancelled,
    });
    return { ...summary, unsaved: this.store.unsaved(key).filter((id) => ids.has(id)).length };
  }
}


/** Loads the default corpus (and its stored analysis, when it has one) into the worker; a failure shows in the views that ask it. */
function loadDefault(bundled: Corpus, analysis: AnalysisPort, stored: (() => ArrayBuffer | null) | undefined): void {
  void analysis.request('load', { corpusId: bundled.id, docs: toAnalysisDocs(bundled.documents) }).catch(() => undefined);
  const bytes = stored?.();
  if (bytes) void analysis.request('primeReuse', { bytes }, undefined, [bytes]).catch(() => undefined);
}
