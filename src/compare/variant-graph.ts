/**
 * A formula's wordings as a variant graph, TRAViz-style: a word the versions
 * share is one node, drawn once; where the wording differs the graph
 * branches; each edge is as heavy as the number of versions that take it.
 * Built from the multi-witness alignment's core (context words are not
 * drawn), one path per wording, so 200 versions cost their distinct wordings.
 *
 * The layout is a left-to-right reading line: one slot per aligned column,
 * the words of one column stacked in lanes (the most used wording on the
 * middle lane, the others above and below), edges as curves; an edge that
 * passes over a word on its own lane (a dropped word) arcs around it. Text
 * widths come from a `measure` function (a canvas in the page, an estimate in
 * tests), so the module has no DOM.
 */
import type { MultiAlignment } from './multi-align.ts';

export interface GraphNode {
  id: number;
  kind: 'start' | 'end' | 'word';
  /** Core column; -1 for the start, the core's width for the end. */
  column: number;
  /** As written in the most used wording through this node. */
  text: string;
  norm: string;
  /** Indices into the alignment's versions that pass through this node. */
  versions: number[];
  /** Indices into the alignment's wordings that pass through this node. */
  wordings: number[];
}

export interface GraphEdge {
  from: number;
  to: number;
  versions: number[];
  wordings: number[];
  /** Core columns passed over where some shown wording has a word: these versions drop a word here. */
  skips: number;
}

export interface VariantGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Core columns. */
  columns: number;
  /** Versions drawn (of the shown wordings). */
  versions: number;
  /** Wordings drawn, as indices into the alignment's wordings. */
  wordings: number[];
}

export const START = 0;

/** Appends in a loop: a spread of a 1,000-version list into push could overflow the stack. */
function append(target: number[], source: readonly number[]): void {
  for (const x of source) target.push(x);
}
export const END = 1;

/** The graph of `shown` wordings (default: all). */
export function variantGraph(alignment: MultiAlignment, shown: readonly number[] = alignment.wordings.map((_, i) => i)): VariantGraph {
  const width = alignment.core.end - alignment.core.start;
  const nodes: GraphNode[] = [
    { id: START, kind: 'start', column: -1, text: '', norm: '', versions: [], wordings: [] },
    { id: END, kind: 'end', column: width, text: '', norm: '', versions: [], wordings: [] },
  ];
  const byKey = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  // Columns some shown wording fills: passing over one is a drop.
  const filled = new Uint8Array(width);
  for (const w of shown) alignment.wordings[w]!.cells.forEach((c, i) => c && (filled[i] = 1));
  let versions = 0;
  for (const w of shown) {
    const wording = alignment.wordings[w]!;
    versions += wording.versions.length;
    let prev = nodes[START]!;
    let prevColumn = -1;
    const visit = (node: GraphNode, column: number) => {
      append(node.versions, wording.versions);
      node.wordings.push(w);
      let skips = 0;
      for (let c = prevColumn + 1; c < column; c++) skips += filled[c]!;
      const key = `${prev.id}>${node.id}`;
      let edge = edges.get(key);
      if (!edge) edges.set(key, (edge = { from: prev.id, to: node.id, versions: [], wordings: [], skips }));
      append(edge.versions, wording.versions);
      edge.wordings.push(w);
      prev = node;
      prevColumn = column;
    };
    append(nodes[START]!.versions, wording.versions);
    nodes[START]!.wordings.push(w);
    wording.cells.forEach((cell, column) => {
      if (!cell) return;
      const key = `${column}\u0000${cell.norm}`;
      let node = byKey.get(key);
      if (!node) {
        node = { id: nodes.length, kind: 'word', column, text: cell.text, norm: cell.norm, versions: [], wordings: [] };
        nodes.push(node);
        byKey.set(key, node);
      }
      visit(node, column);
    });
    visit(nodes[END]!, width);
  }
  return { nodes, edges: [...edges.values()], columns: width, versions, wordings: [...shown] };
}

export interface LayoutOptions {
  /** Width in px of `text` at `fontSize` px. */
  measure(text: string, fontSize: number): number;
  /** Width of what is written under a word (its count, who uses it): its column is at least that wide. */
  sublabel?(node: GraphNode): number;
  minFont: number;
  maxFont: number;
  /** Vertical distance between lanes. */
  laneHeight: number;
  /** Horizontal space between columns (room for the edges). */
  columnGap: number;
  padding: number;
  minStroke: number;
  maxStroke: number;
}

export const DEFAULT_LAYOUT: Omit<LayoutOptions, 'measure'> = {
  minFont: 14,
  maxFont: 22,
  laneHeight: 66,
  columnGap: 34,
  padding: 16,
  minStroke: 1.5,
  maxStroke: 9,
};

export interface PlacedNode extends GraphNode {
  lane: number;
  /** Left edge of the word and its baseline-centre line. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PlacedEdge extends GraphEdge {
  /** SVG path data. */
  d: string;
  stroke: number;
  /** Where a count label for a drop can sit (the curve's midpoint). */
  mid: { x: number; y: number };
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
  /** The middle lane's y. */
  centre: number;
}

/** Lane order by rank: the middle, then alternately above and below. */
const laneForRank = (rank: number) => (rank === 0 ? 0 : rank % 2 === 1 ? -Math.ceil(rank / 2) : rank / 2);

export function layoutGraph(graph: VariantGraph, options: Partial<LayoutOptions> & Pick<LayoutOptions, 'measure'>): GraphLayout {
  const o = { ...DEFAULT_LAYOUT, ...options };
  const total = Math.max(1, graph.versions);
  const share = (n: number) => Math.sqrt(n / total);
  // A wording's preferred lane follows its rank among the shown ones (they come most used first).
  const rank = new Map(graph.wordings.map((w, i) => [w, i]));
  const byColumn = new Map<number, GraphNode[]>();
  for (const n of graph.nodes) if (n.kind === 'word') (byColumn.get(n.column) ?? byColumn.set(n.column, []).get(n.column)!).push(n);

  const placed = new Map<number, PlacedNode>();
  let x = o.padding;
  const dot = 8;
  placed.set(START, { ...graph.nodes[START]!, lane: 0, x, y: 0, width: dot, fontSize: 0 });
  x += dot + o.columnGap;
  for (let c = 0; c < graph.columns; c++) {
    const column = byColumn.get(c);
    if (!column) continue;
    column.sort((a, b) => b.versions.length - a.versions.length || a.id - b.id);
    const taken = new Set<number>();
    let columnWidth = 0;
    // Lanes stay within what the column needs: three words take the middle lane and the two beside it.
    const reach = Math.ceil((column.length - 1) / 2);
    for (const n of column) {
      const preferred = laneForRank(n.wordings.reduce((best, w) => Math.min(best, rank.get(w) ?? 0), Infinity));
      const want = Math.max(-reach, Math.min(reach, preferred));
      let lane = want;
      for (let d = 1; taken.has(lane); d++) lane = taken.has(want - d) ? want + d : want - d;
      taken.add(lane);
      const fontSize = o.minFont + (o.maxFont - o.minFont) * share(n.versions.length);
      const width = o.measure(n.text, fontSize);
      columnWidth = Math.max(columnWidth, width, o.sublabel?.(n) ?? 0);
      placed.set(n.id, { ...n, lane, x, y: 0, width, fontSize });
    }
    // Centre the words of a column on its slot.
    for (const n of column) {
      const p = placed.get(n.id)!;
      p.x = x + (columnWidth - p.width) / 2;
    }
    x += columnWidth + o.columnGap;
  }
  placed.set(END, { ...graph.nodes[END]!, lane: 0, x, y: 0, width: dot, fontSize: 0 });
  const width = x + dot + o.padding;

  let top = 0;
  let bottom = 0;
  for (const p of placed.values()) (top = Math.min(top, p.lane)), (bottom = Math.max(bottom, p.lane));
  // Room above the top lane for an arc, below the bottom lane for the labels under each word.
  const centre = o.padding + o.laneHeight * 0.7 + -top * o.laneHeight;
  for (const p of placed.values()) p.y = centre + p.lane * o.laneHeight;
  const height = centre + bottom * o.laneHeight + o.laneHeight * 0.9 + o.padding;

  const nodesInLane = (lane: number, from: number, to: number) =>
    [...placed.values()].some((p) => p.kind === 'word' && p.lane === lane && p.column > from && p.column < to);
  const edges = graph.edges.map((e): PlacedEdge => {
    const a = placed.get(e.from)!;
    const b = placed.get(e.to)!;
    const x1 = a.x + a.width + 3;
    const x2 = b.x - 3;
    const dx = Math.max(12, (x2 - x1) / 2);
    let d: string;
    let mid: { x: number; y: number };
    if (a.lane === b.lane && nodesInLane(a.lane, a.column, b.column)) {
      // Over the words it drops: bow away from the middle lane.
      const bow = (a.lane > 0 ? 1 : -1) * o.laneHeight * 0.5;
      d = `M${x1},${a.y} C${x1 + dx},${a.y + bow} ${x2 - dx},${b.y + bow} ${x2},${b.y}`;
      mid = { x: (x1 + x2) / 2, y: a.y + bow * 0.75 };
    } else {
      d = `M${x1},${a.y} C${x1 + dx},${a.y} ${x2 - dx},${b.y} ${x2},${b.y}`;
      mid = { x: (x1 + x2) / 2, y: (a.y + b.y) / 2 };
    }
    return { ...e, d, mid, stroke: o.minStroke + (o.maxStroke - o.minStroke) * share(e.versions.length) };
  });
  return { nodes: [...placed.values()], edges, width, height, centre };
}

/** Rough text width for tests and as a fallback: 0.55 em per character. */
export const estimateWidth = (text: string, fontSize: number) => text.length * fontSize * 0.55;
