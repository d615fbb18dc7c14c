/**
 * The engine's whole output on the bench's 1M-word synthetic corpus, pinned
 * by hash. Speed work on the engine is meant to be output-preserving; this
 * says at once when a change alters any passage, op or family. When a change
 * is meant to alter the output, check quality (`npm run bench --
 * --only=reuse-quality`), bump ANALYSIS_ENGINE_VERSION (src/reuse/version.ts:
 * cached analyses of the old engine must not be read) and update the hash
 * here with the reason in the commit. The 1M corpus is the smallest size on which every path runs
 * (winnowing starts above 200k content words). It is English: a change to
 * other languages' output leaves this hash as it is and still bumps the
 * version (engine 17 stems each document in its own language, engine 19
 * tells a language by all its function words, engine 21 takes a French or
 * Italian elided article into a member, engine 22 marks boilerplate only
 * where it stands in half of its outlet's documents; the hash stayed).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { detectReuse } from '../../src/reuse/index.ts';
import { generateCorpus } from '../bench/synthetic-corpus.ts';

describe('detectReuse on the 1M-word bench corpus', () => {
  it('gives exactly the pinned output', () => {
    const docs = generateCorpus({ words: 1_000_000, seed: 1 }).docs;
    const result = detectReuse(docs);
    const hash = createHash('sha256').update(JSON.stringify(result)).digest('hex');
    const changed =
      'the engine output changed. If that is a bug, find it; if it is meant, bump ANALYSIS_ENGINE_VERSION in src/reuse/version.ts (cached analyses of the old engine must not be read) and update the pinned figures here';
    expect(result.passages.length, changed).toBe(6418);
    expect(result.families.length, changed).toBe(667);
    expect(hash.slice(0, 16), changed).toBe('148912582c06db34');
  }, 60_000);
});
