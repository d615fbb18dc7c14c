import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/edition/format.ts';
import { openEdition } from '../../src/edition/open.ts';
import { corpus, docs, good, variant } from './edition-fixture.ts';

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

  it('keeps the introduction, opening, series and date, and drops a teacher layer with nothing in it', () => {
    const opened = openEdition(edition, null, 2);
    expect([opened.title, opened.introduction, opened.opening, opened.madeAt, opened.series]).toEqual(['Bridges', 'Two reports.', '#/compare/a/b', 5, edition.series]);
    const bare = checkEdition(variant((e) => ((e['teacher'] as Record<string, unknown>)['records'] = [], ((e['teacher'] as Record<string, unknown>)['formulas'] = {}))));
    if (!bare.ok) throw new Error(bare.error);
    expect(openEdition(bare.edition, null, 2).teacher).toBeNull();
  });

  it('gives the stored analysis as a new buffer each time (the worker takes it)', () => {
    const opened = openEdition(edition, '{}', 2);
    expect(opened.analysisUsable).toBe(true);
    const one = opened.analysisBytes()!;
    const two = opened.analysisBytes()!;
    expect(one).not.toBe(two);
    structuredClone(one, { transfer: [one] });
    expect(new TextDecoder().decode(two)).toBe('{}');
  });
});
