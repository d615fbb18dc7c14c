import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTei, notTei, readTei, teiFields } from '../../src/corpus/tei.ts';

const LETTERS = readFileSync(join(import.meta.dirname, '../fixtures/tei/harbour-letters.xml'), 'utf8');

describe('readTei', () => {
  it('reads the text of <text>: blocks as paragraphs, verse lines as lines, notes, page furniture and deletions left out', () => {
    expect(readTei(LETTERS).text).toBe(
      'First letter\n\n' +
        "The council met on Tuesday to discuss the new bridge. It was the end of Doctor Smith's plan & more.\n\n" +
        'Roses are red,\nviolets are blue.\n\n' +
        'Second paragraph.',
    );
  });

  it('reads the header: main title, authors, the journal a source was printed in, its date, the language', () => {
    const t = readTei(LETTERS);
    expect([t.title, t.author, t.outlet, t.date, t.language]).toEqual(['The Harbour Letters', 'Ann Lee, Bo Chen', 'The Coastal Herald', '1891-05-04', 'en']);
    expect(teiFields(t)).toEqual({ title: 'The Harbour Letters', author: 'Ann Lee, Bo Chen', outlet: 'The Coastal Herald', date: '1891-05-04', language: 'en' });
  });

  it('falls back to the publisher and the publication date, and leaves out a date it cannot read', () => {
    const t = readTei(`<TEI><teiHeader><fileDesc><titleStmt><title>Untitled</title></titleStmt><publicationStmt><date>spring 1890</date></publicationStmt>
      <sourceDesc><bibl><publisher>Harbour Press</publisher></bibl></sourceDesc></fileDesc></teiHeader><text><body><p>One.</p></body></text></TEI>`);
    expect(teiFields(t)).toEqual({ title: 'Untitled', outlet: 'Harbour Press' });
  });

  it('stays linear on deep nesting and stray close tags', () => {
    const deep = `<TEI><text><body>${'<hi>'.repeat(100_000)}word${'</hi>'.repeat(100_000)}${'</p>'.repeat(100_000)}<p>end</p></body></text></TEI>`;
    // 100,000 levels and 100,000 stray closes: a reader that searched its open elements per tag would not finish within the test's timeout.
    expect(readTei(deep).text).toBe('word\n\nend');
  });
});

describe('isTei', () => {
  it('knows a TEI document by its first element, after a declaration, processing instructions, comments or a doctype', () => {
    expect(isTei(LETTERS)).toBe(true);
    expect(isTei('\uFEFF<!DOCTYPE TEI SYSTEM "tei.dtd"><TEI.2><text/></TEI.2>')).toBe(true);
    expect(isTei('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"/>')).toBe(true);
    expect(isTei('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')).toBe(false);
    expect(notTei('<?xml version="1.0"?><rss/>')).toMatch(/^is XML but not TEI \(its first element is <rss>\)/);
  });
});

describe('readTei: entities a DTD defines', () => {
  it('expands the entities the file’s own DTD subset defines, markup and all', () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE TEI [
  <!ENTITY council "the Harbour Council">
  <!ENTITY signed '<hi rend="italic">signed</hi> &amp; sealed'>
  <!ENTITY % local SYSTEM "local.ent">
]>
<TEI><text><body><p>So &council; decided, &signed;.</p><p><![CDATA[&council; as written]]></p></body></text></TEI>`;
    expect(readTei(xml).text).toBe('So the Harbour Council decided, signed & sealed.\n\n&council; as written');
  });

  it('reads the ISO character entities older TEI (P3, P4) took from outside the file', () => {
    const xml = `<!DOCTYPE TEI.2 SYSTEM "tei2.dtd"><TEI.2><text><body><p>Caf&eacute; &mdash; &Ouml;sterreich, &szlig;, &hellip; &unknownthing;</p></body></text></TEI.2>`;
    expect(readTei(xml).text).toBe('Café — Österreich, ß, … &unknownthing;');
    // A longer unknown name is not read by its prefix (HTML's legacy "&copy" without a semicolon).
    const prefixes = '<TEI><text><body><p>The &copyright; and &notation; and &amplifier; and &ltx; stay</p></body></text></TEI>';
    expect(readTei(prefixes).text).toBe('The &copyright; and &notation; and &amplifier; and &ltx; stay');
  });

  it('does not let entities multiply (a "billion laughs" file stays small)', () => {
    const defs = ['<!ENTITY a0 "ha">'];
    for (let k = 1; k <= 12; k++) defs.push(`<!ENTITY a${k} "${`&a${k - 1};`.repeat(10)}">`);
    const xml = `<!DOCTYPE TEI [${defs.join('')}]><TEI><text><body><p>&a12;</p></body></text></TEI>`;
    const text = readTei(xml).text;
    expect(text.length).toBeLessThan(5_000_000);
  });
});
