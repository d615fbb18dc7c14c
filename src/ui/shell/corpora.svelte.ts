/**
 * Which corpora exist (the bundled one and the user's own) and which one the
 * app shows. Switching loads the documents into the worker, opens that
 * corpus's reading state and bumps `epoch`, which re-creates the app (see
 * CorpusRoot.svelte) so every view starts afresh on the new corpus. Imports
 * stream into the current corpus: `corpus` changes batch by batch without
 * re-creating the app. Storage: src/state/corpora.ts; import: src/importer.
 */
import { getContext, setContext } from 'svelte';
import type { Corpus, CorpusDocument } from '../../corpus/types.ts';
import { compareIds } from '../../corpus/outlet-year.ts';
import { exportCorpus, parseCorpusFile, runImport, type ImportProgress, type ImportSummary, type PickedFile, type Refusal } from '../../importer/index.ts';
import { CorporaStore, analysisCacheKey, cleanName, type CorporaStatus, type StoredDoc } from '../../state/corpora.ts';
import { OK_STATUS } from '../../state/lifecycle.ts';
import { ReadingState } from '../../state/reading-state.svelte.ts';
import type { AnalysisClient } from '../../worker/client.ts';
import { toAnalysisDocs } from '../../worker/protocol.ts';
import { ReuseState } from './reuse.svelte.ts';

export const BUNDLED_KEY = 'bundled';

export interface CorpusEntry {
  key: string;
  name: string;
  documents: number;
  bundled: boolean;
}

export interface ImportJob {
  progress: ImportProgress;
  /** 'import' while files are read and cleaned, then 'analysis' while passages are found. */
  phase: 'import' | 'analysis' | 'finished';
  /** 0..1 within the analysis phase. */
  analysis: number;
  refused: Refusal[];
  summary: ImportSummary | null;
  cancelRequested: boolean;
}

export interface CorporaOptions {
  /** The default corpus's stored analysis (a teacher's edition carries one), as bytes for the worker; null: compute it. */
  defaultAnalysis?: () => ArrayBuffer | null;
  /** Return to the corpus open last time (default). An edition opens on its own corpus instead. */
  restoreLast?: boolean;
}

const byId = (a: CorpusDocument, b: CorpusDocument) => compareIds(a.meta.id, b.meta.id);

export class Corpora {
  list = $state.raw<CorpusEntry[]>([]);
  key = $state(BUNDLED_KEY);
  corpus = $state.raw<Corpus>(null as unknown as Corpus);
  reuse = $state.raw<ReuseState>(null as unknown as ReuseState);
  reading = $state.raw<ReadingState>(null as unknown as ReadingState);
  /** Bumped on every switch: the app is re-created for the new corpus. */
  epoch = $state(0);
  status = $state<CorporaStatus>({ ...OK_STATUS });
  job = $state<ImportJob | null>(null);
  /** Something to tell the reader, with an undo when there is one. */
  notice = $state<{ text: string; undo?: () => void } | null>(null);
  readonly bundled: Corpus;
  readonly analysis: AnalysisClient;
  #store: CorporaStore | null = null;
  #switching: Promise<void> = Promise.resolve();
  readonly #options: CorporaOptions;

  /** `bundled`: the corpus built into the app, or the one a teacher's edition carries. */
  constructor(bundled: Corpus, analysis: AnalysisClient, options: CorporaOptions = {}) {
    this.bundled = bundled;
    this.analysis = analysis;
    this.corpus = bundled;
    this.#options = options;
  }

  /** Loads the default corpus (and its stored analysis, when it has one) into the worker. */
  #loadBundled(): void {
    void this.analysis.request('load', { corpusId: this.bundled.id, docs: toAnalysisDocs(this.bundled.documents) });
    const bytes = this.#options.defaultAnalysis?.();
    if (bytes) void this.analysis.request('primeReuse', { bytes }, undefined, [bytes]);
  }

  /** Loads the bundled corpus, opens storage, and returns to the corpus open last time. Never throws. */
  async start(): Promise<void> {
    this.#loadBundled();
    const [store, reading] = await Promise.all([CorporaStore.open(), ReadingState.open({ corpusId: this.bundled.id })]);
    this.#store = store;
    this.reading = reading;
    this.reuse = new ReuseState(this.analysis);
    this.status = store.status;
    store.onStatus((s) => (this.status = s));
    this.#refreshList();
    if (store.current && this.#options.restoreLast !== false) await this.select(store.current);
  }

  get isBundled(): boolean {
    return this.key === BUNDLED_KEY;
  }

  #refreshList(): void {
    const own = this.#store?.list() ?? [];
    this.list = [
      { key: BUNDLED_KEY, name: this.bundled.name, documents: this.bundled.documents.length, bundled: true },
      ...own.map((i) => ({ key: i.key, name: i.name, documents: i.docIds.length, bundled: false })),
    ];
  }

  /** Switches the app to another corpus. */
  select(key: string): Promise<void> {
    this.#switching = this.#switching.then(() => this.#select(key)).catch((e: unknown) => {
      this.notice = { text: `Could not open that corpus: ${e instanceof Error ? e.message : String(e)}` };
    });
    return this.#switching;
  }

  async #select(key: string): Promise<void> {
    const store = this.#store;
    let corpus: Corpus;
    if (key === BUNDLED_KEY || !store?.info(key)) {
      key = BUNDLED_KEY;
      corpus = this.bundled;
      this.#loadBundled();
    } else {
      const docs = (await store.documents(key)).map((d) => d.doc).sort(byId);
      const { hash } = await this.analysis.request('loadHashed', { corpusId: key, docs: toAnalysisDocs(docs) });
      corpus = { id: hash, name: store.info(key)!.name, documents: docs };
    }
    const reuse = new ReuseState(this.analysis);
    if (key !== BUNDLED_KEY && corpus.documents.length) {
      // The cached bytes go straight to the worker: the page never parses the result.
      const cached = await store!.getAnalysis(analysisCacheKey(corpus.id, corpus.documents));
      if (cached) await this.analysis.request('primeReuse', { bytes: cached }, undefined, [cached]);
    }
    // Reading state of a user's corpus is keyed by its storage key: adding a document keeps the notes.
    const reading = await ReadingState.open({ corpusId: key === BUNDLED_KEY ? corpus.id : `user-${key}` });
    const old = this.reading;
    this.reading = reading;
    this.reuse = reuse;
    this.corpus = corpus;
    this.key = key;
    this.epoch++;
    void old?.close();
    void store?.setCurrent(key === BUNDLED_KEY ? null : key);
  }

  /** Imports into the current corpus, or into a new one when the bundled corpus is shown or `newCorpus` is set. */
  async importFiles(files: PickedFile[], opts: { newCorpus?: boolean; name?: string } = {}): Promise<ImportSummary | null> {
    const store = this.#store;
    if (!store || this.job?.phase === 'import' || this.job?.phase === 'analysis') return null;
    if (this.isBundled || opts.newCorpus) {
      const { info } = await store.create(opts.name ?? `My texts, ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}`);
      this.#refreshList();
      await this.select(info.key);
    }
    const key = this.key;
    const info = store.info(key)!;
    const job: ImportJob = $state({ progress: { stage: 'reading', done: 0, total: files.length, file: null }, phase: 'import', analysis: 0, refused: [], summary: null, cancelRequested: false });
    this.job = job;
    const summary = await runImport({
      files,
      existing: { ids: this.corpus.documents.map((d) => d.meta.id), documents: info.docIds.length, bytes: info.bytes },
      clean: (items, taken, onFile) => this.analysis.request('importFiles', { items, taken }, (p) => onFile(p.stage.replace(/^Cleaning /, ''))),
      accept: async (docs) => {
        await store.putDocuments(key, docs);
        if (this.key !== key) return;
        this.corpus = { ...this.corpus, documents: [...this.corpus.documents, ...docs.map((d) => d.doc)].sort(byId) };
        this.#refreshList();
      },
      onProgress: (p) => (job.progress = p),
      onRefusal: (r) => job.refused.push(r),
      cancelled: () => job.cancelRequested,
    });
    job.summary = summary;
    if (this.key === key && summary.imported > 0) await this.#analyse(job);
    job.phase = 'finished';
    return summary;
  }

  /** Loads the whole corpus into the worker, finds recurring passages with progress, and caches them. */
  async #analyse(job: ImportJob): Promise<void> {
    job.phase = 'analysis';
    const key = this.key;
    const docs = this.corpus.documents;
    try {
      const { hash } = await this.analysis.request('loadHashed', { corpusId: key, docs: toAnalysisDocs(docs) });
      if (this.key !== key) return;
      this.corpus = { ...this.corpus, id: hash };
      const cacheKey = analysisCacheKey(hash, docs);
      const cached = await this.#store?.getAnalysis(cacheKey);
      if (cached) await this.analysis.request('primeReuse', { bytes: cached }, undefined, [cached]);
      // The worker now holds the whole corpus: views asked before it was complete must ask again.
      this.reuse.reset();
      await this.reuse.ensure((f) => (job.analysis = f));
      job.analysis = 1;
      if (this.reuse.status === 'error') throw new Error(this.reuse.error ?? 'the analysis failed');
      if (this.key !== key || cached) return;
      const bytes = await this.analysis.request('reuseBytes', undefined);
      if (bytes) void this.#store?.putAnalysis(cacheKey, bytes);
    } catch (e) {
      this.notice = { text: `Finding recurring passages failed (${e instanceof Error ? e.message : String(e)}); every imported document is kept.` };
    }
  }

  cancelImport(): void {
    if (this.job) this.job.cancelRequested = true;
  }

  /** Imports a shared corpus file as a new corpus. */
  async importCorpusFile(text: string, fileName: string): Promise<string | null> {
    const parsed = parseCorpusFile(text, fileName);
    if (!parsed.ok) return parsed.error;
    const files: PickedFile[] = parsed.items.map((item) => ({ path: item.path, name: item.path, size: item.original.length, load: async () => item }));
    // Prepared entries carry their own names: their file extension does not matter.
    for (const f of files) if (!/\.(txt|md|markdown|html?)$/i.test(f.name)) f.name = `${f.name}.txt`;
    await this.importFiles(files, { newCorpus: true, name: parsed.name });
    return null;
  }

  exportCurrent(): { name: string; json: string } {
    return { name: this.corpus.name, json: exportCorpus(this.corpus.name, this.corpus.documents) };
  }

  async rename(name: string): Promise<void> {
    if (this.isBundled || !this.#store) return;
    await this.#store.rename(this.key, name);
    this.corpus = { ...this.corpus, name: cleanName(name) };
    this.#refreshList();
  }

  /** Deletes the current user corpus (after the component's confirmation), offering undo. */
  async remove(): Promise<void> {
    const store = this.#store;
    if (this.isBundled || !store) return;
    const key = this.key;
    const name = this.corpus.name;
    await store.remove(key);
    this.#refreshList();
    await this.select(BUNDLED_KEY);
    this.notice = {
      text: `Deleted “${name}”.`,
      undo: () => {
        this.notice = null;
        void store.restore(key).then(() => {
          this.#refreshList();
          return this.select(key);
        });
      },
    };
  }

  /** Saves edited metadata of one document of the current user corpus. */
  async updateDocument(doc: CorpusDocument): Promise<void> {
    const store = this.#store;
    if (this.isBundled || !store) return;
    const held = await store.documents(this.key);
    const bytes = held.find((d: StoredDoc) => d.doc.meta.id === doc.meta.id)?.bytes ?? 0;
    await store.putDocuments(this.key, [{ doc, bytes }]);
    // Outlets and dates group the analyses: re-open the corpus so every view and the worker see the change.
    await this.select(this.key);
  }

  dismissNotice(): void {
    this.notice = null;
  }
}

const KEY = Symbol('refrain-corpora');

export function setCorporaContext(corpora: Corpora): Corpora {
  return setContext(KEY, corpora);
}

export function getCorporaContext(): Corpora {
  const c = getContext<Corpora | undefined>(KEY);
  if (!c) throw new Error('Refrain: getCorporaContext() called outside <CorpusRoot>.');
  return c;
}
