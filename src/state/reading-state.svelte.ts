/**
 * Reactive face of the reading-state store for components: `$state` fields
 * for the banner (status) and a `version` counter bumped on every change, so
 * reads such as `listHighlights` re-run in `$derived`/templates that touch
 * `version`. All logic lives in store.ts; this class only forwards.
 */

import type { Anchor } from './anchor.ts';
import type { NoteTarget } from './records.ts';
import { ReadingStore, type HighlightStyle, type SaveComparisonInput, type StoreOptions, type StoreStatus } from './store.ts';
import { notesAsMarkdown, type MarkdownContext } from './notes-markdown.ts';
import type { DocText } from './identity.ts';
import { exportState, importState, type ImportResult } from './transfer.ts';

export const CONFLICT_NOTICE =
  'A note was changed in another tab while it was being written here. Both versions are kept: the one written here is marked “Conflict copy”, under the other.';

/**
 * Saving what was typed last: when the page goes away or out of sight, the
 * store journals what is still queued (synchronously, so a reload or a
 * closed tab cannot drop it) and starts saving it.
 */
function listenForPageHide(store: ReadingStore): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => undefined;
  const hiding = () => store.pageHiding();
  const showing = () => store.pageShowing();
  const visibility = () => (document.visibilityState === 'hidden' ? hiding() : showing());
  window.addEventListener('pagehide', hiding);
  window.addEventListener('beforeunload', hiding);
  window.addEventListener('pageshow', showing);
  document.addEventListener('visibilitychange', visibility);
  return () => {
    window.removeEventListener('pagehide', hiding);
    window.removeEventListener('beforeunload', hiding);
    window.removeEventListener('pageshow', showing);
    document.removeEventListener('visibilitychange', visibility);
  };
}

export class ReadingState {
  status: StoreStatus = $state({ persistent: true, readOnly: false, reason: null, message: null, durable: null });
  /** The last error or conflict worth telling the reader about. */
  notice: string | null = $state(null);
  /** Incremented on every local, remote or imported change. */
  version = $state(0);
  readonly #store: ReadingStore;
  readonly #unsubscribe: () => void;
  readonly #unlisten: () => void;

  private constructor(store: ReadingStore) {
    this.#store = store;
    this.status = store.status;
    this.#unsubscribe = store.subscribe((e) => {
      if (e.type === 'status') this.status = e.status;
      else if (e.type === 'change') this.version++;
      else if (e.type === 'error') this.notice = e.message;
      else if (e.type === 'conflict') this.notice = CONFLICT_NOTICE;
    });
    this.#unlisten = listenForPageHide(store);
  }

  static async open(options: StoreOptions): Promise<ReadingState> {
    return new ReadingState(await ReadingStore.open(options));
  }

  get store(): ReadingStore {
    return this.#store;
  }

  #read<T>(f: () => T): T {
    void this.version; // subscribe the caller to changes
    return f();
  }

  getDocState = (docId: string) => this.#read(() => this.#store.getDocState(docId));
  listHighlights = (docId: string) => this.#read(() => this.#store.listHighlights(docId));
  notes = (target: NoteTarget) => this.#read(() => this.#store.notes(target));
  highlightNotes = (docId: string, highlightId: string) => this.#read(() => this.#store.highlightNotes(docId, highlightId));
  familyNotes = (familyId: string) => this.#read(() => this.#store.familyNotes(familyId));
  comparisonNotes = (a: string, b: string) => this.#read(() => this.#store.comparisonNotes(a, b));
  listComparisons = () => this.#read(() => this.#store.listComparisons());
  lastView = () => this.#read(() => this.#store.lastView());

  setPosition = (docId: string, position: number) => this.#store.setPosition(docId, position);
  markRead = (docId: string, read = true) => this.#store.markRead(docId, read);
  addHighlight = (docId: string, anchor: Anchor, style: HighlightStyle) => this.#store.addHighlight(docId, anchor, style);
  updateHighlight = (docId: string, id: string, change: Partial<HighlightStyle>) => this.#store.updateHighlight(docId, id, change);
  deleteHighlight = (docId: string, id: string) => this.#store.deleteHighlight(docId, id);
  updateNote = (target: NoteTarget, text: string, noteId?: string) => this.#store.updateNote(target, text, noteId);
  editNote = (target: NoteTarget, text: string, opts: { base: string; noteId?: string }) => this.#store.editNote(target, text, opts);
  deleteNote = (target: NoteTarget, noteId?: string) => this.#store.deleteNote(target, noteId);
  saveComparison = (input: SaveComparisonInput) => this.#store.saveComparison(input);
  deleteComparison = (id: string) => this.#store.deleteComparison(id);
  setLastView = (route: string) => this.#store.setLastView(route);

  /** `documents`: the corpus's, so the file says which texts the notes were written on. */
  exportState = (documents: readonly DocText[]): string => exportState(this.#store, { documents });
  /** `documents`: the open corpus's, which the file's notes are matched to by content. */
  importState = (json: string, documents: readonly DocText[]): Promise<ImportResult> => importState(this.#store, json, documents);
  notesAsMarkdown = (context: MarkdownContext): string => notesAsMarkdown(this.#store.allRecords(), context);
  dismissNotice = (): void => {
    this.notice = null;
  };

  async close(): Promise<void> {
    this.#unsubscribe();
    this.#unlisten();
    await this.#store.close();
  }
}
