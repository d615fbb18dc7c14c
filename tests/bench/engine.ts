/**
 * The engine the bench measures: src/reuse, or with `--engine=standin` the
 * naive 5-gram baseline (clearly labelled in every output).
 */
import { detectReuse } from '../../src/reuse/index.ts';
import { standinDetectReuse } from './standin-reuse.ts';
import type { DetectReuse } from './types.ts';

export interface Engine {
  name: 'src/reuse' | 'stand-in';
  detectReuse: DetectReuse;
}

export async function loadEngine(force?: string): Promise<Engine> {
  if (force === 'standin') return { name: 'stand-in', detectReuse: (docs) => standinDetectReuse(docs) };
  return { name: 'src/reuse', detectReuse: (docs) => detectReuse(docs) };
}
