/**
 * From a checked edition to what the app runs on: the corpus (named by the
 * edition's title, identified by the hash of its texts like every corpus, so
 * a student's own notes follow the texts from one edition to the next), the
 * teacher's notes, and the stored analysis when this app's engine made it
 * for exactly these texts.
 */
import { corpusHash } from '../corpus/corpus-hash.ts';
import type { Corpus } from '../corpus/types.ts';
import { corpusDocuments, type Edition } from './format.ts';
import { TeacherLayer } from './teacher.ts';

export interface OpenedEdition {
  corpus: Corpus;
  title: string;
  introduction: string;
  opening: string | null;
  madeAt: number;
  teacher: TeacherLayer | null;
  /** The reading set this file continues, so a student's notes follow it (series.ts); null: none. */
  series: string | null;
  /** Whether the stored analysis is used (same engine, same texts). */
  analysisUsable: boolean;
  /** The stored analysis as fresh bytes for the worker (each call a new buffer: it is transferred); null: recompute. */
  analysisBytes: () => ArrayBuffer | null;
}

const byId = (a: { meta: { id: string } }, b: { meta: { id: string } }) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0);

export function openEdition(edition: Edition, analysisText: string | null, engineVersion: number): OpenedEdition {
  const documents = corpusDocuments(edition).sort(byId);
  const corpus: Corpus = { id: corpusHash(documents), name: edition.title, documents };
  const analysisUsable = analysisText !== null && edition.analysis?.engine === engineVersion && edition.analysis.corpus === corpus.id;
  const teacher = edition.teacher ? new TeacherLayer(edition.teacher) : null;
  return {
    corpus,
    title: edition.title,
    introduction: edition.introduction,
    opening: edition.opening,
    madeAt: edition.madeAt,
    series: edition.series,
    teacher: teacher && !teacher.empty ? teacher : null,
    analysisUsable,
    analysisBytes: () => (analysisUsable ? (new TextEncoder().encode(analysisText!).buffer as ArrayBuffer) : null),
  };
}
