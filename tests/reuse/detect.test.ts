import { describe, expect, it } from 'vitest';
import { detectReuse, type Passage, type ReuseInput } from '../../src/reuse/index.ts';
import { FILLER } from './fixtures.ts';

function textOf(p: Passage['a'], docs: ReuseInput[]): string {
  return docs.find((d) => d.id === p.doc)!.text.slice(p.start, p.end);
}

describe('detectReuse', () => {
  it('aligns a variant with swapped words as one passage, reporting subs', () => {
    const docs = [
      { id: 'a', text: `${FILLER[0]} We must protect the environment for future generations, she said. ${FILLER[1]}` },
      { id: 'b', text: `${FILLER[2]} It is time to safeguard the environment for coming generations. ${FILLER[3]}` },
    ];
    const { passages } = detectReuse(docs);
    expect(passages).toHaveLength(1);
    const p = passages[0]!;
    expect(textOf(p.a, docs)).toBe('protect the environment for future generations');
    expect(textOf(p.b, docs)).toBe('safeguard the environment for coming generations');
    expect(p.ops.filter((o) => o.op === 'sub')).toEqual([
      { op: 'sub', a: 'protect', b: 'safeguard' },
      { op: 'sub', a: 'future', b: 'coming' },
    ]);
    expect(p.ops.filter((o) => o.op === 'match').map((o) => o.a)).toEqual(['the', 'environment', 'for', 'generations']);
    expect(p.score).toBeGreaterThan(0);
  });

  it('aligns insertions and deletions', () => {
    const docs = [
      { id: 'a', text: `${FILLER[0]} building a community with a shared future in cyberspace. ${FILLER[1]}` },
      { id: 'b', text: `${FILLER[2]} building a peaceful community with shared future in cyberspace. ${FILLER[3]}` },
    ];
    const { passages } = detectReuse(docs);
    expect(passages).toHaveLength(1);
    const ops = passages[0]!.ops;
    expect(ops).toContainEqual({ op: 'ins', b: 'peaceful' });
    expect(ops).toContainEqual({ op: 'del', a: 'a' });
    expect(textOf(passages[0]!.a, docs)).toBe('building a community with a shared future in cyberspace');
  });

  it('finds a repeat inside one document', () => {
    const docs = [
      {
        id: 'solo',
        text: `The council vowed to keep public libraries open every single weekend. ${FILLER.join(' ')} Once again, the council vowed to keep public libraries open every weekend.`,
      },
    ];
    const { passages, families } = detectReuse(docs);
    expect(passages).toHaveLength(1);
    const p = passages[0]!;
    expect(p.a.doc).toBe('solo');
    expect(p.b.doc).toBe('solo');
    expect(p.a.end).toBeLessThanOrEqual(p.b.start);
    expect(textOf(p.b, docs)).toContain('council vowed to keep public libraries open');
    // One document: a repeat, not a family across documents.
    expect(families).toEqual([]);
  });

  it('does not depend on the order of documents', () => {
    const docs: ReuseInput[] = [
      { id: 'd1', text: `${FILLER[0]} protect the environment for future generations. ${FILLER[4]}`, date: { value: '2020', precision: 'year', approximate: false } },
      { id: 'd2', text: `${FILLER[1]} safeguard the environment for coming generations. ${FILLER[5]}`, outlet: 'Daily' },
      { id: 'd3', text: `${FILLER[2]} protect the environment for our future generations. ${FILLER[0]}` },
      { id: 'd4', text: `${FILLER[3]} ${FILLER[4]} ${FILLER[5]}` },
    ];
    const expected = detectReuse(docs);
    expect(expected.passages.length).toBeGreaterThan(0);
    const shuffled = [docs[2]!, docs[0]!, docs[3]!, docs[1]!];
    expect(detectReuse(shuffled)).toEqual(expected);
    expect(detectReuse([...docs].reverse())).toEqual(expected);
  });

  it('finds a phrase in every document of a 20-document corpus as one family, aligned to one representative', () => {
    const stock = 'All rights reserved by the publishing group and its licensors worldwide.';
    const words = 'amber basil cedar delta ember fjord garnet harbor iris juniper kestrel lotus meadow nectar orchid pebble quartz river saffron tundra umber violet willow yarrow zephyr'.split(' ');
    const docs = Array.from({ length: 20 }, (_, i) => ({
      id: `doc${String(i).padStart(2, '0')}`,
      text: `${words[i]} ${words[(i + 3) % words.length]} story number ${i}. ${stock}`,
    }));
    const { passages, families } = detectReuse(docs);
    expect(families).toHaveLength(1);
    const f = families[0]!;
    expect(f.documents).toBe(20);
    expect(f.label).toBe('All rights reserved by the publishing group and its licensors worldwide');
    // Linear, not all pairs: word-for-word copies share one passage with the representative.
    expect(passages.length).toBeLessThan(20);
    expect(f.boilerplate).toBe(false);
  });

  it('compares Chinese documents with correct offsets', () => {
    const shared = '各国应该携手构建网络空间命运共同体';
    const docs = [
      { id: 'zh1', text: `今天天气很好，我们去公园散步。${shared}。` },
      { id: 'zh2', text: `会议在乌镇举行。他说，${shared}，共享发展成果。` },
    ];
    const { passages } = detectReuse(docs);
    expect(passages).toHaveLength(1);
    const p = passages[0]!;
    expect(textOf(p.a, docs)).toBe(shared);
    expect(textOf(p.b, docs)).toBe(shared);
    expect(p.a.start).toBe(docs[0]!.text.indexOf(shared));
  });

  it('compares Japanese and Thai documents, whose kana and Thai letters are read as bigrams like Han', () => {
    // Before, a run of kana was one token ("コンピューターを"), so a shared sentence met its copy only where whole runs matched.
    const ja = 'インターネットの未来はすべての人のためのものであるべきだと考えています';
    const th = 'อินเทอร์เน็ตควรเป็นประโยชน์ต่อมนุษยชาติทั้งหมดอย่างเท่าเทียม';
    for (const [shared, docs] of [
      [ja, [{ id: 'ja1', text: `今日は会議がありました。${ja}。` }, { id: 'ja2', text: `彼はこう述べた。${ja}、と。` }]],
      [th, [{ id: 'th1', text: `วันนี้มีการประชุม ${th} ครับ` }, { id: 'th2', text: `เขากล่าวว่า ${th} และจบ` }]],
    ] as const) {
      const { passages } = detectReuse([...docs]);
      expect(passages).toHaveLength(1);
      expect(textOf(passages[0]!.a, [...docs])).toContain(shared);
      expect(textOf(passages[0]!.b, [...docs])).toContain(shared);
    }
  });

  it('takes no flank word in Han or kana: a bigram is half a word', () => {
    // An English passage takes one swapped word on each flank ("stated" / "gathered"); a bigram
    // flank ("でイ" / "はイ") would put one character of the words before into every version.
    const ja = 'インターネットの未来はすべての人のためのものであるべきだと考えています';
    const zh = '各国应该携手构建网络空间命运共同体';
    for (const docs of [
      [{ id: 'a', text: `首相は演説で${ja}。` }, { id: 'b', text: `社長は${ja}。` }, { id: 'c', text: `政府は改めて${ja}。` }],
      [{ id: 'a', text: `会议开幕他说${zh}。` }, { id: 'b', text: `部长强调${zh}。` }],
    ]) {
      const shared = docs[0]!.text.includes(ja) ? ja : zh;
      const { passages, families } = detectReuse(docs);
      for (const p of passages) expect([textOf(p.a, docs), textOf(p.b, docs)]).toEqual([shared, shared]);
      expect(families[0]!.label).toBe(shared);
    }
  });

  it('finds nothing between unrelated documents', () => {
    const docs = FILLER.map((text, i) => ({ id: `u${i}`, text }));
    expect(detectReuse(docs)).toEqual({ passages: [], families: [] });
  });

  it('aligns identical documents end to end', () => {
    const text = `${FILLER[0]}\n\n${FILLER[3]}`;
    const docs = [
      { id: 'x', text },
      { id: 'y', text },
    ];
    const { passages, families } = detectReuse(docs);
    // Split at the blank line: one passage per paragraph.
    expect(passages).toHaveLength(2);
    for (const p of passages) {
      expect(p.a).toEqual({ ...p.b, doc: 'x' });
      expect(p.ops.every((o) => o.op === 'match')).toBe(true);
      expect(p.similarity).toBe(1);
    }
    expect(passages[0]!.a).toEqual({ doc: 'x', start: 0, end: FILLER[0]!.length - 1 });
    expect(families).toHaveLength(2);
  });

  it('is not pulled by stopwords, punctuation or case', () => {
    const docs = [
      { id: 'a', text: 'It is the one of the best in the world and it is so.' },
      { id: 'b', text: 'IT IS THE ONE, OF THE BEST; IN THE WORLD — AND IT IS SO!' },
    ];
    // Only two content words ("one", "best", "world") hardly make a passage; case and punctuation do not matter.
    const { passages } = detectReuse(docs);
    for (const p of passages) expect(p.contentMatches).toBeGreaterThanOrEqual(2);
    const none = detectReuse([
      { id: 'a', text: 'and it was to be of the same as it is for them' },
      { id: 'b', text: 'and it was to be of the same as it is for them' },
    ]);
    expect(none.passages).toEqual([]);
  });

  it('rejects duplicate ids by name', () => {
    expect(() => detectReuse([{ id: 'x', text: 'a' }, { id: 'x', text: 'b' }])).toThrow(/duplicate document id "x"/);
  });
});

describe('families', () => {
  const docs: ReuseInput[] = [
    { id: 'p1', text: `${FILLER[0]} We will protect the environment for future generations. ${FILLER[1]}`, date: { value: '2021-03', precision: 'month', approximate: false }, outlet: 'Herald' },
    { id: 'p2', text: `${FILLER[2]} They pledged to safeguard the environment for coming generations. ${FILLER[3]}`, date: { value: '2019-05-02', precision: 'day', approximate: false }, outlet: 'Courier' },
    { id: 'p3', text: `${FILLER[4]} We will protect the environment for future generations. ${FILLER[5]}`, date: null, outlet: 'Herald' },
  ];

  it('groups one formula and its variants across documents', () => {
    const { families } = detectReuse(docs);
    expect(families).toHaveLength(1);
    const f = families[0]!;
    // Members are the formula's occurrences from their sentences' starts, which the
    // core, built on content words, leaves out ("We will", shared by two of three);
    // the label is the most common wording as written.
    expect(f.label).toBe('We will protect the environment for future generations');
    expect(f.variants).toEqual([
      { wording: 'we will protect the environment for future generations', text: 'We will protect the environment for future generations', count: 2 },
      { wording: 'they pledged to safeguard the environment for coming generations', text: 'They pledged to safeguard the environment for coming generations', count: 1 },
    ]);
    expect(f.members.map((m) => m.doc)).toEqual(['p2', 'p1', 'p3']);
    expect(f.spread).toEqual({ first: { doc: 'p2', date: '2019-05-02' }, outlets: ['Courier', 'Herald'], years: ['2019', '2021'] });
    expect([f.kind, f.boilerplate, f.contains, f.partOf]).toEqual(['framing', false, [], []]);
    expect(f.core).toBe('protect the environment for future generations');
  });
});
