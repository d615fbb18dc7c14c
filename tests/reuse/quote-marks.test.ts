/** quote-marks: a mark's role from the text around it, and which marks close which. */
import { describe, expect, it } from 'vitest';
import { CLOSE, OPEN, closes, isQuotationMark, markRole } from '../../src/reuse/quote-marks.ts';

/** The roles of the marks `marks` in `text`, in order, as 'o' and 'c'. */
function roles(text: string, marks: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!marks.includes(text.charAt(i))) continue;
    const r = markRole(text, i);
    out += r === OPEN ? 'o' : r === CLOSE ? 'c' : '?';
  }
  return out;
}

describe('markRole', () => {
  it('reads English, German, French, Swiss and Swedish quotation marks', () => {
    expect(roles('He said “winner takes all”.', '“”')).toBe('oc');
    expect(roles('Sie sagte: „Wir schaffen das“, und ging.', '„“')).toBe('oc');
    expect(roles('Er nannte es ‚alternativlos‘.', '‚‘')).toBe('oc');
    expect(roles('Sie sagte: »Wir schaffen das«, und ging.', '»«')).toBe('oc');
    expect(roles('Il a dit « liberté, égalité » hier.', '«»')).toBe('oc');
    expect(roles('Il a dit «\u202fliberté\u202f» hier.', '«»')).toBe('oc');
    expect(roles('Er sagte «Freiheit» gestern.', '«»')).toBe('oc');
    expect(roles('Han sa ”vi klarar det” i går.', '”')).toBe('oc');
    expect(roles('Han sa »vi klarar det» i går.', '»')).toBe('oc');
  });

  it('reads nested marks by their outer side', () => {
    expect(roles('»Er sagte ‚nein‘«, schrieb sie.', '»«‚‘')).toBe('oocc');
    expect(roles('„Er sagte ‚nein‘“, schrieb sie.', '„“‚‘')).toBe('oocc');
  });

  it('keeps the straight quote and brackets as they were read', () => {
    expect(roles('the "Internet Plus" plan (WIC)', '"()')).toBe('ococ');
    expect(markRole('plain', 0)).toBe(0);
  });
});

describe('the marks of plain text and software', () => {
  it('reads < > only against a word, a backtick as the straight quote, and \' ´ as closers', () => {
    expect(roles('see <http://www.gnu.org/licenses/>.', '<>')).toBe('oc');
    expect(roles('if a < b then c -> d and x => y', '<>')).toBe('???');
    expect(roles('> quoted line', '>')).toBe('?');
    expect(roles("found in `/usr/share/common-licenses/GPL-3'.", "`'")).toBe('oc');
    expect(roles('run `make check` first', '`')).toBe('oc');
    expect(roles('siehe `/usr/share/doc´ dort', '`´')).toBe('oc');
    expect(closes('<', '>')).toBe(true);
    expect(closes('`', "'")).toBe(true);
    expect(closes('`', '´')).toBe(true);
    expect(closes('`', '`')).toBe(true);
    expect(closes("'", '`')).toBe(false);
  });
});

describe('closes', () => {
  it('pairs each opening mark with the marks that close it', () => {
    expect(closes('„', '“')).toBe(true);
    expect(closes('„', '”')).toBe(true);
    expect(closes('“', '”')).toBe(true);
    expect(closes('“', '“')).toBe(false);
    expect(closes('»', '«')).toBe(true);
    expect(closes('«', '»')).toBe(true);
    expect(closes('‚', '‘')).toBe(true);
    expect(closes('(', ']')).toBe(false);
  });
});

describe('isQuotationMark', () => {
  it('tells quotation marks from brackets', () => {
    expect([...'"“„»«「'].every(isQuotationMark)).toBe(true);
    expect([...'([{（'].some(isQuotationMark)).toBe(false);
  });
});
