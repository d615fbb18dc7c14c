/**
 * The teacher's notes an edition carries: chosen from the teacher's reading
 * state when the edition is made, and read back, read-only, by the views of
 * the student who opens it. They never enter the student's own store.
 */
import { anchor } from '../state/anchor.ts';
import type { HighlightRecord, NoteRecord, NoteTarget, StateRecord } from '../state/records.ts';
import type { TeacherNotes } from './format.ts';

const sameTarget = (x: NoteTarget, y: NoteTarget): boolean => {
  if (x.type === 'highlight') return y.type === 'highlight' && x.docId === y.docId && x.highlightId === y.highlightId;
  if (x.type === 'family') return y.type === 'family' && x.familyId === y.familyId;
  return y.type === 'pair' && x.a === y.a && x.b === y.b;
};

const targetKey = (t: NoteTarget): string =>
  t.type === 'highlight' ? `h\u0000${t.docId}\u0000${t.highlightId}` : t.type === 'family' ? `f\u0000${t.familyId}` : `p\u0000${t.a}\u0000${t.b}`;

/**
 * What of a reading state goes into an edition: live highlights and non-empty
 * notes (positions, saved comparisons and the last view stay private), and the
 * label of every formula a note is on. `earlier` (the notes of the edition the
 * teacher opened) come first; the teacher's own win where both have one.
 */
export function collectTeacherNotes(records: readonly StateRecord[], formulaLabel: (id: string) => string | undefined, earlier: TeacherNotes | null = null): TeacherNotes {
  const byPath = new Map<string, HighlightRecord | NoteRecord>();
  const formulas: Record<string, string> = Object.create(null) as Record<string, string>;
  const add = (r: StateRecord) => {
    if (r.deleted) return;
    if (r.kind === 'highlight') byPath.set(`hl\u0000${r.docId}\u0000${r.id}`, r);
    else if (r.kind === 'note' && r.text.trim() !== '') byPath.set(`note\u0000${targetKey(r.target)}\u0000${r.id}`, r);
  };
  for (const r of earlier?.records ?? []) add(r);
  for (const r of records) add(r);
  const kept = [...byPath.values()];
  for (const r of kept) {
    if (r.kind !== 'note' || r.target.type !== 'family') continue;
    const label = formulaLabel(r.target.familyId) ?? earlier?.formulas[r.target.familyId];
    if (label !== undefined) formulas[r.target.familyId] = label;
  }
  return { records: kept, formulas };
}

/** "2 highlights and 1 note", "1 note", "no highlights or notes". */
export function countsPhrase({ highlights, notes }: { highlights: number; notes: number }): string {
  const parts = [
    highlights ? `${highlights} highlight${highlights === 1 ? '' : 's'}` : '',
    notes ? `${notes} note${notes === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' and ') : 'no highlights or notes';
}

/** Read-only questions the views ask of the teacher's notes. */
export class TeacherLayer {
  readonly #highlights = new Map<string, HighlightRecord[]>();
  readonly #notes: NoteRecord[] = [];
  readonly #formulas: Record<string, string>;
  /** The notes as the edition holds them, to carry into an edition made from this one. */
  readonly source: TeacherNotes;

  constructor(notes: TeacherNotes) {
    this.source = notes;
    for (const r of notes.records) {
      if (r.deleted) continue;
      if (r.kind === 'highlight') {
        const list = this.#highlights.get(r.docId) ?? [];
        list.push(r);
        this.#highlights.set(r.docId, list);
      } else if (r.text.trim() !== '') this.#notes.push(r);
    }
    for (const list of this.#highlights.values()) list.sort((a, b) => a.anchor.start - b.anchor.start);
    this.#formulas = notes.formulas;
  }

  get empty(): boolean {
    return this.#highlights.size === 0 && this.#notes.length === 0;
  }

  /** Highlights and notes, counted as a reader would: a highlight with its notes is one. */
  get counts(): { highlights: number; notes: number } {
    let highlights = 0;
    for (const list of this.#highlights.values()) highlights += list.length;
    return { highlights, notes: this.#notes.length };
  }

  /** The documents the teacher highlighted in. */
  highlightedDocuments(): string[] {
    return [...this.#highlights.keys()].sort();
  }

  highlights(docId: string): HighlightRecord[] {
    return this.#highlights.get(docId) ?? [];
  }

  /** The document's highlights placed in its text (found again as the reader's own are); start null: could not be placed. */
  placed(docId: string, text: string): { record: HighlightRecord; start: number | null; end: number | null }[] {
    return this.highlights(docId).map((record) => {
      const where = anchor(text, record.anchor);
      return 'orphaned' in where ? { record, start: null, end: null } : { record, start: where.start, end: where.end };
    });
  }

  notes(target: NoteTarget): NoteRecord[] {
    return this.#notes.filter((n) => sameTarget(n.target, target));
  }

  /** Every note, for the notes page. */
  allNotes(): NoteRecord[] {
    return [...this.#notes];
  }

  /** The formula's label when the edition was made. */
  formulaLabel(familyId: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.#formulas, familyId) ? this.#formulas[familyId] : undefined;
  }
}
