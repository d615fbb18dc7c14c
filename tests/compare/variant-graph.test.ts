import { describe, expect, it } from 'vitest';
import { alignVersions } from '../../src/compare/multi-align.ts';
import { DEFAULT_LAYOUT, END, estimateWidth, layoutGraph, placeDropLabels, START, variantGraph } from '../../src/compare/variant-graph.ts';
import { versions } from './formula-fixtures.ts';

const slogan = () =>
  alignVersions(
    versions([
      ['a', 'A', '2019', '', 'protect the environment for future generations', ''],
      ['b', 'B', '2019', '', 'protect the environment for future generations', ''],
      ['c', 'C', '2020', '', 'safeguard the environment for future generations', ''],
      ['d', 'D', '2021', '', 'protect environment for future generations', ''],
    ]).inputs,
  );

/** Versions of `forms`, each [wording, copies], in documents of their own. */
const family = (forms: [string, number][]) => {
  const rows: [string, string, string, string, string, string][] = [];
  for (const [form, copies] of forms) for (let k = 0; k < copies; k++) rows.push([`d${rows.length}`, `O${rows.length}`, '2020', '', form, '']);
  return alignVersions(versions(rows).inputs);
};

describe('variantGraph', () => {
  it('draws words the versions share once, and branches where they differ', () => {
    const g = variantGraph(slogan());
    const words = g.nodes.filter((n) => n.kind === 'word');
    expect(words.map((n) => `${n.text}×${n.versions.length}`).sort()).toEqual(['environment×4', 'for×4', 'future×4', 'generations×4', 'protect×3', 'safeguard×1', 'the×3'].sort());
    expect(g.versions).toBe(4);
    const id = (text: string) => g.nodes.find((n) => n.text === text)!.id;
    const edge = (a: number, b: number) => g.edges.find((e) => e.from === a && e.to === b);
    // Weight = versions taking the edge.
    expect(edge(START, id('protect'))!.versions).toHaveLength(3);
    expect(edge(START, id('safeguard'))!.versions).toHaveLength(1);
    expect(edge(id('generations'), END)!.versions).toHaveLength(4);
  });

  it('makes a dropped word visible as an edge that passes over it', () => {
    const g = variantGraph(slogan());
    const id = (text: string) => g.nodes.find((n) => n.text === text)!.id;
    const drop = g.edges.find((e) => e.from === id('protect') && e.to === id('environment'))!;
    expect(drop.skips).toBe(1);
    expect(drop.versions).toEqual([3]);
    expect(g.edges.filter((e) => e.skips > 0)).toHaveLength(1);
  });

  it('counts no drop where a version says two words for one: it leaves the path and rejoins it', () => {
    for (const [forms, one, two] of [
      [[['protect the environment for future generations', 3], ['protect the natural world for future generations', 2]], 'environment', ['natural', 'world']],
      [[['Die Energiewende ist ein Gemeinschaftswerk für alle Bürger', 2], ['Die Energiewende bleibt weiterhin ein Gemeinschaftswerk für alle Bürger', 1]], 'ist', ['bleibt', 'weiterhin']],
    ] as [[string, number][], string, string[]][]) {
      const g = variantGraph(family(forms));
      expect(g.edges.filter((e) => e.skips > 0)).toEqual([]);
      const l = layoutGraph(g, { measure: estimateWidth });
      const lane = (text: string) => l.nodes.find((n) => n.text === text)!.lane;
      // Parallel branches: the two words on one lane, beside the one word's.
      expect(lane(one)).toBe(0);
      expect(new Set(two.map(lane))).toEqual(new Set([lane(two[0]!)]));
      expect(lane(two[0]!)).not.toBe(0);
      // No edge that is no drop runs along a lane over a word of it.
      for (const e of l.edges) {
        const [a, b] = [l.nodes.find((n) => n.id === e.from)!, l.nodes.find((n) => n.id === e.to)!];
        if (a.lane === b.lane) expect(l.nodes.filter((n) => n.kind === 'word' && n.lane === a.lane && n.column > a.column && n.column < b.column)).toEqual([]);
      }
    }
  });

  it('still counts a drop beside two words for one', () => {
    const g = variantGraph(family([['protect the environment for future generations', 3], ['protect the natural world for future generations', 2], ['protect the environment for generations', 2]]));
    const drops = g.edges.filter((e) => e.skips > 0);
    expect(drops.map((e) => [g.nodes[e.from]!.text, g.nodes[e.to]!.text, e.skips, e.versions.length])).toEqual([['for', 'generations', 1, 2]]);
  });

  it('draws only the wordings asked for', () => {
    const al = slogan();
    const g = variantGraph(al, [0]);
    expect(g.versions).toBe(2);
    expect(g.nodes.filter((n) => n.kind === 'word')).toHaveLength(6);
  });
});

describe('layoutGraph', () => {
  it('puts the most used wording on the middle lane, branches above or below, and arcs a drop over the word it drops', () => {
    const g = variantGraph(slogan());
    const l = layoutGraph(g, { measure: estimateWidth });
    const node = (text: string) => l.nodes.find((n) => n.text === text)!;
    expect(node('protect').lane).toBe(0);
    expect(node('safeguard').lane).not.toBe(0);
    expect(node('protect').x).toBeCloseTo(node('safeguard').x + (node('safeguard').width - node('protect').width) / 2);
    // Reading order left to right.
    expect(node('the').x).toBeGreaterThan(node('protect').x);
    expect(node('environment').x).toBeGreaterThan(node('the').x + node('the').width);
    const drop = l.edges.find((e) => e.skips > 0)!;
    expect(drop.mid.y).not.toBe(node('the').y);
    // Heavier edges are thicker.
    const heavy = l.edges.find((e) => e.versions.length === 4)!;
    expect(heavy.stroke).toBeGreaterThan(drop.stroke);
    expect(l.width).toBeGreaterThan(node('generations').x + node('generations').width);
    for (const n of l.nodes) expect(n.y).toBeGreaterThan(0);
    expect(l.height).toBeGreaterThan(Math.max(...l.nodes.map((n) => n.y)));
  });

  it("bows a drop's arc under the words where a branch stands over the word it drops, and writes its count under it", () => {
    const g = variantGraph(family([['publish its annual water quality report', 4], ['publish its yearly water quality report', 3], ['publish its water quality report', 2]]));
    const l = layoutGraph(g, { measure: estimateWidth });
    const node = (text: string) => l.nodes.find((n) => n.text === text)!;
    expect(node('yearly').lane).toBeLessThan(0);
    const drop = l.edges.find((e) => e.skips > 0)!;
    expect(drop.bow).toBe(1);
    expect(drop.mid.y).toBeGreaterThan(node('annual').y + node('annual').fontSize / 2 + 28);
    const [label] = placeDropLabels(l, () => 40, 12, []);
    expect(label!.y).toBeGreaterThan(drop.mid.y);
    expect(label!.box.y1).toBeLessThanOrEqual(l.height);
  });

  it('nests drops that overlap on one lane, and widens the gaps that many edges run through', () => {
    // Three first words, and versions that leave out the first one, two or three words.
    const g = variantGraph(
      family([
        ['leaders back building a community of shared future in cyberspace', 6],
        ['leaders back build a community of shared future in cyberspace', 4],
        ['leaders back foster a community of shared future in cyberspace', 2],
        ['leaders back building of a community of shared future in cyberspace', 2],
        ['leaders back a community of shared future in cyberspace', 2],
        ['leaders back community of shared future in cyberspace', 2],
      ]),
    );
    const l = layoutGraph(g, { measure: estimateWidth });
    const arcs = l.edges.filter((e) => e.bow !== 0);
    expect(arcs.length).toBeGreaterThanOrEqual(2);
    const column = (id: number) => l.nodes.find((n) => n.id === id)!.column;
    for (const [i, a] of arcs.entries()) {
      for (const b of arcs.slice(i + 1)) {
        const overlap = column(a.from) < column(b.to) && column(b.from) < column(a.to);
        // Two drops over the same words are drawn apart, with room for a label between them.
        if (overlap && a.bow === b.bow) expect(Math.abs(a.mid.y - b.mid.y)).toBeGreaterThanOrEqual(14);
      }
    }
    const node = (text: string) => l.nodes.find((n) => n.text === text)!;
    const gapAfter = (left: { x: number; width: number }, right: { x: number }) => right.x - (left.x + left.width);
    // Between "in" and "cyberspace" one edge runs; out of the first words, many.
    expect(gapAfter(node('a'), node('community'))).toBeGreaterThanOrEqual(DEFAULT_LAYOUT.columnGap);
    expect(gapAfter(node('in'), node('cyberspace'))).toBe(DEFAULT_LAYOUT.columnGap);
    expect(gapAfter(node('back'), node('build'))).toBeGreaterThan(DEFAULT_LAYOUT.columnGap + 20);
  });

  it('stays readable at 200 versions: one node per distinct word per column', () => {
    const forms = ['protect the environment for future generations', 'safeguard the environment for future generations', 'protect the environment for coming generations', 'protect environment for future generations', 'preserve the environment for future generations'];
    const rows = Array.from({ length: 200 }, (_, i) => [`d${i}`, `Outlet ${i % 7}`, `${2000 + (i % 20)}`, '', forms[i % 5]!, ''] as [string, string, string, string, string, string]);
    const g = variantGraph(alignVersions(versions(rows).inputs));
    expect(g.nodes.filter((n) => n.kind === 'word')).toHaveLength(9);
    const l = layoutGraph(g, { measure: estimateWidth });
    expect(new Set(l.nodes.map((n) => n.lane)).size).toBeLessThanOrEqual(3);
    expect(l.height).toBeLessThan(400);
  });
});

describe('placeDropLabels', () => {
  const g = variantGraph(slogan());
  const l = layoutGraph(g, { measure: estimateWidth });
  const drop = l.edges.find((e) => e.skips > 0)!;
  const width = () => 40;

  it("writes a drop's label over its arc when nothing is there", () => {
    const [label] = placeDropLabels(l, width, 12, []);
    expect(label!.edge).toBe(drop);
    expect(label!.x).toBe(drop.mid.x);
    expect(label!.y).toBeCloseTo(drop.mid.y - 4);
  });

  it('moves it to the nearest free line clear of what is written there, or leaves it out', () => {
    const over = { x0: drop.mid.x - 30, x1: drop.mid.x + 30, y0: drop.mid.y - 20, y1: drop.mid.y };
    const [label] = placeDropLabels(l, width, 12, [over]);
    const b = label!.box;
    expect(b.y1 <= over.y0 || b.y0 >= over.y1).toBe(true);
    expect(Math.abs(label!.y - (drop.mid.y - 4))).toBeLessThanOrEqual(2 * 14);
    expect(placeDropLabels(l, width, 12, [{ x0: 0, x1: l.width, y0: 0, y1: l.height }])).toEqual([]);
  });
});
