/**
 * Teacher's edition size: the built app (dist/index.html) with a corpus in it,
 * for the bundled corpus and for a synthetic reading set of 100 documents,
 * raw and gzip (what a web host sends), with and without the stored analysis;
 * and how long that analysis takes to compute here (what a student's browser
 * would spend without it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { countWords } from '../../src/corpus/word-count.ts';
import type { Corpus, CorpusDocument } from '../../src/corpus/types.ts';
import { makeEdition, writeEdition } from '../../src/edition/writer.ts';
import { loadCorpusFromPaths } from '../../src/node/load-corpus.ts';
import { detectReuse } from '../../src/reuse/index.ts';
import { ANALYSIS_ENGINE_VERSION } from '../../src/reuse/version.ts';
import { registerSuite, round, type Metric } from './metrics.ts';
import { BUNDLE_PATH } from './size.ts';
import { generateCorpus } from './synthetic-corpus.ts';

/** Page furniture added around each synthetic text, so its original differs from its cleaned text as a capture's does. */
const FURNITURE = 'Home | News | World | Opinion | Subscribe\nShare this article\n\n';

function syntheticReadingSet(documents: number): Corpus {
  const { docs } = generateCorpus({ words: documents * 700, docWords: 700, plantedShare: 0.05, seed: 15 });
  const list: CorpusDocument[] = docs.map((d) => ({
    meta: { id: d.id, title: `Report ${d.id}`, outlet: d.outlet ?? null, author: null, date: d.date ?? null, language: 'en', provenance: 'synthetic', source: `${d.id}.txt` },
    original: FURNITURE + d.text,
    text: d.text,
    edits: [{ start: 0, end: FURNITURE.length, replacement: '', rule: 'furniture', reason: 'site navigation' }],
    wordCount: countWords(d.text),
  }));
  return { id: 'synthetic', name: `${list.length} synthetic reports`, documents: list };
}

function measure(app: string, corpus: Corpus, label: string): { metrics: Metric[]; row: (string | number | null)[] } {
  const t = performance.now();
  const result = detectReuse(corpus.documents.map(({ meta, text }) => ({ id: meta.id, text, date: meta.date, outlet: meta.outlet })));
  const analysisMs = performance.now() - t;
  const json = JSON.stringify(result);
  const input = { title: corpus.name, introduction: '', opening: null, corpus, teacher: null, madeAt: 0 };
  const plain = makeEdition({ ...input, analysis: null });
  const full = makeEdition({ ...input, analysis: { engine: ANALYSIS_ENGINE_VERSION, json } });
  const sizes = (html: string) => [Buffer.byteLength(html), gzipSync(html).length] as const;
  const [noRaw, noGz] = sizes(writeEdition(app, plain.edition));
  const [raw, gz] = sizes(writeEdition(app, full.edition, full.analysisJson));
  const key = label.replace(/\W+/g, '_');
  return {
    metrics: [
      { name: `edition_${key}_bytes`, value: raw, unit: 'bytes', note: 'with the stored analysis' },
      { name: `edition_${key}_gzip_bytes`, value: gz, unit: 'bytes' },
      { name: `edition_${key}_no_analysis_bytes`, value: noRaw, unit: 'bytes' },
      { name: `edition_${key}_analysis_ms`, value: round(analysisMs, 0), unit: 'ms', note: 'detectReuse here, once' },
    ],
    row: [label, corpus.documents.length, round(raw / 1024, 0), round(gz / 1024, 0), round(noRaw / 1024, 0), round(noGz / 1024, 0), round(analysisMs, 0)],
  };
}

registerSuite({
  name: 'edition',
  description: "teacher's edition size (bundled corpus, 100 documents), raw and gzip",
  async run() {
    if (!existsSync(BUNDLE_PATH)) return { metrics: [], notes: ['skipped: dist/index.html missing (run npm run build first)'] };
    const app = readFileSync(BUNDLE_PATH, 'utf8');
    const bundled = await loadCorpusFromPaths([join(process.cwd(), 'seeds')], 'Bundled corpus');
    const results = [measure(app, bundled, 'bundled'), measure(app, syntheticReadingSet(100), '100 documents')];
    return {
      metrics: [{ name: 'edition_app_bytes', value: Buffer.byteLength(app), unit: 'bytes', note: 'the app alone' }, ...results.flatMap((r) => r.metrics)],
      tables: [
        {
          title: "Teacher's edition (KB; the app alone is the first part of each)",
          columns: ['corpus', 'documents', 'raw', 'gzip', 'raw, no analysis', 'gzip, no analysis', 'analysis ms'],
          rows: results.map((r) => r.row),
        },
      ],
    };
  },
});
