import { describe, expect, it } from 'vitest';
import { TabChannel, readMessage, type ChannelLike } from '../../src/state/tab-channel.ts';

/** Channels of one "browser": what one posts, the others hear (not itself), as BroadcastChannel does. */
function hub(): () => ChannelLike & { closed: boolean } {
  const all = new Set<{ listeners: ((ev: MessageEvent) => void)[] }>();
  return () => {
    const self = { listeners: [] as ((ev: MessageEvent) => void)[], closed: false };
    all.add(self);
    return {
      get closed() {
        return self.closed;
      },
      postMessage(message: unknown) {
        if (self.closed) throw new Error('InvalidStateError');
        for (const other of all) if (other !== self) for (const l of other.listeners) l({ data: structuredClone(message) } as MessageEvent);
      },
      addEventListener: (_type, listener) => void self.listeners.push(listener),
      close() {
        self.closed = true;
        all.delete(self);
      },
    };
  };
}

describe('TabChannel', () => {
  it('tells the other tabs of the same corpus which record was saved at which rev', () => {
    const open = hub();
    const heard: [string, number][] = [];
    const other: [string, number][] = [];
    const a = new TabChannel(open(), 'c1', () => undefined);
    new TabChannel(open(), 'c1', (key, rev) => heard.push([key, rev]));
    new TabChannel(open(), 'c2', (key, rev) => other.push([key, rev]));
    a.post('note/family/g/main', 4);
    expect(heard).toEqual([['note/family/g/main', 4]]);
    expect(other).toEqual([]);
  });

  it('posting on a closed channel, or without one, is not an error', () => {
    const open = hub();
    const a = new TabChannel(open(), 'c1', () => undefined);
    a.close();
    expect(() => a.post('k', 1)).not.toThrow();
    expect(() => new TabChannel(null, 'c1', () => undefined).post('k', 1)).not.toThrow();
  });
});

describe('readMessage', () => {
  it('reads only well-formed messages about its corpus', () => {
    expect(readMessage({ corpus: 'c1', key: 'k', rev: 2 }, 'c1')).toEqual({ corpus: 'c1', key: 'k', rev: 2 });
    expect(readMessage({ corpus: 'c2', key: 'k', rev: 2 }, 'c1')).toBeNull();
    expect(readMessage({ corpus: 'c1', key: 'k', rev: '2' }, 'c1')).toBeNull();
    expect(readMessage({ corpus: 'c1', rev: 2 }, 'c1')).toBeNull();
    expect(readMessage('hello', 'c1')).toBeNull();
  });
});
