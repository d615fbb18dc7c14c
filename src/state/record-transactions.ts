/**
 * The IndexedDB transactions of one corpus's reading-state records, each all
 * or nothing (record-sync.ts queues and retries them):
 *
 * - `loadRecords`: every record of the corpus, migrated first when older
 *   (records.ts `migrateEntries`), in one readwrite transaction.
 * - `commitRecord`: one record, compare-and-set: refused when the corpus's
 *   schema is newer than this app's or the stored rev is not the one this
 *   tab last saw.
 * - `commitRecords`: many records (an import), each compared-and-set, in one
 *   transaction that one mismatch or failure aborts.
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';
import { isPlainObject } from '../validate/fields.ts';
import { SCHEMA_PATH, SCHEMA_VERSION, migrateEntries, type StateRecord } from './records.ts';

export type CommitResult = { type: 'ok'; rev: number } | { type: 'conflict'; current: unknown } | { type: 'newer-schema'; version: number };

/** Records per chunk of requests in one commitRecords transaction (a few tens of milliseconds of main thread each). */
export const BATCH_CHUNK = 500;

export function schemaVersionOf(v: unknown): number | undefined {
  return isPlainObject(v) && typeof v['version'] === 'number' ? v['version'] : undefined;
}

/** The rev of a stored value (0: none, or not a record). */
export function revOf(v: unknown): number {
  return isPlainObject(v) && typeof v['rev'] === 'number' ? v['rev'] : 0;
}

export interface LoadedRecords {
  /** The corpus's schema version as found (0: a new corpus). */
  version: number;
  /** path → stored value (migrated), the schema record included. */
  entries: Map<string, unknown>;
}

/** Reads the corpus under `prefix`, migrating it first if it is older, in one transaction. */
export function loadRecords(useStore: UseStore, prefix: string): Promise<LoadedRecords> {
  const KeyRange = (globalThis as { IDBKeyRange?: typeof IDBKeyRange }).IDBKeyRange;
  return useStore('readwrite', (os) => {
    const range = KeyRange ? KeyRange.bound(prefix, `${prefix}\uffff`) : undefined;
    const keysReq = os.getAllKeys(range);
    const valuesReq = os.getAll(range);
    return Promise.all([promisifyRequest(keysReq), promisifyRequest(valuesReq)]).then(([keys, values]) => {
      const raw: [string, unknown][] = [];
      keys.forEach((k, i) => {
        if (typeof k === 'string' && k.startsWith(prefix)) raw.push([k.slice(prefix.length), values[i]]);
      });
      const schema = raw.find(([p]) => p === SCHEMA_PATH)?.[1];
      const version = schemaVersionOf(schema) ?? (raw.length ? 1 : 0);
      let entries = new Map(raw);
      try {
        if (version === 0) {
          os.put({ version: SCHEMA_VERSION }, prefix + SCHEMA_PATH);
        } else if (version < SCHEMA_VERSION) {
          const migrated = migrateEntries(version, raw);
          for (const p of migrated.plan.del) os.delete(prefix + p);
          for (const [p, v] of migrated.plan.put) os.put(v, prefix + p);
          entries = migrated.entries;
        }
      } catch (e) {
        os.transaction.abort(); // a migration is all or nothing
        throw e;
      }
      return promisifyRequest(os.transaction).then(() => ({ version, entries }));
    });
  });
}

/** One record at `prefix + path`, stored with rev `expected + 1` if the stored rev is still `expected`. */
export function commitRecord(useStore: UseStore, prefix: string, path: string, rec: StateRecord, expected: number): Promise<CommitResult> {
  const key = prefix + path;
  return useStore('readwrite', (os) =>
    promisifyRequest(os.get(prefix + SCHEMA_PATH)).then((schema): CommitResult | Promise<CommitResult> => {
      const version = schemaVersionOf(schema) ?? SCHEMA_VERSION;
      if (version > SCHEMA_VERSION) return { type: 'newer-schema', version };
      return promisifyRequest(os.get(key)).then((current: unknown) => {
        const currentRev = revOf(current);
        if (currentRev !== expected) return { type: 'conflict', current } as CommitResult;
        const rev = currentRev + 1;
        try {
          os.put({ ...rec, rev }, key);
        } catch (e) {
          os.transaction.abort();
          throw e;
        }
        return promisifyRequest(os.transaction).then(() => ({ type: 'ok', rev }) as CommitResult);
      });
    }),
  );
}

/**
 * `records` (at `paths`) all or nothing, each compared-and-set against
 * `expected(path)`. Resolves to the stored revs, or to a sentence saying
 * why nothing was written; rejects when the transaction fails.
 */
export function commitRecords(
  useStore: UseStore,
  prefix: string,
  records: readonly StateRecord[],
  paths: readonly string[],
  expected: (path: string) => number,
): Promise<number[] | string> {
  return useStore('readwrite', (os) => {
    const tx = os.transaction;
    return promisifyRequest(os.get(prefix + SCHEMA_PATH)).then(async (schema) => {
      const version = schemaVersionOf(schema) ?? SCHEMA_VERSION;
      if (version > SCHEMA_VERSION) return `the saved state is from a newer version (${version})`;
      const currents = await readChunked(os, paths.map((p) => prefix + p));
      const revs: number[] = [];
      for (let i = 0; i < paths.length; i++) {
        const curRev = revOf(currents[i]);
        if (curRev !== expected(paths[i]!)) {
          tx.abort();
          return 'another tab changed the same records meanwhile; try again';
        }
        revs.push(curRev + 1);
      }
      for (let at = 0; at < records.length; at += BATCH_CHUNK) {
        let last: IDBRequest | null = null;
        try {
          for (let i = at; i < Math.min(at + BATCH_CHUNK, records.length); i++) last = os.put({ ...records[i]!, rev: revs[i] }, prefix + paths[i]!);
        } catch (e) {
          // A put that throws (QuotaExceededError, DataCloneError) does not abort the
          // transaction by itself: the earlier puts would commit. Abort: all or nothing.
          tx.abort();
          throw e;
        }
        if (last && at + BATCH_CHUNK < records.length) await promisifyRequest(last);
      }
      await promisifyRequest(tx);
      return revs;
    });
  });
}

/**
 * The values at `keys`, requested a chunk at a time, each chunk from the
 * previous one's last success (the transaction stays active), so 60,000
 * imported records are many short tasks, not one long freeze.
 */
async function readChunked(os: IDBObjectStore, keys: readonly string[]): Promise<unknown[]> {
  const values: unknown[] = [];
  for (let at = 0; at < keys.length; at += BATCH_CHUNK) {
    const chunk = keys.slice(at, at + BATCH_CHUNK).map((k) => promisifyRequest(os.get(k)));
    for (const v of await Promise.all(chunk)) values.push(v);
  }
  return values;
}
