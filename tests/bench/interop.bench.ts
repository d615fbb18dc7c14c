/**
 * Importing passim's results: throughput (cluster records per second) and
 * memory for 100,000 cluster records over 2,000 documents (the browser's
 * document limit), read as streams of 64 KB chunks, as a `File` would be.
 * Two stages: the scan (read, parse and check every line, keep the records
 * in columns) and the build (check each passage against its text, align
 * the linked passages word by word, make the families).
 */
import type { Source } from '../../src/interop/lines.ts';
import { buildImport, scanFiles } from '../../src/interop/index.ts';
import { measurePeakAsync } from './memory.ts';
import { registerSuite, round } from './metrics.ts';
import { makeArchive } from './passim-archive.ts';

const CHUNK = 64 * 1024;

function bytesSource(name: string, text: string): Source {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    size: bytes.length,
    *open() {
      for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
    },
  };
}

registerSuite({
  name: 'interop',
  description: 'importing passim clusters: records per second and memory (100,000 records, 2,000 documents)',
  async run(ctx) {
    const records = ctx.quick ? 10_000 : Number(ctx.flags.get('interop-records') ?? 100_000);
    ctx.log(`interop: making an archive of ${records} cluster records`);
    const archive = makeArchive({ documents: 2000, records });
    const sources = [bytesSource('corpus.jsonl', archive.corpus), ...archive.parts.map((p, i) => bytesSource(`out.json/part-${String(i).padStart(5, '0')}`, p))];
    const inputMb = sources.reduce((n, s) => n + s.size!, 0) / (1024 * 1024);
    // Warm-up on a tenth, so the timed run does not pay for cold code.
    const warm = makeArchive({ documents: 200, records: Math.round(records / 10), seed: 3 });
    const warmSources = [bytesSource('c', warm.corpus), ...warm.parts.map((p, i) => bytesSource(`p${i}`, p))];
    await buildImport(warmSources, await scanFiles(warmSources), null);

    ctx.log('interop: scan + build');
    let scanMs = 0;
    // CPU time too: on a shared machine the wall clock says as much about the neighbours.
    const cpu = process.cpuUsage();
    const run = await measurePeakAsync(async () => {
      const t = performance.now();
      const scan = await scanFiles(sources);
      scanMs = performance.now() - t;
      return buildImport(sources, scan, null);
    });
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const imported = run.value;
    const buildMs = run.ms - scanMs;
    const perSecond = archive.records / (run.ms / 1000);
    return {
      metrics: [
        { name: 'interop_records_per_s', value: round(perSecond, 0), unit: 'records/s', note: `${archive.records} passim cluster records, scan + build, Node` },
        { name: 'interop_records_per_cpu_s', value: round(archive.records / (cpuMs / 1000), 0), unit: 'records/s', note: 'per second of CPU time (all threads, GC included)' },
        { name: 'interop_scan_ms', value: round(scanMs, 0), unit: 'ms', note: 'read and check every line' },
        { name: 'interop_build_ms', value: round(buildMs, 0), unit: 'ms', note: 'offsets checked, passages aligned, families made' },
        { name: 'interop_peak_rss_mb', value: round(run.peakRssMb, 0), unit: 'MB', note: `input ${round(inputMb, 0)} MB` },
        { name: 'interop_heap_mb', value: round(run.peakHeapMb, 0), unit: 'MB', note: 'heap grown during the import' },
        { name: 'interop_result_heap_mb', value: round(run.heapDeltaMb, 0), unit: 'MB', note: 'live right after (the imported corpus and analysis)' },
      ],
      tables: [
        {
          title: 'passim import (Node)',
          columns: ['records', 'clusters', 'documents', 'input MB', 'scan ms', 'build ms', 'CPU ms', 'records/s', 'peak RSS MB', 'families', 'passages'],
          rows: [[archive.records, archive.clusters, imported.documents.length, round(inputMb, 1), round(scanMs, 0), round(buildMs, 0), round(cpuMs, 0), round(perSecond, 0), round(run.peakRssMb, 0), imported.result.families.length, imported.result.passages.length]],
        },
      ],
    };
  },
});
