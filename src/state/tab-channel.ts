/**
 * Cross-tab news of saved records: after saving a record a tab posts
 * `{corpus, key, rev}` on a BroadcastChannel; the other tabs of the same
 * corpus hear it and re-read the record. Only the key and rev travel (the
 * record is read from IndexedDB, the one source of truth), so a message
 * lost or out of order costs at most a stale view until the next one.
 */
import { isPlainObject } from '../validate/fields.ts';

export const CHANNEL_NAME = 'refrain-state';

/** What one tab tells the others after saving a record. */
export interface ChangeMessage {
  corpus: string;
  key: string;
  rev: number;
}

/** The part of BroadcastChannel we use (tests may pass their own). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  close(): void;
}

/** A BroadcastChannel named CHANNEL_NAME where the browser has one, else null. */
function defaultChannel(): ChannelLike | null {
  try {
    return typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
  } catch {
    return null;
  }
}

export class TabChannel {
  readonly #corpusId: string;
  readonly #channel: ChannelLike | null;

  /**
   * `given`: undefined for the default channel, null for none. `onChange`
   * hears every well-formed message about this corpus.
   */
  constructor(given: ChannelLike | null | undefined, corpusId: string, onChange: (key: string, rev: number) => void) {
    this.#corpusId = corpusId;
    this.#channel = given === undefined ? defaultChannel() : given;
    this.#channel?.addEventListener('message', (ev) => {
      const m = readMessage(ev.data, corpusId);
      if (m) onChange(m.key, m.rev);
    });
  }

  /** Tells the other tabs that `key` was saved at `rev`. */
  post(key: string, rev: number): void {
    const message: ChangeMessage = { corpus: this.#corpusId, key, rev };
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel: other tabs will see the change on reload.
    }
  }

  close(): void {
    this.#channel?.close();
  }
}

/** A message about corpus `corpusId`, or null (another corpus's, or not one of ours). */
export function readMessage(data: unknown, corpusId: string): ChangeMessage | null {
  if (!isPlainObject(data) || data['corpus'] !== corpusId) return null;
  const key = data['key'];
  const rev = data['rev'];
  return typeof key === 'string' && typeof rev === 'number' ? { corpus: corpusId, key, rev } : null;
}
