/**
 * The search engine: a FlexSearch `Document` index over paragraphs, with our
 * encoder (src/search/encode.ts), plus the checks FlexSearch cannot make:
 * phrases (consecutive tokens), marks as offsets, and outlet/year filters.
 * Pure TypeScript: it runs in the worker, in Node tests and in the bench.
 */
import { Document } from 'flexsearch';
import { countWords } from '../corpus/word-count.ts';
import { LANGUAGES, type Language } from '../text/function-words.ts';
import { foldCase } from '../text/normalize.ts';
import { normalizeWord, tokenize, TokenKind } from '../text/index.ts';
import { UnitEncoder, wordKey } from './encode.ts';
import { outletKey, yearKey } from '../corpus/outlet-year.ts';
import { findMatches, findOccurrences } from './match.ts';
import { parseQuery, parseTerm, searchable, type QueryContext } from './query.ts';
import { makeSnippet, paragraphsOf } from './snippets.ts';
import type { KwicResponse, Occurrence, ParsedQuery, SearchDoc, SearchDocResult, SearchFilters, SearchHit, SearchResponse } from './types.ts';
import { kwicLine } from './kwic.ts';

/**
 * FlexSearch scores a term by where it stands in the paragraph; 3 slots
 * (start, middle, end) rank nearly as well as the default 9 on news
 * paragraphs and build the index about a third faster.
 */
export const INDEX_RESOLUTION = 3;
/** Documents shown per search; the count of all is still given. */
export const MAX_RESULT_DOCS = 50;
/** Hits (paragraphs) shown per document. */
export const MAX_HITS_PER_DOC = 8;
/** Candidate paragraphs checked for phrases per search; beyond it totals are "at least". */
export const MAX_VERIFIED_UNITS = 4000;
/** Concordance lines returned at most (the total is still counted). */
export const MAX_KWIC_LINES = 5000;

// Module-level, not closures of the constructor: a closure made there would keep
// its scope, the build's vocabulary and token buffers included, alive with the index.
/** Paragraphs arrive as term arrays (UnitEncoder); queries as their terms joined by TERM_SEPARATOR. */
const TERM_SEPARATOR = '\n';
const encodeInput = (input: string | string[]): string[] => (typeof input === 'string' ? input.split(TERM_SEPARATOR) : input);
/**
 * A paragraph's "document" is its term array, handed on as it is by the
 * field's `custom` reader (FlexSearch's types say a record and a string).
 */
const unitTerms = (terms: string[]): string[] => terms;
type UnitRecord = { text: string };
const asRecord = (terms: string[]): UnitRecord => terms as unknown as UnitRecord;

/** The reader marks a run of matched words with up to two short words between ("governance of cyberspace"). */
const RUN_GAP = /^[\s\p{P}]{0,3}(?:\p{L}{1,3}[\s\p{P}]{1,3}){0,2}$/u;

export class SearchEngine {
  readonly docs: readonly SearchDoc[];
  /** Per unit (paragraph): document index and offsets. */
  readonly #unitDoc: Int32Array;
  readonly #unitStart: Int32Array;
  readonly #unitEnd: Int32Array;
  readonly #index: Document<UnitRecord>;
  /** Per document, the language it is searched in (src/text/language.ts). */
  readonly #docLanguage: (Language | null)[] = [];
  /** The languages of the documents, most documents first, and how a query word is keyed in each. */
  readonly queryContext: QueryContext;
  #wordCounts: number[] | null = null;
  /** Per document, for the filters (computed on first use). */
  #outletKeys: string[] | null = null;
  #yearKeys: string[] | null = null;

  constructor(docs: readonly SearchDoc[]) {
    this.docs = docs;
    this.#index = new Document<UnitRecord>({
      tokenize: 'strict',
      resolution: INDEX_RESOLUTION,
      fastupdate: false,
      cache: false,
      encode: encodeInput as (text: string) => string[],
      document: { id: 'id', index: [{ field: 'text', custom: unitTerms as unknown as (doc: UnitRecord) => string }] },
    });
    const unitDoc: number[] = [];
    const unitStart: number[] = [];
    const unitEnd: number[] = [];
    const encoder = new UnitEncoder();
    // Outlet and year filters are applied to the candidate list ourselves: FlexSearch
    // tags would add a posting per paragraph per tag for filters a few arrays answer.
    docs.forEach((d, i) => {
      const language = encoder.encodeUnits(
        d.text,
        paragraphsOf(d.text),
        (terms, start, end) => {
          const u = unitDoc.length;
          unitDoc.push(i);
          unitStart.push(start);
          unitEnd.push(end);
          this.#index.add(u, asRecord(terms));
        },
        d.language ?? null,
      );
      this.#docLanguage.push(language);
    });
    this.queryContext = queryContextOf(this.#docLanguage, encoder.accented);
    this.#unitDoc = Int32Array.from(unitDoc);
    this.#unitStart = Int32Array.from(unitStart);
    this.#unitEnd = Int32Array.from(unitEnd);
  }

  get unitCount(): number {
    return this.#unitDoc.length;
  }

  /** Words per document, counted as the library counts them (Latin words, each Han character). */
  get wordCounts(): number[] {
    this.#wordCounts ??= this.docs.map((d) => countWords(d.text));
    return this.#wordCounts;
  }

  /** The language document `d` (an index into `docs`) is searched in. */
  languageOf(d: number): Language | null {
    return this.#docLanguage[d]!;
  }

  /**
   * Paragraphs that contain every indexed word of the query, best first,
   * filtered: in each language of the corpus, its documents' paragraphs that
   * hold the query's keys in that language; several languages' lists are
   * interleaved, each in FlexSearch's rank order.
   */
  #candidates(query: ParsedQuery, filters: SearchFilters = {}): number[] {
    const lists: number[][] = [];
    for (const f of query.forms) {
      if (!f.indexTerms.length) continue;
      const raw = this.#index.search(f.indexTerms.join(TERM_SEPARATOR), { limit: this.unitCount, index: 'text' }) as Array<{ result: Array<number | string> }>;
      const found = (raw[0]?.result ?? []).map(Number);
      lists.push(query.forms.length === 1 ? found : found.filter((u) => this.#docLanguage[this.#unitDoc[u]!] === f.language));
    }
    const ids = lists.length === 1 ? lists[0]! : interleave(lists);
    if (!filters.outlet && !filters.year) return ids;
    this.#outletKeys ??= this.docs.map(outletKey);
    this.#yearKeys ??= this.docs.map(yearKey);
    const outlets = this.#outletKeys;
    const years = this.#yearKeys;
    return ids.filter((u) => {
      const d = this.#unitDoc[u]!;
      return (!filters.outlet || outlets[d] === filters.outlet) && (!filters.year || years[d] === filters.year);
    });
  }

  search(raw: string, filters: SearchFilters = {}, maxDocs = MAX_RESULT_DOCS, maxHitsPerDoc = MAX_HITS_PER_DOC): SearchResponse {
    const t = performance.now();
    const query = parseQuery(raw, this.queryContext);
    const done = (r: Omit<SearchResponse, 'query' | 'ms'>): SearchResponse => ({ query, ...r, ms: performance.now() - t });
    if (!searchable(query)) return done({ docs: [], totalHits: 0, totalDocs: 0, truncated: false });

    const candidates = this.#candidates(query, filters);
    const byDoc = new Map<number, SearchDocResult>();
    const docsWithHits = new Set<number>();
    let totalHits = 0;
    let verified = 0;
    let truncated = false;
    // Without phrases every candidate is a hit, so only shown ones need tokenizing.
    const needsCheck = query.phrases.length > 0;
    for (const u of candidates) {
      const d = this.#unitDoc[u]!;
      const shownDoc = byDoc.get(d);
      const wantShown = shownDoc ? shownDoc.hits.length < maxHitsPerDoc : byDoc.size < maxDocs;
      if (!needsCheck && !wantShown) {
        totalHits++;
        docsWithHits.add(d);
        truncated = true;
        continue;
      }
      if (verified >= MAX_VERIFIED_UNITS) {
        truncated = true;
        break;
      }
      verified++;
      const start = this.#unitStart[u]!;
      const text = this.docs[d]!.text.slice(start, this.#unitEnd[u]!);
      const match = findMatches(text, query, this.#docLanguage[d]!);
      if (!match.complete || !match.ranges.length) continue;
      totalHits++;
      docsWithHits.add(d);
      if (!wantShown) {
        truncated = true;
        continue;
      }
      let entry = shownDoc;
      if (!entry) {
        const doc = this.docs[d]!;
        entry = { id: doc.id, title: doc.title, outlet: doc.outlet, date: doc.date, hits: [], matches: 0 };
        byDoc.set(d, entry);
      }
      // The reader marks the first run of matched words ("digital divide", "governance of
      // cyberspace": up to two short words between), not just its first word.
      const first = { ...match.ranges[0]! };
      for (let k = 1; k < match.ranges.length; k++) {
        const next = match.ranges[k]!;
        if (!RUN_GAP.test(text.slice(first.end, next.start))) break;
        first.end = next.end;
      }
      const hit: SearchHit = {
        unit: { start, end: this.#unitEnd[u]! },
        first: { start: start + first.start, end: start + first.end },
        count: match.ranges.length,
        snippet: makeSnippet(text, match.ranges),
      };
      entry.hits.push(hit);
      entry.matches += match.ranges.length;
    }
    // Hits inside a document read best in text order; documents keep FlexSearch's rank order.
    for (const entry of byDoc.values()) entry.hits.sort((a, b) => a.unit.start - b.unit.start);
    return done({ docs: [...byDoc.values()], totalHits, totalDocs: docsWithHits.size, truncated });
  }

  /** Every occurrence of one term or phrase (see parseTerm), optionally in one outlet / year. */
  occurrences(query: ParsedQuery, filters: SearchFilters = {}): Occurrence[] {
    if (!searchable(query)) return [];
    const units = this.#candidates(query, filters).sort((a, b) => a - b);
    const out: Occurrence[] = [];
    for (const u of units) {
      const i = this.#unitDoc[u]!;
      const d = this.docs[i]!;
      const start = this.#unitStart[u]!;
      const text = d.text.slice(start, this.#unitEnd[u]!);
      for (const r of findOccurrences(text, query, this.#docLanguage[i]!, tokenize(text))) out.push({ doc: d.id, start: start + r.start, end: start + r.end });
    }
    return out;
  }

  kwic(raw: string, width: number, filters: SearchFilters = {}, maxLines = MAX_KWIC_LINES): KwicResponse {
    const query = parseTerm(raw, this.queryContext);
    const occ = this.occurrences(query, filters);
    const byId = new Map(this.docs.map((d) => [d.id, d]));
    const lines = occ.slice(0, maxLines).map((o) => kwicLine(byId.get(o.doc)!, o, width));
    return { query, lines, total: occ.length, truncated: occ.length > maxLines };
  }
}

/** Lists merged by taking one from each in turn, so every language's best come first. */
function interleave(lists: readonly number[][]): number[] {
  const out: number[] = [];
  const longest = lists.reduce((n, l) => Math.max(n, l.length), 0);
  for (let k = 0; k < longest; k++) for (const l of lists) if (k < l.length) out.push(l[k]!);
  return out;
}

/**
 * How queries are read against a corpus whose documents are in `languages`:
 * in each language present (most documents first), a word keyed as the
 * index keys it; a word typed without accents that the corpus has only with
 * them is keyed as the accented form ("presentee" as "présentée").
 */
function queryContextOf(languages: readonly (Language | null)[], accented: ReadonlyMap<Language, ReadonlyMap<string, string>>): QueryContext {
  const counts = new Map<Language | null, number>();
  for (const l of languages) counts.set(l, (counts.get(l) ?? 0) + 1);
  const rank = (l: Language | null) => (l === null ? LANGUAGES.length : LANGUAGES.indexOf(l));
  const present = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || rank(a) - rank(b));
  return {
    languages: present.length ? present : ['en'],
    key(surface, kind, language) {
      if (kind === TokenKind.Word && language !== null) {
        const norm = normalizeWord(surface);
        const key = foldCase(surface) === norm ? accented.get(language)?.get(norm) : undefined;
        if (key !== undefined) return key;
      }
      return wordKey(surface, kind, language);
    },
  };
}
