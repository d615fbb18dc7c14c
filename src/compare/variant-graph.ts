/**
 * A formula's wordings as a variant graph, TRAViz-style: a word the versions
 * share is one node, drawn once; where the wording differs the graph
 * branches; each edge is as heavy as the number of versions that take it.
 * Built from the multi-witness alignment's core (context words are not
 * drawn), one path per wording, so 200 versions cost their distinct wordings.
 *
 * The layout is a left-to-right reading line: one slot per aligned column,
 * the words of one column stacked in lanes (the most used wording on the
 * middle lane, the others above and below), edges as curves, the gap
 * between two slots widened for each edge through it past two (so the
 * curves out of three first words do not bunch up). An edge that passes
 * over words some versions through both its ends have is a drop: it arcs
 * around them, flat between steep ends, drops over the same words nested
 * (the lanes part to hold them), and its count is written clear of every
 * other label.
 * Versions that leave the path and rejoin it saying something else there
 * ("the natural world" for "the environment") are a branch: their words move
 * off the lane of the edge that passes them, so the two run in parallel. Text
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
  /**
   * Core columns passed over where a shown wording through both its ends has
   * a word: these versions drop a word here. (Columns filled only by wordings
   * that leave this path before the edge and rejoin it after are another
   * branch, not a drop.)
   */
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
  let versions = 0;
  for (const w of shown) {
    const wording = alignment.wordings[w]!;
    versions += wording.versions.length;
    let prev = nodes[START]!;
    const visit = (node: GraphNode) => {
      append(node.versions, wording.versions);
      node.wordings.push(w);
      const key = `${prev.id}>${node.id}`;
      let edge = edges.get(key);
      if (!edge) edges.set(key, (edge = { from: prev.id, to: node.id, versions: [], wordings: [], skips: 0 }));
      append(edge.versions, wording.versions);
      edge.wordings.push(w);
      prev = node;
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
      visit(node);
    });
    visit(nodes[END]!);
  }
  // A drop: versions that go through both ends of an edge have words between them. Versions that
  // leave the edge's path before it and rejoin after it say something else there (two words for one),
  // which is a branch of its own, not a gap in this one.
  for (const e of edges.values()) {
    const a = nodes[e.from]!;
    const b = nodes[e.to]!;
    if (b.column - a.column < 2) continue;
    const through = new Set(b.wordings);
    const filled = new Uint8Array(b.column - a.column - 1);
    for (const w of a.wordings) {
      if (!through.has(w)) continue;
      const cells = alignment.wordings[w]!.cells;
      for (let c = a.column + 1; c < b.column; c++) if (cells[c]) filled[c - a.column - 1] = 1;
    }
    for (const f of filled) e.skips += f;
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
  /** A drop's arc bows up (-1) or down (1) from its lane; 0 for other edges. */
  bow: number;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
  /** The middle lane's y. */
  centre: number;
}

/** How deep a drop's arc runs under the words and what is written under them (in lanes), and the width of its turns (px). */
const DOWN_DEPTH = 0.75;
const ARC_TURN = 10;
/** Space between nested arcs (px): room for a label over each. */
const ARC_STEP = 16;

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
  const dot = 8;
  placed.set(START, { ...graph.nodes[START]!, lane: 0, x: 0, y: 0, width: dot, fontSize: 0 });
  /** The slots from left to right: the start, each column with words (and its width), the end. */
  const slots: { column: number; width: number }[] = [{ column: -1, width: dot }];
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
      placed.set(n.id, { ...n, lane, x: 0, y: 0, width, fontSize });
    }
    slots.push({ column: c, width: columnWidth });
  }
  placed.set(END, { ...graph.nodes[END]!, lane: 0, x: 0, y: 0, width: dot, fontSize: 0 });
  slots.push({ column: graph.columns, width: dot });
  keepBranchesOffPassingEdges(graph, placed, byColumn, rank);

  // Left to right, each word centred on its column's slot; a gap as wide as the edges through it need.
  const gaps = gapWidths(graph, placed, slots, o.columnGap);
  const left = new Map<number, { x: number; width: number }>();
  let x = o.padding;
  slots.forEach((slot, i) => {
    left.set(slot.column, { x, width: slot.width });
    x += slot.width + (gaps[i] ?? 0);
  });
  for (const p of placed.values()) {
    const slot = left.get(p.column)!;
    p.x = slot.x + (slot.width - p.width) / 2;
  }
  const width = x + o.padding;

  const nodesInLane = (lane: number, from: number, to: number) =>
    [...placed.values()].some((p) => p.kind === 'word' && p.lane === lane && p.column > from && p.column < to);
  // A drop arcs over the words it passes, away from the middle lane, unless a branch's words stand
  // on that side and not on the other. Drops of one lane and side that overlap are nested, the
  // longer outside, one ARC_STEP apart, so no two run on one line.
  const side = new Map<GraphEdge, number>();
  for (const e of graph.edges) {
    const a = placed.get(e.from)!;
    const b = placed.get(e.to)!;
    if (a.lane !== b.lane || !nodesInLane(a.lane, a.column, b.column)) continue;
    let s = a.lane > 0 ? 1 : -1;
    if (nodesInLane(a.lane + s, a.column, b.column) && !nodesInLane(a.lane - s, a.column, b.column)) s = -s;
    side.set(e, s);
  }
  const level = new Map<GraphEdge, number>();
  const span = (e: GraphEdge) => placed.get(e.to)!.column - placed.get(e.from)!.column;
  for (const e of [...side.keys()].sort((x, y) => span(x) - span(y) || placed.get(x.from)!.column - placed.get(y.from)!.column)) {
    const [from, to, lane] = [placed.get(e.from)!.column, placed.get(e.to)!.column, placed.get(e.from)!.lane];
    let l = 0;
    for (const [f, k] of level) {
      const [ff, ft] = [placed.get(f.from)!.column, placed.get(f.to)!.column];
      if (side.get(f) === side.get(e) && placed.get(f.from)!.lane === lane && ff < to && from < ft) l = Math.max(l, k + 1);
    }
    level.set(e, l);
  }
  // Lanes part wider to hold nested arcs between them.
  const laneHeight = o.laneHeight + ARC_STEP * [...level.values()].reduce((m, l) => Math.max(m, l), 0);

  let top = 0;
  let bottom = 0;
  for (const p of placed.values()) (top = Math.min(top, p.lane)), (bottom = Math.max(bottom, p.lane));
  // Room above the top lane for an arc, below the bottom lane for the labels under each word.
  const centre = o.padding + laneHeight * 0.7 + -top * laneHeight;
  for (const p of placed.values()) p.y = centre + p.lane * laneHeight;
  const height = centre + bottom * laneHeight + laneHeight * 0.9 + o.padding;

  /** Clear of the words on a lane: half the tallest word, and a little. */
  const overWords = Math.round(o.maxFont * 0.6) + 5;
  const edges = graph.edges.map((e): PlacedEdge => {
    const a = placed.get(e.from)!;
    const b = placed.get(e.to)!;
    const x1 = a.x + a.width + 3;
    const x2 = b.x - 3;
    const dx = Math.max(12, (x2 - x1) / 2);
    let d: string;
    let mid: { x: number; y: number };
    const bow = side.get(e) ?? 0;
    if (bow !== 0) {
      // Up or down steeply at both ends and flat between, so it passes over the words, or under the
      // counts and names written under them (as wide as the widest of them, nearly the whole span).
      const nest = ARC_STEP * level.get(e)!;
      const y = bow < 0 ? a.y - overWords - nest : a.y + o.laneHeight * DOWN_DEPTH + nest;
      const r = Math.min(ARC_TURN, (x2 - x1) / 4);
      d = `M${x1},${a.y} C${x1 + r},${a.y} ${x1 + r},${y} ${x1 + 2 * r},${y} L${x2 - 2 * r},${y} C${x2 - r},${y} ${x2 - r},${b.y} ${x2},${b.y}`;
      mid = { x: (x1 + x2) / 2, y };
    } else {
      d = `M${x1},${a.y} C${x1 + dx},${a.y} ${x2 - dx},${b.y} ${x2},${b.y}`;
      mid = { x: (x1 + x2) / 2, y: (a.y + b.y) / 2 };
    }
    return { ...e, d, mid, bow, stroke: o.minStroke + (o.maxStroke - o.minStroke) * share(e.versions.length) };
  });
  return { nodes: [...placed.values()], edges, width, height, centre };
}

/** Edges a gap between two columns holds at its narrowest; each one more widens it by EDGE_ROOM px, up to MAX_GAP_FACTOR gaps. */
const GAP_EDGES = 2;
const EDGE_ROOM = 12;
const MAX_GAP_FACTOR = 4;

/**
 * The space after each slot (start, columns, end): `columnGap`, wider where
 * more edges run through it, so the curves that fan out of a word and into
 * the next (three first words, and the arcs of versions that leave them out)
 * do not bunch up on one another and on the counts under the words.
 */
function gapWidths(graph: VariantGraph, placed: Map<number, PlacedNode>, slots: readonly { column: number }[], columnGap: number): number[] {
  const through = new Array<number>(Math.max(0, slots.length - 1)).fill(0);
  const index = new Map(slots.map((s, i) => [s.column, i]));
  for (const e of graph.edges) {
    const from = index.get(placed.get(e.from)!.column)!;
    const to = index.get(placed.get(e.to)!.column)!;
    for (let i = from; i < to; i++) through[i]!++;
  }
  return through.map((n) => Math.min(columnGap * MAX_GAP_FACTOR, columnGap + EDGE_ROOM * Math.max(0, n - GAP_EDGES)));
}

/** Rounds of moving words off passing edges (a move can put a word under another edge). */
const LANE_ROUNDS = 3;

/**
 * A word under an edge that passes over its column on its lane, where the
 * edge is no drop (its versions say something else there: "ist" against
 * "bleibt weiterhin"), moves to the nearest free lane of its column, on its
 * wording's side: the two wordings are drawn as parallel branches, not one
 * line with an arc over the other's words.
 */
function keepBranchesOffPassingEdges(graph: VariantGraph, placed: Map<number, PlacedNode>, byColumn: Map<number, GraphNode[]>, rank: Map<number, number>): void {
  for (let round = 0; round < LANE_ROUNDS; round++) {
    let moved = false;
    for (const e of graph.edges) {
      const a = placed.get(e.from)!;
      const b = placed.get(e.to)!;
      if (e.skips > 0 || b.column - a.column < 2 || a.lane !== b.lane) continue;
      for (let c = a.column + 1; c < b.column; c++) {
        const column = byColumn.get(c) ?? [];
        for (const n of column) {
          const p = placed.get(n.id)!;
          if (p.lane !== a.lane) continue;
          const taken = new Set(column.map((m) => placed.get(m.id)!.lane));
          const preferred = laneForRank(p.wordings.reduce((best, w) => Math.min(best, rank.get(w) ?? 0), Infinity));
          const side = preferred > a.lane ? 1 : -1;
          let lane = a.lane;
          for (let d = 1; taken.has(lane); d++) lane = !taken.has(a.lane + side * d) ? a.lane + side * d : a.lane - side * d;
          p.lane = lane;
          moved = true;
        }
      }
    }
    if (!moved) return;
  }
}

/** A box of text in the graph's coordinates. */
export interface TextBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface DropLabel {
  edge: PlacedEdge;
  /** Centre and baseline. */
  x: number;
  y: number;
  box: TextBox;
}

const clear = (b: TextBox, boxes: readonly TextBox[]) => !boxes.some((o) => o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1);

/**
 * Where each drop's label ("−words ×versions", `width` px wide, `size` px
 * high) is written: on the line over its arc's middle (under it where the
 * arc bows down), else the nearest free line inside the graph, first away
 * from the words the arc passes over, clear of `taken` (the words and what
 * is written under them) and of the labels placed before it, the
 * drop most versions take first. A drop with no free line gets no label:
 * its arc is dashed, and its tooltip says it.
 */
export function placeDropLabels(layout: GraphLayout, width: (e: PlacedEdge) => number, size: number, taken: readonly TextBox[]): DropLabel[] {
  const boxes = [...taken];
  const out: DropLabel[] = [];
  const drops = layout.edges.filter((e) => e.skips > 0).sort((a, b) => b.versions.length - a.versions.length);
  const step = size + 2;
  for (const e of drops) {
    const half = width(e) / 2 + 3;
    // Over an arc that bows up, under one that bows down; then away from its words first.
    const away = e.bow > 0 ? 1 : -1;
    const first = away < 0 ? e.mid.y - 4 : e.mid.y + size + 2;
    const lines = Math.ceil(layout.height / step);
    for (let k = 0; k <= 2 * lines; k++) {
      const y = first + away * (k % 2 === 0 ? k / 2 : -(k + 1) / 2) * step;
      if (y < size || y > layout.height - 2) continue;
      const box = { x0: e.mid.x - half, x1: e.mid.x + half, y0: y - size, y1: y + 3 };
      if (!clear(box, boxes)) continue;
      boxes.push(box);
      out.push({ edge: e, x: e.mid.x, y, box });
      break;
    }
  }
  return out;
}

/** Rough text width for tests and as a fallback: 0.55 em per character. */
export const estimateWidth = (text: string, fontSize: number) => text.length * fontSize * 0.55;
