/**
 * Teacher's edition size: the built app (dist/index.html) with a corpus in it,
 * for the bundled corpus and for a synthetic reading set of 100 documents,
 * raw and gzip (what a web host sends), with and without the stored analysis,
 * and with a teacher's notes (three labelled highlights with a note on each
 * document, a note on each of the ten most widespread formulas); and how long that analysis takes to compute here (what a student's browser
 * would spend without it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { countWords } from '../../src/corpus/word-count.ts';
import type { Corpus, CorpusDocument } from '../../src/corpus/types.ts';
import { collectTeacherNotes } from '../../src/edition/teacher.ts';
import { makeEdition, writeEdition } from '../../src/edition/writer.ts';
import { loadCorpusFromPaths } from '../../src/node/load-corpus.ts';
import { detectReuse, type ReuseResult } from '../../src/reuse/index.ts';
import type { StateRecord } from '../../src/state/records.ts';
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

/** A teacher's notes of the size a careful teacher writes: about 300 characters a note. */
const NOTE = 'Look at who says this first, and how the wording shifts between outlets: the verb changes, the subject stays. '.repeat(3).trim();
const HIGHLIGHTS_PER_DOC = 3;
const FORMULA_NOTES = 10;
const ANCHOR_CONTEXT = 32;

function teacherNotes(corpus: Corpus, result: ReuseResult) {
  const records: StateRecord[] = [];
  const meta = { rev: 1, updatedAt: 0, createdAt: 0 };
  for (const { meta: m, text } of corpus.documents) {
    for (let i = 0; i < HIGHLIGHTS_PER_DOC; i++) {
      const start = Math.floor((text.length * i) / HIGHLIGHTS_PER_DOC);
      const end = Math.min(text.length, start + 120);
      const id = `h${i}`;
      const anchor = { quote: text.slice(start, end), prefix: text.slice(Math.max(0, start - ANCHOR_CONTEXT), start), suffix: text.slice(end, end + ANCHOR_CONTEXT), start, end };
      records.push({ kind: 'highlight', docId: m.id, id, anchor, color: 'yellow', label: 'The official line', ...meta });
      records.push({ kind: 'note', target: { type: 'highlight', docId: m.id, highlightId: id }, id: 'main', text: NOTE, ...meta });
    }
  }
  const families = result.families.slice(0, FORMULA_NOTES);
  for (const f of families) records.push({ kind: 'note', target: { type: 'family', familyId: f.id }, id: 'main', text: NOTE, ...meta });
  return collectTeacherNotes(records, (id) => families.find((f) => f.id === id)?.label);
}

function measure(app: string, corpus: Corpus, label: string): { metrics: Metric[]; row: (string | number | null)[] } {
  const t = performance.now();
  const result = detectReuse(corpus.documents.map(({ meta, text }) => ({ id: meta.id, text, date: meta.date, outlet: meta.outlet })));
  const analysisMs = performance.now() - t;
  const json = JSON.stringify(result);
  const input = { title: corpus.name, introduction: '', opening: null, corpus, teacher: null, madeAt: 0 };
  const plain = makeEdition({ ...input, analysis: null });
  const full = makeEdition({ ...input, analysis: { engine: ANALYSIS_ENGINE_VERSION, json } });
  const noted = makeEdition({ ...input, teacher: teacherNotes(corpus, result), analysis: { engine: ANALYSIS_ENGINE_VERSION, json } });
  const sizes = (html: string) => [Buffer.byteLength(html), gzipSync(html).length] as const;
  const [noRaw, noGz] = sizes(writeEdition(app, plain.edition));
  const [raw, gz] = sizes(writeEdition(app, full.edition, full.analysisJson));
  const [notedRaw, notedGz] = sizes(writeEdition(app, noted.edition, noted.analysisJson));
  const key = label.replace(/\W+/g, '_');
  return {
    metrics: [
      { name: `edition_${key}_bytes`, value: raw, unit: 'bytes', note: 'with the stored analysis' },
      { name: `edition_${key}_gzip_bytes`, value: gz, unit: 'bytes' },
      { name: `edition_${key}_no_analysis_bytes`, value: noRaw, unit: 'bytes' },
      { name: `edition_${key}_with_notes_bytes`, value: notedRaw, unit: 'bytes', note: `${HIGHLIGHTS_PER_DOC} noted highlights a document, ${FORMULA_NOTES} formula notes` },
      { name: `edition_${key}_with_notes_gzip_bytes`, value: notedGz, unit: 'bytes' },
      { name: `edition_${key}_analysis_ms`, value: round(analysisMs, 0), unit: 'ms', note: 'detectReuse here, once' },
    ],
    row: [label, corpus.documents.length, round(raw / 1024, 0), round(gz / 1024, 0), round(notedRaw / 1024, 0), round(notedGz / 1024, 0), round(noRaw / 1024, 0), round(noGz / 1024, 0), round(analysisMs, 0)],
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
      metrics: [
        { name: 'edition_app_bytes', value: Buffer.byteLength(app), unit: 'bytes', note: 'the app alone' },
        { name: 'edition_app_gzip_bytes', value: gzipSync(app).length, unit: 'bytes' },
        ...results.flatMap((r) => r.metrics),
      ],
      tables: [
        {
          title: "Teacher's edition (KB; the app alone is the first part of each)",
          columns: ['corpus', 'documents', 'raw', 'gzip', 'raw, with notes', 'gzip, with notes', 'raw, no analysis', 'gzip, no analysis', 'analysis ms'],
          rows: results.map((r) => r.row),
        },
      ],
    };
  },
});
