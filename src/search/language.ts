/**
 * Old names of src/text/language.ts's reader, kept while a branch that
 * imports them lands; use src/text/language.ts.
 */
export { SHORT_TEXT_WORDS, documentLanguage as searchLanguage, languageOfText as searchLanguageOfText } from '../text/language.ts';
