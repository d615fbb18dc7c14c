/**
 * Documents as typed arrays of tokens: offsets, interned types, content
 * flags and the gap before each token. Built once per detection, in one
 * pass over the text (intern.ts) plus linear passes over int arrays; each
 * document's arrays are views into corpus-wide columns.
 */
import { documentLanguage } from '../text/language.ts';
import { TokenColumns, internTokens } from '../text/intern.ts';
import { LANGUAGES, LanguageCounter, wordLanguages } from '../text/function-words.ts';
import { classAt, HAN } from '../text/scan.ts';
import { STEMMED_LANGUAGES } from '../text/stem-language.ts';
import { Vocabulary } from '../text/vocabulary.ts';
import { EXACT_KEYS, languageStems } from './stem-classes.ts';

/** The corpus-wide columns that every document's arrays are views of. */
export interface CorpusColumns {
  /**
   * Per type: its stem id (the Vocabulary's `stemOf`). A token's stem is
   * `typeStem[type[i]]`: no stem column per token, 4 bytes per token less
   * fresh memory (each fresh page costs a page fault).
   */
  typeStem: Int32Array;
  /**
   * Per token, one byte: the GAP_* bits of the gap before it (bits 0–2),
   * TOK_CONTENT and TOK_BANAL. One column instead of three: the random
   * reads of the partner's tokens (single-seed test, passage cuts) touch
   * one cache line for all three, and 2 bytes per token less fresh memory.
   */
  flags: Uint8Array;
  /** Token index (inside its document) of every content word, document after document. */
  contentTok: Int32Array;
  /** Per type: the languages (bits by function-words.ts's LANGUAGES) in which it opens a noun phrase ("the", "un", "der"). */
  typeOpener: Uint32Array;
  /** Per type: the languages in which it is a coordinator ("and", "et", "und"): read where a list may go on (readable-extent.ts). */
  typeCoordinator: Uint32Array;
  /** Type id per token (each document's `type` is a view of it). */
  type: Int32Array;
  /** Code-unit offset of each token in its document's text (each document's `start` is a view of it). */
  start: Int32Array;
  /**
   * Per type: 1 for a bigram of a script written without spaces (Han, kana,
   * Thai…: scan.ts), which is half a word and overlaps its neighbours, so
   * never a passage's flank (passages.ts).
   */
  typeBigram: Uint8Array;
  /**
   * Per type: its surface's length in code units (a token ends at its start
   * plus this): a column of ints, not a read of the surface string's header,
   * a cache miss a type apart.
   */
  typeLength: Int32Array;
}

/** A content word (not a stopword): bit 3, above the scanner's GAP_* bits. */
export const TOK_CONTENT_BIT = 3;
export const TOK_CONTENT = 1 << TOK_CONTENT_BIT;
/** A content word inside a stock phrase (set by seeding). */
export const TOK_BANAL = 1 << 4;

export interface PreparedDoc {
  index: number;
  /** Index of this document's first token in the corpus-wide columns. */
  offset: number;
  /** Index of this document's first content word in `corpus.contentTok`. */
  contentOffset: number;
  corpus: CorpusColumns;
  id: string;
  text: string;
  count: number;
  /** Code-unit offset of each token; it ends at start + surface[type].length. */
  start: Int32Array;
  /** Type id per token (its surface as written is `surface[type]`). */
  type: Int32Array;
  /** Surfaces of all types (the Vocabulary's, shared by every document). */
  surface: readonly string[];
  // Flags per token are read from `corpus` at `offset` (no per-document
  // views but this one: fewer objects); stems through `corpus.typeStem`.
  /** This document's view of `corpus.flags` (seeding sets TOK_BANAL). */
  flags: Uint8Array;
  /** Token index of the k-th content word. */
  contentTok: Int32Array;
  /**
   * Its language, as an index in function-words.ts's LANGUAGES: the one
   * search reads (text/language.ts), English where that is none.
   */
  language: number;
  // The stem of the k-th content word is
  // corpus.typeStem[corpus.type[offset + contentTok[k]]] (derived where
  // needed: no corpus-sized column of content stems).
}

/** Token t's end in `d.text` (code units). */
export function tokenEnd(d: PreparedDoc, t: number): number {
  return d.start[t]! + d.corpus.typeLength[d.type[t]!]!;
}

/**
 * Per type: the function-word bits its language is told by (`counted`),
 * and the function-word bits it aligns by (`functional`), by language
 * (function-words.ts). The English bit is the Vocabulary's own content flag,
 * so English text is read exactly as the Vocabulary says; Han is content in
 * every language.
 */
function typeLanguages(vocab: Vocabulary): { counted: Uint32Array; functional: Uint32Array; opener: Uint32Array; coordinator: Uint32Array; bigram: Uint8Array } {
  const types = vocab.size;
  // One bit per language of LANGUAGES (up to 32).
  const counted = new Uint32Array(types);
  const functional = new Uint32Array(types);
  const opener = new Uint32Array(types);
  const coordinator = new Uint32Array(types);
  const bigram = new Uint8Array(types);
  const content = vocab.content;
  const surface = vocab.surface;
  const norm = vocab.norm;
  for (let t = 0; t < types; t++) {
    bigram[t] = classAt(surface[t]!, 0) === HAN ? 1 : 0;
    const langs = wordLanguages(norm[t]!);
    counted[t] = langs.function;
    // Han types are content (vocabulary.ts) and in no list.
    functional[t] = (langs.function & ~1) | (content[t]! ^ 1);
    opener[t] = langs.opener;
    coordinator[t] = langs.coordinator;
  }
  return { counted, functional, opener, coordinator, bigram };
}

/** Code units whose tokens are counted to size the token columns. */
const SAMPLE_CHARS = 1 << 16;
/** Room added to the extrapolated token count. */
const SIZE_SLACK = 1.1;

export function prepareDocs(texts: readonly { id: string; text: string; language?: string | null }[], vocab: Vocabulary): PreparedDoc[] {
  const { cols, docStart } = tokenise(texts, vocab);
  const total = cols.length;
  const { counted, functional, opener, coordinator, bigram } = typeLanguages(vocab);
  // The scanner's gap column, with the content bit added.
  const flags = cols.gap.subarray(0, total);
  const { language, keys, contentCount } = markContent(cols.type, docStart, texts, counted, functional, flags);
  if (keys.some((k) => k !== 0)) vocab.rekey(languageStems(vocab, typeKeyLanguages(cols.type, docStart, keys, vocab.size)));
  // One slot to spare: the fill below writes every token's index and
  // advances past content words only.
  const slots = new Int32Array(contentCount + 1);
  const contentTok = slots.subarray(0, contentCount);
  const type = cols.type;
  const start = cols.start.subarray(0, total);

  const typeLength = new Int32Array(vocab.size);
  for (let t = 0; t < typeLength.length; t++) typeLength[t] = vocab.surface[t]!.length;
  const corpus: CorpusColumns = { typeStem: vocab.stemOf, flags, contentTok, typeOpener: opener, typeCoordinator: coordinator, type, start, typeBigram: bigram, typeLength };
  const out: PreparedDoc[] = [];
  let k = 0;
  for (let d = 0; d < texts.length; d++) {
    const t0 = docStart[d]!;
    const t1 = docStart[d + 1]!;
    const k0 = k;
    // Without a branch per token (content or not is unpredictable).
    for (let i = t0; i < t1; i++) {
      slots[k] = i - t0;
      k += (flags[i]! >>> TOK_CONTENT_BIT) & 1;
    }
    out.push({
      index: d,
      offset: t0,
      contentOffset: k0,
      corpus,
      id: texts[d]!.id,
      text: texts[d]!.text,
      count: t1 - t0,
      type: type.subarray(t0, t1),
      surface: vocab.surface,
      start: start.subarray(t0, t1),
      flags: flags.subarray(t0, t1),
      contentTok: contentTok.subarray(k0, k),
      language: language[d]!,
    });
  }
  return out;
}

/** Every text's tokens, appended to one set of columns; document d's are [docStart[d], docStart[d + 1]). */
function tokenise(texts: readonly { text: string }[], vocab: Vocabulary): { cols: TokenColumns; docStart: Int32Array } {
  let chars = 0;
  let longest = 0;
  for (const d of texts) {
    chars += d.text.length;
    if (d.text.length > longest) longest = d.text.length;
  }
  // Token columns sized from the tokens per code unit of the first 64K code
  // units, extrapolated to the rest with 10% and one longest text to spare
  // (a text of n code units can need n slots while it is scanned): no
  // corpus-sized guess (chars / 5 was half again too large for news text,
  // all of it counted as external memory by the GC). Re-extrapolated if it
  // runs out.
  const cols = new TokenColumns(Math.min(chars, SAMPLE_CHARS) + 16);
  const docStart = new Int32Array(texts.length + 1);
  let done = 0;
  for (let d = 0; d < texts.length; d++) {
    const n = texts[d]!.text.length;
    if (cols.length + n > cols.start.length) {
      // (A first text longer than the sample gets room for itself alone.)
      cols.resize(done > 0 ? Math.ceil(cols.length + (chars - done) * (cols.length / done) * SIZE_SLACK) + longest + 16 : n + 16);
    }
    internTokens(texts[d]!.text, vocab, cols);
    done += n;
    docStart[d + 1] = cols.length;
  }
  return { cols, docStart };
}

/**
 * One counter for every call, reset per document: a counter made per call
 * lost its hidden class at each full GC between calls, and with it the
 * optimised code of `markContent` (deoptimised in the middle of its loop).
 */
const counter = new LanguageCounter();

/**
 * Per document, its language, read as search reads it (text/language.ts:
 * its words' function-word bits, function-words.ts, else the language it declares):
 * `language`, the LANGUAGES index of its function words (English where
 * search reads none), and `keys`, the LANGUAGES index of its words' keys
 * (stem-language.ts), EXACT_KEYS where they keep their matching forms. Per
 * token, the content bit into `flags`: a token is content unless it is a
 * function word of its document's language.
 */
function markContent(
  type: Int32Array,
  docStart: Int32Array,
  texts: readonly { language?: string | null }[],
  counted: Uint32Array,
  functional: Uint32Array,
  flags: Uint8Array,
): { language: Uint8Array; keys: Uint8Array; contentCount: number } {
  const docs = docStart.length - 1;
  const language = new Uint8Array(docs);
  const keys = new Uint8Array(docs);
  let contentCount = 0;
  for (let d = 0; d < docs; d++) {
    const t0 = docStart[d]!;
    const t1 = docStart[d + 1]!;
    counter.reset();
    for (let i = t0; i < t1; i++) {
      const m = counted[type[i]!]!;
      if (m !== 0) counter.add(m);
    }
    const read = documentLanguage(counter, t1 - t0, texts[d]!.language);
    const lang = read === null ? 0 : LANGUAGES.indexOf(read);
    language[d] = lang;
    keys[d] = read !== null && STEMMED_LANGUAGES.includes(read) ? lang : EXACT_KEYS;
    for (let i = t0; i < t1; i++) {
      const ty = type[i]!;
      const c = ((functional[ty]! >>> lang) & 1) ^ 1;
      flags[i] = flags[i]! | (c << TOK_CONTENT_BIT);
      contentCount += c;
    }
  }
  return { language, keys, contentCount };
}

/** Per type, the bits of the key languages (`markContent`'s `keys`) of the documents it stands in. */
function typeKeyLanguages(type: Int32Array, docStart: Int32Array, keys: Uint8Array, types: number): Uint32Array {
  const modes = new Uint32Array(types);
  for (let d = 0; d < keys.length; d++) {
    const bit = 1 << keys[d]!;
    for (let i = docStart[d]!, end = docStart[d + 1]!; i < end; i++) modes[type[i]!]! |= bit;
  }
  return modes;
}
