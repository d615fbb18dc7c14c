/**
 * Families: the formulas of formulas.ts as the views read them. Each
 * family's members are its occurrences' cores; its label is the most common
 * wording as it stands in one of them; it knows whether it is mostly names
 * (`kind`), whether it is one outlet's boilerplate, and which families it
 * contains or lies inside. Families are ranked framing first, then by
 * spread across outlets and years, then by how much the wording varies;
 * boilerplate last.
 */
import { LANGUAGES } from '../text/function-words.ts';
import { GAP_PARAGRAPH, GAP_SENTENCE } from '../text/scan.ts';
import { FNV_OFFSET, FNV_PRIME } from '../text/vocabulary.ts';
import { cutAtBreaks, findInFrames, foldFamilies, mergeFolded, settleLinks } from './family-links.ts';
import { readMembers, rereadMembers, type MemberColumns } from './family-members.ts';
import { findTransposed, mergeTransposed } from './transposed.ts';
import { TOUCH_MEMBERS, touchClasses, touchDocs } from './prefetch.ts';
import { radixOrder } from './radix-sort.ts';
import type { Formula, TokenLayout } from './formulas.ts';
import type { ReuseOptions } from './options.ts';
import type { PreparedDoc } from './prepare.ts';
import { TOK_CONTENT } from './prepare.ts';
import type { Family, FamilyVariant, ReuseInput, Span } from './types.ts';

const QUOTES = /[\u2018\u2019\u201a\u201b`\u00b4]/g;
const NON_WORD = /[^\p{L}\p{N}\p{M}']+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const BACKTICK = /`/g;
const ASCII_NON_WORD = /[^a-z0-9']+/g;

/** A readable normalised wording: case-folded, NFKC, punctuation collapsed. */
export function wordingOf(text: string): string {
  // ASCII: NFKC leaves it unchanged, and the only quote to fold is the
  // backtick; letters, digits and the apostrophe are the word characters.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(BACKTICK, "'").replace(ASCII_NON_WORD, ' ').trim();
  return text.normalize('NFKC').toLowerCase().replace(QUOTES, "'").replace(NON_WORD, ' ').trim();
}

// Code units of an ASCII wording being built (reused), and a decoder that
// makes the one string.
let wordingBuf = new Uint8Array(1024);
const asciiDecoder = new TextDecoder('utf-8');

/**
 * `wordingOf(text.slice(start, end))` without the slice: an ASCII span is
 * folded in one pass into a byte buffer (lower case, backtick to
 * apostrophe, each run of other characters to one space between words),
 * which is exactly what the regex path gives; other spans take that path.
 */
export function wordingOfSpan(text: string, start: number, end: number): string {
  if (wordingBuf.length < end - start) wordingBuf = new Uint8Array(Math.max(end - start, wordingBuf.length * 2));
  const buf = wordingBuf;
  let w = 0;
  let space = false;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x80) return wordingOf(text.slice(start, end));
    if (c >= 65 && c <= 90) c += 32;
    else if (c === 96) c = 39;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39) {
      if (space && w > 0) buf[w++] = 32;
      space = false;
      buf[w++] = c;
    } else space = true;
  }
  return w === 0 ? '' : asciiDecoder.decode(buf.subarray(0, w));
}

/** Sort key for dates: dated before undated; a coarser date sorts before finer ones in its period. */
export function dateKey(date: string | null | undefined): string {
  return date ?? '\uffff';
}

const WHITE = /\s+/g;
const SENTENCE_START = GAP_SENTENCE | GAP_PARAGRAPH;
const DIGIT = /\p{N}/u;
const GERMAN = LANGUAGES.indexOf('de');

type FamilyOptions = Pick<ReuseOptions, 'familyMinDocs' | 'namesShare' | 'boilerplateOutletShare' | 'boilerplateMinDocs' | 'boilerplateOutletCoverage' | 'formulaContainsShare' | 'formulaTransposedShare'>;

/**
 * `docs` and `prepared` are in id order (code units), as detectReuse works:
 * a document's index then orders like its id. `norm` is the vocabulary's
 * matching form per type.
 */
export function buildFamilies(found: readonly Formula[], prepared: readonly PreparedDoc[], docs: readonly ReuseInput[], norm: readonly string[], layout: TokenLayout, options: FamilyOptions): Family[] {
  // Per document (arrays filled in loops, not by `map`: see assemble in
  // formula-extents.ts): its date key, its outlet and its year, read once
  // (not once per family that holds it); the outlet and the year as ids
  // (-1: none) of their names, so a family counts them in int columns.
  const dates = new Array<string>(docs.length);
  const outletOf = new Int32Array(docs.length);
  const yearOf = new Int32Array(docs.length);
  const outletNames: string[] = [];
  const yearNames: string[] = [];
  const outletIds = new Map<string, number>();
  const yearIds = new Map<string, number>();
  // Documents per outlet: boilerplate is told apart only where other outlets could have had it.
  const outletSize = new Int32Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    if (i % TOUCH_MEMBERS === 0) touchDocs(docs, i, Math.min(docs.length, i + TOUCH_MEMBERS));
    const d = docs[i]!;
    dates[i] = dateKey(d.date?.value);
    outletOf[i] = idOf(d.outlet || '', outletIds, outletNames);
    if (outletOf[i]! >= 0) outletSize[outletOf[i]!]!++;
    yearOf[i] = idOf(d.date?.value ? d.date.value.slice(0, 4) : '', yearIds, yearNames);
  }
  const dateRank = documentRanks(dates);
  // Every member's document columns and text, read in document order.
  const isFamily = new Uint8Array(found.length);
  for (let f = 0; f < found.length; f++) isFamily[f] = docCountOf(found[f]!) >= options.familyMinDocs ? 1 : 0;
  // At the extents a reader sees (family-links.ts): a version that alone
  // runs across a sentence end is cut there, then the pieces of one formula
  // in another order are joined (transposed.ts), then a family that is
  // another again is folded into it (members read once more after each),
  // links checked.
  let members = readMembers(found, isFamily, prepared);
  const formulas = cutAtBreaks(found, members, prepared, layout);
  if (formulas !== found) members = rereadMembers(members, formulas, changedIn(found, formulas), isFamily, prepared);
  const transposed = findTransposed(formulas, members, prepared, layout, options.formulaTransposedShare, options.formulaContainsShare);
  const transposedInto = transposed.into;
  const joined = transposedInto.some((f) => f >= 0) ? mergeTransposed(formulas, transposed, members) : formulas;
  if (joined !== formulas) members = rereadMembers(members, joined, changedIn(formulas, joined), isFamily, prepared);
  const foldedInto = foldFamilies(joined.length, members, layout.offset);
  const merged = foldedInto.some((f) => f >= 0) ? mergeFolded(joined, foldedInto) : joined;
  if (merged !== joined) {
    for (let f = 0; f < merged.length; f++) isFamily[f] = docCountOf(merged[f]!) >= options.familyMinDocs ? 1 : 0;
    members = rereadMembers(members, merged, changedIn(joined, merged), isFamily, prepared);
  }
  // Links move to the formula each was joined or folded into.
  for (let f = 0; f < foldedInto.length; f++) if (transposedInto[f]! >= 0) foldedInto[f] = transposedInto[f]!;
  const { contains, partOf } = settleLinks(formulas, foldedInto, members, options.formulaContainsShare);
  // A formula's occurrences inside its frames' members, where the frame alone held them.
  const whole = findInFrames(merged, partOf, members, prepared);
  if (whole !== merged) members = rereadMembers(members, whole, changedIn(merged, whole), isFamily, prepared);
  const ctx = { prepared, docs, dateRank, norm, outletSize, outletOf, yearOf, outletNames, yearNames, outletCount: new Int32Array(outletNames.length), yearSeen: new Int32Array(yearNames.length), options, members, order: documentOrder(members, dateRank), classSeen: new Int32Array(members.doc.length), classSlot: new Int32Array(members.doc.length), ids: idUnits(prepared) };
  const built = new Array<Family | null>(whole.length);
  for (let i = 0; i < whole.length; i++) built[i] = toFamily(whole[i]!, i, ctx);
  // (By index, not for…of: these loops run once a call, where an iterator
  // allocates a result per element.)
  for (let i = 0; i < whole.length; i++) {
    const fam = built[i];
    if (!fam) continue;
    const inner = contains[i]!;
    const outer = partOf[i]!;
    for (let k = 0; k < inner.length; k++) if (built[inner[k]!]) fam.contains.push(built[inner[k]!]!.id);
    for (let k = 0; k < outer.length; k++) if (built[outer[k]!]) fam.partOf.push(built[outer[k]!]!.id);
  }
  const families: Family[] = [];
  for (let i = 0; i < built.length; i++) if (built[i]) families.push(built[i]!);
  families.sort(rankFamilies);
  return families;
}

/**
 * Each document's rank in document order: date key (code units; undated
 * last), then index (= id). The distinct keys are sorted, the documents
 * counted into them in index order: not a comparator sort of every
 * document by its key (8M words: 13,362 documents, 4,165 dates).
 */
function documentRanks(dates: readonly string[]): Int32Array {
  const keyRank = new Map<string, number>();
  const keys: string[] = [];
  for (let i = 0; i < dates.length; i++) {
    if (keyRank.has(dates[i]!)) continue;
    keyRank.set(dates[i]!, 0);
    keys.push(dates[i]!);
  }
  keys.sort(cmp);
  const start = new Int32Array(keys.length + 1);
  for (let r = 0; r < keys.length; r++) keyRank.set(keys[r]!, r);
  const keyOf = new Int32Array(dates.length);
  for (let i = 0; i < dates.length; i++) start[(keyOf[i] = keyRank.get(dates[i]!)!) + 1]!++;
  for (let r = 0; r < keys.length; r++) start[r + 1]! += start[r]!;
  const rank = new Int32Array(dates.length);
  for (let i = 0; i < dates.length; i++) rank[i] = start[keyOf[i]!]!++;
  return rank;
}

/** Boilerplate last; framing before names; then spread across outlets and years, variation, size. */
export function rankFamilies(x: Family, y: Family): number {
  return (
    Number(x.boilerplate) - Number(y.boilerplate) ||
    Number(x.kind === 'names') - Number(y.kind === 'names') ||
    y.spread.outlets.length - x.spread.outlets.length ||
    y.spread.years.length - x.spread.years.length ||
    y.documents - x.documents ||
    y.variants.length - x.variants.length ||
    y.members.length - x.members.length ||
    cmp(x.label, y.label) ||
    cmp(x.id, y.id)
  );
}

interface FamilyContext {
  prepared: readonly PreparedDoc[];
  docs: readonly ReuseInput[];
  dateRank: Int32Array;
  norm: readonly string[];
  /** Per outlet: its documents. */
  outletSize: Int32Array;
  /** Per document: its outlet and its year, as an index into their names (-1: none). */
  outletOf: Int32Array;
  yearOf: Int32Array;
  outletNames: readonly string[];
  yearNames: readonly string[];
  /** Per outlet: the family's documents in it (0 between families); per year: the family that last met it (index + 1). */
  outletCount: Int32Array;
  yearSeen: Int32Array;
  options: FamilyOptions;
  members: MemberColumns;
  /** The members of each family in document order (see documentOrder). */
  order: Uint32Array;
  /** Per token class (a member index): the family that last met it (index + 1), and its place among that family's classes (variantsOf). */
  classSeen: Int32Array;
  classSlot: Int32Array;
  /** The documents' ids as code units (the family id hashes its members' ids). */
  ids: IdUnits;
}

/** The id of a non-empty `name` among `names` (added if new; `ids` maps them), -1 for ''. */
function idOf(name: string, ids: Map<string, number>, names: string[]): number {
  if (!name) return -1;
  let id = ids.get(name);
  if (id === undefined) {
    ids.set(name, (id = names.length));
    names.push(name);
  }
  return id;
}

/** Every document's id as code units: document d's are units[start[d], start[d + 1]); and as a string, `names[d]`. */
interface IdUnits {
  units: Uint16Array;
  start: Int32Array;
  names: string[];
}

/**
 * The ids read once per call into one small column: read per member, each
 * id was three dependent reads (the document, its id, the id's code units)
 * at a random document (8M words: 109K members of 13K documents). Each
 * member's span takes its id from `names` too, not from its document: the
 * line that makes the spans 8.4 -> 2.0 ms of an 8M call (CPU profile).
 */
function idUnits(prepared: readonly PreparedDoc[]): IdUnits {
  const start = new Int32Array(prepared.length + 1);
  for (let d = 0; d < prepared.length; d++) start[d + 1] = start[d]! + prepared[d]!.id.length;
  const units = new Uint16Array(start[prepared.length]!);
  const names = new Array<string>(prepared.length);
  for (let d = 0; d < prepared.length; d++) {
    const id = (names[d] = prepared[d]!.id);
    for (let i = 0; i < id.length; i++) units[start[d]! + i] = id.charCodeAt(i);
  }
  return { units, start, names };
}

/**
 * Every family's members in document order (date, then id, then start;
 * ties in the family's own order): the member columns' indices, family
 * f's at [base[f], base[f + 1]). Three stable radix passes over all
 * members, not a comparator sort per family (a family of a phrase in most
 * documents has thousands of members).
 */
function documentOrder(m: MemberColumns, dateRank: Int32Array): Uint32Array {
  const n = m.doc.length;
  const family = new Int32Array(n);
  for (let f = 0; f + 1 < m.base.length; f++) family.fill(f, m.base[f]!, m.base[f + 1]!);
  const rank = new Int32Array(n);
  for (let x = 0; x < n; x++) rank[x] = dateRank[m.doc[x]!]!;
  let order = radixOrder(m.first, n);
  order = radixOrder(rank, n, order);
  return radixOrder(family, n, order);
}

/** Per formula, 1 where `after` holds another formula than `before`. */
function changedIn(before: readonly Formula[], after: readonly Formula[]): Uint8Array {
  const changed = new Uint8Array(after.length);
  for (let f = 0; f < after.length; f++) changed[f] = before[f] === after[f] ? 0 : 1;
  return changed;
}

/** Distinct documents of a formula's occurrences (sorted by document). */
function docCountOf(f: Formula): number {
  let n = 0;
  for (let k = 0; k < f.occurrences.length; k++) if (k === 0 || f.occurrences[k]!.doc !== f.occurrences[k - 1]!.doc) n++;
  return n;
}

function toFamily(f: Formula, index: number, { prepared, docs, norm, outletSize, outletOf, yearOf, outletNames, yearNames, outletCount, yearSeen, options, members: m, order: byDocument, classSeen, classSlot, ids }: FamilyContext): Family | null {
  const b = m.base[index]!;
  const e = m.base[index + 1]!;
  if (e === b) return null;
  // The members' documents from the member column (formula f's occurrences
  // in their order), not from the occurrence objects: those lie apart in the
  // heap, a cache miss each at 8M words.
  let docCount = 0;
  for (let x = b; x < e; x++) if (x === b || m.doc[x] !== m.doc[x - 1]) docCount++;

  // The id: a hash of the occurrences in document-index order (as found).
  let h = FNV_OFFSET;
  for (let x = b; x < e; x++) {
    const doc = m.doc[x]!;
    for (let i = ids.start[doc]!; i < ids.start[doc + 1]!; i++) h = Math.imul(h ^ ids.units[i]!, FNV_PRIME);
    h = fnv1aMix(fnv1aMix(h, m.startFirst[x]!), m.startLast[x]!);
  }
  // Members in document order: date, then id (= index), then start; each
  // at the extent a reader would quote (read in family-members.ts).
  const order = new Array<number>(e - b);
  for (let i = 0; i < order.length; i++) order[i] = byDocument[b + i]! - b;
  // (Arrays the views and rankFamilies read are filled in loops, not by
  // `map`: see hidden-classes.ts.)
  const members = new Array<Span>(order.length);
  for (let i = 0; i < order.length; i++) {
    const x = b + order[i]!;
    members[i] = { doc: ids.names[m.doc[x]!]!, start: m.spanStart[x]!, end: m.spanEnd[x]! };
  }
  const variants = variantsOf(order, b, m, prepared, classSeen, classSlot, index + 1);

  // The family's outlets (with its documents in each) and years, by id in
  // int columns, each listed as first met: a Map and a Set of the names,
  // each document's strings read and hashed, grew 19x for 8x the members
  // at 8M words.
  for (let x = b; x < e; x++) {
    const doc = m.doc[x]!;
    if (x > b && doc === m.doc[x - 1]) continue;
    const outlet = outletOf[doc]!;
    if (outlet >= 0 && outletCount[outlet]!++ === 0) outletsMet.push(outlet);
    const year = yearOf[doc]!;
    if (year >= 0 && yearSeen[year] !== index + 1) {
      yearSeen[year] = index + 1;
      yearsMet.push(year);
    }
  }
  // One outlet's documents nearly all of the family's and at least half of
  // that outlet's, while that many of other outlets' documents do without it (in
  // a corpus of one outlet, nothing can be told apart as its boilerplate).
  let top = 0;
  let topOutlet = -1;
  for (let k = 0; k < outletsMet.length; k++) {
    const n = outletCount[outletsMet[k]!]!;
    if (n > top) {
      top = n;
      topOutlet = outletsMet[k]!;
    }
  }
  const ownDocs = topOutlet >= 0 ? outletSize[topOutlet]! : 0;
  const familyOutlets = new Array<string>(outletsMet.length);
  for (let k = 0; k < outletsMet.length; k++) {
    familyOutlets[k] = outletNames[outletsMet[k]!]!;
    outletCount[outletsMet[k]!] = 0;
  }
  const familyYears = new Array<string>(yearsMet.length);
  for (let k = 0; k < yearsMet.length; k++) familyYears[k] = yearNames[yearsMet[k]!]!;
  outletsMet.length = 0;
  yearsMet.length = 0;
  const elsewhere = docs.length - ownDocs - (docCount - top);
  const boilerplate =
    top >= options.boilerplateMinDocs &&
    top >= options.boilerplateOutletShare * docCount &&
    top >= options.boilerplateOutletCoverage * ownDocs &&
    elsewhere >= options.boilerplateMinDocs;

  // The core: the words the versions share, in the first member written as the label is.
  const variantList = new Array<FamilyVariant>(variants.length);
  for (let i = 0; i < variants.length; i++) variantList[i] = { wording: variants[i]!.wording, text: variants[i]!.text, count: variants[i]!.count };
  const hubAt = order[variants[0]!.at]!;
  const hub = f.occurrences[hubAt]!;
  const first = docs[m.doc[b + order[0]!]!]!;
  return {
    id: `f${(h >>> 0).toString(36)}`,
    label: variants[0]!.text,
    core: coreWording(prepared[hub.doc]!, hub.first, f.coreMask(hubAt), norm),
    kind: namesShare(prepared[hub.doc]!, hub.first, hub.last) >= options.namesShare ? 'names' : 'framing',
    boilerplate,
    contains: [],
    partOf: [],
    members,
    variants: variantList,
    spread: {
      first: { doc: first.id, date: first.date?.value ?? null },
      outlets: sortSmall(familyOutlets, cmp),
      years: sortSmall(familyYears, cmp),
    },
    documents: docCount,
    passages: f.passages,
  };
}

/**
 * The wordings of the members (in document order: occurrence b + order[at]
 * of the columns), most common first, ties to the earliest; each with the
 * text it is most often written as (case, punctuation), ties to the
 * earliest. Members with the same tokens (one token class) share one
 * wording and written text: the members are counted per class, then each
 * class is read once, at its first member, and counted into its wording
 * with its count (a phrase in every document is mostly word for word the
 * same: a few classes, thousands of members). Classes are read in order
 * of their first member, so each wording and text keeps its earliest.
 * `seen` marks the classes met in this family (`stamp`), `slot` their
 * place among its classes; both are indexed by class (a member index).
 */
function variantsOf(order: readonly number[], b: number, m: MemberColumns, prepared: readonly PreparedDoc[], seen: Int32Array, slot: Int32Array, stamp: number): Array<FamilyVariant & { at: number }> {
  let classes = 0;
  for (let at = 0; at < order.length; at++) {
    const cls = m.tokens[b + order[at]!]!;
    if (seen[cls] === stamp) {
      classCount[slot[cls]!]!++;
      continue;
    }
    seen[cls] = stamp;
    slot[cls] = classes;
    classFirstAt[classes] = at;
    classCount[classes++] = 1;
  }
  // Per wording: its count, its first member, and its texts. Most
  // wordings are written one way: the first text is held in the entry, a
  // map made only for a second (8M words: 21.6K wordings in 5,071
  // families; with a map each, variantsOf's maps were 5.5 MB of garbage).
  const wordings = new Map<string, WordingCount>();
  for (let k = 0; k < classes; k++) {
    if (k % TOUCH_MEMBERS === 0) touchClasses(classFirstAt, k, Math.min(classes, k + TOUCH_MEMBERS), order, b, m.doc, m.spanStart, m.spanEnd, prepared);
    const at = classFirstAt[k]!;
    const n = classCount[k]!;
    const x = b + order[at]!;
    const text = prepared[m.doc[x]!]!.text;
    const w = wordingOfSpan(text, m.spanStart[x]!, m.spanEnd[x]!);
    const written = textOf(text, m.spanStart[x]!, m.spanEnd[x]!);
    let c = wordings.get(w);
    if (!c) wordings.set(w, (c = { count: 0, at, text: written, textCount: 0, texts: null }));
    c.count += n;
    if (c.texts === null && written === c.text) {
      c.textCount += n;
      continue;
    }
    if (c.texts === null) c.texts = new Map([[c.text, { count: c.textCount, at: c.at }]]);
    const tc = c.texts.get(written);
    if (tc) tc.count += n;
    else c.texts.set(written, { count: n, at });
  }
  // Each wording as most often written (ties: the earliest).
  // (forEach: no [key, value] pair allocated per entry.)
  const variants: Array<FamilyVariant & { at: number }> = [];
  wordings.forEach((c, wording) => {
    let text = c.text;
    if (c.texts !== null) {
      let bestCount = 0;
      let bestAt = Infinity;
      c.texts.forEach((tc, t) => {
        if (tc.count > bestCount || (tc.count === bestCount && tc.at < bestAt)) {
          text = t;
          bestCount = tc.count;
          bestAt = tc.at;
        }
      });
    }
    variants.push({ wording, text, count: c.count, at: c.at });
  });
  sortSmall(variants, (x, y) => y.count - x.count || x.at - y.at);
  classFirstAt.length = 0;
  classCount.length = 0;
  return variants;
}

/** A wording's members, its first (`at`), and its texts: the first one's count, or all of them once there is a second. */
interface WordingCount {
  count: number;
  at: number;
  text: string;
  textCount: number;
  texts: Map<string, { count: number; at: number }> | null;
}

/** The outlets and years of the family being read, as first met (reused). */
const outletsMet: number[] = [];
const yearsMet: number[] = [];

/** Per token class of the family being read: its first member (as `at`) and its members (reused). */
const classFirstAt: number[] = [];
const classCount: number[] = [];

/** FNV-1a of a 32-bit int's four bytes, continuing from `h`. */
function fnv1aMix(h: number, v: number): number {
  h = Math.imul(h ^ (v & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((v >>> 8) & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((v >>> 16) & 0xff), FNV_PRIME);
  return Math.imul(h ^ (v >>> 24), FNV_PRIME);
}

/**
 * `text[start, end)` with each run of white space as one space. An
 * ASCII span is copied in one pass into the byte buffer and decoded: one
 * flat string (a replace builds a rope, slow to compare when the families
 * are sorted by label); other spans take the regex.
 */
function textOf(text: string, start: number, end: number): string {
  if (wordingBuf.length < end - start) wordingBuf = new Uint8Array(Math.max(end - start, wordingBuf.length * 2));
  const buf = wordingBuf;
  let w = 0;
  let space = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return text.slice(start, end).replace(WHITE, ' ');
    // \s in ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
    if (c === 32 || (c >= 9 && c <= 13)) {
      if (!space) buf[w++] = 32;
      space = true;
    } else {
      buf[w++] = c;
      space = false;
    }
  }
  return asciiDecoder.decode(buf.subarray(0, w));
}

/** The matching forms of the core's tokens, "…" for each run of others inside. */
function coreWording(d: PreparedDoc, first: number, mask: Uint8Array, norm: readonly string[]): string {
  const out: string[] = [];
  let gap = false;
  for (let k = 0; k < mask.length; k++) {
    if (mask[k]) {
      if (gap && out.length) out.push('…');
      gap = false;
      out.push(norm[d.type[first + k]!]!);
    } else gap = true;
  }
  return out.join(' ');
}

/** Share of the content words in tokens [first, last] that are capitalised mid-sentence or hold digits. */
function namesShare(d: PreparedDoc, first: number, last: number): number {
  let content = 0;
  let names = 0;
  // German writes every noun with a capital: there a capital is a name's
  // only next to another ("Angela Merkel", "Frankfurter Allgemeine").
  const run = d.language === GERMAN;
  for (let t = first; t <= last; t++) {
    const fl = d.flags[t]!;
    if ((fl & TOK_CONTENT) === 0) continue;
    content++;
    const w = d.surface[d.type[t]!]!;
    const capital = capitalMidSentence(d, t) && (!run || (t > 0 && capitalised(d, t - 1)) || (t + 1 < d.count && capitalised(d, t + 1)));
    if (capital || DIGIT.test(w)) names++;
  }
  return content ? names / content : 0;
}

function capitalised(d: PreparedDoc, t: number): boolean {
  const c = d.surface[d.type[t]!]!.charAt(0);
  return c !== c.toLowerCase();
}

function capitalMidSentence(d: PreparedDoc, t: number): boolean {
  return capitalised(d, t) && t > 0 && (d.flags[t]! & SENTENCE_START) === 0;
}

/**
 * `a.sort(compare)` (stable), with short arrays sorted by insertion here:
 * most families have a few members, variants, outlets and years, and each
 * `Array.prototype.sort` call allocates its own work arrays (8M words:
 * ≈ 80 MB of garbage over ≈ 90K sorts of short arrays).
 */
export function sortSmall<T>(a: T[], compare: (x: T, y: T) => number): T[] {
  if (a.length > 16) return a.sort(compare);
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && compare(a[j]!, v) > 0) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
  return a;
}

/** The distinct values of `a` in ascending order (sorts `a`). */
export function uniqueSorted(a: number[]): number[] {
  sortSmall(a, (x, y) => x - y);
  let w = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[w - 1]) a[w++] = a[i]!;
  a.length = w;
  return a;
}

/** Code-unit order: the same in every locale. */
export function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
