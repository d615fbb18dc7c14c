/**
 * The URL fragment codec: every view's state as `#/route/<ids>?params`.
 *
 * A link carries only where you are and how the view is set up, never notes,
 * highlights or anything else from the reading state: nothing in `View` can
 * hold them, so a shared link cannot leak them.
 *
 * Canonical form: enumerations and booleans are always present in a `View`
 * (absent from the hash when they have their default); numbers and free
 * strings are optional. `parseHash(formatHash(v)).view` deep-equals `v` for
 * every valid `v`. Parsing never throws: a malformed or outdated fragment
 * gives the nearest valid view and a short warning for the UI to show.
 */
import { MAX_YEAR, MIN_YEAR } from '../corpus/limits.ts';

export type ReaderMode = 'text' | 'original';
export type PhraseSort = 'spread' | 'size' | 'first';
export type KwicSort = 'doc' | 'left' | 'right';

export type View =
  /** The first screen: what Refrain is for, the top formulas, ways in. */
  | { name: 'home' }
  | { name: 'library' }
  | {
      name: 'doc';
      id: string;
      mode: ReaderMode;
      /** Scroll anchor: UTF-16 offset into the shown text. */
      at?: number;
      /** A hit to mark, end exclusive. */
      hl?: { start: number; end: number };
    }
  | {
      name: 'compare';
      a: string;
      b: string;
      sync: boolean;
      case: boolean;
      punct: boolean;
      repeats: boolean;
      /** Passage index. */
      at?: number;
    }
  | { name: 'phrases'; sort: PhraseSort }
  | { name: 'family'; id: string; base?: string }
  | { name: 'search'; q: string; outlet?: string; year?: number }
  | { name: 'kwic'; q: string; width?: number; sort: KwicSort }
  | { name: 'trends'; terms: string[] }
  /** Your highlights, notes and saved comparisons; export and import. */
  | { name: 'notes' };

export type ViewName = View['name'];

/** A comparison of two documents with the default options (repeats inside a document hidden). */
export function compareView(a: string, b: string): Extract<View, { name: 'compare' }> {
  return { name: 'compare', a, b, sync: true, case: true, punct: true, repeats: false };
}

export interface ParsedHash {
  view: View;
  warning?: string;
}

export const READER_MODES: readonly ReaderMode[] = ['text', 'original'];
export const PHRASE_SORTS: readonly PhraseSort[] = ['spread', 'size', 'first'];
export const KWIC_SORTS: readonly KwicSort[] = ['doc', 'left', 'right'];
/** Longer fragments are refused: nothing legitimate needs this much. */
export const MAX_HASH_LENGTH = 8192;
/** Largest offset / index accepted in a link (well beyond any document). */
export const MAX_LINK_NUMBER = 1e9;
export const MIN_KWIC_WIDTH = 1;
export const MAX_KWIC_WIDTH = 500;

const LIBRARY: View = { name: 'library' };

const enc = encodeURIComponent;

function formatQuery(params: [string, string | undefined][]): string {
  const parts: string[] = [];
  for (const [k, v] of params) if (v !== undefined) parts.push(`${k}=${enc(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export function formatHash(view: View): string {
  switch (view.name) {
    case 'home':
      return '#/';
    case 'library':
      return '#/library';
    case 'doc':
      return (
        `#/doc/${enc(view.id)}` +
        formatQuery([
          ['mode', view.mode === 'text' ? undefined : view.mode],
          ['at', view.at === undefined ? undefined : String(view.at)],
          ['hl', view.hl ? `${view.hl.start}-${view.hl.end}` : undefined],
        ])
      );
    case 'compare':
      return (
        `#/compare/${enc(view.a)}/${enc(view.b)}` +
        formatQuery([
          ['sync', view.sync ? undefined : '0'],
          ['case', view.case ? undefined : '0'],
          ['punct', view.punct ? undefined : '0'],
          ['repeats', view.repeats ? '1' : undefined],
          ['at', view.at === undefined ? undefined : String(view.at)],
        ])
      );
    case 'phrases':
      return '#/phrases' + formatQuery([['sort', view.sort === 'spread' ? undefined : view.sort]]);
    case 'family':
      return `#/family/${enc(view.id)}` + formatQuery([['base', view.base]]);
    case 'search':
      return (
        '#/search' +
        formatQuery([
          ['q', view.q === '' ? undefined : view.q],
          ['outlet', view.outlet],
          ['year', view.year === undefined ? undefined : String(view.year)],
        ])
      );
    case 'kwic':
      return (
        '#/kwic' +
        formatQuery([
          ['q', view.q === '' ? undefined : view.q],
          ['width', view.width === undefined ? undefined : String(view.width)],
          ['sort', view.sort === 'doc' ? undefined : view.sort],
        ])
      );
    case 'notes':
      return '#/notes';
    case 'trends':
      // Each term is encoded on its own (a comma inside a term becomes %2C),
      // so the literal comma can separate them.
      return '#/trends' + (view.terms.length ? `?terms=${view.terms.map(enc).join(',')}` : '');
  }
}

/** Collects problems while parsing; the first few become the warning. */
class Problems {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
  result(view: View): ParsedHash {
    if (this.list.length === 0) return { view };
    return { view, warning: `Link partly understood: ${this.list.slice(0, 3).join('; ')}.` };
  }
}

function decode(raw: string, what: string, problems: Problems): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    problems.add(`${what} is not valid percent-encoding`);
    return undefined;
  }
}

function parseNat(raw: string | undefined, what: string, problems: Problems, min = 0, max = MAX_LINK_NUMBER): number | undefined {
  if (raw === undefined) return undefined;
  if (/^\d{1,10}$/.test(raw)) {
    const n = Number(raw);
    if (n >= min && n <= max) return n;
  }
  problems.add(`ignored ${what}=${JSON.stringify(raw.slice(0, 20))}`);
  return undefined;
}

function parseEnum<T extends string>(raw: string | undefined, allowed: readonly T[], fallback: T, what: string, problems: Problems): T {
  if (raw === undefined) return fallback;
  const hit = allowed.find((a) => a === raw);
  if (hit !== undefined) return hit;
  problems.add(`ignored ${what}=${JSON.stringify(raw.slice(0, 20))}`);
  return fallback;
}

/** `0` turns a flag off, `1` on; absence gives its default; anything else is reported. */
function parseFlag(raw: string | undefined, what: string, problems: Problems, fallback = true): boolean {
  if (raw === undefined) return fallback;
  if (raw === '1') return true;
  if (raw === '0') return false;
  problems.add(`ignored ${what}=${JSON.stringify(raw.slice(0, 20))}`);
  return fallback;
}

/** A link's path ids and query, read once; what it could not read goes to `problems`. */
interface LinkParts {
  ids: string[];
  /** A parameter, percent-decoded (`undefined` when absent or badly encoded). */
  param(key: string): string | undefined;
  /** A parameter as written, for values split before decoding. */
  rawParam(key: string): string | undefined;
  /** Exactly `n` non-empty ids (extra ones reported), or `undefined` when fewer are given. */
  needIds(n: number): string[] | undefined;
  /** Reports path ids after a route that takes none. */
  noIds(): void;
  problems: Problems;
}

function readLink(hash: string, problems: Problems): { route: string | undefined; parts: LinkParts } | undefined {
  let h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  const query = q === -1 ? '' : h.slice(q + 1);
  h = q === -1 ? h : h.slice(0, q);
  if (h.startsWith('/')) h = h.slice(1);
  if (h.endsWith('/')) h = h.slice(0, -1);

  const rawParams = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    // First occurrence wins: a repeated parameter is most likely a pasted duplicate.
    if (!rawParams.has(key)) rawParams.set(key, eq === -1 ? '' : pair.slice(eq + 1));
  }

  const segments: string[] = [];
  for (const s of h === '' ? [] : h.split('/')) {
    const d = decode(s, 'the path', problems);
    if (d === undefined) return undefined;
    segments.push(d);
  }
  const [route, ...ids] = segments;
  const parts: LinkParts = {
    ids,
    problems,
    rawParam: (key) => rawParams.get(key),
    param(key) {
      const raw = rawParams.get(key);
      return raw === undefined ? undefined : decode(raw, `parameter ${key}`, problems);
    },
    needIds(n) {
      const given = ids.filter((s) => s !== '');
      if (given.length < n) return undefined;
      if (ids.length > n) problems.add(`ignored extra path "${ids.slice(n).join('/').slice(0, 40)}"`);
      return given.slice(0, n);
    },
    noIds() {
      if (ids.length) problems.add('ignored extra path');
    },
  };
  return { route, parts };
}

function parseDoc(link: LinkParts): ParsedHash {
  const { problems } = link;
  const got = link.needIds(1);
  if (!got) return { view: LIBRARY, warning: 'Link names no document; showing the library.' };
  const view: View = { name: 'doc', id: got[0]!, mode: parseEnum(link.param('mode'), READER_MODES, 'text', 'mode', problems) };
  const at = parseNat(link.param('at'), 'at', problems);
  if (at !== undefined) view.at = at;
  const hl = link.param('hl');
  if (hl !== undefined) {
    const m = /^(\d{1,10})-(\d{1,10})$/.exec(hl);
    const start = m ? Number(m[1]) : NaN;
    const end = m ? Number(m[2]) : NaN;
    if (m && start < end && end <= MAX_LINK_NUMBER) view.hl = { start, end };
    else problems.add(`ignored hl=${JSON.stringify(hl.slice(0, 20))}`);
  }
  return problems.result(view);
}

function parseCompare(link: LinkParts): ParsedHash {
  const { problems } = link;
  const got = link.needIds(2);
  if (!got) {
    const one = link.ids.find((s) => s !== '');
    if (one !== undefined) return { view: { name: 'doc', id: one, mode: 'text' }, warning: 'Comparison link names only one document; showing it.' };
    return { view: LIBRARY, warning: 'Comparison link names no documents; showing the library.' };
  }
  const view: View = {
    name: 'compare',
    a: got[0]!,
    b: got[1]!,
    sync: parseFlag(link.param('sync'), 'sync', problems),
    case: parseFlag(link.param('case'), 'case', problems),
    punct: parseFlag(link.param('punct'), 'punct', problems),
    // Repeats inside a document are off unless asked for: a comparison is about what two documents share.
    repeats: parseFlag(link.param('repeats'), 'repeats', problems, false),
  };
  const at = parseNat(link.param('at'), 'at', problems);
  if (at !== undefined) view.at = at;
  return problems.result(view);
}

function parseFamily(link: LinkParts): ParsedHash {
  const got = link.needIds(1);
  if (!got) return { view: { name: 'phrases', sort: 'spread' }, warning: 'Link names no phrase family; showing all phrases.' };
  const view: View = { name: 'family', id: got[0]! };
  const base = link.param('base');
  if (base !== undefined && base !== '') view.base = base;
  return link.problems.result(view);
}

function parseSearch(link: LinkParts): ParsedHash {
  link.noIds();
  const view: View = { name: 'search', q: link.param('q') ?? '' };
  const outlet = link.param('outlet');
  if (outlet !== undefined && outlet !== '') view.outlet = outlet;
  const year = parseNat(link.param('year'), 'year', link.problems, MIN_YEAR, MAX_YEAR);
  if (year !== undefined) view.year = year;
  return link.problems.result(view);
}

function parseKwic(link: LinkParts): ParsedHash {
  link.noIds();
  const view: View = { name: 'kwic', q: link.param('q') ?? '', sort: parseEnum(link.param('sort'), KWIC_SORTS, 'doc', 'sort', link.problems) };
  const width = parseNat(link.param('width'), 'width', link.problems, MIN_KWIC_WIDTH, MAX_KWIC_WIDTH);
  if (width !== undefined) view.width = width;
  return link.problems.result(view);
}

function parseTrends(link: LinkParts): ParsedHash {
  link.noIds();
  const raw = link.rawParam('terms');
  const terms: string[] = [];
  if (raw !== undefined && raw !== '') {
    // Split on the literal comma before decoding: %2C inside a term stays part of it.
    for (const part of raw.split(',')) {
      const t = decode(part, 'a term', link.problems);
      if (t !== undefined && t !== '') terms.push(t);
    }
  }
  return link.problems.result({ name: 'trends', terms });
}

/** One parser per route of the app; the route is the link's first path segment. */
const ROUTES: Record<string, (link: LinkParts) => ParsedHash> = {
  '': (link) => link.problems.result({ name: 'home' }),
  library: (link) => link.problems.result(LIBRARY),
  doc: parseDoc,
  compare: parseCompare,
  notes: (link) => link.problems.result({ name: 'notes' }),
  phrases: (link) => {
    link.noIds();
    return link.problems.result({ name: 'phrases', sort: parseEnum(link.param('sort'), PHRASE_SORTS, 'spread', 'sort', link.problems) });
  },
  family: parseFamily,
  search: parseSearch,
  kwic: parseKwic,
  trends: parseTrends,
};

export function parseHash(hash: string): ParsedHash {
  const problems = new Problems();
  if (typeof hash !== 'string') return { view: LIBRARY, warning: 'Link not understood; showing the library.' };
  if (hash.length > MAX_HASH_LENGTH) return { view: LIBRARY, warning: 'Link too long to read; showing the library.' };
  const read = readLink(hash, problems);
  if (!read) return { view: LIBRARY, warning: 'Link not understood (bad encoding); showing the library.' };
  const route = read.route ?? '';
  const parse = Object.hasOwn(ROUTES, route) ? ROUTES[route] : undefined;
  if (!parse) return { view: LIBRARY, warning: `Unknown page "${route.slice(0, 40)}" in the link; showing the library.` };
  return parse(read.parts);
}
