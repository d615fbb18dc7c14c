import { describe, expect, it } from 'vitest';
import { describeRange } from '../../src/state/anchor.ts';
import { ReadingState } from '../../src/state/reading-state.svelte.ts';
import { CORPUS, freshIdb } from './helpers.ts';

const base = { corpusId: CORPUS, channel: null, storage: null } as const;

describe('ReadingState', () => {
  // The unit project runs in node, where `svelte` resolves to its server build and
  // effects do not run; what is checked here is that runes compile and the
  // `version` counter (which every read touches) moves on each change.
  it('exposes the store status and bumps `version` on every change', async () => {
    const rs = await ReadingState.open({ ...base, indexedDB: freshIdb() });
    expect(rs.status).toMatchObject({ persistent: true, message: null });
    const v0 = rs.version;
    await rs.addHighlight('d1', describeRange('abc def', 0, 3), { color: 'yellow' });
    expect(rs.version).toBeGreaterThan(v0);
    expect(rs.listHighlights('d1')).toHaveLength(1);
    await rs.close();
  });

  it('shows the memory fallback as a banner status', async () => {
    const rs = await ReadingState.open({ ...base, indexedDB: null });
    expect(rs.status).toMatchObject({ persistent: false, reason: 'unavailable' });
    expect(rs.status.message).toMatch(/Export/);
    await rs.close();
  });

  it('records errors as a notice', async () => {
    const rs = await ReadingState.open({ ...base, indexedDB: null });
    await rs.updateNote({ type: 'family', familyId: 'f' }, 'x'.repeat(200_000));
    expect(rs.notice).toMatch(/Not saved/);
    rs.dismissNotice();
    expect(rs.notice).toBeNull();
    await rs.close();
  });
});
