/**
 * The language a document is searched in, which says how its words are
 * stemmed and which are too common to index (src/text/stem-language.ts,
 * function-words.ts).
 *
 * Method: its words' markers (function-words.ts), counted over the whole
 * text as the reuse engine counts them: the language with most, if it has
 * at least MIN_MARKERS. Failing that, the language the document declares
 * (its metadata, "de" or "de-AT"), if it is one function-words.ts knows.
 * Failing that, a short text (a headline, a line or two) reads as English,
 * as it always has; a longer one is in a language not listed there, and its
 * words are matched in their exact forms, with no English rule applied.
 */
import { LANGUAGES, LanguageCounter, MIN_MARKERS, type Language, wordLanguages } from '../text/function-words.ts';
import { normalizeWord, scanTokens } from '../text/index.ts';

/** Below this many words, a text with no language's markers reads as English: too short to tell. */
export const SHORT_TEXT_WORDS = 60;

/** The search language of a text whose markers `counter` counted, in `words` words, declaring `declared`. */
export function searchLanguage(counter: LanguageCounter, words: number, declared: string | null | undefined): Language | null {
  const best = counter.language();
  if (counter.count(best) >= MIN_MARKERS) return LANGUAGES[best]!;
  const tag = declared?.toLowerCase().split('-')[0];
  const known = LANGUAGES.find((l) => l === tag);
  if (known && known !== 'en') return known;
  return words < SHORT_TEXT_WORDS ? 'en' : null;
}

/** The search language of a text (every word counted: the index's own reading, one scan). */
export function searchLanguageOfText(text: string, declared: string | null = null): Language | null {
  const counter = new LanguageCounter();
  let words = 0;
  scanTokens(text, {
    push(start, end) {
      words++;
      counter.add(wordLanguages(normalizeWord(text.slice(start, end))).marker);
    },
  });
  return searchLanguage(counter, words, declared);
}
