/**
 * The stems of a corpus whose documents are in several languages: each word
 * keyed in its document's language (src/text/stem-language.ts), as search
 * keys it, so French "coûte" and "coûtait", German "genehmigt" and
 * "genehmigen" are one stem, and no English suffix rule joins two French
 * words.
 *
 * Method: a stem is a class of keys. A type (a surface) standing in
 * documents of language L takes L's key (`Vocabulary.keyIn`, once per
 * (language, type)); a key is also joined to the matching form of every
 * word it keys. Two keys that share a matching form are one stem: an
 * English slogan quoted in a French article ("Make America great again",
 * where French Snowball keys "make" as "mak") still matches the English
 * documents that say it, and "Etat" in an English text still matches
 * "État" in a French one, as words of one matching form always have. So
 * the classes are the connected components of keys and matching forms;
 * a corpus in one language gets exactly its language's keys. A class is
 * named by its least English key (an English corpus's stems are unchanged),
 * else its least other key, tagged with its language so that French "cout"
 * and an English "cout" are two stems unless a word joins them.
 *
 * What it misses: the join is transitive, so in a corpus of two languages a
 * word spelt alike in both merges both languages' variants of it (English
 * "rapport" and "rapports" with French "rapporte" and "rapportait"), which
 * is what a bilingual reader expects of a shared word, and also of a false
 * friend ("pour").
 */
import { LANGUAGES, type Language } from '../text/function-words.ts';
import { wordKeyIn } from '../text/stem-language.ts';
import type { Vocabulary } from '../text/vocabulary.ts';
import { UnionFind } from './union-find.ts';

/** The bit of a type's languages (`modes`) for documents whose words keep their matching forms (no stemmer). */
export const EXACT_KEYS = 31;

/** Marks a name as not English: no word contains it. */
const TAG = '\u0000';
/** A node's language for a matching form (`nodeLanguage`); English is 0. */
const FORM = -1;

/**
 * Each type's stem key when type t stands in documents whose languages are
 * the bits of `modes[t]` (bit i: LANGUAGES[i]; EXACT_KEYS: matching forms).
 */
export function languageStems(vocab: Vocabulary, modes: Uint32Array): string[] {
  const types = vocab.size;
  // Nodes: matching forms and keys, one table of ids per language (their
  // strings are not concatenated with a tag: a Map key made by
  // concatenation is hashed anew, 6 µs a type).
  const nodeString: string[] = [];
  const nodeLanguage: number[] = [];
  const forms = new Map<string, number>();
  const keyTables = new Map<number, Map<string, number>>();
  const node = (table: Map<string, number>, s: string, language: number): number => {
    let id = table.get(s);
    if (id === undefined) {
      id = nodeString.length;
      table.set(s, id);
      nodeString.push(s);
      nodeLanguage.push(language);
    }
    return id;
  };
  const formOf = new Int32Array(types);
  const edges: number[] = [];
  const norm = vocab.norm;
  for (let t = 0; t < types; t++) {
    const form = (formOf[t] = node(forms, norm[t]!, FORM));
    for (let m = modes[t]!, i = 0; m !== 0; m >>>= 1, i++) {
      if ((m & 1) === 0 || i === EXACT_KEYS) continue;
      let table = keyTables.get(i);
      if (!table) keyTables.set(i, (table = new Map()));
      edges.push(form, node(table, vocab.keyIn(t, LANGUAGES[i]!, wordKeyIn), i));
    }
  }
  const uf = new UnionFind(nodeString.length);
  for (let e = 0; e < edges.length; e += 2) uf.union(edges[e]!, edges[e + 1]!);
  // Per class (by its root), the node that names it: its least English key, else its least string.
  const best = new Int32Array(nodeString.length).fill(-1);
  for (let n = 0; n < nodeString.length; n++) {
    const r = uf.find(n);
    const b = best[r]!;
    if (b < 0 || before(n, b, nodeString, nodeLanguage)) best[r] = n;
  }
  const name = (n: number): string => {
    const lang = nodeLanguage[n]!;
    return lang === 0 ? nodeString[n]! : lang === FORM ? nodeString[n]! + TAG : nodeString[n]! + TAG + LANGUAGES[lang]!;
  };
  const names = new Map<number, string>();
  const keys: string[] = new Array<string>(types);
  for (let t = 0; t < types; t++) {
    const b = best[uf.find(formOf[t]!)]!;
    let k = names.get(b);
    if (k === undefined) names.set(b, (k = name(b)));
    keys[t] = k;
  }
  return keys;
}

/** Node `a` names its class before node `b`: English keys first, then the least string, then forms before keys, then the first language. */
function before(a: number, b: number, str: readonly string[], lang: readonly number[]): boolean {
  const ea = lang[a] === 0;
  const eb = lang[b] === 0;
  if (ea !== eb) return ea;
  const sa = str[a]!;
  const sb = str[b]!;
  return sa !== sb ? sa < sb : lang[a]! < lang[b]!;
}
