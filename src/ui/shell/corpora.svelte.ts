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
import { exportCorpus, parseCorpusFile, rereadFile, type FileRead, type ImportProgress, type ImportSummary, type PickedFile, type Refusal } from '../../importer/index.ts';
import { interruptedMessage, markImportEnded, markImportRunning, takeInterruptedImport, type RunningImport } from '../import/interrupted.ts';
import { cleanName, type CorporaStatus, type SaveOutcome } from '../../state/corpora.ts';
import { BUNDLED_KEY, CorpusSession, type CorpusEntry } from '../../state/corpus-session.ts';
import { OK_STATUS } from '../../state/lifecycle.ts';
import { ReadingState } from '../../state/reading-state.svelte.ts';
import type { AnalysisClient } from '../../worker/client.ts';
import type { ResultsBuilt } from '../../worker/results.ts';
import type { ComputedBy } from '../../interop/convert.ts';
import { ReuseState } from './reuse.svelte.ts';

export { BUNDLED_KEY, type CorpusEntry };

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
  /** Imported documents storage refused (a full disk), held in this tab and retried. */
  unsaved = $state(0);
  job = $state<ImportJob | null>(null);
  /** Where the current corpus's analysis came from when another tool computed it (passim, TextPAIR); null: Refrain. */
  computedBy = $state.raw<ComputedBy | null>(null);
  /** Something to tell the reader, with an undo when there is one. */
  notice = $state<{ text: string; undo?: () => void } | null>(null);
  readonly bundled: Corpus;
  readonly analysis: AnalysisClient;
  #session: CorpusSession | null = null;
  #switching: Promise<void> = Promise.resolve();
  readonly #options: CorporaOptions;

  /** `bundled`: the corpus built into the app, or the one a teacher's edition carries. */
  constructor(bundled: Corpus, analysis: AnalysisClient, options: CorporaOptions = {}) {
    this.bundled = bundled;
    this.analysis = analysis;
    this.corpus = bundled;
    this.#options = options;
  }

  /** Loads the bundled corpus, opens storage, and returns to the corpus open last time. Never throws. */
  async start(): Promise<void> {
    const [session, reading] = await Promise.all([
      CorpusSession.start(this.bundled, this.analysis, { defaultAnalysis: this.#options.defaultAnalysis }),
      ReadingState.open({ corpusId: this.bundled.id }),
    ]);
    this.#session = session;
    this.reading = reading;
    this.reuse = new ReuseState(this.analysis);
    this.status = session.store.status;
    session.store.onStatus((s) => {
      this.status = s;
      this.unsaved = session.store.unsaved().length;
    });
    this.#refreshList();
    const cut = takeInterruptedImport();
    if (cut) await this.#interrupted(cut);
    if (session.store.current && this.#options.restoreLast !== false) await this.select(session.store.current);
  }

  /** Says that this tab's last import was cut short by a reload; a corpus made for it that got nothing goes. */
  async #interrupted(cut: RunningImport): Promise<void> {
    const store = this.#session!.store;
    const info = store.info(cut.key);
    const now = info && !info.deleted ? info.docIds.length : null;
    if (info && now === 0 && cut.before === 0) {
      await store.remove(cut.key);
      this.#refreshList();
    }
    this.notice = { text: interruptedMessage(cut, now === 0 && cut.before === 0 ? null : now) };
  }

  /** Writes the documents storage refused again (the banner's Try again). */
  async retrySave(): Promise<void> {
    await this.#session?.store.retryUnsaved();
    this.#refreshList();
  }

  get isBundled(): boolean {
    return this.key === BUNDLED_KEY;
  }

  #refreshList(): void {
    this.list = this.#session?.entries() ?? [];
  }

  /** Switches the app to another corpus. */
  select(key: string): Promise<void> {
    this.#switching = this.#switching.then(() => this.#select(key)).catch((e: unknown) => {
      this.notice = { text: `Could not open that corpus: ${e instanceof Error ? e.message : String(e)}` };
    });
    return this.#switching;
  }

  async #select(key: string): Promise<void> {
    const session = this.#session;
    if (!session) return;
    const opened = await session.open(key);
    const reading = await ReadingState.open({ corpusId: opened.readingId });
    const old = this.reading;
    this.reading = reading;
    this.reuse = new ReuseState(this.analysis);
    this.corpus = opened.corpus;
    this.computedBy = opened.computedBy;
    this.key = opened.key;
    this.epoch++;
    void old?.close();
    void session.store.setCurrent(opened.key === BUNDLED_KEY ? null : opened.key);
  }

  /** Imports into the current corpus, or into a new one when the bundled corpus is shown or `newCorpus` is set. */
  async importFiles(files: PickedFile[], opts: { newCorpus?: boolean; name?: string } = {}): Promise<ImportSummary | null> {
    const session = this.#session;
    if (!session || this.job?.phase === 'import' || this.job?.phase === 'analysis') return null;
    const previous = this.key;
    const created = this.isBundled || opts.newCorpus;
    if (created) {
      const { info } = await session.store.create(opts.name ?? `My texts, ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}`);
      this.#refreshList();
      await this.select(info.key);
    }
    const key = this.key;
    const job: ImportJob = $state({ progress: { stage: 'reading', done: 0, total: files.length, file: null }, phase: 'import', analysis: 0, refused: [], summary: null, cancelRequested: false });
    this.job = job;
    markImportRunning({ key, name: this.corpus.name, files: files.length, before: this.corpus.documents.length });
    let summary: ImportSummary;
    try {
      summary = await session.importInto(key, files, {
        existing: this.corpus.documents,
        onDocuments: (docs) => {
          if (this.key !== key) return;
          this.corpus = { ...this.corpus, documents: [...this.corpus.documents, ...docs].sort(byId) };
          this.#refreshList();
        },
        onProgress: (p) => (job.progress = p),
        onRefusal: (r) => job.refused.push(r),
        cancelled: () => job.cancelRequested,
      });
    } finally {
      markImportEnded();
    }
    job.summary = summary;
    if (created && this.key === key && this.corpus.documents.length === 0) {
      // Every file was refused (or the import was cancelled before any arrived): the corpus made for
      // them would stay as "(0 documents)". It goes; the summary still says why each file was refused.
      await session.store.remove(key);
      this.#refreshList();
      await this.select(previous);
    }
    if (this.key === key && summary.imported > 0) await this.#analyse(job);
    job.phase = 'finished';
    return summary;
  }

  /** The import's analysis phase: the whole corpus to the worker, recurring passages found with progress, and cached. */
  async #analyse(job: ImportJob): Promise<void> {
    job.phase = 'analysis';
    await this.#reanalyse((f) => (job.analysis = f));
  }

  /** Loads the whole corpus into the worker, finds recurring passages, and caches them. */
  async #reanalyse(onProgress: (fraction: number) => void): Promise<void> {
    const session = this.#session!;
    const key = this.key;
    try {
      const loaded = await session.load(key, this.corpus.documents);
      if (this.key !== key) return;
      this.corpus = { ...this.corpus, id: loaded.hash };
      this.computedBy = loaded.computedBy;
      // The worker now holds the whole corpus: views asked before it was complete must ask again.
      this.reuse.reset();
      await this.reuse.ensure(onProgress);
      onProgress(1);
      if (this.reuse.status === 'error') throw new Error(this.reuse.error ?? 'the analysis failed');
      if (this.key === key) await session.keepAnalysis(key, loaded);
    } catch (e) {
      this.notice = { text: `Finding recurring passages failed (${e instanceof Error ? e.message : String(e)}); every imported document is kept.` };
    }
  }

  /**
   * Reads one file of the last import again as another encoding: its
   * document is replaced (same id, so notes stay on it) and the corpus is
   * analysed again. Resolves to a message when it could not.
   */
  async rereadFile(entry: FileRead, encoding: string): Promise<string | null> {
    const session = this.#session;
    if (!session || this.isBundled || this.job?.phase !== 'finished') return 'Wait for the import to finish.';
    const key = this.key;
    const outcome = await rereadFile(entry, encoding, this.corpus.documents.map((d) => d.meta.id), (items, taken) => this.analysis.request('importFiles', { items, taken }));
    if (!outcome.ok) return `${outcome.file} ${outcome.reason}`;
    await session.store.putDocuments(key, [{ doc: outcome.doc, bytes: outcome.bytes }]);
    if (this.key !== key) return null;
    this.corpus = { ...this.corpus, documents: this.corpus.documents.map((d) => (d.meta.id === entry.id ? outcome.doc : d)) };
    if (outcome.readAs) entry.readAs = outcome.readAs;
    await this.#reanalyse(() => {});
    return null;
  }

  /** Stores passim's or TextPAIR's results (read by the worker) as a new corpus with their analysis, and opens it. */
  async addImported(name: string, built: ResultsBuilt, onStage: (stage: 'storing' | 'opening') => void = () => {}): Promise<void> {
    const session = this.#session;
    if (!session) throw new Error('storage is not open yet');
    onStage('storing');
    const key = await session.createImported(name, built.documents, { key: built.cacheKey, bytes: built.analysis, computedBy: built.computedBy });
    this.#refreshList();
    onStage('opening');
    await this.select(key);
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
    if (this.isBundled || !this.#session) return;
    await this.#session.store.rename(this.key, name);
    this.corpus = { ...this.corpus, name: cleanName(name) };
    this.#refreshList();
  }

  /** Deletes the current user corpus (after the component's confirmation), offering undo. */
  async remove(): Promise<void> {
    const store = this.#session?.store;
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
  /** Stores a document's edited details; says whether they reached storage or stay in this tab. */
  async updateDocument(doc: CorpusDocument): Promise<SaveOutcome> {
    const store = this.#session?.store;
    if (this.isBundled || !store) return 'failed';
    const held = await store.documents(this.key);
    const bytes = held.find((d) => d.doc.meta.id === doc.meta.id)?.bytes ?? 0;
    const outcome = await store.putDocuments(this.key, [{ doc, bytes }]);
    // Outlets and dates group the analyses: re-open the corpus so every view and the worker see the change.
    await this.select(this.key);
    const name = `“${doc.meta.title ?? doc.meta.source}”`;
    this.notice = {
      text: outcome === 'saved' ? `Saved the details of ${name}.` : `The details of ${name} are not saved in this browser: kept in this tab only (export the corpus to keep them).`,
    };
    return outcome;
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
