/**
 * readableExtent on hand-made sentences: an edge inside a hyphenated
 * compound, a name, a quotation or brackets moves out to the end of that
 * unit when it is close, or back before it; a verb whose object was cut off
 * after "is to" or a conjunction is dropped; Chinese is left as it is. And end to end: the
 * labels detectReuse gives such formulas.
 */
import { describe, expect, it } from 'vitest';
import { detectReuse, type ReuseInput } from '../../src/reuse/index.ts';
import type { PreparedDoc } from '../../src/reuse/prepare.ts';
import { clauseTail, readableExtent, sentenceHead, takeTail } from '../../src/reuse/readable-extent.ts';
import { prepared } from './fixtures.ts';

/** The text of `d`'s extent after readableExtent, the extent given as the words from `from` to `to` (first occurrences). */
function readable(text: string, from: string, to: string): string {
  const d: PreparedDoc = prepared([text]).docs[0]!;
  const word = (t: number) => d.surface[d.type[t]!]!;
  let first = 0;
  while (word(first) !== from) first++;
  let last = first;
  while (word(last) !== to) last++;
  const e = readableExtent(d, { first, last });
  return text.slice(d.start[e.first]!, d.start[e.last]! + word(e.last).length);
}

describe('readableExtent', () => {
  it('leaves an extent that ends cleanly as it is (the same object)', () => {
    const d = prepared(['We must protect the old harbour wall, they said.']).docs[0]!;
    const o = { first: 2, last: 6, extra: 1 };
    expect(readableExtent(d, o)).toBe(o);
  });

  it('extends through a hyphenated compound at either edge', () => {
    expect(readable('They abandon the old zero-sum game and winner-take-all politics of the past.', 'abandon', 'take')).toBe('abandon the old zero-sum game and winner-take-all');
    expect(readable('They abandon the old zero-sum game and winner-take-all politics of the past.', 'sum', 'game')).toBe('zero-sum game');
  });

  it('extends through a name that ends within three words, and cuts before one that goes on', () => {
    expect(readable('According to a report released by the China Internet Network Information Center on Monday, use grew.', 'report', 'Internet'))
      .toBe('a report released by the China Internet Network Information Center');
    expect(readable('Harbour trade grew fast in the Royal Northern Coastal Shipping Trust Company Limited area.', 'Harbour', 'Northern')).toBe('Harbour trade grew fast');
    // A capital after a sentence end is not a name going on.
    expect(readable('The harbour wall was repaired. Fishermen were pleased.', 'harbour', 'repaired')).toBe('The harbour wall was repaired');
  });

  it('closes a quotation it opens when the closing mark is within 8 words, else keeps the larger piece', () => {
    expect(readable('They back the big data strategy and the "Internet Plus" action plan.', 'big', 'Internet')).toBe('the big data strategy and the "Internet Plus');
    expect(readable('They reject the old mentality of zero-sum game or “winner takes all”. Then they left.', 'reject', 'takes')).toBe('reject the old mentality of zero-sum game or “winner takes all');
    expect(readable('The ministers issued the concept paper “Working Together to Build a Community of Destiny in Cyberspace” in Wuzhen.', 'ministers', 'Working'))
      .toBe('The ministers issued the concept paper “Working Together to Build a Community of Destiny in Cyberspace');
    expect(readable('The ministers issued the concept paper “Working Together to Build a Common Community of Shared Destiny in Cyberspace” in Wuzhen.', 'ministers', 'Working'))
      .toBe('The ministers issued the concept paper');
    // A closing mark whose opening one is more than 8 words back: the piece with more content words stays.
    expect(readable('“We will, as we have promised you all along, keep the public purse honest and the night streets safe,” Ann Lee told supporters.', 'public', 'told'))
      .toBe('the public purse honest and the night streets safe');
    // Within 8 words, at the very start of the text too.
    expect(readable('“We will keep the public purse honest and the night streets safe,” Ann Lee told supporters.', 'public', 'told'))
      .toBe('We will keep the public purse honest and the night streets safe,” Ann Lee told supporters');
  });

  it('reads German, French and Swiss quotation marks as pairs, whichever way they face', () => {
    // „…“ and »…«: the German closing marks are the English opening ones.
    expect(readable('Die Kanzlerin sagte damals: „Wir schaffen das, auch wenn es schwer wird“, und ging dann.', 'Kanzlerin', 'schaffen'))
      .toBe('Die Kanzlerin sagte damals: „Wir schaffen das, auch wenn es schwer wird');
    expect(readable('„Wir schaffen das, auch wenn es schwer wird“, sagte die Kanzlerin gestern in Berlin.', 'schwer', 'Berlin'))
      .toBe('Wir schaffen das, auch wenn es schwer wird“, sagte die Kanzlerin gestern in Berlin');
    expect(readable('»Wir schaffen das, auch wenn es schwer wird«, sagte die Kanzlerin gestern in Berlin.', 'schwer', 'Berlin'))
      .toBe('Wir schaffen das, auch wenn es schwer wird«, sagte die Kanzlerin gestern in Berlin');
    expect(readable('Er nannte die Politik damals ‚alternativlos und richtig‘, sagte die Kanzlerin gestern in Berlin.', 'und', 'Berlin'))
      .toBe('alternativlos und richtig‘, sagte die Kanzlerin gestern in Berlin');
    // « … » spaced (French) and «…» unspaced (Swiss).
    expect(readable('Le président a rappelé la devise « liberté, égalité, fraternité » devant les élus.', 'égalité', 'élus')).toBe('liberté, égalité, fraternité » devant les élus');
    expect(readable('Der Rat nannte es «eine Frage der Würde und Freiheit» vor den Wahlen.', 'Würde', 'Wahlen')).toBe('eine Frage der Würde und Freiheit» vor den Wahlen');
  });

  it('reads a ’ that closes no quotation as an apostrophe', () => {
    expect(readable('The students’ union demands better housing for all students.', 'students', 'housing')).toBe('The students’ union demands better housing');
    expect(readable('They called it ‘a fair deal for all students’ in the spring.', 'all', 'spring')).toBe('a fair deal for all students’ in the spring');
  });

  it('drops a verb whose object was cut off after "is to", and leaves "to" after a content word', () => {
    expect(readable('The key to promoting global governance in cyberspace is to make the most of the conditions.', 'global', 'make')).toBe('global governance in cyberspace');
    expect(readable('Sign up for our morning newsletter to get the stories.', 'Sign', 'get')).toBe('Sign up for our morning newsletter to get');
  });

  it('drops a verb after a conjunction whose complement was cut off, and leaves a noun there', () => {
    expect(readable('We promote openness and cooperation in cyberspace, and strive to promote the construction.', 'cooperation', 'strive')).toBe('cooperation in cyberspace');
    expect(readable('We speed up the development of the digital economy and promote the global system.', 'development', 'promote')).toBe('the development of the digital economy');
    expect(readable('These rules hardly reflect the desires and interests of developing countries.', 'hardly', 'interests')).toBe('hardly reflect the desires and interests');
  });

  it("moves the start back over the article or possessive that opens its noun phrase, in the document's language", () => {
    expect(readable('It is the common responsibility of the international community to act.', 'common', 'community')).toBe('the common responsibility of the international community');
    // In a document told as English (most of its function words are), French "Un" opens nothing.
    expect(readable('Jesus told them a parable in the fields, and this is what he said to them: Un semeur sortit pour semer.', 'semeur', 'semer')).toBe('semeur sortit pour semer');
    expect(readable("Jésus leur dit: Un semeur sortit pour semer. Pendant qu'il semait, une partie de la semence tomba le long du chemin.", 'semeur', 'semer')).toBe('Un semeur sortit pour semer');
    // An elided article ("L’", "l'", Italian "quest'") opens its noun phrase too.
    expect(readable("Le président l'a répété hier soir devant les maires : L’État paiera, quoi qu’il en coûte, a-t-il dit.", 'État', 'paiera')).toBe('L’État paiera');
    expect(readable("Il governo ha detto che quest'anno il piano sarà pronto per la gente del paese.", 'anno', 'piano')).toBe("quest'anno il piano");
    // Two openers ("il nostro"), no more; none after punctuation; "that" is not one.
    expect(readable('Per il nostro paese e per la nostra gente, il governo ha detto che il piano è pronto.', 'paese', 'gente')).toBe('il nostro paese e per la nostra gente');
    expect(readable('They said so, the rules hold.', 'rules', 'hold')).toBe('the rules hold');
    expect(readable('He said, rules hold for all.', 'rules', 'all')).toBe('rules hold for all');
    expect(readable('We know that rules hold for all.', 'rules', 'all')).toBe('rules hold for all');
  });

  it('starts after an opening phrase whose head it left out', () => {
    // "In 2019," is the sentence's opening phrase: a member starting at "2019" starts after its comma.
    expect(readable('Officials met again. In 2019, China and Russia agreed to build a lunar station near the pole.', '2019', 'station')).toBe('China and Russia agreed to build a lunar station');
    expect(readable('The council met. Earlier this month, its planners endorsed the harbour scheme again.', 'month', 'scheme')).toBe('its planners endorsed the harbour scheme');
    // A comma before the piece ends an item, not a phrase's head: left ("Mr. Speaker, distinguished guests, …").
    expect(readable('Mr. Speaker, distinguished guests, my fellow Americans: the state of our Union is strong.', 'distinguished', 'fellow')).toBe('distinguished guests, my fellow Americans');
    // A name is the name rule's; a list's items stay ("2019, 2020 and 2021"); a sentence's own start stays.
    expect(readable('Leaders said that President Xi, the host, opened the summit in the old harbour town.', 'Xi', 'summit')).toBe('President Xi, the host, opened the summit');
    expect(readable('Budgets rose in the years 2019, 2020 and 2021 across the whole harbour region.', '2019', 'region')).toBe('2019, 2020 and 2021 across the whole harbour region');
    expect(readable('Officials met again. Today, China and Russia agreed to build a lunar station near the pole.', 'Today', 'station')).toBe('Today, China and Russia agreed to build a lunar station');
    // A reporting clause or a subject and its verb is no opening phrase: "said unto them," and "he arose," are left.
    expect(readable('Then he arose, and rebuked the wind and the raging of the water: and they ceased.', 'arose', 'water')).toBe('arose, and rebuked the wind and the raging of the water');
    expect(readable('And Jesus said unto them, Go ye into the village over against you, and loose them.', 'unto', 'village')).toBe('unto them, Go ye into the village');
  });

  it('takes in the one content word left of its clause, whose versions often differ there', () => {
    expect(readable('Mr. Speaker, distinguished guests, my fellow Americans: the state of our Union is strong.', 'distinguished', 'fellow')).toBe('distinguished guests, my fellow Americans');
    expect(readable('Thank you, God bless you, and God save America.', 'Thank', 'save')).toBe('Thank you, God bless you, and God save America');
    expect(readable('My fellow citizens of this great land.', 'My', 'fellow')).toBe('My fellow');
  });

  it('takes in the auxiliary that ends a German or Dutch clause, not an English adverb', () => {
    expect(readable('Kritiker bemängeln, dass die Netzentgelte ungleich verteilt werden. Das ist alt.', 'Kritiker', 'verteilt')).toBe('Kritiker bemängeln, dass die Netzentgelte ungleich verteilt werden');
    expect(readable('We abandon the old zero-sum game now. That is all.', 'abandon', 'game')).toBe('abandon the old zero-sum game');
  });

  it('starts a member that runs across a sentence end where its sentence starts, when that is within 3 words', () => {
    // Two stock sentences that follow each other: the member started inside the first.
    expect(readable('The port grew. It was not immediately clear whether the plan would go ahead. Ann Lee, the head of the council, said so.', 'immediately', 'council'))
      .toBe('It was not immediately clear whether the plan would go ahead. Ann Lee, the head of the council');
    // An opening quotation mark starts a sentence; "Mr." and an initial end none.
    expect(readable('Then Truman said, "I am happy to report that the state of the Union is good. Our Nation is strong." He left.', 'happy', 'strong'))
      .toBe('I am happy to report that the state of the Union is good. Our Nation is strong');
    expect(readable('We thank Mr. Smith for the harbour wall. The town rebuilt it twice.', 'Smith', 'rebuilt')).toBe('We thank Mr. Smith for the harbour wall. The town rebuilt');
    // Further in, or inside one sentence, the start stays.
    expect(readable('The old council of the harbour town said yesterday that it was not clear. Ann Lee said so.', 'yesterday', 'Lee')).toBe('yesterday that it was not clear. Ann Lee');
    expect(readable('The port grew. It was not immediately clear whether the plan would go ahead, they said.', 'immediately', 'ahead')).toBe('immediately clear whether the plan would go ahead');
  });

  it('reads a name on across a wrapped line', () => {
    expect(readable('the complete text of the GNU General Public\n License can be found here.', 'complete', 'Public')).toBe('the complete text of the GNU General Public\n License');
  });

  it('leaves Chinese text as it is', () => {
    const text = '他说，各国应该携手构建网络空间命运共同体，共享发展成果。';
    const d = prepared([text]).docs[0]!;
    const o = { first: 1, last: d.count - 3 };
    expect(readableExtent(d, o)).toBe(o);
  });
});

describe('labels end where a reader would quote them', () => {
  const filler = ['Markets opened slowly on Monday as traders weighed weather reports from the coast.', 'A local bakery announced new opening hours after renovating its kitchen last spring.', 'Volunteers repainted the library benches before the autumn reading festival began.'];
  it('closes a quotation and a compound the versions cut short', () => {
    const docs: ReuseInput[] = [
      { id: 'a', text: `${filler[0]} We firmly reject the old mentality of zero-sum game or "winner takes all" in the digital harbour economy. ${filler[1]}` },
      { id: 'b', text: `${filler[2]} We firmly reject the old mentality of zero-sum game and winner-take-all, said the minister of the harbour.` },
    ];
    const f = detectReuse(docs).families.find((x) => x.label.includes('mentality'))!;
    expect(f.label).toMatch(/"winner takes all"$|winner-take-all$/);
    const text = (s: { doc: string; start: number; end: number }) => docs.find((x) => x.id === s.doc)!.text.slice(s.start, s.end);
    for (const m of f.members) expect(text(m)).not.toMatch(/"winner takes$|winner-take$/);
  });
});

describe('a list inside a formula', () => {
  it('ends no label at a comma between the short items of a list', () => {
    const filler = ['Markets opened slowly on Monday as traders weighed weather reports from the coast.', 'A local bakery announced new opening hours after renovating its kitchen last spring.', 'Volunteers repainted the library benches before the autumn reading festival began.'];
    const docs: ReuseInput[] = [
      { id: 'a', text: `${filler[0]} It is the common responsibility of the harbour towns to build, keep and govern the old sea walls well so that they protect the coast, the mayor said.` },
      { id: 'b', text: `${filler[1]} It is the common responsibility of the harbour towns to build, keep and manage the old sea walls well to protect the coast.` },
      { id: 'c', text: `${filler[2]} Keeping the ferries running is the common responsibility of the harbour towns. The mayor said it is the common responsibility of the harbour towns to build, keep and govern the old sea walls well, so that the walls protect the coast.` },
    ];
    const labels = detectReuse(docs).families.map((f) => f.label);
    // The phrase stands alone in c: a formula of its own, whose label ends with the phrase, not on the list's first verb.
    expect(labels).toContain('the common responsibility of the harbour towns');
    expect(labels.filter((l) => /to build$/.test(l))).toEqual([]);
  });
});

describe('list furniture', () => {
  it('keeps the larger piece on one side of a list item number or a lone "." line', () => {
    const bsd = ' 2. Redistributions in binary form must reproduce the copyright notice with the distribution.\n 3. Neither the name of the author may be used.';
    expect(readable(bsd, 'Redistributions', 'name')).toBe('Redistributions in binary form must reproduce the copyright notice with the distribution');
    const deb = ' Redistributions must keep the notice.\n .\n The name of the author may not be used to endorse or promote products derived from this software.';
    expect(readable(deb, 'notice', 'software')).toBe('The name of the author may not be used to endorse or promote products derived from this software');
    const de = '1. Die Freiheit der Presse ist unantastbar.\n2. Jeder hat das Recht.';
    expect(readable(de, 'Freiheit', 'Recht')).toBe('Die Freiheit der Presse ist unantastbar');
    // A number inside a line is no list item.
    expect(readable('They met 3. times in the old harbour hall.', 'met', 'hall')).toBe('They met 3. times in the old harbour hall');
  });
});

describe('sentenceHead, clauseTail, takeTail', () => {
  /** [first, last] of the words from `from` to `to` (first occurrences) in `d`. */
  const extent = (d: PreparedDoc, from: string, to: string) => {
    const word = (t: number) => d.surface[d.type[t]!]!;
    let first = 0;
    while (word(first) !== from) first++;
    let last = first;
    while (word(last) !== to) last++;
    return { first, last };
  };
  const doc = (text: string) => prepared([text]).docs[0]!;

  it('counts the words back to the sentence start, over white space only', () => {
    const en = doc('The minister spoke.\nWe must never forget that freedom\nof the press matters.');
    expect(sentenceHead(en, extent(en, 'must', 'matters'))).toBe(1);
    expect(sentenceHead(en, extent(en, 'We', 'matters'))).toBe(0);
    const lic = doc('This program is distributed in the hope that it will be useful.');
    expect(sentenceHead(lic, extent(lic, 'distributed', 'useful'))).toBe(3);
    expect(sentenceHead(lic, extent(lic, 'hope', 'useful'))).toBe(-1);
    // After a colon a sentence starts; across a comma the start is not read back.
    const de = doc('Wir sagen klar: Klimaschutz ist keine Frage des Geldes. Aber, so sagen wir, Klimaschutz kostet.');
    expect(sentenceHead(de, extent(de, 'Klimaschutz', 'Geldes'))).toBe(0);
    expect(sentenceHead(de, extent(de, 'so', 'wir'))).toBe(-1);
    const fr = doc('Sur les systèmes Debian, le texte complet se trouve ici.');
    expect(sentenceHead(fr, extent(fr, 'systèmes', 'Debian'))).toBe(2);
  });

  it('counts the words on to the clause end, and takes them when they hold a content word (any word in German)', () => {
    const de = doc('Klimaschutz ist keine Frage des Geldes, sondern eine Frage des politischen Willens. Wir handeln.');
    const e = extent(de, 'Klimaschutz', 'Frage');
    e.last = extent(de, 'eine', 'Frage').last;
    const k = clauseTail(de, e);
    expect(k).toBe(3);
    takeTail(de, e, k);
    expect(de.surface[de.type[e.last]!]).toBe('Willens');
    const en = doc('We will abandon the old zero-sum game once again. That is all.');
    const g = extent(en, 'abandon', 'game');
    expect(clauseTail(en, g)).toBe(2);
    takeTail(en, g, 2);
    expect(en.surface[en.type[g.last]!]).toBe('game');
    const far = doc('It is a question of money and of survival for all of us here today.');
    expect(clauseTail(far, extent(far, 'question', 'money'))).toBe(-1);
  });

  it("reads no clause end at a comma between a list's short items, in the document's language", () => {
    const tail = (text: string, from: string, to: string) => {
      const d = doc(text);
      return clauseTail(d, extent(d, from, to));
    };
    expect(tail('It is our common duty to develop, use and govern the network well.', 'common', 'develop')).toBe(-1);
    expect(tail('It is our common duty to develop, use, or govern the network well.', 'common', 'develop')).toBe(-1);
    expect(tail('It rests on mutual support, mutual trust and mutual benefit for all.', 'rests', 'support')).toBe(-1);
    expect(tail("Il est de notre devoir de produire, partager et protéger les ressources du pays pour les enfants.", 'devoir', 'produire')).toBe(-1);
    expect(tail('Es ist unsere Aufgabe, das Netz zu entwickeln, nutzen und schützen, sagte die Ministerin der Stadt.', 'Netz', 'entwickeln')).toBe(-1);
    // "and" in English is no coordinator of a French text, nor "et" of an English one.
    expect(tail('We must develop, use et govern the network well.', 'must', 'develop')).toBe(0);
    // A comma after a whole coordination, before a clause's pronoun or a coordinator, or before a long item ends a clause.
    expect(tail('Work on the basis of mutual respect and trust, respect cyber sovereignty, uphold security, and act.', 'basis', 'trust')).toBe(0);
    expect(tail("Une grande foule s'étant assemblée auprès de lui, il monta et s'assit dans une barque.", 'grande', 'lui')).toBe(0);
    expect(tail('We will build cooperation in cyberspace, and strive to promote it.', 'build', 'cyberspace')).toBe(0);
    expect(tail('We will build cooperation in cyberspace, to promote the harbour trade and more.', 'build', 'cyberspace')).toBe(0);
  });
});
