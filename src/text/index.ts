export { tokenize, type Token } from './tokenize.ts';
export { normalizeWord } from './normalize.ts';
export { stem } from './stem.ts';
export { isStopword, STOPWORDS } from './stopwords.ts';
export { scanTokens, TokenKind, BIGRAM_SCRIPT, GAP_PARAGRAPH, GAP_SENTENCE, GAP_LINE, type TokenSink } from './scan.ts';
export { Vocabulary, fnv1a } from './vocabulary.ts';
