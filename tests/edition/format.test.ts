import { describe, expect, it } from 'vitest';
import { checkEdition, corpusDocuments, EDITION_VERSION, parseEdition, type Edition } from '../../src/edition/format.ts';
import { makeEdition } from '../../src/edition/writer.ts';
import { corpus, docs, good, variant } from './edition-fixture.ts';

describe('checkEdition', () => {
  it('accepts what makeEdition writes and gives back the same edition', () => {
    const checked = parseEdition(JSON.stringify(good()));
    expect(checked).toEqual({ ok: true, edition: JSON.parse(JSON.stringify(good())) });
  });

  it('restores the originals the edition left out', () => {
    const checked = parseEdition(JSON.stringify(good()));
    if (!checked.ok) throw new Error(checked.error);
    expect(corpusDocuments(checked.edition).map((d) => d.original)).toEqual(corpus.documents.map((d) => d.original));
  });

  it.each([
    ['not an edition', () => ({ format: 'refrain-corpus' }), /not a Refrain edition \(format is "refrain-corpus"\)/],
    ['a newer edition', () => variant((e) => (e['version'] = EDITION_VERSION + 1)), /made by a newer Refrain/],
    ['an unknown field', () => variant((e) => (e['script'] = 'x')), /edition has an unknown field "script"/],
    ['a missing field', () => variant((e) => delete e['title']), /edition.title is missing/],
    ['an empty corpus', () => variant((e) => (docs(e).length = 0)), /corpus.documents is empty/],
    ['a duplicate id', () => variant((e) => docs(e).push(docs(e)[0]!)), /has the id "a" twice/],
    ['a bad date', () => variant((e) => ((docs(e)[1]!['meta'] as Record<string, unknown>)['date'] = { value: '21-05', precision: 'month', approximate: false })), /corpus.documents\[1\].meta.date.value is "21-05"/],
    ['an edit past the original', () => variant((e) => ((docs(e)[0]!['edits'] as Record<string, unknown>[])[0]!['end'] = 1e6)), /corpus.documents\[0\].edits\[0\].end is 1000000/],
    ['a teacher record of another kind', () => variant((e) => ((e['teacher'] as { records: unknown[] }).records = [{ kind: 'last-view', route: '#/', rev: 1, updatedAt: 1 }])), /teacher.records\[0\].kind is "last-view"/],
    ['a bad teacher record', () => variant((e) => ((e['teacher'] as { records: Record<string, unknown>[] }).records[0]!['color'] = 5)), /teacher.records\[0\].color is 5/],
    ['an opening that is not a view', () => variant((e) => (e['opening'] = 'javascript:alert(1)')), /opening does not start with "#\/"/],
  ])('refuses %s, naming the field', (_name, value, message) => {
    const checked = checkEdition(value());
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(message);
  });

  it('reads the series a file continues, and files made before it had one', () => {
    const made = makeEdition({ title: 'Bridges', introduction: '', opening: null, corpus, teacher: null, analysis: null, madeAt: 5, series: 'u1abc' }).edition;
    expect(checkEdition(JSON.parse(JSON.stringify(made)))).toMatchObject({ ok: true, edition: { series: 'u1abc' } });
    expect(checkEdition(variant((e) => delete e['series']))).toMatchObject({ ok: true, edition: { series: null } });
    expect(checkEdition(variant((e) => (e['series'] = 'x'.repeat(101))))).toMatchObject({ ok: false, error: expect.stringContaining('edition.series') });
    expect(checkEdition(variant((e) => (e['series'] = 7)))).toMatchObject({ ok: false, error: expect.stringContaining('edition.series') });
  });

  it('says when the block is not JSON', () => {
    expect(parseEdition('{"format":')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON \(was the file cut short\?\)/) });
  });
});
