/**
 * Runs an import: plans what to read (skipping notes, pairing sidecars,
 * refusing other formats and files too large before reading them), then
 * sends batches to the cleaner (the worker) and hands each batch's documents
 * on as soon as they exist. No DOM: files come in as `PickedFile`s, and the
 * cleaner and the sink are parameters, so tests drive it with fakes.
 */
import { metaShapeProblem } from '../corpus/limits.ts';
import { isImportable, isReadableByContent, TABLE_NAME, unsupportedReason } from './file-kinds.ts';
import { READABLE_FORMATS } from '../corpus/document-kinds.ts';
import { MAX_CORPUS_FILE_BYTES, MAX_FILE_BYTES, fileSizeProblem, formatBytes, isPacked, limitProblem } from './limits.ts';
import type { TableRead } from './table-file.ts';
import type { ImportItem, ImportOutcome, ReadAs } from './read.ts';
import type { CorpusDocument } from '../corpus/types.ts';
import type { DateNote } from '../corpus/metadata.ts';
import { SeenDocuments } from '../corpus/same-document.ts';
import { plural } from '../text/plural.ts';

/** A file the user gave, whatever the way (drop, picker, paste, a corpus file's entry). */
export interface PickedFile {
  /** Path inside a dropped folder (`webkitRelativePath`), else the name. */
  path: string;
  name: string;
  /** Read only when the file's batch comes up (for a picked file it may cost a file-system call). */
  readonly size: number;
  /** The file's bytes (or, for a prepared entry, the item itself). */
  load(): Promise<ImportItem>;
  /** The first bytes, to name what an unsupported file is. */
  head?(): Promise<Uint8Array>;
}

export interface Refusal {
  file: string;
  reason: string;
}

export interface ImportedDoc {
  doc: CorpusDocument;
  bytes: number;
}

/** A file whose document the corpus already holds (corpus/same-document.ts): not added again. */
export interface Repeated {
  file: string;
  /** The id of the document it repeats. */
  of: string;
}

/** Files per message to the worker, and bytes: small enough for steady progress and a short main-thread task per batch. */
export const BATCH_FILES = 20;
export const BATCH_BYTES = 1024 * 1024;

/** Notes about a folder, not documents in it (the same rule as the build). */
const NOT_DOCUMENTS = /^(readme|sources|license|changelog)(\.[^.]+)?$/i;
const SIDECAR = /\.meta\.json$/i;
/** A file inside a hidden folder (`.git/`, `.obsidian/`) of a dropped folder. */
const HIDDEN_FOLDER = /(^|\/)\.[^/]+\//;
/** A file of the folder a browser saves beside a "complete" web page (`Title_files/`): its images, styles and scripts. */
const PAGE_ASSETS = /(^|\/)[^/]+_files\//;

export interface Plan {
  documents: PickedFile[];
  /** Sidecar by the path of the document it describes. */
  sidecars: Map<string, PickedFile>;
  /** Files whose name says no kind Refrain reads (read if their first bytes show one, else refused). */
  refused: PickedFile[];
  skipped: Refusal[];
  /** CSV and TSV files: a document per row (table-file.ts), read before the documents. */
  tables: PickedFile[];
}

const byPath = (a: PickedFile, b: PickedFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Sorts what was given into documents, sidecars, notes to skip and files to refuse. */
export function planImport(files: readonly PickedFile[]): Plan {
  const plan: Plan = { documents: [], sidecars: new Map(), refused: [], skipped: [], tables: [] };
  for (const f of files) {
    if (f.name.startsWith('.') || f.name.startsWith('_') || HIDDEN_FOLDER.test(f.path)) plan.skipped.push({ file: f.path, reason: 'skipped: hidden or note file (name starts with "." or "_")' });
    else if (SIDECAR.test(f.name)) plan.sidecars.set(f.path.replace(SIDECAR, ''), f);
    else if (PAGE_ASSETS.test(f.path)) plan.skipped.push({ file: f.path, reason: 'skipped: part of a saved web page (its images, styles and scripts)' });
    else if (NOT_DOCUMENTS.test(f.name) && f.path.includes('/')) plan.skipped.push({ file: f.path, reason: 'skipped: a note about the folder, not a document' });
    else if (isImportable(f.name)) plan.documents.push(f);
    else if (TABLE_NAME.test(f.name)) plan.tables.push(f);
    else plan.refused.push(f);
  }
  plan.documents.sort(byPath);
  return plan;
}

export interface Progress {
  stage: 'reading' | 'cleaning' | 'saving' | 'done' | 'cancelled' | 'failed';
  /** Files handled (imported or refused) of `total`. */
  done: number;
  total: number;
  /** The file being cleaned, when known. */
  file: string | null;
}

export interface RunOptions {
  files: readonly PickedFile[];
  /** The corpus the documents join; `docs`, those this tab holds, so a document imported again is not added twice. */
  existing: { ids: Iterable<string>; documents: number; bytes: number; docs?: Iterable<CorpusDocument> };
  /** Cleans a batch (the worker); `onFile` names each file as it starts. */
  clean(items: ImportItem[], taken: string[], onFile: (path: string) => void): Promise<ImportOutcome[]>;
  /** Reads a CSV or TSV file's rows (table-file.ts's `readTable`, in the worker: decoding stays out of the page). */
  readTable?(bytes: Uint8Array, path: string): Promise<TableRead>;
  /**
   * Takes a batch's documents (store them, show them); a rejection stops the
   * import. Resolves to those storage found already stored by another tab's
   * import (same id, same document): not added.
   */
  accept(docs: ImportedDoc[]): Promise<Repeated[] | void>;
  onProgress?(progress: Progress): void;
  onRefusal?(refusal: Refusal): void;
  cancelled?(): boolean;
}

/** A file that became a document, how its bytes were read, and the file itself, to read it again. */
export interface FileRead {
  file: string;
  id: string;
  readAs: ReadAs;
  source: PickedFile;
}

export interface Summary {
  imported: number;
  /** Every file imported from bytes (not a shared corpus file's entries), in order. */
  read: FileRead[];
  refused: Refusal[];
  skipped: Refusal[];
  /** Files whose document was in the corpus already (or earlier in this import): not added again. */
  repeated: Repeated[];
  /** Files not reached (cancelled, or the import stopped on a failure). */
  notImported: number;
  /** Why the import stopped early, when it did (a worker crash, storage refusal). */
  stopped: string | null;
  cancelled: boolean;
  /** Of the imported documents, those storage refused (a full disk): kept in the tab only, and retried (state/corpora.ts). */
  unsaved?: number;
  /** Of the imported documents, those whose date was left out, and those whose date was read to the year only; each one's provenance says why. */
  dates: { notRead: number; yearOnly: number };
}

/** "3 dates not read, 1 read to the year only"; null when every date was read as written. */
export function describeDates(dates: Summary['dates']): string | null {
  const parts: string[] = [];
  if (dates.notRead) parts.push(`${plural(dates.notRead, 'date')} not read`);
  if (dates.yearOnly) parts.push(`${dates.notRead ? dates.yearOnly.toLocaleString('en') : plural(dates.yearOnly, 'date')} read to the year only`);
  return parts.length ? parts.join(', ') : null;
}

/** What a run keeps as it goes: ids taken, the corpus's size so far, the files read, and counts. */
interface RunState {
  taken: Set<string>;
  tally: { documents: number; bytes: number };
  read: FileRead[];
  /** The corpus's documents and this run's, and the files that repeated one. */
  seen: SeenDocuments;
  repeated: Repeated[];
  /** Files handled (imported or refused). */
  done: number;
  imported: number;
  dates: Summary['dates'];
  refuse(r: Refusal): void;
}

type Batch = { file: PickedFile; item: ImportItem }[];

export async function runImport(opts: RunOptions): Promise<Summary> {
  const plan = planImport(opts.files);
  const refused: Refusal[] = [];
  const run: RunState = {
    taken: new Set(opts.existing.ids),
    tally: { documents: opts.existing.documents, bytes: opts.existing.bytes },
    read: [],
    seen: new SeenDocuments(opts.existing.docs),
    repeated: [],
    done: 0,
    imported: 0,
    dates: { notRead: 0, yearOnly: 0 },
    refuse: (r) => {
      refused.push(r);
      opts.onRefusal?.(r);
    },
  };
  await sortByContent(plan, run);
  await expandTables(plan, run, opts.readTable);
  const total = plan.documents.length;
  let current: string | null = null;
  const progress = (stage: Progress['stage']) => opts.onProgress?.({ stage, done: run.done, total, file: current });
  const summary = (stopped: string | null, cancelled: boolean): Summary => ({ imported: run.imported, read: run.read, refused, skipped: plan.skipped, repeated: run.repeated, notImported: total - run.done, stopped, cancelled, dates: run.dates });

  if (total === 0 && plan.refused.length === 0 && plan.skipped.length === 0 && plan.tables.length === 0 && opts.files.length > 0) {
    run.refuse({ file: opts.files[0]!.path, reason: `holds no ${READABLE_FORMATS} documents` });
  }

  let index = 0;
  progress('reading');
  while (index < total) {
    if (opts.cancelled?.()) {
      progress('cancelled');
      return summary(null, true);
    }
    const { batch, next } = await gatherBatch(plan, index, run);
    index = next;
    if (batch.length === 0) continue;
    current = batch[0]!.file.path;
    progress('cleaning');
    let outcomes: ImportOutcome[];
    try {
      outcomes = await opts.clean(batch.map((b) => b.item), [...run.taken], (path) => {
        current = path;
        progress('cleaning');
      });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const at = current ?? batch[0]!.file.path;
      run.refuse({ file: at, reason: `stopped the import: ${why}` });
      run.done += batch.length;
      progress('failed');
      return summary(`The import stopped while cleaning ${at} (${why}). Everything imported before it is kept.`, false);
    }
    const { accepted, lost } = acceptOutcomes(outcomes, batch, run);
    if (accepted.length) {
      progress('saving');
      let stored: Repeated[] | void;
      try {
        stored = await opts.accept(accepted);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        progress('failed');
        return summary(`The import stopped: ${why}. Everything imported before it is kept.`, false);
      }
      run.imported += accepted.length - (stored?.length ?? 0);
      const storedIds = new Set<string>();
      for (const r of stored ?? []) {
        run.repeated.push(r);
        storedIds.add(r.of);
        run.read = run.read.filter((f) => f.id !== r.of);
      }
      // Only the documents added: one another import stored first is counted there, not here.
      accepted.forEach((d, i) => {
        if (storedIds.has(d.doc.meta.id)) return;
        if (lost[i] === 'none') run.dates.notRead++;
        else if (lost[i] === 'year') run.dates.yearOnly++;
      });
    }
    current = null;
    progress('cleaning');
  }
  progress('done');
  return summary(null, false);
}

/** Each table's rows join the documents (after them, in row order); a table that cannot be read, and rows without text, are refused. */
async function expandTables(plan: Plan, run: RunState, readTable: RunOptions['readTable']): Promise<void> {
  for (const t of [...plan.tables].sort(byPath)) {
    if (t.size > MAX_CORPUS_FILE_BYTES) {
      run.refuse({ file: t.path, reason: `is ${formatBytes(t.size)}; a table of documents may be at most ${formatBytes(MAX_CORPUS_FILE_BYTES)}` });
      continue;
    }
    let table: TableRead;
    try {
      const item = await t.load();
      table = !readTable ? { ok: false, reason: 'is a table, and tables are not read here' } : item.kind === 'file' ? await readTable(item.bytes, t.path) : { ok: false, reason: 'is not a file' };
    } catch (error) {
      table = { ok: false, reason: `could not be read (${error instanceof Error ? error.message : String(error)})` };
    }
    if (!table.ok) {
      run.refuse({ file: t.path, reason: table.reason });
      continue;
    }
    for (const r of table.refused) run.refuse(r);
    for (const item of table.items) plan.documents.push({ path: item.path, name: item.path, size: item.original.length, load: async () => item });
  }
}

/**
 * Files whose name says no kind Refrain reads: those whose first bytes show
 * one (a page saved as `story.cms`, a text with no extension, RTF saved as
 * `.doc`) join the documents; the others are refused, each named by what
 * its first bytes are.
 */
async function sortByContent(plan: Plan, run: RunState): Promise<void> {
  const refused: PickedFile[] = [];
  for (const f of plan.refused) {
    let head: Uint8Array = new Uint8Array(0);
    try {
      head = (await f.head?.()) ?? head;
    } catch {
      // unreadable: the generic reason will do
    }
    if (isReadableByContent(f.name, head)) plan.documents.push(f);
    else {
      refused.push(f);
      run.refuse({ file: f.path, reason: unsupportedReason(f.name, head) });
    }
  }
  plan.refused = refused;
  plan.documents.sort(byPath);
}

/**
 * The next batch of documents from `from` on, refusing files too large to
 * read, empty and unreadable ones without sending them. The corpus's limits
 * are not asked here: a file may repeat a document the corpus holds, which
 * only cleaning tells, and a repeat adds nothing (acceptOutcomes).
 */
async function gatherBatch(plan: Plan, from: number, run: RunState): Promise<{ batch: Batch; next: number }> {
  const batch: Batch = [];
  /** What the batch weighs: files sent to the worker at once. */
  let batchBytes = 0;
  let index = from;
  while (index < plan.documents.length && batch.length < BATCH_FILES && (batch.length === 0 || batchBytes < BATCH_BYTES)) {
    const f = plan.documents[index++]!;
    // The size alone, before reading the file.
    let packed = isPacked(f.path);
    // A file too big for text may be a PDF or Word file whose name does not say so (`download`, `getfile.php`).
    if (!packed && f.size > MAX_FILE_BYTES && f.head) packed = isPacked(f.path, await f.head().catch(() => new Uint8Array(0)));
    const problem = fileSizeProblem(f.size, packed);
    const loaded = problem ? { reason: problem } : f.size === 0 ? { reason: 'is empty (0 bytes); nothing was added' } : await loadItem(f, plan.sidecars.get(f.path));
    if ('reason' in loaded) {
      run.done++;
      run.refuse({ file: f.path, reason: loaded.reason });
      continue;
    }
    batch.push({ file: f, item: loaded.item });
    batchBytes += f.size;
  }
  return { batch, next: index };
}

/** A file's item, with its sidecar's text, or why it cannot be imported. */
async function loadItem(f: PickedFile, side: PickedFile | undefined): Promise<{ item: ImportItem } | { reason: string }> {
  let item: ImportItem;
  try {
    item = await f.load();
    if (side && item.kind === 'file') {
      const sideItem = await side.load();
      if (sideItem.kind === 'file') item = { ...item, sidecar: new TextDecoder().decode(sideItem.bytes) };
    }
  } catch (error) {
    return { reason: `could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  // A corpus file's metadata is checked here, before the batch is cloned to the worker: 10,000 levels would fail the whole batch.
  const shape = item.kind === 'prepared' ? metaShapeProblem(item.meta) : null;
  return shape ? { reason: `meta ${shape}` } : { item };
}

/** The cleaned documents that the corpus does not hold yet, that still fit the limits and take a free id, and what of each one's date was not read; the others repeated or refused. */
function acceptOutcomes(outcomes: ImportOutcome[], batch: Batch, run: RunState): { accepted: ImportedDoc[]; lost: (DateNote['lost'] | undefined)[] } {
  const accepted: ImportedDoc[] = [];
  const lost: (DateNote['lost'] | undefined)[] = [];
  outcomes.forEach((o, i) => {
    run.done++;
    if (!o.ok) return run.refuse({ file: o.file, reason: o.reason });
    const same = run.seen.find(o.doc);
    if (same) return void run.repeated.push({ file: batch[i]?.file.path ?? o.doc.meta.source, of: same.meta.id });
    // The worker checks ids against `taken` as it stood; the limits count what was really read.
    const problem = limitProblem(o.bytes, run.tally);
    if (problem || run.taken.has(o.doc.meta.id)) return run.refuse({ file: batch[i]?.file.path ?? o.doc.meta.source, reason: problem ?? `id ${o.doc.meta.id} is already used` });
    run.taken.add(o.doc.meta.id);
    run.tally.documents++;
    run.tally.bytes += o.bytes;
    run.seen.add(o.doc);
    accepted.push({ doc: o.doc, bytes: o.bytes });
    lost.push(o.dateNote?.lost);
    const source = batch[i]?.file;
    if (o.readAs && source) run.read.push({ file: source.path, id: o.doc.meta.id, readAs: o.readAs, source });
  });
  return { accepted, lost };
}

/**
 * Reads one imported file again as another encoding, keeping its document's
 * id (and so its notes and highlights' place in the corpus).
 */
export async function rereadFile(
  entry: FileRead,
  encoding: string,
  otherIds: Iterable<string>,
  clean: RunOptions['clean'],
): Promise<ImportOutcome> {
  let item: ImportItem;
  try {
    item = await entry.source.load();
  } catch (error) {
    return { ok: false, file: entry.file, reason: `could not be read again (${error instanceof Error ? error.message : String(error)})` };
  }
  if (item.kind !== 'file') return { ok: false, file: entry.file, reason: 'is not a file that can be read as another encoding' };
  const [outcome] = await clean([{ ...item, encoding, keepId: entry.id }], [...otherIds].filter((id) => id !== entry.id), () => {});
  return outcome ?? { ok: false, file: entry.file, reason: 'was not read' };
}
