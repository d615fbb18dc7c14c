import { describe, expect, it } from 'vitest';
import { detectTitles } from '../../../src/corpus/clean/titles.ts';
import { linesOf, PROSE } from './helpers.ts';

const removed = (text: string, hint?: string) => {
  const lines = linesOf(text);
  detectTitles(lines, hint);
  return lines.filter((l) => !l.blank).map((l) => l.removed?.rule ?? 'kept');
};

describe('detectTitles', () => {
  it('removes a headline repeated at the head, also with a breadcrumb or an outlet added', () => {
    expect(removed(`Summit opens in Wuzhen\nNews > Summit opens in Wuzhen\nSummit opens in Wuzhen\nSummit opens in Wuzhen - Daily\n${PROSE}`)).toEqual(['title', 'title', 'title', 'title', 'kept']);
  });
  it('needs three words to call a repeated line a headline', () => {
    expect(removed(`Home\nHome\n${PROSE}`)).toEqual(['kept', 'kept', 'kept']);
  });
  it('removes a line close to the title hint', () => {
    expect(removed(`Summit opens in Wuzhen today\n${PROSE}`, 'Summit opens in Wuzhen')).toEqual(['title', 'kept']);
    expect(removed(`Summit\n${PROSE}`, 'Summit opens in Wuzhen on a rainy Monday')).toEqual(['kept', 'kept']);
  });
  it('looks only at the head: a repeat after the first paragraph stays', () => {
    expect(removed(`${PROSE}\nSummit opens in Wuzhen\nSummit opens in Wuzhen`)).toEqual(['kept', 'kept', 'kept']);
  });
});
