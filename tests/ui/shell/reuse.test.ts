import { describe, expect, it } from 'vitest';
import { ReuseState } from '../../../src/ui/shell/reuse.svelte.ts';
import type { AnalysisClient } from '../../../src/worker/client.ts';

/** A worker stand-in that answers from whatever corpus it holds now. */
function fakeClient(state: { corpus: string }) {
  const asked: string[] = [];
  const client = {
    request(type: string, payload: { id?: string }) {
      asked.push(type);
      if (type === 'reuse') return Promise.resolve({ families: [], corpus: state.corpus });
      if (type === 'family') return Promise.resolve({ family: { id: payload.id, label: state.corpus }, passages: [] });
      return Promise.resolve([]);
    },
  };
  return { client: client as unknown as AnalysisClient, asked };
}

describe('ReuseState', () => {
  it('asks the worker once per detail until the corpus changes', async () => {
    const corpus = { corpus: 'before' };
    const { client, asked } = fakeClient(corpus);
    const reuse = new ReuseState(client);
    expect((await reuse.family('f1'))?.family.label).toBe('before');
    expect((await reuse.family('f1'))?.family.label).toBe('before');
    expect(asked.filter((t) => t === 'family')).toHaveLength(1);
    expect(reuse.status).toBe('ready');

    const generation = reuse.generation;
    corpus.corpus = 'after';
    reuse.reset();
    expect(reuse.generation).toBe(generation + 1);
    expect(reuse.status).toBe('idle');
    expect(reuse.overview).toBeNull();
    expect((await reuse.family('f1'))?.family.label).toBe('after');
    expect(asked.filter((t) => t === 'reuse')).toHaveLength(2);
  });
});
