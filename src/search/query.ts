/**
 * Query parsing: words (all required), "exact phrases" in straight or curly
 * quotes, and runs of Han (or kana, Thai…) characters (a phrase of their
 * bigrams). Never throws: a malformed query comes back with `error` or
 * `notices` set, in words a reader can act on.
 */
import { BIGRAM_SCRIPT, tokenize, type Token } from '../text/index.ts';
import type { ParsedQuery, Phrase } from './types.ts';

/** Longer queries are refused: no one types this much, and a pasted page would stall the worker. */
export const MAX_QUERY_CHARS = 500;
/** More words than this are refused for the same reason. */
export const MAX_QUERY_WORDS = 32;

const OPEN_QUOTES = '"\u201c\u201e\u300c';
const CLOSE_QUOTES = '"\u201d\u300d';
/** A bigram of Han, kana, Thai… (scan.ts): a run of them is searched as a phrase. */
const isBigram = (t: Token): boolean => BIGRAM_SCRIPT.test(t.text[0]!);

function empty(error: string | null, notices: string[] = []): ParsedQuery {
  return { terms: [], phrases: [], indexQuery: '', notices, error };
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

export function parseQuery(raw: string): ParsedQuery {
  if (typeof raw !== 'string') return empty('The query is not text.');
  if (raw.length > MAX_QUERY_CHARS) {
    return empty(`The query is ${raw.length.toLocaleString('en')} characters long; at most ${MAX_QUERY_CHARS} are searched. Shorten it to the words or phrase you want.`);
  }
  if (raw.trim() === '') return empty(null);

  const { parts, unclosed } = segments(raw);
  const notices: string[] = [];
  if (unclosed) notices.push('A quotation mark is not closed: the words after it are searched as one phrase.');

  const terms = new Set<string>();
  const phrases: Phrase[] = [];
  const phraseKeys = new Set<string>();
  const indexWords: string[] = [];
  const ignored: string[] = [];
  let words = 0;

  const addPhrase = (tokens: Token[], text: string) => {
    const stems = tokens.map((t) => t.stem);
    const key = stems.join(' ');
    if (phraseKeys.has(key)) return;
    phraseKeys.add(key);
    phrases.push({ text, stems });
  };

  for (const part of parts) {
    const tokens = tokenize(part.text);
    words += tokens.length;
    if (part.quoted) {
      const content = tokens.filter((t) => t.isContent);
      if (content.length === 0) {
        if (tokens.length) ignored.push(`“${part.text.trim()}”`);
        continue;
      }
      if (tokens.length === 1) terms.add(tokens[0]!.stem);
      else addPhrase(tokens, part.text.trim());
      for (const t of content) indexWords.push(t.text);
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
        if (run.length === 1) terms.add(t.stem);
        else addPhrase(run, part.text.slice(run[0]!.start, run[run.length - 1]!.end));
        for (const r of run) indexWords.push(r.text);
        i = j;
      } else {
        if (t.isContent) {
          terms.add(t.stem);
          indexWords.push(t.text);
        } else ignored.push(t.text);
        i++;
      }
    }
  }

  if (words > MAX_QUERY_WORDS) {
    return empty(`The query has ${words} words; at most ${MAX_QUERY_WORDS} are searched. Keep the words that matter most.`, notices);
  }
  if (terms.size === 0 && phrases.length === 0) {
    if (ignored.length) {
      return empty(
        `“${raw.trim().slice(0, 60)}” has only very common words (${ignored.slice(0, 6).join(', ')}), which are not indexed. Add a less common word, for example “rule of law” instead of “of the”.`,
        notices,
      );
    }
    return empty('The query has no words or characters to search for (only punctuation or symbols).', notices);
  }
  if (ignored.length) notices.push(`Very common words are not searched on their own: ${[...new Set(ignored)].slice(0, 8).join(', ')}. Put them in quotes with other words to search an exact phrase.`);
  const lone = [...terms].filter((s) => [...s].length === 1 && BIGRAM_SCRIPT.test(s));
  if (lone.length) notices.push(`A single character (${lone.join(', ')}) is found only where it stands alone; type two or more characters to find it inside a longer word.`);
  return { terms: [...terms], phrases, indexQuery: indexWords.join(' '), notices, error: null };
}

/**
 * A concordance or trends term: the whole input is one word or one phrase,
 * quoted or not ("digital divide" and digital divide are the same term).
 */
export function parseTerm(raw: string): ParsedQuery {
  if (typeof raw !== 'string') return empty('The term is not text.');
  const inner = raw.trim().replace(/^["\u201c\u201e\u300c]|["\u201d\u300d]$/g, '');
  if (inner.trim() === '') return empty(null);
  if (/["\u201c\u201d\u201e\u300c\u300d]/.test(inner)) return parseQuery(raw);
  return parseQuery(`"${inner}"`);
}
