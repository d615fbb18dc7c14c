import { describe, expect, it } from 'vitest';
import { anywhereRule, edgeReason, isNotice, removeOutsideBody } from '../../../src/corpus/clean/furniture.ts';
import { lineOf, linesOf, PROSE, PROSE2 } from './helpers.ts';

const ruleOf = (t: string) => anywhereRule(lineOf(t))?.rule;

describe('anywhereRule', () => {
  it('finds see-also links, captions, credits, editor credits, social rows and furniture phrases', () => {
    expect(ruleOf('See also: Another story about the summit')).toBe('see-also');
    expect(ruleOf('Photo shows the opening ceremony. (Photo by A B/Agency)')).toBe('caption');
    expect(ruleOf('WU HEPING / FOR CHINA DAILY')).toBe('credit');
    expect(ruleOf('(Web editor: Li Wei)')).toBe('furniture');
    expect(ruleOf('Facebook Twitter WhatsApp')).toBe('furniture');
    expect(ruleOf('Share this article')).toBe('furniture');
    expect(ruleOf('English>>')).toBe('furniture');
  });
  it('keeps prose that only looks like furniture', () => {
    expect(ruleOf('Related to this, the ministry said it would act.')).toBeUndefined();
    expect(ruleOf(PROSE)).toBeUndefined();
    expect(ruleOf('Facebook and Twitter were both fined this year.')).toBeUndefined();
    expect(ruleOf('THE NEW SILK ROAD')).toBeUndefined();
  });
  it('looks at furniture phrases on short lines only', () => {
    expect(ruleOf('Share')).toBe('furniture');
    expect(ruleOf('Share one two three four five six seven eight nine ten eleven')).toBeUndefined();
  });
});

describe('isNotice', () => {
  it('recognises cookie, spam-filter and copyright notices', () => {
    expect(isNotice(lineOf('This site uses cookies to improve your experience'))).toBe(true);
    expect(isNotice(lineOf('This site uses Akismet to reduce spam.'))).toBe(true);
    expect(isNotice(lineOf('© 2024 The Daily Planet'))).toBe(true);
    expect(isNotice(lineOf(PROSE))).toBe(false);
  });
});

describe('edgeReason', () => {
  it('names what a non-prose line outside the body is', () => {
    expect(edgeReason(lineOf('新闻中心'), 'head', true)).toMatch(/another script/);
    expect(edgeReason(lineOf('WORLD NEWS'), 'tail', true)).toMatch(/capitals after/);
    expect(edgeReason(lineOf('Home News World'), 'head', true)).toMatch(/breadcrumb/);
    expect(edgeReason(lineOf('Latest'), 'tail', true)).toBe('label or link line after the last paragraph');
  });
});

describe('removeOutsideBody', () => {
  it('removes what is not prose before the first and after the last paragraph, and nothing between', () => {
    const lines = linesOf(['World', 'By Jane Doe', PROSE, 'A short label inside', PROSE2, 'Tags', '© 2024 Planet'].join('\n')).filter((l) => !l.blank);
    removeOutsideBody(lines, true);
    expect(lines.map((l) => l.removed?.rule ?? 'kept')).toEqual(['furniture', 'byline', 'kept', 'kept', 'kept', 'furniture', 'furniture']);
  });
  it('keeps everything when there is no prose', () => {
    const lines = linesOf('One\nTwo').filter((l) => !l.blank);
    removeOutsideBody(lines, true);
    expect(lines.every((l) => !l.removed)).toBe(true);
  });
  it('starts the body at a line the metadata keeps', () => {
    const lines = linesOf(`A kept label\n${PROSE}`).filter((l) => !l.blank);
    lines[0]!.forceKeep = true;
    removeOutsideBody(lines, true);
    expect(lines.every((l) => !l.removed)).toBe(true);
  });
  it('widens the body to whole sentences: a wrapped first line and a wrapped last line are body', () => {
    const long = 'the ferry service, which has run at a loss for a decade; most of the residents who spoke asked the council to keep the ferry running through the';
    const lines = linesOf(['Menu', 'The harbour council met on Tuesday evening to discuss the future of', long, 'winter', 'Tags'].join('\n')).filter((l) => !l.blank);
    expect(lines.map((l) => l.prose)).toEqual([false, false, true, false, false]);
    removeOutsideBody(lines, true);
    expect(lines.map((l) => l.removed?.rule ?? 'kept')).toEqual(['furniture', 'kept', 'kept', 'kept', 'furniture']);
  });
  it('keeps a wrapped line that only looks like a byline, never a notice', () => {
    const lines = linesOf('By default, the client will verify certificates for all\nconnections it makes over HTTPS.').filter((l) => !l.blank);
    removeOutsideBody(lines, true);
    expect(lines.every((l) => !l.removed)).toBe(true);
    const notice = linesOf('This site uses cookies to improve your experience and\nyour use of it is subject to our policy.').filter((l) => !l.blank);
    removeOutsideBody(notice, true);
    expect(notice[0]!.removed?.rule).toBe('furniture');
  });
});
