/**
 * The worker's request handlers (AnalysisSession), called directly as the
 * page's in-thread fallback calls them: what each answers, what it caches
 * and when a new corpus makes it forget. importFiles, open and primeReuse
 * are covered in tests/importer/worker.test.ts; the results import in
 * tests/worker/results.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { AnalysisSession, OVERVIEW_VARIANTS } from '../../src/worker/handlers.ts';
import type { AnalysisDoc, Progress } from '../../src/worker/protocol.ts';
import { FILLER } from '../reuse/fixtures.ts';

const year = (y: number) => ({ value: String(y), precision: 'year' as const, approximate: false });
const SLOGAN = 'restore the old stone lighthouse for future sailors';
const doc = (id: string, outlet: string, y: number, text: string): AnalysisDoc => ({ id, title: `Story ${id}`, outlet, date: year(y), language: 'en', text });
const DOCS: AnalysisDoc[] = [
  doc('a', 'Herald', 2019, `${FILLER[0]} The council promised to ${SLOGAN}. ${FILLER[1]}`),
  doc('b', 'Courier', 2020, `${FILLER[2]} Engineers hope to ${SLOGAN}. ${FILLER[3]}`),
  doc('c', 'Gazette', 2021, `${FILLER[4]} Critics doubted plans to ${SLOGAN.replace('old', 'ancient')}. ${FILLER[5]}`),
  doc('d', 'Gazette', 2021, `${FILLER[6]} ${FILLER[7]}`),
];

function session(docs = DOCS) {
  const s = new AnalysisSession();
  const stages: string[] = [];
  const progress = (p: Progress) => stages.push(p.stage);
  expect(s.handle('load', { corpusId: 'test', docs }, progress)).toEqual({ documents: docs.length });
  return { s, stages, progress };
}

describe('AnalysisSession', () => {
  it('finds the families once per corpus, and answers the overview without passage indices', () => {
    const { s, stages, progress } = session();
    const overview = s.handle('reuse', undefined, progress);
    expect(overview.computedBy).toBeNull();
    expect(overview.passageCount).toBeGreaterThan(0);
    const f = overview.families.find((x) => x.label.includes('lighthouse'))!;
    expect(f.documents).toBe(3);
    expect('passages' in f).toBe(false);
    expect(overview.families.every((x) => x.variants.length <= OVERVIEW_VARIANTS)).toBe(true);
    expect(s.handle('reuse', undefined, progress)).toBe(overview);
    expect(stages.filter((x) => x === 'Finding recurring passages')).toHaveLength(2); // start and end of the one run
  });

  it('answers one family with its passages and every version aligned, and null for an unknown id', () => {
    const { s, progress } = session();
    const id = s.handle('reuse', undefined, progress).families[0]!.id;
    const one = s.handle('family', { id }, progress)!;
    expect(one.family.id).toBe(id);
    expect(one.passages).toHaveLength(one.family.passages.length);
    expect(one.alignment.versions.length).toBe(one.family.members.length);
    expect(s.handle('family', { id: 'no such family' }, progress)).toBeNull();
  });

  it('answers the formulas overview: wordings per family and the ledger', () => {
    const { s, progress } = session();
    const families = s.handle('reuse', undefined, progress).families;
    const formulas = s.handle('formulas', undefined, progress);
    expect(Object.keys(formulas.wordings).sort()).toEqual(families.map((f) => f.id).sort());
    const lighthouse = families.find((x) => x.label.includes('lighthouse'))!;
    expect(formulas.wordings[lighthouse.id]).toBe(2);
    expect(s.handle('formulas', undefined, progress)).toBe(formulas);
  });

  it('answers passages between two documents or touching one, the latter without word steps', () => {
    const { s, progress } = session();
    const between = s.handle('passagesBetween', { a: 'b', b: 'a', repeats: false }, progress);
    expect(between.length).toBeGreaterThan(0);
    for (const p of between) expect([p.a.doc, p.b.doc].sort()).toEqual(['a', 'b']);
    expect(s.handle('passagesBetween', { a: 'a', b: 'd', repeats: true }, progress)).toEqual([]);
    const of = s.handle('passagesOf', { doc: 'c' }, progress);
    expect(of.length).toBeGreaterThan(0);
    for (const p of of) {
      expect(p.a.doc === 'c' || p.b.doc === 'c').toBe(true);
      expect(p.ops).toEqual([]);
    }
  });

  it('gives the result as bytes only once it is computed', () => {
    const { s, progress } = session();
    expect(s.handle('reuseBytes', undefined, progress)).toBeNull();
    s.handle('reuse', undefined, progress);
    const bytes = s.handle('reuseBytes', undefined, progress)!;
    expect(JSON.parse(new TextDecoder().decode(bytes)).families.length).toBe(s.handle('reuse', undefined, progress).families.length);
  });

  it('searches, lists keywords in context and counts trends over one index built on first use', () => {
    const { s, stages, progress } = session();
    expect(s.handle('search', { q: 'lighthouse' }, progress).docs.map((r) => r.id).sort()).toEqual(['a', 'b', 'c']);
    expect(s.handle('kwic', { q: 'lighthouse', width: 30 }, progress).lines).toHaveLength(3);
    const t = s.handle('trends', { terms: ['lighthouse'] }, progress);
    expect(t.terms[0]!.total).toBe(3);
    expect(stages.filter((x) => x === 'Building the search index')).toHaveLength(2);
  });

  it('counts distinctive terms once per corpus, by outlet or by year', () => {
    const { s, stages, progress } = session();
    expect(s.handle('distinctive', { by: 'outlet' }, progress).groups.map((g) => g.key).sort()).toEqual(['Courier', 'Gazette', 'Herald']);
    expect(s.handle('distinctive', { by: 'year' }, progress).groups.map((g) => g.key)).toEqual(['2019', '2020', '2021']);
    expect(stages.filter((x) => x === 'Counting words')).toHaveLength(1);
  });

  it('forgets every answer when another corpus is loaded', () => {
    const { s, progress } = session();
    const before = s.handle('reuse', undefined, progress);
    s.handle('search', { q: 'lighthouse' }, progress);
    s.handle('load', { corpusId: 'other', docs: DOCS.slice(3) }, progress);
    expect(s.docs).toHaveLength(1);
    expect(s.handle('reuse', undefined, progress)).not.toBe(before);
    expect(s.handle('reuse', undefined, progress).families).toEqual([]);
    expect(s.handle('search', { q: 'lighthouse' }, progress).docs).toEqual([]);
    expect(s.handle('distinctive', { by: 'outlet' }, progress).groups.map((g) => g.key)).toEqual(['Gazette']);
  });

  it('refuses a request type it does not know', () => {
    const { s, progress } = session();
    expect(() => s.handle('nonsense' as 'load', undefined as never, progress)).toThrow('analysis: unknown request type "nonsense"');
  });
});
