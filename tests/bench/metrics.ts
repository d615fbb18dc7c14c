/**
 * A small registry for benchmark suites, so other measurements (search
 * index build, bundle size, …) can be added as one file each:
 *
 *   // tests/bench/search.bench.ts
 *   import { registerSuite } from './metrics.ts';
 *   registerSuite({ name: 'search', description: '…', async run(ctx) {
 *     return { metrics: [{ name: 'search_index_ms', value: 12, unit: 'ms' }] };
 *   } });
 *
 * then import it in tests/bench/run.ts. Suite files are named *.bench.ts,
 * never *.test.ts (vitest would collect those).
 */

export interface Metric {
  /** snake_case, stable: dashboards key on it. */
  name: string;
  /** null when it could not be measured (see the suite's notes). */
  value: number | null;
  unit: string;
  note?: string;
}

export interface BenchTable {
  title: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

export interface SuiteOutput {
  metrics: Metric[];
  tables?: BenchTable[];
  notes?: string[];
  info?: Record<string, unknown>;
}

export interface BenchContext {
  /** Smaller corpora, for a smoke run. */
  quick: boolean;
  /** performance.now() by which the whole bench should be done. */
  deadline: number;
  /** Progress, to stderr (stdout carries only the result). */
  log(message: string): void;
  /** Raw --key=value flags. */
  flags: Map<string, string>;
}

export interface BenchSuite {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<SuiteOutput>;
}

const suites = new Map<string, BenchSuite>();

export function registerSuite(suite: BenchSuite): void {
  if (suites.has(suite.name)) throw new Error(`bench suite ${suite.name} registered twice`);
  suites.set(suite.name, suite);
}

export function listSuites(): BenchSuite[] {
  return [...suites.values()];
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function round(x: number | null, digits = 3): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function cell(v: string | number | null): string {
  if (v === null) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : String(round(v, 3));
  return v;
}

export function formatTable(table: BenchTable): string {
  const rows = table.rows.map((r) => r.map(cell));
  const widths = table.columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [table.title, line(table.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
