import { describe, expect, it } from 'vitest';
import { alignVersions } from '../../src/compare/multi-align.ts';
import { END, estimateWidth, layoutGraph, START, variantGraph } from '../../src/compare/variant-graph.ts';
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
