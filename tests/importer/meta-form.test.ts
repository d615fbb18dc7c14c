import { describe, expect, it } from 'vitest';
import { applyDraft, checkDraft, describeDraftDate, draftFromMeta, EMPTY_DRAFT } from '../../src/importer/meta-form.ts';
import { importItem } from '../../src/importer/read.ts';
import { FIELD_LIMITS } from '../../src/corpus/limits.ts';
import { enc, PROSE } from './helpers.ts';

const o = importItem({ kind: 'file', path: 'a.txt', name: 'a.txt', bytes: enc(PROSE) }, new Set());
if (!o.ok) throw new Error(o.reason);
const doc = o.doc;

describe('meta form', () => {
  it('describes the date at the precision typed', () => {
    expect(describeDraftDate('2019-10')).toEqual({ ok: true, text: 'October 2019, to the month' });
    expect(describeDraftDate('~2020')).toEqual({ ok: true, text: 'about 2020, to the year (estimated)' });
    expect(describeDraftDate('')).toEqual({ ok: true, text: 'undated' });
    expect(describeDraftDate('5 March 2019')).toEqual({ ok: true, text: '5 March 2019, to the day' });
    expect(describeDraftDate('soon')).toEqual({ ok: false, text: 'not read: not a way of writing a date that Refrain knows' });
    // Where an import keeps the year alone, the form asks for the day.
    expect(describeDraftDate('03/04/2020')).toEqual({ ok: false, text: 'it could be 3 April or 4 March: write it as YYYY-MM-DD' });
  });
  it('checks each field, naming the one at fault', () => {
    expect(checkDraft({ ...EMPTY_DRAFT, date: '2019-02-30' })).toEqual({ ok: false, errors: { date: 'not read: February 2019 has no day 30' } });
    expect(checkDraft({ ...EMPTY_DRAFT, language: 'English' })).toEqual({ ok: false, errors: { language: expect.stringMatching(/not a language tag/) } });
  });
  it('refuses a field over its limit with a message, never cutting it silently (the limits front matter has)', () => {
    expect(checkDraft({ ...EMPTY_DRAFT, title: 'x'.repeat(FIELD_LIMITS.title) }).ok).toBe(true);
    expect(checkDraft({ ...EMPTY_DRAFT, title: 'x'.repeat(FIELD_LIMITS.title + 1) })).toEqual({ ok: false, errors: { title: `is ${FIELD_LIMITS.title + 1} characters long; the limit is ${FIELD_LIMITS.title}` } });
    expect(checkDraft({ ...EMPTY_DRAFT, outlet: 'o'.repeat(450) })).toEqual({ ok: false, errors: { outlet: `is 450 characters long; the limit is ${FIELD_LIMITS.outlet}` } });
    expect(checkDraft({ ...EMPTY_DRAFT, author: 'a'.repeat(100_000) })).toEqual({ ok: false, errors: { author: `is 100,000 characters long; the limit is ${FIELD_LIMITS.author}` } });
  });
  it('applies a draft without touching id or text; a date set by hand is said so in the provenance', () => {
    const r = applyDraft(doc, { ...draftFromMeta(doc.meta), outlet: 'New outlet', date: '2021' });
    if (!r.ok) throw new Error('refused');
    expect(r.doc.meta).toMatchObject({ id: doc.meta.id, outlet: 'New outlet', date: { value: '2021', precision: 'year' }, provenance: `${doc.meta.provenance} Its date was set by hand to 2021.` });
    expect(r.doc.text).toBe(doc.text);
    expect(draftFromMeta(r.doc.meta)).toEqual({ title: 'a', outlet: 'New outlet', author: '', date: '2021', language: 'en' });
  });

  it('replaces the note on a date not read with one saying it was set by hand, and leaves the provenance be when the date is not changed', () => {
    const o = importItem({ kind: 'file', path: 'b.md', name: 'b.md', bytes: enc(`---\ndate: next spring\n---\n${PROSE}`) }, new Set());
    if (!o.ok) throw new Error(o.reason);
    expect(o.doc.meta.provenance).toBe('Imported by the reader from “b.md”. Its date “next spring” was not read (not a way of writing a date that Refrain knows).');
    const set = applyDraft(o.doc, { ...draftFromMeta(o.doc.meta), date: '5 March 2019' });
    if (!set.ok) throw new Error('refused');
    expect(set.doc.meta.provenance).toBe('Imported by the reader from “b.md”. Its date was set by hand to 5 March 2019.');
    const again = applyDraft(set.doc, { ...draftFromMeta(set.doc.meta), date: '' });
    if (!again.ok) throw new Error('refused');
    expect(again.doc.meta.provenance).toBe('Imported by the reader from “b.md”. Its date was removed by hand.');
    const title = applyDraft(o.doc, { ...draftFromMeta(o.doc.meta), title: 'Another' });
    if (!title.ok) throw new Error('refused');
    expect(title.doc.meta.provenance).toBe(o.doc.meta.provenance);
  });
});
