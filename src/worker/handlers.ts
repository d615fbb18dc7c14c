/**
 * The worker's state and what it does for each request. Pure TypeScript (no
 * worker globals), so tests call it directly and the page can fall back to
 * running it in-thread when a Worker cannot start.
 */
import { corpusHash } from '../corpus/assemble.ts';
import type { CorpusDocument } from '../corpus/types.ts';
import { importItem } from '../importer/read.ts';
import { detectReuse } from '../reuse/index.ts';
import type { ReuseResult } from '../reuse/types.ts';
import { SearchEngine } from '../search/engine.ts';
import { parseTerm } from '../search/query.ts';
import { countTermsByGroup, distinctiveFor, trendsFor, type TermCountsByGroup } from '../trends/analyse.ts';
import type { AnalysisDoc, Progress, RequestType, Requests } from './protocol.ts';

export class AnalysisSession {
  #docs: AnalysisDoc[] = [];
  #reuse: ReuseResult | null = null;
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

  handle<K extends RequestType>(type: K, payload: Requests[K][0], progress: (p: Progress) => void): Requests[K][1] {
    const handler = this.#handlers[type] as (payload: Requests[K][0], progress: (p: Progress) => void) => Requests[K][1];
    if (!handler) throw new Error(`analysis: unknown request type ${JSON.stringify(type)}`);
    return handler(payload, progress);
  }

  #handlers: { [K in RequestType]: (payload: Requests[K][0], progress: (p: Progress) => void) => Requests[K][1] } = {
    load: ({ docs }) => {
      this.#docs = docs;
      this.#reuse = null;
      return { documents: docs.length };
    },
    reuse: (_payload, progress) => {
      if (!this.#reuse) {
        progress({ stage: 'Finding recurring passages', fraction: 0 });
        this.#reuse = detectReuse(this.#docs.map(({ id, text, date, outlet }) => ({ id, text, date, outlet })));
        progress({ stage: 'Finding recurring passages', fraction: 1 });
      }
      return this.#reuse;
    },
    search: ({ q, outlet, year }, progress) => this.#searchEngine(progress).search(q, { outlet, year }),
    kwic: ({ q, width, outlet, year }, progress) => this.#searchEngine(progress).kwic(q, width, { outlet, year }),
    trends: ({ terms }, progress) => {
      const engine = this.#searchEngine(progress);
      return trendsFor(engine, terms.map((t) => ({ term: t, query: parseTerm(t) })));
    },
    importFiles: ({ items, taken }, progress) => {
      const ids = new Set(taken);
      return items.map((item, i) => {
        progress({ stage: `Cleaning ${item.path}`, fraction: i / items.length });
        return importItem(item, ids);
      });
    },
    loadHashed: ({ corpusId, docs }, progress) => {
      const { documents } = this.#handlers.load({ corpusId, docs }, progress);
      // corpusHash reads only meta.id and text, in id order, as assembleCorpus sorts them.
      const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { documents, hash: corpusHash(sorted.map((d) => ({ meta: { id: d.id }, text: d.text }) as unknown as CorpusDocument)) };
    },
    primeReuse: ({ result }) => {
      this.#reuse = result;
    },
    distinctive: ({ by }, progress) => {
      if (this.#termCounts?.docs !== this.#docs) {
        progress({ stage: 'Counting words', fraction: 0 });
        this.#termCounts = { docs: this.#docs, counts: countTermsByGroup(this.#docs) };
      }
      return distinctiveFor(this.#termCounts.counts, by);
    },
  };
}
