/**
 * Query parsing: words (all required), "exact phrases" in straight or curly
 * quotes, and runs of Han (or kana, Thai…) characters (a phrase of their
 * bigrams). Never throws: a malformed query comes back with `error` or
 * `notices` set, in words a reader can act on.
 */
import type { Language } from '../text/function-words.ts';
import { BIGRAM_SCRIPT, tokenize, TokenKind, type Token } from '../text/index.ts';
import { isIndexed, kindOf, wordKey } from './encode.ts';
import type { ParsedQuery, QueryForms } from './types.ts';

/** Longer queries are refused: no one types this much, and a pasted page would stall the worker. */
export const MAX_QUERY_CHARS = 500;
/** More words than this are refused for the same reason. */
export const MAX_QUERY_WORDS = 32;

const OPEN_QUOTES = '"\u201c\u201e\u300c';
const CLOSE_QUOTES = '"\u201d\u300d';
/** A bigram of Han, kana, Thai… (scan.ts): a run of them is searched as a phrase. */
const isBigram = (t: Token): boolean => BIGRAM_SCRIPT.test(t.text[0]!);

function empty(error: string | null, notices: string[] = []): ParsedQuery {
  return { phrases: [], forms: [], notices, error };
}

/** Splits into [text, quoted] segments; reports an unclosed quote. */
function segments(raw: string): { parts: Array<{ text: string; quoted: boolean }>; unclosed: boolean } {
  const parts: Array<{ text: string; quoted: boolean }> = [];
  let quoted = false;
  let buf = '';
  for (const ch of raw) {
    if (!quoted && OPEN_QUOTES.includes(ch)) {
      parts.push({ text: buf, quoted: false });
      buf = '';
      quoted = true;
    } else if (quoted && CLOSE_QUOTES.includes(ch)) {
      parts.push({ text: buf, quoted: true });
      buf = '';
      quoted = false;
    } else buf += ch;
  }
  parts.push({ text: buf, quoted });
  return { parts: parts.filter((p) => p.text.trim() !== ''), unclosed: quoted };
}

/** What a query is read against: the languages of the corpus's documents, and how a word typed in the query is keyed in each. */
export interface QueryContext {
  languages: readonly (Language | null)[];
  key(surface: string, kind: TokenKind, language: Language | null): string;
}

/** An English corpus (the default of the tests, and of a query read without an engine). */
export const ENGLISH: QueryContext = { languages: ['en'], key: wordKey };

/** One word (unquoted, or alone in quotes, or a lone Han bigram) or one phrase of the query, before any language is applied. */
type Item = { token: Token; kind: TokenKind } | { tokens: Token[]; text: string };

export function parseQuery(raw: string, context: QueryContext = ENGLISH): ParsedQuery {
  if (typeof raw !== 'string') return empty('The query is not text.');
  if (raw.length > MAX_QUERY_CHARS) {
    return empty(`The query is ${raw.length.toLocaleString('en')} characters long; at most ${MAX_QUERY_CHARS} are searched. Shorten it to the words or phrase you want.`);
  }
  if (raw.trim() === '') return empty(null);

  const { parts, unclosed } = segments(raw);
  const notices: string[] = [];
  if (unclosed) notices.push('A quotation mark is not closed: the words after it are searched as one phrase.');

  const items: Item[] = [];
  const phraseKeys = new Set<string>();
  let words = 0;
  const addPhrase = (tokens: Token[], text: string) => {
    const key = tokens.map((t) => t.norm).join(' ');
    if (phraseKeys.has(key)) return;
    phraseKeys.add(key);
    items.push({ tokens, text });
  };
  for (const part of parts) {
    const tokens = tokenize(part.text);
    words += tokens.length;
    if (part.quoted) {
      if (tokens.length === 1) items.push({ token: tokens[0]!, kind: kindOf(tokens[0]!.text) });
      else if (tokens.length) addPhrase(tokens, part.text.trim());
      continue;
    }
    // Unquoted: Latin words are separate terms; each run of Han bigrams is a phrase.
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i]!;
      if (isBigram(t)) {
        let j = i + 1;
        // Consecutive bigrams of one run overlap by one character.
        while (j < tokens.length && isBigram(tokens[j]!) && tokens[j]!.start === tokens[j - 1]!.start + 1) j++;
        const run = tokens.slice(i, j);
        if (run.length === 1) items.push({ token: t, kind: TokenKind.Han });
        else addPhrase(run, part.text.slice(run[0]!.start, run[run.length - 1]!.end));
        i = j;
      } else {
        items.push({ token: t, kind: TokenKind.Word });
        i++;
      }
    }
  }
  if (words > MAX_QUERY_WORDS) {
    return empty(`The query has ${words} words; at most ${MAX_QUERY_WORDS} are searched. Keep the words that matter most.`, notices);
  }

  // The query in each language's keys; a word is ignored when no language indexes it.
  const phraseItems = items.filter((it) => 'tokens' in it);
  const used = new Set<Item>();
  const forms: QueryForms[] = context.languages.map((language) => {
    const terms = new Set<string>();
    const indexTerms = new Set<string>();
    const phrases: string[][] = [];
    for (const it of items) {
      if ('tokens' in it) {
        const indexed = it.tokens.filter((t) => isIndexed(t.norm, kindOf(t.text), language));
        if (!indexed.length) {
          phrases.push([]);
          continue;
        }
        used.add(it);
        phrases.push(it.tokens.map((t) => context.key(t.text, kindOf(t.text), language)));
        for (const t of indexed) indexTerms.add(context.key(t.text, kindOf(t.text), language));
      } else if (isIndexed(it.token.norm, it.kind, language)) {
        used.add(it);
        const key = context.key(it.token.text, it.kind, language);
        terms.add(key);
        indexTerms.add(key);
      }
    }
    return { language, terms: [...terms], phrases, indexTerms: [...indexTerms] };
  });
  const ignored = items.filter((it) => !used.has(it)).map((it) => ('tokens' in it ? `“${it.text}”` : it.token.text));
  if (!used.size) {
    if (ignored.length) {
      return empty(
        `“${raw.trim().slice(0, 60)}” has only very common words (${ignored.slice(0, 6).join(', ')}), which are not indexed. Add a less common word, for example “rule of law” instead of “of the”.`,
        notices,
      );
    }
    return empty('The query has no words or characters to search for (only punctuation or symbols).', notices);
  }
  if (ignored.length) notices.push(`Very common words are not searched on their own: ${[...new Set(ignored)].slice(0, 8).join(', ')}. Put them in quotes with other words to search an exact phrase.`);
  const lone = [...new Set(items.flatMap((it) => ('token' in it && it.kind === TokenKind.Han && [...it.token.norm].length === 1 ? [it.token.norm] : [])))];
  if (lone.length) notices.push(`A single character (${lone.join(', ')}) is found only where it stands alone; type two or more characters to find it inside a longer word.`);
  return { phrases: phraseItems.map((it) => ({ text: (it as { text: string }).text })), forms, notices, error: null };
}

/** Whether a parsed query has anything to look up. */
export function searchable(query: ParsedQuery): boolean {
  return !query.error && query.forms.some((f) => f.indexTerms.length > 0);
}

/**
 * A concordance or trends term: the whole input is one word or one phrase,
 * quoted or not ("digital divide" and digital divide are the same term).
 */
export function parseTerm(raw: string, context: QueryContext = ENGLISH): ParsedQuery {
  if (typeof raw !== 'string') return empty('The term is not text.');
  const inner = raw.trim().replace(/^["\u201c\u201e\u300c]|["\u201d\u300d]$/g, '');
  if (inner.trim() === '') return empty(null);
  if (/["\u201c\u201d\u201e\u300c\u300d]/.test(inner)) return parseQuery(raw, context);
  return parseQuery(`"${inner}"`, context);
}
