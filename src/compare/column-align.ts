/**
 * Progressive alignment of word sequences into columns (the step CollateX
 * calls aligning a witness against the graph so far): each sequence, in the
 * order given, is aligned on matching words only against the columns built
 * before it (Needleman–Wunsch; words before the first and after the last
 * column are free; a column passed by costs by the share of the versions so
 * far that fill it). Between two matches, its unmatched words take the passed
 * columns of their kind (content / function word) as substitutions, in order
 * (one word for one passed column: a swap, whatever their kinds); the rest
 * open new columns.
 */
import { matchScore, SCORE, type AlignToken } from './formula-tokens.ts';

/** A word sequence and how many versions use it. */
export interface ColumnInput {
  tokens: readonly AlignToken[];
  versions: number;
}

export interface ColumnAlignment {
  columnCount: number;
  /** Per input sequence, the column of each of its words. */
  columns: number[][];
  /** Versions with a word in each column. */
  support: number[];
  /** Columns with no content word in them. */
  functionOnly: boolean[];
}

interface Column {
  /** By matching form: the word as first placed here, and the versions aligned so far with it here. */
  forms: Map<string, { token: AlignToken; versions: number }>;
  /** Versions aligned so far with a word here. */
  versions: number;
  contentForms: number;
  /** At least half of its forms are content words. */
  content: boolean;
}

/**
 * Breaks ties between equally good paths: a match with a form more of the
 * column's versions use scores up to this much more. "Xi Jinping first
 * proposed" against a column holding "Jinping" (3 versions) and "first" (1,
 * substituted there by "Xi first proposed") matches "Jinping", and "first"
 * opens a column of its own (an addition), not the other way round. Small
 * enough never to outweigh a difference in the scores themselves.
 */
const FORM_SHARE_TIE_BREAK = 0.01;

function columnScore(t: AlignToken, col: Column): number | null {
  const share = (versions: number) => (FORM_SHARE_TIE_BREAK * versions) / Math.max(1, col.versions);
  const same = col.forms.get(t.norm);
  if (same) return matchScore(t, same.token)! + share(same.versions);
  let best: number | null = null;
  for (const f of col.forms.values()) {
    const s = matchScore(t, f.token);
    if (s !== null && (best === null || s + share(f.versions) > best)) best = s + share(f.versions);
  }
  return best;
}

const DIAG = 1;
/** A word with no column yet. */
const UP = 2;
/** A column the sequence has no word in. */
const LEFT = 3;

type Step = { kind: typeof DIAG; token: number; column: number } | { kind: typeof UP; token: number } | { kind: typeof LEFT; column: number };

/** The best path of `tokens` through `columns` on matches only, in reading order. */
function matchPath(tokens: readonly AlignToken[], columns: Column[], alignedVersions: number): Step[] {
  const n = tokens.length;
  const m = columns.length;
  const w = m + 1;
  const skip = columns.map((c) => (SCORE.skip * c.versions) / Math.max(1, alignedVersions));
  const score = new Float64Array((n + 1) * w);
  const move = new Uint8Array((n + 1) * w);
  for (let j = 1; j <= m; j++) {
    move[j] = LEFT;
    score[j] = score[j - 1]! + skip[j - 1]!;
  }
  for (let i = 1; i <= n; i++) {
    move[i * w] = UP; // words before any column: free
    const t = tokens[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const s = columnScore(t, columns[j - 1]!);
      const diag = s === null ? -Infinity : score[(i - 1) * w + j - 1]! + s;
      const up = score[(i - 1) * w + j]! + (j === m ? 0 : SCORE.gap);
      const left = score[i * w + j - 1]! + skip[j - 1]!;
      let best = diag;
      let dir = DIAG;
      if (up > best) (best = up), (dir = UP);
      if (left > best) (best = left), (dir = LEFT);
      score[i * w + j] = best;
      move[i * w + j] = dir;
    }
  }
  const path: Step[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const dir = i === 0 ? LEFT : j === 0 ? UP : move[i * w + j]!;
    if (dir === DIAG) path.push({ kind: DIAG, token: --i, column: --j });
    else if (dir === UP) path.push({ kind: UP, token: --i });
    else path.push({ kind: LEFT, column: --j });
  }
  return path.reverse();
}

/** The longest in-order pairing of words with columns of the same kind (an LCS on content / function word). */
function pairByKind(tokens: AlignToken[], columns: Column[]): [number, number][] {
  const n = tokens.length;
  const m = columns.length;
  const lcs = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] = tokens[i]!.content === columns[j]!.content ? 1 + lcs[(i + 1) * (m + 1) + j + 1]! : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (tokens[i]!.content === columns[j]!.content) pairs.push([i++, j++]);
    else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/**
 * Places one sequence's words along its path and returns the new column
 * list. Between two matches unmatched words take passed columns of their
 * kind; before the first and after the last match, only the word next to the
 * match may take the nearest passed content column that most versions so far
 * fill ("foster" for "building"): further out it is context.
 */
function place(input: ColumnInput, placed: Column[], columns: Column[], path: Step[], alignedVersions: number): Column[] {
  const next: Column[] = [];
  const put = (token: number, col: Column) => {
    const t = input.tokens[token]!;
    let form = col.forms.get(t.norm);
    if (!form) {
      col.forms.set(t.norm, (form = { token: t, versions: 0 }));
      if (t.content) col.contentForms++;
      col.content = col.contentForms * 2 >= col.forms.size;
    }
    form.versions += input.versions;
    col.versions += input.versions;
    placed[token] = col;
  };
  const fresh = (token: number): Column => {
    const col: Column = { forms: new Map(), versions: 0, contentForms: 0, content: false };
    put(token, col);
    return col;
  };
  const anchors = path.flatMap((s, k) => (s.kind === DIAG ? [k] : []));
  const bounds = [-1, ...anchors, path.length];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const gapTokens: number[] = [];
    const gapCols: number[] = [];
    for (let k = bounds[b]! + 1; k < bounds[b + 1]!; k++) {
      const s = path[k]!;
      if (s.kind === UP) gapTokens.push(s.token);
      else if (s.kind === LEFT) gapCols.push(s.column);
    }
    const leading = b === 0 && anchors.length > 0;
    const trailing = b === bounds.length - 2 && anchors.length > 0;
    let pairs: [number, number][] = [];
    if (leading || trailing) {
      const t = leading ? gapTokens.length - 1 : 0;
      const core = gapCols.flatMap((c, k) => (columns[c]!.content && columns[c]!.versions >= 2 && columns[c]!.versions > alignedVersions / 2 ? [k] : []));
      const c = leading ? core[core.length - 1] : core[0];
      if (gapTokens.length > 0 && c !== undefined && input.tokens[gapTokens[t]!]!.content) pairs = [[t, c]];
    } else if (anchors.length > 0) {
      // One word for one between two matches is a swap whatever their kinds ("ist" → "bleibt").
      pairs = gapTokens.length === 1 && gapCols.length === 1 ? [[0, 0]] : pairByKind(gapTokens.map((t) => input.tokens[t]! as AlignToken), gapCols.map((c) => columns[c]!));
    }
    // In order; new words go before passed columns at the start (they are context there), after them elsewhere.
    let ti = 0;
    let ci = 0;
    const flush = (tokensUntil: number, colsUntil: number) => {
      const words = () => {
        while (ti < tokensUntil) next.push(fresh(gapTokens[ti++]!));
      };
      const cols = () => {
        while (ci < colsUntil) next.push(columns[gapCols[ci++]!]!);
      };
      if (leading) words(), cols();
      else cols(), words();
    };
    for (const [t, c] of pairs) {
      flush(t, c);
      put(gapTokens[t]!, columns[gapCols[c]!]!);
      next.push(columns[gapCols[c]!]!);
      ti++;
      ci++;
    }
    flush(gapTokens.length, gapCols.length);
    const anchor = path[bounds[b + 1]!];
    if (anchor?.kind === DIAG) {
      put(anchor.token, columns[anchor.column]!);
      next.push(columns[anchor.column]!);
    }
  }
  return next;
}

/** Aligns `inputs` in the order given. */
export function alignIntoColumns(inputs: readonly ColumnInput[]): ColumnAlignment {
  let columns: Column[] = [];
  const placed = inputs.map((): Column[] => []);
  let aligned = 0;
  inputs.forEach((input, i) => {
    columns = place(input, placed[i]!, columns, matchPath(input.tokens, columns, aligned), aligned);
    aligned += input.versions;
  });
  const index = new Map(columns.map((c, i) => [c, i]));
  return {
    columnCount: columns.length,
    columns: placed.map((cols) => cols.map((c) => index.get(c)!)),
    support: columns.map((c) => c.versions),
    functionOnly: columns.map((c) => c.contentForms === 0),
  };
}
