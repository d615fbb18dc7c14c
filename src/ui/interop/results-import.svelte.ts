/**
 * Importing passim's or TextPAIR's results, as the page sees it: the files
 * go to the worker, which reads them as streams (progress, Cancel); when
 * the corpus is larger than the browser holds, the reader chooses a part
 * (the worker says at once what it keeps and leaves out); then the worker
 * builds the documents and the analysis, and the page stores them as a new
 * corpus in one step and opens it.
 */
import type { Selection } from '../../interop/selection.ts';
import type { AnalysisClient } from '../../worker/client.ts';
import type { PickedResultFile, ResultsPreview, ResultsScanned } from '../../worker/results.ts';
import type { Corpora } from '../shell/corpora.svelte.ts';

export interface SelectionDraft {
  series: string[];
  from: string;
  to: string;
  /** Document ids, separated by commas or spaces. */
  touching: string;
  minSize: string;
}

export const EMPTY_SELECTION: SelectionDraft = { series: [], from: '', to: '', touching: '', minSize: '' };

/** The selection a draft asks for; null when it asks for nothing (everything is kept). */
export function selectionOf(d: SelectionDraft): Selection | null {
  const s: Selection = {};
  // A plain copy: the draft is reactive state (a proxy), which cannot be posted to the worker.
  if (d.series.length) s.series = [...d.series];
  if (d.from.trim()) s.from = d.from.trim();
  if (d.to.trim()) s.to = d.to.trim();
  const ids = d.touching.split(/[\s,]+/).filter(Boolean);
  if (ids.length) s.touching = ids;
  if (d.minSize.trim()) s.minSize = Number(d.minSize);
  return Object.keys(s).length ? s : null;
}

export type Phase = 'idle' | 'reading' | 'read' | 'building';

/** The part of the progress bar the worker's build fills. */
const BUILD_SHARE = 0.7;

export class ResultsImportState {
  phase = $state<Phase>('idle');
  progress = $state({ stage: '', fraction: 0 });
  scanned = $state.raw<ResultsScanned | null>(null);
  preview = $state.raw<ResultsPreview | null>(null);
  draft = $state<SelectionDraft>({ ...EMPTY_SELECTION, series: [] });
  parameters = $state('');
  name = $state('');
  error = $state<string | null>(null);
  /** What the last finished import said. */
  outcome = $state<string | null>(null);
  cancelling = $state(false);
  /** The build is done and the corpus is being stored: past the point where Cancel can undo anything. */
  storing = $state(false);
  readonly #analysis: AnalysisClient;
  readonly #corpora: Corpora;
  #previewRun = 0;

  constructor(analysis: AnalysisClient, corpora: Corpora) {
    this.#analysis = analysis;
    this.#corpora = corpora;
  }

  get busy(): boolean {
    return this.phase === 'reading' || this.phase === 'building';
  }

  async read(files: PickedResultFile[]): Promise<void> {
    if (this.busy || files.length === 0) return;
    this.#reset();
    this.phase = 'reading';
    try {
      this.scanned = await this.#analysis.request('resultsScan', { files }, (p) => (this.progress = p));
      this.name = `${this.#toolName()} results, ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}`;
      this.phase = 'read';
      await this.updatePreview();
    } catch (e) {
      this.#fail(e);
    }
  }

  /** Asks the worker what the current selection keeps (the latest answer wins). */
  async updatePreview(): Promise<void> {
    if (this.phase !== 'read') return;
    const run = ++this.#previewRun;
    try {
      const preview = await this.#analysis.request('resultsPreview', { selection: selectionOf(this.draft) ?? {} });
      if (run === this.#previewRun) {
        this.preview = preview;
        this.error = null;
      }
    } catch (e) {
      if (run === this.#previewRun) this.error = e instanceof Error ? e.message : String(e);
    }
  }

  get canImport(): boolean {
    return this.phase === 'read' && !!this.preview && !this.preview.tooLarge && this.preview.documents > 0 && !this.error;
  }

  async importNow(): Promise<void> {
    if (!this.canImport) return;
    this.phase = 'building';
    this.progress = { stage: 'Checking offsets and aligning passages', fraction: 0 };
    try {
      // The worker's build is most of the bar; storing and opening the corpus (a large analysis is read again) the rest.
      const built = await this.#analysis.request('resultsBuild', { selection: selectionOf(this.draft), parameters: this.parameters.trim() || null }, (p) => (this.progress = { stage: p.stage, fraction: p.fraction * BUILD_SHARE }));
      await this.#corpora.addImported(this.name, built, (stage) => {
        this.storing = true;
        this.progress = stage === 'storing' ? { stage: 'Storing the corpus and its analysis', fraction: BUILD_SHARE } : { stage: 'Opening the corpus', fraction: (1 + BUILD_SHARE) / 2 };
      });
      const { report, left } = built;
      const parts = [
        `Imported ${built.documents.length.toLocaleString('en')} documents with the analysis ${built.computedBy.tool === 'passim' ? 'passim' : 'TextPAIR'} computed.`,
        left && (left.documents || left.clusters || left.pairs)
          ? `Left out: ${left.documents.toLocaleString('en')} documents, ${left.clusters.toLocaleString('en')} clusters${left.clustersCut ? ` (and ${left.clustersCut.toLocaleString('en')} kept clusters lost members outside the selection)` : ''}, ${left.pairs.toLocaleString('en')} pairs.`
          : '',
        report.problemCount ? `${report.problemCount.toLocaleString('en')} records did not match their texts and were skipped.` : '',
      ];
      this.outcome = parts.filter(Boolean).join(' ');
      // The library is re-created on the new corpus: the notice carries the outcome there.
      this.#corpora.notice = { text: this.outcome };
      this.#reset();
      this.parameters = '';
      void this.#analysis.request('resultsClear', undefined);
    } catch (e) {
      this.#fail(e);
      // The scan is still there: the reader can change the selection and try again.
      if (this.scanned) this.phase = 'read';
    }
  }

  cancel(): void {
    if (!this.busy || this.storing) return;
    this.cancelling = true;
    void this.#analysis.request('resultsCancel', undefined);
  }

  close(): void {
    if (this.busy) return;
    this.#reset();
    void this.#analysis.request('resultsClear', undefined);
  }

  #reset(): void {
    this.phase = 'idle';
    this.scanned = null;
    this.preview = null;
    this.error = null;
    this.cancelling = false;
    this.storing = false;
    this.draft = { ...EMPTY_SELECTION, series: [] };
  }

  #fail(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.error = /cancelled/.test(message) ? 'Cancelled: nothing was imported.' : message;
    this.phase = 'idle';
    this.cancelling = false;
    this.storing = false;
  }

  #toolName(): string {
    const kinds = this.scanned?.files.map((f) => f.kind) ?? [];
    return kinds.includes('textpair') ? 'TextPAIR' : 'passim';
  }
}

const states = new WeakMap<Corpora, ResultsImportState>();

/** The one import state of the app: it outlives the views (the library is re-created when a corpus opens). */
export function resultsImportFor(corpora: Corpora): ResultsImportState {
  let state = states.get(corpora);
  if (!state) states.set(corpora, (state = new ResultsImportState(corpora.analysis, corpora)));
  return state;
}
