import { describe, expect, it } from 'vitest';
import { checkEdition, corpusDocuments, EDITION_VERSION, parseEdition, type Edition } from '../../src/edition/format.ts';
import { openEdition } from '../../src/edition/open.ts';
import { makeEdition } from '../../src/edition/writer.ts';
import { corpusOf } from './helpers.ts';

const corpus = corpusOf({
  'a.txt': 'Home | News | Login\n\nThe river council met on Tuesday about the bridge.\n\nShare this article',
  'b.md': '---\ntitle: Bridges\noutlet: The Courier\nauthor: Ann Lee\ndate: ~2021-05\n---\nThe river council met again on Friday about the bridge and its cost.',
});

const highlight = {
  kind: 'highlight',
  docId: 'a',
  id: 'h1',
  anchor: { quote: 'river council', prefix: 'The ', suffix: ' met', start: 4, end: 17 },
  color: 'yellow',
  label: 'Who decides',
  createdAt: 1,
  rev: 1,
  updatedAt: 1,
} as const;

function good(): Edition {
  return makeEdition({
    title: 'Bridges',
    introduction: 'Two reports.',
    opening: '#/compare/a/b',
    corpus,
    teacher: { records: [highlight], formulas: { fabc: 'the river council met' } },
    analysis: { engine: 2, json: '{}' },
    madeAt: 5,
  }).edition;
}

/** `good()` through JSON, with a change made by `edit`. */
function variant(edit: (e: Record<string, unknown>) => void): unknown {
  const e = JSON.parse(JSON.stringify(good())) as Record<string, unknown>;
  edit(e);
  return e;
}
const docs = (e: Record<string, unknown>) => (e['corpus'] as { documents: Record<string, unknown>[] }).documents;

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

describe('openEdition', () => {
  const edition = good();

  it('names the corpus by the title and identifies it by the hash of its texts, as a corpus built from the same files is', () => {
    const opened = openEdition(edition, null, 2);
    expect(opened.corpus.name).toBe('Bridges');
    expect(opened.corpus.id).toBe(corpus.id);
    expect(opened.corpus.documents).toEqual(corpus.documents);
    expect(opened.teacher?.highlights('a').map((h) => h.label)).toEqual(['Who decides']);
  });

  it('keeps the corpus identity when only the title, notes or metadata change (a corrected file)', () => {
    const corrected = variant((e) => {
      e['title'] = 'Bridges (corrected)';
      e['teacher'] = null;
      (docs(e)[1]!['meta'] as Record<string, unknown>)['author'] = 'Anne Lee';
    });
    const checked = checkEdition(corrected);
    if (!checked.ok) throw new Error(checked.error);
    expect(openEdition(checked.edition, null, 2).corpus.id).toBe(corpus.id);
  });

  it('uses the stored analysis only from the same engine for the same texts', () => {
    const json = '{"passages":[],"families":[{"label":"\\u003c"}]}';
    const bytes = openEdition(edition, json, 2).analysisBytes();
    expect(new TextDecoder().decode(bytes!)).toBe(json);
    expect(openEdition(edition, json, 3).analysisBytes()).toBeNull();
    expect(openEdition(edition, null, 2).analysisBytes()).toBeNull();
    const other = checkEdition(variant((e) => ((e['analysis'] as Record<string, unknown>)['corpus'] = 'zzz')));
    if (!other.ok) throw new Error(other.error);
    expect(openEdition(other.edition, json, 2).analysisUsable).toBe(false);
  });
});
