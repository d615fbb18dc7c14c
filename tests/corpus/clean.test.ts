import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLEANING_RULES,
  cleanOffsetToOriginal,
  cleanText,
  originalOffsetToClean,
  segmentsOf,
} from '../../src/corpus/clean.ts';
import type { CleanResult, Edit } from '../../src/corpus/types.ts';

const RULE_IDS = new Set(CLEANING_RULES.map((r) => r.id));

function apply(original: string, edits: Edit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += original.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return out + original.slice(pos);
}

/** Everything the cleaner promises about any result. */
function checkInvariant(original: string, r: CleanResult): void {
  let prevEnd = 0;
  for (const e of r.edits) {
    expect(e.start).toBeGreaterThanOrEqual(prevEnd);
    expect(e.end).toBeGreaterThanOrEqual(e.start);
    expect(e.end).toBeLessThanOrEqual(original.length);
    expect(e.end > e.start || e.replacement !== '').toBe(true);
    expect(RULE_IDS.has(e.rule)).toBe(true);
    expect(e.reason.length).toBeGreaterThan(0);
    prevEnd = e.end;
  }
  expect(apply(original, r.edits)).toBe(r.text);
  expect(r.text).toBe(r.text.trim());
  expect(r.text).not.toMatch(/\n\s*\n\s*\n/);
  expect(r.text).not.toMatch(/\r/);
  expect(r.text).not.toMatch(/[ \t\u00a0\u2003]\n/);
}

function clean(original: string, title?: string): CleanResult {
  const r = cleanText(original, undefined, title === undefined ? undefined : { title });
  checkInvariant(original, r);
  return r;
}

const rulesOf = (r: CleanResult): string[] => r.edits.map((e) => e.rule);

const P1 = 'The conference was attended by around 1,500 guests from more than 80 countries and regions this year.';
const P2 = 'Officials said the new rules would take effect next spring, after a period of public consultation.';
const P3 = 'Critics argued that the measures were too narrow and did little to address the underlying problems.';
const P4 = 'The ministry said it would publish a full report on the results of the programme by the end of the year.';

describe('CLEANING_RULES', () => {
  it('documents every rule once, with a name and a description', () => {
    const ids = CLEANING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of CLEANING_RULES) expect(r.description.length).toBeGreaterThan(20);
    // Short names, for the Original view's legend.
    for (const r of CLEANING_RULES) expect(r.name).toMatch(/^.{4,30}$/);
    expect(new Set(CLEANING_RULES.map((r) => r.name)).size).toBe(ids.length);
    for (const id of ['whitespace', 'mojibake', 'stray-escape', 'title', 'byline', 'furniture', 'see-also', 'caption', 'credit', 'rejoin', 'duplicate-body', 'override'])
      expect(ids).toContain(id);
  });
});

describe('cleanText: invariant', () => {
  it('holds for the empty string and whitespace-only input', () => {
    for (const s of ['', ' ', '\n', '\r\n\r\n', '\u00a0\u2003\n\t']) {
      const r = clean(s);
      expect(r.text).toBe('');
    }
  });

  it('changes nothing in an already clean text', () => {
    const s = [P1, P2, P3].join('\n\n');
    const r = clean(s);
    expect(r.text).toBe(s);
    expect(r.edits).toEqual([]);
  });

  const fragments = [
    P1, P2, P3, P4, 'Home', 'Share', 'Most Read', 'See also  Another story about something else', 'By John Smith',
    'WU HEPING / FOR CHINA DAILY', 'Photo shows the ceremony. (Photo by A B/Agency)', 'What they say',
    'It was â€œgoodâ€\u009d news', 'CafÃ© society', 'Forum ยท Summit', 'ภาษาไทย', 'costs \\$5', '论文部分内容阅读',
    'a sentence that goes on and', 'continues here in lower case.', '— attribution line', '• a quoted item.',
    ' ', '\u00a0\u00a0', '\u2003', '\t', '\u200b', '\ufeff', '\r\n', '\n', '\n\n', '\r', 'x', '.', 'é', '\\',
  ];
  it('holds for random documents made of typical pieces (seeded property test)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), fc.array(fc.constantFrom('\n', '\n\n', ' ', '\r\n', ''), { maxLength: 40 }), (parts, glue) => {
        const s = parts.map((p, i) => p + (glue[i] ?? '\n')).join('');
        const r = cleanText(s);
        checkInvariant(s, r);
        // Run twice: documents repeated wholesale exercise the duplicate detector.
        const d = `${s}\n${s}`;
        checkInvariant(d, cleanText(d));
      }),
      { seed: 20240601, numRuns: 400 },
    );
  });

  it('holds for arbitrary unicode strings (seeded property test)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        checkInvariant(s, cleanText(s));
      }),
      { seed: 7, numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\n', '\r', '.', 'Ã', '©', 'â', '€', '™', 'ย', 'ท', '\u00a0', '\\', '$'), maxLength: 120 }), (s) => {
        checkInvariant(s, cleanText(s));
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});

describe('rule whitespace', () => {
  it('normalises CRLF, blank-line runs, trailing NBSP/EM SPACE and leading/trailing blank lines', () => {
    const s = `\r\n\r\n${P1}\u00a0\u00a0 \u2003\r\n\r\n\r\n\r\n${P2}   \r\n`;
    const r = clean(s);
    expect(r.text).toBe(`${P1}\n\n${P2}`);
    expect(new Set(rulesOf(r))).toEqual(new Set(['whitespace']));
  });
  it('collapses runs of odd spaces inside a line but keeps a single no-break space', () => {
    const r = clean('It rose by 10\u00a0km in a single year, the\u00a0\u00a0\u00a0 survey found.');
    expect(r.text).toBe('It rose by 10\u00a0km in a single year, the survey found.');
  });
  it('puts a blank line between paragraphs given one per line', () => {
    expect(clean(`${P1}\n${P2}\n${P3}`).text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
  });
  it('removes zero-width characters and a BOM', () => {
    expect(clean(`\ufeff${P1.replace('conference', 'con\u200bference')}`).text).toBe(P1);
  });
});

describe('rule mojibake', () => {
  it('repairs Windows-1252 mojibake of curly quotes, dashes and accents', () => {
    const r = clean('Chinaâ€™s â€œbig ideaâ€\u009d was praised at the cafÃ© â€” everyone agreed.');
    expect(r.text).toBe('China’s “big idea” was praised at the café — everyone agreed.');
    expect(rulesOf(r).every((x) => x === 'mojibake')).toBe(true);
  });
  it('repairs double mojibake', () => {
    expect(clean('It isnÃ¢â‚¬â„¢t over yet, officials said on Monday.').text).toBe('It isn’t over yet, officials said on Monday.');
  });
  it('repairs a UTF-8 middle dot read as Thai (Windows-874)', () => {
    const r = clean('He spoke at the World Internet Conference ยท Internet Development Forum in Wuzhen.');
    expect(r.text).toContain('Conference · Internet');
    expect(r.edits[0]?.rule).toBe('mojibake');
  });
  it('leaves real Thai text alone, even where a pair of letters would decode', () => {
    const thai = 'ประเทศไทยยกระดับความร่วมมือ ยก ยท ทางไซเบอร์กับนานาชาติ';
    const r = clean(`${P1}\n\n${thai}\n\nThe report was published in Bangkok on Monday.`);
    expect(r.text).toContain(thai);
    expect(rulesOf(r)).not.toContain('mojibake');
  });
  it('leaves legitimate accented text alone', () => {
    const s = 'Le café était fermé à Noël. Größe, Ça va, « Élysée », CAFÉ\u00a0! São Paulo — 5 °C, © AFP, naïve coöperation.';
    const r = clean(s);
    expect(r.text).toBe(s);
    expect(r.edits).toEqual([]);
  });
  it('does not touch curly quotes and dashes that are not part of a UTF-8 sequence', () => {
    const s = '“It’s fine,” she said — and left.';
    expect(clean(s).text).toBe(s);
  });
});

describe('rule stray-escape', () => {
  it('drops a backslash before a dollar sign', () => {
    const r = clean('Output is expected to reach 100 billion yuan (\\$14.13 billion) by 2020.');
    expect(r.text).toBe('Output is expected to reach 100 billion yuan ($14.13 billion) by 2020.');
    expect(rulesOf(r)).toEqual(['stray-escape']);
  });
  it('keeps a double backslash and a backslash before ordinary letters', () => {
    const s = 'The path C:\\new\\file and the escape \\\\$ stay as they are.';
    expect(clean(s).text).toBe(s);
  });
});

describe('rule title', () => {
  it('removes a headline repeated at the head, with breadcrumb and outlet suffix', () => {
    const t = 'Bridging the Digital Divide in Cyberspace- Daily Planet';
    const s = `Home News ${t}\n\n${t}\n\nby admin\n${t}\n\n${P1}\n\n${P2}`;
    const r = clean(s);
    expect(r.text).toBe(`${P1}\n\n${P2}`);
    const removed = r.edits.filter((e) => e.rule === 'title').map((e) => s.slice(e.start, e.end)).join('');
    expect(count(removed, t)).toBe(3);
  });
  it('removes a single headline equal to the given title', () => {
    const r = clean(`Why the internet needs rules?\n\n${P1}`, 'Why the internet needs rules?');
    expect(r.text).toBe(P1);
    expect(rulesOf(r)).toContain('title');
  });
  it('detects a repeated headline even when it ends with a question mark', () => {
    const t = 'Who will govern the internet?';
    const r = clean(`${t}\n${t}\n\n${P1}`);
    expect(r.text).toBe(P1);
  });
  it('keeps a sentence that merely repeats later in the body', () => {
    const s = `${P1}\n\nWe will not give up.\n\n${P2}\n\nWe will not give up.\n\n${P3}`;
    expect(clean(s).text).toBe(s);
  });
});

describe('rule byline', () => {
  it('removes bylines, datelines and the author e-mail at the head', () => {
    const s = `By Jane Doe (The Courier)\u00a0\u00a0\u00a0 09:23, October 25, 2019\n\nBy JANE DOE\njane@courier.example.com\n\nMonday, Mar 15, 2023\n\n${P1}`;
    const r = clean(s);
    expect(r.text).toBe(P1);
    expect(rulesOf(r).filter((x) => x === 'byline').length).toBe(4);
  });
  it('keeps a body sentence starting with "By"', () => {
    const s = `${P1}\n\nBy 2020, the industrial output is expected to reach 100 billion yuan.\n\n${P2}`;
    expect(clean(s).text).toBe(s);
  });
});

describe('rule furniture', () => {
  it('removes navigation, social rows and a capture date at the head', () => {
    const s = `Apple News Facebook Twitter 新浪微博 Instagram YouTube Wednesday, Mar 15, 2023\nSearch\nArchive\nEnglish>>\n\n${P1}`;
    const r = clean(s);
    expect(r.text).toBe(P1);
    expect(new Set(rulesOf(r))).toEqual(new Set(['furniture']));
  });
  it('removes comment boxes, related lists, notices and editor credits at the tail', () => {
    const s = [
      P1, P2,
      '(For the latest news, Please follow The Courier on Twitter and Facebook)(Web editor: Ann, Bob)',
      '(Editors: Ann Lee, Bob Ray)', '[Editor in charge: Ann Lee]', 'Add your comment', 'Related reading', 'We Recommend',
      'Most Read', 'Key Words', 'You may also like', 'Leave a Comment',
      'This site uses Akismet to reduce spam. Learn how your comment data is processed.',
      "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. Accept Read More",
      'Privacy & Cookies Policy', 'Online', 'See more by scanning the code.',
    ].join('\n\n');
    const r = clean(s);
    expect(r.text).toBe(`${P1}\n\n${P2}`);
  });
  it('removes a line in another script (CJK) and a capitals section header before an English article', () => {
    const r = clean(`论文部分内容阅读\nWORLD SUMMIT\n\n${P1}`);
    expect(r.text).toBe(P1);
    expect(r.edits.some((e) => e.reason.includes('CJK'))).toBe(true);
  });
  it('removes a furniture phrase line between paragraphs', () => {
    expect(clean(`${P1}\n\nAdvertisement\n\n${P2}`).text).toBe(`${P1}\n\n${P2}`);
  });
  it('keeps short lines that belong to the article: sidebar heads, speaker lines, quotations', () => {
    const s = [
      P1,
      'What they say',
      'Luigi Rossi, president of an association in Brussels that promotes internet cooperation',
      P2,
      '“We will win.”',
      'Share of renewables',
      P3,
    ].join('\n\n');
    expect(clean(s).text).toBe(s);
  });
  it('keeps an author note in brackets at the end, and a final short sentence', () => {
    const s = `${P1}\n\n(Jane Doe is a pen name often used by The Courier to express its views.)\n\nHe declined to comment.`;
    expect(clean(s).text).toBe(s);
  });
  it('keeps Chinese text inside a Chinese article', () => {
    const s = '世界互联网大会在乌镇举行，来自八十多个国家和地区的嘉宾参加了会议。\n\n会议讨论了网络空间治理问题。';
    expect(clean(s).text).toBe(s);
  });
  it('leaves a document with no prose at all to its line rules only', () => {
    const s = 'Roses are red\nViolets are blue';
    expect(clean(s).text).toBe('Roses are red\n\nViolets are blue');
  });
});

describe('rule furniture: hard-wrapped text', () => {
  const council = 'The harbour council met on Tuesday evening to discuss the future of\nthe ferry service, which has run at a loss for a decade.';
  const councilJoined = council.replace('\n', ' ');
  it('keeps the first line of a text whose first sentence is wrapped', () => {
    const r = clean(`${council}\n\nA decision is expected next week.`);
    expect(r.text).toBe(`${councilJoined}\n\nA decision is expected next week.`);
    expect(r.edits.every((e) => e.rule !== 'furniture')).toBe(true);
  });
  it('still removes a heading, a navigation line and a byline before wrapped prose', () => {
    expect(clean(`Chapter One\n\n${council}`).text).toBe(councilJoined);
    expect(clean(`Home News Local\n${council}`).text).toBe(councilJoined);
    const r = clean(`HARBOUR NEWS\nBy Jane Doe\n\n${council}`);
    expect(r.text).toBe(councilJoined);
    expect(rulesOf(r)).toContain('byline');
  });
  it('keeps a wrapped last line, even one that is a furniture word ("open.")', () => {
    const s = `${P1}\n\nThe update failed when the file system could not rename a file that was still\nopen.`;
    expect(clean(s).text).toBe(`${P1}\n\nThe update failed when the file system could not rename a file that was still open.`);
    const t = `${P1}\n\nMost of them asked the council to keep the ferry running until\nspring.\n\nShare`;
    expect(clean(t).text).toBe(`${P1}\n\nMost of them asked the council to keep the ferry running until spring.`);
  });
  it('keeps the wrapped first line in another language (French, German), heading still removed', () => {
    const fr = 'Le conseil municipal s’est réuni mardi soir pour discuter de\nl’avenir du service de bac, déficitaire depuis dix ans.';
    expect(clean(`Accueil\n\n${fr}`).text).toBe(fr.replace('\n', ' '));
    const de = 'Der Gemeinderat traf sich am Dienstagabend, um über die Zukunft\nder Fähre zu beraten, die seit zehn Jahren Verluste macht.';
    expect(clean(`Kapitel Eins\n\n${de}`).text).toBe(de.replace('\n', ' '));
  });
  it('keeps a wrapped sentence starting "Also see" or ending on a closing quote', () => {
    const s = `${P1}\n\nAlso see the INSTALL file for further instructions, then\nconfigure and build the library.`;
    expect(clean(s).text).toBe(`${P1}\n\nAlso see the INSTALL file for further instructions, then configure and build the library.`);
    const q = 'This release adds support for the new "add.ignoreErrors"\nname given to the existing configuration variable.';
    expect(clean(q).text).toBe(q.replace('\n', ' '));
  });
});

describe('rule furniture: the body\'s own edges', () => {
  it('keeps a last line without its full stop when it reads as the body\'s last sentence, and still removes labels and related headlines after it', () => {
    const last = 'The council will vote on the final plan at its meeting next month';
    expect(clean(`${P1}\n\n${P2}\n\n${last}`).text).toBe(`${P1}\n\n${P2}\n\n${last}`);
    expect(clean(`${P1}\n\n${last}\n\nShare\n\nTags: council, budget`).text).toBe(`${P1}\n\n${last}`);
    expect(clean(`${P1}\n\nLe conseil votera le plan définitif lors de sa séance du mois prochain`).text).toMatch(/séance du mois prochain$/);
    // Labels, Title Case headlines and a list of related headlines after the body still go.
    expect(clean(`${P1}\n\nMore From The Courier On Climate And Energy Policy`).text).toBe(P1);
    expect(clean(`${P1}\n\nRelated stories\n\nCouncil votes to keep the ferry running for another decade`).text).toBe(P1);
    expect(clean(`${P1}\n\nCouncil votes to keep the ferry running for another decade\n\nResidents protest against the new bridge over the estuary`).text).toBe(P1);
  });

  it('keeps a greeting opening a letter or a post ("Hi all,", "Dear colleagues,"), and still removes the headline before it', () => {
    expect(clean(`Hi all,\n\n${P1}\n\n${P2}`).text).toBe(`Hi all,\n\n${P1}\n\n${P2}`);
    expect(clean(`Dear colleagues,\n\n${P1}`).text).toBe(`Dear colleagues,\n\n${P1}`);
    expect(clean(`Liebe Kolleginnen und Kollegen,\n\n${P1}`).text).toBe(`Liebe Kolleginnen und Kollegen,\n\n${P1}`);
    expect(clean(`Dear Sir or Madam:\n\n${P1}`).text).toBe(`Dear Sir or Madam:\n\n${P1}`);
    expect(clean(`Budget update\n\nHi all,\n\n${P1}`).text).toBe(`Hi all,\n\n${P1}`);
    // A byline ending in a comma is still a byline.
    expect(clean(`By Jane Doe,\n\n${P1}`).text).toBe(P1);
  });

  it('measures a hard-wrapped block by its lines as written: a first line shortened by a Markdown link stays', () => {
    const wrapped = [
      '[Report](https://example.org/reports/2019/annual-report-final.pdf) says the river council',
      'Port Elling met on Tuesday to discuss the new bridge over the estuary and',
      'its cost. Residents asked about the timetable for the works and the noise',
      'of the pile drivers, which the engineers said would last about a month.',
    ].join('\n');
    expect(clean(wrapped).text).toBe(`Report says the river council ${wrapped.split('\n').slice(1).join(' ')}`);
    // A list of links, as long as written as a wrapped paragraph's lines, stays a list.
    const list = 'The API documentation is available online for each of the libraries:\n* [GLib](https://docs.gtk.org/glib/index.html)\n* [GObject](https://docs.gtk.org/gobject/index.html)\n* [GModule](https://docs.gtk.org/gmodule/index.html)';
    expect(clean(`${list}\n\n${P1}`).text.split('\n\n')).toEqual(['The API documentation is available online for each of the libraries:', '* GLib', '* GObject', '* GModule', P1]);
  });
});

describe('rule see-also', () => {
  it('removes injected links between paragraphs', () => {
    const s = `${P1}\n\nSee also\u00a0 The first branch of the bureau carried out a learning activity\n\n${P2}\n\nRead more: Ten things to know about the summit\n\n${P3}`;
    const r = clean(s);
    expect(r.text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
    expect(rulesOf(r).filter((x) => x === 'see-also').length).toBe(2);
  });
  it('keeps paragraphs that only start with similar words', () => {
    const s = `${P1}\n\nRelated to this, the ministry also tightened the rules on data export.\n\nRecommended daily limits were lowered as well, the report said.\n\nRead more books, the minister urged young people.`;
    expect(clean(s).text).toBe(s);
  });
});

describe('rule caption', () => {
  it('removes a "Photo shows" caption with a credit', () => {
    const s = `${P1}\n\nPhoto shows the opening ceremony of the conference. (Photo by Weng Qiyu/People’s Daily Online)\n\n${P2}`;
    const r = clean(s);
    expect(r.text).toBe(`${P1}\n\n${P2}`);
    expect(rulesOf(r)).toContain('caption');
  });
  it('removes a caption ending with a [Photo/Agency] credit', () => {
    expect(clean(`${P1}\n\nVisitors try a VR headset at the expo in Wuzhen. [Photo/Xinhua]\n\n${P2}`).text).toBe(`${P1}\n\n${P2}`);
  });
  it('keeps prose that mentions photographs', () => {
    const s = `${P1}\n\nPhotography of the venue was banned, and photos of the event circulated widely online.\n\n${P2}`;
    expect(clean(s).text).toBe(s);
  });
});

describe('rule credit', () => {
  it('removes a print credit dropped mid-sentence and rejoins the sentence', () => {
    const s = `${P1}\n\nChina had 854 million internet users by the end of June, according to a report released by the\n\n\n\nWU HEPING / FOR CHINA DAILY\n\nChina Internet Network Information Center.\n\n${P2}`;
    const r = clean(s);
    expect(r.text).toContain('released by the China Internet Network Information Center.');
    expect(r.text).not.toContain('WU HEPING');
    expect(rulesOf(r)).toEqual(expect.arrayContaining(['credit', 'rejoin']));
  });
  it('removes a standalone outlet credit but keeps a capitals subheading', () => {
    const s = `${P1}\n\nCHINA DAILY\n\nWHAT THEY SAY\n\n${P2}`;
    expect(clean(s).text).toBe(`${P1}\n\nWHAT THEY SAY\n\n${P2}`);
  });
});

describe('rule rejoin', () => {
  it('rejoins a sentence broken before a lower-case word', () => {
    const r = clean(`${P1}\n\nBeijing is building a national-level cybersecurity\n\nindustrial park to boost the industry.\n\n${P2}`);
    expect(r.text).toContain('national-level cybersecurity industrial park');
  });
  it('rejoins after a conjunction, article or preposition', () => {
    const r = clean(`${P1}\n\nXi called for cooperation with countries along the Belt and\n\nRoad in internet infrastructure.`);
    expect(r.text).toContain('along the Belt and Road in internet');
  });
  it('keeps a paragraph ending with a colon before a list, and headings', () => {
    const s = `${P1}\n\nThe ministry listed three goals for the coming year:\n\n- faster broadband in rural areas;\n\nfaster approvals were also promised.\n\nWhat they say\n\nDenis Dupont, managing director of a consultancy in Shanghai\n\n${P2}`;
    expect(clean(s).text).toBe(s);
  });
  it('keeps an attribution line under its quotation', () => {
    const s = `${P1}\n\n• China’s door for opening-up will not close.\n— congratulatory message on December 3, 2017\n\n${P2}`;
    expect(clean(s).text).toBe(s);
  });
  it('unwraps a hard-wrapped block', () => {
    const s = 'The conference was attended by around 1,500 guests from\nmore than 80 countries and regions, and the organisers\nsaid the next edition would be held in Wuzhen again.';
    expect(clean(s).text).toBe(s.replace(/\n/g, ' '));
  });
});

describe('rule duplicate-body', () => {
  it('removes the second copy of a repeated run of paragraphs', () => {
    const s = [P1, P2, P3, P4, P2, P3, P4].join('\n');
    const r = clean(s);
    expect(r.text).toBe([P1, P2, P3, P4].join('\n\n'));
    const dup = r.edits.filter((e) => e.rule === 'duplicate-body');
    expect(dup).toHaveLength(1);
    expect(s.slice(dup[0]?.start, dup[0]?.end)).toBe([P2, P3, P4].join('\n'));
  });
  it('removes a long paragraph given twice in a row', () => {
    const long = `${P1} ${P2} ${P3}`;
    expect(clean(`${long}\n\n${long}\n\n${P4}`).text).toBe(`${long}\n\n${P4}`);
  });
  it('treats near-verbatim copies (case, punctuation, spacing) as copies', () => {
    const s = `${P1}\n\n${P2}\n\n${P1.toUpperCase()}\n\n${P2.replace(/,/g, '')}`;
    expect(clean(s).text).toBe(`${P1}\n\n${P2}`);
  });
  it('keeps a short sentence repeated on purpose, and a refrain pair of short lines', () => {
    const s = `${P1}\n\nNever again.\n\nNever again.\n\n${P2}\n\nWe stand.\n\nWe march.\n\nWe stand.\n\nWe march.`;
    expect(clean(s).text).toBe(s);
  });
  it('keeps a paragraph quoted again much later', () => {
    const s = [P1, P2, P3, P4, P1].join('\n\n');
    expect(clean(s).text).toBe(s);
  });
});

describe('rule override', () => {
  it('removes lines listed in removeLines and keeps lines listed in keepLines', () => {
    const s = `Home\n\n${P1}\n\nA strange line nobody recognises\n\n${P2}\n\nMost Read`;
    const r = cleanText(s, { removeLines: ['A strange line nobody recognises'], keepLines: ['Most Read', 'Home'] });
    checkInvariant(s, r);
    expect(r.text).toBe(`Home\n\n${P1}\n\n${P2}\n\nMost Read`);
    expect(rulesOf(r)).toContain('override');
  });
});

describe('segmentsOf', () => {
  it('covers the original exactly, in order, with kinds', () => {
    const s = `Home\n\n${P1}\r\n\r\nCafÃ© \\$5 line here.\n\nSee also  Something else entirely\n\n${P2}`;
    const r = clean(s);
    const segs = segmentsOf(s, r.edits);
    expect(segs.map((x) => x.original).join('')).toBe(s);
    let pos = 0;
    for (const g of segs) {
      expect(g.start).toBe(pos);
      expect(g.end - g.start).toBe(g.original.length);
      pos = g.end;
    }
    expect(segs.map((g) => (g.kind === 'kept' ? g.original : g.replacement)).join('')).toBe(r.text);
    expect(segs.some((g) => g.kind === 'removed' && g.rule === 'see-also')).toBe(true);
    expect(segs.some((g) => g.kind === 'replaced' && g.rule === 'mojibake' && g.replacement === 'é')).toBe(true);
    expect(segs.filter((g) => g.kind === 'kept').every((g) => g.rule === undefined)).toBe(true);
  });
  it('is one kept segment when nothing was edited', () => {
    expect(segmentsOf(P1, [])).toEqual([{ kind: 'kept', original: P1, replacement: '', start: 0, end: P1.length }]);
  });
});

describe('cleanOffsetToOriginal / originalOffsetToClean', () => {
  const s = `Home\n\n${P1}\n\n\n\nSee also  Another story\n\n${P2} It was â€œgoodâ€\u009d.`;
  const r = cleanText(s);

  it('maps every clean character back to the same character in the original (outside replacements)', () => {
    const segs = segmentsOf(s, r.edits);
    let c = 0;
    for (const g of segs) {
      if (g.kind === 'kept') {
        for (let k = 0; k < g.original.length; k++) {
          expect(cleanOffsetToOriginal(r.edits, c + k)).toBe(g.start + k);
          expect(originalOffsetToClean(r.edits, g.start + k)).toBe(c + k);
          expect(s[g.start + k]).toBe(r.text[c + k]);
        }
        c += g.original.length;
      } else c += g.replacement.length;
    }
    expect(c).toBe(r.text.length);
  });
  it('is monotonic and round-trips on kept text', () => {
    let prev = -1;
    for (let c = 0; c <= r.text.length; c++) {
      const o = cleanOffsetToOriginal(r.edits, c);
      expect(o).toBeGreaterThanOrEqual(prev);
      prev = o;
    }
    const word = r.text.indexOf('Officials');
    expect(originalOffsetToClean(r.edits, cleanOffsetToOriginal(r.edits, word))).toBe(word);
  });
  it('at a removal, maps to after it by default and before it with affinity "before"', () => {
    const c = r.text.indexOf(P1);
    expect(c).toBe(0);
    expect(cleanOffsetToOriginal(r.edits, 0)).toBe(s.indexOf(P1));
    expect(cleanOffsetToOriginal(r.edits, 0, 'before')).toBe(0);
    const end = r.text.length;
    expect(cleanOffsetToOriginal(r.edits, end)).toBe(s.length);
  });
  it('maps offsets inside a removed span to the clean position of the removal', () => {
    const o = s.indexOf('Another story');
    const c = originalOffsetToClean(r.edits, o);
    expect(r.text.slice(0, c).endsWith(`${P1}\n\n`)).toBe(true);
  });
  it('is the identity without edits', () => {
    expect(cleanOffsetToOriginal([], 5)).toBe(5);
    expect(originalOffsetToClean([], 5)).toBe(5);
  });
});

// ---------------------------------------------------------------------------
// The seeds

const SEEDS = join(process.cwd(), 'seeds');
const seed = (prefix: string): { src: string; r: CleanResult } => {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix}`);
  const src = readFileSync(join(SEEDS, file), 'utf8');
  // No hints: the cleaner must not depend on the title.
  const r = cleanText(src);
  checkInvariant(src, r);
  return { src, r };
};
const count = (hay: string, needle: string): number => hay.split(needle).length - 1;

function expectPresent(text: string, sentences: string[]): void {
  for (const s of sentences) expect(text, s).toContain(s);
}
function expectAbsent(text: string, strings: string[]): void {
  for (const s of strings) expect(text, s).not.toContain(s);
}

describe('seeds', () => {
  it('000 (People’s Daily): furniture, byline, caption gone; pen-name note kept', () => {
    const { r } = seed('000');
    expectAbsent(r.text, [
      'Apple News', 'Instagram', 'Wednesday, Mar 15, 2023', 'Search', 'Archive', 'English>>', '09:23, October 25, 2019',
      'Photo shows', 'Photo by Weng Qiyu', 'For the latest China news', 'Web editor', 'Add your comment', 'Related reading',
      'We Recommend', 'Most Read', 'Key Words', '\u00a0', '\u2003',
    ]);
    expectPresent(r.text, [
      'The just-concluded 6th World Internet Conference (WIC) could be seen as an embodiment of China’s devotion',
      'It also showcased China’s determination to follow the trend of the times',
      '“We are marching together towards a brand new world with data being its predominant feature.',
      'Last year, the size of the country’s digital economy reached 31.3 trillion yuan (about $4.42 trillion), accounting for 34.8 percent of its GDP.',
      'Moreover, China has strived to constantly deepen international exchanges and cooperation in cyberspace',
      '(Zhong Sheng is a pen name often used by People’s Daily to express its views on foreign policy.)',
    ]);
    expect(r.text.startsWith('The just-concluded 6th World Internet Conference')).toBe(true);
    expect(r.text.endsWith('(Zhong Sheng is a pen name often used by People’s Daily to express its views on foreign policy.)')).toBe(true);
  });

  it('001 (China Daily via aggregator): repeated title, see-also links and tail furniture gone', () => {
    const { r } = seed('001');
    expectAbsent(r.text, [
      'Home News', 'Bridging the Digital Divide', 'by admin', 'See also', 'The first branch of the bureau', 'No Mask in Vittorio Veneto',
      'Editors: Wang Ye', 'Editor in charge', 'You may also like', 'Leave a Comment', 'Akismet', 'uses cookies', 'Privacy & Cookies Policy',
    ]);
    expectPresent(r.text, [
      'China Daily, November 8th. In recent years, China has been committed to strengthening the construction of global information infrastructure',
      'This summit is the ninth international Internet event held in Wuzhen.',
      'Ren Xianliang said that in the past ten years, China has achieved world-renowned achievements',
      'We actively carry out international exchanges and cooperation in the field of data to promote the safe and free flow of data across borders.”',
      'continued to make positive contributions to the implementation of the United Nations’ 2030 Sustainable Development Goals.',
    ]);
    expect(r.text.startsWith('China Daily, November 8th.')).toBe(true);
    expect(r.text.endsWith('2030 Sustainable Development Goals.')).toBe(true);
  });

  it('002 (paper database): Chinese header gone, duplicated body appears once', () => {
    const { src, r } = seed('002');
    expect(r.text).not.toContain('论文部分内容阅读');
    const paras = src.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
    expect(paras).toHaveLength(17);
    for (const p of paras) expect(count(r.text, p), p.slice(0, 40)).toBe(1);
    expect(count(src, 'Many Western countries are in the habit')).toBe(2);
    expect(count(r.text, 'Many Western countries are in the habit')).toBe(1);
    expect(r.edits.filter((e) => e.rule === 'duplicate-body')).toHaveLength(1);
    expect(r.text.split('\n\n')).toHaveLength(9);
    expect(r.text.startsWith('The 2020 World Internet Conference (WIC) was held on November 23-24')).toBe(true);
    expect(r.text.endsWith('assist them in seizing digital opportunities and bridging the digital divide.')).toBe(true);
  });

  it('003 (YCPress): repeated title and byline gone, mojibake repaired', () => {
    const { src, r } = seed('003');
    expect(count(src, 'The construction strategy of a community of destiny in cyberspace')).toBe(3);
    expectAbsent(r.text, ['The construction strategy of a community of destiny', 'Home Business', 'by YCPress', 'ยท']);
    expect(r.text).toContain('2020 World Internet Conference · Internet Development Forum');
    expect(r.edits.filter((e) => e.rule === 'mojibake')).toHaveLength(1);
    expectPresent(r.text, [
      'Promote global integration with information circulation, promote industrial transformation with technological breakthroughs',
      '51 years after the invention of the Internet, “What’s wrong with the world, what should we do” has become a question of the times for countless insightful people.',
      'Building a community of destiny in cyberspace is the concrete embodiment and important practice',
      'and strive to promote the construction of cyberspace with common destiny.',
    ]);
    expect(r.text.startsWith('Promote global integration')).toBe(true);
  });

  it('004 (China Daily print page): credits gone, sentences rejoined, sidebar and quotations kept', () => {
    const { r } = seed('004');
    expectAbsent(r.text, [
      'WORLD INTERNET CONFERENCE', 'WU HEPING', 'FOR CHINA DAILY', 'CHINA DAILY', 'caodesheng@chinadaily.com.cn', 'By CAO DESHENG',
      '\\$', 'Online', 'See more by scanning the code.',
    ]);
    expectPresent(r.text, [
      'China will continue to step up its efforts to foster a community with a shared future in cyberspace',
      'according to a report released by the China Internet Network Information Center.',
      'Beijing is building a national-level cybersecurity industrial park to boost the industry',
      'along the Belt and Road in internet infrastructure, digital economy, and cybersecurity',
      'By 2020, the industrial output is expected to reach 100 billion yuan ($14.13 billion).',
      'President Xi\'s messages hail development',
      '— congratulatory message to the fifth World Internet Conference on November 7, 2018',
      '• China stands ready to work with countries around the world',
      '— congratulatory message to the first World Internet Conference on November 19, 2014',
      'What they say',
      'Luigi Gambardella, president of ChinaEU, an international association in Brussels that promotes digital and internet cooperation',
      'Denis Depoux, managing director of Roland Berger China',
      'Guy Diedrich, global innovation officer of Cisco',
      'Anton Shingarev, vice-president of public affairs at Kaspersky',
      'We look forward to more communications with Chinese companies, institutes and also government to introduce some of our most advanced technologies and products.',
    ]);
    // The quotation and its attribution stay together.
    expect(r.text).toContain('so as to inject new impetus into the world economy.\n— congratulatory message to the fifth');
    expect(r.text.startsWith('China will continue')).toBe(true);
    expect(r.text.endsWith('most advanced technologies and products.')).toBe(true);
  });

  it('every seed cleans without overrides, and each edit names a rule and a reason', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const { r } = seed(p);
      expect(r.edits.some((e) => e.rule === 'override')).toBe(false);
      expect(r.text.length).toBeGreaterThan(2000);
    }
  });

  it('is idempotent on the seeds: cleaning the clean text changes nothing', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const { r } = seed(p);
      const again = cleanText(r.text);
      expect(again.text, p).toBe(r.text);
      expect(again.edits, p).toEqual([]);
    }
  });

  it('uses the title hint only to name the rule, not to decide', () => {
    for (const p of ['000', '004']) {
      const { src, r } = seed(p);
      const file = readdirSync(SEEDS).find((f) => f.startsWith(p) && f.endsWith('.txt.meta.json'));
      const title = file ? (JSON.parse(readFileSync(join(SEEDS, file), 'utf8')) as { title: string | null }).title : null;
      const hinted = cleanText(src, undefined, { title });
      expect(hinted.text).toBe(r.text);
      expect(hinted.edits.some((e) => e.rule === 'title')).toBe(true);
    }
  });

});
