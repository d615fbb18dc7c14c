/**
 * The worker's state and what it does for each request. Pure TypeScript (no
 * worker globals), so tests call it directly and the page can fall back to
 * running it in-thread when a Worker cannot start.
 */
import { corpusHash } from '../corpus/corpus-hash.ts';
import type { CorpusDocument } from '../corpus/types.ts';
import { importItem } from '../importer/read.ts';
import { readTable } from '../importer/table-file.ts';
import { formulaLedger } from '../compare/ledger.ts';
import { alignVersions, type MultiAlignment } from '../compare/multi-align.ts';
import { detectReuse } from '../reuse/index.ts';
import type { Family, ReuseResult } from '../reuse/types.ts';
import { SearchEngine } from '../search/engine.ts';
import { parseTerm } from '../search/query.ts';
import type { Language } from '../text/function-words.ts';
import { languageOfText } from '../text/language.ts';
import { countTermsByGroup, distinctiveFor, trendsFor, type TermCountsByGroup } from '../trends/analyse.ts';
import type { ComputedBy } from '../interop/index.ts';
import { ResultsImport } from './results.ts';
import { analysisCacheKey, byDocId, type Answer, type AnalysisDoc, type FormulaOverview, type Progress, type RequestType, type Requests, type ReuseOverview } from './protocol.ts';

/** Ledger entries sent to the page: the frequent ones are what a reader scans. */
export const LEDGER_ENTRIES = 300;
/** Wordings listed per family in the overview. */
export const OVERVIEW_VARIANTS = 20;

export class AnalysisSession {
  #docs: AnalysisDoc[] = [];
  #reuse: ReuseResult | null = null;
  #overview: ReuseOverview | null = null;
  /** Each family's versions aligned, by family id, for the current result. */
  #alignments = new Map<string, MultiAlignment>();
  #formulas: FormulaOverview | null = null;

  #forget(): void {
    this.#overview = null;
    this.#alignments.clear();
    this.#formulas = null;
  }

  /**
   * Per document of the loaded corpus (by position), its language
   * (src/text/language.ts), read once: from the search index when it is
   * built, which read it already, else from the text as the index would.
   */
  #languages: (Language | null | undefined)[] = [];

  #languageOf(i: number): Language | null {
    let language = this.#languages[i];
    if (language === undefined) {
      const d = this.#docs[i]!;
      language = this.#search?.docs === this.#docs ? this.#search.engine.languageOf(i) : languageOfText(d.text, d.language);
      this.#languages[i] = language;
    }
    return language;
  }

  #alignment(family: Family): MultiAlignment {
    let a = this.#alignments.get(family.id);
    if (!a) {
      const at = new Map(this.#docs.map((d, i) => [d.id, i]));
      const versions = family.members.filter((m) => at.has(m.doc)).map((m) => ({ ...m, text: this.#docs[at.get(m.doc)!]!.text, language: this.#languageOf(at.get(m.doc)!) }));
      a = alignVersions(versions);
      this.#alignments.set(family.id, a);
    }
    return a;
  }

  #reuseResult(progress: (p: Progress) => void): ReuseResult {
    if (!this.#reuse) {
      progress({ stage: 'Finding recurring passages', fraction: 0 });
      this.#reuse = detectReuse(this.#docs.map(({ id, text, date, outlet, language }) => ({ id, text, date, outlet, language })));
      progress({ stage: 'Finding recurring passages', fraction: 1 });
    }
    return this.#reuse;
  }
  /** Built on first use, for the documents it was built from. */
  #search: { docs: AnalysisDoc[]; engine: SearchEngine } | null = null;
  #termCounts: { docs: AnalysisDoc[]; counts: TermCountsByGroup } | null = null;

  #searchEngine(progress: (p: Progress) => void): SearchEngine {
    if (this.#search?.docs !== this.#docs) {
      progress({ stage: 'Building the search index', fraction: 0 });
      this.#search = { docs: this.#docs, engine: new SearchEngine(this.#docs) };
      progress({ stage: 'Building the search index', fraction: 1 });
    }
    return this.#search.engine;
  }

  get docs(): readonly AnalysisDoc[] {
    return this.#docs;
  }

  /** Answers at once, or (reading files) with a promise. */
  handle<K extends RequestType>(type: K, payload: Requests[K][0], progress: (p: Progress) => void): Answer<K> {
    const handler = this.#handlers[type] as (payload: Requests[K][0], progress: (p: Progress) => void) => Answer<K>;
    if (!handler) throw new Error(`analysis: unknown request type ${JSON.stringify(type)}`);
    return handler(payload, progress);
  }

  #results = new ResultsImport();

  #handlers: { [K in RequestType]: (payload: Requests[K][0], progress: (p: Progress) => void) => Answer<K> } = {
    load: ({ docs }) => {
      this.#docs = docs;
      this.#languages = [];
      this.#reuse = null;
      this.#forget();
      return { documents: docs.length };
    },
    reuse: (_payload, progress) => {
      const result = this.#reuseResult(progress);
      this.#overview ??= {
        computedBy: (result as ReuseResult & { computedBy?: ComputedBy }).computedBy ?? null,
        passageCount: result.passages.length,
        families: result.families.map(({ passages: _, variants, ...f }) => ({ ...f, variants: variants.slice(0, OVERVIEW_VARIANTS) })),
      };
      return this.#overview;
    },
    formulas: (_payload, progress) => {
      if (!this.#formulas) {
        const families = this.#reuseResult(progress).families;
        progress({ stage: 'Aligning every version of each formula', fraction: 0 });
        const formulas = families.map((f) => ({ id: f.id, label: f.label, alignment: this.#alignment(f) }));
        const docs = new Map(this.#docs.map((d) => [d.id, { outlet: d.outlet, date: d.date }]));
        this.#formulas = {
          wordings: Object.fromEntries(formulas.map((f) => [f.id, f.alignment.wordings.length])),
          ledger: formulaLedger(formulas, docs).slice(0, LEDGER_ENTRIES),
        };
        progress({ stage: 'Aligning every version of each formula', fraction: 1 });
      }
      return this.#formulas;
    },
    family: ({ id }, progress) => {
      const result = this.#reuseResult(progress);
      const family = result.families.find((f) => f.id === id);
      return family ? { family, passages: family.passages.map((i) => result.passages[i]!), alignment: this.#alignment(family) } : null;
    },
    passagesBetween: ({ a, b, repeats }, progress) =>
      this.#reuseResult(progress).passages.filter(
        (p) => (p.a.doc === a && p.b.doc === b) || (p.a.doc === b && p.b.doc === a) || (repeats && p.a.doc === p.b.doc && (p.a.doc === a || p.a.doc === b)),
      ),
    passagesOf: ({ doc }, progress) =>
      this.#reuseResult(progress)
        .passages.filter((p) => p.a.doc === doc || p.b.doc === doc)
        .map((p) => ({ ...p, ops: [] })),
    reuseBytes: () => (this.#reuse ? new TextEncoder().encode(JSON.stringify(this.#reuse)).buffer : null),
    search: ({ q, outlet, year }, progress) => this.#searchEngine(progress).search(q, { outlet, year }),
    kwic: ({ q, width, outlet, year }, progress) => this.#searchEngine(progress).kwic(q, width, { outlet, year }),
    trends: ({ terms }, progress) => {
      const engine = this.#searchEngine(progress);
      return trendsFor(engine, terms.map((t) => ({ term: t, query: parseTerm(t, engine.queryContext) })));
    },
    importFiles: ({ items, taken }, progress) => {
      const ids = new Set(taken);
      return items.map((item, i) => {
        progress({ stage: `Cleaning ${item.path}`, fraction: i / items.length });
        return importItem(item, ids);
      });
    },
    readTable: ({ bytes, path }) => readTable(bytes, path),
    open: ({ corpusId, docs, cached }, progress) => {
      const { documents } = this.#handlers.load({ corpusId, docs }, progress);
      // corpusHash reads only meta.id and text, in id order, as assembleCorpus sorts them.
      const sorted = byDocId(docs);
      const hash = corpusHash(sorted.map((d) => ({ meta: { id: d.id }, text: d.text }) as unknown as CorpusDocument));
      const cacheKey = analysisCacheKey(hash, sorted);
      const primed = cached !== null && cached.key === cacheKey;
      if (primed) this.#handlers.primeReuse({ bytes: cached.bytes }, progress);
      return { documents, hash, cacheKey, primed };
    },
    primeReuse: ({ bytes }) => {
      this.#reuse = JSON.parse(new TextDecoder().decode(bytes)) as ReuseResult;
      this.#forget();
    },
    resultsScan: ({ files }, progress) => this.#results.scan(files, progress),
    resultsPreview: ({ selection }) => this.#results.preview(selection),
    resultsBuild: ({ selection, parameters }, progress) => this.#results.build(selection, parameters, progress),
    resultsCancel: () => this.#results.cancel(),
    resultsClear: () => this.#results.clear(),
    distinctive: ({ by }, progress) => {
      if (this.#termCounts?.docs !== this.#docs) {
        progress({ stage: 'Counting words', fraction: 0 });
        this.#termCounts = { docs: this.#docs, counts: countTermsByGroup(this.#docs, (i) => this.#languageOf(i)) };
      }
      return distinctiveFor(this.#termCounts.counts, by);
    },
  };
}
