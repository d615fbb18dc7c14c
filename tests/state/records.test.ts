import { describe, expect, it } from 'vitest';
import {
  CONFLICT_COPY_PREFIX,
  LEGACY_CONFLICT_MARKER,
  MAX_NOTE_LENGTH,
  SCHEMA_PATH,
  SCHEMA_VERSION,
  comparisonView,
  corpusPrefix,
  isConflictCopy,
  migrateEntries,
  pairTarget,
  recordPath,
  validateRecord,
  type StateRecord,
} from '../../src/state/records.ts';

const meta = { rev: 1, updatedAt: 0 };

describe('recordPath', () => {
  it('gives each kind its own path, with ids escaped so a slash in an id cannot collide', () => {
    expect(recordPath({ kind: 'doc', docId: 'a/b', position: null, read: false, ...meta })).toBe('doc/a%2Fb');
    expect(recordPath({ kind: 'note', target: { type: 'family', familyId: 'f' }, id: 'main', text: '', createdAt: 0, ...meta })).toBe('note/family/f/main');
    expect(recordPath({ kind: 'note', target: pairTarget('z', 'a'), id: 'n', text: '', createdAt: 0, ...meta })).toBe('note/pair/a/z/n');
    expect(recordPath({ kind: 'last-view', route: '', ...meta })).toBe('last-view');
    expect(corpusPrefix('my corpus')).toBe('my%20corpus/');
  });
});

describe('pairTarget and isConflictCopy', () => {
  it('orders a pair’s documents, and knows conflict copies by id or by the old marker', () => {
    expect(pairTarget('b', 'a')).toEqual({ type: 'pair', a: 'a', b: 'b' });
    expect(isConflictCopy({ id: `${CONFLICT_COPY_PREFIX}x`, text: 'words' })).toBe(true);
    expect(isConflictCopy({ id: 'n1', text: `${LEGACY_CONFLICT_MARKER}words` })).toBe(true);
    expect(isConflictCopy({ id: 'main', text: 'words' })).toBe(false);
  });
});

describe('validateRecord', () => {
  it('returns a fresh copy, and refuses a field it does not know', () => {
    const input = { kind: 'last-view', route: '#/phrases', ...meta };
    const checked = validateRecord(input);
    expect(checked).toEqual({ ok: true, value: input });
    expect(checked.ok && checked.value).not.toBe(input);
    expect(validateRecord({ ...input, extra: 1 })).toEqual({ ok: false, error: 'record has an unknown field "extra"' });
  });

  it('names the field at fault and its value', () => {
    const long = { kind: 'note', target: { type: 'family', familyId: 'f' }, id: 'main', text: 'x'.repeat(MAX_NOTE_LENGTH + 1), createdAt: 0, ...meta };
    expect(validateRecord(long)).toMatchObject({ ok: false, error: expect.stringContaining('record.text') });
    expect(validateRecord({ kind: 'doc', docId: 'd', position: -1, read: false, ...meta })).toMatchObject({ ok: false, error: expect.stringContaining('position') });
    expect(validateRecord({ kind: 'pen' })).toMatchObject({ ok: false, error: expect.stringContaining('"pen"') });
  });

  it('accepts a comparison’s route only when it is this app’s link to that very comparison', () => {
    const cmp = (route: string) => ({ kind: 'comparison', id: 'c', a: 'd1', b: 'd2', label: '', route, createdAt: 0, ...meta });
    expect(validateRecord(cmp('#/compare/d2/d1')).ok).toBe(true);
    expect(validateRecord(cmp('javascript:alert(1)')).ok).toBe(false);
    expect(validateRecord(cmp('#/compare/d1/d3')).ok).toBe(false);
    expect(comparisonView('#/compare/d1/d2', 'd2', 'd1')).toMatchObject({ name: 'compare' });
  });
});

describe('migrateEntries', () => {
  it('turns v1 notes into note records, deleting the old ones only when the new one is valid', () => {
    const { entries, plan } = migrateEntries(1, [
      ['family-note/f1', { text: 'on f1' }],
      ['hl/d1/h1', { start: 'bad' }],
    ]);
    const note = entries.get('note/family/f1/main') as StateRecord;
    expect(note).toMatchObject({ kind: 'note', text: 'on f1', rev: 1, updatedAt: 0 });
    expect(plan.del).toEqual(['family-note/f1']);
    expect(entries.get('hl/d1/h1')).toEqual({ start: 'bad' });
    expect(entries.get(SCHEMA_PATH)).toEqual({ version: SCHEMA_VERSION });
  });

  it('says so when there is no migration from a version', () => {
    expect(() => migrateEntries(0, [])).toThrow(/no migration from schema version 0/);
  });
});
