/** spanOf: a member's tokens as text, with the unpaired quotation mark or bracket it opens or closes. */
import { describe, expect, it } from 'vitest';
import { spanOf } from '../../src/reuse/member-span.ts';
import type { PreparedDoc } from '../../src/reuse/prepare.ts';
import { prepared } from './fixtures.ts';

/** The token starting at the first occurrence of `word` in the document's text. */
function tokenAt(d: PreparedDoc, word: string, from = 0): number {
  const at = d.text.indexOf(word, from);
  for (let t = 0; t < d.start.length; t++) if (d.start[t] === at) return t;
  throw new Error(`no token at "${word}"`);
}

function textOf(d: PreparedDoc, firstWord: string, lastWord: string): string {
  const s = spanOf(d, tokenAt(d, firstWord), tokenAt(d, lastWord));
  expect(s.doc).toBe(d.id);
  return d.text.slice(s.start, s.end);
}

describe('spanOf', () => {
  it('is the tokens from the first one to the end of the last', () => {
    const { docs } = prepared(['They met at the World Internet Conference in Wuzhen.']);
    expect(textOf(docs[0]!, 'World', 'Conference')).toBe('World Internet Conference');
  });

  it('takes the bracket a span opens and does not close', () => {
    const { docs } = prepared(['Delegates came to the World Internet Conference (WIC). They stayed.']);
    expect(textOf(docs[0]!, 'World', 'WIC')).toBe('World Internet Conference (WIC)');
  });

  it('takes the opening mark of a quotation the span closes', () => {
    const { docs } = prepared(['He spoke of “a shared future in cyberspace” at length.']);
    expect(textOf(docs[0]!, 'a', 'at')).toBe('“a shared future in cyberspace” at');
  });

  it('pairs straight quotes by count, past the punctuation after the span', () => {
    const { docs } = prepared(['The motto was "open harbour, open minds." Then they left.']);
    expect(textOf(docs[0]!, 'was', 'minds')).toBe('was "open harbour, open minds."');
    expect(textOf(docs[0]!, 'open', 'Then')).toBe('"open harbour, open minds." Then');
  });

  it('takes German marks, whose closing mark is the English opening one', () => {
    const { docs } = prepared(['Sie sagte: „Wir schaffen das“, und ging. Er schrieb »nie wieder« darunter.']);
    expect(textOf(docs[0]!, 'sagte', 'das')).toBe('sagte: „Wir schaffen das“');
    expect(textOf(docs[0]!, 'Wir', 'das')).toBe('Wir schaffen das');
    expect(textOf(docs[0]!, 'schaffen', 'und')).toBe('schaffen das“, und');
    expect(textOf(docs[0]!, 'schrieb', 'wieder')).toBe('schrieb »nie wieder«');
  });

  it('takes a French guillemet with the space that sets it off', () => {
    const { docs } = prepared(['Il a cité « liberté, égalité, fraternité » hier. Puis « Vive la France ! » encore.']);
    expect(textOf(docs[0]!, 'cité', 'fraternité')).toBe('cité « liberté, égalité, fraternité »');
    expect(textOf(docs[0]!, 'égalité', 'hier')).toBe('égalité, fraternité » hier');
    expect(textOf(docs[0]!, 'Puis', 'France')).toBe('Puis « Vive la France ! »');
    expect(textOf(docs[0]!, 'cité', 'liberté')).toBe('cité « liberté');
  });

  it('leaves marks the span already pairs, and marks outside it', () => {
    const { docs } = prepared(['The conference (WIC) met in (old) Wuzhen.']);
    expect(textOf(docs[0]!, 'conference', 'WIC')).toBe('conference (WIC)');
    expect(textOf(docs[0]!, 'met', 'in')).toBe('met in');
  });

  it("takes a path's leading / and a URL's closing > past its last /", () => {
    const { docs } = prepared(['If not, see <http://www.gnu.org/licenses/>. The text is in /usr/share/common-licenses/GPL-2 on Debian.']);
    expect(textOf(docs[0]!, 'usr', 'common')).toBe('/usr/share/common');
    expect(textOf(docs[0]!, 'see', 'licenses')).toBe('see <http://www.gnu.org/licenses/>');
  });

  it('takes the closing quote of `…\' and `…´, and leaves an apostrophe', () => {
    const { docs } = prepared(["Er steht in `/usr/share/doc´ dort. It is in `/usr/share/common-licenses/GPL-3'. The students' union met."]);
    expect(textOf(docs[0]!, 'in', 'doc')).toBe('in `/usr/share/doc´');
    expect(textOf(docs[0]!, 'is', '3')).toBe("is in `/usr/share/common-licenses/GPL-3'");
    expect(textOf(docs[0]!, 'The', 'students')).toBe('The students');
  });
});
