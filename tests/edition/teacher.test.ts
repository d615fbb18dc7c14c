import { describe, expect, it } from 'vitest';
import type { TeacherNotes } from '../../src/edition/format.ts';
import { collectTeacherNotes, countsPhrase, TeacherLayer } from '../../src/edition/teacher.ts';
import type { HighlightRecord, NoteRecord, StateRecord } from '../../src/state/records.ts';

const base = { rev: 1, updatedAt: 1, createdAt: 1 };
const hl = (docId: string, id: string, start: number, extra: Partial<HighlightRecord> = {}): HighlightRecord => ({
  kind: 'highlight',
  docId,
  id,
  anchor: { quote: `quote ${id}`, prefix: '', suffix: '', start, end: start + 5 },
  color: 'yellow',
  label: null,
  ...base,
  ...extra,
});
const note = (target: NoteRecord['target'], text: string, extra: Partial<NoteRecord> = {}): NoteRecord => ({ kind: 'note', target, id: 'main', text, ...base, ...extra });

const records: StateRecord[] = [
  hl('d1', 'h2', 40),
  hl('d1', 'h1', 10, { label: 'Slogan' }),
  hl('d2', 'gone', 0, { deleted: true }),
  note({ type: 'highlight', docId: 'd1', highlightId: 'h1' }, 'Note the verb.'),
  note({ type: 'family', familyId: 'f1' }, 'Appears in three outlets.'),
  note({ type: 'family', familyId: 'f9' }, '   '),
  note({ type: 'pair', a: 'd1', b: 'd2' }, 'Same framing, other year.'),
  { kind: 'doc', docId: 'd1', position: 300, read: true, rev: 1, updatedAt: 1 },
  { kind: 'comparison', id: 'c1', a: 'd1', b: 'd2', label: 'mine', route: null, createdAt: 1, rev: 1, updatedAt: 1 },
  { kind: 'last-view', route: '#/notes', rev: 1, updatedAt: 1 },
];
const labels: Record<string, string> = { f1: 'community with a shared future' };

describe('collectTeacherNotes', () => {
  it('takes live highlights and written notes, with the label of each noted formula; positions and views stay private', () => {
    const notes = collectTeacherNotes(records, (id) => labels[id]);
    expect(notes.records.map((r) => (r.kind === 'highlight' ? `hl ${r.id}` : `note ${r.target.type}`)).sort()).toEqual(
      ['hl h1', 'hl h2', 'note family', 'note highlight', 'note pair'].sort(),
    );
    expect({ ...notes.formulas }).toEqual({ f1: 'community with a shared future' });
  });

  it('keeps the notes of the edition it was made from, the teacher’s own winning', () => {
    const earlier: TeacherNotes = {
      records: [note({ type: 'family', familyId: 'f1' }, 'Old text.'), note({ type: 'family', familyId: 'f2' }, 'Only in the earlier edition.')],
      formulas: { f1: 'old label', f2: 'a formula the new engine no longer finds' },
    };
    const notes = collectTeacherNotes(records, (id) => labels[id], earlier);
    const family = notes.records.filter((r): r is NoteRecord => r.kind === 'note' && r.target.type === 'family');
    expect(family.map((n) => n.text).sort()).toEqual(['Appears in three outlets.', 'Only in the earlier edition.']);
    expect({ ...notes.formulas }).toEqual({ f1: 'community with a shared future', f2: 'a formula the new engine no longer finds' });
  });
});

describe('TeacherLayer', () => {
  const layer = new TeacherLayer(collectTeacherNotes(records, (id) => labels[id]));

  it('answers per document, in reading order, and per target', () => {
    expect(layer.highlights('d1').map((h) => h.id)).toEqual(['h1', 'h2']);
    expect(layer.highlights('d2')).toEqual([]);
    expect(layer.highlightedDocuments()).toEqual(['d1']);
    expect(layer.notes({ type: 'highlight', docId: 'd1', highlightId: 'h1' }).map((n) => n.text)).toEqual(['Note the verb.']);
    expect(layer.notes({ type: 'pair', a: 'd1', b: 'd2' }).map((n) => n.text)).toEqual(['Same framing, other year.']);
    expect(layer.notes({ type: 'family', familyId: 'f2' })).toEqual([]);
    expect(layer.counts).toEqual({ highlights: 2, notes: 3 });
    expect(layer.formulaLabel('f1')).toBe('community with a shared future');
    expect(layer.formulaLabel('constructor')).toBeUndefined();
  });

  it('is empty without highlights or notes', () => {
    expect(new TeacherLayer({ records: [], formulas: {} }).empty).toBe(true);
    expect(layer.empty).toBe(false);
  });
});

describe('countsPhrase', () => {
  it('counts in words, leaving out what there is none of', () => {
    expect(countsPhrase({ highlights: 2, notes: 1 })).toBe('2 highlights and 1 note');
    expect(countsPhrase({ highlights: 0, notes: 3 })).toBe('3 notes');
    expect(countsPhrase({ highlights: 1, notes: 0 })).toBe('1 highlight');
    expect(countsPhrase({ highlights: 0, notes: 0 })).toBe('no highlights or notes');
  });
});
