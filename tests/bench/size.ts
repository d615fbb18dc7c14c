/**
 * Bundle size: raw and gzip (zlib level 9) bytes of dist/index.html.
 *   npm run size            readable
 *   npm run size -- --json  {"metrics":[...]}
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import type { Metric } from './metrics.ts';

export const BUNDLE_PATH = fileURLToPath(new URL('../../dist/index.html', import.meta.url));

export class BundleMissingError extends Error {
  constructor(readonly path: string) {
    super(`${path} not found: run npm run build first`);
    this.name = 'BundleMissingError';
  }
}

export function measureBundle(path = BUNDLE_PATH): Metric[] {
  if (!existsSync(path)) throw new BundleMissingError(path);
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
  return [
    { name: 'bundle_bytes', value: bytes.length, unit: 'bytes', note: 'dist/index.html' },
    { name: 'bundle_gzip_bytes', value: gz.length, unit: 'bytes', note: 'gzip level 9' },
  ];
}

function main(): void {
  const json = process.argv.includes('--json');
  try {
    const metrics = measureBundle();
    if (json) process.stdout.write(JSON.stringify({ metrics }) + '\n');
    else for (const m of metrics) console.log(`${m.name.padEnd(20)} ${m.value!.toLocaleString('en-US').padStart(12)} ${m.unit}  (${(m.value! / 1024).toFixed(1)} KB)`);
  } catch (e) {
    if (e instanceof BundleMissingError) {
      console.error(`size: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
