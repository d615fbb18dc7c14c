import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.ts';
import type { SearchDoc } from '../../src/search/types.ts';

const DOCS: SearchDoc[] = [
  {
    id: 'a',
    title: 'Alpha',
    outlet: 'Daily',
    date: { value: '2019-10-25', precision: 'day', approximate: false },
    text: 'Cyberspace governance matters.\n\nThe rule of law in cyberspace.\n\nNothing here.',
  },
  {
    id: 'b',
    title: 'Beta',
    outlet: 'Weekly',
    date: { value: '2020', precision: 'year', approximate: false },
    text: 'Governance of cyberspace, again governance.\n\nA rule and a law.',
  },
  { id: 'zh', title: '中文', outlet: null, date: null, text: '引言。\n\n推动构建网络空间命运共同体。' },
  { id: 'ja', title: '日本語', outlet: null, date: null, text: 'はじめに。\n\nカタカナのコンピューターを使う。' },
];

describe('SearchEngine.search', () => {
  const engine = new SearchEngine(DOCS);

  it('groups hits by document with marks at document-relative offsets', () => {
    const r = engine.search('governance cyberspace');
    expect(r.totalDocs).toBe(2);
    expect(r.totalHits).toBe(2);
    const b = r.docs.find((d) => d.id === 'b')!;
    const hit = b.hits[0]!;
    const text = DOCS[1]!.text;
    expect(text.slice(hit.first.start, hit.first.end)).toBe('Governance of cyberspace');
    expect(hit.snippet.marks.map((m) => hit.snippet.text.slice(m.start, m.end))).toEqual(['Governance', 'cyberspace', 'governance']);
  });

  it('links the reader to the first run of matched words, not just its first word', () => {
    const r = engine.search('governance cyberspace');
    const a = r.docs.find((d) => d.id === 'a')!;
    const text = DOCS[0]!.text;
    expect(text.slice(a.hits[0]!.first.start, a.hits[0]!.first.end)).toBe('Cyberspace governance');
    const b = r.docs.find((d) => d.id === 'b')!;
    expect(DOCS[1]!.text.slice(b.hits[0]!.first.start, b.hits[0]!.first.end)).toBe('Governance of cyberspace');
  });

  it('verifies phrases', () => {
    const r = engine.search('"rule of law"');
    expect(r.docs.map((d) => d.id)).toEqual(['a']);
    expect(r.totalHits).toBe(1);
  });

  it('filters by outlet and year (a year-precision date counts in its year)', () => {
    expect(engine.search('governance', { outlet: 'Weekly' }).docs.map((d) => d.id)).toEqual(['b']);
    expect(engine.search('governance', { year: '2020' }).docs.map((d) => d.id)).toEqual(['b']);
    expect(engine.search('governance', { year: '2021' }).totalHits).toBe(0);
  });

  it('finds Chinese words inside a run of Han characters', () => {
    const r = engine.search('空间');
    expect(r.docs.map((d) => d.id)).toEqual(['zh']);
    const hit = r.docs[0]!.hits[0]!;
    expect(DOCS[2]!.text.slice(hit.first.start, hit.first.end)).toBe('空间');
    expect(engine.search('网络空间').totalHits).toBe(1);
  });

  it('finds a Japanese word inside a run of kana', () => {
    const r = engine.search('コンピューター');
    expect(r.docs.map((d) => d.id)).toEqual(['ja']);
    const hit = r.docs[0]!.hits[0]!;
    expect(DOCS[3]!.text.slice(hit.first.start, hit.first.end)).toBe('コンピューター');
  });

  it('answers malformed queries with a message, never an exception', () => {
    for (const q of ['"unclosed', 'the of', 'x'.repeat(10_000), '', '"""', '((( ***']) {
      const r = engine.search(q);
      expect(r.docs).toBeDefined();
    }
    expect(engine.search('the of').query.error).toMatch(/common words/);
    expect(engine.search('x'.repeat(10_000)).query.error).toMatch(/10,000/);
  });

  it('says nothing was found rather than failing', () => {
    const r = engine.search('zebra');
    expect(r.totalHits).toBe(0);
    expect(r.query.error).toBeNull();
  });
});

describe('SearchEngine.kwic', () => {
  it('gives every occurrence with context', () => {
    const engine = new SearchEngine(DOCS);
    const r = engine.kwic('governance', 11);
    expect(r.total).toBe(3);
    expect(r.lines.map((l) => l.keyword)).toEqual(['governance', 'Governance', 'governance']);
    expect(r.lines[0]!.left).toBe('Cyberspace ');
    expect(r.lines[0]!.right).toBe(' matters. T');
  });
});

const doc = (id: string, text: string, language: string | null = null): SearchDoc => ({ id, title: id, outlet: null, date: null, language, text });
const FR = doc(
  'fr',
  'Les oiseaux migrateurs sont revenus dans la vallée au printemps.\n\nLa mairie a présenté une étude sur les oiseaux et les chevaux de la ferme.\n\nUne nouvelle route a été présentée aux habitants.',
);
const DE = doc(
  'de',
  'Die Energiewenden der Nachbarländer sind nicht billig, aber sie kommen voran.\n\nDie Regierung hat den Ausbau der Netze genehmigt und will weitere Anlagen genehmigen.',
);
const ES = doc('es', 'Los vecinos quedan contentos con el nuevo parque.\n\nEl alcalde dijo que el parque va a quedar abierto todo el año para las familias.');
const EN = doc('en', 'The rabbits are back in the valley, and the council said that the parks stay open.');
const marked = (r: ReturnType<SearchEngine['search']>, id: string) =>
  r.docs.find((d) => d.id === id)?.hits.flatMap((h) => h.snippet.marks.map((m) => h.snippet.text.slice(m.start, m.end))) ?? [];

describe('SearchEngine in the language of each document', () => {
  const engine = new SearchEngine([FR, DE, ES, EN]);

  it('reads each document in its own language', () => {
    expect([0, 1, 2, 3].map((d) => engine.languageOf(d))).toEqual(['fr', 'de', 'es', 'en']);
    expect(engine.queryContext.languages).toEqual(expect.arrayContaining(['fr', 'de', 'es', 'en']));
  });

  it('finds and marks the inflected forms of a French word', () => {
    const r = engine.search('oiseau');
    expect(r.docs.map((d) => d.id)).toEqual(['fr']);
    expect(r.totalHits).toBe(2);
    expect(marked(r, 'fr')).toEqual(['oiseaux', 'oiseaux']);
    expect(marked(engine.search('cheval'), 'fr')).toEqual(['chevaux']);
    expect(marked(engine.search('présenter'), 'fr')).toEqual(['présenté', 'présentée']);
  });

  it('finds a word typed without its accents where the corpus writes them', () => {
    expect(marked(engine.search('presentee'), 'fr')).toEqual(['présenté', 'présentée']);
    expect(marked(engine.search('vallee'), 'fr')).toEqual(['vallée']);
  });

  it('finds German and Spanish inflections', () => {
    expect(marked(engine.search('Energiewende'), 'de')).toEqual(['Energiewenden']);
    expect(marked(engine.search('genehmigen'), 'de')).toEqual(['genehmigt', 'genehmigen']);
    expect(marked(engine.search('genehmigt'), 'de')).toEqual(['genehmigt', 'genehmigen']);
    expect(marked(engine.search('quedar'), 'es')).toEqual(['quedan', 'quedar']);
  });

  it('drops each language’s own function words, and says so only for words no language indexes', () => {
    const r = engine.search('les oiseaux');
    expect(r.docs.map((d) => d.id)).toEqual(['fr']);
    expect(marked(r, 'fr')).toEqual(['oiseaux', 'oiseaux']);
    // "die" is a German function word but an English content word: searched in English documents only.
    expect(engine.search('die').query.notices.join(' ')).not.toMatch(/common words/);
    expect(engine.search('die').totalHits).toBe(0);
    const french = new SearchEngine([FR]);
    expect(french.search('les oiseaux').query.notices.join(' ')).toMatch(/not searched on their own: les/);
    expect(french.search('les des').query.error).toMatch(/only very common words/);
  });

  it('verifies phrases in the document’s language', () => {
    expect(marked(engine.search('"oiseaux migrateurs"'), 'fr')).toEqual(['oiseaux migrateurs']);
    expect(engine.search('"oiseau migrateur"').totalHits).toBe(1);
    expect(engine.search('"migrateurs oiseaux"').totalHits).toBe(0);
  });

  it('keeps English as it was in a mixed corpus', () => {
    expect(marked(engine.search('rabbit'), 'en')).toEqual(['rabbits']);
    expect(marked(engine.search('park'), 'en')).toEqual(['parks']);
  });

  it('counts concordance lines with the same keys', () => {
    const r = engine.kwic('oiseau', 20);
    expect(r.lines.map((l) => l.keyword)).toEqual(['oiseaux', 'oiseaux']);
    expect(engine.kwic('genehmigen', 20).total).toBe(2);
  });

  it('matches a document in a language without a stemmer here by its exact forms', () => {
    const fi = doc('fi', Array.from({ length: 12 }, () => 'Kaupungin valtuusto päätti eilen uudesta kirjastosta ja parks.').join('\n\n'));
    const e = new SearchEngine([fi]);
    expect(e.languageOf(0)).toBeNull();
    expect(e.search('kirjastosta').totalHits).toBe(12);
    expect(e.search('park').totalHits).toBe(0);
    expect(e.search('parks').totalHits).toBe(12);
  });
});
