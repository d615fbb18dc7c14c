/**
 * A deterministic synthetic news corpus with planted, reworded shared
 * passages and known character spans: the ground truth for the reuse
 * benchmarks.
 *
 * - Filler: news-like sentences from a small grammar over a generated,
 *   Zipf-distributed vocabulary (real English words at the top ranks, made-up
 *   words below them, so the vocabulary is large like real news).
 * - Boilerplate: stock phrases ("according to a statement released on
 *   Monday") and per-outlet footers recur in most documents. They are NOT
 *   planted passages: a detector that reports them loses precision.
 * - Planted passages: 6–60 words, each placed in 2–5 distinct documents.
 *   The first copy is the source wording; every other copy is reworded
 *   independently at the passage's level:
 *     verbatim   identical;
 *     light      1–2 content words swapped for a synonym;
 *     moderate   one substitution, insertion or deletion about every 4 words;
 *     reordered  the passage's phrases (clauses) put in another order.
 *
 * With `formulas`, the corpus also holds what a reader calls formulas (see
 * `FormulaOptions`): slogans in a set share of the documents (60%, 100%),
 * a longer frame around a slogan, one outlet's own slogan quoted by others,
 * footers that recur in every document of some outlets, and chance-level
 * shared phrasing (sentences that share a few common words in order, and no
 * more). They are drawn from a PRNG of their own and inserted into the
 * documents after the base text is drawn, so the base text (filler, stock
 * phrases, planted passages) is the same with or without them; without
 * `formulas` the output is byte-identical to earlier versions.
 *
 * Same options (same seed) → byte-identical output. Pure: no I/O.
 */
import type { DocDate } from '../../src/corpus/types.ts';
import type { ReuseInput, Span, TruthGroup } from './types.ts';

export type RewordLevel = 'verbatim' | 'light' | 'moderate' | 'reordered';
export const REWORD_LEVELS: readonly RewordLevel[] = ['verbatim', 'light', 'moderate', 'reordered'];

export interface SyntheticOptions {
  /** Approximate total words (tokens matching /[\p{L}\p{N}]+/u). */
  words: number;
  seed?: number;
  /** Mean words per document (default 600; lengths vary ±60%). */
  docWords?: number;
  /** Share of all words that belong to planted copies (default 0.03). */
  plantedShare?: number;
  /** Levels to plant, cycled evenly (default all four). */
  levels?: readonly RewordLevel[];
  minPassageWords?: number;
  maxPassageWords?: number;
  minCopies?: number;
  maxCopies?: number;
  /** Include stock phrases and outlet footers (default true). */
  boilerplate?: boolean;
  /** Plant formulas as readers mean them (default none). */
  formulas?: FormulaOptions;
}

/** What `generateCorpus` plants besides the reworded passages. */
export interface FormulaOptions {
  /** One slogan per entry, planted in this share of the documents (e.g. [1, 0.6]). */
  sloganShares?: readonly number[];
  /** Share of the documents where the first slogan stands inside a longer frame. */
  frameShare?: number;
  /** This many outlets end every document with a footer of their own. */
  footerOutlets?: number;
  /** One outlet's own slogan: in all its documents, and quoted in this many documents of other outlets. */
  ownSloganQuotes?: number;
  /** Chance-level sentences (a few common words in order, nothing more), per document on average. */
  chancePerDoc?: number;
}

export type FormulaKind = 'slogan' | 'frame' | 'footer' | 'stock' | 'chance';

/**
 * Recurring text that is not a reworded planted passage. `slogan`, `frame`,
 * `footer`: formulas a detector should find (a frame contains a slogan:
 * `contains` names it). `stock`: the generic stock phrases and the
 * network-wide footer of the base corpus (recurring text, not chance).
 * `chance`: sentences that share only a few common words: a passage between
 * two of them is found by chance.
 */
export interface FormulaTruth extends TruthGroup {
  kind: FormulaKind;
  /** texts[i] is the text at spans[i]. */
  texts: string[];
  /** The wording planted most often (slogans, frames, footers). */
  canonical?: string;
  /** Share of the documents it was planted in (slogans). */
  share?: number;
  /** For a footer: the outlet whose documents all carry it. */
  outlet?: string;
  /** For a frame: the id of the formula it contains. */
  contains?: string;
}

export interface PlantedPassage extends TruthGroup {
  level: RewordLevel;
  /** spans[i] is copy i; spans[0] holds the source wording. Distinct documents. */
  spans: Span[];
  /** texts[i] === docs[spans[i].doc].text.slice(spans[i].start, spans[i].end). */
  texts: string[];
  words: number;
}

export interface SyntheticCorpus {
  docs: ReuseInput[];
  planted: PlantedPassage[];
  /** The fixed wording of the stock phrases used as boilerplate. */
  stockPhrases: readonly string[];
  /**
   * Other recurring text with its spans: the stock phrases and the
   * network-wide footer (always, when `boilerplate`), and the formulas of
   * `formulas` (slogans, frames, outlet footers, chance sentences).
   */
  formulas: FormulaTruth[];
  /** Words actually generated (same tokenisation as T0). */
  words: number;
}

// ---------------------------------------------------------------------------
// PRNG

/** sfc32 seeded through splitmix32: fast, good enough, deterministic. */
export function makeRng(seed: number): () => number {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)] as T;
}

// ---------------------------------------------------------------------------
// Vocabulary. Content lists are laid out in synonym pairs: word 2k and word
// 2k+1 are synonyms (real pairs first, then made-up pairs), so a "light"
// rewording swaps like for like.

const REAL_NOUNS = [
  'plan', 'proposal', 'city', 'town', 'rule', 'regulation', 'worker', 'employee', 'firm', 'company',
  'price', 'cost', 'official', 'spokesperson', 'future', 'outlook', 'inquiry', 'investigation', 'aid', 'assistance',
  'river', 'waterway', 'road', 'highway', 'school', 'academy', 'hospital', 'clinic', 'council', 'assembly',
  'report', 'study', 'budget', 'spending', 'market', 'exchange', 'farmer', 'grower', 'storm', 'tempest',
  'museum', 'gallery', 'visitor', 'tourist', 'agreement', 'deal', 'election', 'vote', 'court', 'tribunal',
  'minister', 'secretary', 'crisis', 'emergency', 'project', 'scheme', 'region', 'province', 'border', 'frontier',
  'union', 'guild', 'village', 'hamlet', 'bridge', 'crossing', 'harvest', 'crop', 'festival', 'fair',
  'library', 'archive', 'network', 'grid', 'factory', 'plant', 'port', 'harbour', 'law', 'statute',
  'tax', 'levy', 'fund', 'reserve', 'team', 'squad', 'generation', 'cohort', 'river basin', 'watershed',
  'policy', 'strategy', 'protest', 'demonstration', 'shortage', 'scarcity', 'tower', 'spire', 'police', 'constabulary',
];
const REAL_VERBS: ReadonlyArray<readonly [string, string]> = [
  ['protect', 'protected'], ['safeguard', 'safeguarded'], ['approve', 'approved'], ['endorse', 'endorsed'],
  ['reject', 'rejected'], ['dismiss', 'dismissed'], ['open', 'opened'], ['inaugurate', 'inaugurated'],
  ['cut', 'cut'], ['reduce', 'reduced'], ['raise', 'raised'], ['increase', 'increased'],
  ['sign', 'signed'], ['ratify', 'ratified'], ['launch', 'launched'], ['start', 'started'],
  ['block', 'blocked'], ['halt', 'halted'], ['back', 'backed'], ['support', 'supported'],
  ['criticise', 'criticised'], ['condemn', 'condemned'], ['delay', 'delayed'], ['postpone', 'postponed'],
  ['expand', 'expanded'], ['extend', 'extended'], ['promise', 'promised'], ['pledge', 'pledged'],
  ['warn', 'warned'], ['caution', 'cautioned'], ['confirm', 'confirmed'], ['verify', 'verified'],
  ['draw', 'drew'], ['attract', 'attracted'], ['build', 'built'], ['construct', 'constructed'],
  ['close', 'closed'], ['shut', 'shut'], ['fund', 'funded'], ['finance', 'financed'],
];
const REAL_ADJECTIVES = [
  'new', 'fresh', 'local', 'municipal', 'big', 'large', 'small', 'modest', 'former', 'previous',
  'public', 'civic', 'major', 'significant', 'rural', 'agrarian', 'annual', 'yearly', 'regional', 'provincial',
  'economic', 'financial', 'coming', 'future', 'quick', 'rapid', 'strong', 'robust', 'key', 'central',
  'historic', 'landmark', 'urgent', 'pressing', 'national', 'federal', 'costly', 'expensive', 'stable', 'steady',
];
const ADVERBS = ['also', 'now', 'still', 'reportedly', 'largely', 'only', 'even', 'already', 'again', 'once more'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NUMBERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty', 'forty', 'hundreds of', 'thousands of', 'two million', 'half a million'];
const PREPS = ['in', 'for', 'across', 'near', 'outside', 'around', 'throughout', 'beyond'];
const ROLES = ['spokesperson for', 'a senior official in', 'the mayor of', 'a researcher in', 'the head of the council in', 'a resident of', 'an economist based in'];

const ONSETS = ['b', 'br', 'c', 'cr', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p', 'pl', 'pr', 'r', 's', 'st', 'sl', 't', 'tr', 'v', 'w', 'z', 'th', 'sh', 'ch'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io', 'ie'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'm', 'nd', 'st', 'rt', 'x', 'ck', 'ng'];

function makeWords(rng: Rng, count: number, syllables: [number, number], taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < count) {
    let w = '';
    const n = int(rng, syllables[0], syllables[1]);
    for (let i = 0; i < n; i++) w += pick(rng, ONSETS) + pick(rng, VOWELS) + (i === n - 1 || rng() < 0.3 ? pick(rng, CODAS) : '');
    if (w.length < 4 || taken.has(w)) continue;
    taken.add(w);
    out.push(w);
  }
  return out;
}
const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
function plural(n: string): string {
  if (/[^aeiou]y$/.test(n)) return n.slice(0, -1) + 'ies';
  if (/(s|x|ch|sh)$/.test(n)) return n + 'es';
  return n + 's';
}

/**
 * A Zipf–Mandelbrot sampler over `n` ranks, p(r) ∝ 1/(r + q)^s, by binary
 * search on the CDF. The offset q flattens the head, as in real news, where
 * even the commonest noun is well under 1% of words; with q = 0 the top few
 * made-up words would recur so often that filler itself looked reused.
 */
function zipf(n: number, s = 1.0, q = 12): (rng: Rng) => number {
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) cdf[i] = acc += 1 / Math.pow(i + 1 + q, s);
  return (rng) => {
    const x = rng() * acc;
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1; else hi = mid;
    }
    return lo;
  };
}

interface Vocab {
  nouns: string[];
  verbs: Array<readonly [string, string]>;
  adjs: string[];
  names: string[];
  places: string[];
  outlets: string[];
  zNoun: (r: Rng) => number;
  zVerb: (r: Rng) => number;
  zAdj: (r: Rng) => number;
  zName: (r: Rng) => number;
  zPlace: (r: Rng) => number;
}

function makeVocab(seed: number): Vocab {
  const rng = makeRng(seed ^ 0x5eed);
  const taken = new Set<string>([...REAL_NOUNS, ...REAL_ADJECTIVES, ...REAL_VERBS.flat()]);
  const nouns = [...REAL_NOUNS, ...makeWords(rng, 8000, [2, 3], taken)];
  const verbs: Array<readonly [string, string]> = [
    ...REAL_VERBS,
    ...makeWords(rng, 2000, [1, 2], taken).map((w) => [w + 'ize', w + 'ized'] as const),
  ];
  const adjs = [...REAL_ADJECTIVES, ...makeWords(rng, 2000, [2, 3], taken).map((w) => w + (rng() < 0.5 ? 'al' : 'ic'))];
  const names = makeWords(rng, 3000, [2, 3], taken).map(cap);
  const places = makeWords(rng, 2000, [2, 3], taken).map((w) => cap(w) + pick(rng, ['', '', 'ia', 'ton', 'burg', 'ford', 'ville']));
  const outlets = ['The Morning Ledger', 'Valley Courier', 'Northern Star Press', 'The Daily Record', 'Harbour Times', 'Capital Wire', 'The Evening Standard Post', 'Coastal Herald', 'Metro Gazette', 'The Plains Observer', 'River City Journal', 'Highland Tribune'];
  return {
    nouns, verbs, adjs, names, places, outlets,
    zNoun: zipf(nouns.length), zVerb: zipf(verbs.length), zAdj: zipf(adjs.length),
    zName: zipf(names.length, 0.8), zPlace: zipf(places.length, 0.9),
  };
}

// ---------------------------------------------------------------------------
// Grammar. A token knows its part of speech (for substitutions), whether it
// opens a phrase (for reordering) and the punctuation that follows it.

type Pos = 'N' | 'V' | 'A' | 'R' | 'NAME' | 'F';
interface Tok {
  w: string;
  pos: Pos;
  /** Index into the part-of-speech list, for synonyms (content words only). */
  k?: number;
  /** Opens a phrase. */
  open?: boolean;
  punct?: ',' | '.';
}

class Grammar {
  constructor(readonly v: Vocab, readonly rng: Rng) {}

  private noun(plural_ = false): Tok {
    const k = this.v.zNoun(this.rng);
    const w = this.v.nouns[k] as string;
    return { w: plural_ ? plural(w) : w, pos: 'N', k };
  }
  private adj(): Tok {
    const k = this.v.zAdj(this.rng);
    return { w: this.v.adjs[k] as string, pos: 'A', k };
  }
  private verb(form: 0 | 1): Tok {
    const k = this.v.zVerb(this.rng);
    return { w: (this.v.verbs[k] as readonly [string, string])[form], pos: 'V', k };
  }
  private f(w: string): Tok {
    return { w, pos: 'F' };
  }
  private name(): Tok[] {
    return [
      { w: this.v.names[this.v.zName(this.rng)] as string, pos: 'NAME' },
      { w: this.v.names[this.v.zName(this.rng)] as string, pos: 'NAME' },
    ];
  }
  private place(): Tok {
    return { w: this.v.places[this.v.zPlace(this.rng)] as string, pos: 'NAME' };
  }
  private np(): Tok[] {
    const r = this.rng();
    const out: Tok[] = [];
    if (r < 0.45) {
      out.push(this.f(pick(this.rng, ['the', 'the', 'a', 'its', 'their', 'this'])));
      if (this.rng() < 0.55) out.push(this.adj());
      out.push(this.noun());
      if (this.rng() < 0.3) out.push(this.f('of'), this.place());
    } else if (r < 0.7) {
      out.push(this.f(pick(this.rng, NUMBERS)));
      if (this.rng() < 0.4) out.push(this.adj());
      out.push(this.noun(true));
    } else if (r < 0.85) {
      out.push(this.f('the'), this.noun(), this.f('of'), this.f('the'), this.noun());
    } else {
      out.push(this.place(), this.noun());
    }
    return out;
  }
  private pp(): Tok[] {
    return [this.f(pick(this.rng, PREPS)), ...(this.rng() < 0.5 ? [this.place()] : this.np())];
  }
  private time(): Tok[] {
    const r = this.rng();
    if (r < 0.3) return [this.f('on'), { w: pick(this.rng, WEEKDAYS), pos: 'NAME' }];
    if (r < 0.5) return [this.f('last'), this.f(pick(this.rng, ['year', 'month', 'week', 'spring', 'winter']))];
    if (r < 0.7) return [this.f('in'), { w: pick(this.rng, MONTHS), pos: 'NAME' }];
    if (r < 0.85) return [this.f('earlier'), this.f('this'), this.f(pick(this.rng, ['year', 'month', 'week']))];
    return [this.f('since'), { w: String(int(this.rng, 1990, 2024)), pos: 'F' }];
  }
  private phrase(toks: Tok[]): Tok[] {
    if (toks[0]) toks[0].open = true;
    return toks;
  }

  /** One sentence as phrases; the last token carries '.'. */
  sentence(): Tok[] {
    const rng = this.rng;
    const parts: Tok[][] = [];
    const t = rng();
    if (t < 0.3) {
      parts.push(this.np(), [this.verb(1), ...this.np()]);
      if (rng() < 0.6) parts.push(this.pp());
      if (rng() < 0.5) parts.push(this.time());
    } else if (t < 0.5) {
      const who = [...this.name()];
      who[who.length - 1]!.punct = ',';
      const role = [...pick(rng, ROLES).split(' ').map((w) => this.f(w)), this.place()];
      role[role.length - 1]!.punct = ',';
      parts.push(who, role, [this.f('said'), this.f('that'), ...this.np()], [this.f('would'), this.verb(0), ...this.np()]);
      if (rng() < 0.4) parts.push(this.time());
    } else if (t < 0.65) {
      const tm = this.time();
      tm[tm.length - 1]!.punct = ',';
      parts.push(tm, this.np(), [this.verb(1), ...this.np()], this.pp());
    } else if (t < 0.8) {
      parts.push([this.f('officials'), this.f('said')], [this.f('the'), this.adj(), this.noun()], [this.verb(1)], [this.f('after'), ...this.np()]);
    } else {
      parts.push(this.np(), [this.f('has'), this.verb(1), ...this.np()], this.pp(), [this.f('while'), ...this.np(), this.verb(1), ...this.np()]);
    }
    const toks = parts.flatMap((p) => this.phrase(p));
    toks[toks.length - 1]!.punct = '.';
    return toks;
  }

  /** A passage of exactly `n` words (tokens may hold two words, e.g. "two million"). */
  passage(n: number): Tok[] {
    const out: Tok[] = [];
    while (wordCount(out) < n) out.push(...this.sentence());
    while (wordCount(out) > n) {
      const last = out[out.length - 1]!;
      const parts = last.w.split(' ');
      if (parts.length > 1 && wordCount(out) - 1 >= n) last.w = parts.slice(0, -1).join(' ');
      else out.pop();
    }
    const last = out[out.length - 1];
    if (last) delete last.punct;
    return out;
  }

  synonym(t: Tok): Tok {
    const list = t.pos === 'N' ? this.v.nouns : t.pos === 'A' ? this.v.adjs : t.pos === 'V' ? this.v.verbs : null;
    if (list && t.k !== undefined) {
      const k = t.k ^ 1;
      if (k < list.length) {
        let w: string;
        if (t.pos === 'V') {
          const pair = this.v.verbs[k] as readonly [string, string];
          const orig = this.v.verbs[t.k] as readonly [string, string];
          w = t.w === orig[1] && orig[1] !== orig[0] ? pair[1] : pair[0];
        } else {
          const base = list[k] as string;
          w = t.pos === 'N' && t.w !== list[t.k] ? plural(base) : base;
        }
        if (w !== t.w) return { ...t, w, k };
      }
    }
    if (t.pos === 'R') return { ...t, w: pick(this.rng, ADVERBS.filter((a) => a !== t.w)) };
    // No synonym: another word of the same class.
    const k = this.v.zNoun(this.rng);
    return { ...t, w: this.v.nouns[k] as string, pos: 'N', k };
  }
}

function wordCount(toks: readonly Tok[]): number {
  let n = 0;
  for (const t of toks) n += t.w.split(' ').length;
  return n;
}
const isContent = (t: Tok): boolean => t.pos === 'N' || t.pos === 'V' || t.pos === 'A';

function render(toks: readonly Tok[]): string {
  let s = '';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const start = i === 0 || toks[i - 1]!.punct === '.';
    s += (i ? ' ' : '') + (start ? cap(t.w) : t.w) + (t.punct ?? '');
  }
  return s;
}

// ---------------------------------------------------------------------------
// Rewording

function reword(g: Grammar, rng: Rng, src: readonly Tok[], level: RewordLevel): Tok[] {
  const toks = src.map((t) => ({ ...t }));
  if (level === 'verbatim') return toks;
  if (level === 'light') {
    const content = toks.map((t, i) => (isContent(t) ? i : -1)).filter((i) => i >= 0);
    const n = Math.min(content.length, toks.length >= 10 && rng() < 0.5 ? 2 : 1);
    const pool = content.length ? content : toks.map((_, i) => i);
    for (let j = 0; j < Math.max(1, n); j++) {
      const i = pool.splice(Math.floor(rng() * pool.length), 1)[0];
      if (i === undefined) break;
      const t = toks[i]!;
      toks[i] = { ...g.synonym(t), punct: t.punct, open: t.open };
    }
    return toks;
  }
  if (level === 'moderate') {
    const out: Tok[] = [];
    for (let w = 0; w < toks.length; w += 4) {
      const win = toks.slice(w, w + 4);
      const at = Math.floor(rng() * win.length);
      const op = rng();
      for (let i = 0; i < win.length; i++) {
        const t = win[i]!;
        if (i !== at) { out.push(t); continue; }
        if (op < 0.5) {
          out.push({ ...g.synonym(isContent(t) ? t : { ...t, pos: 'N' }), punct: t.punct, open: t.open });
        } else if (op < 0.75) {
          out.push({ w: pick(rng, ADVERBS), pos: 'R', open: t.open }, { ...t, open: false });
        } else if (toks.length - (w + i) > 1 || out.length > 0) {
          const prev = out[out.length - 1];
          if (prev && t.punct) prev.punct = t.punct;
          // deleted
        } else {
          out.push(t);
        }
      }
    }
    if (out.length < 4) return reword(g, rng, src, 'light');
    const last = out[out.length - 1]!;
    delete last.punct;
    return out;
  }
  // reordered: cut at phrase openings into 2–5 chunks, then permute the chunks.
  const opens = toks.map((t, i) => (i > 0 && t.open ? i : -1)).filter((i) => i > 0);
  const cutsAvail = opens.length ? opens : toks.map((_, i) => i).slice(1);
  const k = Math.max(2, Math.min(5, Math.round(toks.length / 6), cutsAvail.length + 1));
  const cuts = new Set<number>();
  while (cuts.size < k - 1 && cuts.size < cutsAvail.length) cuts.add(pick(rng, cutsAvail));
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), toks.length];
  const chunks: Tok[][] = [];
  for (let i = 0; i + 1 < bounds.length; i++) chunks.push(toks.slice(bounds[i], bounds[i + 1]));
  // A non-identity permutation.
  const order = chunks.map((_, i) => i);
  for (let tries = 0; tries < 10 && order.every((x, i) => x === i); tries++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  if (order.every((x, i) => x === i)) order.reverse();
  const out = order.flatMap((i) => chunks[i]!.map((t) => ({ ...t })));
  for (const t of out) if (t.punct === '.') t.punct = ',';
  delete out[out.length - 1]!.punct;
  return out;
}

// ---------------------------------------------------------------------------
// Boilerplate

export const STOCK_PHRASES = [
  'according to a statement released on',
  'did not immediately respond to a request for comment',
  'told reporters at a news conference',
  'it was not immediately clear whether',
  'speaking on condition of anonymity because they were not authorised to discuss the matter',
  'the latest in a series of',
  'this story has been updated with additional reporting',
] as const;

function stockSentences(g: Grammar, rng: Rng, outlet: string): { inline: string[]; footer: string | null } {
  const inline: string[] = [];
  const name = (): string => `${g.v.names[g.v.zName(rng)]} ${g.v.names[g.v.zName(rng)]}`;
  if (rng() < 0.85) inline.push(`${cap(render(g.sentence()).replace(/\.$/, ''))}, ${STOCK_PHRASES[0]} ${pick(rng, WEEKDAYS)}.`);
  if (rng() < 0.6) inline.push(`${name()} ${STOCK_PHRASES[1]}.`);
  if (rng() < 0.4) inline.push(`The ${pick(rng, ['minister', 'mayor', 'spokesperson', 'official'])} ${STOCK_PHRASES[2]} in ${g.v.places[g.v.zPlace(rng)]}.`);
  if (rng() < 0.4) inline.push(`${cap(STOCK_PHRASES[3])} the ${g.v.nouns[g.v.zNoun(rng)]} would go ahead.`);
  if (rng() < 0.25) inline.push(`Two officials confirmed the details, ${STOCK_PHRASES[4]}.`);
  if (rng() < 0.3) inline.push(`The decision is ${STOCK_PHRASES[5]} ${plural(g.v.nouns[g.v.zNoun(rng)] as string)} this year.`);
  const footer = rng() < 0.9
    ? `${outlet} is an independent newsroom. Sign up for our morning newsletter to get the day's stories.${rng() < 0.3 ? ` ${cap(STOCK_PHRASES[6])}.` : ''}`
    : null;
  return { inline, footer };
}

// ---------------------------------------------------------------------------
// Formulas (see FormulaOptions). Fixed wordings, so a test can read them;
// each has a few variants, used in a minority of its occurrences, so the
// canonical wording stays the most common.

interface SloganSpec {
  canonical: string;
  variants: readonly string[];
  /** 'np': a noun phrase ("called for …"); 'vp': a verb phrase ("promised to …"). */
  shape: 'np' | 'vp';
}

export const SLOGANS: readonly SloganSpec[] = [
  {
    canonical: 'a green and open harbour economy that works for every family',
    variants: ['a green and open harbour economy that works for all families', 'a clean and open harbour economy that works for every family'],
    shape: 'np',
  },
  {
    canonical: 'keep the public purse honest and the night streets safe',
    variants: ['keep the public purse honest and the city streets safe'],
    shape: 'vp',
  },
  {
    canonical: 'a living wage and a warm home for every pensioner',
    variants: ['a living wage and a warm house for every pensioner'],
    shape: 'np',
  },
];

/** The frame around the first slogan: `{slogan}` marks where it stands. */
export const FRAME = {
  canonical: 'Governor Ilsa Marrow first proposed the vision of building {slogan} at the second Harbour Summit',
  variants: [
    'Governor Ilsa Marrow proposed the idea of building {slogan} at the second Harbour Summit',
    'Governor Marrow first proposed the vision of building {slogan} at the 2nd Harbour Summit',
  ],
} as const;

export const OWN_SLOGAN: SloganSpec = {
  canonical: 'fair rents for tenants and honest rules for landlords',
  variants: ['fair rents for tenants and clear rules for landlords'],
  shape: 'np',
};

/** Footers of their own for the first `footerOutlets` outlets (in the vocabulary's outlet order). */
export const OUTLET_FOOTERS: readonly string[] = [
  'The Morning Ledger welcomes letters: write to the Letters Desk, 14 Quarry Lane, Harbourside, or call the newsroom on weekdays.',
  'Valley Courier subscribers can read every edition online; corrections and clarifications appear on page two of the print paper.',
  'Northern Star Press is published by the Kettlewell Trust, a charity that funds reporting across the upper valley and its ferry towns.',
  'The Daily Record thanks its volunteer stringers in the hill parishes, whose dispatches arrive by post every Thursday.',
];

/** Common words of the filler, in a fixed order: chance sentences take a few of them. */
const CHANCE_FRAME = ['officials', 'said', 'new', 'plan', 'city', 'would', 'last', 'year', 'region', 'council'] as const;

/** One inserted sentence and the formula spans inside it (offsets into `text`). */
interface Insert {
  text: string;
  marks: Array<{ group: number; start: number; end: number }>;
}

/** Chooses wordings and carrier sentences for formulas, from its own PRNG. */
class FormulaWriter {
  constructor(readonly g: Grammar, readonly rng: Rng) {}

  private name(): string {
    return `${this.g.v.names[this.g.v.zName(this.rng)]} ${this.g.v.names[this.g.v.zName(this.rng)]}`;
  }
  private when(): string {
    return pick(this.rng, [`on ${pick(this.rng, WEEKDAYS)}`, 'last week', `in ${pick(this.rng, MONTHS)}`, 'this year']);
  }
  /** Canonical wording in about 80% of occurrences, a variant otherwise. */
  wording(spec: { canonical: string; variants: readonly string[] }): string {
    return this.rng() < 0.8 || spec.variants.length === 0 ? spec.canonical : pick(this.rng, spec.variants);
  }
  /** A sentence carrying `phrase` (a slogan or a frame): text before, phrase, text after. */
  carry(phrase: string, shape: 'np' | 'vp' | 'clause'): [string, string, string] {
    const r = this.rng();
    if (shape === 'clause') {
      return r < 0.5 ? ['', phrase, `, ${this.name()} recalled ${this.when()}.`] : [`As ${this.name()} wrote ${this.when()}, `, phrase, '.'];
    }
    if (shape === 'vp') {
      if (r < 0.35) return [`${this.name()} promised to `, phrase, ` ${this.when()}.`];
      if (r < 0.7) return ['"We will ', phrase, `," ${this.name()} told supporters.`];
      return [`The ${pick(this.rng, ['council', 'assembly', 'union', 'minister'])} vowed to `, phrase, '.'];
    }
    if (r < 0.35) return [`${this.name()} called for `, phrase, ` ${this.when()}.`];
    if (r < 0.7) return ['', cap(phrase), `, ${this.name()} said ${this.when()}.`];
    return [`The ${pick(this.rng, ['budget', 'plan', 'scheme', 'strategy'])} is meant to deliver `, phrase, ', officials said.'];
  }
  /** A sentence of 4–6 of the chance frame's words in order, 1–3 other words between them. */
  chance(): string {
    const words: string[] = [];
    let kept = 0;
    for (const w of CHANCE_FRAME) {
      if (this.rng() >= 0.5) continue;
      if (words.length) {
        // Between two frame words: maybe a function word, then one or two other words.
        if (this.rng() < 0.5) words.push(pick(this.rng, ['the', 'of', 'for', 'in', 'its', 'by']));
        const n = int(this.rng, 1, 2);
        for (let i = 0; i < n; i++) {
          const r = this.rng();
          words.push(r < 0.5 ? this.g.v.nouns[this.g.v.zNoun(this.rng)]! : r < 0.75 ? this.g.v.adjs[this.g.v.zAdj(this.rng)]! : this.g.v.places[this.g.v.zPlace(this.rng)]!);
        }
      }
      words.push(w);
      kept++;
    }
    if (kept < 3) return this.chance();
    return `${cap(words.join(' '))}.`;
  }
}

// ---------------------------------------------------------------------------
// Corpus

/** Plants are coded plan * COPY_CODE + copy. */
const COPY_CODE = 64;
const WORD_RE = /[\p{L}\p{N}]+/gu;
export function countWords(text: string): number {
  let n = 0;
  WORD_RE.lastIndex = 0;
  while (WORD_RE.exec(text)) n++;
  return n;
}

export function generateCorpus(options: SyntheticOptions): SyntheticCorpus {
  const seed = options.seed ?? 1;
  const total = Math.max(100, Math.floor(options.words));
  const docWords = options.docWords ?? 600;
  const plantedShare = options.plantedShare ?? 0.03;
  const levels = options.levels ?? REWORD_LEVELS;
  const minW = options.minPassageWords ?? 6;
  const maxW = options.maxPassageWords ?? 60;
  const minC = options.minCopies ?? 2;
  const maxC = Math.min(COPY_CODE, options.maxCopies ?? 5);
  const boilerplate = options.boilerplate ?? true;

  const rng = makeRng(seed);
  const vocab = makeVocab(seed);
  const g = new Grammar(vocab, rng);

  // Document budgets.
  const budgets: number[] = [];
  let sum = 0;
  while (sum < total) {
    const b = Math.max(80, Math.round(docWords * (0.4 + 1.2 * rng())));
    budgets.push(Math.min(b, Math.max(80, total - sum)));
    sum += budgets[budgets.length - 1]!;
  }
  const nDocs = budgets.length;
  const copiesCap = Math.min(maxC, nDocs);
  if (copiesCap < minC) throw new Error(`corpus too small for planted passages: ${nDocs} documents`);

  // Planted passages: lengths skewed short (slogans matter as much as long passages).
  interface Plan { level: RewordLevel; copies: Tok[][]; docs: number[] }
  const plans: Plan[] = [];
  let plantedWords = 0;
  const docPlants: number[][] = Array.from({ length: nDocs }, () => []);
  while (plantedWords < total * plantedShare) {
    const level = levels[plans.length % levels.length] as RewordLevel;
    const r = rng();
    const len = r < 0.4 ? int(rng, minW, Math.min(12, maxW)) : r < 0.8 ? int(rng, Math.min(13, maxW), Math.min(30, maxW)) : int(rng, Math.min(31, maxW), maxW);
    const src = g.passage(Math.max(minW, len));
    const n = int(rng, minC, copiesCap);
    const docs = new Set<number>();
    while (docs.size < n) docs.add(Math.floor(rng() * nDocs));
    const copies: Tok[][] = [src];
    for (let i = 1; i < n; i++) {
      let c = reword(g, rng, src, level);
      for (let tries = 0; level !== 'verbatim' && tries < 5 && render(c) === render(src); tries++) c = reword(g, rng, src, level);
      copies.push(c);
    }
    const p = plans.length;
    plans.push({ level, copies, docs: [...docs] });
    [...docs].forEach((d, i) => docPlants[d]!.push(p * COPY_CODE + i));
    for (const c of copies) plantedWords += wordCount(c);
  }

  const planted: PlantedPassage[] = plans.map((p, i) => ({
    id: `p${i}`,
    level: p.level,
    spans: [],
    texts: [],
    words: wordCount(p.copies[0]!),
  }));
  const spanAt: Array<Array<Span | null>> = plans.map((p) => p.copies.map(() => null));

  // Formulas and the known recurring text (see FormulaTruth). Their own PRNG,
  // so the base text is drawn exactly as without them.
  const formulas: FormulaTruth[] = [];
  const addGroup = (id: string, kind: FormulaKind, extra: Partial<FormulaTruth> = {}): number => {
    formulas.push({ id, kind, level: kind, spans: [], texts: [], ...extra });
    return formulas.length - 1;
  };
  const stockGroups = boilerplate ? STOCK_PHRASES.map((ph, k) => addGroup(`stock-${k}`, 'stock', { canonical: ph, words: countWords(ph) })) : [];
  const newsroomGroup = boilerplate ? addGroup('newsroom-footer', 'stock') : -1;
  const fo = options.formulas;
  const frng = makeRng((seed ^ 0x7a11f00d) >>> 0);
  const writer = fo ? new FormulaWriter(new Grammar(vocab, frng), frng) : null;
  const shuffled = (n: number): number[] => {
    const xs = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(frng() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  // Per document: the formulas to insert (group index, or -1 - slogan index for a frame).
  const sloganDocs: Array<Set<number>> = [];
  const sloganGroups: number[] = [];
  const sloganShares = fo?.sloganShares ?? [];
  if (sloganShares.length > SLOGANS.length) throw new Error(`synthetic corpus: at most ${SLOGANS.length} slogans, got ${sloganShares.length}`);
  sloganShares.forEach((share, i) => {
    const spec = SLOGANS[i]!;
    sloganDocs.push(new Set(shuffled(nDocs).slice(0, Math.round(share * nDocs))));
    sloganGroups.push(addGroup(`slogan-${Math.round(share * 100)}`, 'slogan', { canonical: spec.canonical, share, words: countWords(spec.canonical) }));
  });
  const frameDocs = new Set<number>();
  let frameGroup = -1;
  if (fo?.frameShare && sloganDocs[0]) {
    for (const d of shuffled(nDocs)) if (sloganDocs[0].has(d) && frameDocs.size < Math.round(fo.frameShare * nDocs)) frameDocs.add(d);
    frameGroup = addGroup('frame', 'frame', { canonical: FRAME.canonical.replace('{slogan}', SLOGANS[0]!.canonical), contains: formulas[sloganGroups[0]!]!.id });
  }
  const footerOutlets = vocab.outlets.slice(0, Math.min(fo?.footerOutlets ?? 0, OUTLET_FOOTERS.length));
  const footerGroups = new Map(footerOutlets.map((o, i) => [o, addGroup(`footer-${i}`, 'footer', { canonical: OUTLET_FOOTERS[i]!, outlet: o })]));
  // The own slogan belongs to the last outlet (never one with a footer of its own).
  const ownOutlet = fo?.ownSloganQuotes !== undefined ? vocab.outlets[vocab.outlets.length - 1]! : null;
  const ownQuotes = new Set(ownOutlet ? shuffled(nDocs).slice(0, fo!.ownSloganQuotes) : []);
  const ownGroup = ownOutlet ? addGroup('own-slogan', 'slogan', { canonical: OWN_SLOGAN.canonical, outlet: ownOutlet, words: countWords(OWN_SLOGAN.canonical) }) : -1;
  const chanceGroup = fo?.chancePerDoc ? addGroup('chance', 'chance') : -1;

  /** A sentence carrying a slogan, marked (and the frame around it, if any). */
  const sloganInsert = (spec: SloganSpec, group: number, framed: boolean): Insert => {
    const w = writer!;
    const slogan = w.wording(spec);
    if (!framed) {
      const [pre, phrase, post] = w.carry(slogan, spec.shape);
      return { text: pre + phrase + post, marks: [{ group, start: pre.length, end: pre.length + phrase.length }] };
    }
    const [fa, fb] = w.wording(FRAME).split('{slogan}') as [string, string];
    const [pre, frame, post] = w.carry(fa + slogan + fb, 'clause');
    return {
      text: pre + frame + post,
      marks: [
        { group: frameGroup, start: pre.length, end: pre.length + frame.length },
        { group, start: pre.length + fa.length, end: pre.length + fa.length + slogan.length },
      ],
    };
  };

  const docs: ReuseInput[] = [];
  // Words of the base text only: it sets the next document's filler budget.
  let words = 0;
  let formulaWords = 0;
  let plannedSoFar = 0;
  for (let d = 0; d < nDocs; d++) {
    const outlet = vocab.outlets[Math.floor(rng() * vocab.outlets.length)] as string;
    const year = int(rng, 2012, 2024), month = int(rng, 1, 12), day = int(rng, 1, 28);
    const date: DocDate = { value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, precision: 'day', approximate: false };
    const stock = boilerplate ? stockSentences(g, rng, outlet) : { inline: [], footer: null };
    // Sentences: filler plus inline stock phrases, planted copies inserted at distinct gaps.
    const plants = docPlants[d]!;
    let plantWords = 0;
    for (const code of plants) plantWords += wordCount(plans[Math.floor(code / COPY_CODE)]!.copies[code % COPY_CODE]!);
    const sentences: Array<string | number> = [];
    let w = plantWords + (stock.footer ? countWords(stock.footer) : 0);
    for (const s of stock.inline) { sentences.push(s); w += countWords(s); }
    // Aim at the planned running total, so the corpus size stays on target.
    plannedSoFar += budgets[d]!;
    const target = plannedSoFar - words - 6;
    while (w < target) {
      const s = render(g.sentence());
      sentences.push(s);
      w += countWords(s);
    }
    // Shuffle stock sentences into the filler.
    for (let i = sentences.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!];
    }
    // Insert plants at distinct gaps with at least one filler sentence between them.
    const gaps = new Set<number>();
    const plantGaps = new Map<number, number>();
    for (const code of plants) {
      let gap: number;
      let tries = 0;
      do gap = Math.floor(rng() * (sentences.length + 1));
      while ((gaps.has(gap) || gaps.has(gap - 1) || gaps.has(gap + 1)) && ++tries < 50);
      gaps.add(gap);
      plantGaps.set(code, gap);
    }
    const byGap = [...plants].sort((a, b) => (plantGaps.get(a)! - plantGaps.get(b)!) || a - b);
    const seq: Array<string | number | Insert> = [];
    let bi = 0;
    for (let i = 0; i <= sentences.length; i++) {
      while (bi < byGap.length && plantGaps.get(byGap[bi]!)! === i) seq.push(-1 - byGap[bi++]!);
      if (i < sentences.length) seq.push(sentences[i]!);
    }
    // Formulas: sentences of their own, put between the base sentences.
    if (writer) {
      const inserts: Insert[] = [];
      sloganShares.forEach((_, i) => {
        if (sloganDocs[i]!.has(d)) inserts.push(sloganInsert(SLOGANS[i]!, sloganGroups[i]!, i === 0 && frameDocs.has(d)));
      });
      if (ownOutlet && (outlet === ownOutlet || ownQuotes.has(d))) inserts.push(sloganInsert(OWN_SLOGAN, ownGroup, false));
      if (chanceGroup >= 0) {
        // 0, 1 or 2 per document, chancePerDoc on average.
        const n = Math.floor(fo!.chancePerDoc! + frng());
        for (let k = 0; k < n; k++) {
          const text = writer.chance();
          inserts.push({ text, marks: [{ group: chanceGroup, start: 0, end: text.length - 1 }] });
        }
      }
      for (const ins of inserts) seq.splice(Math.floor(frng() * (seq.length + 1)), 0, ins);
    }
    // Paragraphs of 2–5 sentences; offsets tracked as the text is built.
    const doc = `d${d}`;
    const mark = (group: number, start: number, end: number, text: string): void => {
      const f = formulas[group]!;
      f.spans.push({ doc, start, end });
      f.texts.push(text.slice(start - pos, end - pos));
    };
    let text = '';
    const parts: string[] = [];
    let pos = 0;
    let inPara = 0;
    let paraLen = int(rng, 2, 5);
    let extraWords = 0;
    for (const item of seq) {
      if (typeof item === 'object') {
        // A formula sentence joins the paragraph it falls in (it draws no paragraph length).
        const sep = parts.length === 0 ? '' : ' ';
        parts.push(sep, item.text);
        pos += sep.length;
        for (const m of item.marks) mark(m.group, pos + m.start, pos + m.end, item.text);
        pos += item.text.length;
        extraWords += countWords(item.text);
        continue;
      }
      const sep = parts.length === 0 ? '' : inPara === 0 ? '\n\n' : ' ';
      parts.push(sep);
      pos += sep.length;
      if (typeof item === 'number' && item < 0) {
        const code = -1 - item;
        const p = Math.floor(code / COPY_CODE), c = code % COPY_CODE;
        const body = render(plans[p]!.copies[c]!);
        spanAt[p]![c] = { doc, start: pos, end: pos + body.length };
        planted[p]!.texts[c] = body;
        parts.push(body, '.');
        pos += body.length + 1;
      } else {
        const sentence = item as string;
        if (stock.inline.includes(sentence)) {
          STOCK_PHRASES.forEach((ph, k) => {
            const at = Math.max(sentence.indexOf(ph), sentence.indexOf(cap(ph)));
            if (at >= 0) mark(stockGroups[k]!, pos + at, pos + at + ph.length, sentence);
          });
        }
        parts.push(sentence);
        pos += sentence.length;
      }
      if (++inPara >= paraLen) { inPara = 0; paraLen = int(rng, 2, 5); }
    }
    if (stock.footer) {
      parts.push('\n\n', stock.footer);
      pos += 2;
      const tail = stock.footer.indexOf(` ${cap(STOCK_PHRASES[6])}`);
      mark(newsroomGroup, pos, pos + (tail >= 0 ? tail : stock.footer.length), stock.footer);
      if (tail >= 0) mark(stockGroups[6]!, pos + tail + 1, pos + tail + 1 + STOCK_PHRASES[6].length, stock.footer);
      pos += stock.footer.length;
    }
    const footerGroup = footerGroups.get(outlet);
    if (footerGroup !== undefined) {
      const footer = formulas[footerGroup]!.canonical!;
      parts.push('\n\n', footer);
      pos += 2;
      mark(footerGroup, pos, pos + footer.length, footer);
      pos += footer.length;
      extraWords += countWords(footer);
    }
    text = parts.join('');
    const n = countWords(text);
    words += n - extraWords;
    formulaWords += extraWords;
    docs.push({ id: doc, text, date, outlet });
  }
  for (let p = 0; p < planted.length; p++) planted[p]!.spans = spanAt[p]!.map((s) => s as Span);
  for (const f of formulas) {
    if (f.words === undefined && f.texts[0] !== undefined) f.words = countWords(f.texts[0]);
  }
  return { docs, planted, stockPhrases: STOCK_PHRASES, formulas, words: words + formulaWords };
}
