/**
 * The analyses the corpora database keeps (corpora.ts runs these inside its
 * transactions):
 *
 * - A cache of the engine's results, keyed by `analysisCacheKey` (content
 *   hash and what the engine groups by) and ANALYSIS_ENGINE_VERSION: a
 *   different engine never reads another's result. Each corpus remembers
 *   the key of its last result, so opening it can hand that result to the
 *   worker with the documents in one request. Only the MAX_CACHED_ANALYSES
 *   most recently used results are kept (every import makes a new content
 *   hash; the old results would pile up).
 * - An analysis another tool computed (passim, TextPAIR: src/interop) is part
 *   of its corpus, not a cache: never evicted, deleted with the corpus.
 *
 * Results are JSON bytes: stored and handed to the worker without the page
 * ever parsing them.
 */
import { promisifyRequest } from 'idb-keyval';
import { ANALYSIS_ENGINE_VERSION } from '../reuse/version.ts';
import { isPlainObject } from '../validate/fields.ts';
import type { ComputedBy } from '../interop/convert.ts';
import type { CachedAnalysis } from '../worker/protocol.ts';
import { analysisKey, analysisUsedKey, enc, importedKey, lastAnalysisKey, prefixRange } from './corpora-records.ts';

/** Cached analyses kept, most recently used first; older ones are deleted when one is stored. */
export const MAX_CACHED_ANALYSES = 4;

/** An analysis another tool computed, stored with its corpus: the bytes the worker reads, and what the page shows of where it came from. */
export interface ImportedAnalysis extends CachedAnalysis {
  computedBy: ComputedBy;
}

/** A cached result as stored: the engine that made it, and its bytes. */
interface StoredAnalysis {
  engine: number;
  bytes: ArrayBuffer;
}

/** A stored result's bytes when this engine made them. */
export function usable(v: unknown): ArrayBuffer | null {
  return isPlainObject(v) && v['engine'] === ANALYSIS_ENGINE_VERSION && v['bytes'] instanceof ArrayBuffer ? v['bytes'] : null;
}

/** The cached result under `hash`, when this engine made it. */
export async function readAnalysis(os: IDBObjectStore, hash: string): Promise<ArrayBuffer | null> {
  return usable(await promisifyRequest(os.get(analysisKey(hash))));
}

/** The last result cached for corpus `key`, with its cache key. */
export async function readLastAnalysis(os: IDBObjectStore, key: string): Promise<CachedAnalysis | null> {
  const hash = (await promisifyRequest(os.get(lastAnalysisKey(key)))) as unknown;
  if (typeof hash !== 'string') return null;
  const bytes = usable(await promisifyRequest(os.get(analysisKey(hash))));
  return bytes ? { key: hash, bytes } : null;
}

/** The analysis imported with corpus `key`, or null. */
export async function readImportedAnalysis(os: IDBObjectStore, key: string): Promise<ImportedAnalysis | null> {
  const v = (await promisifyRequest(os.get(importedKey(key)))) as unknown;
  if (!isPlainObject(v) || typeof v['key'] !== 'string' || !(v['bytes'] instanceof ArrayBuffer) || !isPlainObject(v['computedBy'])) return null;
  return { key: v['key'], bytes: v['bytes'], computedBy: v['computedBy'] as unknown as ComputedBy };
}

/** Puts the analysis imported with corpus `key`. */
export function putImportedAnalysis(os: IDBObjectStore, key: string, analysis: ImportedAnalysis): void {
  os.put({ key: analysis.key, bytes: analysis.bytes, computedBy: analysis.computedBy }, importedKey(key));
}

/** Marks the result under `hash` used at `at` (most recently used are kept). */
export function putAnalysisUsed(os: IDBObjectStore, hash: string, at: number): void {
  os.put(at, analysisUsedKey(hash));
}

/**
 * Puts a result (as the last one of corpus `key`, when given) and deletes
 * all but the MAX_CACHED_ANALYSES most recently used, in the caller's
 * transaction.
 */
export function putAnalysis(os: IDBObjectStore, hash: string, bytes: ArrayBuffer, at: number, key?: string): void {
  const value: StoredAnalysis = { engine: ANALYSIS_ENGINE_VERSION, bytes };
  os.put(value, analysisKey(hash));
  putAnalysisUsed(os, hash, at);
  if (key !== undefined) os.put(hash, lastAnalysisKey(key));
  const results = os.getAllKeys(prefixRange('a/'));
  const usedKeys = os.getAllKeys(prefixRange('m/'));
  const usedAt = os.getAll(prefixRange('m/'));
  // Requests on one store complete in order: the last one's success sees all three.
  usedAt.onsuccess = () => {
    const when = new Map<string, number>();
    (usedKeys.result as string[]).forEach((k, i) => when.set(k.slice(2), typeof usedAt.result[i] === 'number' ? usedAt.result[i] : 0));
    const held = (results.result as string[]).map((k) => k.slice(2));
    held.sort((x, y) => (when.get(y) ?? 0) - (when.get(x) ?? 0) || (x === enc(hash) ? -1 : y === enc(hash) ? 1 : 0));
    for (const k of held.slice(MAX_CACHED_ANALYSES)) {
      os.delete(`a/${k}`);
      os.delete(`m/${k}`);
    }
    for (const k of when.keys()) if (!held.includes(k)) os.delete(`m/${k}`);
  };
}
