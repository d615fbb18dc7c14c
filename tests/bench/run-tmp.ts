/**
 * npm run bench                       readable tables
 * npm run --silent bench -- --json    one JSON object on stdout, nothing else
 *
 * Flags: --only=reuse,size  --quick (small corpora)  --budget-s=280
 *        --engine=standin  --base-words=1000000  --no-8x
 * Progress goes to stderr. Suites register themselves in *.bench.ts files.
 */
import { formatTable, listSuites, round, type BenchContext, type BenchTable, type Metric } from './metrics.ts';
import './formulas.bench.ts';
import './reuse-quality.bench.ts';
import './reuse.bench.ts';
import './search.bench.ts';
import './size.bench.ts';

import './interop.bench.ts';

const flags = new Map<string, string>();
for (const a of process.argv.slice(2)) {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
  if (m) flags.set(m[1] as string, m[2] ?? '');
}
const json = flags.has('json');
// Keep stdout for the result: anything else printed goes to stderr.
const stdoutWrite = process.stdout.write.bind(process.stdout);
if (json) console.log = console.error;

const started = performance.now();
const budgetS = Number(flags.get('budget-s') ?? 280);
const ctx: BenchContext = {
  quick: flags.has('quick'),
  deadline: started + budgetS * 1000,
  log: (msg) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${msg}\n`),
  flags,
};

const only = flags.get('only')?.split(',').filter(Boolean);
const metrics: Metric[] = [];
const suites: Array<{ name: string; ms: number; tables: BenchTable[]; notes: string[]; info?: Record<string, unknown>; error?: string }> = [];
let failed = false;
for (const suite of listSuites()) {
  if (only && !only.includes(suite.name)) continue;
  const t = performance.now();
  ctx.log(`suite ${suite.name}: ${suite.description}`);
  try {
    const out = await suite.run(ctx);
    metrics.push(...out.metrics);
    suites.push({ name: suite.name, ms: round(performance.now() - t, 0)!, tables: out.tables ?? [], notes: out.notes ?? [], info: out.info });
  } catch (e) {
    failed = true;
    const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    ctx.log(`suite ${suite.name} failed: ${error}`);
    suites.push({ name: suite.name, ms: round(performance.now() - t, 0)!, tables: [], notes: [], error });
  }
}
const runtimeMs = round(performance.now() - started, 0);

if (json) {
  stdoutWrite(JSON.stringify({ metrics, suites, runtime_ms: runtimeMs, node: process.version }) + '\n');
} else {
  const out: string[] = [];
  out.push(formatTable({
    title: 'Metrics',
    columns: ['name', 'value', 'unit', 'note'],
    rows: metrics.map((m) => [m.name, m.value, m.unit, m.note ?? '']),
  }));
  for (const s of suites) {
    out.push('', `== ${s.name} (${(s.ms / 1000).toFixed(1)} s)`);
    for (const t of s.tables) out.push('', formatTable(t));
    for (const n of s.notes) out.push(`note: ${n}`);
    if (s.error) out.push(`ERROR: ${s.error}`);
  }
  out.push('', `bench runtime: ${((runtimeMs ?? 0) / 1000).toFixed(1)} s`);
  console.log(out.join('\n'));
}
if (failed) process.exitCode = 1;
