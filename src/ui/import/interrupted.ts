/**
 * An import cut short by a reload: a mark in this tab's sessionStorage while
 * an import runs, cleared when it ends. A reload keeps sessionStorage (a
 * new tab does not share it, so another tab's running import is never taken
 * for this one's), so the next start finds the mark and can say that the
 * import stopped, how far it got, and that the rest must be imported again.
 * Storage that refuses (private mode, a sandboxed file://) only means the
 * notice is not given: the import itself never depends on it.
 */

const KEY = 'refrain-import-running';

export interface RunningImport {
  /** The corpus the files were going into. */
  key: string;
  name: string;
  /** Files given to the import. */
  files: number;
  /** Documents the corpus held when it started. */
  before: number;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function markImportRunning(run: RunningImport): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(run));
  } catch {
    // quota or a refusing browser: no notice after a reload, nothing else lost
  }
}

export function markImportEnded(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // as above
  }
}

/** The import this tab was running when it was reloaded, once (the mark is cleared); null when there was none. */
export function takeInterruptedImport(): RunningImport | null {
  let raw: string | null = null;
  try {
    raw = storage()?.getItem(KEY) ?? null;
    storage()?.removeItem(KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return null;
    const { key, name, files, before } = v as Record<string, unknown>;
    if (typeof key !== 'string' || typeof name !== 'string' || !Number.isInteger(files) || !Number.isInteger(before)) return null;
    return { key, name: name.slice(0, 200), files: files as number, before: before as number };
  } catch {
    return null;
  }
}

/** What the page says about it, given how many documents the corpus holds now (null: the corpus is gone). */
export function interruptedMessage(run: RunningImport, documentsNow: number | null): string {
  const files = `${run.files.toLocaleString('en')} file${run.files === 1 ? '' : 's'}`;
  if (documentsNow === null) return `The import of ${files} was cut short when the page was reloaded; nothing from it was kept. Import them again.`;
  const saved = Math.max(0, documentsNow - run.before);
  return `The import of ${files} into “${run.name}” was cut short when the page was reloaded: ${saved.toLocaleString('en')} of them ${saved === 1 ? 'was' : 'were'} saved. Import the rest again.`;
}
