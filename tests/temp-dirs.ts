/**
 * Temporary folders for tests, unit and end-to-end: each is made under the
 * system's temporary folder (TMPDIR) and removed, with what it holds, after
 * the test file that made it (setup-temp-dirs.ts, a setup file of both
 * vitest projects), so a run leaves nothing behind in /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new empty folder named `prefix` and six random characters, removed by removeTempDirs. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder makeTempDir has made since the last call. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
