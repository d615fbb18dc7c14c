import { describe, expect, it } from 'vitest';
import { continues, hardWrapped, separators, wrapsInto } from '../../../src/corpus/clean/paragraphs.ts';
import { lineOf, linesOf, PROSE } from './helpers.ts';

describe('continues', () => {
  it('rejoins before a lower-case word or after a function word', () => {
    expect(continues(lineOf('The minister said that the plan would'), lineOf('take effect next year.'))).toBe(true);
    expect(continues(lineOf('Talks were held between officials of the'), lineOf('United Nations and others.'))).toBe(true);
  });
  it('does not rejoin after a sentence end, a short label, or before a list item', () => {
    expect(continues(lineOf(PROSE), lineOf('and then more.'))).toBe(false);
    expect(continues(lineOf('Key points'), lineOf('and more'))).toBe(false);
    expect(continues(lineOf('The minister listed the plans for the'), lineOf('• year ahead'))).toBe(false);
  });
});

describe('wrapsInto', () => {
  it('goes on into the next line of the block, also after a closing quote', () => {
    const [a, b] = linesOf('The harbour council met on Tuesday evening to discuss the future of\nthe ferry service, which has run at a loss.');
    expect(wrapsInto(a!, b!)).toBe(true);
    const [c, d] = linesOf('This is primarily to backport support for the new "add.ignoreErrors"\nname given to the existing variable.');
    expect(wrapsInto(c!, d!)).toBe(true);
    const [e, f] = linesOf('Le conseil municipal s’est réuni mardi soir pour discuter de\nl’avenir du service de bac.');
    expect(wrapsInto(e!, f!)).toBe(true);
  });
  it('does not cross a blank line, a sentence end, a short heading, or go into a list item', () => {
    const [a, , b] = linesOf('The council met on Tuesday evening to discuss the\n\nferry service.');
    expect(wrapsInto(a!, b!)).toBe(false);
    const [c, d] = linesOf(`${PROSE}\nand then more.`);
    expect(wrapsInto(c!, d!)).toBe(false);
    const [e, f] = linesOf('Chapter One\nit was a bright cold day.');
    expect(wrapsInto(e!, f!)).toBe(false);
    const [g, h] = linesOf('The minister listed the plans for the\n• year ahead');
    expect(wrapsInto(g!, h!)).toBe(false);
  });
});

describe('hardWrapped', () => {
  const col = 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk';
  it('recognises a block of lines of similar width, mostly open', () => {
    expect(hardWrapped(linesOf(`${col}\n${col}\n${col}\nend.`))).toBe(true);
  });
  it('refuses two lines, a short column, or lines that each end a sentence', () => {
    expect(hardWrapped(linesOf(`${col}\n${col}`))).toBe(false);
    expect(hardWrapped(linesOf('short one\nshort two\nshort three'))).toBe(false);
    expect(hardWrapped(linesOf(`${col}.\n${col}.\n${col}.\nend.`))).toBe(false);
  });
});

describe('separators', () => {
  it('gives one blank line between paragraphs, a newline before an attribution, a space for a rejoin', () => {
    const lines = linesOf(`“We will act,” she said.\n— Jane Doe\n\nThe minister said that the plan would\n\ntake effect next year.`);
    const seps = separators(lines);
    expect([...seps.values()].map((s) => [s.sep, s.rule])).toEqual([['', 'whitespace'], ['\n', 'whitespace'], ['\n\n', 'whitespace'], [' ', 'rejoin']]);
    expect([...seps.values()][3]?.reason).toMatch(/paragraph break rejoined/);
  });

  it('joins a line wrapped mid-sentence before a capitalised word, in any block of two or more lines', () => {
    const seps = (text: string): string[] => [...separators(linesOf(text)).values()].map((s) => s.sep);
    // A two-line block (too short to be "hard-wrapped" as a whole), and a licence paragraph whose block holds " ." lines.
    expect(seps('According to the statement, the report of the European\nCommission on the fiscal compact will be published soon.')).toEqual(['', ' ']);
    expect(seps(' This program is free software.\n .\n On Debian systems, the complete text of the GNU General\n Public License can be found in /usr/share/common-licenses/GPL.')).toEqual(['', '\n\n', '\n\n', ' ']);
    // German nouns are capitalised: the wrap is the same.
    expect(seps('Die Bundesregierung hat am Dienstag beschlossen, dass die\nEnergiewende schneller kommen soll.')).toEqual(['', ' ']);
  });

  it('keeps apart a heading, a line that ends on punctuation, a short line before a long one, and a list item', () => {
    const seps = (text: string): string[] => [...separators(linesOf(text)).values()].map((s) => s.sep);
    expect(seps('Results\nThe committee met on Tuesday and approved the new budget for next year.')).toEqual(['', '\n\n']);
    expect(seps('The committee met on Tuesday and approved the budget.\nThe minister said the plan would take effect next year.')).toEqual(['', '\n\n']);
    expect(seps('China to step up cyberspace cooperation\nChina will step up its cooperation with other countries on cyberspace governance, officials said on Monday.')).toEqual(['', '\n\n']);
    expect(seps('The following changes were made to the programme this year\n1. The budget was cut by a third in every region.')).toEqual(['', '\n\n']);
  });
});
