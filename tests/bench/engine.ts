/**
 * Finds the reuse engine: src/reuse/index.ts when it exists, otherwise the
 * bench's trivial stand-in (clearly labelled in every output).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { standinDetectReuse } from './standin-reuse.ts';
import type { DetectReuse } from './types.ts';

export interface Engine {
  name: 'src/reuse' | 'stand-in';
  detectReuse: DetectReuse;
}

const ENGINE_URL = new URL('../../src/reuse/index.ts', import.meta.url);

export async function loadEngine(force?: string): Promise<Engine> {
  if (force === 'standin' || !existsSync(fileURLToPath(ENGINE_URL))) {
    return { name: 'stand-in', detectReuse: (docs) => standinDetectReuse(docs) };
  }
  // If the engine exists but fails to load, say so: never fall back silently.
  const mod = (await import(ENGINE_URL.href)) as { detectReuse?: DetectReuse };
  if (typeof mod.detectReuse !== 'function') throw new Error('src/reuse/index.ts does not export detectReuse()');
  return { name: 'src/reuse', detectReuse: mod.detectReuse };
}
