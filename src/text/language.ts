/**
 * The language a document is read in: one answer per document, which says
 * how its words are stemmed, which are too common to index or to align on
 * (stem-language.ts, function-words.ts), for search, trends and the
 * variation view alike.
 *
 * Method: its words' function words (function-words.ts), counted over the
 * whole text as the reuse engine counts them: the language with most, if it
 * has at least MIN_FUNCTION_WORDS and, in a text of SHORT_TEXT_WORDS or
 * more, they are at least MIN_FUNCTION_SHARE of its words (running text in
 * a listed language: 20–54% on the Universal Declaration of Human Rights;
 * Finnish or Hungarian, which no list holds, count 12–13% as their nearest
 * listed language). Failing that, the language the document declares
 * (its metadata, "de" or "de-AT"), if it is one function-words.ts knows
 * and not English: "en" is what every document without a language gets
 * (corpus/metadata.ts, the import form), so it says nothing.
 * Failing that, a short text (a headline, a line or two) reads as English,
 * as it always has; a longer one is in a language not listed there (null):
 * search matches its words in their exact forms, none of them a function
 * word, with no English rule applied; the reuse engine and the variation
 * view count English's function words as function words there.
 */
import { LANGUAGES, LanguageCounter, MIN_FUNCTION_WORDS, type Language, wordLanguages } from './function-words.ts';
import { normalizeWord } from './normalize.ts';
import { scanTokens } from './scan.ts';

/** Below this many words, a text with no language's function words reads as English: too short to tell. */
export const SHORT_TEXT_WORDS = 60;

/** The least share of a longer text's words its language's function words make. */
export const MIN_FUNCTION_SHARE = 0.15;

/** The language of a text whose function words `counter` counted, in `words` words, declaring `declared`. */
export function documentLanguage(counter: LanguageCounter, words: number, declared: string | null | undefined): Language | null {
  const best = counter.language();
  const count = counter.count(best);
  if (count >= MIN_FUNCTION_WORDS && (words < SHORT_TEXT_WORDS || count >= MIN_FUNCTION_SHARE * words)) return LANGUAGES[best]!;
  const tag = declared?.toLowerCase().split('-')[0];
  const known = LANGUAGES.find((l) => l === tag);
  if (known && known !== 'en') return known;
  return words < SHORT_TEXT_WORDS ? 'en' : null;
}

/** The language of a text (every word counted, one scan), declaring `declared`. */
export function languageOfText(text: string, declared: string | null = null): Language | null {
  const counter = new LanguageCounter();
  let words = 0;
  scanTokens(text, {
    push(start, end) {
      words++;
      counter.add(wordLanguages(normalizeWord(text.slice(start, end))).function);
    },
  });
  return documentLanguage(counter, words, declared);
}
