import { describe, expect, it } from 'vitest';
import { classAt, GAP_LINE, GAP_PARAGRAPH, GAP_SENTENCE, HAN, scanTokens, SENTENCE, TokenKind, WORD } from '../../src/text/scan.ts';

/** Each token as [text, kind, gap]. */
function scan(text: string): Array<[string, TokenKind, number]> {
  const out: Array<[string, TokenKind, number]> = [];
  scanTokens(text, { push: (s, e, kind, gap) => out.push([text.slice(s, e), kind, gap]) });
  return out;
}

describe('scanTokens', () => {
  it('reads kana, Thai and other scripts written without spaces as bigrams, Hangul and Arabic as words', () => {
    expect(scan('コンピューターを使う').map((t) => t[0])).toEqual(['コン', 'ンピ', 'ピュ', 'ュー', 'ータ', 'ター', 'ーを', 'を使', '使う']);
    expect(scan('ฉันเป็น').map((t) => [t[0], t[1]])).toEqual([['ฉั', TokenKind.Han], ['ัน', TokenKind.Han], ['นเ', TokenKind.Han], ['เป', TokenKind.Han], ['ป็', TokenKind.Han], ['็น', TokenKind.Han]]);
    expect(scan('나는 학생입니다').map((t) => [t[0], t[1]])).toEqual([['나는', TokenKind.Word], ['학생입니다', TokenKind.Word]]);
    expect(scan('أنا طالب').map((t) => t[0])).toEqual(['أنا', 'طالب']);
  });

  it('reports words with internal apostrophes, and no token for punctuation or an outer apostrophe', () => {
    expect(scan("'China's' rock’n’roll -- 42, x").map((t) => t[0])).toEqual(["China's", 'rock’n’roll', '42', 'x']);
  });

  it("cuts a word after a French or Italian elided word, and nowhere else in English", () => {
    expect(scan("L'Esprit de l’eau qu'il jusqu'à dell'Europa un'altra").map((t) => t[0])).toEqual(['L', 'Esprit', 'de', 'l', 'eau', 'qu', 'il', 'jusqu', 'à', 'dell', 'Europa', 'un', 'altra']);
    expect(scan("Don't! It's O'Brien's; all's well, I'd say.").map((t) => t[0])).toEqual(["Don't", "It's", "O'Brien's", "all's", 'well', "I'd", 'say']);
  });

  it('tells the gap before each token: a line break, a blank line, sentence punctuation', () => {
    const gaps = scan('one two\nthree. four\n\nfive; six… seven').map(([w, , g]) => [w, g]);
    expect(gaps).toEqual([
      ['one', 0],
      ['two', 0],
      ['three', GAP_LINE],
      ['four', GAP_SENTENCE],
      ['five', GAP_PARAGRAPH | GAP_LINE],
      ['six', GAP_SENTENCE],
      ['seven', GAP_SENTENCE],
    ]);
  });

  it('ends no sentence at a Latin mark with a word character right after it (decimals, times, versions, addresses)', () => {
    expect(scan('It ended.Then конец.Начало see https://x.org').map(([w, , g]) => [w, g])).toEqual([
      ['It', 0],
      ['ended', 0],
      ['Then', GAP_SENTENCE],
      ['конец', 0],
      ['Начало', GAP_SENTENCE],
      ['see', 0],
      ['https', 0],
      ['x', 0],
      ['org', 0],
    ]);
    const gaps = scan('grew 6.5 percent at 09:23 in v2.21.1 on chinadaily.com.cn. Then U.S. aid: "Yes." No; 好。好').map(([w, , g]) => [w, g]);
    expect(gaps).toEqual([
      ['grew', 0],
      ['6', 0],
      ['5', 0],
      ['percent', 0],
      ['at', 0],
      ['09', 0],
      ['23', 0],
      ['in', 0],
      ['v2', 0],
      ['21', 0],
      ['1', 0],
      ['on', 0],
      ['chinadaily', 0],
      ['com', 0],
      ['cn', 0],
      ['Then', GAP_SENTENCE],
      ['U', 0],
      ['S', 0],
      ['aid', GAP_SENTENCE],
      ['Yes', GAP_SENTENCE],
      ['No', GAP_SENTENCE],
      ['好', GAP_SENTENCE],
      ['好', GAP_SENTENCE],
    ]);
  });

  it('ends a sentence at the full-width and half-width full stops (．｡), as at 。', () => {
    expect(scan('実験を行った．結果は良い｡次').map(([w, , g]) => [w, g]).filter(([, g]) => g === GAP_SENTENCE).map(([w]) => w)).toEqual(['結果', '次']);
  });

  it('gives a Han run as overlapping bigrams and a lone Han character alone, a CJK full stop ending the sentence', () => {
    expect(scan('网络空间。好 ok')).toEqual([
      ['网络', TokenKind.Han, 0],
      ['络空', TokenKind.Han, 0],
      ['空间', TokenKind.Han, 0],
      ['好', TokenKind.Han, GAP_SENTENCE],
      ['ok', TokenKind.Word, 0],
    ]);
  });

  it('keeps astral characters whole (a Han extension character, a mathematical letter)', () => {
    expect(scan('𠀀𠀁 𝐀bc').map((t) => [t[0], t[1]])).toEqual([
      ['𠀀𠀁', TokenKind.Han],
      ['𝐀bc', TokenKind.Word],
    ]);
  });

  it('classifies characters once and the same each time', () => {
    expect([classAt('a', 0), classAt('é', 0), classAt('网', 0), classAt('.', 0), classAt('a', 0)]).toEqual([WORD, WORD, HAN, SENTENCE, WORD]);
  });
});
