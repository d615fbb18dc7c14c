/**
 * Families as formulas a reader would quote (issue #12), end to end through
 * detectReuse on small hand-made corpora: cores trimmed at sentence ends,
 * verbatim labels, one family per formula whatever the extent, frames linked
 * to what they contain, a phrase in every document as one family, boilerplate
 * by outlet, chance rejected, a rare slogan kept.
 */
import { describe, expect, it } from 'vitest';
import { detectReuse, type Family, type ReuseInput, type Span } from '../../src/reuse/index.ts';
import { FILLER } from './fixtures.ts';

const year = (y: number) => ({ value: String(y), precision: 'year' as const, approximate: false });
const text = (docs: ReuseInput[], s: Span) => docs.find((d) => d.id === s.doc)!.text.slice(s.start, s.end);
const familyWith = (families: Family[], words: string) => families.find((f) => f.label.toLowerCase().includes(words));

describe('formulas: cores', () => {
  it('does not run a member across a sentence end that not every version crosses', () => {
    const formula = 'The harbour council will restore the old stone lighthouse for future sailors';
    const docs: ReuseInput[] = [
      { id: 'a', text: `${FILLER[0]} Officials said. ${formula}. ${FILLER[1]}` },
      { id: 'b', text: `${FILLER[2]} Officials said. ${formula}. ${FILLER[3]}` },
      { id: 'c', text: `${FILLER[4]} Critics were unconvinced, yet ${formula.toLowerCase()}, said Ann. ${FILLER[5]}` },
    ];
    const { families } = detectReuse(docs);
    const f = familyWith(families, 'lighthouse')!;
    expect(f.documents).toBe(3);
    for (const m of f.members) {
      expect(text(docs, m)).not.toMatch(/said\./);
      expect(text(docs, m)).toMatch(/^(The )?harbour council will restore the old stone lighthouse for future sailors$/i);
    }
  });

  it('keeps a passage that crosses sentence ends in every version whole (a quoted paragraph)', () => {
    const quote = 'The lighthouse keepers rang the storm bell at dawn. Fishing boats returned to the harbour before the gale. Nobody was lost at sea that winter';
    const docs: ReuseInput[] = [
      { id: 'a', text: `${FILLER[0]} ${quote}. ${FILLER[1]}` },
      { id: 'b', text: `${FILLER[2]} As the archive records: ${quote}. ${FILLER[3]}` },
    ];
    const f = familyWith(detectReuse(docs).families, 'lighthouse keepers')!;
    // Whole, with the article that opens it.
    expect(f.members.map((m) => text(docs, m))).toEqual([quote, quote]);
  });

  it('keeps the varied words inside and at the edges, from the sentence start the versions share', () => {
    const docs: ReuseInput[] = [
      { id: 'p1', text: `${FILLER[0]} We will protect the environment for future generations. ${FILLER[1]}` },
      { id: 'p2', text: `${FILLER[2]} They pledged to safeguard the environment for coming generations. ${FILLER[3]}` },
      { id: 'p3', text: `${FILLER[4]} We will protect the environment for future generations. ${FILLER[5]}` },
    ];
    const f = detectReuse(docs).families[0]!;
    expect(f.members.map((m) => text(docs, m))).toEqual([
      'We will protect the environment for future generations',
      'They pledged to safeguard the environment for coming generations',
      'We will protect the environment for future generations',
    ]);
  });
});

describe('formulas: labels', () => {
  it('labels with the most common wording as written (case, punctuation); ties go to the earliest dated', () => {
    const w = 'Build a Greener Harbour, for Every Family in the Valley';
    const docs: ReuseInput[] = [
      { id: 'a', text: `${FILLER[0]} ${w}! ${FILLER[1]}`, date: year(2021) },
      { id: 'b', text: `${FILLER[2]} They want to build a greener harbour for every family in the valley. ${FILLER[3]}`, date: year(2019) },
      { id: 'c', text: `${FILLER[4]} ${w}. ${FILLER[5]}`, date: year(2022) },
    ];
    const f = detectReuse(docs).families[0]!;
    expect(f.label).toBe('Build a Greener Harbour, for Every Family in the Valley');
    expect(f.core).toBe('build a greener harbour for every family in the valley');
    // One wording (case and punctuation aside), most often written as in a and c.
    expect(f.variants).toEqual([{ wording: 'build a greener harbour for every family in the valley', text: 'Build a Greener Harbour, for Every Family in the Valley', count: 3 }]);
    // One of each way of writing it: the earliest dated (b, 2019) wins.
    const tie = detectReuse(docs.filter((d) => d.id !== 'c')).families[0]!;
    expect(tie.label).toBe('build a greener harbour for every family in the valley');
  });

  it('labels Chinese formulas as written', () => {
    const shared = '各国应该携手构建网络空间命运共同体';
    const docs: ReuseInput[] = [
      { id: 'zh1', text: `今天天气很好，我们去公园散步。${shared}。` },
      { id: 'zh2', text: `会议在乌镇举行。他说，${shared}，共享发展成果。` },
    ];
    const f = detectReuse(docs).families[0]!;
    expect(f.label).toBe(shared);
    expect(f.kind).toBe('framing');
  });

  it('marks a family of names and dates as such, and ranks it after framing', () => {
    const docs: ReuseInput[] = [
      { id: 'a', text: `${FILLER[0]} Delegates met at the Fifth Harbour Summit in Port Ellery on November 7, 2018. ${FILLER[4]} They pledged to restore the old stone lighthouse for future sailors. ${FILLER[1]}` },
      { id: 'b', text: `${FILLER[2]} Ministers gathered at the Fifth Harbour Summit in Port Ellery on November 7, 2018. ${FILLER[5]} They promised to restore the old stone lighthouse for future sailors. ${FILLER[3]}` },
    ];
    const { families } = detectReuse(docs);
    const names = familyWith(families, 'port ellery')!;
    const framing = familyWith(families, 'lighthouse')!;
    expect(names.kind).toBe('names');
    expect(framing.kind).toBe('framing');
    expect(families.indexOf(framing)).toBeLessThan(families.indexOf(names));
  });

  it('does not take German nouns, capitalised mid-sentence, for names; capitals side by side and numbers still are', () => {
    const slogan = 'Der Kohleausstieg soll nach dem Willen der Regierung bis 2030 endlich gelingen';
    const docs: ReuseInput[] = [
      { id: 'a', text: `Der Bericht wurde am Montag vorgestellt. ${slogan}, sagte die Ministerin. Danach ging es um die Netze in Bayern.` },
      { id: 'b', text: `Die Kritik an den Preisen hält an. ${slogan}, betonte der Minister. Aus der Frankfurter Allgemeinen Zeitung vom 12. März 2019.` },
      { id: 'c', text: `Im Sommer stiegen die Kosten. Aus der Frankfurter Allgemeinen Zeitung vom 12. März 2019. Die Gewerkschaft war dagegen.` },
    ];
    const { families } = detectReuse(docs);
    expect(familyWith(families, 'kohleausstieg')!.kind).toBe('framing');
    expect(familyWith(families, 'frankfurter')!.kind).toBe('names');
  });
});

describe('formulas: one family per formula', () => {
  it('merges one formula found at different extents', () => {
    const docs: ReuseInput[] = [
      { id: 'a', text: `${FILLER[0]} The mayor said we will build a greener harbour for every family in the valley next year. ${FILLER[1]}` },
      { id: 'b', text: `${FILLER[2]} The mayor said we will build a greener harbour for every family in the valley by spring. ${FILLER[3]}` },
      { id: 'c', text: `${FILLER[4]} Unions now hope to build a greener harbour for every family in the valley. ${FILLER[5]}` },
      { id: 'd', text: `${FILLER[6]} Critics doubt they can build a greener harbour for every family in the valley. ${FILLER[7]}` },
    ];
    const { families } = detectReuse(docs);
    const about = families.filter((f) => f.members.some((m) => text(docs, m).includes('greener harbour')));
    expect(about).toHaveLength(1);
    expect(about[0]!.documents).toBe(4);
  });

  it('keeps a frame around a formula as its own family, linked both ways', () => {
    const slogan = 'a greener harbour for every family in the valley';
    const frame = (s: string) => `Governor Ada Vell first proposed the vision of building ${s} at the second Harbour Summit`;
    const docs: ReuseInput[] = [
      { id: 'a', text: `${FILLER[0]} ${frame(slogan)}. ${FILLER[1]}` },
      { id: 'b', text: `${FILLER[2]} As ${frame(slogan)}, delegates cheered. ${FILLER[3]}` },
      { id: 'c', text: `${FILLER[4]} ${frame(slogan)}. ${FILLER[5]}` },
      { id: 'd', text: `${FILLER[6]} Unions want ${slogan} too. ${FILLER[7]}` },
      { id: 'e', text: `${FILLER[1]} Critics doubt ${slogan} is possible. ${FILLER[0]}` },
      { id: 'f', text: `${FILLER[3]} Farmers asked for ${slogan} again. ${FILLER[2]}` },
    ];
    const { families } = detectReuse(docs);
    const outer = familyWith(families, 'governor ada vell')!;
    const inner = families.find((f) => f.label.toLowerCase().startsWith('a greener harbour'))!;
    expect(outer.documents).toBe(3);
    expect(inner.documents).toBe(6);
    expect(outer.contains).toEqual([inner.id]);
    expect(inner.partOf).toEqual([outer.id]);
  });

  it("leaves out of a frame a version that shares only the slogan and a name in another clause; it stays the slogan's", () => {
    const slogan = 'building a greener harbour for every family in the valley';
    const frame = (s: string) => `Governor Ada Vell first proposed the vision of ${s} at the second Harbour Summit`;
    const other = `Just as Governor Ada Vell has mentioned, we should work jointly to build a greener harbour for every family in the valley`;
    const docs: ReuseInput[] = [
      { id: 'a', text: `${FILLER[0]} ${frame(slogan)}. ${FILLER[1]}` },
      { id: 'b', text: `${FILLER[2]} As ${frame(slogan)}, delegates cheered. ${FILLER[3]}` },
      { id: 'c', text: `${FILLER[4]} ${frame(slogan)}. ${FILLER[5]}` },
      { id: 'd', text: `${FILLER[6]} ${other}. ${FILLER[7]}` },
      { id: 'e', text: `${FILLER[1]} Critics doubt ${slogan} is possible. ${FILLER[0]}` },
      { id: 'f', text: `${FILLER[3]} Farmers asked for ${slogan} again. ${FILLER[2]}` },
    ];
    const { families } = detectReuse(docs);
    const outer = familyWith(families, 'governor ada vell')!;
    const inner = families.find((f) => f.label.toLowerCase().startsWith('building a greener harbour'))!;
    expect(outer.contains).toEqual([inner.id]);
    expect(outer.members.map((m) => m.doc)).toEqual(['a', 'b', 'c']);
    expect(inner.members.map((m) => m.doc)).toContain('d');
    expect(inner.documents).toBe(6);
  });
});

const words = 'amber basil cedar delta ember fjord garnet harbor iris juniper kestrel lotus meadow nectar orchid pebble quartz river saffron tundra umber violet willow yarrow zephyr'.split(' ');

describe('formulas: nothing hidden by success', () => {
  const slogan = 'a green and open harbour economy that works for every family';

  it('finds a slogan in every one of 30 documents as one family, with far fewer passages than pairs', () => {
    const docs: ReuseInput[] = Array.from({ length: 30 }, (_, i) => ({
      id: `d${String(i).padStart(2, '0')}`,
      text: `${words[i % 25]} ${words[(i * 7 + 3) % 25]} filed story ${i}. ${FILLER[i % 8]} ${words[(i * 3 + 1) % 25]} ${words[(i * 11 + 5) % 25]} ${['wants', 'praised', 'doubted', 'backed', 'mocked', 'defended'][i % 6]} ${i % 5 === 0 ? slogan.replace('every family', 'all families') : slogan}. ${FILLER[(i + 3) % 8]}`,
      outlet: `Outlet ${i % 6}`,
    }));
    const { passages, families } = detectReuse(docs);
    const f = familyWith(families, 'harbour economy')!;
    expect(f.documents).toBe(30);
    expect(f.label).toBe(slogan);
    expect(f.variants.map((v) => v.count)).toEqual([24, 6]);
    // A star around one representative, word-for-word copies sharing a passage: not 435 pairs.
    expect(f.passages.length).toBeLessThan(30);
    expect(f.passages.every((i) => passages[i]!.a.doc !== passages[i]!.b.doc)).toBe(true);
    expect(f.boilerplate).toBe(false);
    expect(families.indexOf(f)).toBe(0);
  });

  it("marks an outlet's own footer boilerplate, not its slogan that others quote", () => {
    const footer = 'The Quarry Gazette welcomes letters to the editor at its office on Mill Lane every weekday';
    const own = 'fair rents for tenants and honest rules for landlords across the county';
    const docs: ReuseInput[] = Array.from({ length: 12 }, (_, i) => {
      const outlet = i < 5 ? 'Quarry Gazette' : `Other ${i % 3}`;
      const parts = [`${words[i]} ${words[i + 7]} report ${i}.`, FILLER[i % 8]];
      if (i < 5 || i === 7 || i === 9 || i === 11) parts.push(`Campaigners demanded ${own} again.`);
      parts.push(FILLER[(i + 5) % 8]!);
      if (i < 5) parts.push(`\n\n${footer}.`);
      return { id: `q${String(i).padStart(2, '0')}`, text: parts.join(' '), outlet };
    });
    const { families } = detectReuse(docs);
    const foot = familyWith(families, 'welcomes letters')!;
    const slogan = familyWith(families, 'fair rents')!;
    expect(foot.boilerplate).toBe(true);
    expect(foot.documents).toBe(5);
    expect(slogan.boilerplate).toBe(false);
    expect(slogan.documents).toBe(8);
    // Boilerplate ranks last.
    expect(families[families.length - 1]).toBe(foot);
  });

  it('keeps a slogan that one outlet alone repeats in a few of its articles: who uses it is the finding', () => {
    const footer = 'The Quarry Gazette welcomes letters to the editor at its office on Mill Lane every weekday';
    const own = 'fair rents for tenants and honest rules for landlords across the county';
    // Ten of the Gazette's documents, every one with its footer, four with its own slogan; six from other outlets with neither.
    const docs: ReuseInput[] = Array.from({ length: 16 }, (_, i) => {
      const outlet = i < 10 ? 'Quarry Gazette' : `Other ${i % 3}`;
      const parts = [`${words[i]} ${words[i + 7]} report ${i}.`, FILLER[i % 8]];
      if (i < 4) parts.push(`Campaigners demanded ${own} again.`);
      parts.push(FILLER[(i + 5) % 8]!);
      if (i < 10) parts.push(`\n\n${footer}.`);
      return { id: `g${String(i).padStart(2, '0')}`, text: parts.join(' '), outlet };
    });
    const { families } = detectReuse(docs);
    const foot = familyWith(families, 'welcomes letters')!;
    const slogan = familyWith(families, 'fair rents')!;
    expect([foot.boilerplate, foot.documents]).toEqual([true, 10]);
    expect([slogan.boilerplate, slogan.documents, slogan.spread.outlets]).toEqual([false, 4, ['Quarry Gazette']]);
    expect(families.indexOf(slogan)).toBeLessThan(families.indexOf(foot));
  });
});

describe('formulas: nothing by chance', () => {
  // A corpus where "unto" and "shall" are as common as in the gospels (in
  // sentences apart, so that they make no stock phrase), around words of each document's own.
  const own = (i: number, k: number) => `${words[(k * 7 + i) % 25]}${'bcdfg'[i % 5]}${'aeiou'[Math.floor(i / 5) % 5]}`;
  const filler = (i: number) =>
    Array.from(
      { length: 6 },
      (_, k) => `And ${own(i, k)} said unto ${own(i, k + 6)} ${own(i, k + 3)} ${own(i, k + 9)} ${own(i, k + 15)}. The ${own(i, k + 12)} ${own(i, k + 21)} shall ${own(i, k + 18)} ${own(i, k + 24)}.`,
    ).join(' ');

  it('rejects "Woe unto you, when all men shall" / "say unto you, All sins shall": expected by chance many times', () => {
    const docs: ReuseInput[] = Array.from({ length: 12 }, (_, i) => ({ id: `g${String(i).padStart(2, '0')}`, text: filler(i) }));
    docs[3]!.text += ' Woe unto you, when all men shall speak well of you!';
    docs[8]!.text += ' Wherefore I say unto you, All sins shall be forgiven unto the sons of men.';
    const between = (r: ReturnType<typeof detectReuse>) => r.passages.filter((p) => p.a.doc === 'g03' && p.b.doc === 'g08');
    const unfiltered = between(detectReuse(docs, { maxExpectedByChance: 1e300 }));
    expect(unfiltered.length).toBeGreaterThan(0);
    expect(unfiltered[0]!.expectedByChance).toBeGreaterThan(10);
    expect(between(detectReuse(docs))).toEqual([]);
  });

  it('keeps a short slogan of rare words, with its significance in the passage', () => {
    const docs: ReuseInput[] = Array.from({ length: 40 }, (_, i) => ({ id: `r${String(i).padStart(2, '0')}`, text: `${FILLER[i % 8]} ${FILLER[(i + 3) % 8]} Item ${i}.` }));
    docs[5]!.text += ' Zephyr lanterns guard quiet orchards, the poster read.';
    docs[31]!.text += ' Marchers chanted that zephyr lanterns guard quiet orchards.';
    const { passages, families } = detectReuse(docs);
    const p = passages.find((x) => x.a.doc === 'r05' && x.b.doc === 'r31')!;
    expect(p).toBeDefined();
    expect(p.expectedByChance).toBeLessThan(1e-3);
    expect(p.scope).toBe('between');
    expect(familyWith(families, 'zephyr lanterns')!.label).toBe('Zephyr lanterns guard quiet orchards');
  });

  it('marks a repeat inside one document as internal', () => {
    const docs: ReuseInput[] = [{ id: 'solo', text: `The council vowed to keep public libraries open every single weekend. ${FILLER.join(' ')} Once again, the council vowed to keep public libraries open every weekend.` }];
    const { passages } = detectReuse(docs);
    expect(passages.map((p) => p.scope)).toEqual(['internal']);
  });
});

describe('formulas: other languages', () => {
  it('trims the function words of a Russian formula, as "the" and "of" are trimmed in English', () => {
    const slogan = 'построение сообщества единой судьбы в киберпространстве';
    const docs: ReuseInput[] = [
      { id: 'a', text: `Вчера в Москве открылась большая конференция. Президент предложил ${slogan} и в том, что это важно для всех стран. Погода была тёплой и солнечной.` },
      { id: 'b', text: `Эксперты из Пекина обсуждали новые технологии связи. Министр снова поддержал ${slogan} и в том, что это нужно торговым партнёрам. Рынки акций заметно выросли.` },
      { id: 'c', text: `Студенты университета написали статью о сетях. Автор статьи назвал ${slogan} и в том, что это возможно уже завтра. Библиотека закрылась на ремонт.` },
    ];
    const { families } = detectReuse(docs);
    const family = familyWith(families, 'сообщества единой судьбы')!;
    expect(family.label).toBe(slogan);
    expect(family.members).toHaveLength(3);
  });

  it('trims the function words of a Turkish, an Indonesian and a Hindi formula, and ends a Hindi sentence at its danda', () => {
    const tr = 'siber uzayda ortak geleceğe sahip topluluk inşası';
    const id = 'membangun komunitas masa depan bersama di dunia maya';
    const hi = 'साइबरस्पेस में साझा भविष्य वाले समुदाय का निर्माण';
    for (const [slogan, core, docs] of [
      [tr, 'ortak geleceğe sahip topluluk', [
        { id: 'a', text: `Dün Ankara'da büyük bir konferans açıldı. Cumhurbaşkanı ${tr} ve bu için çok önemli dedi. Hava sıcaktı.` },
        { id: 'b', text: `İstanbul'dan uzmanlar yeni iletişim teknolojilerini tartıştı. Bakan yine ${tr} ve bu için destek verdi. Piyasalar yükseldi.` },
        { id: 'c', text: `Üniversite öğrencileri ağlar hakkında bir makale yazdı. Yazar ${tr} ve bu için yarın başlayacağını söyledi. Kütüphane kapandı.` },
      ]],
      [id, 'komunitas masa depan bersama', [
        { id: 'a', text: `Kemarin sebuah konferensi besar dibuka di Jakarta. Presiden mengusulkan ${id} yang dan ini penting. Cuaca sangat cerah.` },
        { id: 'b', text: `Para ahli dari Bandung membahas teknologi komunikasi baru. Menteri kembali mendukung ${id} yang dan ini perlu. Pasar saham naik.` },
        { id: 'c', text: `Mahasiswa universitas menulis artikel tentang jaringan. Penulis menyebut ${id} yang dan ini mungkin. Perpustakaan ditutup.` },
      ]],
      [hi, 'साझा भविष्य वाले समुदाय', [
        { id: 'a', text: `कल दिल्ली में एक बड़ा सम्मेलन शुरू हुआ। राष्ट्रपति बोले ${hi}। यह सब के लिए है और मौसम अच्छा था।` },
        { id: 'b', text: `मुंबई के विशेषज्ञों ने नई संचार तकनीक पर चर्चा की। मंत्री ने दोहराया ${hi}। यह सब के लिए है और बाजार बढ़ा।` },
        { id: 'c', text: `विश्वविद्यालय के छात्रों ने नेटवर्क पर लेख लिखा। लेखक ने लिखा ${hi}। यह सब के लिए है और पुस्तकालय बंद हुआ।` },
      ]],
    ] as const) {
      const family = familyWith(detectReuse(docs.map((d) => ({ ...d }))).families, core)!;
      expect(family.label).toBe(slogan);
      expect(family.members).toHaveLength(3);
    }
  });

  it('trims the function words of a Ukrainian and of an Arabic formula', () => {
    const uk = 'побудова спільноти єдиної долі в кіберпросторі';
    const ar = 'بناء مجتمع المصير المشترك في الفضاء الإلكتروني';
    for (const [slogan, core, docs] of [
      [uk, 'спільноти єдиної долі', [
        { id: 'a', text: `Вчора в Києві відкрилася велика конференція. Президент запропонував ${uk} і що це важливо для всіх країн. Погода була теплою.` },
        { id: 'b', text: `Експерти з Варшави обговорювали нові технології зв'язку. Міністр знову підтримав ${uk} і що це потрібно партнерам. Ринки зросли.` },
        { id: 'c', text: `Студенти університету написали статтю про мережі. Автор статті назвав ${uk} і що це можливо вже завтра. Бібліотека закрилася.` },
      ]],
      [ar, 'المصير المشترك', [
        { id: 'a', text: `افتتح مؤتمر كبير أمس في القاهرة. اقترح الرئيس ${ar} من هذا الذي يريده الجميع. كان الطقس دافئا.` },
        { id: 'b', text: `ناقش خبراء من بيروت تقنيات الاتصال الجديدة. أيد الوزير مرة أخرى ${ar} من هذا الذي يحتاجه الشركاء. ارتفعت الأسواق.` },
        { id: 'c', text: `كتب طلاب الجامعة مقالا عن الشبكات. وصف الكاتب ${ar} من هذا الذي سيأتي غدا. أغلقت المكتبة للترميم.` },
      ]],
    ] as const) {
      const family = familyWith(detectReuse(docs.map((d) => ({ ...d }))).families, core)!;
      expect(family.label).toBe(slogan);
      expect(family.members).toHaveLength(3);
    }
  });
});
